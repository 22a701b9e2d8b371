"""Saves written by Perimeter 0.1 (format 1) still load, checked as strictly as they were then.

The three files in tests/data/saves_v1 were written by version 0.1.0 itself, before the engine
was reorganised, and are kept unchanged.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.core.engine.mechanism import start, step
from game.core.game import Game
from game.core.saves import legacy
from game.core.saves.replay import load_game
from game.core.saves.store import humans_of
from game.core.scenario.errors import LoadError
from tests.conftest import DATA

V1 = DATA / "saves_v1"
FIXTURES = sorted(p for p in V1.glob("*.yaml") if p.name != "engine.yaml")


def test_the_format_1_fixtures_cover_every_part_of_a_state() -> None:
    """The fixtures hold every move type, a pending effect, a banked bilateral agreement, an
    offer on the table, a finished game and a switched-off cause."""
    games = {p.stem: load_game(p).state for p in FIXTURES}
    every = [m.type for s in games.values() for m in s.moves]
    assert set(every) == {"propose", "accept", "reject", "counter", "act", "pass"}
    assert games["in-progress"].pending and games["in-progress"].offer is not None
    assert any(len(a.scope) == 2 for a in games["finished"].agreements)
    assert games["finished"].finished
    assert games["all-computer-without-scandals"].disabled_causes == {"scandals"}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_a_format_1_save_loads_to_the_game_its_moves_replay_to(path: Path) -> None:
    loaded = load_game(path)
    state = loaded.state
    replayed = start(
        state.scenario, state.seed, dict(state.seats), state.disabled_causes, state.difficulty
    )
    for move in state.moves:
        replayed = step(replayed, move)
    assert replayed == state
    assert legacy.digest(state) in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_a_format_1_save_continues_and_is_saved_again_in_the_current_format(
    path: Path, tmp_path: Path
) -> None:
    game = Game.load(path)
    again = game.save(tmp_path)
    text = again.read_text(encoding="utf-8")
    assert "format_version: 2" in text and "human:" not in text
    assert Game.load(again).state == game.state
    assert humans_of(game.state) == tuple(p for p, s in game.state.seats if s == "human")


def test_an_edited_format_1_move_is_still_caught_by_its_digest(tmp_path: Path) -> None:
    """Format 1's digest is recomputed its own way, so an edit that replays is still refused."""
    for name in ("in-progress.yaml", "engine.yaml"):
        shutil.copy(V1 / name, tmp_path / name)
    path = tmp_path / "in-progress.yaml"
    text = path.read_text(encoding="utf-8")
    edited = text.replace("note: more shared analysis", "note: a different note", 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(LoadError, match="does not give the saved game"):
        load_game(path)


def test_problems_in_a_format_1_file_are_named_with_its_own_keys(tmp_path: Path) -> None:
    for name in ("in-progress.yaml", "engine.yaml"):
        shutil.copy(V1 / name, tmp_path / name)
    path = tmp_path / "in-progress.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if line.startswith("- {type: table"))
    lines[n] = lines[n].replace("options: [", "options: [9, ", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_game(path)
    first = caught.value.problems[0]
    assert first.line == n + 1 and first.path.startswith("moves.0.options")
