"""The Pareto frontier on a work budget (issue 10, point 9): "The Pareto frontier and Nash
package on any valid scenario in under 2 s: exact while that is affordable, otherwise an
approximation whose error bound is computed and shown; checked against exhaustive enumeration
on small agendas in tests."

Times are the benchmark's (python -m game.bench): nothing here is timed. The budget is a count
of steps, so forcing it small makes the approximation run on agendas small enough to enumerate.
"""

from __future__ import annotations

import itertools
import math
import random

import pytest

from game.bench import generated_scenario
from game.core.analysis import frontier_bound
from game.core.analysis.frontier import Frontier, nash_point, pareto_frontier
from game.core.engine.conditions import Conditions
from game.core.engine.scoring import scorer
from game.core.scenario.model import Scenario

Point = tuple[float, ...]


def every_package(s: Scenario) -> list[tuple[tuple[int, ...], Point]]:
    """Every package that crosses no red line, with its scores, enumerated."""
    table = scorer(s, Conditions.initial(s))
    views = [table.parties[p] for p in s.party_ids]
    packages = []
    for choice in itertools.product(*(range(len(i.options)) for i in s.issues)):
        if any(t.red[i][k] for t in views for i, k in enumerate(choice)):
            continue
        packages.append((choice, tuple(table.total(p, choice) for p in s.party_ids)))
    return packages


def brute_force(s: Scenario) -> list[Point]:
    """The Pareto frontier by enumeration: the scores no other package's are all at least
    (scores equal to 6 decimals count as one)."""
    points = {tuple(round(u, 6) for u in p): p for _, p in every_package(s)}
    # Sorted by total, a point can only be dominated by an earlier one.
    ordered = sorted(points.items(), key=lambda kv: (sum(kv[0]), kv[0]), reverse=True)
    kept: list[tuple[Point, Point]] = []
    for key, p in ordered:
        if not any(all(b >= a for a, b in zip(key, k, strict=True)) for k, _ in kept):
            kept.append((key, p))
    return [p for _, p in kept]


def rounded(points: list[Point]) -> set[Point]:
    """Scores to 6 decimals (the sums are added up in another order than the scorer's)."""
    return {tuple(round(u, 6) for u in p) for p in points}


def shortfall(true: list[Point], found: Frontier) -> float:
    """How far the frontier is from the packages found: the most any efficient package gives
    some party above the closest package found (for that package's worst-off party)."""
    return max(
        min(max(a - b for a, b in zip(y, p.scores, strict=True)) for p in found.points)
        for y in true
    )


def with_red_line(s: Scenario) -> Scenario:
    """The scenario with its first principle made a red line."""
    data = s.model_dump()
    data["principles"][0]["red_line"] = True
    return type(s).model_validate(data)


SMALL = [(6, 4, 3, 1), (5, 4, 2, 7), (5, 4, 4, 3), (5, 4, 5, 4), (9, 3, 3, 3)]
"""Small generated agendas (issues, options, parties, seed), two to five parties."""


@pytest.mark.parametrize(("issues", "options", "parties", "seed"), SMALL)
def test_the_exact_frontier_is_every_non_dominated_package_enumeration_finds(
    issues: int, options: int, parties: int, seed: int
) -> None:
    """ "exact while that is affordable ... checked against exhaustive enumeration" """
    s = generated_scenario(issues, options, parties, seed)
    found = pareto_frontier(s, Conditions.initial(s))
    assert found.exact and found.bound == 0
    assert rounded([p.scores for p in found.points]) == rounded(brute_force(s))


def test_the_exact_frontier_leaves_out_packages_that_cross_a_red_line() -> None:
    """analysis/frontier.py, `pareto_frontier`: "The Pareto frontier of the packages that cross
    no party's red line"."""
    s = with_red_line(generated_scenario(6, 4, 3, 1))
    allowed = {package for package, _ in every_package(s)}
    assert len(allowed) < 4**6  # the red line rules some packages out
    found = pareto_frontier(s, Conditions.initial(s))
    assert found.exact and all(p.package in allowed for p in found.points)
    assert rounded([p.scores for p in found.points]) == rounded(brute_force(s))


APPROXIMATED = [
    (9, 3, 3, 1, 5_000),
    (9, 3, 3, 3, 10_000),
    (6, 5, 3, 3, 20_000),
    (7, 4, 3, 4, 10_000),
    (6, 5, 2, 2, 5_000),
    (7, 4, 2, 4, 5_000),
    (5, 4, 4, 3, 10_000),
    (5, 4, 5, 4, 20_000),
]
"""Agendas and budgets too small for the exact frontier (issues, options, parties, seed,
budget): the approximation runs, with its corners dug into for two and three parties."""


@pytest.mark.parametrize(("issues", "options", "parties", "seed", "budget"), APPROXIMATED)
def test_every_efficient_package_is_within_the_stated_bound_of_one_found(
    issues: int, options: int, parties: int, seed: int, budget: int
) -> None:
    """ "otherwise an approximation whose error bound is computed" """
    s = generated_scenario(issues, options, parties, seed)
    found = pareto_frontier(s, Conditions.initial(s), budget=budget)
    assert not found.exact and found.method.startswith("approximate")
    assert shortfall(brute_force(s), found) <= found.bound + 1e-9
    # A bound, not a formality: above zero, and well inside the 0-100 scale of scores.
    assert 0 < found.bound < 30


