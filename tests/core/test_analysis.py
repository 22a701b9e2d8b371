"""The debrief's facts: outcome classes, results, the Pareto frontier and the Nash point."""

from __future__ import annotations

import itertools
import math

import pytest

from game.core.analysis.debrief import debrief
from game.core.analysis.frontier import nash_point, pareto_frontier
from game.core.analysis.outcomes import classify, results
from game.core.engine.conditions import Conditions
from game.core.engine.mechanism import start, step
from game.core.engine.moves import Accept, Pass, Propose
from game.core.engine.scoring import scorer
from game.core.engine.state import State
from game.core.scenario.loader import load_scenario
from game.core.scenario.model import Scenario
from tests.conftest import DATA

HUMANS = {"AA": "human", "BB": "human", "CC": "human"}
EVERYONE = ("AA", "BB", "CC")


@pytest.fixture(scope="module")
def engine() -> Scenario:
    return load_scenario(DATA / "good" / "engine.yaml")


def finish(state: State) -> State:
    while not state.finished:
        state = step(state, Pass(party=state.to_move or ""))
    return state


def agree(engine: Scenario, options: tuple[int, ...]) -> State:
    state = start(engine, 1, HUMANS)  # type: ignore[arg-type]
    for move in (
        Propose(party="AA", package=options, scope=EVERYONE),
        Accept(party="BB"),
        Accept(party="CC"),
    ):
        state = step(state, move)
    return state


def test_a_ratified_package_moving_enough_security_issues_is_a_security_community(
    engine: Scenario,
) -> None:
    assert classify(agree(engine, (1, 1, 0))) == "security_community"


def test_a_ratified_package_with_too_few_security_changes_is_prosperity_only(
    engine: Scenario,
) -> None:
    data = engine.model_dump()
    data["outcomes"]["security_community_min"] = 2
    strict = type(engine).model_validate(data)
    assert classify(agree(strict, (1, 0, 0))) == "prosperity_only"


def test_no_deal_with_trust_intact_is_dual_bilateralism(engine: Scenario) -> None:
    assert classify(finish(start(engine, 1, HUMANS))) == "dual_bilateralism"  # type: ignore[arg-type]


def test_no_deal_with_a_dyad_below_the_breakdown_level_is_a_breakdown(engine: Scenario) -> None:
    data = engine.model_dump()
    data["outcomes"]["breakdown_trust_below"] = 35  # the scandal leaves A-B trust at 30
    assert classify(finish(start(type(engine).model_validate(data), 1, HUMANS))) == "breakdown"  # type: ignore[arg-type]


def test_without_a_deal_each_party_ends_at_its_reservation_value(engine: Scenario) -> None:
    for r in results(finish(start(engine, 1, HUMANS))).values():  # type: ignore[arg-type]
        assert r.score == r.reservation and r.gain == 0


def test_a_deal_reports_each_partys_gain_and_the_joint_gain(engine: Scenario) -> None:
    report = debrief(agree(engine, (1, 1, 0)))
    assert report.deal is not None
    assert report.joint_gain == pytest.approx(sum(r.score - r.reservation for r in report.results))
    assert all(r.gain > 0 for r in report.results)


def _brute_force_frontier(s: Scenario) -> set[tuple[float, ...]]:
    table = scorer(s, Conditions.initial(s))
    points = []
    for choice in itertools.product(*(range(len(i.options)) for i in s.issues)):
        scores = [table.score(p, choice) for p in s.party_ids]
        if any(sc.red_lines for sc in scores):
            continue
        points.append(tuple(round(sc.total, 6) for sc in scores))
    return {
        p
        for p in points
        if not any(all(b >= a for a, b in zip(p, q, strict=True)) and q != p for q in points)
    }


def test_the_frontier_is_exactly_the_non_dominated_red_line_free_packages(engine: Scenario) -> None:
    frontier = pareto_frontier(engine, Conditions.initial(engine))
    assert frontier.exact
    found = {tuple(round(u, 6) for u in p.scores) for p in frontier.points}
    assert found == _brute_force_frontier(engine)


def test_the_nash_point_maximises_the_product_of_gains(engine: Scenario) -> None:
    conditions = Conditions.initial(engine)
    frontier = pareto_frontier(engine, conditions)
    table = scorer(engine, conditions)
    reservations = tuple(table.reservation(p) for p in engine.party_ids)
    nash = nash_point(frontier, reservations)
    assert nash is not None
    best = max(
        math.prod(u - r for u, r in zip(p.scores, reservations, strict=True))
        for p in frontier.points
        if all(u > r for u, r in zip(p.scores, reservations, strict=True))
    )
    assert math.prod(
        u - r for u, r in zip(nash.scores, reservations, strict=True)
    ) == pytest.approx(best)


def test_a_deal_on_the_frontier_is_at_distance_zero(engine: Scenario) -> None:
    report = debrief(agree(engine, (1, 1, 0)))
    assert report.distance_to_frontier == pytest.approx(0.0, abs=1e-6)


def test_the_spp_frontier_is_built_exactly(spp: Scenario) -> None:
    frontier = pareto_frontier(spp, Conditions.initial(spp))
    assert frontier.exact and frontier.points
