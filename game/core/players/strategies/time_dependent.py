"""Time-dependent concession (Boulware, linear, Conceder): the classic strategies of automated
negotiation, which concede from their best towards what they need on a fixed curve in time."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.engine.legal import Legal
from game.core.engine.moves import Act, Move
from game.core.engine.state import State
from game.core.players import clock, search, tactics
from game.core.players.diplomacy import choose_action
from game.core.players.style import Style


@dataclass(frozen=True)
class TimeDependent:
    """Holds out for its aspiration, which falls on its concession curve; tables the best
    package for itself that it believes would pass. It does not learn from its partners:
    what it believes of them is the haze its trust allows."""

    style: Style
    nash: bool = False
    """Whether it picks, among the packages it believes would pass, the one with the largest
    product of everyone's gains (a modeller) rather than the best for itself."""

    def level(self, state: State, party: str) -> float:
        """What it holds out for now."""
        return clock.aspiration(state, party, self.style, search.best_possible(state, party))

    def act(self, state: State, party: str, actions: tuple[Act, ...]) -> Act | None:
        """Its diplomatic habits (see `diplomacy`)."""
        return choose_action(state, party, actions, self.style)

    def respond(self, state: State, party: str, legal: Legal) -> Move:
        """Accept what beats its aspiration; otherwise counter, or reject, saying why."""
        return tactics.reply(state, party, self.style, legal, self.level(state, party), self.nash)

    def propose(self, state: State, party: str) -> Move:
        """Table its best offer at its aspiration, or pass."""
        return tactics.table(state, party, self.style, self.level(state, party), self.nash)
