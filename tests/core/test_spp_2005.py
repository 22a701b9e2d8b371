"""Rules the built-in SPP 2005 scenario must satisfy, from the chapter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from game.core.engine.conditions import Conditions, wendt_system
from game.core.engine.scoring import score_package_file
from game.core.scenario.model import Scenario
from game.core.scenario.packages import PackageFile

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
    hard = score_package_file(spp, PackageFile(options=HARD))
    linked = score_package_file(spp, PackageFile(options=LINKED))
    for party in ("MX", "CA"):
        assert hard[party].total + 2 < linked[party].total, party
    assert any(t.kind == "principle" for t in hard["MX"].breakdown)


def test_status_quo_package_scores_each_party_at_its_reservation_value(spp: Scenario) -> None:
    for party, s in score_package_file(spp, PackageFile()).items():
        assert s.total == pytest.approx(s.reservation), party


def test_agenda_has_at_least_eight_issues_of_three_to_five_options(spp: Scenario) -> None:
    assert len(spp.issues) >= 8
    for issue in spp.issues:
        assert 3 <= len(issue.options) <= 5, issue.id


def test_dyads_start_as_the_chapter_describes_them(spp: Scenario) -> None:
    start = Conditions.initial(spp)
    assert wendt_system(spp, start, "US", "CA") == "cooperative"
    assert wendt_system(spp, start, "US", "MX") == "individualistic"
    assert wendt_system(spp, start, "CA", "MX") == "individualistic"


def test_negotiation_runs_from_2005_to_august_2009(spp: Scenario) -> None:
    assert spp.start.year == 2005
    assert spp.deadline == dt.date(2009, 8, 31)
    assert spp.rounds[0].date.year == 2005


def test_every_source_cites_a_chapter_section(spp: Scenario) -> None:
    sources = [v for k, v in _walk(spp.model_dump()) if k == "source"]
    assert len(sources) > 50
    for source in sources:
        for part in source.split(";"):
            assert part.strip() in SECTIONS, source


def test_game_text_does_not_label_the_new_democrats_right_wing(spp: Scenario) -> None:
    for _, value in _walk(spp.model_dump()):
        if isinstance(value, str):
            assert "right wing" not in value.lower() and "right-wing" not in value.lower()


def test_every_threat_priority_cites_its_figure_or_is_marked_inferred(spp: Scenario) -> None:
    for party in spp.parties:
        for threat, priority in party.priorities.items():
            assert priority.figure or priority.inferred, f"{party.id}.{threat}"
