"""Sets of partial packages for the frontier search: their scores and ceilings, the work
counter, Pareto pruning for any number of parties, and merging into grid cells."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Sequence
from operator import add, itemgetter, le

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


class Work:
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


def merge(kept: State, ceiling: Point) -> State:
    """A kept partial package whose ceiling also covers another's."""
    if all(map(le, ceiling, kept[1])):
        return kept
    return (kept[0], tuple(map(max, kept[1], ceiling)), kept[2])


def pareto2(states: list[State]) -> list[State]:
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
            kept[-1] = merge(kept[-1], s[1])
    return kept


def pareto3(states: list[State]) -> list[State]:
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
                kept[at[i]] = merge(kept[at[i]], s[1])
            continue
        # The staircase points the new one dominates on (second, third) are just below it.
        low = i
        while low > 0 and zs[low - 1] <= z:
            low -= 1
        high = i + 1 if i < len(ys) and ys[i] == y else i
        ys[low:high], zs[low:high], at[low:high] = [y], [z], [len(kept)]
        kept.append(s)
    return kept


def pareto_scan(states: list[State], work: Work, limit: int) -> list[State] | None:
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
                    kept[n] = merge(d, s[1])
                break
        else:
            kept.append(s)
    return kept


def pareto(states: list[State], work: Work, limit: int) -> list[State] | None:
    """The non-dominated states, by the fastest method for the number of parties."""
    dims = len(states[0][0]) if states else 0
    if dims > 3:
        return pareto_scan(states, work, limit)
    # A sort and a sweep: about this many steps per point.
    work.done += len(states) * SWEEP
    return pareto2(states) if dims == 2 else pareto3(states)


def grow(states: list[State], options: Sequence[tuple[int, Point]], work: Work) -> list[State]:
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


def bin_cells(states: list[State], cell: float, across: bool) -> list[State]:
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
        best = min(group, key=lambda s: above(top, s[0]))
        merged.append((best[0], best[0] if top == best[0] else top, best[2]))
    return merged


def fit(states: list[State], cap: int, cell: float, work: Work) -> tuple[list[State], float]:
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
        merged = bin_cells(states, cell, across)
        work.done += len(states) * BIN * dims
        if not across:
            merged = pareto(merged, work, work.budget) or merged
        if len(merged) <= cap:
            return merged, cell
        cell *= max(1.2, (len(merged) / cap) ** power)


def above(high: Point, low: Point) -> float:
    """How far one point is above another for the party where it is most above."""
    return max(a - b for a, b in zip(high, low, strict=True))


def error(s: State) -> float:
    """How far the ceiling of a state is above its scores, for the worst-off party."""
    return above(s[1], s[0])
