"""Where the zone of agreement is empty, the explanations name what empties it (a teacher's
audit: a scenario whose every option crossed someone's red line read "Land AA: nothing" in
`analyze`, "Nothing was tabled, so nothing bound." at the end, and "Nothing held it back." in
the debrief). Each scenario here is the minimal one with one limit changed, and every claim an
explanation makes is checked against every package of its agenda."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
import yaml

from game.core.analysis.class_report import class_report
from game.core.analysis.debrief import debrief
from game.core.analysis.empty_zone import EmptyZone, empty_zone
from game.core.analysis.report_markdown import to_markdown
from game.core.analysis.sensitivity import analyze, render
from game.core.engine.conditions import Conditions
from game.core.engine.moves import Pass, Propose
from game.core.engine.scoring import EPSILON, Scorer, scorer
from game.core.engine.zone import zone
from game.core.game import Game
from game.core.scenario.index import index
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package
from game.ui.render import outcome
from tests.conftest import DATA, minimal_with_a_deal


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DATA / "good" / "minimal.yaml").read_text("utf-8"))
    return data


def _group(data: dict[str, Any], group: str) -> dict[str, Any]:
    found: dict[str, Any] = next(g for g in data["domestic_groups"] if g["id"] == group)
    return found


def _red_lines(data: dict[str, Any]) -> None:
    """Alphaland red-lines open borders, as Betaland red-lines joint patrols: every option
    that changes an issue crosses a red line."""
    data["principles"].append(
        {
            "id": "visas_stay",
            "party": "AA",
            "name": "Visas stay",
            "tags": ["free_movement"],
            "red_line": True,
            "source": "Principles",
        }
    )


def _status_quo_red(data: dict[str, Any]) -> None:
    """Every option of Mobility, the status quo too, crosses Betaland's red line."""
    data["tags"]["mobility_rules"] = "any rule on crossing the border"
    for option in data["issues"][1]["options"]:
        option["tags"] = [*option.get("tags", []), "mobility_rules"]
    data["principles"][0]["tags"].append("mobility_rules")


def _bilateral(data: dict[str, Any]) -> None:
    """Betaland's bilateral alternatives are worth more than any package (the deal's zone of
    one package otherwise)."""
    _group(data, "aa_hawks")["stances"] = []
    data["parties"][1]["reservation"]["bilateral_alternatives"] = 100


def _threshold(data: dict[str, Any]) -> None:
    """Betaland's vote needs 100, and its public stands at 55 whatever the package."""
    _group(data, "aa_hawks")["stances"] = []
    data["parties"][1]["ratification_threshold"] = 100


def _opposed(data: dict[str, Any]) -> None:
    """No red line; joint patrols cost Betaland dear, open borders cost Alphaland: each can
    have what it needs alone, never both at once."""
    _group(data, "aa_hawks")["stances"] = []
    data["principles"] = []
    border, mobility = data["issues"]
    border["options"][1]["cost"] = {"AA": 5, "BB": 100}
    mobility["options"][1].update(addresses={"crime": 0.5}, cost={"AA": 50})


def _votes(data: dict[str, Any]) -> None:
    """Joint patrols are worth what both need, but Betaland's public turns against them and its
    vote fails (groups at home move no score here: `domestic_scale` 0)."""
    _group(data, "aa_hawks")["stances"] = []
    data["principles"] = []
    data["issues"][1]["options"][1]["cost"] = {"AA": 5}
    _group(data, "bb_public")["stances"] = [
        {"option": "border.patrols", "delta": -100, "source": "Policies"}
    ]
    data["scoring"] = {"domestic_scale": 0}


def _distracted(data: dict[str, Any]) -> None:
    """The deal's zone of one package, worth exactly what each needs: Betaland's leader, with
    half its attention elsewhere, asks more on top."""
    _group(data, "aa_hawks")["stances"] = []
    data["parties"][1]["attention"] = 50


CHANGES: dict[str, Callable[[dict[str, Any]], None]] = {
    "red lines": _red_lines,
    "status quo red": _status_quo_red,
    "bilateral": _bilateral,
    "threshold": _threshold,
    "opposed": _opposed,
    "votes": _votes,
    "distracted": _distracted,
}


