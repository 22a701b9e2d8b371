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

import heapq
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from operator import add, gt, itemgetter, le, lt

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

WEIGHTS_PART = 0.5
"""The part of the work left at the end that the grid of weighted sums may take (the corners
take the rest)."""

# Counted steps, each about a tenth of a microsecond of this code (measured with the bench on
# generated agendas): per point grown from another and per party (twice with a ceiling);
# per point, the sort and sweep that prune two or three parties' points; per party, binning a
# point in a grid cell; per option and party, a weighted sum, or a change of option tried by
# the climb; per party, a weight tried on a corner; per point looked at, a check that one
# point is below another (the scan that prunes four parties or more counts a step for SCAN
# comparisons).
GROW_POINT = 3
GROW = 5
SWEEP = 8
BIN = 15
WEIGH = 5
CLIMB = 7
TRY = 5
LOOK = 3
SCAN = 2

Progress = Callable[[int, int], None]
"""Told (work done, work budget) as the frontier is built, for a progress bar."""

Point = tuple[float, ...]
Trail = tuple["Trail", int] | None
"""How a partial package was built: the trail before the last issue added, and its option."""
State = tuple[Point, Point, Trail]
"""A partial package's scores, its ceiling (the scores themselves, the same object, until an
approximation merged something into it) and its trail."""


@dataclass(frozen=True)
class Frontier:
    """The Pareto frontier of the red-line-free agenda, and how it was found."""

    points: tuple[ScoredPackage, ...]
    exact: bool
    method: str
    bound: float = 0.0
    """Every Pareto-efficient package has one among `points` that gives no party more than
    this many points less (0: exact)."""


class _Work:
    """The work counter: steps done against the budget, passed on to a progress callback."""

    def __init__(self, budget: int, progress: Progress | None) -> None:
        self.budget = budget
        self.done = 0
        self.progress = progress

    def left(self) -> int:
        """Steps still allowed."""
        return self.budget - self.done

    def report(self) -> None:
        """Tell the caller how far the work has got."""
        if self.progress is not None:
            self.progress(min(self.done, self.budget), self.budget)


def _merge(kept: State, ceiling: Point) -> State:
    """A kept partial package whose ceiling also covers another's."""
    if all(map(le, ceiling, kept[1])):
        return kept
    return (kept[0], tuple(map(max, kept[1], ceiling)), kept[2])


def _pareto2(states: list[State]) -> list[State]:
    """The non-dominated states of two parties (a sweep: sorted by the first score, a point
    survives when it beats every earlier one on the second)."""
    states.sort(key=itemgetter(0), reverse=True)
    kept: list[State] = []
    top = -math.inf
    for s in states:
        p = s[0]
        if p[1] > top:
            kept.append(s)
            top = p[1]
        elif s[1] is not p:  # the last kept has the highest second score: it dominates s
            kept[-1] = _merge(kept[-1], s[1])
    return kept


def _pareto3(states: list[State]) -> list[State]:
    """The non-dominated states of three parties: a sweep down the first score, keeping the
    staircase of the second and third scores seen so far (a point is dominated exactly when
    the staircase holds one at least as good on both)."""
    states.sort(key=itemgetter(0), reverse=True)
    ys: list[float] = []  # the staircase: second scores ascending ...
    zs: list[float] = []  # ... third scores descending
    at: list[int] = []  # where each staircase point is in `kept`
    kept: list[State] = []
    for s in states:
        p = s[0]
        y, z = p[1], p[2]
        i = bisect_left(ys, y)
        if i < len(ys) and zs[i] >= z:
            if s[1] is not p:
                kept[at[i]] = _merge(kept[at[i]], s[1])
            continue
        # The staircase points the new one dominates on (second, third) are just below it.
        low = i
        while low > 0 and zs[low - 1] <= z:
            low -= 1
        high = i + 1 if i < len(ys) and ys[i] == y else i
        ys[low:high], zs[low:high], at[low:high] = [y], [z], [len(kept)]
        kept.append(s)
    return kept


