"""The country briefing: a summary that fits one 80x24 screen, and the full briefing.

The summary answers four questions in this order: what you want, what you cannot accept, who
can sink a deal at home, whom you trust. Every fact keeps its chapter section pointer where the
line has room; an asterisk marks what is the scenario author's design choice.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text

from game.core.engine.numbers import figures
from game.core.engine.scoring import PartyScore
from game.core.engine.wording import possessive
from game.core.game import SeatView
from game.core.scenario.agenda import Issue
from game.core.scenario.lookups import (
    Placed,
    binds,
    group_reactions,
    principle_options,
    stance_options,
)
from game.core.scenario.model import Scenario
from game.core.scenario.parties import DomesticGroup, Principle, Priority
from game.ui.render.briefing_world import agenda_described, described, threats_described
from game.ui.render.marks import bar, clip

DESIGN = "*"
"""Marks a number or a link that is the scenario author's design choice (the legend says so)."""


def legend(scenario: Scenario) -> str:
    """What the design mark means, naming the work the scenario is built from."""
    return f"{DESIGN} the scenario author's design choice, not a fact from {scenario.source_noun}"


HEADINGS = (
    "What you want: your gravest threats, and the options worth most to you",
    "What you cannot accept",
    "Who can sink a deal at home",
    "Whom you trust",
)
"""The summary's four parts, in the order a negotiator needs them."""

THREATS_SHOWN = 3
OPTIONS_SHOWN = 2
PRINCIPLES_SHOWN = 2


@dataclass(frozen=True)
class Valued:
    """An option with what it adds to your score when it alone leaves the status quo."""

    placed: Placed
    gain: float
    score: PartyScore


def option_values(view: SeatView) -> list[Valued]:
    """Every option that binds the seat and changes something, best for it first.

    The value is the seat's own score (through its view) of the status quo with that one
    option swapped in, so it counts threats, costs, principles, distrust and home at once.
    """
    base = view.score(view.status_quo).total
    values = []
    for i, issue in enumerate(view.scenario.issues):
        for k, option in enumerate(issue.options):
            if option.status_quo or not binds(option, view.party):
                continue
            package = (*view.status_quo[:i], k, *view.status_quo[i + 1 :])
            score = view.score(package)
            values.append(Valued(Placed(issue, option), score.total - base, score))
    return sorted(values, key=lambda v: -v.gain)


def named(placed: Placed, short: bool = False) -> str:
    """An option as the agenda shows it, "Issue: label" (the issue's short name on request),
    marked when the option is the author's design; never its ISSUE.OPTION id."""
    issue: Issue = placed.issue
    mark = DESIGN if placed.option.inferred else ""
    return f"{(issue.short or issue.name) if short else issue.name}: {placed.option.label}{mark}"


def fit(
    width: int,
    main: Text | str,
    extra: str = "",
    source: str = "",
    *,
    whole: bool = False,
    indent: int = 2,
) -> Text:
    """One summary line: `main` (clipped only when nothing else fits), then the chapter pointer
    when there is room (its first section if not all of it), with as much of `extra` before
    it as fits; a stub of `extra` too short to read is left out, and with `whole` the extra is
    kept whole before the pointer (or shown alone) or not at all."""
    line = Text(" " * indent) + (Text(main) if isinstance(main, str) else main)
    room = width - line.cell_len
    if room < 0:
        line.truncate(width, overflow="ellipsis")
        return line
    tags = [f" [{source}]", f" [{source.split(';')[0].strip()}]"] if source else []
    need = len(extra) if whole else min(len(extra), 16)
    if whole and extra and not any(len(t) + need <= room for t in tags):
        tags = [""]
    for tag in tags:
        if len(tag) + need <= room:
            return line.append(clip(extra, room - len(tag))).append(tag, style="dim")
    for tag in tags:
        if len(tag) <= room:
            return line.append(tag, style="dim")
    if need <= room:
        line.append(clip(extra, room))
    return line


def figure_of(prio: Priority) -> str:
    """The survey datum of a priority without the survey item's name it usually repeats."""
    figure = " ".join(prio.figure.split())
    return figure.split(": ", 1)[1] if ": " in figure.split(";")[0] else figure


def _my_principles(view: SeatView) -> list[Principle]:
    return [p for p in view.scenario.principles if p.party == view.party]


Part = tuple[list[Text], bool]
"""Lines of one part of the summary, and whether any of them carries the design mark."""


def summary(view: SeatView, width: int) -> Text:
    """The briefing in one screen at 80x24: want, cannot accept, home, trust."""
    lines: list[Text] = []
    design = False
    for part in (_want, _cannot_accept, _home, _trust):
        more, marked = part(view, width)
        lines += more
        design |= marked
    if design:
        lines.append(Text(clip(legend(view.scenario), width), style="dim italic"))
    if _after_opening_events(view):
        said = "These numbers are as they stand now, after the events that opened the game."
        lines.append(Text(clip(said, width), style="dim italic"))
    return Text("\n").join(lines)


