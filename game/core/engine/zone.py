"""The zone of agreement: the trilateral packages every party would accept and support now.

A package is in the zone when it crosses no party's red line, every party values it at least
at what it needs (its reservation value plus premiums), and every party's groups at home would
support it at least at the threshold. The zone is the game's central teaching figure: the
chapter's causes narrow it, trust-building and consultation widen it.

Scores and support are sums over issues (support is clamped per group, which only lowers it),
so the packages are found by branch and bound: an issue at a time, dropping a partial package
as soon as even the best remaining options could not lift some party to what it needs or its
support to the threshold. The last few issues are joined into one table of their combinations,
scanned in a single loop: it is the deepest and busiest part of the search.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from dataclasses import dataclass
from math import prod

from game.core.engine.conditions import Conditions
from game.core.engine.scoring import EPSILON, scorer
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package

KEEP = 200
"""Packages kept as examples (the count is exact unless the search ran out of budget)."""

TAIL = 64
"""The most combinations of the last issues joined into one table."""

BUDGET = 400_000
"""Partial and whole packages a search examines before it stops: a generated agenda of twenty
issues has more packages than could ever be counted."""

MOVE_BUDGET = 20_000
"""The same, for a search a computer player makes during its turn (a move must stay quick)."""


@dataclass(frozen=True)
class Zone:
    """How many packages every party would accept and support at home, and some of them."""

    count: int
    packages: tuple[Package, ...]
    """Up to KEEP packages of the zone, the best for the first party first."""
    exact: bool = True
    """False when the search stopped at its budget: `count` is then a lower bound."""


_CACHE: OrderedDict[tuple[int, Conditions], tuple[Scenario, Zone]] = OrderedDict()


def zone(scenario: Scenario, conditions: Conditions) -> Zone:
    """The zone of agreement of trilateral packages under these conditions (cached)."""
    key = (id(scenario), conditions)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is scenario:
        _CACHE.move_to_end(key)
        return hit[1]
    result = _search(scenario, conditions).count()
    _CACHE[key] = (scenario, result)
    if len(_CACHE) > 256:
        _CACHE.popitem(last=False)
    return result


def believed_zone(
    scenario: Scenario,
    conditions: Conditions,
    values: dict[str, list[list[float]]],
    offsets: dict[str, float],
    needs: dict[str, float],
) -> Zone:
    """The zone of agreement as a negotiator believes it to be: its beliefs of each party's
    points per option (`values`, less `offsets`) and needs; support at home stays public."""
    return _Search(scenario, conditions, values, offsets, needs).count(MOVE_BUDGET)


def best_in_zone(
    scenario: Scenario,
    conditions: Conditions,
    party: str,
    margins: dict[str, float] | None = None,
    floor: float = 0.0,
    *,
    values: dict[str, list[list[float]]] | None = None,
    offsets: dict[str, float] | None = None,
    needs: dict[str, float] | None = None,
) -> Package | None:
    """The trilateral package worth most to `party` that the others would accept (their
    required value plus `margins`, a caution a proposer may add) and every government's groups
    at home would support, worth at least `floor` to `party`; None when there is none (or none
    was found within the budget).

    A negotiator that does not see its partners' scores passes what it believes instead:
    `values` (each party's points for each option, on the 0-100 scale before `offsets` is taken
    away) and `needs` (what each party needs, margins included); support at home stays public.
    """
    if values is None:
        return _search(scenario, conditions).best(party, floor, margins or {}, MOVE_BUDGET)
    search = _Search(scenario, conditions, values, offsets or {}, needs or {})
    return search.best(party, floor, {}, MOVE_BUDGET)


_SEARCHES: OrderedDict[tuple[int, Conditions], tuple[Scenario, _Search]] = OrderedDict()


def _search(scenario: Scenario, conditions: Conditions) -> _Search:
    """The search tables of the agenda under these conditions (cached: computer players ask
    again and again under the same conditions, within a game and across simulated games)."""
    key = (id(scenario), conditions)
    hit = _SEARCHES.get(key)
    if hit is not None and hit[0] is scenario:
        _SEARCHES.move_to_end(key)
        return hit[1]
    made = _Search(scenario, conditions)
    _SEARCHES[key] = (scenario, made)
    if len(_SEARCHES) > 64:
        _SEARCHES.popitem(last=False)
    return made


Row = tuple[tuple[int, ...], list[float]]
"""A combination of options and its flat vector (see `_Search`)."""


class _Search:
    """Branch and bound over the trilateral packages that cross no red line.

    Every partial package is one flat vector: each party's value (on the raw scale), then the
    approval change of each party's groups at home. An option adds its own vector, so a search
    step is one vector sum, and the bounds compare against vectors of the best remaining sums.
    """

    def __init__(
        self,
        scenario: Scenario,
        conditions: Conditions,
        values: dict[str, list[list[float]]] | None = None,
        offsets: dict[str, float] | None = None,
        needs: dict[str, float] | None = None,
    ) -> None:
        scores = scorer(scenario, conditions)
        ids = scenario.party_ids
        views = [scores.parties[p] for p in ids]
        self.ids = ids
        self.n = n = len(scenario.issues)
        self.first = views[0]
        # Options no party red-lines; all three are bound by a trilateral package.
        self.allowed = [
            [k for k in range(len(issue.options)) if not any(v.red[i][k] for v in views)]
            for i, issue in enumerate(scenario.issues)
        ]
        self.possible = all(self.allowed)
        width = len(views)
        # What each party's options must add up to (its required score, on the raw scale),
        # where its value sits in the vector, and where its groups' changes sit.
        self.needed = [v.requirement.total + v.low * v.per_point - EPSILON for v in views]
        self.offsets = [v.low * v.per_point for v in views]
        self.groups: list[list[tuple[int, float, float]]] = []
        self.thresholds = [v.threshold - EPSILON for v in views]
        for v in views:
            self.groups.append(
                [(width + g, share, approval) for g, (_, _, share, approval) in enumerate(v.groups)]
            )
            width += len(v.groups)
        self.width = width
        if values is not None:
            # A negotiator's beliefs in place of the parties' own values and needs.
            self.offsets = [(offsets or {})[p] for p in ids]
            self.needed = [
                (needs or {})[p] + o - EPSILON for p, o in zip(ids, self.offsets, strict=True)
            ]
        own = [
            [[r * v.per_point for r in row] for row in v.raw] if values is None else values[p]
            for p, v in zip(ids, views, strict=True)
        ]
        # The vector of every option.
        self.vectors = [
            [
                [table[i][k] for table in own]
                + [
                    f.deltas[g]
                    for v in views
                    for f in (v.fixed[i][k],)
                    for g in range(len(v.groups))
                ]
                for k in range(len(issue.options))
            ]
            for i, issue in enumerate(scenario.issues)
        ]
        # The search takes the issues that matter most first, so that its bounds bite early,
        # and leaves the least telling ones for the tail; packages are put back in order.
        weights = [1.0] * len(views) + [share for g in self.groups for _, share, _ in g]
        columns = [
            list(zip(*(self.vectors[i][k] for k in self.allowed[i]), strict=True))
            if self.allowed[i]
            else [(0.0,)] * width
            for i in range(n)
        ]
        spread = [
            sum(w * (max(c) - min(c)) for w, c in zip(weights, columns[i], strict=True))
            for i in range(n)
        ]
        self.issue_at = sorted(range(n), key=lambda i: (-spread[i], i))
        self.allowed = [self.allowed[i] for i in self.issue_at]
        self.vectors = [self.vectors[i] for i in self.issue_at]
        # The tail: the last issues whose combinations fit in one table.
        split = n
        while split > 0 and prod(len(a) for a in self.allowed[split - 1 :]) <= TAIL:
            split -= 1
        self.split = split
        self.tail = self._combinations(split, n) if self.possible else []
        # The most the issues from i on can still add, component by component.
        self.rest = [[0.0] * width for _ in range(n + 1)]
        for i in range(n - 1, -1, -1):
            best = [max(c) for c in columns[self.issue_at[i]]]
            self.rest[i] = [a + b for a, b in zip(self.rest[i + 1], best, strict=True)]
        self._tails: dict[int, list[Row]] = {}

    def _combinations(self, start: int, stop: int) -> list[Row]:
        """Every combination of the options of issues start..stop-1, with its vector (built an
        issue at a time, adding one option's vector to each shorter combination)."""
        rows: list[Row] = [((), [0.0] * self.width)]
        for i in range(start, stop):
            options = [(k, self.vectors[i][k]) for k in self.allowed[i]]
            rows = [
                ((*c, k), [a + b for a, b in zip(row, add, strict=True)])
                for c, row in rows
                for k, add in options
            ]
        return rows

    def _satisfied(self, needed: list[float], vector: list[float], skip: int) -> bool:
        """Whether a vector gives every party (but `skip`) the value it needs and the support
        at home it needs; a bound when the vector holds the best remaining sums."""
        for j, groups in enumerate(self.groups):
            if j != skip and vector[j] < needed[j]:
                return False
            if groups:
                support = 0.0
                for at, share, approval in groups:
                    support += share * max(0.0, min(100.0, approval + vector[at]))
                if support < self.thresholds[j]:
                    return False
        return True

    def _package(self, choices: tuple[int, ...]) -> Package:
        """A package in the scenario's order of issues from the search's choices."""
        package = [0] * self.n
        for position, k in enumerate(choices):
            package[self.issue_at[position]] = k
        return tuple(package)

    def _sorted_tail(self, me: int) -> list[Row]:
        """The tail's combinations, the most valuable to party `me` first."""
        if me not in self._tails:
            self._tails[me] = sorted(self.tail, key=lambda row: (-row[1][me], row[0]))
        return self._tails[me]

    def count(self, budget: int = BUDGET) -> Zone:
        """Every package of the zone, counted (up to the budget), with some examples."""
        if not self.possible:
            return Zone(0, ())
        found: list[Package] = []
        total = 0
        visited = 0
        split, needed = self.split, self.needed
        chosen = [0] * self.n

        def walk(i: int, vector: list[float]) -> bool:
            nonlocal total, visited
            visited += 1
            if visited > budget:
                return False
            bound = [a + b for a, b in zip(vector, self.rest[i], strict=True)]
            if not self._satisfied(needed, bound, -1):
                return True
            if i == split:
                visited += len(self.tail)
                for c, row in self.tail:
                    if self._satisfied(
                        needed, [a + b for a, b in zip(vector, row, strict=True)], -1
                    ):
                        total += 1
                        if len(found) < KEEP:
                            found.append(self._package((*chosen[:split], *c)))
                return True
            for k in self.allowed[i]:
                chosen[i] = k
                if not walk(
                    i + 1, [a + b for a, b in zip(vector, self.vectors[i][k], strict=True)]
                ):
                    return False
            return True

        exact = walk(0, [0.0] * self.width)
        found.sort(key=lambda package: (-self.first.total(package), package))
        return Zone(total, tuple(found), exact)

    def best(
        self, party: str, floor: float, margins: dict[str, float], budget: int = BUDGET
    ) -> Package | None:
        """The package of the zone worth most to `party`, and at least `floor` to it, that the
        others value at what they need plus their `margins`."""
        if not self.possible:
            return None
        me = self.ids.index(party)
        split = self.split
        needed = [n + margins.get(q, 0.0) for n, q in zip(self.needed, self.ids, strict=True)]
        # The own value must reach what the party needs and the floor (on the raw scale).
        own_floor = max(self.needed[me], floor + self.offsets[me] - EPSILON)
        # Options and tail combinations in the order of their value to the party: good
        # packages come first, and a scan of the tail can stop at the first that fits.
        order = [
            sorted(a, key=functools.partial(_rank, self.vectors[i], me))
            for i, a in enumerate(self.allowed)
        ]
        tail = self._sorted_tail(me)
        best: list[tuple[float, Package]] = []
        visited = 0
        chosen = [0] * self.n

        def walk(i: int, vector: list[float]) -> bool:
            nonlocal visited
            visited += 1
            if visited > budget:
                return False
            incumbent = best[0][0] if best else own_floor
            bound = [a + b for a, b in zip(vector, self.rest[i], strict=True)]
            if bound[me] < incumbent or not self._satisfied(needed, bound, me):
                return True
            if i == split:
                for c, row in tail:
                    visited += 1
                    mine = vector[me] + row[me]
                    if mine < incumbent:
                        break
                    if self._satisfied(
                        needed, [a + b for a, b in zip(vector, row, strict=True)], me
                    ):
                        best[:] = [(mine, self._package((*chosen[:split], *c)))]
                        break
                return True
            for k in order[i]:
                chosen[i] = k
                if not walk(
                    i + 1, [a + b for a, b in zip(vector, self.vectors[i][k], strict=True)]
                ):
                    return False
            return True

        walk(0, [0.0] * self.width)
        return best[0][1] if best else None


def _rank(vectors: list[list[float]], me: int, k: int) -> tuple[float, int]:
    """The sort key of option k of an issue: most valuable to party `me` first."""
    return (-vectors[k][me], k)
