"""Checks that a scenario's data is something the engine can play: clean text, numbers on the
right scale, and diplomatic actions whose targets fit their effects."""

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
    """Every reason the engine could not play the data as written, that the schema misses."""
    found: list[Problem] = []
    _control_characters(data, (), found)
    _shares_for_points(data, found)
    _actions(data, found)
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
