"""The error bound of an approximate frontier, and the packages that tighten it: weighted sums
maximised exactly, and the corners the packages found leave uncovered (frontier.py says why the
bound holds)."""

from __future__ import annotations

import heapq
import math
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from operator import add, gt, itemgetter, le, lt

from game.core.analysis.pareto_sets import (
    CLIMB,
    LOOK,
    TRY,
    WEIGH,
    Point,
    State,
    Trail,
    Work,
    above,
    error,
    pareto,
)

WEIGHTS_PART = 0.5
"""The part of the work left at the end that the grid of weighted sums may take (the corners
take the rest)."""


def bound_of(states: list[State], ideal: Point, work: Work) -> float:
    """The bound of the approximation: the worst ceiling above its own package, lowered where
    another returned package lies closer below it, and capped by the distance to the ideal."""
    worst = sorted(states, key=error, reverse=True)
    bound = 0.0
    for s in worst:
        own = error(s)
        if own <= bound or work.left() < len(states) * LOOK * len(ideal):
            bound = max(bound, own)
            break
        work.done += len(states) * LOOK * len(ideal)
        bound = max(bound, min(above(s[1], t[0]) for t in states))
    to_ideal = min(above(ideal, t[0]) for t in states)
    return max(0.0, min(bound, to_ideal))


def compositions(total: int, parts: int) -> Iterator[tuple[int, ...]]:
    """Every way of writing `total` as `parts` whole numbers from 0 up, in order."""
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in compositions(total - first, parts - 1):
            yield (first, *rest)


def dot(a: Sequence[float], b: Sequence[float]) -> float:
    """The sum of products."""
    return sum(x * y for x, y in zip(a, b, strict=True))


class Weights:
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
        work: Work,
    ) -> None:
        self.steps = steps
        self.dims = len(start)
        self.value: dict[tuple[int, ...], float] = {}
        self.found: list[State] = []
        seen: set[Point] = set()
        for c in compositions(steps, self.dims):
            point: Point = start
            trail: Trail = None
            for options in issues:
                k, v = max(options, key=lambda o: dot(c, o[1]))
                point = tuple(map(add, point, v))
                trail = (trail, k)
            work.done += sum(len(o) for o in issues) * WEIGH * self.dims
            self.value[c] = dot(c, point)
            if point not in seen:
                seen.add(point)
                self.found.append((point, point, trail))

    def above(self, corner: Point, c: tuple[int, ...], work: Work) -> tuple[float, tuple[int, ...]]:
        """An upper bound on how far any package rises above `corner` on all scores at once,
        from the grid weight a local search finds best (started at c); and that weight."""
        best = self.value[c] - dot(c, corner)
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
                    value = self.value[step] - dot(step, corner)
                    if value < best:
                        best, c, moved = value, step, True
                        break
                if moved:
                    break
        return best / self.steps, c


def corners_of(points: Sequence[Point], floor: Point) -> list[Point]:
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


def split(corners: set[Point], point: Point) -> list[Point]:
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


def climb(
    issues: Sequence[Sequence[tuple[int, Point]]],
    start: Point,
    corner: Point,
    c: tuple[int, ...],
    work: Work,
) -> tuple[Point, Trail]:
    """A package rising as high as it can above a corner on its worst score (greedily): the
    best package for the weights c, then the best single change of option, while one helps."""
    choice = [max(range(len(o)), key=lambda t: dot(c, o[t][1])) for o in issues]
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


def corner_bound(
    states: list[State],
    weights: Weights,
    order: list[Point],
    issues: Sequence[Sequence[tuple[int, Point]]],
    start: Point,
    work: Work,
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
        point, trail = climb(issues, start, corner, c, work)
        if all(map(gt, point, corner)):
            found.append((point, point, trail))
            work.done += len(corners) * LOOK
            for fresh in split(corners, point):
                height, near = weights.above(fresh, c, work)
                heapq.heappush(heap, (-height, False, fresh, near))
            continue
        work.done += len(states) * LOOK * dims
        under = max(min(a - b for a, b in zip(s[1], corner, strict=True)) for s in states)
        heapq.heappush(heap, (max(value, -under), True, corner, c))
    return found, 0.0


def tighten(
    states: list[State],
    issues: Sequence[Sequence[tuple[int, Point]]],
    start: Point,
    ideal: Point,
    work: Work,
) -> tuple[list[State], float]:
    """The approximate frontier completed, and its bound: the packages best for a grid of
    weights added, and the corners the packages leave uncovered bounded (and dug into)."""
    bound = bound_of(states, ideal, work)
    dims = len(start)
    cost = sum(len(o) for o in issues) * WEIGH * dims
    steps = 1
    # The finest grid whose sums take at most their part of the work left.
    while math.comb(steps + dims, dims - 1) * cost <= work.left() * WEIGHTS_PART:
        steps += 1
    if math.comb(steps + dims - 1, dims - 1) * cost > work.left():
        return states, bound
    weights = Weights(issues, start, steps, work)
    work.report()
    states = pareto(states + weights.found, work, work.budget) or states
    # Far enough below every package that the floor never limits a bound (see corners_of).
    lowest = [start[j] + sum(min(v[j] for _, v in o) for o in issues) for j in range(dims)]
    depth = max(i - low for i, low in zip(ideal, lowest, strict=True)) + 1
    floor = tuple(low - depth for low in lowest)
    if dims > 3:
        # Four parties or more leave too many corners between the packages to bound them all.
        return states, bound
    corners = corners_of([s[0] for s in states], floor)
    found, corner = corner_bound(states, weights, corners, issues, start, work)
    if found:
        states = pareto(states + found, work, work.budget * 2) or states
    return states, bound if corner is None else min(bound, corner)
