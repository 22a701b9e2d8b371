"""Every scenario `validate` accepts plays, simulates, scores and debriefs without a crash."""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli import main
from game.core.analysis.class_report import class_report
from game.core.analysis.report_markdown import to_markdown
from game.core.analysis.simulation import play_computer_game, simulate
from game.core.engine.moves import Pass
from game.core.engine.scoring import PartyScore, scorer
from game.core.engine.state import State
from game.core.game import Game
from game.core.players.style import SEAT_SPECS
from game.core.scenario.index import index
from game.core.scenario.loader import find_scenario, open_scenario
from game.core.scenario.model import Scenario
from tests.conftest import DATA

Data = dict[str, Any]
START = dt.date(2005, 1, 1)
DEADLINE = dt.date(2007, 1, 1)
NOT_A_NUMBER = re.compile(r"\b(nan|inf|infinity)\b", re.IGNORECASE)


def number(low: float, high: float) -> st.SearchStrategy[float]:
    """A number in a documented range, its two ends drawn as often as anything inside it."""
    return st.one_of(st.sampled_from([low, high]), st.floats(low, high))


def nonzero(low: float, high: float) -> st.SearchStrategy[float]:
    """A number in a documented range but 0: an effect of 0 changes nothing, and is refused."""
    return number(low, high).filter(bool)


def stages() -> st.SearchStrategy[int]:
    """A whole number of levels from -3 to 3 but 0."""
    return st.sampled_from([-3, -2, -1, 1, 2, 3])


def points() -> st.SearchStrategy[float]:
    """A value on a 0-100 scale (0, or 1 to 100: 0.8 would be refused as a 0-1 slip)."""
    return st.one_of(st.sampled_from([0.0, 1.0, 100.0]), st.floats(1.0, 100.0))


def subset(draw: st.DrawFn, items: list[str], least: int = 0) -> list[str]:
    chosen = draw(st.lists(st.sampled_from(items), min_size=least, max_size=len(items)))
    return sorted(set(chosen), key=items.index)


@st.composite
def scenarios(draw: st.DrawFn) -> Data:
    """A valid scenario of varied shape, with numbers at the ends of their ranges."""
    parties = [f"P{chr(65 + n)}" for n in range(draw(st.integers(2, 5)))]
    threats = [f"t{n}" for n in range(draw(st.integers(1, 3)))]
    tags = [f"g{n}" for n in range(draw(st.integers(1, 3)))]
    cooperative = draw(points().filter(bool))  # the competitive system lies below it
    data: Data = {
        "format_version": 1,
        "id": "generated",
        "title": "Generated",
        "summary": "A generated scenario.",
        "start": START,
        "deadline": DEADLINE,
        "scoring": {
            "threat_scale": draw(number(0.001, 10)),
            "domestic_scale": draw(number(0, 10)),
            "trust_discount": draw(number(0, 1)),
        },
        "wendt": {
            "competitive_below": draw(
                st.one_of(st.just(0.0), st.floats(0.0, cooperative, exclude_max=True))
            ),
            "cooperative_from": cooperative,
            "floor": draw(st.sampled_from(["competitive", "individualistic"])),
        },
        "tags": {t: f"tag {t}" for t in tags},
        "threats": [
            {
                "id": t,
                "name": f"Threat {t}",
                "kind": draw(st.sampled_from(["hard", "soft"])),
                "source": "B) Threats",
            }
            for t in threats
        ],
        "parties": [_party(draw, p, threats) for p in parties],
        "issues": [_issue(draw, n, parties, threats, tags) for n in range(draw(st.integers(1, 6)))],
        "principles": [
            _principle(draw, n, p, tags) for n, p in enumerate(parties) if draw(st.booleans())
        ],
        "domestic_groups": [
            _group(draw, f"{p.lower()}_{k}", p, tags)
            for p in parties
            for k in range(draw(st.integers(1, 2)))
        ],
        "dyads": [
            _dyad(draw, a, b, cooperative) for n, a in enumerate(parties) for b in parties[n + 1 :]
        ],
        "outcomes": {
            "security_arrangement_min": draw(st.integers(1, 3)),
            "lapses": draw(st.booleans()),
            "breakdown_trust_below": draw(points()),
        },
        "negotiation": {
            "attention_premium": draw(number(0, 100)),
            "bilateral_gain_share": draw(number(0, 1)),
            "ratification_swing": draw(number(0, 50)),
            "leverage": {p: draw(number(0, 1)) for p in subset(draw, parties)},
        },
    }
    days = sorted(draw(st.sets(st.integers(0, (DEADLINE - START).days), min_size=1, max_size=4)))
    data["rounds"] = [
        {"date": START + dt.timedelta(days=d), "name": f"Round {n}"} for n, d in enumerate(days)
    ]
    groups = [g["id"] for g in data["domestic_groups"]]
    last = draw(st.sampled_from([days[-1], (DEADLINE - START).days]))
    data["events"] = [
        _event(draw, n, parties, threats, groups, last) for n in range(draw(st.integers(0, 3)))
    ]
    data["actions"] = [
        _action(draw, kind, parties)
        for kind in (
            "confidence_building",
            "consult",
            "joint_assessment",
            "side_deal",
            "unilateral",
        )
        if draw(st.booleans())
    ]
    return data


