"""The interface every computer negotiator implements, and how a turn is put together from it."""

from __future__ import annotations

from typing import Protocol

from game.core.engine.legal import Legal, legal_moves
from game.core.engine.mechanism import step
from game.core.engine.moves import Act, Move, Pass
from game.core.engine.state import State
from game.core.players.baseline import BaselineNegotiator


class Negotiator(Protocol):
    """A computer player. On its turn it may act, then it replies to the offer before it or,
    with nothing before it, proposes a package (or passes)."""

    def act(self, state: State, party: str, actions: tuple[Act, ...]) -> Act | None:
        """The diplomatic action to take before moving at the table, if any."""

    def respond(self, state: State, party: str, legal: Legal) -> Move:
        """Accept, reject or counter the offer before the party."""

    def propose(self, state: State, party: str) -> Move:
        """What to put on an empty table (a Propose), or a Pass."""


BASELINE = BaselineNegotiator()
"""The negotiator at every computer seat unless a game says otherwise."""


def choose_move(state: State, party: str, negotiator: Negotiator = BASELINE) -> Move:
    """The negotiator's next move for the party whose turn it is."""
    legal = legal_moves(state, party)
    action = negotiator.act(state, party, legal.actions)
    if action is not None:
        return action
    if legal.accept or legal.reject:
        return negotiator.respond(state, party, legal)
    if legal.propose:
        return negotiator.propose(state, party)
    return Pass(party=party)


def play_out(state: State, negotiator: Negotiator = BASELINE) -> State:
    """Let the computer play every remaining move, people's seats included (for analyses)."""
    while not state.finished:
        party = state.to_move
        assert party is not None
        state = step(state, choose_move(state, party, negotiator))
    return state
