"""A file given to a command that takes another kind (a scenario, a package, a saved game) gets
one line naming the file, saying what it is and which command takes it.

An instructor's audit: `validate pkg_border.yaml` (a package file) gave 12 errors, one of them
"did you mean 'actions'?", and `score small.yaml small.yaml` (the scenario given as its own
package) gave 20; `report` and loading a save already said in one line that a scenario is not
a save.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.core.game import Game
from game.core.scenario.loader import open_scenario
from tests.conftest import DATA

MINIMAL = DATA / "good" / "minimal.yaml"


def package(tmp_path: Path) -> Path:
    path = tmp_path / "pkg_border.yaml"
    path.write_text("options:\n  border: patrols\n", encoding="utf-8")
    return path


def a_save(tmp_path: Path) -> Path:
    game = Game.new(open_scenario(MINIMAL), 1, ["AA"])
    return game.save(tmp_path)


def one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    problems = [line for line in err if ": error: " in line]
    assert len(problems) == 1, err
    return problems[0]


def test_a_package_file_given_to_validate_is_named_a_package_with_the_command_for_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = package(tmp_path)
    assert main(["validate", str(path)]) == 1
    line = one_line(capsys)
    assert line.startswith(f"{path}: error: this is a package file")
    assert "not a scenario" in line and f"python main.py score SCENARIO {path}" in line


def test_a_scenario_given_to_score_as_its_package_is_named_a_scenario(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["score", str(MINIMAL), str(MINIMAL)]) == 1
    line = one_line(capsys)
    assert line.startswith(f"{MINIMAL}: error: this is a scenario, not a package file")
    assert f"python main.py score {MINIMAL} PACKAGE.yaml" in line


def test_a_package_and_a_scenario_given_the_wrong_way_round_to_score_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = package(tmp_path)
    assert main(["score", str(path), str(MINIMAL)]) == 1
    assert "this is a package file" in one_line(capsys)


def test_a_saved_game_given_as_a_scenario_or_a_package_says_how_to_continue_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save = a_save(tmp_path)
    assert main(["validate", str(save)]) == 1
    line = one_line(capsys)
    assert "this is a saved game, not a scenario" in line
    assert f"python main.py play --load {save}" in line
    assert main(["score", str(MINIMAL), str(save)]) == 1
    assert "this is a saved game, not a package file" in one_line(capsys)


def test_a_package_file_given_to_report_is_named_a_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = package(tmp_path)
    assert main(["report", str(path)]) == 1
    line = one_line(capsys)
    assert "this is a package file" in line and "not a saved game" in line