def _party(draw: st.DrawFn, p: str, threats: list[str]) -> Data:
    concession = draw(st.one_of(st.none(), number(0.01, 10)))
    return {
        "id": p,
        "name": f"Party {p}",
        "briefing": "A party.",
        "priorities": {
            t: {"weight": draw(points()), "source": "B) Threats"} for t in subset(draw, threats)
        },
        "ratification_threshold": draw(points()),
        "attention": draw(points()),
        "reservation": {
            "description": "Alone.",
            "bilateral_alternatives": draw(number(0, 100)),
            "source": "Conclusion",
        },
        "negotiator": {
            "strategy": draw(
                st.sampled_from(["boulware", "linear", "conceder", "tit_for_tat", "modeller"])
            ),
            "concession": concession,
            "patience": draw(number(0, 0.9)),
            "unilateral": draw(number(0, 1)),
            "bilateral": draw(number(0, 1)),
        },
    }


def _issue(
    draw: st.DrawFn, n: int, parties: list[str], threats: list[str], tags: list[str]
) -> Data:
    options: list[Data] = [
        {"id": "keep", "label": "Keep", "status_quo": True, "source": "Policies"}
    ]
    if draw(st.booleans()):  # a status quo that itself carries a value
        options[0]["addresses"] = {t: draw(number(0, 1)) for t in subset(draw, threats)}
        options[0]["cost"] = {p: draw(number(0, 1000)) for p in subset(draw, parties)}
        options[0]["tags"] = subset(draw, tags)
    for k in range(1, draw(st.integers(2, 4))):
        binds = subset(draw, parties, least=0)
        bound = binds or parties
        options.append(
            {
                "id": f"o{k}",
                "label": f"Option {k}",
                "addresses": {t: draw(number(0, 1)) for t in subset(draw, threats)},
                "binds": binds,
                "cost": {p: draw(number(0, 1000)) for p in subset(draw, bound)},
                "tags": subset(draw, tags),
                "source": "Policies",
            }
        )
    return {
        "id": f"i{n}",
        "name": f"Issue {n}",
        "pillar": draw(st.sampled_from(["security", "prosperity"])),
        "source": "Policies",
        "options": options,
    }


def _principle(draw: st.DrawFn, n: int, party: str, tags: list[str]) -> Data:
    red_line = draw(st.booleans())
    low = 0.0 if red_line else 0.001
    return {
        "id": f"pr{n}",
        "party": party,
        "name": f"Principle {n}",
        "tags": subset(draw, tags, least=1),
        "penalty": draw(number(low, 1000)),
        "red_line": red_line,
        "source": "Principles",
    }


def _group(draw: st.DrawFn, ident: str, party: str, tags: list[str]) -> Data:
    return {
        "id": ident,
        "party": party,
        "name": f"Group {ident}",
        "weight": draw(st.one_of(st.sampled_from([5e-324, 1000.0]), st.floats(0.001, 1000))),
        "approval": draw(points()),
        "stances": [
            {"tag": t, "delta": draw(number(-100, 100)), "source": "Policies"}
            for t in subset(draw, tags)
        ]
        + ([{"option": "i0.o1", "delta": draw(number(-100, 100)), "source": "Policies"}]),
        "source": "Policies",
    }


