"""The move vocabulary: one pydantic model per move type, serialised once, extended in one place."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from game.core.engine.mechanism import start, step
from game.core.engine.moves import (
    Accept,
    Act,
    Counter,
    IllegalMove,
    Move,
    Pass,
    Propose,
    Reject,
    dump_move,
    load_move,
    move_types,
)
from game.core.engine.rules import rule
from game.core.engine.state import State
from game.core.engine.wording import logged, name
from game.core.game import Game
from game.core.saves.replay import load_game
from game.core.scenario.loader import open_scenario
from tests.conftest import DATA

ENGINE = open_scenario(DATA / "good" / "engine.yaml")


# A toy move type, defined here and nowhere else: its class and its rule are all it takes.
class Wave(Move):
    """The party waves to the table: the turn passes and the log says so."""

    type: Literal["wave"] = "wave"

    to: str = "everyone"
    """Whom it waves to."""


@rule(Wave)
def _wave(state: State, move: Wave) -> State:
    return logged(state, "pass", move.party, f"{name(state, move.party)} waves to {move.to}.")


def test_a_new_move_type_needs_only_its_class_and_its_rule(tmp_path: Path) -> None:
    """Issue 7: "adding a toy move type in a test touches only the move module and its rule":
    the controller plays it, the save format writes it, loading replays it to the same game."""
    assert Wave in move_types()
    game = Game.new(ENGINE, 7, ["AA"])
    game.play(Wave(party="AA", to="Betaland"))
    assert "Alphaland waves to Betaland." in [e.text for e in game.state.log]
    path = game.save(tmp_path)
    assert "{type: wave, party: AA, to: Betaland}" in path.read_text(encoding="utf-8")
    loaded = load_game(path)
    assert loaded.state == game.state and loaded.state.digest() == game.state.digest()
    assert Wave(party="AA", to="Betaland") in loaded.state.moves


def test_a_move_without_a_rule_is_refused_not_guessed() -> None:
    class Shrug(Move):
        type: Literal["shrug"] = "shrug"

    with pytest.raises(IllegalMove, match="no rule for moves of type 'shrug'"):
        step(start(ENGINE.scenario, 7), Shrug(party="AA"))


def test_two_move_types_cannot_share_a_tag() -> None:
    with pytest.raises(TypeError, match="move type 'pass' is taken by Pass"):

        class Skip(Move):
            type: Literal["pass"] = "pass"


PARTY = st.sampled_from(["US", "MX", "CA", "AA"])
PACKAGE = st.lists(st.integers(0, 9), min_size=1, max_size=5).map(tuple)
SCOPE = st.lists(PARTY, min_size=2, max_size=3, unique=True).map(tuple)
NOTE = st.text(max_size=20)
MOVES = st.one_of(
    st.builds(Propose, party=PARTY, package=PACKAGE, scope=SCOPE),
    st.builds(Counter, party=PARTY, package=PACKAGE, scope=SCOPE, note=NOTE),
    st.builds(Accept, party=PARTY),
    st.builds(Reject, party=PARTY, note=NOTE),
    st.builds(Pass, party=PARTY),
    st.builds(
        Act,
        party=PARTY,
        action=st.sampled_from(["build", "consult"]),
        target=st.none() | PARTY,
    ),
)


@given(MOVES)
def test_every_move_round_trips_through_its_serialised_form(move: Move) -> None:
    data = dump_move(move)
    assert data["type"] == move.type and data["party"] == move.party
    assert load_move(data) == move


def test_an_unknown_move_type_is_an_error_naming_the_known_ones() -> None:
    with pytest.raises(ValidationError, match="'surrender'"):
        load_move({"type": "surrender", "party": "US"})


def test_option_positions_are_whole_numbers_not_text_or_flags() -> None:
    for bad in (["1", 0], [True, 0], [-1, 0], [1.5, 0]):
        with pytest.raises(ValidationError):
            load_move({"type": "propose", "party": "US", "package": bad, "scope": ["US", "MX"]})


def test_moves_are_frozen_and_hashable() -> None:
    move = Propose(party="US", package=(1, 0), scope=("US", "MX"))
    assert hash(move) == hash(Propose(party="US", package=(1, 0), scope=("US", "MX")))
    with pytest.raises(ValidationError):
        move.party = "MX"  # type: ignore[misc]
