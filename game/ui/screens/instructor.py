"""The instructor's view of a class game, to project: every country's numbers for the package
on the table, the zone of agreement and the state of the table; pause, and advance the clock."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Footer, Header, Static

from game.core.classroom import Standing
from game.core.scenario.model import Scenario
from game.ui.render.standing import (
    standing_log,
    standing_offer,
    standing_parties,
    standing_status,
    standing_zone,
)
from game.ui.screens.base import GameScreen


class InstructorScreen(GameScreen[None]):
    """Where the class game stands, redrawn by the app whenever a team moves; its keys ask the
    app to pause the game or end the round."""

    HELP = """\
# The instructor's view

What the class game looks like from above, to project: the round and its date, whose turn it
is (a team's or the computer's), the package on the table with **every country's score of it
against what it needs**, whether it would accept it, and the support it would find at home
(the two-level game), then the **zone of agreement** (the trilateral packages every country
would accept and support at home now, and as each round opened) and the last lines of the log.
It follows the teams' moves within a second.

Each team's own screen shows only its own numbers and estimates of the others: this view is
the one place where all of them are side by side, for the debrief.

- `p` pauses the game (no team can move; their tables say why) and lets it go on.
- `n` advances the clock: every country still to move this round passes, and the next round
  opens (its events, if any, reach the tables).
- Once the game is over, the view gives its outcome, and `d` opens the class debrief, the same
  as `python main.py report FILE` writes (`e` there saves it beside the saves).

Join codes are never shown here, so the screen can be projected.

`?` help · `q` quit (the game stays in its file; `serve --store FILE` continues it).
"""

    DEFAULT_CSS: ClassVar[str] = """
    #class-view {
        padding: 0 1;
    }
    #class-status, #class-offer, #class-zone {
        margin-bottom: 1;
    }
    #class-parties {
        margin-bottom: 1;
    }
    #class-log {
        height: 1fr;
    }
    #class-message {
        height: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "pause", "Pause/resume"),
        Binding("n", "end_round", "End round"),
        Binding("d", "debrief", "Debrief"),
    ]

    class PauseRequested(Message):
        """The instructor wants the game paused, or going on again."""

    class EndRoundRequested(Message):
        """The instructor wants the clock advanced: the round ended."""

    class DebriefRequested(Message):
        """The instructor wants the finished game's debrief, to project (the app opens it)."""

    def __init__(self, scenario: Scenario, standing: Standing, outcome: str | None = None) -> None:
        super().__init__()
        self.scenario = scenario
        self.standing = standing
        self.outcome = outcome
        """The finished game's outcome in a sentence (None while it goes on)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="class-view"):
            yield Static(id="class-status")
            yield Static(id="class-offer")
            yield Static(id="class-parties")
            yield Static(id="class-zone")
            yield Static(id="class-log")
        yield Static(id="class-message")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Draw where the game stands."""
        self.sub_title = f"Instructor · {self.scenario.title}"
        self.show(self.standing, self.outcome)

    def show(self, standing: Standing, outcome: str | None = None) -> None:
        """Draw the game as it stands now (a finished one with its `outcome`)."""
        self.standing, self.outcome = standing, outcome
        scenario = self.scenario
        status = standing_status(scenario, standing, outcome)
        self.query_one("#class-status", Static).update(status)
        self.query_one("#class-offer", Static).update(standing_offer(scenario, standing))
        self.query_one("#class-parties", Static).update(standing_parties(standing))
        self.query_one("#class-zone", Static).update(standing_zone(standing))
        log = self.query_one("#class-log", Static)
        log.update(standing_log(scenario, standing, log.content_region.width or 78))

        self.refresh_bindings()  # `d` once the game is over

    def on_resize(self) -> None:
        """The log's lines are cut to the screen's width: draw them again."""
        self.show(self.standing, self.outcome)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`d` (the debrief) only once the game is over, pausing and ending a round only
        before; each in the footer only then."""
        if action == "debrief":
            return self.standing.finished
        if action in ("pause", "end_round"):
            return not self.standing.finished
        return True

    def message(self, text: str, style: str = "") -> None:
        """Say what a key did, on the bottom line."""
        self.query_one("#class-message", Static).update(Text(text, style=style))

    def action_pause(self) -> None:
        """Pause the game, or let it go on."""
        self.post_message(self.PauseRequested())

    def action_end_round(self) -> None:
        """End the round: everyone still to move passes."""
        self.post_message(self.EndRoundRequested())

    def action_debrief(self) -> None:
        """The finished game's debrief, over this view."""
        self.post_message(self.DebriefRequested())
