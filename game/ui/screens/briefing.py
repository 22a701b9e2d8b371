"""The country briefing: a one-screen summary, and the full briefing one key (`d`) away."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Header, Static

from game.core.game import SeatView
from game.ui.render import briefing as render
from game.ui.screens.base import GameScreen, TheoryRequested

PADDING = 2
"""Columns the briefing's padding takes from the screen width (see #briefing in app.tcss)."""


class BriefingScreen(GameScreen[None]):
    """What your government knows before the first summit; Enter dismisses it."""

    HELP = """\
# Briefing

The briefing opens on a **summary** that fits one screen:

- **What you want**: the threats your country fears most (priority 0-100, with the survey
  figure behind it) and the agenda options worth most to you (the best one on each issue), in
  points of your 0-100 score when that one option replaces the status quo;
- **What you cannot accept**: your **red lines**, naming the options that cross them (or, if
  you have none, the principles that cost you most), and the least a package must be worth to
  you;
- **Who can sink a deal at home**: the groups whose support a deal needs, with their weight,
  the reason the chapter gives for their opposition, in its words, where the line has room,
  and the options they oppose most;
- **Whom you trust**: each partner's trust (0-100) and Wendt's label for the relationship.

`d` switches to the **full briefing** and back: every threat and its figure, what each threat
is, what each issue on the agenda is about, your guiding documents, your principles with the
options each one reacts to, every group at home with its stated reason (the chapter's words)
and each of its stances (the scenario author's reading of it) with the options it hits, your
partners, and your reservation value.

`t` opens the **theory card**: the chapter's frame (Wendt's security systems, the three levels
of transformation, dual-bilateralism), its conclusion and its forecast.

Facts carry the chapter section they rest on in [brackets] (in the summary, where the line
has room; the full briefing, `d`, gives them all). A **\\*** (or *design
choice*) marks the scenario author's inferences, not facts from the chapter.

The briefing leaves out the scenario's history, what actually happened; the end screen tells
it.

Enter starts the negotiation (or returns to it). ↑/↓ or PgUp/PgDn scroll the full briefing.
`t` the theory card.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "go", "To the table"),
        Binding("escape", "go", "Back", show=False),
        # One key, two labels: the footer names the view `d` leads to.
        Binding("d", "show_details(True)", "Full briefing"),
        Binding("d", "show_details(False)", "Summary"),
        Binding("t", "theory", "Theory"),
    ]

    def __init__(self, view: SeatView) -> None:
        super().__init__()
        self.view = view
        self.details_shown = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="briefing"):
            with VerticalScroll(id="briefing-summary"):
                yield Static(self._summary(self.app.size.width), classes="briefing-summary")
            with VerticalScroll(id="briefing-details"):
                for part in render.details(self.view):
                    yield Static(part, classes="briefing-part")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """The summary first; its scroll has focus so keys work at once."""
        self.query_one("#briefing-details").display = False
        self.query_one("#briefing-summary").focus()
        self.sub_title = f"Briefing: {self.view.scenario.party(self.view.party).name}"

    def on_resize(self, event: events.Resize) -> None:
        """The summary fits its lines to the width, so it is drawn again when that changes."""
        self.query_one(".briefing-summary", Static).update(self._summary(event.size.width))

    def _summary(self, width: int) -> Text:
        return render.summary(self.view, max(20, width - PADDING))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the `d` binding that leads to the other view is live (and in the footer), and
        `t` only where the scenario has a theory card."""
        if action == "show_details":
            return bool(parameters and parameters[0]) != self.details_shown
        if action == "theory":
            return bool(self.view.scenario.theory.strip())
        return True

    def action_show_details(self, show: bool) -> None:
        """Switch between the summary and the full briefing; the shown one takes the focus so
        the scroll keys work in it."""
        self.details_shown = show
        summary, details = self.query_one("#briefing-summary"), self.query_one("#briefing-details")
        summary.display, details.display = not show, show
        (details if show else summary).focus()
        self.refresh_bindings()

    def action_theory(self) -> None:
        """The theory card over the briefing (the app opens it)."""
        self.post_message(TheoryRequested())

    def action_go(self) -> None:
        """To the table (the app decides whether it opens for the first time)."""
        self.dismiss(None)
