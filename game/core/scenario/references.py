"""Cross-reference checks of a scenario: unknown ids, duplicates, order, with did-you-mean hints.

They read plain data (a validated scenario's dump, or the file's data as written when the
schema refused part of it), so that type errors and reference errors are reported together.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game.core.scenario.lenient import date, entries, ids, items, mapping, number, text
from game.core.scenario.problems import PathPart, Problem, did_you_mean
from game.core.scenario.rules import WendtThresholds

Path = tuple[PathPart, ...]

_WENDT = WendtThresholds()
"""The default Wendt thresholds, for a file that leaves them out."""

_PARTY_EFFECTS = ("priority", "attention", "reservation")
_DYAD_EFFECTS = ("trust", "stage")


class _Checker:
    """Collects problems while walking a scenario's data."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: Path, message: str) -> None:
        self.problems.append(Problem(path, message))

    def known(self, path: Path, what: str, name: Any, known: set[str] | None) -> bool:
        """Whether a reference names a known id; None: the ids could not be read, and nothing
        is said (the schema has reported why)."""
        if known is None or not isinstance(name, str) or name in known:
            return True
        self.add(path, f"unknown {what} {name!r}; {did_you_mean(name, known)}")
        return False

    def unique(self, data: Mapping[str, Any], section: str, what: str) -> None:
        seen: set[str] = set()
        for index, entry in entries(data, section):
            ident = text(entry.get("id"))
            if ident is None:
                continue
            if ident in seen:
                self.add(
                    (section, index, "id"), f"duplicate {what} id {ident!r}; ids must be unique"
                )
            seen.add(ident)


def check_references(data: Mapping[str, Any]) -> list[Problem]:
    """Every cross-reference problem in a scenario's data, as far as it can be read."""
    c = _Checker()
    parties = ids(data, "parties", required=True)
    threats = ids(data, "threats", required=True)
    tags_data = data.get("tags")
    tags = set(tags_data) if isinstance(tags_data, Mapping) else None
    groups = ids(data, "domestic_groups")
    issues = ids(data, "issues", required=True)
    options: set[str] | None = None
    if issues is not None:
        options = set()
        for _, issue in entries(data, "issues"):
            for _, option in entries(issue, "options"):
                options.add(f"{issue.get('id')}.{option.get('id')}")

    for section, what in (
        ("parties", "party"),
        ("threats", "threat"),
        ("issues", "issue"),
        ("principles", "principle"),
        ("domestic_groups", "domestic group"),
        ("events", "event"),
        ("actions", "action"),
    ):
        c.unique(data, section, what)

    for ai, action in entries(data, "actions"):
        for bi, party_id in items(action.get("by")):
            c.known(("actions", ai, "by", bi), "party", party_id, parties)
        for ti, party_id in items(action.get("toward")):
            c.known(("actions", ai, "toward", ti), "party", party_id, parties)
    for party_id in mapping(mapping(data.get("negotiation")).get("leverage")):
        c.known(("negotiation", "leverage", party_id), "party", party_id, parties)

    start, deadline = date(data.get("start")), date(data.get("deadline"))
    if start is not None and deadline is not None and deadline <= start:
        c.add(("deadline",), f"the deadline ({deadline}) must come after the start ({start})")

    for pi, party in entries(data, "parties"):
        for threat in mapping(party.get("priorities")):
            c.known(("parties", pi, "priorities", threat), "threat", threat, threats)

    _check_agenda(c, data, parties, threats, tags)
    _check_people(c, data, parties, tags, options)
    _check_dyads(c, data, parties)
    _check_time(c, data, start, deadline, parties, threats, groups)
    return c.problems


