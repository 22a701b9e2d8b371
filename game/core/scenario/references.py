"""Cross-reference checks of a scenario: unknown ids, duplicates, order, with did-you-mean hints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.core.scenario.problems import PathPart, Problem, did_you_mean
from game.core.scenario.timeline import (
    ApprovalBelow,
    ApprovalEffect,
    AttentionBelow,
    AttentionEffect,
    PriorityEffect,
    ReservationEffect,
    StageEffect,
    TrustAbove,
    TrustBelow,
    TrustEffect,
)

if TYPE_CHECKING:
    # Type-only: the model runs these checks from its validator.
    from game.core.scenario.model import Scenario


class _Checker:
    """Collects problems while walking a scenario."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: tuple[PathPart, ...], message: str) -> None:
        self.problems.append(Problem(path, message))

    def known(self, path: tuple[PathPart, ...], what: str, name: str, known: set[str]) -> bool:
        if name in known:
            return True
        self.add(path, f"unknown {what} {name!r}; {did_you_mean(name, known)}")
        return False

    def unique(self, section: str, ids: list[str], what: str) -> None:
        seen: set[str] = set()
        for index, ident in enumerate(ids):
            if ident in seen:
                self.add(
                    (section, index, "id"), f"duplicate {what} id {ident!r}; ids must be unique"
                )
            seen.add(ident)


