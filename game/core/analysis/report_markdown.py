"""The class debrief written out as Markdown: what `report SAVE` prints and the debrief screen
shows (charts are Unicode in code blocks, so they read the same on paper, on a projector and in
the terminal)."""

from __future__ import annotations

import itertools
import re

from game.core.analysis.charts import count_bar, sparkline
from game.core.analysis.class_report import ClassReport
from game.core.analysis.constraints import Constraint
from game.core.analysis.debrief import unpassable
from game.core.analysis.outcomes import outcome_text
from game.core.analysis.record import Refusal, Tabled
from game.core.analysis.report_paths import paths_section
from game.core.engine.numbers import (
    difference,
)
from game.core.engine.wording import (
    cause_words,
    counted,
    deal_kind,
    efficient,
    every_country,
    joined,
    possessive,
)
from game.core.scenario.model import Scenario

ZONE_WIDTH = 30
"""Cells of the zone-of-agreement bars (with the labels, a line stays under 80 columns)."""


def to_markdown(report: ClassReport, what_if: str = "") -> str:
    """The whole debrief; `what_if` adds a paragraph comparing simulated continuations."""
    parts = [
        _head(report),
        _outcome(report),
        _package(report),
        _refusals(report),
        _constraints(report),
        _zone(report),
        paths_section(report),
        _dyads(report),
        _possible(report),
        _what_if(what_if),
        _timeline(report),
        _questions(report),
    ]
    return "\n\n".join(p.strip() for p in parts if p.strip()) + "\n"


def _name(s: Scenario, party: str) -> str:
    return s.party(party).name


def _group_reason(s: Scenario, c: Constraint) -> str:
    """The reason a group at home gave, for a constraint that is that group ("" otherwise)."""
    if c.kind != "domestic":
        return ""
    name = c.label.removeprefix("At home: ")
    group = next((g for g in s.domestic_groups if g.party == c.party and g.name == name), None)
    if group is None or not group.reason:
        return ""
    return f"Their reason: {group.reason.rstrip('.')}{_src(group.reason_source or group.source)}"


def _src(source: str) -> str:
    return f" [{source}]" if source else ""


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "/").replace("\n", " ")


def _head(report: ClassReport) -> str:
    state = report.state
    s = state.scenario
    people = ", ".join(_name(s, p) for p in report.humans) or "the computer at every seat"
    lines = [
        f"# Debrief: {s.title}",
        "",
        f"Scenario `{s.id}`, seed {state.seed}, {state.difficulty} difficulty; played by: "
        f"{people}.",
    ]
    if state.disabled_causes:
        lines.append(
            f"A *what if* game: it ran without the events of {cause_words(state.disabled_causes)}."
        )
    if not state.finished:
        lines.append("The game is not over: this reads it as it stands.")
    if s.reference:
        lines.append(f"Built from: {s.reference}")
    return "\n".join(lines)


def _outcome(report: ClassReport) -> str:
    s = report.state.scenario
    d = report.debrief
    # A game not over is read as it stands: its outcome is the one so far.
    label = "Outcome" if report.state.finished else "Outcome so far"
    deal = d.deal.package if d.deal else None
    lines = [
        "## The outcome against history",
        "",
        f"**{label}:** {outcome_text(s, d.outcome, deal)}.",
    ]
    if d.lapse is not None:
        lapse = d.lapse
        why = "; ".join(lapse.reasons) or lapse.text
        # The reasons may carry the section already (a group's stated reason does).
        cited = "" if f"[{lapse.source}]" in why else _src(lapse.source)
        lines.append(
            f"The partnership lapsed on {lapse.date}: {_name(s, lapse.party)} walked away "
            f"({why}){cited}."
        )
    if s.history.strip():
        lines += ["", "### What actually happened", "", s.history.strip()]
    verdict = _verdict(s.theory)
    if verdict:
        noun = s.source_noun
        lines += [
            "",
            f"### {possessive(noun[:1].upper() + noun[1:])} verdict and forecast",
            "",
            verdict,
        ]
    return "\n".join(lines)


def _verdict(theory: str) -> str:
    """The paragraphs of the theory card that give the chapter's conclusion and forecast."""
    paragraphs = re.split(r"\n\s*\n", theory)
    wanted = [
        p.strip()
        for p in paragraphs
        if re.match(r"\*\*(conclusion|forecast|verdict)", p.strip(), re.IGNORECASE)
    ]
    return "\n\n".join(wanted)


