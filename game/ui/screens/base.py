"""The base of every Perimeter screen (each carries the help text `?` shows for it), and the
one message several screens post."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen

R = TypeVar("R")


class GameScreen(Screen[R]):
    """A full screen of the game."""

    HELP = ""


class ReadingScreen(GameScreen[R]):
    """A full screen of text to read, scrolled by its own keys so the footer can show them
    (the scrolled view's own bindings are hidden there): ↑/↓ a line, PgUp/PgDn a page,
    Home/End. `SCROLL_ID` names the view."""

    SCROLL_ID = ""
    SCROLL_KEYS: ClassVar[list[BindingType]] = [
        Binding("down", "scroll(1)", "Scroll", key_display="↑↓", priority=True),
        Binding("up", "scroll(-1)", "Scroll", show=False, priority=True),
        Binding("pagedown", "page(1)", "Page", key_display="PgUp/PgDn", priority=True),
        Binding("pageup", "page(-1)", "Page", show=False, priority=True),
        Binding("home", "edge(False)", "Top", show=False, priority=True),
        Binding("end", "edge(True)", "Bottom", show=False, priority=True),
    ]

    def _view(self) -> VerticalScroll:
        return self.query_one(f"#{self.SCROLL_ID}", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        """Scroll a line up or down."""
        self._view().scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        """Scroll a page up or down."""
        view = self._view()
        view.scroll_relative(y=pages * max(1, view.size.height - 1), animate=False)

    def action_edge(self, bottom: bool) -> None:
        """To the top or the bottom."""
        view = self._view()
        view.scroll_to(y=view.max_scroll_y if bottom else 0, animate=False)


WINDOW_KEYS: list[BindingType] = [
    Binding("question_mark", "app.help", "Help", key_display="?"),
    Binding("f1", "app.help", "Help", show=False),
    Binding("q", "app.request_quit", "Quit", show=False),
]
"""The app's help and quit keys, repeated by every window: a window stops the search for a
key's binding before the app's own, so without them ? and q did nothing while one was open."""


class GameModal(ModalScreen[R]):
    """A window over another screen."""

    HELP = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # After the window's own keys, so that the footer ends with "? Help" as on full screens
        # (Textual lists a base class's keys first).
        cls.BINDINGS = [*cls.__dict__.get("BINDINGS", []), *WINDOW_KEYS]
        super().__init_subclass__(**kwargs)


class TheoryRequested(Message):
    """The player wants the theory card: the chapter's frame, conclusion and forecast (posted
    by the briefing and the end screen; the app opens the card)."""
