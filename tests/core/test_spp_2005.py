"""Rules the built-in SPP 2005 scenario must satisfy, from the chapter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from game.core.engine.conditions import Conditions, wendt_system
from game.core.engine.scoring import score_package_file
from game.core.scenario.agenda import Option
from game.core.scenario.model import Scenario
from game.core.scenario.packages import PackageFile
from game.core.scenario.timeline import PriorityEffect

SECTIONS = {
    "Intro",
    "Fragmented Region",
    "Ideas & Perceptions",
    "A) Ideas",
    "fn 1",
    "B) Threats",
    "Principles",
    "Policies",
    "Policies A) US-CA",
    "Policies B) US-MX",
    "Policies C) MX-CA",
    "Policies D) Trilateral",
    "Conclusion",
    "References",
}


def _walk(value: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, k)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _walk(v, key)
    else:
        yield key, value


def test_mexico_red_lines_unannounced_covert_operations_on_its_soil(spp: Scenario) -> None:
    """spp-2005's red line "No unannounced foreign operations on Mexican soil"
    [Policies B) US-MX]: "Mexico protested that its sovereignty had been violated when U.S.
    authorities ran covert operations without informing it" (the red line itself is marked as the
    author's inference)."""
    covert = [
        (i.id, o.id)
        for i in spp.issues
        for o in i.options
        if "unannounced_operations" in o.tags and (not o.binds or "MX" in o.binds)
    ]
    assert covert, "the agenda offers no unannounced covert operation binding Mexico"
    for issue, option in covert:
        mx = score_package_file(spp, PackageFile(options={issue: option}))["MX"]
        assert mx.red_lines and not mx.acceptable


def test_us_conservative_movement_approval_falls_with_free_movement_of_people(
    spp: Scenario,
) -> None:
    """spp-2005's conservative movement [Policies D) Trilateral]: "it opposes any deeper
    integration that includes free movement of people"."""
    free = [(i.id, o.id) for i in spp.issues for o in i.options if "free_movement" in o.tags]
    assert free
    for issue, option in free:
        us = score_package_file(spp, PackageFile(options={issue: option}))["US"]
        vote = next(v for v in us.votes if v.group == "us_conservatives")
        assert vote.after < vote.before


HARD = {"framework": "hard_only", "intelligence": "trilateral_fusion", "border": "next_generation"}
LINKED = {**HARD, "framework": "linked", "organized_crime": "merida_trilateral"}


def test_hard_security_only_package_scores_worse_for_mexico_and_canada_than_a_linked_one(
    spp: Scenario,
) -> None:
    """spp-2005's principles [B) Threats]: Mexico would "press to include soft and local issues
    such as organized crime", and "Canada, like Mexico, would resist a community built only on
    global hard threats and press to include soft issues such as climate change"."""
    hard = score_package_file(spp, PackageFile(options=HARD))
    linked = score_package_file(spp, PackageFile(options=LINKED))
    for party in ("MX", "CA"):
        assert hard[party].total + 2 < linked[party].total, party
    assert any(t.kind == "principle" for t in hard["MX"].breakdown)


def test_status_quo_package_scores_each_party_at_its_reservation_value(spp: Scenario) -> None:
    """AUTHORING.md, Checking your file: "The all-status-quo package (`options: {}`) scores every
    party exactly at its reservation value"."""
    for party, s in score_package_file(spp, PackageFile()).items():
        assert s.total == pytest.approx(s.reservation), party


def test_agenda_has_at_least_eight_issues_of_three_to_six_options(spp: Scenario) -> None:
    """The agenda's issues each hold "options drawn from the chapter's own instruments and
    proposals": a status quo and at least two ways out of it, and no more than six (border
    management holds six since Dobson's third-country screening, a proposal for "the
    U.S.-Canadian security relationship" [A) Ideas], joined it)."""
    assert len(spp.issues) >= 8
    for issue in spp.issues:
        assert 3 <= len(issue.options) <= 6, issue.id


def test_the_us_canada_pair_starts_cooperative_and_mexicos_pairs_individualistic(
    spp: Scenario,
) -> None:
    """spp-2005's dyads: United States-Canada "A cooperative security system, built during the
    Cold War" [Fragmented Region]; United States-Mexico "An individualistic system: ambiguous
    identification, cooperation limited by distrust" [Fragmented Region; Policies B) US-MX];
    Mexico-Canada "Also individualistic" [Fragmented Region; Policies C) MX-CA]."""
    start = Conditions.initial(spp)
    assert wendt_system(spp, start, "US", "CA") == "cooperative"
    assert wendt_system(spp, start, "US", "MX") == "individualistic"
    assert wendt_system(spp, start, "CA", "MX") == "individualistic"


