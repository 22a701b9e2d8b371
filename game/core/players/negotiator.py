"""The interface every computer negotiator implements, the strategies behind it by name, and how
a turn is put together from it.

A negotiator knows what a person in its seat would know: its own scores, what the scenario makes
public, and its beliefs about its partners (`beliefs`); only the `omniscient` strategy reads
their exact scores. A new strategy is one module in `strategies/` and one line in STRATEGIES.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from game.core.engine.legal import Legal, legal_moves
from game.core.engine.mechanism import step
from game.core.engine.moves import Act, Move
from game.core.engine.state import Difficulty, State
from game.core.players.strategies.modeller import modeller
from game.core.players.strategies.scripted import AcceptFirst, Greedy
from game.core.players.strategies.time_dependent import TimeDependent
from game.core.players.strategies.tit_for_tat import TitForTat
from game.core.players.style import StrategyName, Style, style_for
from game.core.players.tactics import waiting_pass
from game.core.scenario.model import Scenario


class Negotiator(Protocol):
    """A computer player. On its turn it may act, then it replies to the offer before it or,
    with nothing before it, proposes a package (or passes)."""

    def act(self, state: State, party: str, actions: tuple[Act, ...]) -> Act | None:
        """The diplomatic action to take before moving at the table, if any."""

    def respond(self, state: State, party: str, legal: Legal) -> Move:
        """Accept, reject or counter the offer before the party."""

    def propose(self, state: State, party: str) -> Move:
        """What to put on an empty table (a Propose), or a Pass."""

    def level(self, state: State, party: str) -> float:
        """What it holds out for now: the least a package must be worth to it."""


STRATEGIES: dict[StrategyName, Callable[[Style], Negotiator]] = {
    "boulware": TimeDependent,
    "linear": TimeDependent,
    "conceder": TimeDependent,
    "tit_for_tat": TitForTat,
    "modeller": modeller,
    "omniscient": TimeDependent,
    "accept_first": AcceptFirst,
    "greedy": Greedy,
}
"""The negotiator that plays each strategy, made from a style."""


def negotiator_for(style: Style) -> Negotiator:
    """The negotiator that plays a style."""
    return STRATEGIES[style.strategy](style)


def seat_negotiator(
    scenario: Scenario,
    party: str,
    difficulty: Difficulty = "normal",
    strategy: StrategyName | None = None,
) -> Negotiator:
    """The computer at a country's seat: the scenario's personality for it (or `strategy`),
    at this difficulty."""
    return negotiator_for(style_for(scenario, party, difficulty, strategy))


def choose_move(state: State, party: str, negotiator: Negotiator | None = None) -> Move:
    """The negotiator's next move for the party whose turn it is (by default the computer
    the scenario gives that country, at the game's difficulty)."""
    chosen = negotiator or seat_negotiator(state.scenario, party, state.difficulty)
    legal = legal_moves(state, party)
    action = chosen.act(state, party, legal.actions)
    if action is not None:
        return action
    if legal.accept or legal.reject:
        return chosen.respond(state, party, legal)
    if legal.propose:
        return chosen.propose(state, party)
    return waiting_pass(state, party)


def play_out(state: State) -> State:
    """Let the computer play every remaining move, people's seats included (for analyses)."""
    while not state.finished:
        party = state.to_move
        assert party is not None
        state = step(state, choose_move(state, party))
    return state
