"""Reciprocity (tit-for-tat): concede as the partners concede, and answer trust with trust.

Its aspiration falls by as much as its partners' offers have improved for it since their first
ones (it mirrors their concessions), and never holds out past its own concession curve once its
patience runs out. Whatever a partner did towards it last round (a joint assessment, a
confidence-building measure) it answers in kind; after a partner acted alone against it, it
turns to the other partner and settles something with it on the side (on hard, not while it
believes a trilateral deal is in sight: a side deal raises both signatories' alternatives,
which can close a thin zone of agreement).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.engine.legal import Legal
from game.core.engine.moves import Act, Counter, Move, Propose
from game.core.engine.state import State
from game.core.players import clock, search, tactics
from game.core.players.diplomacy import choose_action, deal_in_sight
from game.core.players.style import Style

ANSWERED = ("joint_assessment", "confidence_building")
"""Kinds of action a tit-for-tat negotiator answers in kind."""


@dataclass(frozen=True)
class TitForTat:
    """See the module's docstring."""

    style: Style

    def level(self, state: State, party: str) -> float:
        """Its best, less what its partners have conceded to it, but no more than its own
        concession curve asks."""
        best = search.best_possible(state, party)
        curve = clock.aspiration(state, party, self.style, best)
        return min(curve, max(curve, best) - conceded(state, party))

    def act(self, state: State, party: str, actions: tuple[Act, ...]) -> Act | None:
        """Answer in kind what a partner did towards it last round; otherwise its habits."""
        kinds = {a.action: state.scenario.action(a.action).kind for a in actions}
        for r, actor, action, target in reversed(state.acts):
            if r < state.round - 1 or target != party or actor == party:
                continue
            kind = state.scenario.action(action).kind
            if kind in ANSWERED:
                answer = Act(party=party, action=action, target=actor)
                if answer in actions:
                    return answer
            if kind == "unilateral" and not (
                # On hard, it minds the deal: settling on the side would sink one it sees.
                self.style.minds_the_deal and deal_in_sight(state, party, self.style)
            ):
                other = next(
                    (
                        a
                        for a in actions
                        if kinds[a.action] == "side_deal" and a.target not in (party, actor)
                    ),
                    None,
                )
                if other is not None:
                    return other
        return choose_action(state, party, actions, self.style)

    def respond(self, state: State, party: str, legal: Legal) -> Move:
        """Accept what beats its level; otherwise counter, or reject, saying why."""
        return tactics.reply(state, party, self.style, legal, self.level(state, party))

    def propose(self, state: State, party: str) -> Move:
        """Table its best offer at its level, or pass."""
        return tactics.table(state, party, self.style, self.level(state, party))


def conceded(state: State, party: str) -> float:
    """How much better for the party the partners' latest offers are than their first ones
    (the most any partner has conceded to it), in score points now."""
    first: dict[str, float] = {}
    latest: dict[str, float] = {}
    for move in state.moves:
        if isinstance(move, Propose | Counter) and move.party != party and party in move.scope:
            value = state.scorer.total(party, move.package)
            first.setdefault(move.party, value)
            latest[move.party] = value
    return max((latest[q] - first[q] for q in first), default=0.0)
