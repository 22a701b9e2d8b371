"""The negotiation as a state machine: start a game, step(state, move) -> the next state.

A game is a series of dated rounds (summits). In each round every party gets one turn, the
chair first (the chair rotates). On its turn a party may take one diplomatic action and then
makes one move at the table: propose a package, accept / reject / counter the offer on the
table, or pass. An offer every party in its scope accepts goes home for ratification (the
two-level game); failure reopens it and the table learns which group blocked it. Events fire
between rounds. Chance comes only from the seed, so the same seed and moves give the same game.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from game.core.engine.conditions import Conditions
from game.core.engine.moves import IllegalMove, Move
from game.core.engine.rules import rule_for
from game.core.engine.state import Difficulty, Seat, State, evolve
from game.core.engine.timeline import open_round
from game.core.engine.wording import a_deal_kind, cause_words, logged, possessive
from game.core.scenario.model import Scenario


def start(
    scenario: Scenario,
    seed: int,
    seats: dict[str, Seat] | None = None,
    disabled_causes: frozenset[str] | set[str] = frozenset(),
    difficulty: Difficulty = "normal",
) -> State:
    """A new game at its first round, with the events due by then already fired."""
    seats = seats or {p: "computer" for p in scenario.party_ids}
    unknown = set(seats) ^ set(scenario.party_ids)
    if unknown:
        raise ValueError(f"seats must name every party exactly: {sorted(unknown)}")
    state = State(
        scenario=scenario,
        seed=seed,
        seats=tuple((p, seats[p]) for p in scenario.party_ids),
        round=0,
        turn=0,
        conditions=Conditions.initial(scenario),
        disabled_causes=frozenset(disabled_causes),
        difficulty=difficulty,
    )
    if state.disabled_causes:
        state = _what_if(state)
    return open_round(state)


_EVERY = {"party": "the parties are", "country": "its countries are"}
"""How the error of `seats_for` lists a scenario's parties, by the noun it calls them."""


def seats_for(
    scenario: Scenario, humans: Iterable[str], noun: Literal["party", "country"] = "party"
) -> dict[str, Seat]:
    """The seats for `start`: a person's at each of `humans`, the computer's at the other
    parties. Raises ValueError for one the scenario lacks, calling the parties by `noun`: "no
    party ZZ in spp-2005; the parties are US, MX, CA" ("no country ...; its countries are ..."
    for a class game, whose teams play countries)."""
    people = set(humans)
    unknown = people - set(scenario.party_ids)
    if unknown:
        raise ValueError(
            f"no {noun} {', '.join(sorted(unknown))} in {scenario.id}; "
            f"{_EVERY[noun]} {', '.join(scenario.party_ids)}"
        )
    return {p: "human" if p in people else "computer" for p in scenario.party_ids}


def _what_if(state: State) -> State:
    """Say in the log, before anything happens, which causes this game runs without."""
    off = [e for e in state.scenario.events if e.cause in state.disabled_causes]
    text = f"What if…: This game runs without the events of {cause_words(state.disabled_causes)}."
    reasons = tuple(f"{e.date.isoformat()} {e.title}: does not happen" for e in off)
    source = "; ".join(dict.fromkeys(e.source for e in off))
    return logged(state, "event", None, text, reasons, source)


def step(state: State, move: Move) -> State:
    """The state after a move; raises IllegalMove when the rules forbid it."""
    if state.finished:
        raise IllegalMove("the game is over")
    if move.party != state.to_move:
        raise IllegalMove(
            f"it is {possessive(str(state.to_move))} turn, not {possessive(move.party)}"
        )
    after = rule_for(move)(state, move)
    moves = (*state.moves, move)
    if move.ends_turn:
        return _advance(after, moves)
    return evolve(after, moves=moves)


def _advance(state: State, moves: tuple[Move, ...]) -> State:
    """Pass the turn; after the last party, close the round and open the next one. `moves`:
    every move so far, the one just made included (recorded with the turn's passing: one
    copy of the state fewer, on the commonest path)."""
    if state.finished:
        return evolve(state, moves=moves)
    if state.turn + 1 < len(state.order):
        return evolve(state, turn=state.turn + 1, moves=moves)
    return evolve(_close_round(state), moves=moves)


def _close_round(state: State) -> State:
    """After the last party's turn: the deadline, or the next round."""
    if state.round + 1 >= len(state.scenario.rounds):
        outcome = f"The deadline has passed without {a_deal_kind(state.scenario)} agreement."
        return logged(evolve(state, finished=True, turn=0), "end", None, outcome)
    return open_round(evolve(state, round=state.round + 1, turn=0, acted=frozenset()))