@functools.cache
def scenario(change: str) -> Scenario:
    """The minimal scenario with one change (`minimal` as it is: Alphaland's hawks)."""
    data = _data()
    if change != "minimal":
        CHANGES[change](data)
    return Scenario.model_validate(data)


def _packages(s: Scenario) -> list[Package]:
    return list(itertools.product(*(range(len(i.options)) for i in s.issues)))


def _red(scores: Scorer, package: Package) -> bool:
    return any(any(v.red[i][k] for i, k in enumerate(package)) for v in scores.parties.values())


def _explained(change: str) -> tuple[Scenario, Scorer, EmptyZone]:
    s = scenario(change)
    c = Conditions.initial(s)
    found = zone(s, c)
    assert found.count == 0 and found.exact
    why = empty_zone(s, c)
    assert why is not None
    return s, scorer(s, c), why


def _moved(s: Scenario) -> list[Package]:
    """Every package that changes something."""
    return [p for p in _packages(s) if p != index(s).status_quo]


def test_red_lines_that_leave_only_the_status_quo_are_named_with_what_they_rule_out() -> None:
    """engine/zone.py: "A package is in the zone when it changes something (no one can table
    the status quo), crosses no red line, ...": when every option that changes an issue
    crosses a red line, that is what empties the zone, and each red line is named with the
    options it rules out."""
    s, scores, why = _explained("red lines")
    assert why.summary == "every package that changes something crosses a red line"
    assert all(_red(scores, p) for p in _moved(s))
    assert [(r.kind, r.party, r.text, r.source) for r in why.reasons] == [
        (
            "red_line",
            "BB",
            "Betaland's red line Sovereignty rules out Border: Joint patrols",
            "Principles",
        ),
        (
            "red_line",
            "AA",
            "Alphaland's red line Visas stay rules out Mobility: Open borders",
            "Principles",
        ),
    ]


def test_an_issue_whose_every_option_crosses_a_red_line_is_named() -> None:
    """engine/zone.py: a package in the zone "crosses no red line": where every option of an
    issue, the status quo too, crosses one, no package is left at all."""
    s, scores, why = _explained("status quo red")
    assert all(_red(scores, p) for p in _packages(s))
    assert why.summary == (
        "every package crosses a red line: on Mobility, every option does, the status quo too"
    )
    assert [r.text for r in why.reasons] == [
        "Betaland's red line Sovereignty rules out Mobility: Visas and Mobility: Open borders"
    ]


def test_a_party_that_needs_more_than_any_package_gives_is_named_with_both_numbers() -> None:
    """engine/zone.py: a package in the zone "is worth what each party needs (reservation
    value plus premiums)": Betaland's bilateral alternatives put what it needs above the
    worth of every package."""
    s, scores, why = _explained("bilateral")
    bb = scores.parties["BB"]
    best = max(bb.total(p) for p in _moved(s) if not _red(scores, p))
    assert best < bb.requirement.total - EPSILON
    assert why.summary == "no package is worth what Betaland needs"
    assert [(r.kind, r.party, r.text) for r in why.reasons] == [
        (
            "need",
            "BB",
            f"Betaland needs {bb.requirement.total:.1f} points to accept (its reservation "
            "value: what it has without a deal); the best package for it that changes "
            f"something and crosses no red line is worth {best:.1f} to it",
        )
    ]


def test_what_a_distracted_leader_asks_on_top_is_part_of_what_its_country_needs() -> None:
    """engine/zone.py: a package in the zone "is worth what each party needs (reservation
    value plus premiums)": the premium is named, and the parts add up to the need shown."""
    s, scores, why = _explained("distracted")
    bb = scores.parties["BB"]
    need = bb.requirement
    assert need.total > need.reservation + 1
    assert all(bb.total(p) < need.total - EPSILON for p in _moved(s) if not _red(scores, p))
    assert why.summary == "no package is worth what Betaland needs"
    text = why.reasons[0].text
    shown = re.search(
        r"^Betaland needs ([\d.]+) points to accept \(its reservation value ([\d.]+), and "
        r"([\d.]+) more its leader asks, with limited attention to the deal\);",
        text,
    )
    assert shown is not None, text
    total, own, more = (Decimal(x) for x in shown.groups())
    assert own + more == total and total == Decimal(f"{need.total:.1f}")


