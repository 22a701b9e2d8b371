"""Loading a saved game: the saves folder listed newest first, corrupt files named, not fatal."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from game.core.loader import LoadError
from game.ui.screens.base import GameScreen

if TYPE_CHECKING:
    from game.ui.app import PerimeterApp


def open_save(app: PerimeterApp, path: Path) -> bool:
    """Load a save and open its game; report problems without a traceback."""
    from game.core.saves import load_game
    from game.ui.session import Session

    try:
        loaded = load_game(path)
    except LoadError as err:
        app.notify(
            "\n".join(str(p) for p in err.problems[:3]),
            title="Cannot load",
            severity="error",
            timeout=10,
        )
        return False
    state = loaded.state
    human = loaded.human or next(
        (p for p, seat in state.seats if seat == "human"), state.scenario.party_ids[0]
    )
    session = Session(
        state.scenario, loaded.scenario_file, human, state, app.saves_dir, seen=len(state.log)
    )
    app.session = session
    if state.finished:
        from game.ui.screens.end import EndScreen

        app.push_screen(EndScreen(session))
    else:
        from game.ui.screens.table import TableScreen

        app.push_screen(TableScreen(session))
    return True


class LoadScreen(GameScreen[None]):
    """Choose a saved game."""

    HELP = """\
# Load a game

Saved games are in the `saves/` folder (and an autosave is written each round). Each line shows
the scenario, your country, the round and when it was saved. A file that cannot be read is
listed with its problem and cannot be opened; the others are not affected.

↑/↓ choose, Enter loads, Esc goes back.
"""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back")]

    def compose(self) -> ComposeResult:
        from game.core.saves import list_saves

        self.saves = list_saves(self.perimeter.saves_dir)
        yield Header()
        with Vertical(id="load-box"):
            yield Static(f"Saved games in {self.perimeter.saves_dir}/", id="load-title")
            options = []
            for n, save in enumerate(self.saves):
                if save.ok:
                    label = Text(
                        f"{save.path.name}: {save.scenario}, {save.human or 'all seats'}, "
                        f"round {save.round} ({save.date}), saved {save.saved_at[:16]}"
                    )
                else:
                    label = Text(f"{save.path.name}: cannot be read: {save.problem}", style="red")
                options.append(Option(label, id=str(n), disabled=not save.ok))
            if not options:
                options.append(Option("No saved games yet.", id="none", disabled=True))
            yield OptionList(*options, id="load-list")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Keys go to the list."""
        self.query_one("#load-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen save."""
        if event.option.id and event.option.id.isdigit():
            save = self.saves[int(event.option.id)]
            self.app.pop_screen()
            open_save(self.perimeter, save.path)

    def action_back(self) -> None:
        """Back to the title."""
        self.app.pop_screen()