def _after_opening_events(view: SeatView) -> bool:
    """Whether events came before the country's first turn (a scenario may date some on its
    first day): its briefing's numbers already count them."""
    moved = any(e.party == view.party for e in view.log if e.kind not in ("event", "round"))
    return not moved and any(e.kind == "event" for e in view.log)


def _heading(text: str, width: int) -> Text:
    return Text(clip(text, width), style="bold underline")


def _want(view: SeatView, width: int) -> Part:
    """The gravest threats with their figures, then the best option on the issues worth most."""
    s, me = view.scenario, view.scenario.party(view.party)
    lines, design = [_heading(HEADINGS[0], width)], False
    ranked = sorted(me.priorities.items(), key=lambda kv: -kv[1].weight)[:THREATS_SHOWN]
    for threat_id, prio in ranked:
        design |= prio.inferred
        mark = DESIGN if prio.inferred else " "
        main = (
            Text()
            .append(f"{prio.weight:3.0f}{mark} ", style="bold")
            .append(s.threat(threat_id).name)
        )
        extra = f": {figure_of(prio)}" if prio.figure else ""
        lines.append(fit(width, main, extra, prio.source))
    best: dict[str, Valued] = {}
    for v in option_values(view):
        # One option per issue: a package can hold only one, so a runner-up on the same issue
        # says less than the best option on the next issue.
        if v.gain > 0 and not v.score.red_lines:
            best.setdefault(v.placed.issue.id, v)
    for v in list(best.values())[:OPTIONS_SHOWN]:
        design |= v.placed.option.inferred
        main = (
            Text().append(f"+{v.gain:.1f} pts ", style="bold green").append(named(v.placed, True))
        )
        lines.append(fit(width, main, source=v.placed.option.source))
    return lines, design


def _cannot_accept(view: SeatView, width: int) -> Part:
    """Red lines with the options that cross them (the heaviest penalties when there are
    none), then the least a package must be worth."""
    s, me = view.scenario, view.scenario.party(view.party)
    lines, design = [_heading(HEADINGS[1], width)], False
    principles = sorted(_my_principles(view), key=lambda p: (not p.red_line, -p.penalty))
    shown = [p for p in principles if p.red_line]
    if not shown:
        # Without red lines, the heaviest penalties are the nearest thing to one.
        lines.append(fit(width, _no_red_line(view)))
        shown = principles
    # Principles that hit the same options share a line: two of Canada's in smart-border-2001
    # read as one line twice, their names cut off.
    same: dict[tuple[bool, str], list[Principle]] = {}
    for pr in shown:
        hits = "; ".join(named(p, True) for p in principle_options(s, pr)) or "no option"
        same.setdefault((pr.red_line, hits), []).append(pr)
    for (red_line, hits), together in list(same.items())[:PRINCIPLES_SHOWN]:
        inferred = all(pr.inferred for pr in together)
        design |= inferred
        names = "; ".join(pr.name for pr in together)
        sections = (x.strip() for pr in together for x in pr.source.split(";"))
        if red_line:
            main = Text().append("✘ red line: ", style="bold red").append(hits)
        else:
            main = Text().append("– costs you points: ", style="yellow").append(hits)
        mark = DESIGN if inferred else ""
        lines.append(fit(width, main, f" ({names}){mark}", "; ".join(dict.fromkeys(sections))))
    needed, _, summed = _need_words(view)
    main = Text().append("✘ ", style="bold red").append(f"any package worth under {needed} to you")
    extra = f" (no deal: {summed})"
    lines.append(fit(width, main, extra, me.reservation.source, whole=True))
    return lines, design


def _home(view: SeatView, width: int) -> Part:
    """Every group that objects to some option: its weight, approval and what it opposes most."""
    s, me = view.scenario, view.scenario.party(view.party)
    support = sum(share * approval for _, _, share, approval in view.approval())
    # "Support", not "ratify": the chapter describes opposition at home, not votes.
    title = (
        f"{HEADINGS[2]}: a deal needs {me.ratification_threshold:.0f} of weighted support "
        f"(now {support:.0f})"
    )
    lines, design = [_heading(title, width)], False
    for group_id, name, share, approval in view.approval():
        group = s.group(group_id)
        against, inferred = _against(view, group)
        if not against:
            continue
        design |= inferred
        main = (
            Text()
            .append(name, style="bold")
            .append(f" weight {share:.0%}, approval {approval:.0f}")
        )
        # The chapter's own words for the group's opposition, whole and with their section
        # where the line has room (a quote cut short would put words in the chapter's mouth);
        # the full briefing always has them.
        said, source = f": {reason_words(group)}", reason_source(group)
        room = width - 2 - main.cell_len - len(f" [{source}]")
        if not group.reason or len(said) > room:
            said, source = "", group.source
        lines.append(fit(width, main, said, source))
        lines.append(_against_line(width, against))
    return lines, design