def _changes_table(s: Scenario, tabled: Tabled) -> list[str]:
    if not tabled.changes:
        return ["No change from the status quo on any issue."]
    lines = ["| Issue | Option | Section |", "|---|---|---|"]
    for c in tabled.changes:
        lines.append(f"| {_cell(c.issue)} | {_cell(c.option)} | {_cell(c.source)} |")
    return lines


def _package(report: ClassReport) -> str:
    s = report.state.scenario
    d = report.debrief
    final = d.package
    if final is None:
        lines = ["## What was on the table", "", "Nothing was ever put on the table."]
    else:
        t = final.tabled
        scope = joined([_name(s, p) for p in t.scope])
        by = f"tabled by {_name(s, t.proposer)} on {t.date}" if t.proposer else f"of {t.date}"
        # A game not over is read as it stands: what is on the table is there now.
        when = "at the end" if report.state.finished else "now"
        fate = {
            "signed": "signed and backed at home",
            "rejected": "rejected",
            "blocked": f"sunk at home and still on the table {when}",
            "open": f"still on the table {when}, accepted by "
            + (", ".join(_name(s, p) for p in final.accepted) or "no one"),
        }[final.fate]
        everyone = len(t.scope) == len(s.party_ids)
        if final.fate == "signed" and everyone:
            title, lead = "What was signed", ""
        else:
            title = "What was on the table"
            lead = "" if everyone else f"No {deal_kind(s)} package was ever tabled. "
        lines = [f"## {title}", "", f"{lead}The last package, between {scope}, {by}: {fate}."]
        lines.append("")
        lines += _changes_table(s, t)
    lines += [
        "",
        "Each country's result against its reservation value (what it has without a deal):",
        "",
        "| Country | Result | Reservation | Gain | Verdict |",
        "|---|---:|---:|---:|---|",
    ]
    for r in d.results:
        verdict = d.parties[r.party].verdict
        lines.append(
            f"| {_name(s, r.party)} | {r.score:.1f} | {r.reservation:.1f} "
            f"| {difference(r.score, r.reservation)} "
            f"| {verdict} |"
        )
    for side in d.side_deals:
        if final is not None and side.tabled is final.tabled:
            continue
        pair = joined([_name(s, p) for p in side.tabled.scope])
        moved = "; ".join(f"{c.issue}: {c.option}" for c in side.tabled.changes) or "no change"
        lines.append(f"\nAlso signed, between {pair} on {side.date}: {moved}.")
    return "\n".join(lines)


def _refusal_line(s: Scenario, r: Refusal) -> str:
    who = _name(s, r.party)
    if r.countered:
        did = f"{who} refused it to table its own"
    elif r.kind == "blocked":
        # Groups at home sink a package: the chapter describes opposition, not votes.
        did = f"{possessive(who)} groups at home sank it"
    else:
        did = f"{who} refused it"
    by = _name(s, r.offer.proposer) if r.offer.proposer else "a partner"
    prefix = f"{_name(s, r.party)}: "
    reasons = (
        "; ".join(f"{x.text.removeprefix(prefix)}{_src(x.source)}" for x in r.reasons)
        or "no reason given"
    )
    choice = ""
    if r.could_accept:
        choice = (
            " (it could have accepted: it held out for more)"
            if r.held_out
            else " (it could have accepted)"
        )
    line = f"- Round {r.round + 1} ({r.date}): {did}{choice}, the package {by} tabled: {reasons}."
    if r.kind == "blocked":
        blocker = next((c for c in r.against if c.kind == "domestic" and c.blocks), None)
        reason = _group_reason(s, blocker) if blocker else ""
        if reason:
            line += f" {reason}."
    return line


def _refusals(report: ClassReport) -> str:
    s = report.state.scenario
    d = report.debrief
    if not d.refusals and d.empty_zone is None:
        return ""
    lines = ["## Why there is no deal", ""]
    lines += [_refusal_line(s, r) for r in d.refusals]
    if d.empty_zone is not None:
        lines += [""] if d.refusals else []
        lines.append(f"No package could have passed {unpassable(d)}.")
        if d.package is not None:
            # What bound each country is read against the package on the table: what left
            # no package at all is said here.
            lines += [""] if d.empty_zone.reasons else []
            lines += [f"- {r.text}{_src(r.source)}" for r in d.empty_zone.reasons]
    return "\n".join(lines)