def check_references(s: Scenario) -> list[Problem]:
    """Every cross-reference problem in a structurally valid scenario."""
    c = _Checker()
    parties = {p.id for p in s.parties}
    threats = {t.id for t in s.threats}
    tags = set(s.tags)
    groups = {g.id for g in s.domestic_groups}
    options = {f"{i.id}.{o.id}" for i in s.issues for o in i.options}

    c.unique("parties", [p.id for p in s.parties], "party")
    c.unique("threats", [t.id for t in s.threats], "threat")
    c.unique("issues", [i.id for i in s.issues], "issue")
    c.unique("principles", [p.id for p in s.principles], "principle")
    c.unique("domestic_groups", [g.id for g in s.domestic_groups], "domestic group")
    c.unique("events", [e.id for e in s.events], "event")
    c.unique("actions", [a.id for a in s.actions], "action")

    for ai, action in enumerate(s.actions):
        for bi, party_id in enumerate(action.by):
            c.known(("actions", ai, "by", bi), "party", party_id, parties)
    for party_id in s.negotiation.leverage:
        c.known(("negotiation", "leverage", party_id), "party", party_id, parties)

    if s.deadline <= s.start:
        c.add(("deadline",), f"the deadline ({s.deadline}) must come after the start ({s.start})")

    for pi, party in enumerate(s.parties):
        for threat in party.priorities:
            c.known(("parties", pi, "priorities", threat), "threat", threat, threats)

    for ii, issue in enumerate(s.issues):
        seen: set[str] = set()
        status_quo = [oi for oi, o in enumerate(issue.options) if o.status_quo]
        if len(status_quo) != 1:
            where = (
                ("issues", ii, "options", status_quo[1])
                if status_quo
                else ("issues", ii, "options")
            )
            c.add(
                where,
                f"issue {issue.id!r} has {len(status_quo)} status-quo options; mark exactly one "
                "option 'status_quo: true'",
            )
        for oi, option in enumerate(issue.options):
            base: tuple[PathPart, ...] = ("issues", ii, "options", oi)
            if option.id in seen:
                c.add((*base, "id"), f"duplicate option id {option.id!r} in issue {issue.id!r}")
            seen.add(option.id)
            for threat in option.addresses:
                c.known((*base, "addresses", threat), "threat", threat, threats)
            for bi, party_id in enumerate(option.binds):
                c.known((*base, "binds", bi), "party", party_id, parties)
            if len(set(option.binds)) != len(option.binds):
                c.add((*base, "binds"), "a party is listed twice")
            bound = set(option.binds) or parties
            for party_id in option.cost:
                if c.known((*base, "cost", party_id), "party", party_id, parties) and (
                    party_id not in bound
                ):
                    c.add(
                        (*base, "cost", party_id),
                        f"{party_id} is not bound by this option, so it cannot pay for it; "
                        f"add it to 'binds' or remove the cost",
                    )
            for ti, tag in enumerate(option.tags):
                c.known((*base, "tags", ti), "tag", tag, tags)

    for pi, principle in enumerate(s.principles):
        c.known(("principles", pi, "party"), "party", principle.party, parties)
        for ti, tag in enumerate(principle.tags):
            c.known(("principles", pi, "tags", ti), "tag", tag, tags)

    for gi, group in enumerate(s.domestic_groups):
        c.known(("domestic_groups", gi, "party"), "party", group.party, parties)
        for si, stance in enumerate(group.stances):
            if stance.tag is not None:
                c.known(("domestic_groups", gi, "stances", si, "tag"), "tag", stance.tag, tags)
            if stance.option is not None:
                c.known(
                    ("domestic_groups", gi, "stances", si, "option"),
                    "option",
                    stance.option,
                    options,
                )
    for pi, party in enumerate(s.parties):
        if not any(g.party == party.id for g in s.domestic_groups):
            c.add(
                ("parties", pi),
                f"party {party.id} has no domestic group, so it cannot ratify; add one to "
                "domestic_groups",
            )

    pairs: dict[frozenset[str], int] = {}
    for di, dyad in enumerate(s.dyads):
        a, b = dyad.parties
        ok = all(
            c.known(("dyads", di, "parties", k), "party", p, parties) for k, p in ((0, a), (1, b))
        )
        if a == b:
            c.add(("dyads", di, "parties"), "a dyad joins two different parties")
        if dyad.trust >= s.wendt.cooperative_from and dyad.stage < 3:
            c.add(
                ("dyads", di, "trust"),
                f"trust {dyad.trust:g} would make {a}-{b} cooperative, but a dyad becomes "
                f"cooperative only after all three levels of transformation: set stage: 3 or "
                f"trust below {s.wendt.cooperative_from:g}",
            )
        elif ok:
            key = frozenset((a, b))
            if key in pairs:
                c.add(
                    ("dyads", di, "parties"),
                    f"dyad {a}-{b} is defined twice (see dyads.{pairs[key]})",
                )
            pairs[key] = di
    ids = [p.id for p in s.parties]
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            if frozenset((a, b)) not in pairs and len(set(ids)) == len(ids):
                c.add(
                    ("dyads",),
                    f"no dyad for {a}-{b}; every pair of parties needs trust and a stage",
                )

    previous = None
    for ri, rnd in enumerate(s.rounds):
        if not s.start <= rnd.date <= s.deadline:
            c.add(
                ("rounds", ri, "date"),
                f"{rnd.date} lies outside the scenario ({s.start} to {s.deadline})",
            )
        if previous is not None and rnd.date <= previous:
            c.add(
                ("rounds", ri, "date"),
                f"rounds must be in date order; {rnd.date} is not after {previous}",
            )
        previous = rnd.date

    for ei, event in enumerate(s.events):
        if not s.start <= event.date <= s.deadline:
            c.add(
                ("events", ei, "date"),
                f"{event.date} lies outside the scenario ({s.start} to {s.deadline})",
            )
        for fi, effect in enumerate(event.effects):
            base = ("events", ei, "effects", fi)
            if isinstance(effect, PriorityEffect | AttentionEffect | ReservationEffect):
                c.known((*base, "party"), "party", effect.party, parties)
            if isinstance(effect, PriorityEffect):
                c.known((*base, "threat"), "threat", effect.threat, threats)
            if isinstance(effect, TrustEffect | StageEffect):
                a, b = effect.dyad
                for k, p in ((0, a), (1, b)):
                    c.known((*base, "dyad", k), "party", p, parties)
                if a == b:
                    c.add((*base, "dyad"), "a dyad joins two different parties")
            if isinstance(effect, ApprovalEffect):
                c.known((*base, "group"), "domestic group", effect.group, groups)
        for wi, cond in enumerate(event.when):
            base = ("events", ei, "when", wi)
            if isinstance(cond, TrustBelow | TrustAbove):
                for k, p in enumerate(cond.dyad):
                    c.known((*base, "dyad", k), "party", p, parties)
            if isinstance(cond, ApprovalBelow):
                c.known((*base, "group"), "domestic group", cond.group, groups)
            if isinstance(cond, AttentionBelow):
                c.known((*base, "party"), "party", cond.party, parties)
    return c.problems