def _dyad(draw: st.DrawFn, a: str, b: str, cooperative: float) -> Data:
    trust = draw(points())
    stage = 3 if trust >= cooperative else draw(st.integers(0, 3))
    return {"parties": [a, b], "trust": trust, "stage": stage, "source": "Fragmented Region"}


def _event(
    draw: st.DrawFn, n: int, parties: list[str], threats: list[str], groups: list[str], last: int
) -> Data:
    pair = draw(st.permutations(parties))[:2]
    delta = nonzero(-100, 100)
    effects = [
        {
            "kind": "priority",
            "party": pair[0],
            "threat": draw(st.sampled_from(threats)),
            "delta": draw(delta),
        },
        {"kind": "trust", "dyad": pair, "delta": draw(delta)},
        {"kind": "stage", "dyad": pair, "delta": draw(stages())},
        {"kind": "attention", "party": pair[1], "delta": draw(delta)},
        {"kind": "approval", "group": draw(st.sampled_from(groups)), "delta": draw(delta)},
        {"kind": "reservation", "party": pair[0], "delta": draw(delta)},
    ]
    conditions = [
        {"kind": "trust_below", "dyad": pair, "value": draw(points())},
        {"kind": "trust_above", "dyad": pair, "value": draw(points())},
        {"kind": "approval_below", "group": draw(st.sampled_from(groups)), "value": draw(points())},
        {"kind": "attention_below", "party": pair[0], "value": draw(points())},
    ]
    return {
        "id": f"e{n}",
        "date": START + dt.timedelta(days=draw(st.integers(0, last))),
        "title": f"Event {n}",
        "text": "Something happens.",
        "cause": draw(st.sampled_from(["one", "two"])),
        "effects": draw(st.lists(st.sampled_from(effects), max_size=4)),
        "when": draw(st.lists(st.sampled_from(conditions), max_size=2)),
        "chance": draw(nonzero(0, 1)),
        "source": "Policies",
    }


def _action(draw: st.DrawFn, kind: str, parties: list[str]) -> Data:
    delta = nonzero(-100, 100)
    if kind == "consult":
        effects = [{"kind": "approval", "delta": draw(delta)}]
        target = "group"
    else:
        target = "partner"
        effects = [
            {
                "kind": "trust",
                "who": draw(st.sampled_from(["both", "partner", "others"])),
                "delta": draw(delta),
            },
            {
                "kind": "stage",
                "delta": draw(stages()),
                "at_stage": draw(st.none() | st.integers(0, 2)),
                "mutual": draw(st.booleans()),
                "min_trust": draw(st.none() | points()),
            },
            {
                "kind": "reservation",
                "who": draw(st.sampled_from(["actor", "partner", "both", "others"])),
                "delta": draw(delta),
                "after_rounds": draw(st.integers(0, 10)),
            },
            {"kind": "convergence", "share": draw(nonzero(0, 1)), "chance": draw(nonzero(0, 1))},
        ]
        effects = draw(st.lists(st.sampled_from(effects), min_size=1, max_size=3))
    return {
        "id": kind,
        "name": kind.replace("_", " "),
        "kind": kind,
        "target": target,
        "by": subset(draw, parties),
        "effects": effects,
        "source": "Policies",
    }


def finite(value: float, what: str) -> None:
    assert math.isfinite(value), f"{what} is {value}"


def check_score(s: PartyScore) -> None:
    for what, value in (
        ("total", s.total),
        ("reservation", s.reservation),
        ("support", s.support),
        ("needed", s.requirement.total),
        *((t.label, t.value) for t in s.breakdown),
    ):
        finite(value, f"{s.party} {what}")


def check_debrief(state: State) -> None:
    text = to_markdown(class_report(state))
    assert not NOT_A_NUMBER.search(text), NOT_A_NUMBER.search(text)


