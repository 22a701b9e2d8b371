"""The changing conditions a package is scored under: priorities, trust, approval, alternatives."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar, Literal

from game.core.scenario import (
    ApprovalEffect,
    AttentionEffect,
    DomesticGroup,
    Effect,
    PriorityEffect,
    ReservationEffect,
    Scenario,
    StageEffect,
    TrustEffect,
)


class ScenarioIndex:
    """Positions of ids in a scenario's lists, so conditions can be flat tuples."""

    def __init__(self, scenario: Scenario) -> None:
        self.parties = {p.id: i for i, p in enumerate(scenario.parties)}
        self.threats = {t.id: i for i, t in enumerate(scenario.threats)}
        self.groups = {g.id: i for i, g in enumerate(scenario.domestic_groups)}
        self.dyads = {frozenset(d.parties): i for i, d in enumerate(scenario.dyads)}
        self.status_quo = tuple(
            next(k for k, o in enumerate(issue.options) if o.status_quo)
            for issue in scenario.issues
        )
        """The package that leaves every issue at its status quo."""
        self.groups_of: dict[str, list[tuple[int, DomesticGroup, float]]] = {}
        """Each party's domestic groups: position, group, share of the party's home vote."""
        for party in scenario.parties:
            mine = [(i, g) for i, g in enumerate(scenario.domestic_groups) if g.party == party.id]
            weight = sum(g.weight for _, g in mine) or 1.0
            self.groups_of[party.id] = [(i, g, g.weight / weight) for i, g in mine]

    def dyad(self, a: str, b: str) -> int:
        """Position of the dyad joining a and b."""
        return self.dyads[frozenset((a, b))]


def index(scenario: Scenario) -> ScenarioIndex:
    """The scenario's index, built once per scenario object."""
    return _IndexHolder.of(scenario)


class _IndexHolder:
    # Keyed by object identity: scenarios are frozen, and hashing a whole model would be slow.
    _cache: ClassVar[dict[int, tuple[Scenario, ScenarioIndex]]] = {}

    @classmethod
    def of(cls, scenario: Scenario) -> ScenarioIndex:
        hit = cls._cache.get(id(scenario))
        if hit is None or hit[0] is not scenario:
            hit = (scenario, ScenarioIndex(scenario))
            cls._cache[id(scenario)] = hit
        return hit[1]


def _clamp(value: float, low: float = 0.0, high: float = 100.0) -> float:
    return max(low, min(high, value))


@dataclass(frozen=True)
class Conditions:
    """Everything about the world that scoring depends on and events change; hashable."""

    priorities: tuple[tuple[float, ...], ...]
    """Threat priority, by party position then threat position."""

    trust: tuple[float, ...]
    """Trust, by dyad position."""

    stage: tuple[int, ...]
    """Levels of transformation passed, by dyad position."""

    approval: tuple[float, ...]
    """Approval, by domestic group position."""

    attention: tuple[float, ...]
    """Leader attention, by party position."""

    bilateral: tuple[float, ...]
    """Bilateral alternatives added to the reservation value, by party position."""

    @classmethod
    def initial(cls, scenario: Scenario) -> Conditions:
        """The conditions at the scenario's start."""
        return cls(
            priorities=tuple(
                tuple(
                    p.priorities[t.id].weight if t.id in p.priorities else 0.0
                    for t in scenario.threats
                )
                for p in scenario.parties
            ),
            trust=tuple(d.trust for d in scenario.dyads),
            stage=tuple(d.stage for d in scenario.dyads),
            approval=tuple(g.approval for g in scenario.domestic_groups),
            attention=tuple(p.attention for p in scenario.parties),
            bilateral=tuple(p.reservation.bilateral_alternatives for p in scenario.parties),
        )

    def apply(self, scenario: Scenario, effect: Effect) -> Conditions:
        """New conditions with one event effect applied (values stay in range)."""
        ix = index(scenario)
        if isinstance(effect, PriorityEffect):
            p, t = ix.parties[effect.party], ix.threats[effect.threat]
            row = list(self.priorities[p])
            row[t] = _clamp(row[t] + effect.delta)
            rows = list(self.priorities)
            rows[p] = tuple(row)
            return replace(self, priorities=tuple(rows))
        if isinstance(effect, TrustEffect):
            return self.with_trust(scenario, effect.dyad, effect.delta)
        if isinstance(effect, StageEffect):
            return self.with_stage(scenario, effect.dyad, effect.delta)
        if isinstance(effect, AttentionEffect):
            return replace(
                self, attention=_bump(self.attention, ix.parties[effect.party], effect.delta)
            )
        if isinstance(effect, ApprovalEffect):
            return replace(
                self, approval=_bump(self.approval, ix.groups[effect.group], effect.delta)
            )
        if isinstance(effect, ReservationEffect):
            return replace(
                self, bilateral=_bump(self.bilateral, ix.parties[effect.party], effect.delta)
            )
        raise TypeError(f"unknown effect {effect!r}")  # pragma: no cover - the union is closed

    def with_trust(self, scenario: Scenario, dyad: tuple[str, str], delta: float) -> Conditions:
        """Trust in a dyad moved by delta, capped below cooperative until all three levels."""
        d = index(scenario).dyad(*dyad)
        return replace(self, trust=_capped(scenario, _bump(self.trust, d, delta), self.stage, d))

    def with_stage(self, scenario: Scenario, dyad: tuple[str, str], delta: int) -> Conditions:
        """A dyad moved along the three levels of transformation (0-3)."""
        d = index(scenario).dyad(*dyad)
        stages = list(self.stage)
        stages[d] = max(0, min(3, stages[d] + delta))
        return replace(
            self, stage=tuple(stages), trust=_capped(scenario, self.trust, tuple(stages), d)
        )


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


def _bump(values: tuple[float, ...], position: int, delta: float) -> tuple[float, ...]:
    changed = list(values)
    changed[position] = _clamp(changed[position] + delta)
    return tuple(changed)


WendtSystem = Literal["competitive", "individualistic", "cooperative"]


def wendt_system(scenario: Scenario, conditions: Conditions, a: str, b: str) -> WendtSystem:
    """Wendt's label for a dyad: cooperative only at high trust after all three levels."""
    d = index(scenario).dyad(a, b)
    trust, stage = conditions.trust[d], conditions.stage[d]
    if trust < scenario.wendt.competitive_below:
        return "competitive"
    if trust >= scenario.wendt.cooperative_from and stage >= 3:
        return "cooperative"
    return "individualistic"
