"""Options identical in every effect (a teacher's audit): five options of one issue, each
"Exactly the same option" with the same numbers, and an option that does just what its issue's
status quo does, drew no warning, since the dominance check skips ties."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from game.core.analysis.identical_options import identical_options
from game.core.analysis.outcomes import security_changes
from game.core.analysis.teaching_checks import teaching_warnings
from game.core.engine.mechanism import start
from game.core.engine.wording import describe
from game.core.scenario.loader import find_scenario
from game.core.scenario.model import Scenario
from tests.conftest import DATA

MINIMAL: dict[str, Any] = yaml.safe_load((DATA / "good" / "minimal.yaml").read_text("utf-8"))


def scenario(*options: dict[str, Any], issue: int = 1) -> Scenario:
    """The minimal test scenario with these options added to an issue (mobility by default)."""
    data = copy.deepcopy(MINIMAL)
    data["issues"][issue]["options"].extend(copy.deepcopy(list(options)))
    return Scenario.model_validate(data)


def option(id: str, **fields: Any) -> dict[str, Any]:
    return {"id": id, "label": "Exactly the same option", "source": "x", **fields}


def warned(s: Scenario) -> dict[tuple[str | int, ...], str]:
    return {p.path: p.message for p in identical_options(s)}


def test_options_of_one_issue_identical_in_every_effect_are_named_together() -> None:
    """The audit's five options: one warning, at the first, naming all five."""
    same = {"addresses": {"crime": 0.5}, "cost": {"AA": 1}}
    s = scenario(*(option(f"same{n}", **same) for n in range(5)))
    found = warned(s)
    assert list(found) == [("issues", 1, "options", 2, "id")]
    message = found[("issues", 1, "options", 2, "id")]
    assert message.startswith(
        "'same0', 'same1', 'same2', 'same3' and 'same4' of 'mobility' are identical in every effect"
    )
    assert "keep one, or make them differ" in message
    # It is one of the teaching warnings `validate` prints.
    assert message in [p.message for p in teaching_warnings(s, knife_edges=False)]


def test_an_option_that_does_what_the_status_quo_does_is_named() -> None:
    """The audit's `twin` issue: 'apart2' does nothing, as its issue's status quo does."""
    found = warned(scenario(option("apart2", label="Apart")))
    message = found[("issues", 1, "options", 2, "id")]
    assert message.startswith(
        "'apart2' is identical in effect to the status quo of 'mobility', 'visas'"
    )
    assert "changes no score and no support at home" in message
    two = warned(scenario(option("apart2"), option("apart3")))[("issues", 1, "options", 2, "id")]
    assert two.startswith("'apart2' and 'apart3' are identical in effect to the status quo")
    assert "choosing one changes no score" in two and two.endswith("or remove them")


def test_the_status_quo_twin_warning_says_what_a_deal_choosing_it_does() -> None:
    """The warning's sentence is true of the game: a deal choosing the twin moves no issue
    (`outcomes.security_changes` reads the same effects), but its description lists the twin
    among its changes. It had said such a package "counts the issue as moved"."""
    s = scenario(option("apart2", label="Apart"))
    message = warned(s)[("issues", 1, "options", 2, "id")]
    assert "counts the issue as moved" not in message
    assert "yet a deal choosing it lists it among its changes" in message
    deal = (0, 2)
    assert security_changes(s, deal) == 0
    state = start(s, 1, {"AA": "computer", "BB": "computer"})
    assert describe(state, deal) == "Mobility: Apart"


@pytest.mark.parametrize(
    "other",
    [
        {"cost": {"AA": 2}},
        {"addresses": {"crime": 0.5, "terror": 0.1}},
        {"binds": ["AA"]},
        {"tags": ["free_movement"]},  # the hawks object to it
    ],
)
def test_options_that_differ_in_an_effect_are_not_named(other: dict[str, Any]) -> None:
    """A cost, a threat addressed, a tag a group at home reacts to: each is an effect."""
    base = {"addresses": {"crime": 0.4}, "cost": {"AA": 1}}
    assert warned(scenario(option("one", **base), option("two", **{**base, **other}))) == {}


def test_words_and_scope_alone_make_no_difference_but_an_effect_does() -> None:
    """Labels, descriptions, sources and a tag nothing reacts to change no effect; `binds`
    naming every party is the empty `binds`; a stance naming one of the options makes them
    differ."""
    data = copy.deepcopy(MINIMAL)
    data["tags"]["shared"] = "nothing reacts to it"
    options = data["issues"][1]["options"]
    options.append(option("one", label="One", description="a", addresses={"crime": 0.4}))
    options.append(
        option("two", label="Two", binds=["AA", "BB"], tags=["shared"], addresses={"crime": 0.4})
    )
    found = warned(Scenario.model_validate(data))
    assert "'one' and 'two' of 'mobility' are identical" in found[("issues", 1, "options", 2, "id")]
    data["domestic_groups"][1]["stances"] = [{"option": "mobility.two", "delta": 5, "source": "x"}]
    assert warned(Scenario.model_validate(data)) == {}


def test_identical_options_of_different_issues_are_not_named() -> None:
    """Two issues may well offer the same measure."""
    same = {"addresses": {"crime": 0.4}}
    data = copy.deepcopy(MINIMAL)
    data["issues"][0]["options"].append(option("one", **same))
    data["issues"][1]["options"].append(option("one", **same))
    assert warned(Scenario.model_validate(data)) == {}


def test_the_built_in_scenarios_have_no_identical_options() -> None:
    for name in ("spp-2005", "revive-spp", "smart-border-2001", "merida-2007"):
        assert identical_options(find_scenario(name).scenario) == []
    assert warned(Scenario.model_validate(MINIMAL)) == {}
