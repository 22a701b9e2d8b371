"""The changing conditions a package is scored under: priorities, trust, approval, alternatives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.core.scenario.index import index
from game.core.scenario.model import Scenario


@dataclass(frozen=True)
class Conditions:
    """Everything about the world that scoring depends on and events change; hashable.

    Only the functions of `effects` make changed copies of it.
    """

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

    def __post_init__(self) -> None:
        # Conditions key every cache of the engine: hash them once, not on every look-up.
        object.__setattr__(
            self,
            "_hash",
            hash(
                (
                    self.priorities,
                    self.trust,
                    self.stage,
                    self.approval,
                    self.attention,
                    self.bilateral,
                )
            ),
        )

    def __hash__(self) -> int:
        return self._hash  # type: ignore[attr-defined, no-any-return]

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


def dyad_labels(scenario: Scenario, conditions: Conditions) -> dict[tuple[str, str], WendtSystem]:
    """Wendt's label for every dyad, in party order."""
    ids = scenario.party_ids
    return {
        (a, b): wendt_system(scenario, conditions, a, b)
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
    }
