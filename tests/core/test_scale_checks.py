"""Teaching warnings about the 0-100 scale (a teacher's audit with unusual but valid scenarios).

A package scores 0 to 100 for each party, but a reservation value is the status quo's score
plus bilateral alternatives, so it can pass 100: with the status quo best for everyone and
`bilateral_alternatives: 100`, `score` said "needs 200.0", and no package could ever be
accepted, while `validate` said nothing. And a breakdown line is raw value times the scale's
points per point of value, so an agenda whose best and worst packages are close together shows
lines of hundreds or thousands of points on a score of 84.3 ("+1259.8 Threat: Terror")."""

from __future__ import annotations

import copy
import itertools
from typing import Any

import pytest
import yaml

from game.core.analysis import scale_checks
from game.core.analysis.scale_checks import largest_line, magnified_lines, out_of_reach
from game.core.analysis.teaching_checks import teaching_warnings
from game.core.analysis.zone_timeline import round_conditions
from game.core.engine.conditions import Conditions
from game.core.engine.effects import apply_action_effect
from game.core.engine.scoring import scorer
from game.core.scenario.loader import find_scenario
from game.core.scenario.model import Scenario
from tests.conftest import DATA

MINIMAL: dict[str, Any] = yaml.safe_load((DATA / "good" / "minimal.yaml").read_text("utf-8"))
ENGINE: dict[str, Any] = yaml.safe_load((DATA / "good" / "engine.yaml").read_text("utf-8"))
BUILT_IN = ("spp-2005", "revive-spp", "smart-border-2001", "merida-2007")


def scenario(change: Any = None, data: dict[str, Any] = MINIMAL) -> Scenario:
    """A test scenario (the minimal one by default), changed by a function of its data. In the
    minimal scenario the status quo is Betaland's worst package (0): joint patrols address the
    crime it fears."""
    data = copy.deepcopy(data)
    if change is not None:
        change(data)
    return Scenario.model_validate(data)


def reservation_warnings(s: Scenario) -> dict[tuple[str | int, ...], list[str]]:
    found: dict[tuple[str | int, ...], list[str]] = {}
    for p in out_of_reach(s, round_conditions(s, 1)):
        found.setdefault(p.path, []).append(p.message)
    return found


def alternatives(party: int, value: float) -> Any:
    def change(data: dict[str, Any]) -> None:
        data["parties"][party]["reservation"]["bilateral_alternatives"] = value

    return change


def test_a_reservation_value_above_100_at_the_start_is_named() -> None:
    """The audit's v16: the status quo is Betaland's best package (patrols cost it more than
    they bring), and its alternatives are 100: it needs 200 of a score that stops at 100."""

    def change(data: dict[str, Any]) -> None:
        alternatives(1, 100)(data)
        data["issues"][0]["options"][1]["cost"] = {"AA": 5, "BB": 100}

    s = scenario(change)
    assert scorer(s).reservation("BB") == pytest.approx(200.0)
    found = reservation_warnings(s)
    (message,) = found[("parties", 1, "reservation", "bilateral_alternatives")]
    assert message.startswith(
        "BB's reservation value at the start is 200.0 (the status quo's score, 100.0, plus "
        "bilateral alternatives of 100), above 100, what its best package is worth to it: no "
        "package can satisfy it"
    )
    assert "the status quo is already its best package" in message
    assert list(found) == [("parties", 1, "reservation", "bilateral_alternatives")]
    # It is one of the teaching warnings `validate` prints.
    assert message in [p.message for p in teaching_warnings(s, knife_edges=False)]


def test_a_reservation_value_of_exactly_100_leaves_only_the_best_package() -> None:
    """Betaland's status quo scores 0: alternatives of 100 make it need its best package."""
    (message,) = reservation_warnings(scenario(alternatives(1, 100)))[
        ("parties", 1, "reservation", "bilateral_alternatives")
    ]
    assert message.startswith("BB's reservation value at the start is 100.0 (the status quo's")
    assert "what its best package is worth to it: only a package as good as its best" in message
    assert "keep the two together below 100" in message
    assert reservation_warnings(scenario(alternatives(1, 99))) == {}


