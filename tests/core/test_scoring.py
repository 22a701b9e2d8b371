"""Rules of the scoring engine, each named after the rule it checks."""

from __future__ import annotations

import itertools
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.core.engine.conditions import Conditions
from game.core.engine.effects import apply_event_effect
from game.core.engine.legal import acceptance_problems, required_value
from game.core.engine.mechanism import start
from game.core.engine.numbers import apportion, compared
from game.core.engine.scoring import EPSILON, Scorer, score_package_file, scorer
from game.core.scenario.index import index
from game.core.scenario.model import Scenario
from game.core.scenario.packages import PackageFile, to_package
from game.core.scenario.timeline import TrustEffect


def all_packages(s: Scenario) -> list[tuple[int, ...]]:
    return list(itertools.product(*(range(len(i.options)) for i in s.issues)))


def test_breakdown_sums_to_the_total(minimal: Scenario) -> None:
    """AUTHORING.md, How a package is scored: "The lines add up to the score"."""
    table = scorer(minimal)
    for package in all_packages(minimal):
        for party in minimal.party_ids:
            s = table.score(party, package)
            assert sum(t.value for t in s.breakdown) == pytest.approx(s.total)


def test_every_breakdown_term_has_a_label_and_a_source(minimal: Scenario) -> None:
    """README: "every score explains itself line by line with the chapter section it rests on"."""
    s = score_package_file(minimal, PackageFile(options={"border": "patrols", "mobility": "open"}))
    for score in s.values():
        for term in score.breakdown:
            assert term.label and term.source


def test_best_package_scores_100_and_worst_scores_0(minimal: Scenario) -> None:
    """AUTHORING.md, How a package is scored: the raw value "is then normalised to 0-100 for each
    party: 0 is the worst package on the whole agenda for that party, 100 the best"."""
    table = scorer(minimal)
    for party in minimal.party_ids:
        totals = [table.total(party, c) for c in all_packages(minimal)]
        assert max(totals) == pytest.approx(100.0)
        assert min(totals) == pytest.approx(0.0)


def test_fast_total_matches_full_score(minimal: Scenario) -> None:
    """engine/scoring.py, `PartyScorer.total`: "The normalised score of a package (the fast path
    used by search)", the same score as `score` gives with its breakdown."""
    table = scorer(minimal)
    for package in all_packages(minimal):
        for party in minimal.party_ids:
            assert table.total(party, package) == pytest.approx(table.score(party, package).total)


def test_status_quo_package_scores_at_the_reservation_value(minimal: Scenario) -> None:
    """AUTHORING.md, Reservation value and ratification: "With `bilateral_alternatives: 0`, the
    status-quo package scores exactly at the reservation value"."""
    for party, s in score_package_file(minimal, PackageFile()).items():
        assert s.total == pytest.approx(s.reservation), party
        assert s.acceptable


def test_a_red_line_blocks_acceptance(minimal: Scenario) -> None:
    """AUTHORING.md, How a package is scored: "A principle with `red_line: true` means the party
    cannot accept any package that triggers it, whatever the score"."""
    s = score_package_file(minimal, PackageFile(options={"border": "patrols"}))["BB"]
    assert s.red_lines == ("Sovereignty",)
    assert s.total > s.reservation  # worth more than the status quo, yet refused
    assert not s.acceptable


def test_only_parties_an_option_binds_gain_or_react(minimal: Scenario) -> None:
    """AUTHORING.md, How a package is scored: "Only the options that bind that party count; an
    option with an empty `binds` binds everyone"."""
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
    """AUTHORING.md, How a package is scored: "Trust discount. Joint measures are worth less with
    partners the party does not trust"."""
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


def test_a_stance_moves_its_groups_approval_and_can_sink_support_at_home(minimal: Scenario) -> None:
    """AUTHORING.md, Reservation value and ratification: "Each group's approval after the package
    is its `approval` plus the deltas the package triggers, kept between 0 and 100. The party
    ratifies if the weighted average of these approvals (weights = group weight ÷ total weight)
    is at least its `ratification_threshold`" (minimal.yaml: the hawks' stance against free
    movement)."""
    s = score_package_file(minimal, PackageFile(options={"mobility": "open"}))["AA"]
    vote = next(v for v in s.votes if v.group == "aa_hawks")
    assert vote.after == pytest.approx(vote.before - 40)
    assert not s.ratifies
    assert s.blockers[0].group == "aa_hawks"


