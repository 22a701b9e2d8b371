"""The debrief's facts: outcome classes, results, the Pareto frontier and the Nash point."""

from __future__ import annotations

import itertools
import math

import pytest

from game.core.analysis.constraints import constraints
from game.core.analysis.debrief import debrief, verdict
from game.core.analysis.frontier import nash_point, pareto_frontier
from game.core.analysis.identical_options import identical_options
from game.core.analysis.outcomes import PartyResult, classify, results, security_changes
from game.core.analysis.record import Change, Reason
from game.core.engine.conditions import Conditions
from game.core.engine.mechanism import start, step
from game.core.engine.moves import Accept, Move, Pass, Propose, Reject
from game.core.engine.scoring import scorer
from game.core.engine.state import State
from game.core.scenario.loader import load_scenario
from game.core.scenario.model import Scenario
from tests.conftest import DATA, HUMANS

EVERYONE = ("AA", "BB", "CC")


@pytest.fixture(scope="module")
def engine() -> Scenario:
    return load_scenario(DATA / "good" / "engine.yaml")


def finish(state: State) -> State:
    while not state.finished:
        state = step(state, Pass(party=state.to_move or ""))
    return state


def agree(engine: Scenario, options: tuple[int, ...]) -> State:
    state = start(engine, 1, HUMANS)
    for move in (
        Propose(party="AA", package=options, scope=EVERYONE),
        Accept(party="BB"),
        Accept(party="CC"),
    ):
        state = step(state, move)
    return state


def test_a_ratified_package_moving_enough_security_issues_is_a_security_arrangement(
    engine: Scenario,
) -> None:
    """AUTHORING.md, How the negotiation runs: "A supported trilateral package, in force at the
    end, that moves at least `outcomes.security_arrangement_min` security issues off the status
    quo is a trilateral security arrangement"."""
    assert classify(agree(engine, (1, 1, 0))) == "security_arrangement"


def test_a_ratified_package_with_too_few_security_changes_is_prosperity_only(
    engine: Scenario,
) -> None:
    """AUTHORING.md, How the negotiation runs: a supported trilateral package that moves at least
    `outcomes.security_arrangement_min` security issues off the status quo is a security
    arrangement; "with fewer it is a prosperity-only partnership"."""
    data = engine.model_dump()
    data["outcomes"]["security_arrangement_min"] = 2
    strict = type(engine).model_validate(data)
    assert classify(agree(strict, (1, 0, 0))) == "prosperity_only"


def test_no_deal_with_trust_intact_is_dual_bilateralism(engine: Scenario) -> None:
    """AUTHORING.md, How the negotiation runs: "Without a trilateral deal the game ends in
    dual-bilateralism, or in breakdown if any dyad's trust is below
    `outcomes.breakdown_trust_below`"."""
    assert classify(finish(start(engine, 1, HUMANS))) == "dual_bilateralism"


def test_no_deal_with_a_dyad_below_the_breakdown_level_is_a_breakdown(engine: Scenario) -> None:
    """AUTHORING.md, How the negotiation runs: "Without a trilateral deal the game ends in
    dual-bilateralism, or in breakdown if any dyad's trust is below
    `outcomes.breakdown_trust_below`"."""
    data = engine.model_dump()
    data["outcomes"]["breakdown_trust_below"] = 35  # the scandal leaves A-B trust at 30
    assert classify(finish(start(type(engine).model_validate(data), 1, HUMANS))) == "breakdown"


def test_without_a_deal_each_party_ends_at_its_reservation_value(engine: Scenario) -> None:
    """analysis/outcomes.py, `results`: "Each party's result at the end: the trilateral deal's
    value or, without one (or once it has lapsed), its reservation value (the status quo of
    dual-bilateralism, with any bilateral gains)"."""
    for r in results(finish(start(engine, 1, HUMANS))).values():
        assert r.score == r.reservation and r.gain == 0


