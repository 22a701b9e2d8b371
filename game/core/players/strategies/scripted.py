"""Scripted players, for measuring the strategies: one takes the first acceptable offer, the
other always demands its maximum."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.engine.legal import Legal, offer_problem, required_value
from game.core.engine.moves import Accept, Act, Counter, Move, Pass, Propose, Reject
from game.core.engine.state import State
from game.core.players import search, tactics
from game.core.players.beliefs import beliefs
from game.core.players.sayings import PHRASES
from game.core.players.style import Style
from game.core.scenario.packages import Package


@dataclass(frozen=True)
class AcceptFirst:
    """Accepts any offer it may accept and its groups at home support; tables its own best
    offer at what it needs. The naive player the difficulty bar is measured against."""

    style: Style

    def act(self, state: State, party: str, actions: tuple[Act, ...]) -> Act | None:
        """No diplomacy."""
        return None

    def respond(self, state: State, party: str, legal: Legal) -> Move:
        """Yes to anything acceptable."""
        offer = state.offer
        assert offer is not None
        if legal.accept and state.scorer.score(party, offer.package, offer.scope).ratifies:
            return Accept(party=party)
        return Reject(party=party, note=f"it cannot accept this: {PHRASES['accept_first']}")

    def propose(self, state: State, party: str) -> Move:
        """Its best offer at what it needs."""
        return tactics.table(state, party, self.style, self.level(state, party))

    def level(self, state: State, party: str) -> float:
        """What it needs, no more."""
        return required_value(state, party)


@dataclass(frozen=True)
class Greedy:
    """Always tables the package best for itself and accepts nothing short of it (within a
    point): the always-demand-the-maximum player."""

    style: Style

    def act(self, state: State, party: str, actions: tuple[Act, ...]) -> Act | None:
        """No diplomacy."""
        return None

    def respond(self, state: State, party: str, legal: Legal) -> Move:
        """Yes only to (nearly) its maximum; otherwise its maximum again, in its place."""
        offer = state.offer
        assert offer is not None
        package = self._maximum(state, party)
        level = self.level(state, party)
        score = state.scorer.score(party, offer.package, offer.scope)
        takes = legal.accept and score.ratifies and score.total >= level
        if package is None or offer.package == package or not legal.counter or takes:
            return tactics.reply(state, party, self.style, legal, level)
        ids = state.scenario.party_ids
        return Counter(party=party, package=package, scope=ids, note=PHRASES["greedy"])

    def propose(self, state: State, party: str) -> Move:
        """Its maximum, whether or not anyone would take it (a pass if it may not table it, as
        when its best is the status quo, or its own groups at home would not back even that)."""
        package = self._maximum(state, party)
        if package is None:
            return Pass(party=party)
        return Propose(party=party, package=package, scope=state.scenario.party_ids)

    def _maximum(self, state: State, party: str) -> Package | None:
        """Its own best package, if it may table it and its groups at home would back it."""
        ids = state.scenario.party_ids
        b = beliefs(state, party, self.style.knowledge)
        # The first weighting of the search counts the party alone: its own best package.
        package = search.candidates(state, party, b, ids)[0]
        if (
            offer_problem(state, party, package, ids) is not None
            or not state.scorer.score(party, package).ratifies
        ):
            return None
        return package

    def level(self, state: State, party: str) -> float:
        """Its best, less a point."""
        return search.best_possible(state, party) - 1.0
