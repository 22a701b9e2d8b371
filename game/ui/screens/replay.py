"""A game move by move, as your seat saw it: step forward and back, and branch a new game."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Static

from game.core.analysis.steps import Steps
from game.ui.render import replay as text
from game.ui.screens.base import GameScreen


class ReplayScreen(GameScreen[None]):
    """The game replayed from its seed and moves; `b` asks the app for a branch from the round
    shown, Esc goes back."""

    HELP = """\
# What if: the game move by move

The game is replayed from its seed and its moves, one move at a time, as your seat saw it. The
top line says which move, the round it was made in and its date (a **\\*** marks a date the
scenario author chose), and who chaired. **Just now** is the move with the reasons given for
it. **On the table** is the package lying there afterwards, and **What it was worth** your own
score of it (exact) and each partner's as you could estimate it then (a range as wide as your
distrust), with your forecast of their reply. **Then** is what the move led to: a test of
support at home, the next round and its events.

←/→ (or `,`/`.`) step back and forward one move · PgUp/PgDn a round (its first move; the
first round's is the start) · Home/End the start and the end · ↑/↓ scroll.

`b` **branches**: a new game from the opening of the round shown, as the same country or
another, and if you like with one of the chapter's causes switched off (its events never
happen). The moves before that round are replayed in the new game; if the changed world no
longer allows one of them, the new game starts just before it. The game you branch from is
not changed (one still in progress is saved first; Load game brings it back). Not in a class
game: a branch is a game of your own, and your team keeps its seat.

Esc goes back.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Move", key_display="←→", priority=True),
        Binding("right", "step(1)", "Move", show=False, priority=True),
        Binding("comma", "step(-1)", "Move", show=False),
        Binding("full_stop", "step(1)", "Move", show=False),
        Binding("pagedown", "round(1)", "Round", key_display="PgUp/PgDn", priority=True),
        Binding("pageup", "round(-1)", "Round", show=False, priority=True),
        Binding("end", "edge(True)", "Start/end", key_display="Home/End", priority=True),
        Binding("home", "edge(False)", "Start/end", show=False, priority=True),
        Binding("b", "branch", "Branch"),
        Binding("escape", "back", "Back"),
    ]

    class BranchAsked(Message):
        """The player wants a new game from the opening of this round (the app asks which
        country and which cause, then starts it)."""

        def __init__(self, round_: int, party: str) -> None:
            super().__init__()
            self.round = round_
            self.party = party

    def __init__(self, steps: Steps, party: str, branches: bool = True) -> None:
        super().__init__()
        self.steps = steps
        self.party = party
        self.branches = branches
        """Whether `b` may start a branch (not in a class game: the new game would take the
        team's page away from its seat)."""
        self.index = 0
        """The step shown: 0 is the start, i the game after its first i moves."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="replay-status")
        with VerticalScroll(id="replay"):
            yield Static(id="replay-move")
            yield Static(id="replay-table")
            yield Static(id="replay-worth")
            yield Static(id="replay-then")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Show the start; the arrow keys scroll the text."""
        self.sub_title = "What if: the game move by move"
        self.query_one("#replay", VerticalScroll).focus()
        self.show(0)

    def show(self, index: int) -> None:
        """Show step `index` (kept within the game)."""
        steps = self.steps
        self.index = max(0, min(index, steps.last))
        view = steps.view(self.index, self.party)
        made = steps.view(self.made_at(), self.party)
        self.query_one("#replay-status", Static).update(
            # The line's padding takes a column on each side.
            text.where(view, self.index, steps.last, made, self.app.size.width - 2)
        )
        news = steps.news(self.index)
        # The move first, then the table and its worth, then what followed (events can run
        # long, and the table is what the player compares from step to step).
        self.query_one("#replay-move", Static).update(text.move(view, news, self.index))
        self.query_one("#replay-table", Static).update(text.on_table(view))
        self.query_one("#replay-worth", Static).update(text.worth(view))
        after = text.followed(view, news[1:]) if self.index > 0 else text.followed(view, ())
        then = self.query_one("#replay-then", Static)
        then.update(after)
        then.display = bool(after.plain)
        self.query_one("#replay", VerticalScroll).scroll_home(animate=False)

    def made_at(self) -> int:
        """The step the move shown was made at (the state before it; the start at the start):
        its round is the round shown."""
        return max(self.index - 1, 0)

    def action_step(self, moves: int) -> None:
        """One move back or forward."""
        self.show(self.index + moves)

    def action_round(self, rounds: int) -> None:
        """Back to the first move of this round (or the one before, if at it already), or on
        to the first move of the next (or the end, in the last). A round's first move is the
        one after the move that opened it; the start stands for the first round's, so that
        every step of a round shows that round."""
        steps = self.steps
        starts = [0, *(n + 1 for n in steps.round_starts[1:] if n < steps.last)]
        if rounds < 0:
            earlier = [n for n in starts if n < self.index]
            self.show(earlier[-1] if earlier else 0)
        else:
            later = [n for n in starts if n > self.index]
            self.show(later[0] if later else steps.last)

    def action_edge(self, end: bool) -> None:
        """The start or the end of the game."""
        self.show(self.steps.last if end else 0)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`b` is live (and in the footer) only where a branch may start."""
        if action == "branch":
            return self.branches
        return True

    def action_branch(self) -> None:
        """Ask the app for a branch from the opening of the round shown."""
        self.post_message(self.BranchAsked(self.steps.states[self.made_at()].round, self.party))

    def action_back(self) -> None:
        """Back to where the replay was opened from."""
        self.dismiss(None)
