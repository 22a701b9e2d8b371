"""The theory card: the chapter's frame, conclusion and forecast, one key away from the
briefing and the end screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Markdown

from game.core.scenario.model import Scenario
from game.ui.screens.base import GameScreen

NO_THEORY = "This scenario gives no theory card."


class TheoryScreen(GameScreen[None]):
    """The scenario's theory card, scrollable; Esc goes back to the screen that asked for it."""

    HELP = """\
# The theory card

What the chapter argues, in short, as the scenario sums it up: in spp-2005, why North America
has no trilateral security community, the labels others gave the region, Wendt's three
security systems and which relationship is which, the three levels of transformation, the
range of proposals from minimalist to maximalist, the chapter's conclusion and its forecast
(other scenarios give the parts that bear on their story). Every part names the chapter section it
rests on in [brackets]; words in quotation marks are the chapter's own.

The last part says which of the game's rules are the scenario author's design choices built
on that frame, not the chapter's claims.

↑/↓ scroll, PgUp/PgDn a page; Esc or `t` goes back.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("t", "back", "Back", show=False),
        # The screen's own scroll keys, so the footer can show them.
        Binding("pagedown", "page(1)", "Page", key_display="PgUp/PgDn", priority=True),
        Binding("pageup", "page(-1)", "Page", show=False, priority=True),
    ]

    def __init__(self, scenario: Scenario) -> None:
        super().__init__()
        self.scenario = scenario

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="theory"):
            yield Markdown(self.scenario.theory.strip() or NO_THEORY)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """↑/↓ scroll the card at once."""
        self.query_one("#theory", VerticalScroll).focus()
        self.sub_title = f"Theory: {self.scenario.title}"

    def action_page(self, pages: int) -> None:
        """A page down (or up) the card."""
        box = self.query_one("#theory", VerticalScroll)
        if pages > 0:
            box.scroll_page_down(animate=False)
        else:
            box.scroll_page_up(animate=False)

    def action_back(self) -> None:
        """Back to the briefing or the end screen."""
        self.dismiss(None)
