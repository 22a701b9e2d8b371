"""Rules of the scoring engine, each named after the rule it checks."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.core.engine.conditions import Conditions
from game.core.engine.effects import apply_event_effect
from game.core.engine.scoring import Scorer, score_package_file, scorer
from game.core.scenario.model import Scenario
from game.core.scenario.packages import PackageFile, to_package
from game.core.scenario.timeline import TrustEffect


def all_packages(s: Scenario) -> list[tuple[int, ...]]:
    return list(itertools.product(*(range(len(i.options)) for i in s.issues)))


def test_breakdown_sums_to_the_total(minimal: Scenario) -> None:
    table = scorer(minimal)
    for package in all_packages(minimal):
        for party in minimal.party_ids:
            s = table.score(party, package)
            assert sum(t.value for t in s.breakdown) == pytest.approx(s.total)


def test_every_breakdown_term_has_a_label_and_a_source(minimal: Scenario) -> None:
    s = score_package_file(minimal, PackageFile(options={"border": "patrols", "mobility": "open"}))
    for score in s.values():
        for term in score.breakdown:
            assert term.label and term.source


def test_best_package_scores_100_and_worst_scores_0(minimal: Scenario) -> None:
    table = scorer(minimal)
    for party in minimal.party_ids:
        totals = [table.total(party, c) for c in all_packages(minimal)]
        assert max(totals) == pytest.approx(100.0)
        assert min(totals) == pytest.approx(0.0)


def test_fast_total_matches_full_score(minimal: Scenario) -> None:
    table = scorer(minimal)
    for package in all_packages(minimal):
        for party in minimal.party_ids:
            assert table.total(party, package) == pytest.approx(table.score(party, package).total)


def test_status_quo_package_scores_at_the_reservation_value(minimal: Scenario) -> None:
    for party, s in score_package_file(minimal, PackageFile()).items():
        assert s.total == pytest.approx(s.reservation), party
        assert s.acceptable


def test_a_red_line_blocks_acceptance(minimal: Scenario) -> None:
    s = score_package_file(minimal, PackageFile(options={"border": "patrols"}))["BB"]
    assert s.red_lines == ("Sovereignty",)
    assert s.total > s.reservation  # worth more than the status quo, yet refused
    assert not s.acceptable


def test_only_parties_an_option_binds_gain_or_react(minimal: Scenario) -> None:
    # Rebuild with the patrol option binding AA only: BB no longer sees its tag or its value.
    data = minimal.model_dump()
    data["issues"][0]["options"][1]["binds"] = ["AA"]
    data["parties"].append({**data["parties"][1], "id": "CC", "name": "Gammaland"})
    data["domestic_groups"].append({**data["domestic_groups"][1], "id": "cc_public", "party": "CC"})
    data["dyads"] += [
        {"parties": ["AA", "CC"], "trust": 50, "source": "x"},
        {"parties": ["BB", "CC"], "trust": 50, "source": "x"},
    ]
    bilateral = Scenario.model_validate(data)
    s = score_package_file(bilateral, PackageFile(options={"border": "patrols"}))
    assert s["BB"].red_lines == ()
    assert s["BB"].total == pytest.approx(s["BB"].reservation)


def test_distrust_discounts_joint_measures(minimal: Scenario) -> None:
    package = to_package(PackageFile(options={"border": "patrols"}), minimal)
    start = Conditions.initial(minimal)
    worse = apply_event_effect(
        minimal, start, TrustEffect(kind="trust", dyad=("AA", "BB"), delta=-40)
    )
    before = Scorer(minimal, start).score("AA", package)
    after = Scorer(minimal, worse).score("AA", package)
    trust_before = sum(t.value for t in before.breakdown if t.kind == "trust")
    trust_after = sum(t.value for t in after.breakdown if t.kind == "trust")
    assert trust_after < trust_before < 0


def test_free_movement_lowers_the_hawks_approval_and_fails_ratification(minimal: Scenario) -> None:
    s = score_package_file(minimal, PackageFile(options={"mobility": "open"}))["AA"]
    vote = next(v for v in s.votes if v.group == "aa_hawks")
    assert vote.after == pytest.approx(vote.before - 40)
    assert not s.ratifies
    assert s.blockers[0].group == "aa_hawks"


def test_bilateral_alternatives_raise_the_reservation_value(minimal: Scenario) -> None:
    start = Conditions.initial(minimal)
    richer = Conditions(**{**start.__dict__, "bilateral": (10.0, 0.0)})
    assert Scorer(minimal, richer).reservation("AA") == pytest.approx(
        Scorer(minimal, start).reservation("AA") + 10
    )


def test_package_scope_limits_who_is_scored(minimal: Scenario) -> None:
    assert set(score_package_file(minimal, PackageFile(scope=["AA", "BB"]))) == {"AA", "BB"}


@st.composite
def conditions_for(draw: st.DrawFn, s: Scenario) -> Conditions:
    start = Conditions.initial(s)
    pct = st.floats(0, 100, allow_nan=False)
    return Conditions(
        priorities=tuple(tuple(draw(pct) for _ in row) for row in start.priorities),
        trust=tuple(draw(pct) for _ in start.trust),
        stage=start.stage,
        approval=tuple(draw(pct) for _ in start.approval),
        attention=start.attention,
        bilateral=tuple(draw(st.floats(0, 50)) for _ in start.bilateral),
    )


@given(st.data())
def test_scores_stay_between_0_and_100(spp: Scenario, data: st.DataObject) -> None:
    cond = data.draw(conditions_for(spp))
    package = tuple(data.draw(st.integers(0, len(i.options) - 1)) for i in spp.issues)
    for party in spp.party_ids:
        total = Scorer(spp, cond).total(party, package)
        assert -1e-9 <= total <= 100 + 1e-9


@given(st.data())
def test_a_red_line_always_blocks_acceptance(spp: Scenario, data: st.DataObject) -> None:
    cond = data.draw(conditions_for(spp))
    package = tuple(data.draw(st.integers(0, len(i.options) - 1)) for i in spp.issues)
    for s in Scorer(spp, cond).score_all(package).values():
        if s.red_lines:
            assert not s.acceptable


@given(st.data())
def test_scoring_is_deterministic(spp: Scenario, data: st.DataObject) -> None:
    cond = data.draw(conditions_for(spp))
    package = tuple(data.draw(st.integers(0, len(i.options) - 1)) for i in spp.issues)
    assert Scorer(spp, cond).score_all(package) == Scorer(spp, cond).score_all(package)
