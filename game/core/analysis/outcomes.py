"""How a game ended, in the chapter's terms, and what it was worth to each party."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.core.engine.state import State
from game.core.scenario.index import index
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package

Outcome = Literal[
    "security_arrangement", "prosperity_only", "lapsed", "dual_bilateralism", "breakdown"
]
OUTCOMES: tuple[Outcome, ...] = (
    "security_arrangement",
    "prosperity_only",
    "lapsed",
    "dual_bilateralism",
    "breakdown",
)

# "Security community" keeps the chapter's meaning (identity and trust between two countries,
# [Fragmented Region]); no outcome is called that.
OUTCOME_TEXT: dict[Outcome, str] = {
    "security_arrangement": "a trilateral security arrangement, supported at home in all three "
    "countries and still in force at the deadline",
    "prosperity_only": "a prosperity-only partnership: a trilateral deal that leaves security "
    "practically out",
    "lapsed": "a partnership signed and then left to lapse before the deadline, "
    '"no longer an active initiative" [Policies D) Trilateral]',
    "dual_bilateralism": "no trilateral deal: dual-bilateralism, what happened in 2009 "
    "[Policies D) Trilateral]",
    "breakdown": "no trilateral deal, and a relationship has broken down into mistrust",
}


def security_changes(scenario: Scenario, package: Package) -> int:
    """How many security-pillar issues a package moves off the status quo."""
    status_quo = index(scenario).status_quo
    return sum(
        1
        for issue, chosen, sq in zip(scenario.issues, package, status_quo, strict=True)
        if issue.pillar == "security" and chosen != sq
    )


def classify(state: State) -> Outcome:
    """The outcome by the scenario's rule (its `outcomes` block)."""
    rules = state.scenario.outcomes
    deal = state.trilateral
    if deal is not None:
        if state.lapsed is not None:
            return "lapsed"
        if security_changes(state.scenario, deal.package) >= rules.security_arrangement_min:
            return "security_arrangement"
        return "prosperity_only"
    if min(state.conditions.trust) < rules.breakdown_trust_below:
        return "breakdown"
    return "dual_bilateralism"


@dataclass(frozen=True)
class PartyResult:
    """What the end of the game is worth to a party, against its reservation value."""

    party: str
    score: float
    reservation: float

    @property
    def gain(self) -> float:
        """Score above (or below) the reservation value."""
        return self.score - self.reservation


def results(state: State) -> dict[str, PartyResult]:
    """Each party's result at the end: the trilateral deal's value or, without one (or once it
    has lapsed), its reservation value (the status quo of dual-bilateralism, with any bilateral
    gains)."""
    scores = state.scorer
    deal = state.trilateral if state.lapsed is None else None
    return {
        p: PartyResult(
            p,
            scores.total(p, deal.package) if deal else scores.reservation(p),
            scores.reservation(p),
        )
        for p in state.scenario.party_ids
    }
