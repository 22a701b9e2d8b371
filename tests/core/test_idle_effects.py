"""Numbers that would do nothing, or undo one another, are refused at their line: AUTHORING.md
says `validate` refuses the combinations "which would do nothing"; an instructor's audit found
effects that change nothing, and Wendt thresholds written the wrong way round, passing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from game.core.scenario.errors import LoadError
from game.core.scenario.loader import load_scenario
from tests.conftest import DATA, ROOT


def engine_file(tmp_path: Path, change: dict[str, Any]) -> Path:
    """The engine test scenario with one part replaced, as a file: `change` maps a dotted
    path (`actions.1.effects.0`, `wendt`) to what it holds."""
    data = yaml.safe_load((DATA / "good" / "engine.yaml").read_text("utf-8"))
    for dotted, value in change.items():
        *parents, last = dotted.split(".")
        node = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    path = tmp_path / "engine.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def refused(tmp_path: Path, change: dict[str, Any]) -> list[tuple[str, str]]:
    """Each problem of the changed scenario, as its dotted path and message (every one
    positioned at a line)."""
    with pytest.raises(LoadError) as caught:
        load_scenario(engine_file(tmp_path, change))
    assert all(p.line is not None for p in caught.value.problems), caught.value
    return [(p.path, p.message) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (  # the audit's mut/wendt_inverted: 45 read as cooperative, and the floor above it
            {"wendt": {"competitive_below": 80, "cooperative_from": 20}},
            "wendt.competitive_below",
            ["competitive_below (80) must be below cooperative_from (20)", "individualistic"],
        ),
        (  # cooperative_from left at its default, 70
            {"wendt": {"competitive_below": 75}},
            "wendt.competitive_below",
            ["competitive_below (75) must be below cooperative_from (70)"],
        ),
        (
            {"wendt": {"competitive_below": 50, "cooperative_from": 50}},
            "wendt.competitive_below",
            ["must be below cooperative_from (50)"],
        ),
    ],
)
def test_wendt_thresholds_must_leave_room_for_the_individualistic_system(
    tmp_path: Path, change: dict[str, Any], path: str, words: list[str]
) -> None:
    """An instructor's audit: `competitive_below: 80` with `cooperative_from: 20` passed
    validate (with stage 3), though the individualistic system lies between the two; with a
    dyad at stage 1 it was refused instead for a trust of 45 that "would make US-MX
    cooperative", which these thresholds would not. The thresholds are named, once."""
    [(where, message)] = refused(tmp_path, change)
    assert where == path
    for word in words:
        assert word in message, message


@pytest.mark.parametrize(
    ("effect", "path", "words"),
    [
        (  # the audit's mut/convergence_delta: share defaults to 0
            {"kind": "convergence", "delta": 4},
            "actions.1.effects.0.delta",
            ["a convergence effect closes a share of the gap", "share", "not delta"],
        ),
        (
            {"kind": "convergence"},
            "actions.1.effects.0.share",
            ["a convergence effect with share 0 changes nothing", "give share"],
        ),
        (  # the audit's mut/action_effect_no_delta
            {"kind": "trust", "who": "both"},
            "actions.1.effects.0.delta",
            ["a trust effect with delta 0 changes nothing", "give delta"],
        ),
        (  # the audit's mut/action_trust_share
            {"kind": "trust", "who": "both", "share": 0.5},
            "actions.1.effects.0.share",
            ["share is for convergence effects", "a trust effect moves by delta"],
        ),
        (
            {"kind": "stage", "delta": 0, "at_stage": 1},
            "actions.1.effects.0.delta",
            ["a stage effect with delta 0 changes nothing"],
        ),
        (
            {"kind": "trust", "delta": 5, "chance": 0},
            "actions.1.effects.0.chance",
            ["chance 0", "never"],
        ),
    ],
)
def test_an_action_effect_that_would_change_nothing_is_refused_at_its_line(
    tmp_path: Path, effect: dict[str, Any], path: str, words: list[str]
) -> None:
    """An instructor's audit: `{kind: convergence, delta: 4}` (share left at 0), `{kind:
    trust, who: both}` (no delta) and `{kind: trust, share: 0.5}` passed validate, and the
    action then did nothing in the game. Each is refused where it is written, saying what
    would work."""
    [(where, message)] = refused(tmp_path, {"actions.1.effects.0": effect})
    assert where == path
    for word in words:
        assert word in message, message


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (
            {"events.0.effects.0": {"kind": "trust", "dyad": ["AA", "BB"], "delta": 0}},
            "events.0.effects.0.delta",
            ["a trust effect with delta 0 changes nothing"],
        ),
        ({"events.3.chance": 0}, "events.3.chance", ["chance 0", "never"]),
    ],
)
def test_an_event_effect_that_would_change_nothing_is_refused_at_its_line(
    tmp_path: Path, change: dict[str, Any], path: str, words: list[str]
) -> None:
    """The audit's mut/event_delta0 and mut/chance_0 passed validate: an effect of delta 0,
    and an event that can never fire."""
    [(where, message)] = refused(tmp_path, change)
    assert where == path
    for word in words:
        assert word in message, message


def test_the_shipped_scenarios_have_no_idle_effect() -> None:
    """Every built-in scenario still loads under the new checks."""
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        load_scenario(path)