def test_a_vote_at_home_no_package_could_pass_is_named_with_its_groups() -> None:
    """engine/zone.py: a package in the zone "has enough support at home in every country":
    Betaland's public stands at 55 whatever is signed, and its vote needs 100."""
    s, scores, why = _explained("threshold")
    bb = scores.parties["BB"]
    assert all(bb.support(p) < bb.threshold - EPSILON for p in _packages(s))
    assert why.summary == "no package could pass the vote at home in Betaland"
    assert [(r.kind, r.party, r.text) for r in why.reasons] == [
        (
            "home",
            "BB",
            "at home in Betaland, no package that changes something could win more than 55 "
            "support from Public, and the vote needs 100",
        )
    ]


def test_needs_and_votes_that_both_leave_nothing_are_both_named() -> None:
    """The minimal scenario as written: Alphaland's hawks sink open borders at home, and joint
    patrols cross Betaland's red line, so the one package left is worth nothing to
    Alphaland."""
    s, scores, why = _explained("minimal")
    assert why.summary == (
        "no package is worth what Alphaland needs, and none could pass the vote at home in "
        "Alphaland"
    )
    assert [(r.kind, r.party) for r in why.reasons] == [("need", "AA"), ("home", "AA")]
    aa = scores.parties["AA"]
    allowed = [p for p in _moved(s) if not _red(scores, p)]
    assert all(aa.total(p) < aa.requirement.total - EPSILON for p in allowed)
    assert all(aa.support(p) < aa.threshold - EPSILON for p in allowed)


def test_needs_that_only_clash_together_show_each_party_s_best_package() -> None:
    """engine/zone.py: a package in the zone "is worth what each party needs": each country
    can have what it needs alone, but the package best for one leaves the other short."""
    s, scores, why = _explained("opposed")
    views = scores.parties.values()
    assert not any(
        all(v.total(p) >= v.requirement.total - EPSILON for v in views) for p in _moved(s)
    )
    for v in views:
        assert any(v.total(p) >= v.requirement.total - EPSILON for p in _moved(s))
    assert why.summary == (
        "each country could find a package worth what it needs, but none is worth what every "
        "country needs at once"
    )
    aa, bb = scores.parties["AA"], scores.parties["BB"]
    assert [r.text for r in why.reasons] == [
        f"the package best for Alphaland (Border: Joint patrols) gives Betaland "
        f"{bb.total((1, 0)):.1f} of the {bb.requirement.total:.1f} points it needs",
        f"the package best for Betaland (Mobility: Open borders) gives Alphaland "
        f"{aa.total((0, 1)):.1f} of the {aa.requirement.total:.1f} points it needs",
    ]


def test_packages_worth_enough_that_fail_a_vote_at_home_are_counted() -> None:
    """engine/zone.py: a package in the zone "is worth what each party needs ... and has
    enough support at home in every country": joint patrols are worth enough to both, but
    Betaland's public votes them down."""
    s, scores, why = _explained("votes")
    views = scores.parties.values()
    enough = [
        p for p in _moved(s) if all(v.total(p) >= v.requirement.total - EPSILON for v in views)
    ]
    assert enough == [(1, 0), (1, 1)]
    bb = scores.parties["BB"]
    assert all(bb.support(p) < bb.threshold - EPSILON for p in enough)
    assert why.summary == (
        "2 packages are worth what every country needs, but none would pass the vote at home "
        "in every country"
    )
    assert [(r.kind, r.party, r.text) for r in why.reasons] == [
        ("home", "BB", "Betaland's groups at home would vote down 2 of them")
    ]


def test_a_zone_that_is_not_empty_has_no_explanation() -> None:
    s = minimal_with_a_deal()
    assert empty_zone(s, Conditions.initial(s)) is None


@pytest.mark.parametrize("change", [*CHANGES, "minimal"])
def test_analyze_names_what_empties_the_zone_instead_of_nothing(change: str) -> None:
    """`analyze` measures what binds each party against the Nash bargaining package of the
    first round; with an empty zone there is none, and it says what empties the zone."""
    s = scenario(change)
    text = render(analyze(s, runs=1, seed=1, rates=lambda found: [0.0] * len(found)))
    binds = text.split("## What binds each party")[1].split("## Sensitivity")[0]
    why = empty_zone(s, Conditions.initial(s))
    assert why is not None
    assert ": nothing" not in binds
    assert why.summary in binds
    for r in why.reasons:
        assert r.text in binds


