"""What was possible: the Pareto frontier of the red-line-free agenda, and the Nash point."""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.core.engine.conditions import Conditions
from game.core.engine.scoring import ScoredPackage, scorer
from game.core.scenario.model import Scenario

FRONTIER_CAP = 3000
"""Largest frontier kept exactly while building it; beyond this it is thinned (approximate)."""


@dataclass(frozen=True)
class Frontier:
    """The Pareto frontier of the red-line-free agenda, and how it was found."""

    points: tuple[ScoredPackage, ...]
    exact: bool
    method: str


def _dominated(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether b is at least as good as a for everyone and better for someone."""
    return all(y >= x for x, y in zip(a, b, strict=True)) and b != a


def _prune(points: list[ScoredPackage]) -> list[ScoredPackage]:
    """The non-dominated points (sorted sweep: a point can only be dominated by earlier ones)."""
    points.sort(key=lambda p: p.scores, reverse=True)
    kept: list[ScoredPackage] = []
    seen: set[tuple[float, ...]] = set()
    for p in points:
        key = tuple(round(u, 9) for u in p.scores)
        if key in seen:
            continue
        if not any(_dominated(p.scores, k.scores) for k in kept):
            kept.append(p)
            seen.add(key)
    return kept


def _thin(points: list[ScoredPackage], cell: float) -> list[ScoredPackage]:
    """One point per grid cell of the score space (the approximation used past the cap)."""
    best: dict[tuple[int, ...], ScoredPackage] = {}
    for p in points:
        key = tuple(int(u // cell) for u in p.scores)
        if key not in best or sum(p.scores) > sum(best[key].scores):
            best[key] = p
    return list(best.values())


def pareto_frontier(scenario: Scenario, conditions: Conditions) -> Frontier:
    """The Pareto frontier of trilateral packages that cross no party's red line.

    Scores are additive across issues, so the frontier is built issue by issue, pruning
    dominated partial packages as it goes (exact). If a partial frontier grows past
    FRONTIER_CAP points it is thinned to one point per 0.5-point cell of the score space, and
    the result is marked approximate.
    """
    parties = scenario.party_ids
    scores = scorer(scenario, conditions)
    views = [scores.parties[p] for p in parties]
    partial = [ScoredPackage((), parties, tuple(-t.low * t.per_point for t in views))]
    exact = True
    for i, issue in enumerate(scenario.issues):
        allowed = [k for k in range(len(issue.options)) if not any(t.red[i][k] for t in views)]
        grown = [
            ScoredPackage(
                (*p.package, k),
                parties,
                tuple(u + t.raw[i][k] * t.per_point for u, t in zip(p.scores, views, strict=True)),
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


def nash_point(frontier: Frontier, reservations: tuple[float, ...]) -> ScoredPackage | None:
    """The frontier package maximising the product of gains over reservation values."""
    best, best_product = None, 0.0
    for p in frontier.points:
        gains = [u - r for u, r in zip(p.scores, reservations, strict=True)]
        if all(g > 0 for g in gains):
            product = math.prod(gains)
            if product > best_product:
                best, best_product = p, product
    return best