def test_a_deal_reports_each_partys_gain_and_the_joint_gain(engine: Scenario) -> None:
    """analysis/debrief.py, `Debrief`: "Outcome, results, joint gains, and where the deal sits
    against the frontier"; a party's gain is its "Score above (or below) the reservation value"
    (`PartyResult.gain`)."""
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
    """analysis/frontier.py, `pareto_frontier`: "The Pareto frontier of the packages that cross
    no party's red line: exact while the work allows"."""
    frontier = pareto_frontier(engine, Conditions.initial(engine))
    assert frontier.exact
    found = {tuple(round(u, 6) for u in p.scores) for p in frontier.points}
    assert found == _brute_force_frontier(engine)


def test_the_nash_point_maximises_the_product_of_gains(engine: Scenario) -> None:
    """analysis/frontier.py, `nash_point`: "The frontier package maximising the product of gains
    over reservation values"."""
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
    """README, The class debrief: it gives "the deal against the Pareto frontier and the Nash
    package"; a deal on the frontier is at distance 0."""
    report = debrief(agree(engine, (1, 1, 0)))
    assert report.distance_to_frontier == pytest.approx(0.0, abs=1e-6)


def test_the_spp_frontier_is_built_exactly(spp: Scenario) -> None:
    """analysis/frontier.py, `pareto_frontier`: "The Pareto frontier of the packages that cross
    no party's red line: exact while the work allows"; spp-2005's agenda is small enough."""
    frontier = pareto_frontier(spp, Conditions.initial(spp))
    assert frontier.exact and frontier.points


# --- issue 8, point 5: the debrief says why the game ended as it did ------------------------


def played(engine: Scenario, *moves: Move) -> State:
    """The engine scenario with people at every seat: these moves, then passes to the end."""
    state = start(engine, 1, HUMANS)
    for move in moves:
        state = step(state, move)
    return finish(state)


def test_the_path_shows_support_at_home_for_the_offer_on_the_table(engine: Scenario) -> None:
    """Issue 8: "The path chart's 'support at home' must be the weighted approval FOR the
    package on the table as that round opened (what ratification would see), not the
    status-quo approval; with nothing on the table show the status-quo approval"."""
    patrols = (1, 0, 0)  # Betaland's nationalists lose 10 points of approval over patrols
    state = played(engine, Propose(party="AA", package=patrols, scope=EVERYONE))
    path = debrief(state).paths["BB"]
    assert path[0].offered is None and path[0].support == 60  # the status quo, nothing tabled
    assert path[1].offered is not None
    assert path[1].support == 45  # 60, -5 after the scandal, -10 for the patrols on the table
    assert path[1].threshold == 50


def test_a_party_won_lost_or_broke_even_against_its_reservation_value(engine: Scenario) -> None:
    """Issue 8: "for each party, won or lost (its result against its reservation value, with
    the gain)"."""
    deal = debrief(agree(engine, (1, 1, 0)))
    assert {p.verdict for p in deal.parties.values()} == {"won"}
    assert all(p.result.gain > 0 for p in deal.parties.values())
    none = debrief(played(engine))
    assert {p.verdict for p in none.parties.values()} == {"even"}
    assert verdict(PartyResult("AA", score=40.0, reservation=45.0)) == "lost"


def test_the_package_signed_is_given_issue_by_issue_off_the_status_quo(engine: Scenario) -> None:
    """Issue 8: "the package signed ... (issue by issue, only the options that leave the
    status quo, with option labels)"."""
    final = debrief(agree(engine, (1, 1, 0))).package
    assert final is not None and final.fate == "signed"
    assert final.tabled.proposer == "AA" and final.tabled.date == "2005-02-01"
    assert final.tabled.changes == (
        Change("Security", "Security", "Joint patrols", "Policies"),
        Change("Intelligence", "Intelligence", "Shared analysis", "Policies"),
    )