def test_negotiation_runs_from_2005_to_august_2009(spp: Scenario) -> None:
    """spp-2005's summary: "It is 2005" and "You have until August 2009, when the partnership was
    declared no longer active"; its history: the SPP was "no longer an active initiative"
    [Policies D) Trilateral]."""
    assert spp.start.year == 2005
    assert spp.deadline == dt.date(2009, 8, 31)
    assert spp.rounds[0].date.year == 2005


def test_every_source_cites_a_chapter_section(spp: Scenario) -> None:
    """AUTHORING.md, Section pointers: "Every `source` field names the part of the source text
    that a fact rests on. For the built-in chapter, use these pointers, short forms of the
    chapter's own section headings (`fn 1` is its only footnote), written exactly as here"."""
    sources = [v for k, v in _walk(spp.model_dump()) if k == "source"]
    assert len(sources) > 50
    for source in sources:
        for part in source.split(";"):
            assert part.strip() in SECTIONS, source


def test_game_text_does_not_label_the_new_democrats_right_wing(spp: Scenario) -> None:
    """README, The bars every change keeps: "Game text and scenario numbers come from the
    chapter, with section pointers"; spp-2005 says of the New Democrats that they "Openly
    attacked the SPP as an initiative that undermined Canada's sovereignty"
    [Policies D) Trilateral], and no text calls them right wing."""
    for _, value in _walk(spp.model_dump()):
        if isinstance(value, str):
            assert "right wing" not in value.lower() and "right-wing" not in value.lower()


def test_every_threat_priority_cites_its_figure_or_is_marked_inferred(spp: Scenario) -> None:
    """AUTHORING.md, Marking what is inferred: "A scenario must never pass off the author's
    inference as a fact"; a priority's "`figure` is the survey number shown in the briefing, with
    its year" (The sections, in order)."""
    for party in spp.parties:
        for threat, priority in party.priorities.items():
            assert priority.figure or priority.inferred, f"{party.id}.{threat}"


# --- Issue 9 [Fidelity]: the scenario's text and content against the chapter ----------------


def _option(spp: Scenario, option_id: str) -> tuple[str, Option]:
    """The issue id and the option with this id (option ids are unique in spp-2005)."""
    return next((i.id, o) for i in spp.issues for o in i.options if o.id == option_id)


def _texts(spp: Scenario) -> list[str]:
    """Every text of the scenario, whitespace-normalised."""
    return [" ".join(v.split()) for _, v in _walk(spp.model_dump()) if isinstance(v, str)]


def test_the_us_briefing_ranks_terrorism_and_nuclear_powers_among_the_top_five(
    spp: Scenario,
) -> None:
    """B) Threats: two threats "have been permanently ranked among the five top places within
    the United States: international terrorism and the possibility of unfriendly countries
    becoming nuclear powers" (ranks, not first place; the item is about unfriendly countries,
    not hostile states already armed)."""
    briefing = " ".join(spp.party("US").briefing.split())
    assert "top every survey" not in briefing and "hostile states" not in briefing
    assert "five top" in briefing and "unfriendly countries becoming nuclear powers" in briefing


def test_third_country_screening_is_a_security_option_on_the_border(spp: Scenario) -> None:
    """A) Ideas: "In the case of the U.S.-Canadian security relationship, Dobson proposed ...
    b) mutual recognition of the security of immigration from third countries": a security
    measure, not part of Fox's migration agenda."""
    issue, option = _option(spp, "third_country_screening")
    assert issue == "border" and spp.issue(issue).pillar == "security"
    assert option.binds == ["US", "CA"]
    stances = [s.option for g in spp.domestic_groups for s in g.stances if s.option]
    assert "border.third_country_screening" in stances
    assert not any(s.startswith("migration.third_country") for s in stances)


def test_canada_objects_to_a_us_led_coalition_not_to_a_nato_deployment(spp: Scenario) -> None:
    """Policies A) US-CA: "Canada also deployed military presence in Afghanistan alongside the
    US and other NATO troops"; Policies C) MX-CA: "Mexico and Canada opposed to backing up the
    United States in 2003 in the United Nations when Washington was trying to form an
    international coalition to attack Iraq"."""
    coalition = score_package_file(spp, PackageFile(options={"military": "coalition_abroad"}))
    alliance = score_package_file(spp, PackageFile(options={"military": "alliance_deployment"}))
    objections = ("principle", "domestic")
    assert any(t.kind in objections and t.value < 0 for t in coalition["CA"].breakdown)
    assert not any(t.kind in objections and t.value < 0 for t in alliance["CA"].breakdown)
    _, option = _option(spp, "alliance_deployment")
    assert option.inferred and "us_led_coalition" not in option.tags


