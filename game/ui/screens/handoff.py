"""The hand-off between teams sharing one keyboard (a hot seat): nothing private on it, until
the next team says it is there."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Header, Static

from game.core.scenario.model import Scenario
from game.ui.screens.base import GameScreen


class HandOffScreen(GameScreen[None]):
    """Whose turn it is, and a key for that team to confirm it is at the keyboard."""

    HELP = """\
# Pass the keyboard

Several teams play at this keyboard, each its own country, taking turns. This screen stands
between two turns so that no team sees another's numbers: its scores, what it needs, its
estimates of the others and its support at home are private, as they would be at a real
negotiating table.

The team named here presses Enter when it is at the keyboard; its briefing opens the first
time, its own table after that. What
every team may see (the package on the table, the log of moves and events) is on every table.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "ready", "We are here"),
        Binding("space", "ready", "We are here", show=False),
    ]

    def __init__(self, scenario: Scenario, party: str, round_: int, date: str) -> None:
        super().__init__()
        self.scenario = scenario
        self.party = party
        self.round = round_
        self.date = date

    def compose(self) -> ComposeResult:
        name = self.scenario.party(self.party).name
        text = Text()
        text.append(f"Next to play: {name}\n\n", style="bold")
        text.append(
            f"Round {self.round + 1} of {len(self.scenario.rounds)}, {self.date}.\n\n"
            f"Pass the keyboard to the team playing {name}. Every country's own numbers stay "
            "hidden until its team is at the keyboard, except what a refusal states: a team "
            "that rejects or counters a package tells every team its worth and what it "
            "needs.\n\n"
        )
        text.append(f"{name}: press Enter when you are at the keyboard.", style="bold")
        yield Header()
        with Vertical(id="handoff-box"):
            yield Static(text, id="handoff-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Name the turn in the header too."""
        self.sub_title = f"Hand-off: {self.scenario.party(self.party).name}"

    def action_ready(self) -> None:
        """The team is at the keyboard: its table opens (the app decides)."""
        self.dismiss(None)
