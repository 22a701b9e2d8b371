"""Checks that a scenario's data is something the engine can play: clean text, numbers on the
right scale, diplomatic actions whose targets fit their effects, and effects that change
something."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from game.core.scenario.lenient import entries, ids, mapping, number
from game.core.scenario.problems import PathPart, Problem

Path = tuple[PathPart, ...]

_ALLOWED_CONTROLS = {"\n", "\t"}
"""Line breaks and tabs: folded and literal YAML blocks hold them, and a screen shows them."""

_BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
"""Bidirectional overrides and isolates: they reorder what a terminal shows after them."""


def check_usable(data: Mapping[str, Any]) -> list[Problem]:
    """Every reason the engine could not play the data as written, that the schema misses, and
    every effect that would change nothing."""
    found: list[Problem] = []
    _control_characters(data, (), found)
    _shares_for_points(data, found)
    _actions(data, found)
    for ai, action in entries(data, "actions"):
        for ei, effect in entries(action, "effects"):
            _idle_effect(("actions", ai, "effects", ei), effect, found)
    for ei, event in entries(data, "events"):
        never = "the event never fires (to play without it, give it a cause and use --without)"
        _never(("events", ei), event, never, found)
        for fi, effect in entries(event, "effects"):
            _idle_effect(("events", ei, "effects", fi), effect, found)
    return found


def _bad_character(value: str) -> str | None:
    for char in value:
        if char in _ALLOWED_CONTROLS:
            continue
        if unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS:
            return char
    return None


def _control_characters(value: Any, path: Path, found: list[Problem]) -> None:
    """Text with control characters (an escape such as "\\u001b" in quotes makes one) would
    drive the terminal it is printed to: colours, a cleared screen, a moved cursor."""
    if isinstance(value, str):
        char = _bad_character(value)
        if char is not None:
            found.append(
                Problem(
                    path,
                    f"text may not hold control characters (found U+{ord(char):04X}); remove it",
                )
            )
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, str) and _bad_character(key) is not None:
                found.append(Problem((*path, key), "a key may not hold control characters"))
                continue
            _control_characters(item, (*path, key), found)
    elif isinstance(value, list | tuple):
        for n, item in enumerate(value):
            _control_characters(item, (*path, n), found)


def _slips(found: list[Problem], what: str, values: list[tuple[Path, Any]]) -> None:
    """Report a whole scale written 0-1 where it runs 0-100: every value of the kind at most 1
    and some strictly between 0 and 1 (one small value among others is a choice, not a slip)."""
    numbers = [(path, number(value)) for path, value in values]
    if not numbers or any(n is None or n > 1 for _, n in numbers):
        return
    for path, n in numbers:
        if n is not None and 0 < n < 1:
            found.append(
                Problem(
                    path,
                    f"{what} run from 0 to 100, not 0 to 1: {n:g} looks like a share; "
                    f"write {n * 100:g}",
                )
            )


def _shares_for_points(data: Mapping[str, Any], found: list[Problem]) -> None:
    """Weights, thresholds, attention, approval and trust run from 0 to 100; a file that writes
    all of one kind (or a party all its priority weights) between 0 and 1 has slipped to a 0-1
    scale, and those values would count for almost nothing."""
    parties = entries(data, "parties")
    for pi, party in parties:  # each party's weights are one scale, set by one hand
        _slips(
            found,
            "priority weights",
            [
                (("parties", pi, "priorities", threat, "weight"), mapping(priority).get("weight"))
                for threat, priority in mapping(party.get("priorities")).items()
            ],
        )
    for key, what, default in (
        ("ratification_threshold", "ratification thresholds", None),
        ("attention", "attention levels", 100.0),  # the default, as in the model
    ):
        _slips(found, what, [(("parties", pi, key), p.get(key, default)) for pi, p in parties])
    _slips(
        found,
        "approval levels",
        [
            (("domestic_groups", gi, "approval"), g.get("approval"))
            for gi, g in entries(data, "domestic_groups")
        ],
    )
    _slips(
        found,
        "trust levels",
        [(("dyads", di, "trust"), d.get("trust")) for di, d in entries(data, "dyads")],
    )


_ON_PARTNER = "towards a partner"


def _needs(effect: Mapping[str, Any]) -> tuple[str, str] | None:
    """The target an action effect needs to do anything, and why; None: any target will do."""
    kind, who = effect.get("kind"), effect.get("who", "both")
    if kind in ("trust", "stage") and who != "others":
        return "partner", f"a {kind} effect on the partner acts {_ON_PARTNER}"
    if kind == "reservation" and who in ("partner", "both"):
        return "partner", f"a reservation effect with who: {who} acts {_ON_PARTNER}"
    if kind == "convergence":
        return "partner", "convergence moves the actor's and a partner's priorities"
    if kind == "approval":
        return "group", "an approval effect moves the approval of the group consulted"
    return None


def _toward(data: Mapping[str, Any], action: Mapping[str, Any], target: Any) -> str | None:
    """What is wrong with an action's `toward` list, if anything: it limits the partners of an
    action on a partner, and must leave some party that may take it a partner to take it
    towards (a party never acts towards itself)."""
    toward = action.get("toward")
    if not isinstance(toward, list) or not toward:
        return None
    if target != "partner":
        return (
            f"toward names the partners of an action with target: partner; this one has "
            f"target: {target}, so leave toward out"
        )
    parties = ids(data, "parties") or set()
    by = action.get("by") if isinstance(action.get("by"), list) and action.get("by") else None
    named = set(toward) | set(by or ())
    if not named <= parties:
        return None  # an unknown party, already reported where it is named
    if by is None or any(q != p for p in by for q in toward):
        return None  # with two parties or more, someone has a partner to act towards
    who = by[0] if len(by) == 1 else f"the parties in by ({', '.join(by)})"
    return (
        f"only {who} may take {action.get('id')!r}, and toward leaves it towards no partner "
        f"(a party does not act towards itself); name a partner of {who} in toward, or "
        "leave toward out"
    )


def _actions(data: Mapping[str, Any], found: list[Problem]) -> None:
    """Targets that fit the action and its effects: the engine applies a partner's effect to
    a party and a group's to a group, and the computer players consult groups and act alone or
    settle side deals towards partners."""
    for ai, action in entries(data, "actions"):
        kind, target = action.get("kind"), action.get("target", "partner")
        if kind == "consult" and target != "group":
            found.append(
                Problem(
                    ("actions", ai, "target"),
                    f"a consult action consults one of the actor's own domestic groups: "
                    f"set target: group (not {target})",
                )
            )
        elif target == "group" and kind != "consult" and isinstance(kind, str):
            found.append(
                Problem(
                    ("actions", ai, "target"),
                    f"only a consult action targets a domestic group; a {kind} action "
                    "targets a partner (target: partner) or nobody (target: none)",
                )
            )
        toward = _toward(data, action, target)
        if toward is not None:
            found.append(Problem(("actions", ai, "toward"), toward))
        for ei, effect in entries(action, "effects"):
            base: Path = ("actions", ai, "effects", ei)
            needs = _needs(effect)
            if needs is not None and needs[0] != target:
                want, why = needs
                found.append(
                    Problem(
                        (*base, "kind"),
                        f"{why}, so the action needs target: {want} (it has {target}); "
                        "change the target or the effect",
                    )
                )
            for key in ("min_trust", "mutual"):
                if effect.get(key) not in (None, False) and target != "partner":
                    found.append(
                        Problem(
                            (*base, key),
                            f"{key} is about trust or steps between the actor and a partner, "
                            f"so the action needs target: partner (it has {target})",
                        )
                    )
            delta = number(effect.get("delta", 0))
            if (
                effect.get("kind") == "stage"
                and delta is not None
                and (delta != int(delta) or not -3 <= delta <= 3)
            ):
                found.append(
                    Problem(
                        (*base, "delta"),
                        f"a stage effect moves a dyad by whole levels, from -3 to 3 "
                        f"(got {delta:g})",
                    )
                )


_MOVES = {
    "priority": "points of priority, from -100 to 100",
    "trust": "points of trust, from -100 to 100",
    "stage": "whole levels of transformation, from -3 to 3",
    "attention": "points of attention, from -100 to 100",
    "approval": "points of approval, from -100 to 100",
    "reservation": "points of reservation value, from -100 to 100",
}
"""What the delta of each kind of effect moves, and by how much it may."""


def _never(path: Path, item: Mapping[str, Any], what: str, found: list[Problem]) -> None:
    """A chance of 0: what it governs never happens (`what`: it, and what to do instead)."""
    if number(item.get("chance", 1)) == 0:
        found.append(
            Problem(
                (*path, "chance"),
                f"chance 0: {what}; give a chance above 0 (1, the default, is every time)",
            )
        )


def _idle_effect(path: Path, effect: Mapping[str, Any], found: list[Problem]) -> None:
    """An effect of an action or event that would change nothing: a delta of 0 (or none), a
    convergence without a share, or a delta or share its kind does not read (an action's
    convergence moves priorities by `share`, every other effect by `delta`). A validated
    scenario's dump holds every default, so a value left out reads as its default here."""
    kind = effect.get("kind")
    _never(path, effect, "the effect never happens", found)
    delta, share = number(effect.get("delta", 0)), number(effect.get("share", 0))
    if kind == "convergence":
        if delta is not None and delta != 0:
            found.append(
                Problem(
                    (*path, "delta"),
                    "a convergence effect closes a share of the gap between the two parties' "
                    "threat priorities: write share (from 0 to 1), not delta",
                )
            )
        elif share == 0:
            found.append(
                Problem(
                    (*path, "share"),
                    "a convergence effect with share 0 changes nothing: give share, the "
                    "fraction of the gap between the two parties' threat priorities that "
                    "closes (from 0 to 1)",
                )
            )
    elif kind in _MOVES and share is not None and share != 0:
        nothing = " (this one has no delta, so it changes nothing)" if delta == 0 else ""
        found.append(
            Problem(
                (*path, "share"),
                f"share is for convergence effects; a {kind} effect moves by delta, in "
                f"{_MOVES[kind]}{nothing}",
            )
        )
    elif kind in _MOVES and delta == 0:
        found.append(
            Problem(
                (*path, "delta"),
                f"a {kind} effect with delta 0 changes nothing: give delta, in {_MOVES[kind]}",
            )
        )
