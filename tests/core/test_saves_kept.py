"""A game loaded from a save never writes over a file that holds more of it, and a save that
cannot be written names the file it was for and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core.engine.legal import legal_moves
from game.core.engine.moves import Pass
from game.core.game import Game
from game.core.saves import store
from tests.conftest import spp_file

PARTY, SEED = "MX", 42


def pass_round(game: Game) -> None:
    """The person passes until the next round opens (or the game ends)."""
    round_ = game.state.round
    while game.state.round == round_ and not game.finished:
        game.play(Pass(party=PARTY))


def finished_with_an_early_save(folder: Path) -> tuple[Game, Path]:
    """A game played to its end in `folder` (its autosave holds it, finished), with a save by
    hand made in round 2."""
    game = Game.new(spp_file(), SEED, [PARTY], saves_dir=folder)
    pass_round(game)
    early = game.save(folder)
    while not game.finished:
        game.play(Pass(party=PARTY))
    assert game.last_autosave is not None
    return game, early


def test_a_game_loaded_from_an_earlier_save_never_overwrites_its_finished_autosave(
    tmp_path: Path,
) -> None:
    """Audit: "Loading an earlier save of a game silently overwrites that game's autosave,
    which may be the only copy of the finished game": after loading a round-2 save and playing
    a round, the autosave held round 3, finished: false. The game goes on in a new autosave,
    as a branch does."""
    over, early = finished_with_an_early_save(tmp_path)
    autosave = over.last_autosave
    assert autosave is not None
    finished_text = autosave.read_bytes()
    again = Game.load(early, saves_dir=tmp_path)
    assert again.kept_apart == autosave
    pass_round(again)
    assert autosave.read_bytes() == finished_text
    assert Game.load(autosave).finished
    assert again.last_autosave is not None and again.last_autosave != autosave
    assert again.last_autosave.name.startswith("autosave-spp-2005-MX-")
    assert Game.load(again.last_autosave).state.digest() == again.state.digest()


def test_saves_by_hand_of_a_game_loaded_apart_never_overwrite_the_first_games(
    tmp_path: Path,
) -> None:
    """Saves by hand are named after the game too (`...-round2.yaml`): the continuation's go
    to names of their own, so the round-2 save it was loaded from stays as it was."""
    _, early = finished_with_an_early_save(tmp_path)
    text = early.read_bytes()
    again = Game.load(early, saves_dir=tmp_path)
    # A diplomatic action: the turn, and the round, go on.
    again.play(legal_moves(again.state, PARTY).actions[0])
    assert again.state.round == 1
    assert again.save(tmp_path) != early
    assert early.read_bytes() == text


def test_the_latest_save_of_a_game_goes_on_in_the_games_own_autosave(tmp_path: Path) -> None:
    """A save at least as far along as the autosave (the autosave itself, or a save by hand
    made since) loses nothing by the autosave going on: the game keeps its one autosave."""
    game = Game.new(spp_file(), SEED, [PARTY], saves_dir=tmp_path)
    pass_round(game)
    autosave = game.last_autosave
    assert autosave is not None
    game.play(Pass(party=PARTY))
    by_hand = game.save(tmp_path, "mine")
    for path in (by_hand, autosave):
        loaded = Game.load(path, saves_dir=tmp_path)
        assert loaded.kept_apart is None
        pass_round(loaded)
        assert loaded.last_autosave == autosave
    assert sorted(p.name for p in tmp_path.glob("autosave-*.yaml")) == [autosave.name]


def test_two_continuations_of_one_save_each_keep_their_own_autosave(tmp_path: Path) -> None:
    """Loading the round-2 save again, after a first continuation went on from it, keeps that
    continuation too (its moves are not the start of the second's)."""
    _, early = finished_with_an_early_save(tmp_path)
    first = Game.load(early, saves_dir=tmp_path)
    pass_round(first)
    second = Game.load(early, saves_dir=tmp_path)
    pass_round(second)
    pass_round(second)
    assert first.last_autosave is not None and second.last_autosave is not None
    assert first.last_autosave != second.last_autosave
    assert Game.load(first.last_autosave).state.digest() == first.state.digest()
    assert len(list(tmp_path.glob("autosave-*.yaml"))) == 3


def test_an_unreadable_autosave_is_kept_apart_too(tmp_path: Path) -> None:
    """A file of the autosave's name that cannot be read as a save may be all that is left of
    the game: it is never written over either."""
    over, early = finished_with_an_early_save(tmp_path)
    assert over.last_autosave is not None
    over.last_autosave.write_text("format_version: [\n", encoding="utf-8")
    again = Game.load(early, saves_dir=tmp_path)
    pass_round(again)
    assert over.last_autosave.read_text(encoding="utf-8") == "format_version: [\n"


def test_a_failed_autosave_is_kept_with_the_file_and_the_reason(tmp_path: Path) -> None:
    """Audit: "When saving fails, autosave fails silently"; and Ctrl+S said "Could not save:
    Operation not permitted" without naming the file or folder. The game records why its last
    autosave failed, naming the file it was for; a save by hand raises the same."""
    folder = tmp_path / "saves"
    folder.write_text("not a folder", encoding="utf-8")
    game = Game.new(spp_file(), SEED, [PARTY], saves_dir=folder)
    failure = game.autosave_failure
    assert failure is not None and game.last_autosave is None
    assert failure.path.parent == folder and failure.path.name.startswith("autosave-")
    assert str(folder) in failure.advice
    with pytest.raises(store.SaveFailed) as raised:
        game.save()
    assert raised.value.path.parent == folder and str(folder) in str(raised.value)


def test_an_autosave_that_works_again_clears_the_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    game = Game.new(spp_file(), SEED, [PARTY], saves_dir=tmp_path)
    assert game.autosave_failure is None and game.last_autosave is not None

    def refuse(path: Path, data: bytes) -> None:
        raise PermissionError(1, "Operation not permitted")

    with monkeypatch.context() as patched:
        patched.setattr(store, "write_atomic", refuse)
        pass_round(game)
        assert game.autosave_failure is not None
        assert "Operation not permitted" in str(game.autosave_failure)
    pass_round(game)
    assert game.autosave_failure is None