def _pareto_scan(states: list[State], work: _Work, limit: int) -> list[State] | None:
    """The non-dominated states of any number of parties, each checked against those kept
    (sorted by total score, a point can only be dominated by an earlier one); None once the
    comparisons would take the work past `limit`."""
    states.sort(key=lambda s: (sum(s[0]), s[0]), reverse=True)
    kept: list[State] = []
    for s in states:
        work.done += len(kept) // SCAN + 1  # at most this many comparisons
        if work.done > limit:
            return None
        p = s[0]
        first = p[0]
        for n, d in enumerate(kept):
            if d[0][0] >= first and all(map(le, p, d[0])):
                if s[1] is not p:
                    kept[n] = _merge(d, s[1])
                break
        else:
            kept.append(s)
    return kept


def _pareto(states: list[State], work: _Work, limit: int) -> list[State] | None:
    """The non-dominated states, by the fastest method for the number of parties."""
    dims = len(states[0][0]) if states else 0
    if dims > 3:
        return _pareto_scan(states, work, limit)
    # A sort and a sweep: about this many steps per point.
    work.done += len(states) * SWEEP
    return _pareto2(states) if dims == 2 else _pareto3(states)


def _grow(states: list[State], options: Sequence[tuple[int, Point]], work: _Work) -> list[State]:
    """Every state extended by every allowed option of the next issue (ceilings too)."""
    grown: list[State] = []
    append = grown.append
    step = len(options) * (GROW_POINT + GROW * len(states[0][0])) if states else 0
    for p, c, trail in states:
        if c is p:
            for k, v in options:
                q = tuple(map(add, p, v))
                append((q, q, (trail, k)))
            work.done += step
        else:
            for k, v in options:
                append((tuple(map(add, p, v)), tuple(map(add, c, v)), (trail, k)))
            work.done += 2 * step
    return grown