def test_analyze_says_why_there_is_no_nash_package_when_the_zone_is_not_empty() -> None:
    """The minimal scenario's zone of one package is worth exactly what each party needs: no
    package gives anyone more than its reservation value, so there is no Nash bargaining
    package to measure against (not "nothing" bound)."""
    s = minimal_with_a_deal()
    text = render(analyze(s, runs=1, seed=1, rates=lambda found: [0.0] * len(found)))
    binds = text.split("## What binds each party")[1].split("## Sensitivity")[0]
    assert ": nothing" not in binds
    assert "no Nash bargaining package" in binds


def _ended(change: str) -> Game:
    """Both seats held by people who pass to the deadline: nothing is ever tabled."""
    game = Game.new(scenario(change), 1, ["AA", "BB"])
    while not game.finished:
        game.play(Pass(party=game.to_move or ""))
    return game


def test_the_end_screen_names_what_left_no_package() -> None:
    """The end screen's "what bound you hardest" and "why there is no deal" of a game where
    nothing was tabled say what left no package, not "nothing bound"."""
    game = _ended("red lines")
    s, report = game.scenario, debrief(game.state)
    assert report.empty_zone is not None and report.empty_throughout
    bound = outcome.constraints(s, report, "AA").plain
    assert "nothing bound" not in bound
    assert bound.splitlines()[1:] == [
        "Nothing was tabled. What left no package both countries would accept and back at home "
        "at the end:",
        "- Betaland's red line Sovereignty rules out Border: Joint patrols [Principles]",
        "- Your red line Visas stay rules out Mobility: Open borders [Principles]",
    ]
    why = outcome.why(s, report, "AA")
    assert why is not None
    assert why.plain.splitlines()[1:] == [
        "No bilateral package was ever put on the table, and none could have passed at the "
        "opening of any round, nor at the end, when every package that changes something "
        "crosses a red line."
    ]


def test_with_a_package_on_the_table_the_end_screen_says_why_none_could_pass() -> None:
    """What bound hardest is read against the package on the table; why there is no deal also
    says what left no package at all (the minimal scenario: Alphaland's hawks sink open
    borders, and joint patrols cross Betaland's red line)."""
    game = Game.new(scenario("minimal"), 1, ["AA", "BB"])
    game.play(Pass(party="AA"))
    game.play(Propose(party="BB", package=(0, 1), scope=("AA", "BB")))
    while not game.finished:
        game.play(Pass(party=game.to_move or ""))
    s, report = game.scenario, debrief(game.state)
    assert report.package is not None and report.empty_zone is not None
    why = outcome.why(s, report, "BB")
    assert why is not None
    lines = why.plain.splitlines()
    assert (
        "No package could have passed at the opening of any round, nor at the end, when no "
        "package is worth what Alphaland needs, and none could pass the vote at home in "
        "Alphaland." in lines
    )
    assert lines[-2].startswith("- Alphaland needs ")
    assert lines[-1].startswith("- at home in Alphaland, no package that changes something")
    text = to_markdown(class_report(game.state))
    why_md = text.split("## Why there is no deal")[1].split("\n## ")[0]
    assert lines[-2] in why_md and lines[-1] in why_md


def test_the_debrief_names_what_left_no_package_for_each_country() -> None:
    """`report`: "What bound each country" of a game where nothing was tabled says what left
    no package, not "Nothing held it back." for every country."""
    text = to_markdown(class_report(_ended("red lines").state))
    bound = text.split("## What bound each country")[1].split("\n## ")[0]
    assert "Nothing held it back" not in bound
    assert (
        "Nothing was tabled. What left no package both countries would accept and back at home "
        "at the end:\n\n- Betaland's red line Sovereignty rules out Border: Joint patrols "
        "[Principles]\n- Alphaland's red line Visas stay rules out Mobility: Open borders "
        "[Principles]" in bound
    )
    why = text.split("## Why there is no deal")[1].split("\n## ")[0]
    assert (
        "No package could have passed at the opening of any round, nor at the end, when every "
        "package that changes something crosses a red line." in why
    )