class _PlainDumper(yaml.SafeDumper):
    """Writes a value shared by two places twice, as an author would, not as an alias."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def play_as_a_person(data: Data, folder: Path) -> None:
    """The controller with a human seat passing every turn, saved and loaded again."""
    path = folder / "generated.yaml"
    text = yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    source = open_scenario(path)
    person = source.scenario.party_ids[-1]
    game = Game.new(source, 7, humans=[person], saves_dir=folder)
    while not game.finished:
        assert game.to_move == person
        game.play(Pass(party=person))
    saved = game.save()
    assert Game.load(saved).state.digest() == game.state.digest()
    assert game.last_autosave is not None


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(scenarios(), st.randoms(use_true_random=False), st.data())
def test_every_valid_scenario_plays_simulates_scores_and_debriefs(
    data: Data, chance: random.Random, more: st.DataObject
) -> None:
    """Issue 13: "Every file `validate` accepts plays, simulates, scores and debriefs without a
    crash: a property test generates valid scenarios (hypothesis) and plays them"."""
    scenario = Scenario.model_validate(data)
    specs = st.sampled_from(SEAT_SPECS)
    seats = more.draw(st.dictionaries(st.sampled_from(scenario.party_ids), specs), label="seats")
    without = more.draw(st.frozensets(st.sampled_from(["one", "two"])), label="without")
    state = play_computer_game(scenario, chance.getrandbits(32), without, seats)
    assert state.finished
    check_debrief(state)

    summary = simulate(scenario, 2, chance.getrandbits(16), without, seats=seats)
    json.dumps(summary.as_json(), allow_nan=False)

    scores = scorer(scenario)
    status_quo = index(scenario).status_quo
    drawn = tuple(chance.randrange(len(issue.options)) for issue in scenario.issues)
    for package in (status_quo, drawn):
        for s in scores.score_all(package).values():
            check_score(s)

    with tempfile.TemporaryDirectory() as folder:
        play_as_a_person(data, Path(folder))


def test_the_minimal_scenario_played_by_a_person_saves_and_loads(tmp_path: Path) -> None:
    """Issue 13: "the repository's own tests/data/good/minimal.yaml played as US crashes in the
    autosave" - played by a person at one of its own seats, it autosaves, saves and loads."""
    source = find_scenario(str(DATA / "good" / "minimal.yaml"))
    game = Game.new(source, 3, humans=["AA"], saves_dir=tmp_path)
    while not game.finished:
        game.play(Pass(party="AA"))
    assert game.last_autosave is not None and game.last_autosave.exists()
    loaded = Game.load(game.save())
    assert loaded.state.digest() == game.state.digest()


def test_the_minimal_scenario_played_as_a_country_it_lacks_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 13: "`--as CA` on a scenario using `CAN` prints a 9,677-line traceback and exits
    0"; an unknown code is a clear error with exit 2, before any screen opens."""
    assert main(["play", str(DATA / "good" / "minimal.yaml"), "--as", "US"]) == 2
    err = capsys.readouterr().err
    assert "has no country US" in err and "AA, BB" in err and "Traceback" not in err


def minimal_data() -> Data:
    data: Data = yaml.safe_load((DATA / "good" / "minimal.yaml").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("seat", ["normal", "greedy", "accept_first", "linear", "tit_for_tat"])
def test_a_party_that_red_lines_every_option_of_an_issue_never_tables_across_it(seat: str) -> None:
    """Found by the property test: when every option of an issue, the status quo too, crosses
    a party's red line, the computer's search fell back to the status quo and tabled a package
    crossing its own red line, which the engine refused (a crash in round 1)."""
    data = minimal_data()
    data["issues"][0]["options"][0]["tags"] = ["joint_patrols"]  # BB red-lines joint patrols
    data["issues"][1]["options"][1]["addresses"] = {"crime": 0.5}  # open borders suit BB...
    data["domestic_groups"][0]["stances"] = []  # ...and AA's hawks do not mind them
    scenario = Scenario.model_validate(data)
    for seed in range(6):
        assert play_computer_game(scenario, seed, seats={"BB": seat}).finished


def test_a_greedy_party_whose_best_is_the_status_quo_passes() -> None:
    """Found by the property test: `--ai P=greedy` tabled its best package even when that was
    the status quo, which the engine refuses ("the package changes nothing")."""
    data = minimal_data()
    data["issues"][0]["options"][1]["cost"] = {"AA": 1000}
    scenario = Scenario.model_validate(data)
    state = play_computer_game(scenario, 1, seats={"AA": "greedy"})
    assert state.finished
    assert not any(e.kind == "propose" and e.party == "AA" for e in state.log)