def _check_agenda(
    c: _Checker,
    data: Mapping[str, Any],
    parties: set[str] | None,
    threats: set[str] | None,
    tags: set[str] | None,
) -> None:
    for ii, issue in entries(data, "issues"):
        issue_id = issue.get("id")
        seen: set[str] = set()
        listed = entries(issue, "options")
        status_quo = [oi for oi, o in listed if o.get("status_quo") is True]
        readable = all(isinstance(o.get("status_quo", False), bool) for _, o in listed)
        if listed and readable and len(status_quo) != 1:
            where: Path = (
                ("issues", ii, "options", status_quo[1])
                if status_quo
                else ("issues", ii, "options")
            )
            c.add(
                where,
                f"issue {issue_id!r} has {len(status_quo)} status-quo options; mark exactly one "
                "option 'status_quo: true'",
            )
        for oi, option in listed:
            base: Path = ("issues", ii, "options", oi)
            option_id = text(option.get("id"))
            if option_id is not None:
                if option_id in seen:
                    c.add((*base, "id"), f"duplicate option id {option_id!r} in issue {issue_id!r}")
                seen.add(option_id)
            for threat in mapping(option.get("addresses")):
                c.known((*base, "addresses", threat), "threat", threat, threats)
            binds = items(option.get("binds"))
            for bi, party_id in binds:
                c.known((*base, "binds", bi), "party", party_id, parties)
            bound_ids = [p for _, p in binds if isinstance(p, str)]
            if len(set(bound_ids)) != len(bound_ids):
                c.add((*base, "binds"), "a party is listed twice")
            bound = set(bound_ids) or parties
            for party_id in mapping(option.get("cost")):
                if (
                    c.known((*base, "cost", party_id), "party", party_id, parties)
                    and bound is not None
                    and party_id not in bound
                ):
                    c.add(
                        (*base, "cost", party_id),
                        f"{party_id} is not bound by this option, so it cannot pay for it; "
                        f"add it to 'binds' or remove the cost",
                    )
            for ti, tag in items(option.get("tags")):
                c.known((*base, "tags", ti), "tag", tag, tags)


def _check_people(
    c: _Checker,
    data: Mapping[str, Any],
    parties: set[str] | None,
    tags: set[str] | None,
    options: set[str] | None,
) -> None:
    for pi, principle in entries(data, "principles"):
        c.known(("principles", pi, "party"), "party", principle.get("party"), parties)
        for ti, tag in items(principle.get("tags")):
            c.known(("principles", pi, "tags", ti), "tag", tag, tags)

    owners: set[Any] = set()
    for gi, group in entries(data, "domestic_groups"):
        c.known(("domestic_groups", gi, "party"), "party", group.get("party"), parties)
        owners.add(group.get("party"))
        for si, stance in entries(group, "stances"):
            if stance.get("tag") is not None:
                c.known(("domestic_groups", gi, "stances", si, "tag"), "tag", stance["tag"], tags)
            if stance.get("option") is not None:
                c.known(
                    ("domestic_groups", gi, "stances", si, "option"),
                    "option",
                    stance["option"],
                    options,
                )
    listed = mapping(data).get("domestic_groups", [])
    if not isinstance(listed, list | tuple) or not all(
        isinstance(mapping(g).get("party"), str) for g in listed
    ):
        return  # who has a group cannot be told
    for pi, party in entries(data, "parties"):
        party_id = text(party.get("id"))
        if party_id is not None and party_id not in owners:
            c.add(
                ("parties", pi),
                f"party {party_id} has no domestic group, so it cannot ratify; add one to "
                "domestic_groups",
            )


def _pair(value: Any) -> tuple[str, str] | None:
    """Two party codes, if the value is a list of two texts."""
    if (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, str) for v in value)
    ):
        return value[0], value[1]
    return None


def _check_wendt(c: _Checker, data: Mapping[str, Any]) -> float | None:
    """The trust from which a dyad that passed all three levels is cooperative; None when it
    cannot be read, or the thresholds are out of order (reported here, and then no dyad's
    trust can be judged by them)."""
    wendt = mapping(data.get("wendt"))
    competitive = number(wendt.get("competitive_below", _WENDT.competitive_below))
    cooperative = number(wendt.get("cooperative_from", _WENDT.cooperative_from))
    if competitive is None or cooperative is None or competitive < cooperative:
        return cooperative
    key = "competitive_below" if "competitive_below" in wendt else "cooperative_from"
    c.add(
        ("wendt", key),
        f"competitive_below ({competitive:g}) must be below cooperative_from "
        f"({cooperative:g}): trust below competitive_below is a competitive system, trust "
        "from cooperative_from a cooperative one (once a dyad has passed all three levels), "
        f"and the individualistic system lies between (the defaults are "
        f"{_WENDT.competitive_below:g} and {_WENDT.cooperative_from:g})",
    )
    return None


