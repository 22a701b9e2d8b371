"""The base of every Perimeter screen: each carries the help text `?` shows for it."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen, Screen

R = TypeVar("R")


class GameScreen(Screen[R]):
    """A full screen of the game."""

    HELP = ""


class GameModal(ModalScreen[R]):
    """A window over another screen."""

    HELP = ""
