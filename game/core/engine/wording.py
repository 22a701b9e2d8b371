"""The negotiation in words: names, packages, event effects, and appending to the log."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from game.core.engine.conditions import Conditions
from game.core.engine.state import LogEntry, LogKind, Revealed, State, evolve
from game.core.scenario.index import index
from game.core.scenario.memo import ScenarioMemo
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package
from game.core.scenario.timeline import (
    ApprovalEffect,
    AttentionEffect,
    Effect,
    PriorityEffect,
    StageEffect,
    TrustEffect,
)


def name(state: State, party: str) -> str:
    """A party's full name."""
    return _names(state.scenario)[party]


_NAMES: ScenarioMemo[None, dict[str, str]] = ScenarioMemo(64)


def _names(scenario: Scenario) -> dict[str, str]:
    """Every party's full name by id (looked up for most lines of the log, so kept per
    scenario object instead of searched for each time)."""
    found = _NAMES.find(scenario, None)
    if found is None:
        found = {}
        for p in scenario.parties:
            found.setdefault(p.id, p.name)  # the first party of an id, as Scenario.party
        _NAMES.keep(scenario, None, found)
    return found


def deal_kind(scenario: Scenario) -> str:
    """What a deal among every party at the table is called: "bilateral" for two parties,
    "trilateral" for three (the chapter's North America), "4-party" and so on beyond."""
    n = len(scenario.party_ids)
    return {2: "bilateral", 3: "trilateral"}.get(n, f"{n}-party")


def a_deal_kind(scenario: Scenario) -> str:
    """`deal_kind` with its article, as it is said: "a trilateral", "an 8-party" (eight, and
    eleven and eighteen, sound a vowel first)."""
    kind = deal_kind(scenario)
    sounds_a_vowel = kind[0] in "aeiou8" or kind.startswith(("11-", "18-"))
    return f"{'an' if sounds_a_vowel else 'a'} {kind}"


def joined(words: Sequence[str], conjunction: str = "and") -> str:
    """Words in a sentence: "a", "a and b", "a, b and c" ("" for none); `conjunction` "or"
    for a choice ("a, b or c")."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {conjunction} " + words[-1]


def possessive(name: str) -> str:
    """A name's possessive: "Mexico's", "United States'" (a name ending in s takes the
    apostrophe alone)."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def in_sentence(title: str) -> str:
    """A title as it reads inside a sentence: "The Mérida Initiative" becomes "the Mérida
    Initiative" (its leading article loses the capital; the rest is a name)."""
    return f"the {title[4:]}" if title.startswith("The ") else title


def cause_words(causes: Iterable[str]) -> str:
    """Causes named for a reader, in order of their ids ("leader_change" reads "leader
    change"); the ids themselves are what `--without` takes."""
    return ", ".join(c.replace("_", " ") for c in sorted(causes))


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """A count and its noun: "1 issue", "1,200 issues" (`plural` where adding s is wrong)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def efficient(n: int) -> str:
    """How many packages are Pareto-efficient, in a sentence's opening words."""
    return f"{counted(n, 'package')} {'is' if n == 1 else 'are'} Pareto-efficient"


def every_country(scenario: Scenario) -> str:
    """Every party at the table, in words: "both countries", "all three countries", "all 4
    countries"."""
    n = len(scenario.party_ids)
    return {2: "both countries", 3: "all three countries"}.get(n, f"all {n} countries")


def cited(scenario: Scenario, section: str) -> str:
    """`section`, a section of the chapter that a rule of the game rests on, when the
    scenario's own sources cite it too; else "", no citation: a scenario built from another
    work is never sent to the chapter's sections."""
    return section if section in scenario.sections else ""


def logged(
    state: State,
    kind: LogKind,
    party: str | None,
    text: str,
    reasons: tuple[str, ...] = (),
    source: str = "",
    revealed: tuple[Revealed, ...] = (),
    parties: tuple[str, ...] = (),
    **changes: Any,
) -> State:
    """The state with one more line in its log, dated to the current round, and with the
    fields in `changes` changed too (one copy of the state where two would do the same)."""
    entry = LogEntry(state.round, kind, party, text, reasons, source, revealed, parties)
    return evolve(state, log=(*state.log, entry), **changes)


def describe(state: State, package: Package, scope: tuple[str, ...] | None = None) -> str:
    """A package in words: the options that leave the status quo, and its scope."""
    s = state.scenario
    status_quo = index(s).status_quo
    parts = [
        f"{issue.name}: {issue.options[i].label}"
        for issue, i, q in zip(s.issues, package, status_quo, strict=True)
        if i != q
    ]
    body = "; ".join(parts) or "no change"
    if scope is not None and len(scope) < len(s.party_ids):
        body += f" (between {' and '.join(scope)})"
    return body


def action_phrase(scenario: Scenario, action_id: str, target: str | None) -> str:
    """A diplomatic action with its target, in words: "Joint threat assessment with Mexico",
    "Consult a domestic group (Conservative movement)", "Act unilaterally, without telling
    Mexico" (a unilateral act is done without the partner, not with it)."""
    action = scenario.action(action_id)
    if target in scenario.party_ids:
        partner = scenario.party(target).name
        if action.kind == "unilateral":
            return f"{action.name}, without telling {partner}"
        return f"{action.name} with {partner}"
    group = next((g for g in scenario.domestic_groups if g.id == target), None)
    return f"{action.name} ({group.name})" if group else action.name


LEVELS = {
    1: (
        "A breakdown of consensus",
        "no longer take the old consensus for granted: the first of the three levels of "
        "transformation",
    ),
    2: (
        "A critical examination",
        "examine their security relationship critically: the second level of transformation",
    ),
    3: (
        "New practices",
        "work together in new practices: the third level, which opens the way to a "
        "cooperative system",
    ),
}


def milestones(state: State, before: Conditions) -> State:
    """The state with an announcement for every dyad that has reached a new level of
    transformation since the conditions `before` (the chapter names the levels but does not
    define them: which actions or deals move a dyad is the scenario author's design)."""
    s = state.scenario
    ix = index(s)
    for i, a in enumerate(s.party_ids):
        for b in s.party_ids[i + 1 :]:
            d = ix.dyad(a, b)
            for level in range(before.stage[d] + 1, state.conditions.stage[d] + 1):
                title, what = LEVELS[level]
                text = f"{title}: {name(state, a)} and {name(state, b)} {what}."
                state = logged(
                    state,
                    "event",
                    None,
                    text,
                    ("what moves a dyad from level to level is a design choice",),
                    cited(s, "Fragmented Region"),
                )
    return state


def effect_text(scenario: Scenario, effect: Effect) -> str:
    """What an event effect changes, in words."""
    names = _names(scenario)
    if isinstance(effect, PriorityEffect):
        threat = scenario.threat(effect.threat).name
        return f"{names[effect.party]}: priority of {threat} {effect.delta:+g}"
    if isinstance(effect, TrustEffect):
        return f"trust {'-'.join(effect.dyad)} {effect.delta:+g}"
    if isinstance(effect, StageEffect):
        return f"{'-'.join(effect.dyad)}: levels of transformation {effect.delta:+d}"
    if isinstance(effect, AttentionEffect):
        return f"{names[effect.party]}: the leader's attention to the partnership {effect.delta:+g}"
    if isinstance(effect, ApprovalEffect):
        group = scenario.group(effect.group)
        return f"approval of {group.name} {effect.delta:+g}"
    return f"{names[effect.party]}: bilateral alternatives (reservation value) {effect.delta:+g}"
