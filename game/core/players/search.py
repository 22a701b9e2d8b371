"""Finding packages to table: the best for a negotiator on the agenda, and the packages that
maximise weighted sums of its own score and what it believes its partners' to be.

Scores add up over issues, so for each weighting the best package is found exactly, issue by
issue. Which options a package of a given scope may hold (no red line of a party in it, nothing
binding a party outside it) depends on the scenario alone and is worked out once.
"""

from __future__ import annotations

import itertools
import math

from game.core.engine.conditions import Conditions
from game.core.engine.scoring import scorer
from game.core.engine.state import State
from game.core.players.beliefs import Beliefs
from game.core.scenario.index import index
from game.core.scenario.memo import ScenarioMemo
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package, fits_scope

WEIGHTS = (0.0, 1.0, 3.0)
"""Weights tried for each partner when searching for packages (its own weight is 1); never
negative, which `_best_of_three` relies on to leave out options that cannot win."""


def best_possible(state: State, party: str) -> float:
    """The most the party can hope for now: its own score of the best trilateral package for
    it that crosses nobody's red line (its own scores are its to know)."""
    found = _BEST.find(state.scenario, (state.conditions, party))
    if found is not None:
        return found
    view = state.scorer.parties[party]
    total = 0.0
    for row, allowed in zip(
        view.raw, _columns(state.scenario, state.scenario.party_ids), strict=True
    ):
        total += max(row[k] for k in allowed)
    return _BEST.keep(
        state.scenario, (state.conditions, party), (total - view.low) * view.per_point
    )


_BEST: ScenarioMemo[tuple[Conditions, str], float] = ScenarioMemo(512)
_COLUMNS: ScenarioMemo[tuple[str, ...], list[list[int]]] = ScenarioMemo(256)


def _columns(scenario: Scenario, scope: tuple[str, ...]) -> list[list[int]]:
    """The options of each issue a package of this scope may hold: none a scope party
    red-lines, none binding a party outside the scope (the status quo where nothing else is
    left). Red lines and scopes are the scenario's alone, so this is worked out once."""
    found = _COLUMNS.find(scenario, scope)
    if found is None:
        red = scorer(scenario).parties
        ids = scenario.party_ids
        status_quo = index(scenario).status_quo
        table = [
            [
                k
                for k, option in enumerate(issue.options)
                if fits_scope(option, scope, ids) and not any(red[q].red[i][k] for q in scope)
            ]
            or [status_quo[i]]
            for i, issue in enumerate(scenario.issues)
        ]
        found = _COLUMNS.keep(scenario, scope, table)
    return found


# --- what it believes of a package ---------------------------------------------------------------


def candidates(state: State, party: str, b: Beliefs, scope: tuple[str, ...]) -> list[Package]:
    """Packages of this scope that maximise weighted sums of the party's own score and what it
    believes its partners' to be, one per weighting (cached on the beliefs)."""
    key = (party, scope)
    found: list[Package] | None = b.cache.get(key)
    if found is not None:
        return found
    tables = [b.values[q] for q in scope]
    weightings = _placed(len(scope) - 1, scope.index(party))
    allowed = _columns(state.scenario, scope)
    if len(scope) == 3:
        chosen = _best_of_three(tables, allowed, weightings)
    elif len(scope) == 2:
        chosen = _best_of_two(tables, allowed, weightings)
    else:
        chosen = [[] for _ in weightings]
        for i, ks in enumerate(allowed):
            column = [(k, tuple(t[i][k] for t in tables)) for k in ks]
            for j, w in enumerate(weightings):
                chosen[j].append(_weighted_best(column, w))
    result = list(dict.fromkeys(map(tuple, chosen)))
    b.cache[key] = result
    return result


_PLACED: dict[tuple[int, int], list[list[float]]] = {}


def _placed(partners: int, me: int) -> list[list[float]]:
    """`_weightings` with the party's own weight of 1 put in its place in the scope: the same
    for every search at a table of this size from this seat, so made once (at most a few
    entries: one per table size and seat; never changed once made)."""
    found = _PLACED.get((partners, me))
    if found is None:
        found = []
        for weights in _weightings(partners):
            w = list(weights)
            w.insert(me, 1.0)
            found.append(w)
        _PLACED[partners, me] = found
    return found


