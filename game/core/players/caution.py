"""A negotiator's caution about its partners: the margin it adds to what it believes a partner
needs, and the support at home it wants to see before it counts on a partner's government."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from game.core.engine.legal import required_value
from game.core.engine.scoring import EPSILON, PartyScorer
from game.core.engine.state import State
from game.core.players.beliefs import Beliefs
from game.core.players.clock import last_round, progress
from game.core.scenario.index import index
from game.core.scenario.packages import Package

BLUR = 10.0
"""Score points of safety margin demanded from a partner at trust 0 (none at trust 100), less
as the deadline nears."""

SUPPORT_CUSHION = 2.0
"""Points of support above the threshold a negotiator wants to see before it counts on a
partner's groups at home, when it trusts that partner less than 50 (their mood is public, but
hard to read from outside); none in the game's last round."""


def margin(state: State, party: str, partner: str) -> float:
    """The caution a party adds to what a partner needs: more with distrust, and less as the
    deadline nears (a last chance is worth a risk)."""
    trust = state.conditions.trust[index(state.scenario).dyad(party, partner)]
    return BLUR * (100.0 - trust) / 100.0 * (1.0 - progress(state))


def believed_need(state: State, b: Beliefs, partner: str, scope: tuple[str, ...]) -> float:
    """What the party believes the partner needs for a package of this scope: its belief of
    the partnership's requirement, less the attention premium for a bilateral deal (public)."""
    need = b.needs[partner]
    if len(scope) < len(state.scenario.party_ids):
        need -= required_value(state, partner) - required_value(state, partner, scope)
    return need


def supported(state: State, party: str, partner: str, package: Package) -> bool:
    """Whether the partner's groups at home would back the package, as the party can tell."""
    view, bar = _support_bar(state, party, partner)
    return view.support(package) >= bar


def believed_to_pass(
    state: State,
    party: str,
    b: Beliefs,
    package: Package,
    scope: tuple[str, ...],
    waiting: Sequence[str] | None = None,
) -> bool:
    """Whether the party believes every partner in scope (or those still `waiting` to answer)
    would accept the package, with its caution, and every government could carry it home."""
    return passes(state, party, b, scope, waiting)(package)


def passes(
    state: State,
    party: str,
    b: Beliefs,
    scope: tuple[str, ...],
    waiting: Sequence[str] | None = None,
) -> Callable[[Package], bool]:
    """`believed_to_pass` for many packages: each partner's threshold and each government's
    bar worked out once, not per package (the same sums, so the same answers)."""
    bars = [
        (q, (believed_need(state, b, q, scope) + margin(state, party, q)) - EPSILON)
        for q in (scope if waiting is None else waiting)
        if q != party
    ]
    homes = [_support_bar(state, party, q) for q in scope]

    def check(package: Package) -> bool:
        for q, bar in bars:
            if b.value(q, package) < bar:
                return False
        return all(view.support(package) >= bar for view, bar in homes)

    return check


def _support_bar(state: State, party: str, partner: str) -> tuple[PartyScorer, float]:
    """The partner's scorer and the support the party wants to see it give a package before
    counting on it: its threshold, plus a cushion when the party trusts the partner little."""
    view = state.scorer.parties[partner]
    cushion = 0.0
    if partner != party:
        trust = state.conditions.trust[index(state.scenario).dyad(party, partner)]
        # In the game's last round, no cushion: a last chance is worth the risk, since a failed
        # vote then costs nothing more than the no deal that refusing to count on it would bring.
        cushion = SUPPORT_CUSHION if trust < 50 and not last_round(state) else 0.0
    return view, view.threshold + cushion - EPSILON
