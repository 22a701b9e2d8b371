"""The baseline computer negotiator, and computer-only games in bulk."""

from __future__ import annotations

import dataclasses

import pytest

from game.core.analysis.simulation import play_computer_game, simulate
from game.core.engine.mechanism import start, step
from game.core.engine.moves import Accept, Act, Counter, Move, Pass, Propose, Reject
from game.core.engine.state import State
from game.core.players.baseline import aspiration, best_offer
from game.core.players.negotiator import choose_move, play_out
from game.core.players.search import candidates
from game.core.scenario.loader import load_scenario
from game.core.scenario.model import Scenario
from tests.conftest import DATA

HUMANS = {"AA": "human", "BB": "human", "CC": "human"}
EVERYONE = ("AA", "BB", "CC")
HISTORICAL_CAUSES = frozenset({"leader_change", "visa_2009", "domestic_opposition"})


@pytest.fixture(scope="module")
def engine() -> Scenario:
    return load_scenario(DATA / "good" / "engine.yaml")


SHARED = (0, 1, 0)  # shared analysis only: every parliament ratifies it


def main_move(state: State, party: str) -> Move:
    """The computer's move at the table, after any diplomatic action it takes first."""
    move = choose_move(state, party)
    while isinstance(move, Act):
        state = step(state, move)
        move = choose_move(state, party)
    return move


def at_last_round(state: State) -> State:
    while state.round < len(state.scenario.rounds) - 1:
        state = step(state, Pass(party=state.to_move or ""))
    return state


def test_late_in_the_game_it_accepts_a_package_above_reservation_that_ratifies(
    engine: Scenario,
) -> None:
    state = at_last_round(start(engine, 2, HUMANS))  # type: ignore[arg-type]
    proposer = state.to_move or ""
    state = step(state, Propose(party=proposer, package=SHARED, scope=EVERYONE))
    responder = state.to_move or ""
    score = state.scorer.score(responder, SHARED)
    assert score.ratifies and score.total >= aspiration(state, responder, 100.0)
    assert main_move(state, responder) == Accept(party=responder)


def test_early_in_the_game_it_holds_out_for_more(engine: Scenario) -> None:
    state = start(engine, 2, HUMANS)  # type: ignore[arg-type]
    state = step(
        state, Propose(party="AA", package=(3, 0, 0), scope=("AA", "CC"))
    )  # worth 56 to C; it aims higher
    state = step(state, Pass(party="BB"))
    move = main_move(state, "CC")
    assert isinstance(move, Reject | Counter)


def test_it_refuses_a_valuable_package_that_would_not_ratify_at_home(engine: Scenario) -> None:
    state = at_last_round(start(engine, 2, HUMANS))  # type: ignore[arg-type]
    proposer = state.to_move or ""
    state = step(
        state, Propose(party=proposer, package=(1, 1, 1), scope=EVERYONE)
    )  # open borders: C's public objects
    while state.to_move != "CC":
        state = step(state, Pass(party=state.to_move or ""))
    score = state.scorer.score("CC", (1, 1, 1))
    assert score.total > score.reservation and not score.ratifies
    move = main_move(state, "CC")
    assert isinstance(move, Reject | Counter)
    assert "At home" in move.note or "holding out" in move.note


def test_it_tables_the_best_package_found_by_search_that_it_expects_to_pass(
    engine: Scenario,
) -> None:
    state = start(engine, 2, HUMANS)  # type: ignore[arg-type]
    move = choose_move(state, "AA")
    while not isinstance(move, Propose | Pass):
        state = step(state, move)
        move = choose_move(state, "AA")
    assert isinstance(move, Propose)
    pool = candidates(engine, state.conditions, move.scope)
    assert move.package in {c.package for c in pool}
    offer = best_offer(state, "AA", 0.0)
    assert offer is not None and offer.package == move.package
    for party in move.scope:
        assert not state.scorer.score(party, move.package).red_lines


def test_it_explains_each_reply_in_the_words_of_the_breakdown(spp: Scenario) -> None:
    state = play_computer_game(spp, 11)
    notes = [e for e in state.log if e.kind == "reject"]
    assert notes
    assert all(any("[" in r and "]" in r for r in e.reasons) for e in notes)


def test_computer_only_games_are_deterministic(spp: Scenario) -> None:
    assert play_computer_game(spp, 5).digest() == play_computer_game(spp, 5).digest()


@pytest.mark.parametrize("seed", range(12))
def test_computer_games_end_by_the_deadline_with_only_legal_moves(
    engine: Scenario, seed: int
) -> None:
    state = play_out(start(engine, seed))
    assert state.finished and state.round <= len(engine.rounds) - 1
    for agreement in state.agreements:
        for party in agreement.scope:
            assert not state.scorer.score(party, agreement.package).red_lines


def test_simulate_gives_the_same_summary_for_the_same_seed(engine: Scenario) -> None:
    assert simulate(engine, 20, 4) == simulate(engine, 20, 4)
    assert sum(simulate(engine, 20, 4).outcomes.values()) == 20


def test_states_from_computer_games_are_frozen(spp: Scenario) -> None:
    state = play_computer_game(spp, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        state.finished = False  # type: ignore[misc]
