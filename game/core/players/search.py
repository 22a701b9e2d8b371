"""Finding packages worth proposing: maximise weighted sums of the parties' scores, issue by issue.

Scores are additive across issues, so for each weighting of the parties the best package is
found exactly by picking, on every issue, the option with the highest weighted sum.
"""

from __future__ import annotations

import itertools
import math
from collections import OrderedDict
from dataclasses import replace

from game.core.engine.conditions import Conditions
from game.core.engine.scoring import ScoredPackage, scorer
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package, fits_scope

WEIGHTS = (0.0, 0.5, 1.5, 4.0)
"""Weights tried for each partner when searching for packages (own weight is 1)."""

WIDE_WEIGHTS = (0.0, 1.0, 3.0)
"""A coarser grid for tables of more than three parties, where combinations multiply."""

GRAIN = 5.0
"""Trust and priorities are rounded to this many points when searching for candidate packages:
which packages the search finds hardly changes with a point or two, and rounding lets many game
states share one search. Candidates are always scored under the exact conditions."""

_SEARCHES: OrderedDict[tuple[object, ...], tuple[Scenario, tuple[Package, ...]]] = OrderedDict()
_SCORED: OrderedDict[tuple[object, ...], tuple[Scenario, tuple[ScoredPackage, ...]]] = OrderedDict()


def _search(
    scenario: Scenario, conditions: Conditions, scope: tuple[str, ...]
) -> tuple[Package, ...]:
    """Packages maximising weighted sums of the scope parties' scores, one per weighting."""
    trust = tuple(round(t / GRAIN) * GRAIN for t in conditions.trust)
    priorities = tuple(
        tuple(round(w / GRAIN) * GRAIN for w in row) for row in conditions.priorities
    )
    key = (id(scenario), priorities, trust, scope)
    hit = _SEARCHES.get(key)
    if hit is not None and hit[0] is scenario:
        _SEARCHES.move_to_end(key)
        return hit[1]
    searched = replace(conditions, trust=trust, priorities=priorities)
    scores = scorer(scenario, searched)
    parties = [scores.parties[p] for p in scope]
    # Per issue: the allowed options with each party's normalised value of them. Options a
    # scope party red-lines, or that bind someone outside the scope, are never offered.
    columns: list[list[tuple[int, tuple[float, ...]]]] = []
    for i, issue in enumerate(scenario.issues):
        allowed = [
            k
            for k, option in enumerate(issue.options)
            if fits_scope(option, scope, scenario.party_ids)
            and not any(t.red[i][k] for t in parties)
        ] or [next(k for k, o in enumerate(issue.options) if o.status_quo)]
        columns.append([(k, tuple(t.raw[i][k] * t.per_point for t in parties)) for k in allowed])
    found: dict[Package, None] = {}
    grid = WEIGHTS if len(scope) <= 3 else WIDE_WEIGHTS
    for weights in itertools.product(grid, repeat=len(scope) - 1):
        w = (1.0, *weights)
        found.setdefault(tuple(_weighted_best(column, w) for column in columns), None)
    result = tuple(found)
    _SEARCHES[key] = (scenario, result)
    if len(_SEARCHES) > 2048:
        _SEARCHES.popitem(last=False)
    return result


def _weighted_best(column: list[tuple[int, tuple[float, ...]]], w: tuple[float, ...]) -> int:
    """The option in a column with the highest weighted sum of the parties' values."""
    best_k, best_v = -1, -math.inf
    if len(w) == 3:  # the common three-party table, written out: the hot path of simulations
        w0, w1, w2 = w
        for k, (a, b, c) in column:
            v = w0 * a + w1 * b + w2 * c
            if v > best_v:
                best_k, best_v = k, v
        return best_k
    for k, values in column:
        v = sum(x * y for x, y in zip(w, values, strict=True))
        if v > best_v:
            best_k, best_v = k, v
    return best_k


def candidates(
    scenario: Scenario, conditions: Conditions, scope: tuple[str, ...]
) -> tuple[ScoredPackage, ...]:
    """Red-line-free packages within a scope found by search, scored under the conditions."""
    key = (id(scenario), conditions, scope)
    hit = _SCORED.get(key)
    if hit is not None and hit[0] is scenario:
        return hit[1]
    scores = scorer(scenario, conditions)
    result = tuple(
        ScoredPackage(c, scope, tuple(scores.total(p, c) for p in scope))
        for c in _search(scenario, conditions, scope)
    )
    _SCORED[key] = (scenario, result)
    if len(_SCORED) > 256:
        _SCORED.popitem(last=False)
    return result
