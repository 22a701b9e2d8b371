"""Where each id of a scenario stands in its lists, so the engine can keep state in flat tuples."""

from __future__ import annotations

from typing import ClassVar

from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package
from game.core.scenario.parties import DomesticGroup


class ScenarioIndex:
    """Positions of ids in a scenario's lists."""

    def __init__(self, scenario: Scenario) -> None:
        self.parties = {p.id: i for i, p in enumerate(scenario.parties)}
        self.threats = {t.id: i for i, t in enumerate(scenario.threats)}
        self.groups = {g.id: i for i, g in enumerate(scenario.domestic_groups)}
        self.dyads = {frozenset(d.parties): i for i, d in enumerate(scenario.dyads)}
        self.status_quo: Package = tuple(
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
