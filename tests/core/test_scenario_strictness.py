"""A scenario file means what it says: no key silently ignored, no value of the wrong type taken
for another. Each problem is refused at its line, saying what would be right."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core.scenario.errors import LoadError
from game.core.scenario.loader import load_scenario
from tests.conftest import DATA

MINIMAL = (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8")


def written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def refused(tmp_path: Path, text: str) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_scenario(written(tmp_path, text))
    return caught.value


def line_of(text: str, words: str) -> int:
    """The line (from 1) of the first line of the text holding these words."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if words in line)


@pytest.mark.parametrize(("old", "new"), [(3, 1), (1, 3), (2, 2)])
def test_the_old_and_new_name_of_the_security_threshold_together_are_refused_at_the_old_one(
    tmp_path: Path, old: int, new: int
) -> None:
    """An instructor's audit: `security_arrangement_min: 1` with `security_community_min: 3`
    (its name in older files) was accepted without a word, the old key ignored."""
    text = MINIMAL + f"outcomes:\n  security_arrangement_min: {new}\n"
    text += f"  security_community_min: {old}\n"
    error = refused(tmp_path, text)
    [problem] = error.problems
    assert (problem.line, problem.column) == (line_of(text, "security_community_min"), 3)
    assert problem.path == "outcomes.security_community_min"
    assert "older name of security_arrangement_min" in problem.message
    assert "keep security_arrangement_min" in problem.message


def test_both_names_of_the_security_threshold_are_reported_with_the_file_s_other_problems(
    tmp_path: Path,
) -> None:
    """Every problem comes out in one run: the two names of one key beside a wrong type."""
    text = MINIMAL.replace("title: Minimal test scenario", "title: [a, b]")
    text += "outcomes:\n  security_arrangement_min: 1\n  security_community_min: 3\n"
    paths = [p.path for p in refused(tmp_path, text).problems]
    assert paths == ["title", "outcomes.security_community_min"]


def test_the_old_name_of_the_security_threshold_alone_is_still_read(tmp_path: Path) -> None:
    """Files written before the key was renamed keep loading, as AUTHORING.md promises."""
    text = MINIMAL + "outcomes:\n  security_community_min: 1\n"
    assert load_scenario(written(tmp_path, text)).outcomes.security_arrangement_min == 1
