"""What was possible: the Pareto frontier of the red-line-free agenda, and the Nash point.

How the frontier is found
-------------------------
A party's score of a package is a constant plus one value per issue, the value to it of the
option chosen there (`PartyScorer.total`), and red lines belong to options. So the red-line-free
packages are every combination of each issue's allowed options, and the scores of the packages
of the first i issues are those of the first i-1 plus one allowed option of issue i. A partial
package dominated on the first issues stays dominated whatever is added to it, so the frontier
is built issue by issue, keeping only the non-dominated partial packages: that is exact. Its
size can grow exponentially with the agenda, so all the work is counted (scores added, points
compared or binned: a work counter, not a clock, so the result is the same on every machine)
and when the exact construction would pass its share of the budget, the rest of the agenda is
added approximately, keeping per issue only as many partial packages as the budget allows.

Why the stated bound holds
--------------------------
In the approximation every kept partial package s carries a ceiling C(s) >= s, party by party,
under one invariant: every red-line-free partial package x on the issues added so far scores
at most C(s) for every party, for some kept s. It holds at the start (the empty package, whose
ceiling is its scores) and every step keeps it:

* adding an issue adds the same option's values to x, to s and to C(s);
* dropping a partial package q dominated by a kept d raises C(d) to the party-by-party maximum
  of C(d) and C(q) (what q covered, d now covers);
* merging the partial packages that fall in one cell of a grid over the scores into one of
  them, r, sets C(r) to the maximum of all their ceilings (r is the one that keeps C(r) - r
  smallest).

So at the end every red-line-free package x, efficient or not, has a returned package s with
x_j - s_j <= C_j(s) - s_j for every party j, and the bound is the largest C_j(s) - s_j over the
returned packages and parties (0 when nothing was merged). Two checks can only lower it, and
are sound for the same reason: what lies under C(s) is also within max_j (C_j(s) - t_j) of any
other returned package t; and every package scores at most the ideal I (each party's best
allowed option on every issue, exact because scores add up), so a returned t is within
max_j (I_j - t_j) of every package at once. The bound is additive and party by party (a
Chebyshev distance), in score points: every Pareto-efficient package has a returned package
that gives no party more than `bound` points less.

The Nash point is the returned package with the largest product of gains. The true Nash
package is efficient, so it too is within `bound` points, for every party, of a returned
package: the product found is at least the true gains' product with `bound` taken off each
gain. It needs no bound of its own.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from game.core.analysis.frontier_bound import tighten
from game.core.analysis.pareto_sets import (
    BIN,
    GROW,
    GROW_POINT,
    SCAN,
    SWEEP,
    Point,
    Progress,
    State,
    Trail,
    Work,
    fit,
    grow,
    pareto,
    pareto_scan,
)
from game.core.engine.conditions import Conditions
from game.core.engine.scoring import ScoredPackage, scorer
from game.core.scenario.model import Scenario

WORK_BUDGET = 8_000_000
"""The work one frontier may take, in counted steps of about a tenth of a microsecond each
(below): under a second on a shared two-core machine (python -m game.bench times it)."""

EXACT_SHARE = 0.5
"""The share of the budget the exact construction may use before the approximation takes the
rest of the agenda."""

FINAL_SHARE = 0.1
"""The share kept back for the last steps of an approximation: the final pruning and the
checks that tighten the bound."""

WEIGHTS_SHARE = 0.35
"""The share kept back for the weighted sums that find supported packages and bound what lies
above the corners between packages."""


@dataclass(frozen=True)
class Frontier:
    """The Pareto frontier of the red-line-free agenda, and how it was found."""

    points: tuple[ScoredPackage, ...]
    exact: bool
    method: str
    bound: float = 0.0
    """Every Pareto-efficient package has one among `points` that gives no party more than
    this many points less (0: exact)."""


def _package(trail: Trail, order: Sequence[int]) -> tuple[int, ...]:
    """The options of a trail, in agenda order."""
    chosen = [0] * len(order)
    for issue in reversed(order):
        assert trail is not None
        trail, chosen[issue] = trail
    return tuple(chosen)


def pareto_frontier(
    scenario: Scenario,
    conditions: Conditions,
    budget: int | None = None,
    progress: Progress | None = None,
) -> Frontier:
    """The Pareto frontier of the packages that cross no party's red line: exact while the
    work allows (`budget` steps, WORK_BUDGET by default), else approximate with a bound (see
    the module's docstring). `progress` is told the work done as it goes."""
    budget = WORK_BUDGET if budget is None else budget
    parties = scenario.party_ids
    scores = scorer(scenario, conditions)
    views = [scores.parties[p] for p in parties]
    issues: list[list[tuple[int, Point]]] = []
    for i, issue in enumerate(scenario.issues):
        allowed = [k for k in range(len(issue.options)) if not any(t.red[i][k] for t in views)]
        issues.append([(k, tuple(t.raw[i][k] * t.per_point for t in views)) for k in allowed])
    if any(not options for options in issues):
        return Frontier((), True, "exact: every package crosses a red line")
    start = tuple(-t.low * t.per_point for t in views)
    ideal = tuple(
        s + sum(max(v[j] for _, v in options) for options in issues) for j, s in enumerate(start)
    )

    # Issues that move the scores least come first: merging cells costs least where the
    # partial packages are still close together (measured on generated agendas).
    def spread(i: int) -> float:
        values = [v for _, v in issues[i]]
        return sum(max(v[j] for v in values) - min(v[j] for v in values) for j in range(len(start)))

    order = sorted(range(len(issues)), key=spread)
    work = Work(budget, progress)
    states: list[State] = [(start, start, None)]
    exact_limit = int(budget * EXACT_SHARE)
    done = 0
    # Exact, issue by issue, while the next issue looks affordable.
    growth = 1.0
    for n, i in enumerate(order):
        grown = len(states) * len(issues[i])
        expected = grown * (GROW_POINT + GROW * len(start))
        if len(start) > 3:  # the scan compares each point with those kept
            expected += int(grown * len(states) * growth / 2 / SCAN)
        else:
            expected += grown * SWEEP
        if work.done + expected > exact_limit:
            break
        pruned = pareto(grow(states, issues[i], work), work, exact_limit)
        if pruned is None or work.done > exact_limit:
            break
        growth = max(1.0, len(pruned) / len(states))
        states, done = pruned, n + 1
        work.report()
    exact = done == len(order)
    cap = 0
    if not exact:
        states, cap = _approximate(states, [issues[i] for i in order[done:]], work)
    bound = 0.0
    if not exact:
        states, bound = tighten(states, [issues[i] for i in order], start, ideal, work)
    if progress is not None:
        progress(budget, budget)
    points = [ScoredPackage(_package(t, order), parties, p) for p, _, t in states]
    points.sort(key=lambda p: p.scores, reverse=True)
    if exact:
        return Frontier(tuple(points), True, "exact: issue-by-issue Pareto pruning")
    method = (
        f"approximate: exact for {done} of {len(order)} issues, then at most {cap} partial "
        f"packages kept per issue"
    )
    return Frontier(tuple(points), False, method, bound)


def _approximate(
    states: list[State], issues: Sequence[Sequence[tuple[int, Point]]], work: Work
) -> tuple[list[State], int]:
    """The remaining issues added, each to as many states as the budget left allows (merging
    the rest); the states, and the most states an issue was added to."""
    dims = len(states[0][0])
    reserve = int(work.budget * (FINAL_SHARE + WEIGHTS_SHARE))
    cell = 0.0
    most = 1
    for n, options in enumerate(issues):
        share = (work.left() - reserve) / (len(issues) - n)
        # What each state costs at this issue: growing, pruning, and binning what grows from
        # it (once or twice) at the next.
        per_state = len(options) * (
            GROW_POINT + (2 * GROW + 2 * BIN) * dims + (SWEEP if dims <= 3 else 0)
        )
        cap = max(1, int(share / per_state))
        if len(states) > cap:
            states, cell = fit(states, cap, cell, work)
            cell /= 1.2  # try finer cells next time: the fewest merges that fit
        most = max(most, len(states))
        grown = grow(states, options, work)
        states = grown if dims > 3 else (pareto(grown, work, work.budget) or grown)
        work.report()
    if dims > 3:
        # The scan that prunes the last states compares them pairwise: few enough for the
        # reserve.
        cap = max(1, math.isqrt(reserve))
        if len(states) > cap:
            states, cell = fit(states, cap, cell, work)
        states = pareto_scan(states, work, work.budget * 2) or states
    return states, most


def nash_point(frontier: Frontier, reservations: tuple[float, ...]) -> ScoredPackage | None:
    """The frontier package maximising the product of gains over reservation values.

    On an approximate frontier this is the best package found; the true Nash package is
    within `frontier.bound` points of some package found, for every party (the module's
    docstring says why)."""
    best, best_product = None, 0.0
    for p in frontier.points:
        gains = [u - r for u, r in zip(p.scores, reservations, strict=True)]
        if all(g > 0 for g in gains):
            product = math.prod(gains)
            if product > best_product:
                best, best_product = p, product
    return best
