"""The files `report -o` and `class --csv` write: never over an input of the command, nor over a
saved game or scenario (a .yaml or .yml file); bad usage, said in one line, exit 2. A report or
CSV of a rerun may be written over its own earlier output."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.core.game import Game
from tests.conftest import DATA
from tests.ui.conftest import played_game

USAGE = 2


@functools.cache
def finished() -> Game:
    return played_game("MX", seed=42)


def saved(folder: Path, name: str) -> Path:
    return finished().save(folder, name)


def one_line_error(err: str, path: Path) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"{path}: error: ") and "Traceback" not in err
    return lines[0]


def test_report_never_writes_over_the_save_it_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: "`python main.py report saves/x.yaml -o saves/x.yaml` turned the save into
    Markdown"."""
    save = saved(tmp_path, "x")
    before = save.read_bytes()
    assert main(["report", str(save), "-o", str(save)]) == USAGE
    line = one_line_error(capsys.readouterr().err, save)
    assert "over a save the command reads" in line and "-o debrief.md" in line
    assert save.read_bytes() == before


def test_report_never_writes_over_its_input_whatever_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A save renamed (x.txt) is still the file the command reads, named another way too."""
    save = tmp_path / "x.txt"
    shutil.copy(saved(tmp_path, "x"), save)
    before = save.read_bytes()
    other_spelling = tmp_path / "." / "x.txt"
    assert main(["report", str(save), "-o", str(other_spelling)]) == USAGE
    one_line_error(capsys.readouterr().err, other_spelling)
    assert save.read_bytes() == before


@pytest.mark.parametrize("name", ["other.yaml", "scenario.YML", "new.yaml"])
def test_report_never_writes_a_yaml_file_a_save_or_scenario(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: `report -o` overwrote any file without asking. A .yaml or .yml file is a saved
    game or a scenario (the Load screen and `class` take every *.yaml for a save): one that
    exists is never written over, and a new one would be listed as a broken save."""
    save = saved(tmp_path, "x")
    target = tmp_path / name
    if name != "new.yaml":
        shutil.copy(DATA / "good" / "minimal.yaml", target)
    before = target.read_bytes() if target.exists() else None
    assert main(["report", str(save), "-o", str(target)]) == USAGE
    one_line_error(capsys.readouterr().err, target)
    assert (target.read_bytes() if target.exists() else None) == before


def test_class_never_takes_a_save_for_its_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: "`python main.py class --csv saves/*.yaml --runs 2` (an instructor's typo: --csv
    takes the first save as its output) overwrote the first save with CSV". It is refused
    before any game is simulated, with what to type instead."""
    first, second = saved(tmp_path, "a"), saved(tmp_path, "b")
    before = first.read_bytes()
    assert main(["class", "--csv", str(first), str(second), "--runs", "2"]) == USAGE
    out, err = capsys.readouterr()
    line = one_line_error(err, first)
    assert "--csv" in line and "class.csv" in line and out == ""
    assert first.read_bytes() == before


def test_class_never_writes_its_csv_over_a_save_it_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file the roll-up reads is never its output, whatever its name (a save renamed
    group.csv here)."""
    save = tmp_path / "group.csv"
    shutil.copy(saved(tmp_path, "x"), save)
    before = save.read_bytes()
    assert main(["class", str(save), "--csv", str(save), "--runs", "2"]) == USAGE
    one_line_error(capsys.readouterr().err, save)
    assert save.read_bytes() == before


def test_a_rerun_may_write_over_its_own_report_and_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Overwriting an earlier .md, .html or .csv output stays allowed."""
    save = saved(tmp_path, "x")
    for name in ("debrief.md", "debrief.html"):
        out = tmp_path / name
        out.write_text("an earlier debrief", encoding="utf-8")
        assert main(["report", str(save), "-o", str(out)]) == 0
        assert out.read_text(encoding="utf-8") != "an earlier debrief"
    csv = tmp_path / "class.csv"
    csv.write_text("an earlier roll-up", encoding="utf-8")
    assert main(["class", str(save), "--csv", str(csv), "--runs", "2"]) == 0
    assert csv.read_text(encoding="utf-8").startswith("kind,")
    capsys.readouterr()
