"""The debrief model: the facts the end screen (and the coming report) show of a finished game."""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.core.analysis.frontier import Frontier, nash_point, pareto_frontier
from game.core.analysis.outcomes import Outcome, PartyResult, classify, results
from game.core.engine.scoring import ScoredPackage, scorer
from game.core.engine.state import State
from game.core.scenario.index import index


@dataclass(frozen=True)
class RoundPoint:
    """Where a party stood as a round opened."""

    date: str
    offered: float | None
    """Its score of the package on the table (None: nothing on the table)."""
    reservation: float
    support: float
    """Weighted approval of its domestic groups."""


@dataclass(frozen=True)
class Debrief:
    """Outcome, results, joint gains, and where the deal sits against the frontier."""

    outcome: Outcome
    results: tuple[PartyResult, ...]
    joint_gain: float
    deal: ScoredPackage | None
    frontier: Frontier
    nash: ScoredPackage | None
    distance_to_frontier: float | None
    distance_to_nash: float | None
    paths: dict[str, tuple[RoundPoint, ...]]
    """Each party's path through the game, round by round."""


def paths(state: State) -> dict[str, tuple[RoundPoint, ...]]:
    """Each party's score of the package on the table, reservation value and support at home
    as every round opened."""
    s = state.scenario
    ix = index(s)
    result: dict[str, list[RoundPoint]] = {p: [] for p in s.party_ids}
    for n, (conditions, offered) in enumerate(zip(state.snapshots, state.offered, strict=True)):
        scores = scorer(s, conditions)
        date = s.rounds[n].date.isoformat()
        for p in s.party_ids:
            support = sum(share * conditions.approval[i] for i, _, share in ix.groups_of[p])
            value = scores.total(p, offered) if offered is not None else None
            result[p].append(RoundPoint(date, value, scores.reservation(p), support))
    return {p: tuple(points) for p, points in result.items()}


def debrief(state: State, frontier: Frontier | None = None) -> Debrief:
    """Outcome, results, joint gains, and where the deal sits against frontier and Nash point."""
    deal = state.trilateral
    ends = tuple(results(state).values())
    frontier = frontier or pareto_frontier(state.scenario, state.conditions)
    nash = nash_point(frontier, tuple(r.reservation for r in ends))
    point = (
        ScoredPackage(deal.package, state.scenario.party_ids, tuple(r.score for r in ends))
        if deal
        else None
    )
    to_frontier = to_nash = None
    if point is not None:
        to_frontier = min(math.dist(point.scores, p.scores) for p in frontier.points)
        to_nash = math.dist(point.scores, nash.scores) if nash else None
    return Debrief(
        outcome=classify(state),
        results=ends,
        joint_gain=sum(r.gain for r in ends),
        deal=point,
        frontier=frontier,
        nash=nash,
        distance_to_frontier=to_frontier,
        distance_to_nash=to_nash,
        paths=paths(state),
    )
