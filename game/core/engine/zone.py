"""The zone of agreement: the trilateral packages every party would accept and support now.

A package is in the zone when it changes something (no one can table the status quo), crosses
no red line, is worth what each party needs (reservation value plus premiums) and has enough
support at home in every country: the game's central teaching figure, which the chapter's
causes narrow and trust widens.

Scores and support are sums over issues (support is clamped per group, which only lowers it),
so the packages are found by branch and bound: an issue at a time, dropping a partial package
as soon as even the best remaining options could not lift some party to what it needs or its
support to the threshold. The last few issues are joined into one table of their combinations,
kept column by column and filtered over all its rows at once (the busiest part of the search).
What the scenario alone fixes (red lines, groups at home, approval changes) is worked out once
per scenario; a negotiator's search adds its beliefs, building a depth's tables on first use.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from math import inf
from operator import add

from game.core.engine.conditions import Conditions
from game.core.engine.scoring import EPSILON, PartyScorer, passes, scorer
from game.core.scenario.index import index
from game.core.scenario.memo import ScenarioMemo
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
    """False when the search stopped at its budget (or had found enough): `count` is then a
    lower bound."""
    visited: int = 0
    """Packages examined (once, for a zone the cache keeps): at most the budget and TAIL + 1."""


_ZONES: ScenarioMemo[Conditions, Zone] = ScenarioMemo(256)


def zone(
    scenario: Scenario, conditions: Conditions, budget: int = BUDGET, enough: int | None = None
) -> Zone:
    """The zone of agreement under these conditions (cached; the status quo left out). A check
    may give the count a smaller `budget` (one budget shared between many counts), or stop it
    once `enough` packages are found (to tell an empty zone): the cache keeps such a count only
    if it finished, as it keeps every count made with the whole BUDGET."""
    whole = budget == BUDGET and enough is None
    found = _ZONES.find(scenario, conditions)
    if found is not None and (found.exact or whole or found.count >= (enough or inf)):
        return found
    # One more than enough: the status quo may be among the packages found.
    result = _search(scenario, conditions).count(budget, inf if enough is None else enough + 1)
    sq = index(scenario).status_quo
    if sq in result.packages or (result.exact and passes(scorer(scenario, conditions), sq)):
        kept = tuple(p for p in result.packages if p != sq)
        result = Zone(result.count - 1, kept, result.exact, result.visited)
    if result.exact or whole:
        _ZONES.keep(scenario, conditions, result)
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


_SEARCHES: ScenarioMemo[Conditions, _Search] = ScenarioMemo(64)


def _search(scenario: Scenario, conditions: Conditions) -> _Search:
    """The search tables of the agenda under these conditions (cached: computer players ask
    again and again under the same conditions, within a game and across simulated games)."""
    found = _SEARCHES.find(scenario, conditions)
    if found is None:
        found = _SEARCHES.keep(scenario, conditions, _Search(scenario, conditions))
    return found


def _sums(parts: list[list[float]]) -> list[float]:
    """Every sum of one number of each part (the last part's varying fastest), each added up
    from 0.0 a part at a time, as a combination's vector is an issue at a time."""
    sums = [0.0]
    for part in parts:
        sums = [x + y for x in sums for y in part]
    return sums


class _Agenda:
    """What a search needs that the scenario alone fixes: the options no party red-lines, where
    each party's groups sit in a vector, their shares and thresholds, and each option's approval
    changes (none of these move with the conditions: see `values._fixed`). Worked out once per
    scenario; a search adds the values and approvals of its conditions or beliefs."""

    def __init__(self, scenario: Scenario, views: list[PartyScorer]) -> None:
        # Options no party red-lines; all three are bound by a trilateral package.
        self.allowed = [
            [k for k in range(len(issue.options)) if not any(v.red[i][k] for v in views)]
            for i, issue in enumerate(scenario.issues)
        ]
        self.possible = all(self.allowed)
        width = len(views)
        self.layout: list[list[tuple[int, float]]] = []
        for v in views:
            self.layout.append([(width + g, share) for g, (_, _, share, _) in enumerate(v.groups)])
            width += len(v.groups)
        self.width = width
        self.groups = width - len(views)
        self.thresholds = [v.threshold - EPSILON for v in views]
        # The support part of every option's vector: its approval changes, party by party.
        self.support = [
            [
                tuple(d for v in views for d in v.fixed[i][k].deltas[: len(v.groups)])
                for k in range(len(issue.options))
            ]
            for i, issue in enumerate(scenario.issues)
        ]
        # Each issue's terms of the spread from the groups (weighted by their shares), and the
        # most its options add to each group's approval (nothing where no option is allowed).
        shares = [share for groups in self.layout for _, share in groups]
        g = self.groups
        self.spread: list[list[float]] = []
        self.most: list[list[float]] = []
        for i, a in enumerate(self.allowed):
            cs = list(zip(*(self.support[i][k] for k in a), strict=True)) if a else [(0.0,)] * g
            self.spread.append([w * (max(c) - min(c)) for w, c in zip(shares, cs, strict=True)])
            self.most.append([max(c) for c in cs])
        self._tails: dict[tuple[int, ...], tuple[list[tuple[int, ...]], list[list[float]]]] = {}

    def tail(self, issues: tuple[int, ...]) -> tuple[list[tuple[int, ...]], list[list[float]]]:
        """Every combination of the options of these issues, in the search's order, and the
        support part of their vectors, group by group (cached: searches share tails)."""
        hit = self._tails.get(issues)
        if hit is None:
            combos: list[tuple[int, ...]] = [()]
            for i in issues:
                combos = [(*c, k) for c in combos for k in self.allowed[i]]
            columns = [
                _sums([[self.support[i][k][g] for k in self.allowed[i]] for i in issues])
                for g in range(self.groups)
            ]
            if len(self._tails) >= 256:
                self._tails.clear()
            hit = self._tails[issues] = (combos, columns)
        return hit


_AGENDAS: ScenarioMemo[None, _Agenda] = ScenarioMemo(16)


def _agenda(scenario: Scenario, views: list[PartyScorer]) -> _Agenda:
    """The scenario's fixed part of the search tables (cached: every search of a game shares
    it, while the conditions and a negotiator's beliefs change from search to search)."""
    found = _AGENDAS.find(scenario, None)
    if found is None:
        found = _AGENDAS.keep(scenario, None, _Agenda(scenario, views))
    return found


class _Search:
    """Branch and bound over the trilateral packages that cross no red line.

    Every partial package is one flat vector: each party's value (on the raw scale), then the
    approval change of each party's groups at home. An option adds its own vector, so a search
    step is one vector sum, and the bounds compare against vectors of the best remaining sums.
    The tail is kept column by column (a column per component), for filters over all its rows.
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
        self.agenda = agenda = _agenda(scenario, views)
        self.ids = ids
        self.n = len(scenario.issues)
        self.first = views[0]
        self.parties = len(views)
        self.possible = agenda.possible
        # What each party's options must add up to (its required score, on the raw scale).
        self.needed = [v.requirement.total + v.low * v.per_point - EPSILON for v in views]
        self.offsets = [v.low * v.per_point for v in views]
        if values is not None:
            # A negotiator's beliefs in place of the parties' own values and needs.
            self.offsets = [(offsets or {})[p] for p in ids]
            self.needed = [
                (needs or {})[p] + o - EPSILON for p, o in zip(ids, self.offsets, strict=True)
            ]
        self.own = [
            v.points if values is None else values[p] for p, v in zip(ids, views, strict=True)
        ]
        # Each party with groups at home: where they sit in a vector, shares, approvals, need.
        self.checks = [
            ([(at, share, g[3]) for (at, share), g in zip(layout, v.groups, strict=True)], need)
            for layout, v, need in zip(agenda.layout, views, agenda.thresholds, strict=True)
            if layout
        ]
        if self.possible:  # else count and best stop at once
            self._order()

    def _order(self) -> None:
        """The search's order of issues and the best sums still possible after each depth."""
        agenda = self.agenda
        # The search takes the issues that matter most first, so that its bounds bite early,
        # and leaves the least telling ones for the tail; packages are put back in order.
        # An issue's spread: the range of each party's values over the allowed options, then
        # the groups' terms (summed in that order); the most of each value joins the group's.
        spread = []
        most = []
        for i, a in enumerate(agenda.allowed):
            terms = []
            top = []
            for table in self.own:
                row = table[i]
                if len(row) != len(a):
                    row = [row[k] for k in a]
                high = max(row)
                terms.append(high - min(row))
                top.append(high)
            spread.append(sum(terms + agenda.spread[i]))
            most.append(top + agenda.most[i])
        # Equal spreads keep the issues' order (the sort is stable, reversed or not).
        self.issue_at = order = sorted(range(self.n), key=spread.__getitem__, reverse=True)
        self.allowed = [agenda.allowed[i] for i in order]
        self.position_of = sorted(range(self.n), key=order.__getitem__)  # each issue's depth
        # The tail: the last issues whose combinations fit in one table.
        split = self.n
        size = 1  # the number of combinations of the issues from split on
        while split > 0 and size * len(self.allowed[split - 1]) <= TAIL:
            size *= len(self.allowed[split - 1])
            split -= 1
        self.split = split
        # Built when the search first reaches them (many searches stop early): the vectors of
        # the options at each depth before the tail, the tail's combinations and columns.
        self.vectors: list[list[tuple[float, ...]] | None] = [None] * split
        self.combos: list[tuple[int, ...]] = []
        self.columns: list[list[float]] = []
        self._tails: dict[int, tuple[list[int], list[float]]] = {}
        # The most the issues from each depth on can still add, component by component.
        self.rest = [[0.0] * agenda.width]
        for i in reversed(order):
            self.rest.append(list(map(add, self.rest[-1], most[i])))
        self.rest.reverse()

    def _options(self, depth: int) -> list[tuple[float, ...]]:
        """The vector of every option of the issue at this depth (before the tail)."""
        i = self.issue_at[depth]
        values = zip(*[table[i] for table in self.own], strict=True)
        made = [v + s for v, s in zip(values, self.agenda.support[i], strict=True)]
        self.vectors[depth] = made
        return made

    def _tail(self) -> list[tuple[int, ...]]:
        """The tail's combinations, and their vectors component by component (made once)."""
        if self.columns:
            return self.combos
        tail = self.issue_at[self.split :]
        self.combos, support = self.agenda.tail(tuple(tail))
        allowed = self.agenda.allowed
        self.columns = [
            _sums([[table[i][k] for k in allowed[i]] for i in tail]) for table in self.own
        ]
        self.columns += support
        return self.combos

    def _fits(self, vector: list[float], rows: list[int], floors: list[float]) -> list[int]:
        """The tail's rows (of `rows`, in their order) that added to `vector` give every party
        the value it needs (`floors`: minus infinity, unchecked) and the support it needs."""
        columns = self.columns
        for j in range(self.parties):
            if floors[j] > -inf and rows:
                have, need, column = vector[j], floors[j], columns[j]
                rows = [t for t in rows if not have + column[t] < need]
        for groups, threshold in self.checks:
            if not rows:
                break
            supports = [0.0] * len(rows)
            for at, share, approval in groups:
                have, column = vector[at], columns[at]
                # written out: max(0.0, min(100.0, x)), the clamped approval of a group
                supports = [
                    s + share * ((x if x > 0.0 else 0.0) if x < 100.0 else 100.0)
                    for s, t in zip(supports, rows, strict=True)
                    for x in (approval + (have + column[t]),)
                ]
            rows = [t for s, t in zip(supports, rows, strict=True) if not s < threshold]
        return rows

    def _short(
        self, vector: list[float], option: Sequence[float], rest: list[float], floors: list[float]
    ) -> bool:
        """Whether `option` added to `vector`, with the best sums still possible after it
        (`rest`), leaves some party short of the value it needs (`floors`: minus infinity where
        it is not checked) or of the support at home it needs. Written out with early exits,
        and no vector made: most options fail on a value."""
        for j in range(self.parties):
            if (vector[j] + option[j]) + rest[j] < floors[j]:
                return True
        for groups, threshold in self.checks:
            support = 0.0
            for at, share, approval in groups:
                x = approval + ((vector[at] + option[at]) + rest[at])
                # written out: max(0.0, min(100.0, x))
                support += share * ((x if x > 0.0 else 0.0) if x < 100.0 else 100.0)
            if support < threshold:
                return True
        return False

    def _package(self, choices: tuple[int, ...]) -> Package:
        """A package in the scenario's order of issues from the search's choices."""
        return tuple(map(choices.__getitem__, self.position_of))

    def _sorted_tail(self, me: int) -> tuple[list[int], list[float]]:
        """The tail's rows, the most valuable to party `me` first (equal ones in the order of
        their combinations, which is the rows' order: the sort is stable), and their values."""
        if me not in self._tails:
            self._tail()
            column = self.columns[me]
            rows = sorted(range(len(column)), key=column.__getitem__, reverse=True)
            self._tails[me] = (rows, [column[t] for t in rows])
        return self._tails[me]

    def count(self, budget: int = BUDGET, enough: float = inf) -> Zone:
        """Every package of the zone, counted up to the budget (or `enough`), with examples."""
        if not self.possible:
            return Zone(0, (), visited=1)
        found: list[Package] = []
        total = 0
        split, rest, vectors, allowed = self.split, self.rest, self.vectors, self.allowed
        short, fits, package = self._short, self._fits, self._package
        floors = self.needed + [-inf] * self.agenda.groups
        chosen = [0] * self.n
        visited = 1  # partial and whole packages examined, the root first

        def walk(i: int, vector: list[float]) -> bool:
            """Search on from a partial package of depth i within its bound (False: out of
            budget, or enough found). Each option is counted and checked here, so a dropped one
            costs no call."""
            nonlocal total, visited
            if i == split:
                combos = self._tail()
                visited += len(combos)
                rows = fits(vector, list(range(len(combos))), floors)
                total += len(rows)
                for t in rows[: KEEP - len(found)]:
                    found.append(package((*chosen[:split], *combos[t])))
                return total < enough
            after, options = rest[i + 1], vectors[i] or self._options(i)
            for k in allowed[i]:
                visited += 1
                if visited > budget:
                    return False
                if short(vector, options[k], after, floors):
                    continue
                chosen[i] = k
                if not walk(i + 1, list(map(add, vector, options[k]))):
                    return False
            return True

        start = [0.0] * len(rest[0])
        exact = visited <= budget
        if exact and not short(start, start, rest[0], floors):
            exact = walk(0, start)
        found.sort(key=lambda package: (-self.first.total(package), package))
        return Zone(total, tuple(found), exact, visited)

    def best(
        self, party: str, floor: float, margins: dict[str, float], budget: int = BUDGET
    ) -> Package | None:
        """The package of the zone worth most to `party`, and at least `floor` to it, that the
        others value at what they need plus their `margins`."""
        if not self.possible:
            return None
        me = self.ids.index(party)
        split, rest, vectors = self.split, self.rest, self.vectors
        short, fits, package = self._short, self._fits, self._package
        # The own value must reach what the party needs and the floor (on the raw scale).
        own_floor = max(self.needed[me], floor + self.offsets[me] - EPSILON)
        floors = [n + margins.get(q, 0.0) for n, q in zip(self.needed, self.ids, strict=True)]
        floors[me] = -inf
        floors += [-inf] * self.agenda.groups
        # Options and tail rows in the order of their value to the party, so that good packages
        # come first (equal values keep their order: the sort is stable, reversed or not).
        order = [
            sorted(a, key=self.own[me][i].__getitem__, reverse=True)
            for i, a in zip(self.issue_at[:split], self.allowed[:split], strict=True)
        ]
        best: list[tuple[float, Package]] = []
        chosen = [0] * self.n
        visited = 1  # partial and whole packages examined, the root first

        def walk(i: int, vector: list[float]) -> bool:
            """Search on from a partial package of depth i within its bound (False: out of
            budget), as `count` does; each option must also be worth the incumbent."""
            nonlocal visited
            incumbent = best[0][0] if best else own_floor
            if i == split:
                # A scan of the rows one at a time would stop at the first that fits or the
                # first worth less than the incumbent, and count each row it looks at.
                tail, ranked = self._sorted_tail(me)
                mine = vector[me]
                reach = bisect_left(
                    range(len(tail)), True, key=lambda m: mine + ranked[m] < incumbent
                )
                rows = fits(vector, tail[:reach], floors)
                if rows:
                    visited += tail.index(rows[0]) + 1
                    combo = (*chosen[:split], *self.combos[rows[0]])
                    best[:] = [(mine + self.columns[me][rows[0]], package(combo))]
                else:
                    visited += reach + (1 if reach < len(tail) else 0)
                return True
            after, options = rest[i + 1], vectors[i] or self._options(i)
            ks = order[i]
            for position, k in enumerate(ks):
                visited += 1
                if visited > budget:
                    return False
                option = options[k]
                if (vector[me] + option[me]) + after[me] < incumbent:
                    # The options left are worth no more to the party, and the incumbent has
                    # not moved: each would be visited and dropped in turn.
                    visited += len(ks) - position - 1
                    return visited <= budget
                if short(vector, option, after, floors):
                    continue
                chosen[i] = k
                if not walk(i + 1, list(map(add, vector, option))):
                    return False
                incumbent = best[0][0] if best else own_floor
            return True

        start = [0.0] * len(rest[0])
        bounded = 0.0 + rest[0][me] < own_floor or short(start, start, rest[0], floors)
        if visited <= budget and not bounded:
            walk(0, start)
        return best[0][1] if best else None
