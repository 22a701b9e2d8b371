"""Every change to the conditions, from events, diplomatic actions and ratified deals, in one place.

Values stay in their ranges (0-100; levels of transformation 0-3), and trust in a dyad stays
below the cooperative level until the dyad has passed all three levels of transformation.
"""

from __future__ import annotations

from collections.abc import Mapping

from game.core.engine.conditions import Conditions
from game.core.scenario.actions import ActionEffect
from game.core.scenario.index import index
from game.core.scenario.model import Scenario
from game.core.scenario.timeline import (
    ApprovalEffect,
    AttentionEffect,
    Effect,
    PriorityEffect,
    ReservationEffect,
    StageEffect,
    TrustEffect,
)


def _changed(
    conditions: Conditions,
    *,
    priorities: tuple[tuple[float, ...], ...] | None = None,
    trust: tuple[float, ...] | None = None,
    stage: tuple[int, ...] | None = None,
    approval: tuple[float, ...] | None = None,
    attention: tuple[float, ...] | None = None,
    bilateral: tuple[float, ...] | None = None,
) -> Conditions:
    """The conditions with these fields changed (what `dataclasses.replace` gives, without
    its look-up of the fields by name: every event and action makes some)."""
    c = conditions
    return Conditions(
        c.priorities if priorities is None else priorities,
        c.trust if trust is None else trust,
        c.stage if stage is None else stage,
        c.approval if approval is None else approval,
        c.attention if attention is None else attention,
        c.bilateral if bilateral is None else bilateral,
    )


def _clamp(value: float, low: float = 0.0, high: float = 100.0) -> float:
    return max(low, min(high, value))


def _bump(values: tuple[float, ...], position: int, delta: float) -> tuple[float, ...]:
    changed = list(values)
    changed[position] = _clamp(changed[position] + delta)
    return tuple(changed)


def _capped(
    scenario: Scenario, trust: tuple[float, ...], stage: tuple[int, ...], d: int
) -> tuple[float, ...]:
    """Trust of dyad d, held below the cooperative level until the dyad passed all three levels.

    The chapter: a dyad only becomes a cooperative system through breakdown of consensus,
    critical examination and new practices [Fragmented Region].
    """
    ceiling = scenario.wendt.cooperative_from - 1.0
    if stage[d] >= 3 or trust[d] <= ceiling:
        return trust
    capped = list(trust)
    capped[d] = ceiling
    return tuple(capped)


def with_trust(
    scenario: Scenario, conditions: Conditions, dyad: tuple[str, str], delta: float
) -> Conditions:
    """Trust in a dyad moved by delta, capped below cooperative until all three levels, and
    kept at least individualistic where the scenario's Wendt floor says so."""
    d = index(scenario).dyad(*dyad)
    trust = _capped(scenario, _bump(conditions.trust, d, delta), conditions.stage, d)
    if scenario.wendt.floor == "individualistic" and trust[d] < scenario.wendt.competitive_below:
        floored = list(trust)
        floored[d] = scenario.wendt.competitive_below
        trust = tuple(floored)
    return _changed(conditions, trust=trust)


def with_stage(
    scenario: Scenario, conditions: Conditions, dyad: tuple[str, str], delta: int
) -> Conditions:
    """A dyad moved along the three levels of transformation (0-3)."""
    d = index(scenario).dyad(*dyad)
    stages = list(conditions.stage)
    stages[d] = max(0, min(3, stages[d] + delta))
    return _changed(
        conditions,
        stage=tuple(stages),
        trust=_capped(scenario, conditions.trust, tuple(stages), d),
    )


def with_approval(
    scenario: Scenario, conditions: Conditions, group: str, delta: float
) -> Conditions:
    """A domestic group's approval moved by delta."""
    position = index(scenario).groups[group]
    return _changed(conditions, approval=_bump(conditions.approval, position, delta))


def with_alternatives(
    scenario: Scenario, conditions: Conditions, party: str, delta: float
) -> Conditions:
    """A party's bilateral alternatives (added to its reservation value) moved by delta."""
    position = index(scenario).parties[party]
    return _changed(conditions, bilateral=_bump(conditions.bilateral, position, delta))


def apply_event_effect(scenario: Scenario, conditions: Conditions, effect: Effect) -> Conditions:
    """The conditions after one effect of an event."""
    ix = index(scenario)
    if isinstance(effect, PriorityEffect):
        p, t = ix.parties[effect.party], ix.threats[effect.threat]
        rows = list(conditions.priorities)
        rows[p] = _bump(rows[p], t, effect.delta)
        return _changed(conditions, priorities=tuple(rows))
    if isinstance(effect, TrustEffect):
        return with_trust(scenario, conditions, effect.dyad, effect.delta)
    if isinstance(effect, StageEffect):
        return with_stage(scenario, conditions, effect.dyad, effect.delta)
    if isinstance(effect, AttentionEffect):
        position = ix.parties[effect.party]
        return _changed(conditions, attention=_bump(conditions.attention, position, effect.delta))
    if isinstance(effect, ApprovalEffect):
        return with_approval(scenario, conditions, effect.group, effect.delta)
    if isinstance(effect, ReservationEffect):
        return with_alternatives(scenario, conditions, effect.party, effect.delta)
    raise TypeError(f"unknown effect {effect!r}")  # pragma: no cover - the union is closed


