"""A game step by step, as one seat saw it: where the game was, what just happened, the package
on the table and what it was worth to whom."""

from __future__ import annotations

from rich.text import Text

from game.core.engine.numbers import figures
from game.core.engine.state import LogEntry
from game.core.game import SeatView
from game.ui.render.agenda import scope_words
from game.ui.render.marks import yes_no
from game.ui.render.partners import STYLES, aim_words, range_seen, worth_seen
from game.ui.render.table import STATUS_WIDTH, in_date_order, log_dates, log_line, status_lead


def where(view: SeatView, step: int, last: int, made: SeatView, width: int = STATUS_WIDTH) -> Text:
    """The status line: who you are, which move, and the round it was made in (`made`, the
    game as the move was made: the view itself at the start), its date and its chair. The last
    move of a round opens the next one, but it was made in its own round, as its log line is
    dated (a play-test read "round 2/9" over a round-1 move dated 2005-03). In `width`
    columns: a name too long for them is cut, never what follows it."""
    s = view.scenario
    mark = "*" if s.rounds[min(made.round, len(s.rounds) - 1)].inferred else ""
    text = Text()
    if step == 0:
        text.append(" · the start")
    elif step == last and view.finished:
        text.append(" · the end", style="bold")
    else:
        text.append(f" · move {step} of {last}")
    text.append(f" · round {made.round + 1}/{len(s.rounds)} · {made.date}{mark}")
    text.append(f" · chair {made.chair}")
    # The whole line bold, as ever.
    return Text(status_lead(s.party(view.party).name, text, width), style="bold").append_text(text)


def move(view: SeatView, entries: tuple[LogEntry, ...], step: int) -> Text:
    """The move made at this step, with the reasons given for it (at the start: how the game
    began)."""
    if step == 0:
        return followed(view, entries, "How the game began")
    text = Text().append("Just now\n", style="bold underline")
    if entries:
        line = log_line(view.scenario, entries[0])
        # The move itself stands out: its first line, after the date (its reasons stay dim).
        first = line.plain.find("\n")
        line.stylize("bold", 8, first if first >= 0 else len(line))
        text.append_text(line)
    return text


def followed(view: SeatView, entries: tuple[LogEntry, ...], heading: str = "Then") -> Text:
    """What the log recorded after the move: a test of support at home, the next round and
    its events (empty when nothing followed)."""
    text = Text()
    if not entries:
        return text
    text.append(f"{heading}\n", style="bold underline")
    # What followed is the end of the log as the step left it: its events are dated by the
    # whole log (one that waited for a condition fired after its own date).
    log = view.log
    start = len(log) - len(entries)
    tail = start >= 0 and tuple(log[start:]) == tuple(entries)
    dates = log_dates(view.scenario, log) if tail else {}
    lines = [(entry, dates.get(start + k)) for k, entry in enumerate(entries)]
    # Oldest first, as the log lists them: the news a round brought before the round's line.
    for entry, date in in_date_order(view.scenario, lines):
        text.append_text(log_line(view.scenario, entry, date)).append("\n")
    text.rstrip()
    return text


def on_table(view: SeatView) -> Text:
    """The package on the table: from whom, whom it binds, who had accepted, what it changes."""
    offer = view.offer
    text = Text().append("On the table\n", style="bold underline")
    if offer is None:
        return text.append("Nothing.", style="dim")
    s = view.scenario
    text.append(f"From {s.party(offer.proposer).name}, binding ")
    text.append(f"{scope_words(offer.scope, s.party_ids)}. ")
    text.append(f"Accepted: {', '.join(offer.accepted) or 'nobody'}")
    text.append(f" · waiting for: {', '.join(offer.awaited) or '—'}\n", style="dim")
    changed = [
        (issue, issue.options[k])
        for issue, k, q in zip(s.issues, offer.package, view.status_quo, strict=True)
        if k != q
    ]
    for issue, option in changed:
        text.append(f"  • {issue.short or issue.name}: {option.label}\n")
    if not changed:
        text.append("  • no change to any issue\n")
    text.rstrip()
    return text


def worth(view: SeatView) -> Text:
    """What the package on the table was worth, as the seat saw it then: its own score exactly,
    each partner's as the range its trust allowed."""
    offer = view.offer
    text = Text().append("What it was worth, as you saw it\n", style="bold underline")
    if offer is None:
        return text.append("Nothing to weigh.", style="dim")
    s = view.scenario
    if view.party in offer.scope:
        own = view.score(offer.package, offer.scope)
        f = figures(own)
        # "You", not the country's name: the status line says it, and the line fits 80 columns.
        text.append(f"You: {f.total}", style="bold")
        text.append(f", you needed {f.needed} · acceptable ")
        text.append_text(yes_no(own.acceptable))
        text.append(" · backed at home ")
        text.append_text(yes_no(own.ratifies)).append("\n")
    else:
        text.append(f"It did not bind you, {s.party(view.party).name}.\n")
    for partner in (p for p in offer.scope if p != view.party):
        e = view.estimate(partner, offer.package, offer.scope)
        # Whole numbers, as the table's partner forecast shows them.
        text.append(f"{s.party(partner).name}: {worth_seen(e)}", style="bold")
        text.append(f", {aim_words(e)} {range_seen(e.target_low, e.target_high)} · ")
        text.append(e.verdict, style=STYLES[e.verdict]).append("\n")
    text.append(
        "Your own numbers are exact; a partner's are your estimate then, as wide as your distrust.",
        style="dim italic",
    )
    return text