def test_a_rejected_package_names_who_refused_it_when_why_and_the_section(
    engine: Scenario,
) -> None:
    """Issue 8: "for a failed deal, the refusals that mattered: who refused which offer when
    (round date), the reasons the log recorded (LogEntry.reasons) and the section"."""
    covert = (2, 1, 0)  # crosses Betaland's red line
    state = played(engine, Propose(party="AA", package=covert, scope=EVERYONE), Reject(party="BB"))
    report = debrief(state)
    assert report.package is not None and report.package.fate == "rejected"
    (refusal,) = report.refusals
    assert (refusal.party, refusal.kind, refusal.date) == ("BB", "rejected", "2005-02-01")
    assert refusal.offer == report.package.tabled
    assert refusal.reasons == (Reason("it crosses a red line: No covert operations", "Principles"),)
    assert not refusal.could_accept


def test_a_refusal_lists_the_events_that_came_just_before_it(engine: Scenario) -> None:
    """Issue 8: "... and the events that came just before"."""
    state = played(
        engine,
        Propose(party="AA", package=(2, 1, 0), scope=EVERYONE),
        Pass(party="BB"),
        Pass(party="CC"),
        Reject(party="BB"),  # round two, after the scandal
    )
    (refusal,) = debrief(state).refusals
    assert refusal.date == "2005-08-01"
    # The scandal (and the rupture it sets off) came that round; nothing fired the round before.
    assert [(e.title, e.round) for e in refusal.events][:2] == [("A scandal", 1), ("A rupture", 1)]
    assert refusal.events[0].source == "Policies"
    # The scandal on its own date; the rupture, dated months before it but waiting for trust
    # to fall, on the date of the scandal that set it off.
    assert [e.date for e in refusal.events][:2] == ["2005-05-01", "2005-05-01"]


def test_a_refusal_the_rules_allowed_is_marked_as_holding_out(engine: Scenario) -> None:
    """A refusal without a red line, shortfall or failing vote was a choice, not a constraint."""
    state = played(
        engine, Propose(party="AA", package=(1, 1, 0), scope=EVERYONE), Reject(party="BB")
    )
    (refusal,) = debrief(state).refusals
    assert refusal.could_accept
    assert refusal.reasons == (Reason("no stated reason", ""),)


def test_a_failed_ratification_is_a_refusal_by_each_country_that_voted_it_down(
    engine: Scenario,
) -> None:
    """Issue 8: "for a failed deal, who refused when and why" when the groups at home refuse:
    with the blocking group's section."""
    open_borders = (1, 1, 1)  # Alphaland's hawks and Gammaland's public oppose open borders
    state = played(
        engine,
        Propose(party="AA", package=open_borders, scope=EVERYONE),
        Accept(party="BB"),
        Accept(party="CC"),
    )
    report = debrief(state)
    assert [(r.party, r.kind) for r in report.refusals] == [("AA", "blocked"), ("CC", "blocked")]
    aa, cc = report.refusals
    assert aa.reasons[0].text.startswith("Alphaland: its groups at home would not support it")
    assert cc.reasons[0].text.startswith("Gammaland: its groups at home would not support it")
    assert aa.reasons[0].source == engine.group("aa_hawks").source
    assert report.package is not None and report.package.fate == "blocked"


def test_a_package_left_on_the_table_says_who_had_accepted_it(engine: Scenario) -> None:
    """Issue 8: "without one, the last package on the table"."""
    state = played(
        engine, Propose(party="AA", package=(1, 1, 0), scope=EVERYONE), Accept(party="BB")
    )
    report = debrief(state)
    assert report.package is not None
    assert (report.package.fate, report.package.accepted) == ("open", ("AA", "BB"))
    assert report.refusals == ()


def test_the_constraints_that_bound_hardest_come_blocking_first_then_by_points(
    engine: Scenario,
) -> None:
    """Issue 8: "the two or three constraints that bound hardest ..., ranked by how many points
    they cost against the package that was signed or last on the table ... each with its
    section"."""
    state = played(
        engine,
        Propose(party="AA", package=(1, 1, 1), scope=EVERYONE),
        Accept(party="BB"),
        Accept(party="CC"),
    )
    report = debrief(state)
    for party in engine.party_ids:
        bound = report.parties[party].constraints
        assert 1 <= len(bound) <= 3 and all(c.source for c in bound)
        keys = [(not c.blocks, -c.points) for c in bound]
        assert keys == sorted(keys)
    hawks = report.parties["AA"].constraints[0]
    assert (hawks.kind, hawks.label, hawks.blocks) == ("domestic", "At home: Hawks", True)
    red = constraints(state, "BB", (2, 1, 0))[0]
    assert (red.kind, red.blocks, red.source) == ("red_line", True, "Principles")