def test_bilateral_alternatives_raise_the_reservation_value(minimal: Scenario) -> None:
    """AUTHORING.md, Reservation value and ratification: "Reservation value: the score of the
    all-status-quo package, plus `reservation.bilateral_alternatives`"."""
    start = Conditions.initial(minimal)
    richer = replace(start, bilateral=(10.0, 0.0))
    assert Scorer(minimal, richer).reservation("AA") == pytest.approx(
        Scorer(minimal, start).reservation("AA") + 10
    )


def test_package_scope_limits_who_is_scored(minimal: Scenario) -> None:
    """README, Scoring a package: `score` "scores it for every party in the scope"."""
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
    """AUTHORING.md, How a package is scored: the raw value "is then normalised to 0-100 for each
    party", under any conditions."""
    cond = data.draw(conditions_for(spp))
    package = tuple(data.draw(st.integers(0, len(i.options) - 1)) for i in spp.issues)
    for party in spp.party_ids:
        total = Scorer(spp, cond).total(party, package)
        assert -1e-9 <= total <= 100 + 1e-9


@given(st.data())
def test_a_red_line_always_blocks_acceptance(spp: Scenario, data: st.DataObject) -> None:
    """AUTHORING.md, How a package is scored: "A principle with `red_line: true` means the party
    cannot accept any package that triggers it, whatever the score", under any conditions."""
    cond = data.draw(conditions_for(spp))
    package = tuple(data.draw(st.integers(0, len(i.options) - 1)) for i in spp.issues)
    for s in Scorer(spp, cond).score_all(package).values():
        if s.red_lines:
            assert not s.acceptable


@given(st.data())
def test_scoring_is_deterministic(spp: Scenario, data: st.DataObject) -> None:
    """engine/conditions.py, `Conditions`: "Everything about the world that scoring depends on
    and events change": the same conditions give the same scores."""
    cond = data.draw(conditions_for(spp))
    package = tuple(data.draw(st.integers(0, len(i.options) - 1)) for i in spp.issues)
    assert Scorer(spp, cond).score_all(package) == Scorer(spp, cond).score_all(package)


# --- issue 8, point 6: the breakdown adds up, with the same numbers everywhere ---------------


def test_the_status_quo_line_is_worth_the_status_quo_and_says_so(
    minimal: Scenario, spp: Scenario
) -> None:
    """Issue 8: "the CLI's offset line is labelled as the worst package but is the status quo";
    the line that anchors the breakdown is the status quo's score, and is labelled so."""
    for s in (minimal, spp):
        table = scorer(s)
        packages = all_packages(minimal) if s is minimal else [index(s).status_quo]
        for package in packages:
            for party in s.party_ids:
                status_quo = table.score(party, index(s).status_quo).total
                line = next(t for t in table.score(party, package).breakdown if t.kind == "scale")
                assert line.value == pytest.approx(status_quo)
                assert line.label.startswith("Status quo") and "worst" not in line.label


def status_quo_with_value(minimal: Scenario) -> Scenario:
    """Minimal, with a status quo that is itself worth something to AA (AUTHORING.md allows
    it): keeping the border as it is addresses crime a little and costs AA 3."""
    data = minimal.model_dump()
    keep = data["issues"][0]["options"][0]
    keep["addresses"] = {"crime": 0.2}
    keep["cost"] = {"AA": 3.0}
    return Scenario.model_validate(data)


