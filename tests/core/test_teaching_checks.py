"""Teaching warnings (issue 13, point 4): "an empty zone of agreement in any round; a knife-edge
scenario (one documented number moved by one point flips the agreement rate by more than 20
points — name it); an option dominated for every party; a threat no option addresses; an event
that can never fire; a party whose red lines block every package; a stance on a status-quo
option"."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from game.bench import generated_scenario
from game.core.analysis import teaching_checks
from game.core.analysis.simulation import simulate
from game.core.analysis.teaching_checks import teaching_warnings
from game.core.analysis.zone_timeline import zone_timeline
from game.core.engine import zone as zone_module
from game.core.engine.zone import TAIL, Zone
from game.core.scenario.model import Scenario
from tests.conftest import DATA, minimal_with_a_deal, spp_file

MINIMAL: dict[str, Any] = yaml.safe_load((DATA / "good" / "minimal.yaml").read_text("utf-8"))


def scenario(change: Any = None) -> Scenario:
    """The minimal test scenario, changed by a function of its data."""
    data = copy.deepcopy(MINIMAL)
    if change is not None:
        change(data)
    return Scenario.model_validate(data)


def warned(s: Scenario) -> dict[tuple[str | int, ...], str]:
    return {p.path: p.message for p in teaching_warnings(s, knife_edges=False)}


def test_a_threat_no_option_addresses_is_named() -> None:
    """ "a threat no option addresses"."""

    def add(data: dict[str, Any]) -> None:
        data["threats"].append({"id": "cyber", "name": "Cyber", "kind": "hard", "source": "x"})

    assert "no option addresses the threat 'cyber'" in warned(scenario(add))[("threats", 2, "id")]
    assert ("threats", 0, "id") not in warned(scenario())


def test_a_party_whose_red_lines_block_every_package_is_named() -> None:
    """ "a party whose red lines block every package": both border options carry the tag
    Betaland's red line forbids."""

    def tag(data: dict[str, Any]) -> None:
        data["issues"][0]["options"][0]["tags"] = ["joint_patrols"]

    message = warned(scenario(tag))[("issues", 0, "options")]
    assert "every option of 'border' crosses a red line of BB" in message


def test_an_option_every_party_likes_less_than_another_is_dominated() -> None:
    """ "an option dominated for every party": the same measure at a cost to Alphaland."""

    def add(data: dict[str, Any]) -> None:
        options = data["issues"][1]["options"]
        options.append(
            {"id": "talks", "label": "Talks", "addresses": {"crime": 0.2}, "source": "x"}
        )
        options.append(
            {
                "id": "costly_talks",
                "label": "Costly talks",
                "addresses": {"crime": 0.2},
                "cost": {"AA": 3},
                "source": "x",
            }
        )

    found = warned(scenario(add))
    assert "'costly_talks' is dominated" in found[("issues", 1, "options", 3, "id")]
    assert "'talks'" in found[("issues", 1, "options", 3, "id")]
    assert ("issues", 1, "options", 2, "id") not in found


def test_a_stance_on_a_status_quo_option_is_named() -> None:
    """ "a stance on a status-quo option"."""

    def stance(data: dict[str, Any]) -> None:
        data["domestic_groups"][1]["stances"] = [
            {"option": "border.keep", "delta": 5, "source": "x"}
        ]

    assert (
        "status-quo option (border.keep)"
        in warned(scenario(stance))[("domestic_groups", 1, "stances", 0)]
    )


def test_an_event_after_the_last_round_never_fires_and_is_named() -> None:
    """ "an event that can never fire": dated after the last round, before the deadline."""

    def late(data: dict[str, Any]) -> None:
        data["events"][0]["date"] = "2005-12-01"

    assert "after the last round" in warned(scenario(late))[("events", 0, "date")]


