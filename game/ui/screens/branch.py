"""Choosing a branch: which country to play from a round's opening, and a cause to switch off."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from game.core.engine.state import State
from game.core.engine.wording import cause_words
from game.ui.render.marks import clip
from game.ui.screens.base import GameModal
from game.ui.widgets.marked import MarkedOptionList

HISTORY = "history"
"""The id of the choice that switches no cause off."""


@dataclass(frozen=True)
class BranchChoice:
    """The country to play in the branch, and the cause to switch off (None: none)."""

    party: str
    without: str | None


class BranchScreen(GameModal[BranchChoice | None]):
    """Which country, and which cause to switch off; Enter starts the branch, Esc goes back."""

    HELP = """\
# Branch a new game

A new game from the opening of the round shown in the replay. The moves before that round are
replayed in it, then you play on from there, as the country you choose.

**Switch off** a cause to play the rest in a world without its events (the *What if…* of the
new-game screen): trust, threat priorities, support at home and leaders' attention are then as
they would have been without them, from the start. A move made before the round that this
world no longer allows ends the replay there, and the new game starts just before it (a
message says so).

↑/↓ choose in a list, Tab moves to the other list, Enter starts the new game, Esc goes back.
The game you branch from is not changed (one still in progress is saved first).
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Enter is the lists' own key (it selects); this binding puts it in the footer, and
        # starts the branch when the focus is elsewhere.
        Binding("enter", "start", "Start"),
        Binding("tab", "app.focus_next", "Other list"),
        Binding("escape", "cancel", "Back"),
    ]

    def __init__(self, state: State, round_: int, party: str) -> None:
        super().__init__()
        self.state = state
        self.round = round_
        self.party = party

    def compose(self) -> ComposeResult:
        s = self.state.scenario
        date = s.rounds[self.round].date.isoformat()
        with Vertical(id="branch-box") as box:
            box.border_title = f"Branch from round {self.round + 1} ({date})"
            kept = (
                "your finished game is not changed"
                if self.state.finished
                else "your game so far is saved first"
            )
            yield Static(
                "A new game from this round's opening, the moves before it replayed. "
                f"Enter starts it; {kept}.",
                id="branch-intro",
            )
            yield Label("Play as")
            yield MarkedOptionList(
                *(Option(s.party(p).name, id=p) for p in s.party_ids),
                id="branch-party",
                compact=True,
            )
            yield Label("Switch off (optional)")
            yield MarkedOptionList(
                *(Option(clip(words, 70), id=cause) for cause, words in self.causes()),
                id="branch-cause",
                compact=True,
            )
        yield Footer(compact=True)

    def causes(self) -> list[tuple[str, str]]:
        """History, then each cause the game still runs with, in the order its first event
        comes, with its events' titles."""
        events = sorted(self.state.scenario.events, key=lambda e: e.date)
        off = self.state.disabled_causes
        order = [c for c in dict.fromkeys(e.cause for e in events if e.cause) if c not in off]
        choices = [(HISTORY, "Nothing: history as it happened")]
        for cause in order:
            titles = "; ".join(e.title for e in events if e.cause == cause)
            choices.append((cause, f"Without {cause_words([cause])}: {titles}"))
        return choices

    def on_mount(self) -> None:
        """Your country chosen to start with, the list of countries focused."""
        parties = self.query_one("#branch-party", OptionList)
        parties.highlighted = self.state.scenario.party_ids.index(self.party)
        parties.focus()

    def on_option_list_option_selected(self, _: OptionList.OptionSelected) -> None:
        """Enter in either list starts the branch."""
        self.action_start()

    def action_start(self) -> None:
        """Start the branch with what both lists show."""
        party = self.query_one("#branch-party", OptionList)
        cause = self.query_one("#branch-cause", OptionList)
        chosen_party = party.get_option_at_index(party.highlighted or 0).id
        chosen_cause = cause.get_option_at_index(cause.highlighted or 0).id
        assert chosen_party is not None
        without = None if chosen_cause in (None, HISTORY) else chosen_cause
        self.dismiss(BranchChoice(chosen_party, without))

    def action_cancel(self) -> None:
        """No branch."""
        self.dismiss(None)
