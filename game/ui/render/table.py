"""The public table: status line, the offer on the table, the trust triangle, the log."""

from __future__ import annotations

from rich.text import Text

from game.core.engine.state import LogEntry
from game.core.game import SeatView
from game.core.scenario.model import Scenario
from game.ui.render.agenda import scope_words
from game.ui.render.marks import bar


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
    text.append("Cooperative only after all three levels [Fragmented Region].", style="dim italic")
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


def log_line(scenario: Scenario, entry: LogEntry) -> Text:
    """One log entry with its reasons."""
    rounds = scenario.rounds
    when = rounds[min(entry.round, len(rounds) - 1)].date.isoformat()[:7]
    text = Text().append(f"{when} ", style="dim")
    text.append(entry.text, style=log_style(entry.kind))
    for reason in entry.reasons:
        text.append(f"\n    · {reason}", style="dim")
    if entry.source:
        text.append(f" [{entry.source}]", style="dim")
    return text


def log(view: SeatView) -> Text:
    """The whole negotiation record, oldest first."""
    text = Text()
    for entry in view.log:
        text.append_text(log_line(view.scenario, entry))
        text.append("\n")
    return text


def status(view: SeatView) -> Text:
    """Who you are, the round and its date, the chair, and whose turn it is."""
    s = view.scenario
    text = Text()
    text.append(f"You: {s.party(view.party).name}", style="bold")
    text.append(f" · round {view.round + 1}/{len(s.rounds)} · {view.date} · chair {view.chair}")
    if view.finished:
        text.append(" · game over", style="bold")
    elif view.my_turn:
        text.append(" · your turn", style="bold reverse")
    elif view.to_move is not None:
        text.append(f" · {view.to_move} to move")
    return text


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
    text.append(f"binds {scope_words(offer.scope, s.party_ids)} · {changed} changes")
    text.append(" · *: differs\n", style="dim")
    waiting = [p for p in offer.scope if p not in offer.accepted]
    accepted = ", ".join(offer.accepted) or "nobody"
    text.append(f"Accepted: {accepted} · waiting for: {', '.join(waiting) or '—'}")
    return text
