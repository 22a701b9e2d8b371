"""The public table: status line, the offer on the table, the trust triangle, the log."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rich.text import Text

from game.core.engine.state import LogEntry
from game.core.engine.timeline import scenario_event
from game.core.engine.wording import cited, counted
from game.core.game import SeatView
from game.core.scenario.model import Scenario
from game.ui.render.agenda import scope_words
from game.ui.render.marks import bar, clip

STATUS_WIDTH = 78
"""The status line's room at 80 columns (the screen less the line's padding): a long name
gives way there, never the round, date, chair or turn."""


def trust(view: SeatView) -> Text:
    """The trust triangle: every dyad with its trust, level of transformation and Wendt label."""
    text = Text()
    steps = ["breakdown of consensus", "critical examination", "new practices"]
    for dyad in view.dyads():
        a, b = dyad.parties
        text.append(f"{a}–{b} ", style="bold" if view.party in dyad.parties else "")
        text.append(f"{bar(dyad.trust, 10)} {dyad.trust:3.0f} ")
        style = {"cooperative": "green", "individualistic": "yellow", "competitive": "red"}
        text.append(f"{dyad.system}\n", style=style[dyad.system])
        passed = ", ".join(steps[: dyad.stage]) or "none yet"
        text.append(f"   levels passed: {passed}\n", style="dim")
    section = cited(view.scenario, "Fragmented Region")
    text.append(
        f"Cooperative only after all three levels{f' [{section}]' if section else ''}.",
        style="dim italic",
    )
    return text


LOG_STYLES = {
    "event": "cyan",
    "ratified": "bold green",
    "blocked": "bold red",
    "reject": "red",
    "accept": "green",
    "end": "bold",
}


def log_style(kind: str) -> str:
    """The style of a log entry of this kind (its words say the same without colour)."""
    return LOG_STYLES.get(kind, "")


DESIGN_EFFECTS = "its effects are a design choice"
"""The mark of an event or action whose effects the scenario author sized (`inferred: true`)."""

DESIGN_DATE = "date: design choice"
"""The mark of a round whose date the scenario author chose (`inferred: true`)."""


def round_date(scenario: Scenario, entry: LogEntry) -> str:
    """The date of the round in which an entry was logged."""
    rounds = scenario.rounds
    return rounds[min(entry.round, len(rounds) - 1)].date.isoformat()


def entry_date(scenario: Scenario, entry: LogEntry) -> str:
    """When what an entry records happened: an event's own date (it reaches the table only at
    the next round, which may be months later), else the date of its round."""
    event = scenario_event(scenario, entry)
    return event.date.isoformat() if event is not None else round_date(scenario, entry)


def log_line(scenario: Scenario, entry: LogEntry, date: str | None = None) -> Text:
    """One log entry with its reasons, and the design mark of an inferred event or round;
    `date`, where the whole log is known, is when an event happened (`log_dates`)."""
    text = Text().append(f"{(date or entry_date(scenario, entry))[:7]} ", style="dim")
    text.append(entry.text, style=log_style(entry.kind))
    for reason in entry.reasons:
        text.append(f"\n    · {reason}", style="dim")
    if entry.source:
        text.append(f" [{entry.source}]", style="dim")
    event = scenario_event(scenario, entry)
    rnd = scenario.rounds[min(entry.round, len(scenario.rounds) - 1)]
    if event is not None and event.inferred:
        text.append(f" ({DESIGN_EFFECTS})", style="dim italic")
    elif entry.kind == "round" and rnd.inferred:
        text.append(f" ({DESIGN_DATE})", style="dim italic")
    if entry.kind == "round" and rnd.note:
        # The author's context for the round (its `note`), under the line that opens it.
        text.append(f"\n    {' '.join(rnd.note.split())}", style="dim italic")
    return text


NOTICE_HEADINGS = {
    "event": "Event",
    "ratified": "At home",
    "blocked": "At home",
    "lapsed": "The partnership",
}
"""The heading of a window by the kind of entry (the chapter describes opposition at home, not
votes, so a test of support is headed "At home")."""


def log_dates(scenario: Scenario, log: Sequence[LogEntry]) -> dict[int, str]:
    """When each event of the log happened, by its position: an event that waited for a
    condition fired rounds after its own date (see `record.event_dates`)."""
    from game.core.analysis.record import event_dates  # start-up speed

    return event_dates(scenario, log)


def notice(
    scenario: Scenario,
    entry: LogEntry,
    position: tuple[int, int] = (1, 1),
    date: str | None = None,
) -> Text:
    """The text of an event's or a test of support's window: heading, (n of how many), the
    date, the title, what happened, the changes, the section and, for an event the author
    sized, the design mark."""
    heading = NOTICE_HEADINGS.get(entry.kind, "News")
    n, total = position
    if total > 1:
        heading += f" {n} of {total}"
    event = scenario_event(scenario, entry)
    # An event reads "Title: what happened"; a vote or a delayed effect is one sentence, said
    # once as the title.
    if event is not None:
        title, body = event.title, entry.text.removeprefix(f"{event.title}: ")
    else:
        title, _, body = (
            entry.text.partition(": ") if entry.kind == "event" else (entry.text, "", "")
        )
    # An event's own date, not the date of the round at which the news reaches the table.
    when, table = date or entry_date(scenario, entry), round_date(scenario, entry)
    if table != when:
        when += f" · at the table {table}"
    text = Text().append(f"{heading} · {when}\n", style="dim")
    text.append(title, style="bold")
    if body:
        text.append(f"\n\n{body}")
    for reason in entry.reasons:
        text.append(f"\n • {reason}", style="red" if entry.kind in ("blocked", "lapsed") else "")
    design = f" · {DESIGN_EFFECTS}" if event is not None and event.inferred else ""
    # A scenario event always has a source (its `source` is required); a reason that quotes
    # the same section has already cited it.
    cited = any(f"[{entry.source}]" in reason for reason in entry.reasons)
    if entry.source and not (cited and not design):
        text.append(f"\n\n[{entry.source}]{design}", style="dim italic")
    return text


def in_date_order(
    scenario: Scenario, lines: Sequence[tuple[LogEntry, str | None]]
) -> list[tuple[LogEntry, str | None]]:
    """Log entries, each with the date `log_dates` gave it (None: its own), in the order
    they happened. The engine logs a round's line as it opens the round, then the news that
    reached the table since: an event dated before the round's meeting is listed before the
    round's line (a play-test read "2006-10 Round 4" above the "2006-06" event it reported).
    What happened at the round itself (a delayed consequence landing, its moves) stays
    after it."""
    ordered: list[tuple[LogEntry, str | None]] = []
    opened: int | None = None  # where the line of the round being opened is, while its news runs
    for entry, date in lines:
        if entry.kind == "round":
            opened = len(ordered)
        elif entry.kind != "event":
            opened = None
        elif opened is not None and (date or entry_date(scenario, entry)) < round_date(
            scenario, ordered[opened][0]
        ):
            ordered.insert(opened, (entry, date))
            opened += 1
            continue
        ordered.append((entry, date))
    return ordered


def log(view: SeatView) -> Text:
    """The whole negotiation record, oldest first (`in_date_order`)."""
    text = Text()
    dates = log_dates(view.scenario, view.log)
    lines = [(entry, dates.get(n)) for n, entry in enumerate(view.log)]
    for entry, date in in_date_order(view.scenario, lines):
        text.append_text(log_line(view.scenario, entry, date))
        text.append("\n")
    return text


def status(view: SeatView, width: int = STATUS_WIDTH) -> Text:
    """Who you are, the round and its date, the chair, and whose turn it is, in `width`
    columns: a name too long for them is cut, never what follows it."""
    s = view.scenario
    text = Text()
    # A star after the date: the round's date is the author's choice (the table's help says so).
    mark = "*" if s.rounds[min(view.round, len(s.rounds) - 1)].inferred else ""
    text.append(
        f" · round {view.round + 1}/{len(s.rounds)} · {view.date}{mark} · chair {view.chair}"
    )
    if view.finished:
        text.append(" · game over", style="bold")
    elif view.paused:
        # Not "your turn": nobody may move until the instructor lets the game go on.
        text.append(" · PAUSED", style="bold reverse")
    elif view.my_turn:
        text.append(" · your turn", style="bold reverse")
    elif view.to_move is not None:
        text.append(f" · {view.to_move} to move")
    return (
        Text()
        .append(status_lead(s.party(view.party).name, text, width), style="bold")
        .append_text(text)
    )


def status_lead(name: str, rest: Text, width: int) -> str:
    """A status line's start, "You: NAME", before `rest` in `width` columns: a name too long
    for them is cut, never what follows it."""
    lead = "You: "
    return lead + clip(name, max(len("Abc…"), width - len(lead) - rest.cell_len))


def table_summary(view: SeatView) -> Text:
    """The offer on the table in three lines: from whom, whom it binds, who has accepted."""
    offer = view.offer
    if offer is None:
        return Text(
            "Nothing on the table: assemble a package and press t to table it.", style="dim"
        )
    s = view.scenario
    changed = sum(1 for k, q in zip(offer.package, view.status_quo, strict=True) if k != q)
    text = Text().append(f"On the table, from {s.party(offer.proposer).name}:\n", style="bold")
    text.append(f"binds {scope_words(offer.scope, s.party_ids)} · {counted(changed, 'change')}")
    text.append(" · *: differs\n", style="dim")
    accepted = ", ".join(offer.accepted) or "nobody"
    text.append(f"Accepted: {accepted} · waiting for: {', '.join(offer.awaited) or '—'}")
    return text


def latest(view: SeatView, width: int, own_kept: bool) -> Text:
    """The last move at the table and the latest reason given, in two lines of `width`; the
    whole log is one key away. `own_kept`: the player's own draft is kept, one key away."""
    scenario = view.scenario
    entries = [e for e in view.log if e.kind not in ("round", "event")]
    hint = "  l: full log"
    text = Text()
    if entries:
        last = entries[-1]
        if last.kind in ("propose", "counter") and last.party and last.party != view.party:
            # The package itself is in the draft on the left; say only who put it there.
            verb = "tables" if last.kind == "propose" else "counters"
            name = scenario.party(last.party).name
            back = " (u: your draft back)" if own_kept else ""
            last = replace(last, text=f"{name} {verb}: now in your draft{back}.")
        # No date: the status line above says when it is.
        line = Text(last.text, style=log_style(last.kind))
        line.truncate(width - len(hint), overflow="ellipsis")
        text.append_text(line)
    text.append(hint.rjust(width - text.cell_len) if text.cell_len < width else hint)
    reasoned = next((e for e in reversed(entries[-3:]) if e.reasons), None)
    if reasoned is not None:
        who = scenario.party(reasoned.party).name if reasoned.party else "At home"
        if reasoned.kind == "counter":
            # A counter's reasons are why the package before it was refused, not its own.
            who += ", of the package it refused"
        more = f" (+{len(reasoned.reasons) - 1} more)" if len(reasoned.reasons) > 1 else ""
        first = reasoned.reasons[0]
        # A failed vote's reasons name each country already (several may fail at once).
        said = first if reasoned.kind == "blocked" else f"{who}: {first}"
        reason = Text(f"\n  {said}", style="dim")
        if reason.cell_len + len(more) > width + 1:
            reason.truncate(width + 1 - len(more) - 1, overflow="ellipsis")
        reason.append(more, style="dim")
        text.append_text(reason)
    return text
