"""The title screen: new game, load, scenarios, help, quit."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.message import Message
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.ui.screens.base import GameScreen
from game.ui.widgets.marked import MarkedOptionList

LOGO = """\
 ___          _            _
| _ \\___ _ _ (_)_ __  ___| |_ ___ _ _
|  _/ -_) '_|| | '  \\/ -_)  _/ -_) '_|
|_| \\___|_|  |_|_|_|_\\___|\\__\\___|_|"""

TAGLINE = (
    "Negotiate North American security cooperation as the United States, Mexico or Canada.\n"
    "Replay the 2005 Security and Prosperity Partnership, which lapsed in 2009 "
    "[Policies D) Trilateral], or revive it."
)


class TitleScreen(GameScreen[None]):
    """What a player sees first."""

    HELP = """\
# Perimeter

A negotiation game built on the chapter *Obstacles for Security Cooperation in North America*
(Domínguez and Velázquez). You speak for one country (or, in a hot seat, teams share the
keyboard); the computer plays the rest.

- **New game**: choose a scenario, your country, the difficulty and a seed.
- **Load game**: continue a saved game (saves are in the `saves/` folder).
- **Scenarios**: what each scenario is about.

Keys: ↑/↓ to move, Enter to choose, or the letter shown. `?` opens help on every screen,
`q` quits.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "choose('new')", "New game"),
        Binding("l", "choose('load')", "Load"),
        Binding("s", "choose('scenarios')", "Scenarios"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="title-box"):
            width = max(len(line) for line in LOGO.splitlines())
            yield Static("\n".join(line.ljust(width) for line in LOGO.splitlines()), id="logo")
            yield Static(TAGLINE, id="tagline", markup=False)  # the [section] is not markup
            with Center():
                yield MarkedOptionList(
                    Option("New game            n", id="new"),
                    Option("Load game           l", id="load"),
                    Option("Scenarios           s", id="scenarios"),
                    Option("Help                ?", id="help"),
                    Option("Quit                q", id="quit"),
                    id="title-menu",
                )
        yield Footer(compact=True)

    class Chosen(Message):
        """The player chose a line of the menu: new, load, scenarios, help or quit."""

        def __init__(self, choice: str) -> None:
            super().__init__()
            self.choice = choice

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a menu line."""
        self.action_choose(event.option.id or "")

    def action_choose(self, choice: str) -> None:
        """Tell the app what was chosen; it opens the next screen."""
        self.post_message(self.Chosen(choice))
