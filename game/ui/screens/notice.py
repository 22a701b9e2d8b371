"""A window for an event or a test of support at home, with the chapter's context, as it
happens."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from game.core.engine.state import LogEntry
from game.core.scenario.model import Scenario
from game.ui.render.table import notice
from game.ui.screens.base import GameModal


class NoticeScreen(GameModal[bool]):
    """One event or ratification result; Enter or Esc to continue, `s` to skip to the last of
    the windows that came together (the result says whether to skip)."""

    HELP = """\
# Events and support at home

Between rounds, events from the scenario's timeline happen: leader changes, crises, new
instruments, domestic campaigns. Each says what it changes (priorities, trust, a leader's
attention, approval at home) and which section of the chapter it rests on. The date at the top
is the event's own; news reaches the table at the next round, whose date follows it when the
two differ. The chapter states the events, but how much each one changes is the scenario
author's design choice, and the window says so.

When every party in a package's scope accepts it, each government needs enough support from
its groups at home. If their weighted approval falls short of the threshold, the package is
reopened and this window names the group that blocked it. Once opposition has mobilised,
support can turn out a few points off the government's forecast, so a narrow margin can fail.
(The chapter describes opposition at home, not votes: this test of support is a design
choice.)

Where a signed partnership must hold until the deadline, the years after the signing pass
event by event; if a government stops valuing the partnership, or can no longer carry it at
home, a last window says that it lapsed, who walked away and why.

Enter or Esc continues. When more windows follow (the top line counts them), `s` skips to the
last of them; what the skipped ones said stays in the log (`l` at the table).
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "close", "Continue"),
        Binding("escape", "close", "Continue", show=False),
        Binding("space", "close", "Continue", show=False),
        Binding("s", "skip", "Skip to last"),
    ]

    def __init__(
        self,
        scenario: Scenario,
        entry: LogEntry,
        position: tuple[int, int] = (1, 1),
        date: str | None = None,
    ) -> None:
        super().__init__()
        self.scenario = scenario
        self.entry = entry
        self.position = position
        """This window's place among the windows that came together: (n, of how many)."""
        self.date = date
        """When the event happened, where the whole log says (`render.table.log_dates`)."""

    def compose(self) -> ComposeResult:
        # A scroll, so that a long event stays readable to its end (↑/↓) on a small screen.
        with VerticalScroll(id="notice-box", classes=self.entry.kind):
            yield Static(notice(self.scenario, self.entry, self.position, self.date))
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """↑/↓ scroll the window at once."""
        self.query_one("#notice-box", VerticalScroll).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`s` only where more windows follow (it is then in the footer)."""
        if action == "skip":
            return self.position[0] < self.position[1]
        return True

    def action_close(self) -> None:
        """Continue the game."""
        self.dismiss(False)

    def action_skip(self) -> None:
        """On to the last of the windows that came together."""
        self.dismiss(True)
