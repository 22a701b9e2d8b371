"""The base of every Perimeter screen: typed access to the app and its game session."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from game.ui.app import PerimeterApp

R = TypeVar("R")


class GameScreen(Screen[R]):
    """A full screen of the game."""

    HELP = ""

    @property
    def perimeter(self) -> PerimeterApp:
        """The app, with its game-specific attributes."""
        return cast("PerimeterApp", self.app)


class GameModal(ModalScreen[R]):
    """A window over another screen."""

    HELP = ""

    @property
    def perimeter(self) -> PerimeterApp:
        """The app, with its game-specific attributes."""
        return cast("PerimeterApp", self.app)