def test_a_round_that_opens_with_an_empty_zone_is_named() -> None:
    """ "an empty zone of agreement in any round": spp-2005's last round, after Obama and the
    visa (history: the SPP lapsed in 2009)."""
    found = warned(spp_file().scenario)
    assert "round 9 (2009-07-15) opens with an empty zone of agreement" in found[("rounds", 8)]
    assert ("rounds", 0) not in found


def test_a_round_whose_zone_is_not_told_empty_within_the_budget_is_named_not_claimed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The rounds' searches for an empty zone share a budget (40 rounds of 8 parties x 240
    options, each after an event, took 23 s): with too little of it, spp-2005's last rounds
    are named as not checked, and round 9 is not said to open with an empty zone (nor round 1
    with none, which a search told at once)."""
    monkeypatch.setattr(teaching_checks, "EMPTY_BUDGET", 5000)
    found = warned(spp_file().scenario)
    unknown = [m for m in found.values() if "not checked for an empty zone of agreement" in m]
    assert len(unknown) == 1 and "to round 9 (2009-07-15)" in unknown[0]
    assert "round 1 " not in unknown[0]
    assert not [m for m in found.values() if "opens with an empty zone" in m]


def test_a_knife_edge_names_the_number_and_both_rates() -> None:
    """ "a knife-edge scenario (one documented number moved by one point flips the agreement
    rate by more than 20 points — name it)": one point of attention closes the zone of a
    minimal scenario; with games that agree 90% of the time at the scenario's number and 10%
    one point off, the warning names it; where the games do not change, nothing is said."""
    s = minimal_with_a_deal()

    def flips(other: Scenario) -> float:
        return 0.9 if other is s else 0.1

    found = {p.path: p.message for p in teaching_checks._knife_edges(s, 1, flips)}
    assert "a knife edge: AA attention at 99 instead of 100" in found[("parties", 0, "attention")]
    assert "from 90% to 10%" in found[("parties", 0, "attention")]
    assert teaching_checks._knife_edges(s, 1, lambda other: 0.5) == []


def searches(monkeypatch: pytest.MonkeyPatch) -> list[Zone]:
    """Every zone search made from now on, as it comes out of the search (its work counted)."""
    made: list[Zone] = []
    count = zone_module._Search.count

    def counted(self: Any, *args: Any) -> Zone:
        found = count(self, *args)
        made.append(found)
        return found

    monkeypatch.setattr(zone_module._Search, "count", counted)
    return made


def test_knife_edges_on_an_agenda_too_large_to_count_are_not_checked_and_say_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A teacher's audit: `validate` on 8 parties x 30 issues x 8 options took 72 s, counting
    the zone of agreement again with each of 96 numbers moved a point; every count stopped at
    the search's budget, so the zones it compared were lower bounds and nothing was checked,
    while nothing said so. On an agenda whose zone cannot be counted within the budget, the
    check now makes no zone search beyond the scenario's own timeline (which the empty-zone
    check has counted already) and says that it checked nothing."""
    s = generated_scenario(issues=10, options=4, parties=3)
    assert not all(r.exact for r in zone_timeline(s, 1))
    made = searches(monkeypatch)
    found = teaching_checks._knife_edges(s, 1, lambda other: 0.5)
    assert made == []
    message = {p.path: p.message for p in found}[("issues",)]
    assert message.startswith("knife edges not checked: the zone of agreement of the scenario")
    assert "cannot be counted within the check's budget" in message