def _trust(view: SeatView, width: int) -> Part:
    """Each partner: trust and Wendt's label for the relationship."""
    s = view.scenario
    lines = [_heading(HEADINGS[3], width)]
    for other in s.parties:
        if other.id == view.party:
            continue
        now = view.dyad(other.id)
        dyad = next(d for d in s.dyads if set(d.parties) == {view.party, other.id})
        standing = f"{now.trust:.0f}/100, {now.system}"
        # A long name gives way, never the numbers (the line's indent is 2 columns).
        name = clip(other.name, width - 2 - len(": ") - len(standing))
        main = Text().append(f"{name}: ", style="bold").append(standing)
        lines.append(fit(width, main, "", dyad.source))
    return lines, False


def reason_words(group: DomesticGroup) -> str:
    """A group's stated reason on one line (the chapter's words, quoted in the scenario)."""
    return " ".join(group.reason.split())


def reason_source(group: DomesticGroup) -> str:
    """The chapter section of a group's stated reason (the group's own, unless it says)."""
    return (group.reason_source or group.source) if group.reason else group.source


def _no_red_line(view: SeatView) -> Text:
    if _my_principles(view):
        return Text("No red line: your principles only cost you points")
    return Text("No red line: no principle of yours rules out an option")


def _against(view: SeatView, group: DomesticGroup) -> tuple[list[tuple[Placed, bool]], bool]:
    """The options that lower a group's approval, the heaviest first, each with whether only
    the author's inferred stances make the group object; and whether any does."""
    reactions = sorted(group_reactions(view.scenario, group), key=lambda r: r[1])
    items, design = [], False
    for placed, delta in reactions:
        if delta >= 0:
            continue
        hits = [
            s
            for s in group.stances
            if s.delta < 0 and placed in stance_options(view.scenario, s, group.party)
        ]
        inferred = placed.option.inferred or all(s.inferred for s in hits)
        design |= inferred
        items.append((placed, inferred))
    return items, design


def _against_line(width: int, against: list[tuple[Placed, bool]]) -> Text:
    """The two options a group opposes most, sharing the line, and "…" when there are more
    (the full briefing lists them all)."""
    line = Text("    against: ", style="red")
    shown = against[:2]
    more = "; …" if len(against) > len(shown) else ""
    share = (width - line.cell_len - len(more) - 2 * (len(shown) - 1)) // len(shown)
    items = []
    for placed, inferred in shown:
        issue = placed.issue.short or placed.issue.name
        mark = DESIGN if inferred else ""
        label = clip(placed.option.label, max(8, share - len(issue) - 2 - len(mark)))
        items.append(f"{issue}: {label}{mark}")
    return line.append("; ".join(items) + more)


# --- the full briefing -------------------------------------------------------------------


def details(view: SeatView) -> list[Text | Table]:
    """The full briefing, in parts: the country, its threats with their figures, what each
    threat is, the agenda issue by issue, guiding documents, principles with the options they
    react to, groups at home with every stance and the options it hits, partners, and the
    reservation value. The history stays hidden."""
    return [
        _head(view),
        _threats(view),
        threats_described(view.scenario),
        agenda_described(view.scenario),
        _documents(view),
        _principles(view),
        _groups(view),
        _partners(view),
    ]


def _head(view: SeatView) -> Text:
    s, me = view.scenario, view.scenario.party(view.party)
    head = Text().append(f"{me.name}", style="bold")
    if me.leader:
        head.append(f" · leader at the start: {me.leader}")
    head.append(f" · {s.title}\n", style="dim")
    head.append(" ".join(me.briefing.split()))
    head.append(f'\n{legend(s)}; so is every "design choice".', style="dim italic")
    return head


def _threats(view: SeatView) -> Table:
    s, me = view.scenario, view.scenario.party(view.party)
    table = Table(title="What your country fears", title_justify="left", expand=True, box=None)
    table.add_column("Threat")
    table.add_column("Priority", justify="right")
    table.add_column("The figure behind it")
    for threat_id, prio in sorted(me.priorities.items(), key=lambda kv: -kv[1].weight):
        figure = prio.figure or "—"
        if prio.inferred:
            figure += " (weight: design choice)"
        table.add_row(
            s.threat(threat_id).name,
            f"{bar(prio.weight, 6)} {prio.weight:.0f}",
            f"{figure} [{prio.source}]",
        )
    return table