def _bin(states: list[State], cell: float, across: bool) -> list[State]:
    """One state per cell of a grid `cell` points wide, its ceiling covering the whole cell's.

    With `across`, the grid is over the scores' differences from their mean (cells are
    columns through the frontier, so points behind the frontier merge into those on it; for
    four parties or more, where pruning is dear)."""
    dims = len(states[0][0])
    if across:
        coords = []
        for p, _, _ in states:
            mean = sum(p) / dims
            coords.append(tuple(x - mean for x in p[:-1]))
    else:
        coords = [p for p, _, _ in states]
    lows = [min(c[j] for c in coords) for j in range(len(coords[0]))]
    cells: dict[tuple[int, ...], list[State]] = {}
    for s, c in zip(states, coords, strict=True):
        key = tuple(int((x - low) // cell) for x, low in zip(c, lows, strict=True))
        cells.setdefault(key, []).append(s)
    merged: list[State] = []
    for group in cells.values():
        if len(group) == 1:
            merged.append(group[0])
            continue
        top = tuple(map(max, *(s[1] for s in group)))
        best = min(group, key=lambda s: _above(top, s[0]))
        merged.append((best[0], best[0] if top == best[0] else top, best[2]))
    return merged


def _fit(states: list[State], cap: int, cell: float, work: _Work) -> tuple[list[State], float]:
    """At most `cap` states, merging grid cells (coarser until they fit); the cell size used.
    A cell of 0 asks for a first guess."""
    dims = len(states[0][0])
    across = dims > 3
    # The frontier is a surface of dims - 1 dimensions: the number of cells it crosses falls
    # as the cell size grows to that power.
    power = 1 / max(1, dims - 1)
    if cell <= 0.0:
        spread = max(
            max(s[0][j] for s in states) - min(s[0][j] for s in states) for j in range(dims)
        )
        cell = max(spread, 1e-9) / cap**power
    while True:
        merged = _bin(states, cell, across)
        work.done += len(states) * BIN * dims
        if not across:
            merged = _pareto(merged, work, work.budget) or merged
        if len(merged) <= cap:
            return merged, cell
        cell *= max(1.2, (len(merged) / cap) ** power)


def _above(high: Point, low: Point) -> float:
    """How far one point is above another for the party where it is most above."""
    return max(a - b for a, b in zip(high, low, strict=True))


def _error(s: State) -> float:
    """How far the ceiling of a state is above its scores, for the worst-off party."""
    return _above(s[1], s[0])


def _bound(states: list[State], ideal: Point, work: _Work) -> float:
    """The bound of the approximation: the worst ceiling above its own package, lowered where
    another returned package lies closer below it, and capped by the distance to the ideal."""
    worst = sorted(states, key=_error, reverse=True)
    bound = 0.0
    for s in worst:
        own = _error(s)
        if own <= bound or work.left() < len(states) * LOOK * len(ideal):
            bound = max(bound, own)
            break
        work.done += len(states) * LOOK * len(ideal)
        bound = max(bound, min(_above(s[1], t[0]) for t in states))
    to_ideal = min(_above(ideal, t[0]) for t in states)
    return max(0.0, min(bound, to_ideal))


def _package(trail: Trail, order: Sequence[int]) -> tuple[int, ...]:
    """The options of a trail, in agenda order."""
    chosen = [0] * len(order)
    for issue in reversed(order):
        assert trail is not None
        trail, chosen[issue] = trail
    return tuple(chosen)


def _compositions(total: int, parts: int) -> Iterator[tuple[int, ...]]:
    """Every way of writing `total` as `parts` whole numbers from 0 up, in order."""
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in _compositions(total - first, parts - 1):
            yield (first, *rest)


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    """The sum of products."""
    return sum(x * y for x, y in zip(a, b, strict=True))


class _Weights:
    """Weighted sums of the parties' scores over a grid of weights, each maximised exactly.

    Scores add up issue by issue, so the best package for weights c (summing to `steps`) takes
    the best option of each issue for c: h(c) = max over packages x of c.x is exact, and the
    package found is efficient (a supported point of the frontier). For any package x and
    corner l, min_j (x_j - l_j) <= c.(x - l) / steps <= (h(c) - c.l) / steps: every grid weight
    gives an upper bound on how far any package can rise above l on all scores at once.
    """

    def __init__(
        self,
        issues: Sequence[Sequence[tuple[int, Point]]],
        start: Point,
        steps: int,
        work: _Work,
    ) -> None:
        self.steps = steps
        self.dims = len(start)
        self.value: dict[tuple[int, ...], float] = {}
        self.found: list[State] = []
        seen: set[Point] = set()
        for c in _compositions(steps, self.dims):
            point: Point = start
            trail: Trail = None
            for options in issues:
                k, v = max(options, key=lambda o: _dot(c, o[1]))
                point = tuple(map(add, point, v))
                trail = (trail, k)
            work.done += sum(len(o) for o in issues) * WEIGH * self.dims
            self.value[c] = _dot(c, point)
            if point not in seen:
                seen.add(point)
                self.found.append((point, point, trail))

    def above(
        self, corner: Point, c: tuple[int, ...], work: _Work
    ) -> tuple[float, tuple[int, ...]]:
        """An upper bound on how far any package rises above `corner` on all scores at once,
        from the grid weight a local search finds best (started at c); and that weight."""
        best = self.value[c] - _dot(c, corner)
        moved = True
        while moved:
            moved = False
            for a in range(self.dims):
                if c[a] == 0:
                    continue
                for b in range(self.dims):
                    if b == a:
                        continue
                    d = list(c)
                    d[a] -= 1
                    d[b] += 1
                    step = tuple(d)
                    work.done += TRY * self.dims
                    value = self.value[step] - _dot(step, corner)
                    if value < best:
                        best, c, moved = value, step, True
                        break
                if moved:
                    break
        return best / self.steps, c


def _corners(points: Sequence[Point], floor: Point) -> list[Point]:
    """Corners l of what the points leave uncovered (for two or three parties): every score
    vector above the floor that no point is at least as good as, on every score, is above one
    of the corners on every score.

    For three parties: sweeping down the third score, the points at or above a height cover,
    at that height, what lies below their staircase in the first two scores; each corner of
    that staircase stays uncovered down to the height of the point that covers it.
    """
    xs: list[float] = []  # the staircase: first scores ascending ...
    ys: list[float] = []  # ... second scores descending
    if len(floor) == 2:
        stair = sorted(points)
        xs = [floor[0]] + [p[0] for p in stair]
        ys = [p[1] for p in stair] + [floor[1]]
        return list(zip(xs, ys, strict=True))
    corners: list[Point] = []

    def corner(t: int, height: float) -> Point:
        return (xs[t - 1] if t > 0 else floor[0], ys[t] if t < len(ys) else floor[1], height)

    for x, y, z in sorted(points, key=itemgetter(2), reverse=True):
        i = bisect_right(xs, x)
        if (i < len(xs) and ys[i] >= y) or (i > 0 and xs[i - 1] == x and ys[i - 1] >= y):
            continue  # covered already (leaving a point out only adds corners)
        low = i
        while low > 0 and ys[low - 1] <= y:
            low -= 1
        corners.extend(corner(t, z) for t in range(low, i + 1))
        xs[low:i], ys[low:i] = [x], [y]
    corners.extend(corner(t, floor[2]) for t in range(len(xs) + 1))
    return corners


def _split(corners: set[Point], point: Point) -> list[Point]:
    """A point added to the corners: those strictly below it (their regions now partly covered)
    give way to copies raised to it on one score each, which is what stays uncovered of their
    regions. Returns the new corners (a copy at or above another copy adds nothing: left out)."""
    gone = [c for c in corners if all(map(lt, c, point))]
    fresh: set[Point] = set()
    for c in gone:
        corners.discard(c)
        for j, x in enumerate(point):
            fresh.add((*c[:j], x, *c[j + 1 :]))
    kept = [c for c in fresh if not any(d != c and all(map(le, d, c)) for d in fresh)]
    corners.update(kept)
    return kept


def _climb(
    issues: Sequence[Sequence[tuple[int, Point]]],
    start: Point,
    corner: Point,
    c: tuple[int, ...],
    work: _Work,
) -> tuple[Point, Trail]:
    """A package rising as high as it can above a corner on its worst score (greedily): the
    best package for the weights c, then the best single change of option, while one helps."""
    choice = [max(range(len(o)), key=lambda t: _dot(c, o[t][1])) for o in issues]
    point = start
    for options, t in zip(issues, choice, strict=True):
        point = tuple(map(add, point, options[t][1]))

    def rise(p: Point) -> tuple[float, float]:
        # The worst score's rise first; the total breaks ties (a step along a plateau).
        return min(a - b for a, b in zip(p, corner, strict=True)), sum(p)

    best = rise(point)
    size = sum(len(o) for o in issues) * CLIMB * len(start)
    for _ in range(len(issues)):
        work.done += size
        move: tuple[int, int, Point] | None = None
        for i, options in enumerate(issues):
            now = options[choice[i]][1]
            for t, (_, v) in enumerate(options):
                if t != choice[i]:
                    there = tuple(p + a - b for p, a, b in zip(point, v, now, strict=True))
                    if rise(there) > best:
                        best, move = rise(there), (i, t, there)
        if move is None:
            break
        i, choice[i], point = move
    trail: Trail = None
    for options, t in zip(issues, choice, strict=True):
        trail = (trail, options[t][0])
    return point, trail


def _corner_bound(
    states: list[State],
    weights: _Weights,
    order: list[Point],
    issues: Sequence[Sequence[tuple[int, Point]]],
    start: Point,
    work: _Work,
) -> tuple[list[State], float | None]:
    """The bound from the corners the packages leave uncovered, worst corner first: each is
    bounded by the weighted sums (no package rises above it further), and where a package is
    found above it, that package joins the set and the corner is split; a corner no package
    is found above is bounded by the ceilings too (every package lies under one). The packages
    found, and the bound (None if the work ran out before every corner had one)."""
    dims = len(start)
    c = next(iter(weights.value))
    heap: list[tuple[float, bool, Point, tuple[int, ...]]] = []
    corners = set(order)
    # In the sweep's order, each corner is near the one before: its best weight is a good start.
    for corner in order:
        if work.left() <= 0:
            return [], None
        value, c = weights.above(corner, c, work)
        heap.append((-value, False, corner, c))
    heapq.heapify(heap)
    found: list[State] = []
    while heap:
        value, tried, corner, c = heap[0]
        if corner not in corners:
            heapq.heappop(heap)
            continue
        if -value <= 0.0 or tried or work.left() <= 0:
            return found, max(0.0, -value)
        heapq.heappop(heap)
        point, trail = _climb(issues, start, corner, c, work)
        if all(map(gt, point, corner)):
            found.append((point, point, trail))
            work.done += len(corners) * LOOK
            for fresh in _split(corners, point):
                height, near = weights.above(fresh, c, work)
                heapq.heappush(heap, (-height, False, fresh, near))
            continue
        work.done += len(states) * LOOK * dims
        under = max(min(a - b for a, b in zip(s[1], corner, strict=True)) for s in states)
        heapq.heappush(heap, (max(value, -under), True, corner, c))
    return found, 0.0


def pareto_frontier(
    scenario: Scenario,
    conditions: Conditions,
    budget: int = WORK_BUDGET,
    progress: Progress | None = None,
) -> Frontier:
    """The Pareto frontier of the packages that cross no party's red line: exact while the
    work allows, else approximate with a bound (see the module's docstring)."""
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
    work = _Work(budget, progress)
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
        pruned = _pareto(_grow(states, issues[i], work), work, exact_limit)
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
        states, bound = _tighten(states, [issues[i] for i in order], start, ideal, work)
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


def _tighten(
    states: list[State],
    issues: Sequence[Sequence[tuple[int, Point]]],
    start: Point,
    ideal: Point,
    work: _Work,
) -> tuple[list[State], float]:
    """The approximate frontier completed, and its bound: the packages best for a grid of
    weights added, and the corners the packages leave uncovered bounded (and dug into)."""
    bound = _bound(states, ideal, work)
    dims = len(start)
    cost = sum(len(o) for o in issues) * WEIGH * dims
    steps = 1
    # The finest grid whose sums take at most their part of the work left.
    while math.comb(steps + dims, dims - 1) * cost <= work.left() * WEIGHTS_PART:
        steps += 1
    if math.comb(steps + dims - 1, dims - 1) * cost > work.left():
        return states, bound
    weights = _Weights(issues, start, steps, work)
    work.report()
    states = _pareto(states + weights.found, work, work.budget) or states
    # Far enough below every package that the floor never limits a bound (see _corners).
    lowest = [start[j] + sum(min(v[j] for _, v in o) for o in issues) for j in range(dims)]
    depth = max(i - low for i, low in zip(ideal, lowest, strict=True)) + 1
    floor = tuple(low - depth for low in lowest)
    if dims > 3:
        # Four parties or more leave too many corners between the packages to bound them all.
        return states, bound
    corners = _corners([s[0] for s in states], floor)
    found, corner = _corner_bound(states, weights, corners, issues, start, work)
    if found:
        states = _pareto(states + found, work, work.budget * 2) or states
    return states, bound if corner is None else min(bound, corner)


def _approximate(
    states: list[State], issues: Sequence[Sequence[tuple[int, Point]]], work: _Work
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
            states, cell = _fit(states, cap, cell, work)
            cell /= 1.2  # try finer cells next time: the fewest merges that fit
        most = max(most, len(states))
        grown = _grow(states, options, work)
        states = grown if dims > 3 else (_pareto(grown, work, work.budget) or grown)
        work.report()
    if dims > 3:
        # The scan that prunes the last states compares them pairwise: few enough for the
        # reserve.
        cap = max(1, math.isqrt(reserve))
        if len(states) > cap:
            states, cell = _fit(states, cap, cell, work)
        states = _pareto_scan(states, work, work.budget * 2) or states
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