def _constraint_line(s: Scenario, c: Constraint) -> str:
    how = "rules the package out" if c.blocks else f"{c.points:.1f} points"
    detail = f": {c.detail}" if c.detail else ""
    reason = _group_reason(s, c)
    return f"{c.label} ({how}){detail}{_src(c.source)}" + (f". {reason}" if reason else "")


def _constraints(report: ClassReport) -> str:
    s = report.state.scenario
    lines = ["## What bound each country", ""]
    empty = report.debrief.empty_zone
    if report.debrief.package is None:
        # Nothing to be held back from: what left no package, where nothing could pass.
        if empty is None:
            lines.append("Nothing was tabled, so nothing held any country back.")
        elif empty.reasons:
            every = every_country(s)
            lines += [
                f"Nothing was tabled. What left no package {every} would accept and back at "
                f"home {report.debrief.empty_at}:",
                "",
                *(f"- {r.text}{_src(r.source)}" for r in empty.reasons),
            ]
        else:
            lines.append(f"Nothing was tabled; {report.debrief.empty_at}, {empty.summary}.")
    else:
        ended = "as the game ended" if report.state.finished else "as the game stands"
        lines.append(
            f"Against the package signed or last on the table, {ended}: what blocks it "
            "outright first, then by the points it cost."
        )
    for p in s.party_ids if report.debrief.package is not None else ():
        found = report.constraints.get(p, ())
        lines += ["", f"**{_name(s, p)}**", ""]
        if not found:
            lines.append("- Nothing held it back.")
        lines += [f"{n}. {_constraint_line(s, c)}" for n, c in enumerate(found, 1)]
    if report.red_lines:
        lines += [
            "",
            "Red lines, by how much of the agenda they rule out:",
            "",
            "| Country | Red line | Packages ruled out | Share | Section |",
            "|---|---|---:|---:|---|",
        ]
        for r in report.red_lines:
            lines.append(
                f"| {_name(s, r.party)} | {_cell(r.name)} | {r.packages:,} | {r.share:.0%} "
                f"| {_cell(r.source)} |"
            )
    return "\n".join(lines)


def _zone(report: ClassReport) -> str:
    steps = report.zone
    if not steps:
        return ""
    most = max(z.packages for z in steps)
    width = max(len(z.label) for z in steps)
    chart = [
        f"{z.label:<{width}} {count_bar(z.packages, most, ZONE_WIDTH)} "
        f"{z.packages:,}{'' if z.exact else '+'}"
        for z in steps
    ]
    lines = [
        "## The zone of agreement, round by round",
        "",
        f"How many packages {every_country(report.state.scenario)} would have accepted and "
        "backed at home (the game's measure, a design choice of the scenario: "
        f"{report.state.scenario.source_noun} counts no packages).",
        "",
        "```",
        *chart,
        "```",
        "",
    ]
    for before, z in itertools.pairwise(steps):
        moved = [f"{what}{_src(source)}" for what, source in z.moved]
        if z.packages == before.packages and (not moved or z.packages == 0):
            continue  # nothing moved, or nothing was left to move
        change = z.packages - before.packages
        lines.append(
            f"- {z.label}: {change:+,} ({before.packages:,} to {z.packages:,})"
            + (f" after {'; '.join(moved)}" if moved else "")
        )
    if not all(z.exact for z in steps):
        lines.append("\n`+`: the count stopped at the search's limit; there are more.")
    return "\n".join(lines)


def _dyads(report: ClassReport) -> str:
    s = report.state.scenario
    whose = "The chapter's" if s.from_the_chapter else "The"  # another work may not name them
    lines = [
        "## Trust and the levels of transformation",
        "",
        f"{whose} three levels (breakdown of consensus, critical examination, new practices) "
        "and Wendt's security systems; trust is the game's measure of them.",
        "",
        "| Pair | Trust by round | Trust | Levels passed | System |",
        "|---|---|---|---:|---|",
    ]
    for d in report.dyads:
        pair = "–".join(_name(s, p) for p in d.parties)
        first = d.steps[0] if d.steps else d.end
        trend = sparkline([x.trust for x in d.steps] + [d.end.trust])
        system = (
            d.end.system if first.system == d.end.system else f"{first.system} → {d.end.system}"
        )
        lines.append(
            f"| {pair} | `{trend}` | {first.trust:.0f} → {d.end.trust:.0f} | "
            f"{d.end.stage} of 3 | {system} |"
        )
    return "\n".join(lines)