def test_a_reservation_value_an_event_takes_to_100_is_named_at_its_round() -> None:
    """An event raising Alphaland's alternatives by 100 fires as round 2 opens (the scandal's
    fall in trust moves its status quo's score too)."""

    def change(data: dict[str, Any]) -> None:
        data["events"][0]["effects"].append({"kind": "reservation", "party": "AA", "delta": 100})

    (message,) = reservation_warnings(scenario(change))[("rounds", 1)]
    assert message.startswith(
        "as round 2 (2005-08-01) opens, after the events so far, AA's reservation value is 140.0"
        " (the status quo's score, 40.0, plus bilateral alternatives of 100)"
    )
    assert "no package can satisfy it" in message


def test_a_reservation_value_one_action_takes_to_100_is_named_at_the_action() -> None:
    """A side deal worth 100 to each signatory, taken once, puts every package out of reach
    of both; one that only the actor gains by, and only Alphaland may take, of Alphaland's
    alone; one worth 10 of no one's."""

    def action(delta: float, who: str = "both", by: list[str] | None = None) -> Any:
        def change(data: dict[str, Any]) -> None:
            data["actions"] = [
                {
                    "id": "pact",
                    "name": "Pact",
                    "kind": "side_deal",
                    "effects": [{"kind": "reservation", "who": who, "delta": delta}],
                    "source": "x",
                    **({"by": by} if by else {}),
                }
            ]

        return change

    messages = reservation_warnings(scenario(action(100)))[("actions", 0, "effects", 0, "delta")]
    assert [m.split(" (")[0] for m in messages] == [
        "taking 'pact' once can bring AA's reservation value to 138.1",
        "taking 'pact' once can bring BB's reservation value to 100.0",
    ]
    (only,) = reservation_warnings(scenario(action(100, "actor", ["AA"])))[
        ("actions", 0, "effects", 0, "delta")
    ]
    assert only.startswith("taking 'pact' once can bring AA's")
    assert reservation_warnings(scenario(action(100, "partner", ["AA"])))[
        ("actions", 0, "effects", 0, "delta")
    ][0].startswith("taking 'pact' once can bring BB's")
    assert reservation_warnings(scenario(action(10))) == {}

    def twice(data: dict[str, Any]) -> None:
        action(100)(data)
        data["actions"][0]["effects"].append({"kind": "reservation", "who": "actor", "delta": 100})

    # An action is named once for a party, at its first effect that reaches it.
    assert list(reservation_warnings(scenario(twice))) == [("actions", 0, "effects", 0, "delta")]


@pytest.mark.parametrize("who", ["actor", "partner", "both", "others"])
@pytest.mark.parametrize("by", [None, ["AA"], ["BB", "CC"]])
def test_an_action_is_named_for_exactly_the_parties_the_engine_raises(
    who: str, by: list[str] | None
) -> None:
    """The warning names a party when some taking of the action raises its alternatives as the
    engine applies the effect (`effects.apply_action_effect`, every actor allowed and every
    partner it may target): one reading of who an effect reaches, at a table of three."""

    def pact(data: dict[str, Any]) -> None:
        data["actions"] = [
            {
                "id": "pact",
                "name": "Pact",
                "kind": "side_deal",
                "effects": [{"kind": "reservation", "who": who, "delta": 100}],
                "source": "x",
                **({"by": by} if by else {}),
            }
        ]

    s = scenario(pact, ENGINE)
    start = Conditions.initial(s)
    raised: set[str] = set()
    for actor in by or s.party_ids:
        for target in (q for q in s.party_ids if q != actor):
            after, _ = apply_action_effect(s, start, s.actions[0].effects[0], actor, target)
            raised.update(
                q for n, q in enumerate(s.party_ids) if after.bilateral[n] > start.bilateral[n]
            )
    messages = reservation_warnings(s).get(("actions", 0, "effects", 0, "delta"), [])
    named = [m.split("can bring ")[1].split("'s")[0] for m in messages]
    assert raised and named == [q for q in s.party_ids if q in raised]


def test_a_party_the_agenda_changes_nothing_for_needs_no_alternatives() -> None:
    """Every package scores 0 for a party the agenda changes nothing for: it accepts them all
    at a reservation value of 0, and none at 5."""

    def indifferent(data: dict[str, Any]) -> None:
        data["parties"][1]["priorities"]["crime"]["weight"] = 0

    assert reservation_warnings(scenario(indifferent)) == {}

    def with_alternatives(data: dict[str, Any]) -> None:
        indifferent(data)
        alternatives(1, 5)(data)

    (message,) = reservation_warnings(scenario(with_alternatives))[
        ("parties", 1, "reservation", "bilateral_alternatives")
    ]
    assert "is 5.0 (the status quo's score, 0.0, plus bilateral alternatives of 5), above 0" in (
        message
    )
    assert message.endswith("the agenda changes nothing for it, so every package scores 0")