def test_mexicos_non_intervention_rules_out_any_deployment_abroad(spp: Scenario) -> None:
    """A) Ideas: Mexico would not back the Iraq attack "due to the Mexican foreign policy
    tenets (Non Intervention and Peaceful Resolution on International Controversies)"."""
    for option in ("coalition_abroad", "alliance_deployment"):
        mx = score_package_file(spp, PackageFile(options={"military": option}))["MX"]
        assert mx.red_lines and not mx.acceptable, option


def test_no_mexican_group_rallies_for_migration_after_calderon_de_migrated_the_agenda(
    spp: Scenario,
) -> None:
    """Policies D) Trilateral: Calderón "'de-migrated' the bilateral agenda since previously,
    Fox had emphasized the migrant agreement". Fox's agenda is Mexico's `migrant_status`
    priority, which the Calderón event cuts; a group stance for migration would outlive him."""
    mexican = [g for g in spp.domestic_groups if g.party == "MX"]
    for group in mexican:
        for stance in group.stances:
            assert not (stance.tag in ("migration", "free_movement") and stance.delta > 0), group.id
    calderon = next(e for e in spp.events if e.id == "calderon_takes_office")
    assert any(
        isinstance(e, PriorityEffect) and e.threat == "migrant_status" and e.delta < 0
        for e in calderon.effects
    )


def test_inferences_in_option_texts_are_marked_as_the_authors(spp: Scenario) -> None:
    """Policies B) US-MX: BEST was set up with "other Federal, State, local, and foreign
    partners", nothing said of Mexico; A) Ideas names Pastor's force without its powers;
    Principles names Canada's next-generation borders agenda, not the SPP as its vehicle."""
    _, best = _option(spp, "best_joint")
    _, force = _option(spp, "customs_immigration_force")
    _, border = _option(spp, "next_generation")
    assert best.inferred and "Mexican partners" not in best.description
    assert "inference" in force.description and "supranational_body" in force.tags
    assert "design choice" in border.description and "spp_branded" in border.tags
    assert not any("Mexican partners" in text for text in _texts(spp))


REAL_DATES = {
    "calderon_takes_office": dt.date(2006, 12, 1),
    "obama_takes_office": dt.date(2009, 1, 20),
    "canada_visa_on_mexicans": dt.date(2009, 7, 13),
}


def test_leader_changes_and_the_visa_carry_their_real_dates_from_outside_the_chapter(
    spp: Scenario,
) -> None:
    """The chapter gives no date for Calderón's or Obama's arrival and only the year of the
    visa [Policies D) Trilateral; Policies C) MX-CA]; students remember the real ones, so the
    events carry them and say they come from outside the chapter."""
    for event_id, date in REAL_DATES.items():
        event = next(e for e in spp.events if e.id == event_id)
        assert event.date == date, event_id
        assert "outside the chapter" in " ".join(event.text.split()), event_id


def test_every_event_reaches_the_table_before_the_deadline(spp: Scenario) -> None:
    """An event "fires before the first round on or after its date" (AUTHORING.md): one dated
    after the last round would never happen in a game."""
    last = spp.rounds[-1].date
    for event in spp.events:
        assert event.date <= last, event.id


def test_each_group_gives_its_stated_reason_in_the_chapters_words(spp: Scenario) -> None:
    """Policies D) Trilateral: the conservative movement "opposed further integration with
    Mexico at all levels"; nationalistic and leftist groups "consider the US to be violating
    Mexico's sovereignty"; the New Democrats saw the SPP as an initiative "that attacked
    Canada's sovereignty". Each reason quotes the chapter and names its section."""
    for group_id in ("us_conservatives", "mx_nationalists", "ca_new_democrats"):
        assert spp.group(group_id).reason, group_id
    for group in spp.domestic_groups:
        if group.reason:
            assert group.reason.count('"') >= 2, group.id
            for part in (group.reason_source or group.source).split(";"):
                assert part.strip() in SECTIONS, group.id
        else:
            assert not group.reason_source, group.id


def test_the_theory_card_gives_the_chapters_frame_conclusion_and_forecast(
    spp: Scenario,
) -> None:
    """Fragmented Region: "competitive, individualistic and cooperative systems"; "breakdown of
    consensus, critical examination and new practices"; dual-bilateralism (Pastor).
    Conclusion: "two security communities"; "in the near future we will not see a well-shaped
    security community in North America"."""
    theory = " ".join(spp.theory.split())
    for words in (
        "competitive",
        "individualistic",
        "cooperative",
        "applied to no pair",
        "breakdown of consensus, critical examination and new practices",
        "Pluralistic security community",
        "Security complex",
        "dual-bilateralism",
        "Balasian integration",
        "minimalist",
        "maximalist",
        "two security communities",
        "loosely",
        "well-shaped security community",
        "trade and finance",
        "migration",
        "[Fragmented Region]",
        "[Conclusion]",
        "design choices",
    ):
        assert words in theory, words
    history = " ".join(spp.history.split())
    assert "well-shaped security community" in history and "migration" in history
