"""After the game: the outcome's class, each party's result, the Pareto frontier and Nash point."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from game.core.conditions import Conditions, index
from game.core.negotiation import Choice, State
from game.core.scenario import Scenario
from game.core.scoring import scorer

Outcome = Literal["security_community", "prosperity_only", "dual_bilateralism", "breakdown"]
OUTCOMES: tuple[Outcome, ...] = (
    "security_community",
    "prosperity_only",
    "dual_bilateralism",
    "breakdown",
)

OUTCOME_TEXT: dict[Outcome, str] = {
    "security_community": "a trilateral security arrangement, ratified in all three countries",
    "prosperity_only": "a prosperity-only partnership, like the historical SPP: security left out",
    "dual_bilateralism": "no trilateral deal: the status quo of dual-bilateralism",
    "breakdown": "no trilateral deal, and a relationship has broken down into mistrust",
}

FRONTIER_CAP = 3000
"""Largest frontier kept exactly while building it; beyond this it is thinned (approximate)."""


def security_changes(scenario: Scenario, options: Choice) -> int:
    """How many security-pillar issues a package moves off the status quo."""
    status_quo = index(scenario).status_quo
    return sum(
        1
        for issue, chosen, sq in zip(scenario.issues, options, status_quo, strict=True)
        if issue.pillar == "security" and chosen != sq
    )


def classify(state: State) -> Outcome:
    """The outcome by the scenario's rule (its `outcomes` block)."""
    rules = state.scenario.outcomes
    deal = state.trilateral
    if deal is not None:
        if security_changes(state.scenario, deal.options) >= rules.security_community_min:
            return "security_community"
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


@dataclass(frozen=True)
class Point:
    """A package and its scores for every party, in party order."""

    options: Choice
    utilities: tuple[float, ...]


@dataclass(frozen=True)
class Frontier:
    """The Pareto frontier of the red-line-free agenda, and how it was found."""

    points: tuple[Point, ...]
    exact: bool
    method: str


@dataclass(frozen=True)
class Debrief:
    """The facts the end screen and the debrief report show."""

    outcome: Outcome
    results: tuple[PartyResult, ...]
    joint_gain: float
    deal: Point | None
    frontier: Frontier
    nash: Point | None
    distance_to_frontier: float | None
    distance_to_nash: float | None


def _dominated(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether b is at least as good as a for everyone and better for someone."""
    return all(y >= x for x, y in zip(a, b, strict=True)) and b != a


def _prune(points: list[Point]) -> list[Point]:
    """The non-dominated points (sorted sweep: a point can only be dominated by earlier ones)."""
    points.sort(key=lambda p: p.utilities, reverse=True)
    kept: list[Point] = []
    seen: set[tuple[float, ...]] = set()
    for p in points:
        key = tuple(round(u, 9) for u in p.utilities)
        if key in seen:
            continue
        if not any(_dominated(p.utilities, k.utilities) for k in kept):
            kept.append(p)
            seen.add(key)
    return kept


def _thin(points: list[Point], cell: float) -> list[Point]:
    """One point per grid cell of the utility space (the approximation used past the cap)."""
    best: dict[tuple[int, ...], Point] = {}
    for p in points:
        key = tuple(int(u // cell) for u in p.utilities)
        if key not in best or sum(p.utilities) > sum(best[key].utilities):
            best[key] = p
    return list(best.values())


def pareto_frontier(scenario: Scenario, conditions: Conditions) -> Frontier:
    """The Pareto frontier of trilateral packages that cross no party's red line.

    Scores are additive across issues, so the frontier is built issue by issue, pruning
    dominated partial packages as it goes (exact). If a partial frontier grows past
    FRONTIER_CAP points it is thinned to one point per 0.5-point cell of the score space, and
    the result is marked approximate.
    """
    table = scorer(scenario, conditions)
    tables = [table.tables[p] for p in scenario.party_ids]
    partial = [Point((), tuple(-t.low * t.per_point for t in tables))]
    exact = True
    for i, issue in enumerate(scenario.issues):
        allowed = [k for k in range(len(issue.options)) if not any(t.red[i][k] for t in tables)]
        grown = [
            Point(
                (*p.options, k),
                tuple(
                    u + t.raw[i][k] * t.per_point for u, t in zip(p.utilities, tables, strict=True)
                ),
            )
            for p in partial
            for k in allowed
        ]
        partial = _prune(grown)
        if len(partial) > FRONTIER_CAP:
            partial = _prune(_thin(partial, 0.5))
            exact = False
    method = (
        "exact: issue-by-issue Pareto pruning"
        if exact
        else "approximate: thinned to 0.5-point cells"
    )
    return Frontier(tuple(partial), exact, method)


def nash_point(frontier: Frontier, reservations: tuple[float, ...]) -> Point | None:
    """The frontier package maximising the product of gains over reservation values."""
    best, best_product = None, 0.0
    for p in frontier.points:
        gains = [u - r for u, r in zip(p.utilities, reservations, strict=True)]
        if all(g > 0 for g in gains):
            product = math.prod(gains)
            if product > best_product:
                best, best_product = p, product
    return best


def results(state: State) -> dict[str, PartyResult]:
    """Each party's result at the end: the trilateral deal's value or, without one, its
    reservation value (the status quo of dual-bilateralism, with any bilateral gains)."""
    table = state.scorer
    deal = state.trilateral
    return {
        p: PartyResult(
            p, table.total(p, deal.options) if deal else table.reservation(p), table.reservation(p)
        )
        for p in state.scenario.party_ids
    }


def debrief(state: State, frontier: Frontier | None = None) -> Debrief:
    """Outcome, results, joint gains, and where the deal sits against frontier and Nash point."""
    deal = state.trilateral
    ends = tuple(results(state).values())
    frontier = frontier or pareto_frontier(state.scenario, state.conditions)
    nash = nash_point(frontier, tuple(r.reservation for r in ends))
    point = Point(deal.options, tuple(r.score for r in ends)) if deal else None
    to_frontier = to_nash = None
    if point is not None:
        to_frontier = min(math.dist(point.utilities, p.utilities) for p in frontier.points)
        to_nash = math.dist(point.utilities, nash.utilities) if nash else None
    return Debrief(
        outcome=classify(state),
        results=ends,
        joint_gain=sum(r.gain for r in ends),
        deal=point,
        frontier=frontier,
        nash=nash,
        distance_to_frontier=to_frontier,
        distance_to_nash=to_nash,
    )