def test_a_party_out_of_reach_from_the_start_is_named_once() -> None:
    """Nothing more is said of a party already named at the start."""

    def change(data: dict[str, Any]) -> None:
        alternatives(1, 100)(data)
        data["events"][0]["effects"].append({"kind": "reservation", "party": "BB", "delta": 10})

    assert list(reservation_warnings(scenario(change))) == [
        ("parties", 1, "reservation", "bilateral_alternatives")
    ]


def test_no_built_in_scenario_has_a_reservation_value_out_of_reach() -> None:
    for name in BUILT_IN:
        s = find_scenario(name).scenario
        assert out_of_reach(s, round_conditions(s, 1)) == []
    assert reservation_warnings(scenario()) == {}


def shown_lines(s: Scenario, conditions: Conditions, party: str) -> float:
    """The largest line (in size) of the party's breakdown over every package, as `score`
    shows it: every package scored in full."""
    views = scorer(s, conditions)
    largest = 0.0
    for package in itertools.product(*(range(len(i.options)) for i in s.issues)):
        for term in views.score(party, package).breakdown:
            if term.kind != "scale":
                largest = max(largest, abs(term.value))
    return largest


def cancelling(data: dict[str, Any]) -> None:
    """Joint patrols cost Betaland 33 of the 33.75 they are worth to it (net of its distrust):
    its best package is worth 0.75 more than its worst, so 100 points stand for 0.75."""
    data["issues"][0]["options"][1]["cost"] = {"AA": 5, "BB": 33}


@pytest.mark.parametrize(
    "s",
    [scenario(), scenario(cancelling), scenario(data=ENGINE)],
    ids=["minimal", "cancelling", "engine"],
)
def test_the_largest_line_is_the_largest_any_package_shows(s: Scenario) -> None:
    """Worked out per issue, without scoring a package: the same as scoring every one."""
    for conditions in {Conditions.initial(s), *round_conditions(s, 1)}:
        for party in s.party_ids:
            size, _ = largest_line(s, conditions, party)
            assert size == pytest.approx(shown_lines(s, conditions, party), abs=1e-6)


def test_breakdown_lines_beyond_100_points_are_named_with_the_reason() -> None:
    """Betaland's patrols: a threat line of 45 in raw value on a scale where 0.75 is 100
    points."""
    s = scenario(cancelling)
    found = {p.path: p.message for p in magnified_lines(s, round_conditions(s, 1))}
    assert list(found) == [("parties", 1)]
    message = found[("parties", 1)]
    assert message.startswith("BB's score breakdown can show a line of 6,000 points (Threat: ")
    assert "in raw value (before the 0-100 scale) this line alone is 45, while its best " in message
    assert "package is worth only 0.75 more to it than its worst, so other lines cancel" in message
    assert "a point of raw value is 133 points of score" in message
    assert message in [p.message for p in teaching_warnings(s, knife_edges=False)]


def test_the_limit_is_a_named_number(monkeypatch: pytest.MonkeyPatch) -> None:
    """In the minimal scenario, crime addressed is worth 45 in raw value to Betaland, less a
    quarter for its doubts about Alphaland: 33.75 spans its whole scale, so the crime line of
    its best package shows 133 points, and 143 once the scandal has lowered trust (31.5 left).
    That is within the limit: one threat addressed at trust 50 is an ordinary scenario. A
    lower limit names it."""
    s = scenario()
    assert magnified_lines(s, round_conditions(s, 1)) == []
    monkeypatch.setattr(scale_checks, "LINE_LIMIT", 140.0)
    (problem,) = magnified_lines(s, round_conditions(s, 1))
    assert problem.path == ("parties", 1)
    assert problem.message.startswith(
        "BB's score breakdown can show a line of 143 points (Threat: Organized crime)"
    )


def test_no_built_in_scenario_shows_lines_beyond_the_limit() -> None:
    for name in BUILT_IN:
        s = find_scenario(name).scenario
        assert magnified_lines(s, round_conditions(s, 1)) == []
