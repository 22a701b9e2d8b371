"""The README's "Scoring a package" example runs, and shows what the command prints."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from tests.conftest import ROOT


def section() -> str:
    """The README's "### Scoring a package" section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    text = readme.split("### Scoring a package\n", 1)[1]
    return re.split(r"\n#{2,3} ", text, maxsplit=1)[0]


def fenced(kind: str) -> str:
    """The section's first fenced block of a kind (yaml, text, json)."""
    found = re.search(rf"```{kind}\n(.*?)```", section(), re.DOTALL)
    assert found, f"no ```{kind} block in the README's Scoring a package section"
    return found[1]


def run_score(tmp_path: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> str:
    """`python main.py score spp-2005 package.yaml`, on the README's package file."""
    package = tmp_path / "package.yaml"
    package.write_text(fenced("yaml"), encoding="utf-8")
    assert main(["score", "spp-2005", str(package), *flags]) == 0
    return capsys.readouterr().out


def test_the_readme_package_example_runs_and_prints_what_the_readme_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 8: "the README's example works and its output is what the command prints"."""
    assert run_score(tmp_path, capsys) == fenced("text")


def test_the_readme_json_excerpt_shows_the_numbers_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 8: "a test runs the README example" and "checks that the numbers shown in the
    README's JSON excerpt are the ones printed" (every value shown, and every breakdown line
    shown in full)."""
    printed: dict[str, Any] = json.loads(run_score(tmp_path, capsys, "--json"))["parties"]
    excerpt = fenced("json")
    party = re.search(r'"parties": \{"(\w+)"', excerpt)
    assert party, excerpt
    shown = printed[party[1]]
    head, breakdown = excerpt.split('"breakdown"', 1)
    objects = re.compile(r"\{[^{}]*\}")  # the innermost ones: premiums and breakdown lines
    pairs = re.findall(r'"(\w+)": (-?\d+(?:\.\d+)?|true|false|\[\])', objects.sub("{}", head))
    assert {"total", "reservation", "needed", "acceptable"} <= {key for key, _ in pairs}
    for key, value in pairs:
        assert shown[key] == json.loads(value), key
    for premium in objects.findall(head):
        assert json.loads(premium) in shown["premiums"]
    lines = [json.loads(item) for item in objects.findall(breakdown)]
    assert lines
    for line in lines:
        assert line in shown["breakdown"]
