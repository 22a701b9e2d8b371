"""A window for an event or a vote at home, with the chapter's context, as it happens."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Static

from game.core.engine.state import LogEntry
from game.core.scenario.model import Scenario
from game.ui.screens.base import GameModal

HEADINGS = {"event": "Event", "ratified": "Vote at home", "blocked": "Vote at home"}


class NoticeScreen(GameModal[None]):
    """One event or ratification result; Enter or Esc to continue."""

    HELP = """\
# Events and votes

Between rounds, events from the scenario's timeline happen: leader changes, crises, new
instruments, domestic campaigns. Each says what it changes (priorities, trust, a leader's
attention, approval at home) and which section of the chapter it rests on.

When every party in a package's scope accepts it, each puts it to its groups at home. If the
weighted approval falls short of the threshold, the package is reopened and this window names
the group that blocked it.

Enter or Esc continues.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "close", "Continue"),
        Binding("escape", "close", "Continue", show=False),
        Binding("space", "close", "Continue", show=False),
    ]

    def __init__(
        self, scenario: Scenario, entry: LogEntry, position: tuple[int, int] = (1, 1)
    ) -> None:
        super().__init__()
        self.scenario = scenario
        self.entry = entry
        self.position = position
        """This window's place among the windows that came together: (n, of how many)."""

    def compose(self) -> ComposeResult:
        entry = self.entry
        heading = HEADINGS.get(entry.kind, "News")
        n, total = self.position
        if total > 1:
            heading += f" {n} of {total}"
        # An event reads "Title: what happened"; a vote or a delayed effect is one sentence,
        # said once as the title.
        title, _, body = (
            entry.text.partition(": ") if entry.kind == "event" else (entry.text, "", "")
        )
        rounds = self.scenario.rounds
        when = rounds[min(entry.round, len(rounds) - 1)].date.isoformat()
        text = Text()
        text.append(f"{heading} · {when}\n", style="dim")
        text.append(title, style="bold")
        if body:
            text.append(f"\n\n{body}")
        for reason in entry.reasons:
            text.append(f"\n • {reason}", style="red" if entry.kind == "blocked" else "")
        if entry.source:
            text.append(f"\n\n[{entry.source}]", style="dim italic")
        with Vertical(id="notice-box", classes=entry.kind):
            yield Static(text)
        yield Footer(compact=True)

    def action_close(self) -> None:
        """Continue the game."""
        self.dismiss(None)
