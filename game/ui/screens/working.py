"""A window while something long is worked out off the screen's thread, with a progress bar."""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Header, ProgressBar, Static

from game.ui.screens.base import GameScreen

R = TypeVar("R")

SHOWN_EVERY = 0.1
"""Seconds between updates of the progress bar (the work itself never touches the screen)."""


class WorkingScreen(GameScreen[R]):
    """Says what is being worked out and how far it has got; closes itself with the result
    the app hands it, at once, or when it is back on top of a window opened over it."""

    HELP = """\
# Working it out

Something takes a moment to work out: at the end of a game on a large agenda, *what was
possible* (the Pareto frontier of every package that crosses no red line, and the Nash
bargaining package); for `d`, the class debrief. The bar shows how far the work has got (it is
counted in steps, and never takes more than a fixed number of them); the next screen opens by
itself when it is done.

If the agenda is too large to search completely, the end screen says so, and how close to the
frontier the packages it found come.
"""

    def __init__(self, text: str, subtitle: str = "") -> None:
        super().__init__()
        self.text = text
        self.subtitle = subtitle
        self.done = 0
        self.total = 1
        self.result: R | None = None
        self.finished = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="working-box"):
            yield Static(self.text, id="working-text")
            yield ProgressBar(total=1, show_eta=False, id="working-bar")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """The bar follows the work on a timer."""
        self.sub_title = self.subtitle
        self.set_interval(SHOWN_EVERY, self.show_progress)
        if self.finished:  # the work ended while the window was being put up
            self.call_after_refresh(self.on_screen_resume)

    def advance(self, done: int, total: int) -> None:
        """How far the work has got. Called from the worker's thread, so it only stores the
        numbers (the timer shows them)."""
        self.done, self.total = done, total

    def show_progress(self) -> None:
        """Show the work done so far on the bar."""
        self.query_one(ProgressBar).update(total=max(1, self.total), progress=self.done)

    def finish(self, result: R) -> None:
        """The work is done: close with its result, now if this screen is on top, else when
        it is again (a window the player opened over it stays until they close it)."""
        self.result, self.finished = result, True
        # After a refresh: the window may have been pushed a moment ago and still be mounting.
        self.call_after_refresh(self.on_screen_resume)

    def on_screen_resume(self) -> None:
        """Back on top: close if the work finished meanwhile."""
        if self.finished and self.app.screen is self and self.is_mounted:
            self.dismiss(self.result)
