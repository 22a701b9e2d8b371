"""Asks before quitting, and offers to save a game in progress."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from game.ui.screens.base import GameModal


class QuitScreen(GameModal[str | None]):
    """'save', 'quit' or None (stay)."""

    HELP = """\
# Quit

`s` (during a game) saves it in `saves/` and quits, `y` quits (the game is also autosaved
every round, unless the window says its last autosave failed), `n` or Esc goes back to where
you were.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer('stay')", "Stay"),
        Binding("s", "answer('save')", "Save and quit", show=False),
        Binding("y", "answer('quit')", "Quit", show=False),
        Binding("n", "answer('stay')", "Stay", show=False),
    ]

    def __init__(self, can_save: bool, autosave_failed: str | None = None) -> None:
        super().__init__()
        self.can_save = can_save
        self.autosave_failed = autosave_failed
        """Why the game's last autosave failed (then the game is not saved); None if it
        worked."""

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-box"):
            if not self.can_save:
                question = "Quit Perimeter?"
            elif self.autosave_failed is None:
                question = "Quit Perimeter? Your game is autosaved each round; save it now too?"
            else:
                question = (
                    "Quit Perimeter? Your game is not saved: its last autosave failed "
                    f"({self.autosave_failed}). Save it now?"
                )
            yield Static(question, id="quit-question", markup=False)
            with Horizontal(id="quit-buttons"):
                if self.can_save:
                    yield Button("Save and quit (s)", id="save", variant="primary")
                yield Button("Quit (y)", id="quit", variant="error")
                yield Button("Stay (n)", id="stay")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A button was chosen."""
        self.action_answer(event.button.id or "stay")

    def action_answer(self, answer: str) -> None:
        """Close with the answer (saving is only offered when there is a game)."""
        if answer == "save" and not self.can_save:
            return
        self.dismiss(None if answer == "stay" else answer)
