"""Loading a saved game: the saves folder listed newest first, corrupt files named, not fatal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from game.core.saves.store import SaveSummary
from game.ui.screens.base import GameScreen
from game.ui.widgets.marked import MarkedOptionList


class SaveList(MarkedOptionList):
    """The saves to choose from, with Enter named in the footer (a play-test: the footer showed
    only Esc; the list's own Enter, which loads the highlighted save, is not shown there)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Load", key_display="⏎"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter is named only when some save can be loaded."""
        if action == "select":
            options = (self.get_option_at_index(n) for n in range(self.option_count))
            return any(not option.disabled for option in options)
        return True


class LoadScreen(GameScreen[Path | None]):
    """Choose a saved game; dismissed with its path, or None for back."""

    HELP = """\
# Load a game

Saved games are in the `saves/` folder (and each game keeps one autosave, written each round).
Each line shows the scenario, your country, the round (or *finished* for a game that is over)
and when it was saved. A file that cannot be read is listed with its problem and cannot be
opened; the others are not affected. A game loaded from an earlier save goes on in a new
autosave when its own autosave holds more of it (a later round, or the game finished), so that
is never written over.

↑/↓ choose, Enter loads, Esc goes back.
"""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back")]

    def __init__(self, saves: list[SaveSummary], folder: Path) -> None:
        super().__init__()
        self.saves = saves
        self.folder = folder

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="load-box"):
            yield Static(f"Saved games in {self.folder}/", id="load-title")
            options = []
            for n, save in enumerate(self.saves):
                if save.ok:
                    who = ", ".join(save.humans) or "all seats"
                    state = "finished" if save.finished else f"round {save.round} ({save.date})"
                    label = Text(
                        f"{save.path.name}: {save.scenario}, {who}, {state}, "
                        f"saved {local_minute(save.saved_at)}"
                    )
                else:
                    label = Text(f"{save.path.name}: cannot be read: {save.problem}", style="red")
                options.append(Option(label, id=str(n), disabled=not save.ok))
            if not options:
                options.append(Option("No saved games yet.", id="none", disabled=True))
            yield SaveList(*options, id="load-list")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Keys go to the list."""
        self.query_one("#load-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen save."""
        if event.option.id and event.option.id.isdigit():
            self.dismiss(self.saves[int(event.option.id)].path)

    def action_back(self) -> None:
        """Back to the title."""
        self.dismiss(None)


def local_minute(stamp: str) -> str:
    """An ISO time as this computer's local date and time to the minute (saves record UTC; the
    files' names, and the clock on the classroom wall, are local)."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp[:16]
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
