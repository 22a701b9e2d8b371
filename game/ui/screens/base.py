"""The base of every Perimeter screen (each carries the help text `?` shows for it), and the
one message several screens post."""

from __future__ import annotations

from typing import TypeVar

from textual.message import Message
from textual.screen import ModalScreen, Screen

R = TypeVar("R")


class GameScreen(Screen[R]):
    """A full screen of the game."""

    HELP = ""


class GameModal(ModalScreen[R]):
    """A window over another screen."""

    HELP = ""


class TheoryRequested(Message):
    """The player wants the theory card: the chapter's frame, conclusion and forecast (posted
    by the briefing and the end screen; the app opens the card)."""
