"""scenarios/AUTHORING.md says what the format reads: its examples load, and it names the
fields and defaults an author needs (an instructor's audit wrote a `when:` condition as the
guide's words suggested, and found fields and defaults it did not give)."""

from __future__ import annotations

import re

import yaml
from pydantic import TypeAdapter

from game.core.scenario.actions import Action
from game.core.scenario.rules import OutcomeRules
from game.core.scenario.timeline import Condition
from tests.conftest import ROOT

GUIDE = (ROOT / "scenarios" / "AUTHORING.md").read_text(encoding="utf-8")


def _bullet(title: str) -> str:
    """The guide's bullet that opens with `- **title**`, up to the next bullet or heading."""
    start = GUIDE.index(f"- **{title}**")
    rest = GUIDE[start + 2 :]
    end = re.search(r"\n(- \*\*|#)", rest)
    return rest[: end.start()] if end else rest


def test_the_guide_shows_when_conditions_as_the_format_reads_them() -> None:
    """The audit: "An event with `when:` conditions (`trust_below` / `trust_above` with `dyad`
    and `value`, ...)" led an instructor to write `- {trust_below: {dyad: [US, MX], value:
    40}}`, which the format refuses. The guide shows a `when:` list, and every kind of
    condition in it loads as written."""
    blocks = re.findall(r"```ya?ml\n(.*?)```", GUIDE, re.DOTALL)
    shown = [yaml.safe_load(b) for b in blocks if re.search(r"^\s*when:", b, re.MULTILINE)]
    conditions = [c for block in shown for c in _whens(block)]
    adapter: TypeAdapter[Condition] = TypeAdapter(Condition)
    kinds = {adapter.validate_python(c).kind for c in conditions}
    assert kinds == {"trust_below", "trust_above", "approval_below", "attention_below"}


def _whens(block: object) -> list[object]:
    """Every entry of every `when:` list in a parsed YAML block."""
    if isinstance(block, dict):
        found = list(block["when"]) if isinstance(block.get("when"), list) else []
        return found + [c for v in block.values() for c in _whens(v)]
    if isinstance(block, list):
        return [c for v in block for c in _whens(v)]
    return []


def test_the_guide_names_every_field_of_an_action() -> None:
    """The audit: the guide never mentioned an action's `description`, which the diplomatic
    action window shows. Its paragraph on actions names each field an action may have."""
    actions = _bullet("Actions")
    missing = [f for f in Action.model_fields if f"`{f}`" not in actions]
    assert missing == []


def test_the_guide_gives_the_defaults_of_the_outcome_rules() -> None:
    """The audit: the guide did not say what `security_arrangement_min` is when left out. Its
    row for `outcomes` gives each rule's default, as the format has it."""
    row = next(line for line in GUIDE.splitlines() if line.startswith("| `outcomes` |"))
    rules = OutcomeRules()
    assert f"`security_arrangement_min` (default {rules.security_arrangement_min})" in row
    assert f"`breakdown_trust_below` (default {rules.breakdown_trust_below:g})" in row
    assert f"`lapses` (default `{str(rules.lapses).lower()}`)" in row