def test_the_lines_are_what_the_package_changes_from_the_status_quo(minimal: Scenario) -> None:
    """Issue 8: "A breakdown whose lines add up to the score ..., each line labelled
    correctly": the status quo first, then what the package changes, even when the status
    quo itself carries a value."""
    s = status_quo_with_value(minimal)
    table = scorer(s)
    status_quo = index(s).status_quo
    for party in s.party_ids:
        at_status_quo = table.score(party, status_quo)
        assert [t.kind for t in at_status_quo.breakdown] == ["scale"], party
        assert at_status_quo.breakdown[0].value == pytest.approx(at_status_quo.total)
        for package in all_packages(s):
            score = table.score(party, package)
            changes = sum(t.value for t in score.breakdown if t.kind != "scale")
            assert changes == pytest.approx(score.total - at_status_quo.total)
    dropped = table.score("AA", to_package(PackageFile(options={"border": "patrols"}), s))
    assert any(
        t.kind == "cost" and t.value > 0 and "status quo" in t.label for t in dropped.breakdown
    )


def test_the_breakdown_sums_to_the_total_exactly(minimal: Scenario, spp: Scenario) -> None:
    """Issue 8: "Keep `breakdown` summing to `total` exactly"."""
    for s in (minimal, status_quo_with_value(minimal), spp):
        table = scorer(s)
        for package in all_packages(minimal) if s is not spp else [index(spp).status_quo]:
            for party in s.party_ids:
                score = table.score(party, package)
                assert sum(t.value for t in score.breakdown) == score.total


def test_the_requirement_is_the_reservation_plus_each_named_premium(spp: Scenario) -> None:
    """Issue 8: one source of truth for what a party needs: "reservation, each premium named
    with its points and its source ... and the total", used by `required_value`."""
    state = start(spp, 1, {p: "computer" for p in spp.party_ids})
    for party in spp.party_ids:
        need = state.scorer.requirement(party)
        attention = spp.party(party).attention
        assert need.reservation == state.scorer.reservation(party)
        [premium] = need.premiums
        assert premium.name == "attention" and premium.source
        assert premium.points == pytest.approx(
            spp.negotiation.attention_premium * (100 - attention) / 100
        )
        assert need.total == pytest.approx(need.reservation + premium.points)
        assert required_value(state, party) == need.total


def test_acceptable_means_at_least_the_required_value(spp: Scenario) -> None:
    """Issue 8: "`acceptable` in `score` must use the same required value as the game": the
    status quo is worth exactly the reservation value, below what a distracted leader needs."""
    state = start(spp, 1, {p: "computer" for p in spp.party_ids})
    for party, s in score_package_file(spp, PackageFile()).items():
        assert s.requirement == state.scorer.requirement(party)
        assert s.requirement.total > s.reservation
        assert not s.acceptable
        assert acceptance_problems(state, party, index(spp).status_quo)


NUMBER = st.floats(-100, 100, allow_nan=False)


@given(NUMBER, NUMBER, st.integers(0, 2))
def test_a_comparison_is_never_shown_equal_when_a_decimal_decides_it(
    a: float, b: float, least: int
) -> None:
    """Issue 8: "a comparison is never shown as equal when it is decided by a decimal"; and
    rounding never shows the order reversed."""
    left, right = compared(a, b, least)
    assert len(left.partition(".")[2]) == len(right.partition(".")[2]) >= least
    if abs(a - b) <= EPSILON:
        assert left == right
    else:
        assert left != right
        assert (Decimal(left) < Decimal(right)) == (a < b)


def test_a_comparison_uses_as_few_decimals_as_tell_it() -> None:
    """Issue 8: "show as many decimals as needed to tell the two numbers apart"."""
    assert compared(52.3, 50.0, 0) == ("52", "50")
    assert compared(49.75, 50.0, 0) == ("49.8", "50.0")
    assert compared(74.96492, 74.98156, 1) == ("74.96", "74.98")
    assert compared(50.0, 50.0 + EPSILON / 2, 0) == ("50", "50")


@given(st.lists(NUMBER, max_size=12), st.integers(0, 4))
def test_rounded_lines_add_up_to_the_rounded_total(values: list[float], places: int) -> None:
    """Issue 8: "The breakdown adds up": each line rounded, within one unit of the last
    decimal of its value, and the rounded lines sum to the rounded total."""
    total = sum(values)
    shown = apportion(values, total, places)
    assert sum(shown, Decimal(0)) == Decimal(f"{total:.{places}f}")
    unit = Decimal(1).scaleb(-places)
    for value, line in zip(values, shown, strict=True):
        assert abs(Decimal(value) - line) < unit
        assert line.as_tuple().exponent == -places