@pytest.mark.parametrize(("issues", "options", "parties", "seed", "budget"), APPROXIMATED[:3])
def test_an_approximate_frontier_holds_real_packages_none_dominating_another(
    issues: int, options: int, parties: int, seed: int, budget: int
) -> None:
    s = generated_scenario(issues, options, parties, seed)
    found = pareto_frontier(s, Conditions.initial(s), budget=budget)
    scores = dict(every_package(s))
    for p in found.points:
        assert p.scores == pytest.approx(scores[p.package], abs=1e-9)
    for p, q in itertools.permutations(found.points, 2):
        assert not all(b >= a for a, b in zip(p.scores, q.scores, strict=True))


def test_the_nash_package_found_is_within_the_bound_of_the_true_one() -> None:
    """analysis/frontier.py, `nash_point`: on an approximate frontier "the true Nash package is
    within `frontier.bound` points of some package found, for every party"."""
    s = generated_scenario(9, 3, 3, 3)
    table = scorer(s, Conditions.initial(s))
    # Reservations low enough that a Nash package exists.
    reservations = tuple(table.reservation(p) - 30 for p in s.party_ids)
    found = pareto_frontier(s, Conditions.initial(s), budget=10_000)
    assert not found.exact
    true = max(
        (p for _, p in every_package(s)),
        key=lambda p: math.prod(max(0.0, u - r) for u, r in zip(p, reservations, strict=True)),
    )
    nash = nash_point(found, reservations)
    assert nash is not None
    # The true Nash package is efficient, so a package found is within the bound of it, and
    # the product of gains found is at least the true gains' product less the bound on each.
    assert shortfall([true], found) <= found.bound + 1e-9
    least = math.prod(
        max(0.0, u - r - found.bound) for u, r in zip(true, reservations, strict=True)
    )
    assert math.prod(u - r for u, r in zip(nash.scores, reservations, strict=True)) >= least


def test_a_large_agenda_is_approximated_with_a_finite_bound() -> None:
    """ "It must take under 2 s on any valid scenario, including generated ones of 20 issues x
    6 options x 5 parties" (the time is the benchmark's)"""
    s = generated_scenario(20, 6, 5)
    found = pareto_frontier(s, Conditions.initial(s))
    assert not found.exact and found.points
    assert 0 < found.bound < 100 and math.isfinite(found.bound)


def test_the_frontier_is_the_same_every_time_it_is_worked_out() -> None:
    """A work counter, not a clock, decides when to approximate: the same agenda gives the same
    frontier and bound."""
    s = generated_scenario(7, 4, 3, 139)
    first = pareto_frontier(s, Conditions.initial(s), budget=10_000)
    second = pareto_frontier(s, Conditions.initial(s), budget=10_000)
    assert first == second


def test_progress_is_reported_as_the_work_goes_up_to_the_budget() -> None:
    s = generated_scenario(7, 4, 3, 139)
    seen: list[tuple[int, int]] = []
    pareto_frontier(s, Conditions.initial(s), budget=10_000, progress=lambda *a: seen.append(a))
    assert len(seen) > 2
    assert all(total == 10_000 for _, total in seen)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert seen[-1] == (10_000, 10_000)


def test_a_red_line_on_every_option_of_an_issue_leaves_no_frontier() -> None:
    """analysis/frontier.py: "the red-line-free packages are every combination of each issue's
    allowed options": an issue with none allowed leaves none."""
    s = generated_scenario(4, 3, 3, 1)
    data = s.model_dump()
    data["principles"][0]["red_line"] = True
    tag = data["principles"][0]["tags"][0]
    for option in data["issues"][0]["options"]:
        option["tags"] = [tag]
    found = pareto_frontier(type(s).model_validate(data), Conditions.initial(s))
    assert found.exact and found.points == ()


@pytest.mark.parametrize("dims", [2, 3])
def test_the_corners_leave_uncovered_only_what_lies_above_one_of_them(dims: int) -> None:
    """What no package found is at least as good as, on every score, must lie above a corner
    (on every score): the bound is checked at the corners only. Whole numbers make ties."""
    r = random.Random(dims)
    points = {tuple(float(r.randrange(8)) for _ in range(dims)) for _ in range(40)}
    front = [p for p in points if not any(q != p and all(map(float.__le__, p, q)) for q in points)]
    floor = (-1.0,) * dims
    corners = frontier_bound.corners_of(front, floor)
    split = {floor}
    for p in front:
        frontier_bound.split(split, p)
    for probe in itertools.product([x / 2 for x in range(-1, 17)], repeat=dims):
        if any(all(a <= b for a, b in zip(probe, p, strict=True)) for p in front):
            continue
        assert any(all(a < b for a, b in zip(c, probe, strict=True)) for c in corners)
        assert any(all(a < b for a, b in zip(c, probe, strict=True)) for c in split)