def _possible(report: ClassReport) -> str:
    s = report.state.scenario
    d = report.debrief
    f = d.frontier
    lines = ["## The deal against what was possible", ""]
    lines.append(f"{efficient(len(f.points))} ({f.method}).")
    if not f.exact:
        lines.append(
            f"The agenda is too large to search completely: every efficient package is "
            f"within {f.bound:.1f} points, for every party, of one found."
        )
    if d.nash is not None:
        shares = ", ".join(
            f"{_name(s, p)} {u:.1f}" for p, u in zip(d.nash.scope, d.nash.scores, strict=True)
        )
        lines.append(f"The Nash bargaining package would have given: {shares}.")
    else:
        by = "By the end" if report.state.finished else "So far"
        lines.append(f"{by}, no package beat the reservation values of {every_country(s)}.")
    if d.distance_to_frontier is not None:
        near = f"The deal lies {d.distance_to_frontier:.1f} points from the frontier"
        if d.distance_to_nash is not None:
            near += f" and {d.distance_to_nash:.1f} from the Nash package"
        lines.append(near + ".")
    if d.package is not None:
        lines.append("")
        lines.append(_closest(report))
    return "\n".join(lines)


def _closest(report: ClassReport) -> str:
    s = report.state.scenario
    final = report.debrief.package
    assert final is not None
    near, changed = report.closest, report.closest_changes
    everyone = every_country(s)
    what = _what(s, final.tabled, final.fate)
    when = _judged(report)
    if near is None or changed is None:
        return (
            f"{when}, no package within three issues of {what} would have been accepted and "
            f"backed at home by {everyone}."
        )
    if changed == 0:
        return f"{when}, {what} was one {everyone} would accept and back at home."
    scores = ", ".join(
        f"{_name(s, p)} {u:.1f}" for p, u in zip(near.scope, near.scores, strict=True)
    )
    moves = [
        f"{issue.name}: {issue.options[k].label}"
        for issue, k, was in zip(s.issues, near.package, final.tabled.package, strict=True)
        if k != was
    ]
    return (
        f"{when}, the closest package {everyone} would have accepted and backed at home "
        f"changed {counted(changed, 'issue')} of {what}: {'; '.join(moves)} (scores {scores})."
    )


def _what(s: Scenario, tabled: Tabled, fate: str) -> str:
    """The package signed or last on the table, in words (its scope when it leaves one out)."""
    if len(tabled.scope) < len(s.party_ids):
        return f"the last package (between {joined([_name(s, p) for p in tabled.scope])})"
    return "the package signed" if fate == "signed" else "the last package on the table"


def _judged(report: ClassReport) -> str:
    """When the closest acceptable package was judged, opening a sentence."""
    n = report.closest_opened
    if n is None:
        return "Just before it was tabled"
    return f"As round {n + 1} ({report.state.scenario.rounds[n].date.isoformat()}) opened"


def _what_if(paragraph: str) -> str:
    return f"## What if\n\n{paragraph}" if paragraph else ""


def _timeline(report: ClassReport) -> str:
    s = report.state.scenario
    lines = ["## Timeline", ""]
    for e in report.timeline:
        if e.kind in ("round", "pass"):
            continue
        # The log names the party in most lines; add it where it does not.
        named = e.party is None or e.text.startswith(_name(s, e.party))
        who = "" if named or e.party is None else f"{_name(s, e.party)}: "
        lines.append(f"- **Round {e.round}, {e.date}** ({e.kind}) {who}{e.text}{_src(e.source)}")
        lines += [f"  - {reason}" for reason in e.reasons]
    return "\n".join(lines)


def _questions(report: ClassReport) -> str:
    lines = ["## Questions for discussion", ""]
    lines += [f"{n}. {q}" for n, q in enumerate(report.questions, 1)]
    return "\n".join(lines)
