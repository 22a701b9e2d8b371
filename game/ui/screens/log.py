"""The whole negotiation log, full screen: every move, reply with its reasons, event and test
of support at home."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Static

from game.core.game import SeatView
from game.ui import render
from game.ui.screens.base import GameScreen


class LogScreen(GameScreen[None]):
    """The log at the width of the terminal, newest at the bottom; Esc goes back."""

    HELP = """\
# The log

Everything that has happened at the table, oldest first: each round and its chair, every move,
every reply with the reasons the engine found (the end screen gives the chapter sections of
the refusals that mattered), every event
between rounds (on its own date, listed before the round whose opening brought the news, with
the design mark where its effects are the scenario author's choice) and every test of support
at home. A round whose date the author chose says so. Another country's unilateral act, taken
without telling, shows only once it comes to light (when its delayed effect lands).

↑/↓ and PgUp/PgDn scroll, Home and End jump; Esc or `l` goes back to the table.

`w` (*What if*) replays the game so far move by move, as you saw it, and lets you branch: a
new game from the opening of any round, as the same or another country, or with one of the
chapter's causes switched off. A branch saves the game you are playing first (a message says
where) and takes its place on screen; Load game brings the saved one back.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("l", "back", "Back", show=False),
        Binding("w", "replay", "What if"),
    ]

    class ReplayRequested(Message):
        """The player wants the game so far move by move, to branch from it (the app opens
        it)."""

    def __init__(self, view: SeatView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="full-log"):
            yield Static(render.log(self.view))
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Scroll keys work at once, from the newest entries."""
        scroll = self.query_one("#full-log", VerticalScroll)
        scroll.focus()
        scroll.scroll_end(animate=False, immediate=True)
        self.sub_title = "The log"

    def action_replay(self) -> None:
        """Ask the app for the replay of the game so far."""
        self.post_message(self.ReplayRequested())

    def action_back(self) -> None:
        """Back to the table."""
        self.dismiss(None)
