"""Discussion questions drawn from what happened in one game, for the class debrief.

Each rule looks for a moment worth discussing (a refusal on a red line, a vote lost at home, a
lapse, a zone of agreement that collapsed after an event, a deal left on the table, a
partnership far from the Nash bargain, a pair of countries stuck in distrust) and asks about
it in the game's own facts, with the chapter section where there is one. The most telling
moments come first; a general question about history fills in when a game had few.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from game.core.analysis.debrief import Debrief
from game.core.analysis.record import Record, Refusal
from game.core.analysis.report_parts import DyadPath, ZoneStep
from game.core.engine.state import State
from game.core.engine.wording import (
    counted,
    deal_kind,
    every_country,
    in_sentence,
    joined,
    possessive,
)
from game.core.scenario.model import Scenario

MOST = 5
LEAST = 3


def questions(
    state: State,
    summary: Debrief,
    record: Record,
    zones: Sequence[ZoneStep],
    dyads: Sequence[DyadPath],
    closest_changes: int | None,
) -> tuple[str, ...]:
    """Three to five questions, the most telling first, none repeated."""
    s = state.scenario
    found: list[str] = []
    rules: list[Iterator[str]] = [
        _red_lines(s, record.refusals),
        _votes_at_home(s, record.refusals),
        _lapse(s, summary),
        _zone_collapse(s, zones),
        _left_on_table(s, summary, zones, closest_changes),
        _far_from_nash(s, summary),
        _held_out(s, record.refusals),
        _distrust(s, dyads),
    ]
    for rule in rules:
        for question in rule:
            if question not in found:
                found.append(question)
                break  # one question per rule, so that the set ranges over the game
        if len(found) == MOST:
            break
    for question in _general(s, summary):
        if len(found) >= LEAST:
            break
        found.append(question)
    return tuple(found)


def _name(s: Scenario, party: str) -> str:
    return s.party(party).name


def _section(source: str) -> str:
    return f" [{source}]" if source else ""


def _red_lines(s: Scenario, refusals: Sequence[Refusal]) -> Iterator[str]:
    """A package refused because it crossed a red line: could the proposer's goals be met
    without what crossed it?"""
    for r in refusals:
        line = next((c for c in r.against if c.kind == "red_line"), None)
        if line is None or r.kind != "rejected":
            continue
        principle = line.label.removeprefix("Red line: ")
        proposer = _name(s, r.offer.proposer) if r.offer.proposer else "its proposer"
        yield (
            f"{_name(s, r.party)} refused the package {proposer} tabled in round "
            f"{r.round + 1} ({r.date}) because it crossed its red line on "
            f"{principle}{_section(line.source)}. Was there a package that met "
            f"{possessive(proposer)} goals without it?"
        )


def _votes_at_home(s: Scenario, refusals: Sequence[Refusal]) -> Iterator[str]:
    """A package sunk at home: what would have won the group over, at what price?"""
    for r in refusals:
        if r.kind != "blocked":
            continue
        reason = r.reasons[0] if r.reasons else None
        words = reason.text.removeprefix(f"{_name(s, r.party)}: ") if reason else ""
        why = f" ({words}{_section(reason.source)})" if reason else ""
        yield (
            f"In round {r.round + 1} the package was sunk at home in "
            f"{_name(s, r.party)}{why}. What could have won those groups over, and what would "
            f"it have cost the other countries?"
        )


def _lapse(s: Scenario, summary: Debrief) -> Iterator[str]:
    """A partnership signed and then left to lapse: for too little value, or for want of
    support at home."""
    lapse = summary.lapse
    if lapse is None:
        return
    titles = {e.title for e in s.events}
    events = [in_sentence(e.title) for e in lapse.events if e.title in titles]
    after = f", after {joined(events)}" if events else ""
    who = _name(s, lapse.party)
    opening = f"{who} let the partnership lapse on {lapse.date}{after}."
    if lapse.cause == "home":
        yield (
            f"{opening} Its groups at home no longer backed it{_section(lapse.source)}. Could "
            f"the partners have kept it alive, or was a signed deal without support at home "
            f"bound to fail?"
        )
        return
    yield (
        f"{opening} The deal was worth less to {who} than it needed, though its groups at "
        f"home still backed it{_section(lapse.source)}. What could the partners have offered to "
        f"keep it in the partnership?"
    )


def _zone_collapse(s: Scenario, zones: Sequence[ZoneStep]) -> Iterator[str]:
    """The sharpest fall of the zone of agreement, with what came before it: the events, the
    delayed consequences of earlier actions and the players' acts (as the zone section has
    them)."""
    falls = [
        (before.packages - after.packages, before, after)
        for before, after in itertools.pairwise(zones)
        if after.moved and after.packages < before.packages
    ]
    falls.sort(key=lambda f: -f[0])
    for _, before, after in falls:
        moved = "; ".join(f"{what}{_section(source)}" for what, source in after.moved)
        yield (
            f"The zone of agreement fell from {before.packages:,} to {after.packages:,} "
            f"packages by {after.label}, after {moved}. Which obstacle of {s.source_noun} does "
            f"this stand for, and could the players have widened the zone again?"
        )


def _left_on_table(
    s: Scenario, summary: Debrief, zones: Sequence[ZoneStep], closest_changes: int | None
) -> Iterator[str]:
    """No deal among every country although packages every country would have accepted and
    backed existed (a side deal between fewer may have been signed)."""
    if summary.deal is not None or len(zones) < 2:
        return
    last = zones[-2]  # the last round as it opened
    if last.packages <= 0:
        return
    everyone = every_country(s)
    final = summary.package
    near = ""
    # Only a package among every country, not signed, is one left on the table.
    if (
        closest_changes
        and final is not None
        and final.fate != "signed"
        and len(final.tabled.scope) == len(s.party_ids)
    ):
        near = (
            f" Just before it was tabled, the last package on the table was "
            f"{counted(closest_changes, 'issue')} away from one {everyone} would have "
            "accepted."
        )
    yield (
        f"When {last.label} opened, {counted(last.packages, 'package')} would have been "
        f"accepted and backed at home in {everyone}, yet no {deal_kind(s)} package was "
        f"signed.{near} What kept the parties from finding one?"
    )


def _far_from_nash(s: Scenario, summary: Debrief) -> Iterator[str]:
    """A deal that gave some party much less than the Nash bargaining package would have."""
    deal, nash = summary.deal, summary.nash
    if deal is None or nash is None or summary.lapse is not None:
        return
    losses = [(n - d, p) for p, d, n in zip(deal.scope, deal.scores, nash.scores, strict=True)]
    loss, party = max(losses)
    if loss < 5.0:
        return
    yield (
        f"The deal gave {_name(s, party)} {loss:.0f} points less than the Nash bargaining "
        f"package would have. Did it concede too much, and why?"
    )


def _held_out(s: Scenario, refusals: Sequence[Refusal]) -> Iterator[str]:
    """A package a party could have accepted and carried at home, refused to hold out."""
    for r in refusals:
        if r.held_out and r.kind == "rejected":
            yield (
                f"In round {r.round + 1} {_name(s, r.party)} turned down a package it could "
                f"have accepted and carried at home, holding out for more. Was that a good bet?"
            )


def _distrust(s: Scenario, dyads: Sequence[DyadPath]) -> Iterator[str]:
    """The pair that ended least trusting, when it never became cooperative."""
    for path in sorted(dyads, key=lambda d: d.end.trust):
        if path.end.system == "cooperative":
            continue
        a, b = (_name(s, p) for p in path.parties)
        yield (
            f"{a} and {b} ended at trust {path.end.trust:.0f}, {path.end.system}, with "
            f"{path.end.stage} of the three levels of transformation passed. What would it "
            f"take to move them towards a cooperative system?"
        )


def _general(s: Scenario, summary: Debrief) -> Iterator[str]:
    """Questions any game raises, to make up the number."""
    if s.history.strip():
        yield (
            "How does this outcome compare with what actually happened, and which of "
            f"{possessive(s.source_noun)} causes made the difference?"
        )
    yield (
        "Which constraint, if it were lifted, would have changed the outcome most: a red line, "
        "a group at home, distrust, or a leader's attention?"
    )
    yield "Which move of the game would you make differently, and what would you expect then?"