def test_a_distracted_leaders_premium_is_a_constraint_with_its_events(engine: Scenario) -> None:
    """Issue 8: "the attention premium ... with its section": the events that distracted the
    leader give it."""
    state = played(engine, Propose(party="AA", package=(1, 1, 0), scope=EVERYONE))
    premium = next(c for c in debrief(state).parties["AA"].constraints if c.kind == "attention")
    assert premium.points == pytest.approx(engine.negotiation.attention_premium * 0.5)
    assert "A new leader in A" in premium.detail and premium.source == "Policies"


def _with_option(engine: Scenario, option: dict[str, object], minimum: int = 2) -> Scenario:
    """The engine scenario with one more option on Intelligence, and a security arrangement
    needing `minimum` security issues moved."""
    data = engine.model_dump()
    data["outcomes"]["security_arrangement_min"] = minimum
    data["issues"][1]["options"].append({"source": "Policies", **option})
    return type(engine).model_validate(data)


def test_an_option_the_same_in_effect_as_the_status_quo_moves_no_security_issue(
    engine: Scenario,
) -> None:
    """AUTHORING.md, How the negotiation runs: a package "that moves at least
    `outcomes.security_arrangement_min` security issues off the status quo is a trilateral
    security arrangement"; "with fewer it is a prosperity-only partnership". An option that
    changes nothing (no threat addressed, no cost, no tag, no group reacting to it: the status
    quo under another name) moves nothing (a teacher's audit: such a "twin" option made half
    the deals of a scenario count as security arrangements)."""
    twin = _with_option(engine, {"id": "same", "label": "Separate channels, renamed"})
    assert security_changes(twin, (1, 3, 0)) == 1
    assert classify(agree(twin, (1, 3, 0))) == "prosperity_only"
    assert classify(agree(twin, (1, 1, 0))) == "security_arrangement"


def test_a_tag_nothing_reacts_to_moves_no_security_issue(engine: Scenario) -> None:
    """AUTHORING.md, How the negotiation runs: a deal "that moves at least
    `outcomes.security_arrangement_min` security issues off the status quo" is a security
    arrangement. An option that differs from the status quo only by a tag no principle and no
    group at home reacts to does nothing the status quo does not, as `validate`'s
    identical-options warning already says of it: it moves nothing (one reading of an option's
    effect, not two that disagree at the edges)."""
    data = engine.model_dump()
    data["tags"]["talks"] = "officials meet; nothing in the scenario reacts to it"
    quiet = _with_option(
        type(engine).model_validate(data), {"id": "talked", "label": "Talks", "tags": ["talks"]}
    )
    assert identical_options(quiet) != []
    assert security_changes(quiet, (1, 3, 0)) == 1
    assert classify(agree(quiet, (1, 3, 0))) == "prosperity_only"


def test_an_option_a_group_reacts_to_moves_its_issue(engine: Scenario) -> None:
    """An option with no threat, cost or tag still changes something when a group at home
    reacts to it by name: it moves its issue."""
    data = _with_option(engine, {"id": "talks", "label": "Talks"}).model_dump()
    hawks = next(g for g in data["domestic_groups"] if g["id"] == "aa_hawks")
    hawks["stances"].append({"option": "intelligence.talks", "delta": 5, "source": "Policies"})
    talks = type(engine).model_validate(data)
    assert security_changes(talks, (1, 3, 0)) == 2
    options: tuple[dict[str, object], ...] = (
        {"id": "joint", "label": "J", "addresses": {"crime": 0.1}},
        {"id": "paid", "label": "P", "cost": {"BB": 1}},
        {"id": "tagged", "label": "T", "tags": ["patrols"]},
    )
    for option in options:
        assert security_changes(_with_option(engine, option), (0, 3, 0)) == 1