def _check_dyads(c: _Checker, data: Mapping[str, Any], parties: set[str] | None) -> None:
    cooperative = _check_wendt(c, data)
    pairs: dict[frozenset[str], int] = {}
    for di, dyad in entries(data, "dyads"):
        pair = _pair(dyad.get("parties"))
        if pair is None:
            continue
        a, b = pair
        ok = all(
            c.known(("dyads", di, "parties", k), "party", p, parties) for k, p in ((0, a), (1, b))
        )
        if a == b:
            c.add(("dyads", di, "parties"), "a dyad joins two different parties")
        trust, stage = number(dyad.get("trust")), number(dyad.get("stage", 0))
        if (
            cooperative is not None
            and trust is not None
            and stage is not None
            and trust >= cooperative
            and stage < 3
        ):
            c.add(
                ("dyads", di, "trust"),
                f"trust {trust:g} would make {a}-{b} cooperative, but a dyad becomes "
                f"cooperative only after all three levels of transformation: set stage: 3 or "
                f"trust below {cooperative:g}",
            )
        if ok:
            key = frozenset((a, b))
            if key in pairs:
                c.add(
                    ("dyads", di, "parties"),
                    f"dyad {a}-{b} is defined twice (see dyads.{pairs[key]})",
                )
            pairs[key] = di
    dyads = mapping(data).get("dyads")
    if parties is None or not isinstance(dyads, list | tuple):
        return
    if any(_pair(mapping(d).get("parties")) is None for d in dyads):
        return  # a dyad that cannot be read may be the missing one
    order = [text(p.get("id")) or "" for _, p in entries(data, "parties")]
    if len(set(order)) != len(order):
        return
    for i, first in enumerate(order):
        for second in order[i + 1 :]:
            if frozenset((first, second)) not in pairs:
                c.add(
                    ("dyads",),
                    f"no dyad for {first}-{second}; every pair of parties needs trust and a stage",
                )


def _check_time(
    c: _Checker,
    data: Mapping[str, Any],
    start: Any,
    deadline: Any,
    parties: set[str] | None,
    threats: set[str] | None,
    groups: set[str] | None,
) -> None:
    def inside(path: Path, when: Any) -> None:
        if start is not None and deadline is not None and not start <= when <= deadline:
            c.add(path, f"{when} lies outside the scenario ({start} to {deadline})")

    previous = None
    for ri, rnd in entries(data, "rounds"):
        when = date(rnd.get("date"))
        if when is None:
            continue
        inside(("rounds", ri, "date"), when)
        if previous is not None and when <= previous:
            c.add(
                ("rounds", ri, "date"),
                f"rounds must be in date order; {when} is not after {previous}",
            )
        previous = when

    for ei, event in entries(data, "events"):
        when = date(event.get("date"))
        if when is not None:
            inside(("events", ei, "date"), when)
        for fi, effect in entries(event, "effects"):
            base: Path = ("events", ei, "effects", fi)
            kind = effect.get("kind")
            if kind in _PARTY_EFFECTS:
                c.known((*base, "party"), "party", effect.get("party"), parties)
            if kind == "priority":
                c.known((*base, "threat"), "threat", effect.get("threat"), threats)
            if kind in _DYAD_EFFECTS and (pair := _pair(effect.get("dyad"))) is not None:
                for k, p in enumerate(pair):
                    c.known((*base, "dyad", k), "party", p, parties)
                if pair[0] == pair[1]:
                    c.add((*base, "dyad"), "a dyad joins two different parties")
            if kind == "approval":
                c.known((*base, "group"), "domestic group", effect.get("group"), groups)
        for wi, cond in entries(event, "when"):
            base = ("events", ei, "when", wi)
            kind = cond.get("kind")
            if kind in ("trust_below", "trust_above"):
                for k, p in items(cond.get("dyad")):
                    c.known((*base, "dyad", k), "party", p, parties)
            if kind == "approval_below":
                c.known((*base, "group"), "domestic group", cond.get("group"), groups)
            if kind == "attention_below":
                c.known((*base, "party"), "party", cond.get("party"), parties)