def _documents(view: SeatView) -> Text:
    """Guiding documents; one that is also a principle is shown with the principles only."""
    me = view.scenario.party(view.party)
    principles = {p.name.casefold() for p in _my_principles(view)}
    text = Text().append("Guiding documents\n", style="bold underline")
    docs = [d for d in me.documents if d.name.casefold() not in principles]
    for doc in docs:
        text.append(f"• {doc.name}: ", style="bold")
        text.append(f"{' '.join(doc.summary.split())} [{doc.source}]\n")
    if not docs:
        text.append("The scenario names no guiding document besides your principles.\n")
    return text


def _principles(view: SeatView) -> Text:
    s = view.scenario
    text = Text().append("Your principles: what your score reacts to\n", style="bold underline")
    for pr in _my_principles(view):
        kind = (
            "RED LINE"
            if pr.red_line
            else f"penalty {pr.penalty:g} point{'' if pr.penalty == 1 else 's'}"
        )
        text.append(f"• {pr.name} ({kind}): ", style="bold")
        design = " (applying it here is a design choice)" if pr.inferred else ""
        text.append(f"{described(pr.description, pr.source)}{design}\n")
        hits = "; ".join(named(p) for p in principle_options(s, pr)) or "no option on this agenda"
        verb = "   Crossed by: " if pr.red_line else "   Triggered by: "
        text.append(verb + hits + "\n", style="red" if pr.red_line else "yellow")
    if not _my_principles(view):
        text.append("No principle of yours penalises or rules out an option on this agenda.\n")
    return text


def _groups(view: SeatView) -> Text:
    s, me = view.scenario, view.scenario.party(view.party)
    text = Text().append("At home: whose support a deal needs\n", style="bold underline")
    design = (
        "The chapter describes opposition, not votes: this test of support is a design choice."
        if s.from_the_chapter
        else "This test of support is a design choice."
    )
    text.append(
        f"A deal needs weighted approval of {me.ratification_threshold:.0f}. {design}\n",
        style="dim",
    )
    for group_id, _, share, approval in view.approval():
        group = s.group(group_id)
        text.append(f"• {group.name}", style="bold")
        text.append(f" (weight {share:.0%}, approval {approval:.0f}): ")
        text.append(f"{described(group.description, group.source)}\n")
        if group.reason:
            text.append(
                f"   Their stated reason (quoted words are {possessive(s.source_noun)}): ",
                style="italic",
            )
            text.append(f"{reason_words(group)} [{reason_source(group)}]\n")
        for stance in sorted(group.stances, key=lambda st: st.delta):
            hits = stance_options(s, stance, group.party)
            word, style = ("✘ against", "red") if stance.delta < 0 else ("✔ for", "green")
            text.append(f"   {word} ({stance.delta:+.0f}): ", style=style)
            text.append("; ".join(named(p) for p in hits) or "no option on this agenda")
            design = " (design choice)" if stance.inferred else ""
            text.append(f" [{stance.source}]{design}\n", style="dim")
            if stance.tag is not None:
                shared = " ".join(s.tags.get(stance.tag, "").split())
                text.append(f"      what they share: {shared}\n", style="dim")
    return text


def _partners(view: SeatView) -> Text:
    s, me = view.scenario, view.scenario.party(view.party)
    text = Text().append("Your partners, as your government sees them\n", style="bold underline")
    for other in s.parties:
        if other.id == me.id:
            continue
        now = view.dyad(other.id)
        dyad = next(d for d in s.dyads if set(d.parties) == {me.id, other.id})
        text.append(f"• {other.name}: trust {now.trust:.0f}/100, {now.system} system", style="bold")
        text.append(f" (levels of transformation passed: {now.stage}/3)\n")
        if dyad.note:
            text.append(f"   {' '.join(dyad.note.split())} [{dyad.source}]\n")
    needed, reservation, summed = _need_words(view)
    text.append("\nWithout a deal: ", style="bold")
    text.append(f"{described(me.reservation.description, me.reservation.source)}\n")
    text.append(
        f"Your reservation value: no deal is worth {reservation} to you now; you accept a "
        f"package worth at least {needed}" + (f" ({summed}).\n" if summed != reservation else ".\n")
    )
    return text


def _need_words(view: SeatView) -> tuple[str, str, str]:
    """What the player needs, its reservation value, and the one as the sum of the other and
    the premiums ("87.5 + attention 4.0"; the reservation value alone without a premium): the
    Score panel's numbers (core numbers.figures), which the summary and the full briefing both
    give (they had rounded 91.5 to "92", and 79.5 to "79", beside a table reading the decimals)."""
    figured = figures(view.score(view.status_quo))
    (_, reservation), *premiums = figured.parts
    added = "".join(f" + {name} {points}" for name, points in premiums)
    return figured.needed, reservation, reservation + added