def test_knife_edges_stop_at_their_budget_and_name_the_numbers_left(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The zone counts of the numbers moved share one budget of work: past it, no number is
    counted, and a warning names those whose knife edge was not checked. The searches made stay
    within the budget (the last may overrun by one tail of the search and one package), and
    the numbers checked keep their result: here the knife edge of the first number."""
    s = minimal_with_a_deal()

    def flips(other: Scenario) -> float:
        return 0.9 if other is s else 0.1

    assert teaching_checks._knife_edges(s, 1, lambda other: 0.5) == []
    made = searches(monkeypatch)
    found = {p.path: p.message for p in teaching_checks._knife_edges(s, 1, flips, budget=2000)}
    assert 0 < sum(z.visited for z in made) <= 2000 + TAIL + 1
    assert "a knife edge: AA attention at 99" in found[("parties", 0, "attention")]
    message = found[("domestic_groups", 0, "approval")]
    assert message.startswith("knife edges checked for 4 of 7 numbers only: ")
    assert "aa_hawks approval, bb_public approval or AA-BB trust moved a point" in message
    assert message.endswith("so whether the outcome hangs on them is not known")


def test_knife_edge_games_stop_at_their_budget() -> None:
    """The computer games that confirm a knife edge share a budget of moves too: a number
    whose games would take more is named as not checked, not taken for a number that moves
    nothing."""
    s = minimal_with_a_deal()
    found = {p.path: p.message for p in teaching_checks._knife_edges(s, 1, lambda other: None)}
    message = found[("parties", 0, "attention")]
    assert "checked for 5 of 7 numbers only" in message
    assert "with AA attention or BB attention moved a point" in message
    assert teaching_checks.agreement_rates(1, 1)(s) is None
    # Within its budget, the rate is the one `simulate` gives.
    rates = teaching_checks.agreement_rates(1, teaching_checks.KNIFE_GAMES)
    assert rates(s) == simulate(s, teaching_checks.KNIFE_RUNS, 1).agreement_rate


def test_the_zone_decides_which_numbers_are_simulated() -> None:
    """Only a number whose point opens or closes a round's zone, or halves it, is worth the
    computer games."""
    assert teaching_checks.sensitive((1, 1), (0, 0))
    assert teaching_checks.sensitive((100, 10), (100, 4))
    assert not teaching_checks.sensitive((100, 10), (90, 8))


def test_a_security_arrangement_out_of_reach_of_the_agenda_is_named() -> None:
    """Outcome rule (AUTHORING.md): "a supported package ... that moves at least
    `outcomes.security_arrangement_min` security issues off the status quo is a security
    arrangement". With fewer security issues on the agenda than that, every deal reads as a
    prosperity-only partnership, whatever it holds (the one-issue starting scenario of `new`
    did, with the default of 2). The minimal scenario's second issue is put on the
    prosperity pillar, leaving one security issue."""

    def prosperity(data: dict[str, Any]) -> None:
        data["issues"][1]["pillar"] = "prosperity"

    message = warned(scenario(prosperity))[("outcomes", "security_arrangement_min")]
    assert "2 security issues" in message and "has 1" in message
    assert "prosperity-only" in message

    def one(data: dict[str, Any]) -> None:
        prosperity(data)
        data["outcomes"] = {"security_arrangement_min": 1}

    assert ("outcomes", "security_arrangement_min") not in warned(scenario(one))
    assert ("outcomes", "security_arrangement_min") not in warned(scenario())
    assert ("outcomes", "security_arrangement_min") not in warned(spp_file().scenario)


def test_an_agenda_where_no_bilateral_package_can_be_tabled_is_named() -> None:
    """A teacher's audit: in a four-party scenario every option left `binds` empty, so every
    option binds every party and no bilateral package could be tabled; `simulate` counted 0
    bilateral deals though a negotiator had a bilateral appetite, and nothing said why."""
    engine: dict[str, Any] = yaml.safe_load((DATA / "good" / "engine.yaml").read_text("utf-8"))
    assert any(o.get("binds") for i in engine["issues"] for o in i["options"])
    assert not [m for m in warned(Scenario.model_validate(engine)).values() if "bilateral" in m]
    for issue in engine["issues"]:
        for option in issue["options"]:
            option.pop("binds", None)
    message = warned(Scenario.model_validate(engine))[("issues",)]
    assert "no bilateral package can be tabled" in message
    # Every built-in scenario at a table of three has bilateral options.
    for name in ("spp-2005", "revive-spp", "smart-border-2001"):
        from game.core.scenario.loader import find_scenario

        assert not teaching_checks._no_bilateral_package(find_scenario(name).scenario)
