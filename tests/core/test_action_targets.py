"""Actions taken towards some partners only (`toward`): a fidelity audit found "Act
unilaterally, without telling Canada" offered to the United States in spp-2005, while every
U.S. unilateral operation the chapter describes was in Mexico."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from game.core.engine.legal import action_moves
from game.core.engine.mechanism import start, step
from game.core.engine.moves import Act
from game.core.saves.replay import load_game
from game.core.saves.store import save_game
from game.core.scenario.errors import LoadError
from game.core.scenario.loader import load_scenario, open_scenario
from game.core.scenario.model import Scenario
from tests.conftest import DATA, HUMANS, spp_file
from tests.core.test_saves import edit, line_of

ENGINE: dict[str, Any] = yaml.safe_load((DATA / "good" / "engine.yaml").read_text("utf-8"))


def engine_file(tmp_path: Path, **go_alone: Any) -> Path:
    """The engine test scenario with these fields added to its `go_alone` action, as a file."""
    data = yaml.safe_load((DATA / "good" / "engine.yaml").read_text("utf-8"))
    action = next(a for a in data["actions"] if a["id"] == "go_alone")
    action.update(go_alone)
    path = tmp_path / "engine.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def acts(s: Scenario, party: str, action: str) -> list[str | None]:
    """The targets a party may take an action towards (in a round where it has not acted)."""
    state = start(s, 1, dict.fromkeys(s.party_ids, "human"))
    return [m.target for m in action_moves(state, party) if m.action == action]


def test_the_united_states_acts_unilaterally_towards_mexico_only_in_spp_2005() -> None:
    """Policies B) US-MX: Operation Casa Blanca and "Fast and Furious", U.S. agencies' unilateral
    operations, were in Mexico; the chapter describes none in Canada."""
    s = spp_file().scenario
    assert acts(s, "US", "unilateral_act") == ["MX"]
    assert acts(s, "MX", "unilateral_act") == acts(s, "CA", "unilateral_act") == []


def test_toward_limits_the_partners_an_action_is_offered_towards(tmp_path: Path) -> None:
    """AUTHORING.md, Actions: an action with `target: partner` may list "the partners it may
    be taken towards in `toward` (empty: every partner); a party `toward` leaves no partner
    cannot take it"."""
    s = load_scenario(engine_file(tmp_path, by=["AA"], toward=["CC"]))
    assert acts(s, "AA", "go_alone") == ["CC"]
    every = load_scenario(engine_file(tmp_path))
    assert acts(every, "AA", "go_alone") == ["BB", "CC"]
    towards_aa = load_scenario(engine_file(tmp_path, toward=["AA"]))
    assert acts(towards_aa, "BB", "go_alone") == acts(towards_aa, "CC", "go_alone") == ["AA"]
    assert acts(towards_aa, "AA", "go_alone") == []


@pytest.mark.parametrize(
    ("fields", "path", "words"),
    [
        ({"toward": ["DD"]}, "actions.4.toward.0", ["unknown party 'DD'"]),
        (
            {"by": ["AA"], "toward": ["AA"]},
            "actions.4.toward",
            ["only AA may take 'go_alone'", "towards no partner", "name a partner of AA"],
        ),
    ],
)
def test_a_toward_list_that_leaves_the_action_unusable_is_refused_at_its_line(
    tmp_path: Path, fields: dict[str, Any], path: str, words: list[str]
) -> None:
    """A scenario must play: an unknown party, or an action no one may take towards any
    partner, is refused, naming the list and what would be right."""
    with pytest.raises(LoadError) as caught:
        load_scenario(engine_file(tmp_path, **fields))
    [problem] = caught.value.problems
    assert problem.path == path and problem.line is not None
    for word in words:
        assert word in problem.message, problem.message


def test_toward_is_for_actions_on_a_partner(tmp_path: Path) -> None:
    """An action that targets a group or nobody has no partner to limit."""
    data = yaml.safe_load((DATA / "good" / "engine.yaml").read_text("utf-8"))
    consult = next(a for a in data["actions"] if a["id"] == "consult")
    consult["toward"] = ["BB"]
    path = tmp_path / "consult.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_scenario(path)
    [problem] = caught.value.problems
    assert problem.path == "actions.2.toward"
    assert "toward names the partners of an action with target: partner" in problem.message


def test_a_save_acting_towards_a_partner_left_out_is_refused_at_its_target(
    tmp_path: Path,
) -> None:
    """A save is untrusted input: an act towards a partner the action leaves out is named at
    its target, with the partners it may be taken towards."""
    source = open_scenario(engine_file(tmp_path, by=["AA", "CC"], toward=["BB"]))
    state = step(
        start(source.scenario, 1, dict(HUMANS)), Act(party="AA", action="go_alone", target="BB")
    )
    saved = save_game(state, tmp_path / "saves", source=source)
    edit(saved, "action: go_alone, target: BB}", "action: go_alone, target: CC}")
    with pytest.raises(LoadError) as caught:
        load_game(saved)
    [problem] = caught.value.problems
    act = line_of(saved, "- {type: act, party: AA")
    assert (problem.path, problem.line) == ("moves.0.target", act)
    assert problem.message == "AA may take the action 'go_alone' towards BB only, not CC"