def _best_of_three(
    tables: list[list[list[float]]], allowed: list[list[int]], weightings: list[list[float]]
) -> list[list[int]]:
    """For each weighting, the option of each issue with the highest weighted sum (the first,
    on a tie), at a three-party table: `_weighted_best` written out for every weighting at
    once, issue by issue (the hot path of simulations).

    An option no better for anyone than an earlier one is left out (about a quarter of them):
    the weights are never negative, and rounding keeps products and sums monotone, so its
    weighted sum never beats the earlier option's, which is seen first, and it is never
    picked."""
    t0, t1, t2 = tables
    chosen: list[list[int]] = [[] for _ in weightings]
    for i, ks in enumerate(allowed):
        r0, r1, r2 = t0[i], t1[i], t2[i]
        options: list[tuple[int, float, float, float]] = []
        for k in ks:
            a, b, c = r0[k], r1[k], r2[k]
            for _, x, y, z in options:
                if x >= a and y >= b and z >= c:
                    break
            else:
                options.append((k, a, b, c))
        first = ks[0]
        if len(options) == 1:
            # The first option is at least as good for everyone as any other.
            for picks in chosen:
                picks.append(first)
            continue
        for (w0, w1, w2), picks in zip(weightings, chosen, strict=True):
            best_k, best_v = first, -math.inf
            for k, a, b, c in options:
                v = w0 * a + w1 * b + w2 * c
                if v > best_v:
                    best_k, best_v = k, v
            picks.append(best_k)
    return chosen


def _best_of_two(
    tables: list[list[list[float]]], allowed: list[list[int]], weightings: list[list[float]]
) -> list[list[int]]:
    """`_best_of_three` for a bilateral scope."""
    t0, t1 = tables
    chosen: list[list[int]] = [[] for _ in weightings]
    for i, ks in enumerate(allowed):
        r0, r1 = t0[i], t1[i]
        options = [(k, r0[k], r1[k]) for k in ks]
        first = ks[0]
        for (w0, w1), picks in zip(weightings, chosen, strict=True):
            best_k, best_v = first, -math.inf
            for k, a, b in options:
                v = w0 * a + w1 * b
                if v > best_v:
                    best_k, best_v = k, v
            picks.append(best_k)
    return chosen


FULL_GRID = 4
"""Up to this many partners every combination of WEIGHTS is tried (81 searches at five
parties, where fewer left deals unmade on generated agendas); beyond, a polynomial set."""


def _weightings(partners: int) -> list[tuple[float, ...]]:
    """The weights of the partners to try: every combination of WEIGHTS for up to FULL_GRID
    partners (nine searches at a three-party table); beyond, as many combinations would grow
    exponentially with the parties, so everyone at 1, each partner alone at each other weight,
    and each pair of partners at the highest: 1 + 2n + n(n-1)/2 searches for n partners."""
    if partners <= FULL_GRID:
        return list(itertools.product(WEIGHTS, repeat=partners))
    even = (1.0,) * partners
    alone = [
        tuple(w if j == i else 1.0 for j in range(partners))
        for i in range(partners)
        for w in WEIGHTS
        if w != 1.0
    ]
    both = [
        tuple(WEIGHTS[-1] if j in (i, k) else 1.0 for j in range(partners))
        for i in range(partners)
        for k in range(i + 1, partners)
    ]
    return [even, *alone, *both]


def _weighted_best(column: list[tuple[int, tuple[float, ...]]], w: list[float]) -> int:
    """The option of a column with the highest weighted sum (the first, on a tie)."""
    best_k, best_v = column[0][0], -math.inf
    for k, values in column:
        v = 0.0
        for x, y in zip(w, values, strict=True):
            v += x * y
        if v > best_v:
            best_k, best_v = k, v
    return best_k


def pairs(state: State, party: str) -> list[tuple[str, ...]]:
    """The bilateral scopes open to the party, in the scenario's order."""
    ids = state.scenario.party_ids
    return [tuple(p for p in ids if p in (party, q)) for q in ids if q != party]