def off_level(
    scenario: Scenario, conditions: Conditions, effect: ActionEffect, actor: str, partner: str
) -> str | None:
    """Why a stage effect for one level of transformation does nothing to this pair, which is
    at another; None when it works on the pair (or is for any level)."""
    stage = conditions.stage[index(scenario).dyad(actor, partner)]
    if effect.at_stage is None or stage == effect.at_stage:
        return None
    return (
        f"no stage effect: it works on a pair with {effect.at_stage} of the three levels of "
        f"transformation passed, and this pair has passed {stage}"
    )


def reservation_reached(
    scenario: Scenario, effect: ActionEffect, actor: str, target: str | None
) -> list[str]:
    """The parties whose alternatives a reservation effect raises, taken by `actor` on
    `target` (None: an action on nobody), in the order the effect names them."""
    others = [q for q in scenario.party_ids if q not in (actor, target)]
    named: dict[str, list[str | None]] = {
        "actor": [actor],
        "partner": [target],
        "both": [actor, target],
        "others": list(others),
    }
    return [party for party in named[effect.who] if party is not None]


def apply_action_effect(
    scenario: Scenario,
    conditions: Conditions,
    effect: ActionEffect,
    actor: str,
    target: str | None,
) -> tuple[Conditions, list[str]]:
    """The conditions after one effect of a diplomatic action, and what changed in words."""
    ix = index(scenario)
    others = [q for q in scenario.party_ids if q not in (actor, target)]
    said: list[str] = []
    if effect.kind in ("trust", "stage"):
        partners = others if effect.who == "others" else ([target] if target else [])
        for q in partners:
            if q == actor:
                continue
            if effect.kind == "trust":
                conditions = with_trust(scenario, conditions, (actor, q), effect.delta)
                said.append(f"trust {actor}-{q} {effect.delta:+.0f}")
            elif (off := off_level(scenario, conditions, effect, actor, q)) is not None:
                said.append(off)
            else:
                conditions = with_stage(scenario, conditions, (actor, q), int(effect.delta))
                level = conditions.stage[ix.dyad(actor, q)]
                said.append(f"{actor}-{q} moves to level {level} of transformation")
    elif effect.kind == "approval" and target in ix.groups:
        conditions = with_approval(scenario, conditions, target, effect.delta)
        said.append(f"approval {effect.delta:+.0f}")
    elif effect.kind == "reservation":
        for party in reservation_reached(scenario, effect, actor, target):
            conditions = with_alternatives(scenario, conditions, party, effect.delta)
            said.append(f"{party} reservation {effect.delta:+.0f}")
    elif effect.kind == "convergence" and target:
        a, b = ix.parties[actor], ix.parties[target]
        rows = [list(r) for r in conditions.priorities]
        for t in range(len(scenario.threats)):
            gap = rows[b][t] - rows[a][t]
            rows[a][t] += gap * effect.share / 2
            rows[b][t] -= gap * effect.share / 2
        conditions = _changed(conditions, priorities=tuple(tuple(r) for r in rows))
        said.append("threat priorities converge")
    return conditions, said


def after_agreement(
    scenario: Scenario,
    conditions: Conditions,
    scope: tuple[str, ...],
    gains: Mapping[str, float],
) -> Conditions:
    """The conditions once a package is ratified between the parties of a scope.

    A bilateral deal is banked: a share of each signatory's gain over its reservation value
    raises its alternatives to a trilateral deal (a larger share for a party with leverage,
    a smaller one for its partner). Working together is the "new practices"
    level: a dyad that has examined its consensus critically moves to the last level
    [Fragmented Region].
    """
    ix = index(scenario)
    if len(scope) < len(scenario.party_ids):
        rules = scenario.negotiation
        bilateral = list(conditions.bilateral)
        for party, gain in gains.items():
            # Leverage moves a share of the banked gain from the partners to the party.
            others = sum(rules.leverage.get(q, 0.0) for q in scope if q != party)
            share = rules.bilateral_gain_share + rules.leverage.get(party, 0.0) - others
            share = max(0.0, min(1.0, share))
            position = ix.parties[party]
            bilateral[position] = min(100.0, bilateral[position] + share * max(0.0, gain))
        conditions = _changed(conditions, bilateral=tuple(bilateral))
    for i, a in enumerate(scope):
        for b in scope[i + 1 :]:
            if conditions.stage[ix.dyad(a, b)] == 2:
                conditions = with_stage(scenario, conditions, (a, b), 1)
    return conditions
