"""The class debrief in the game: the same Markdown `report SAVE` writes, scrollable, with a key
to save it as a file for printing or projection."""

from __future__ import annotations

from typing import ClassVar

from rich.markdown import Markdown
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Static

from game.ui.screens.base import ReadingScreen


class DebriefScreen(ReadingScreen[None]):
    """The debrief of the game that just ended; Esc goes back to the end screen."""

    SCROLL_ID = "debrief"

    HELP = """\
# The debrief

The debrief a class discusses after a game, the same as `python main.py report SAVE` writes:

- **the outcome against history**: what actually happened (the scenario's history) and why,
  with the chapter's verdict and forecast where the scenario gives them;
- **what was signed** (or last on the table), issue by issue, and each country's result against
  its reservation value;
- **what bound each country**, blocking constraints first, then by the points they cost, with
  the reasons groups at home gave; red lines by how much of the agenda they rule out;
- **the zone of agreement** round by round, with the events and moves that narrowed or widened
  it; **score and support at home** per round; **trust and the levels of transformation**;
- **the deal against what was possible**: the Pareto frontier, the Nash package, the closest
  package everyone would have accepted;
- a **timeline** of the game, and **questions for discussion** drawn from this game.

↑/↓ scroll, PgUp/PgDn a page, Home/End; `e` saves it as a Markdown file beside your saves;
Esc goes back.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("d", "back", "Back", show=False),
        *ReadingScreen.SCROLL_KEYS,
        Binding("e", "export", "Export"),
    ]

    class ExportRequested(Message):
        """The player wants the debrief as a file (the app writes it and says where)."""

        def __init__(self, markdown: str) -> None:
            super().__init__()
            self.markdown = markdown

    def __init__(self, markdown: str, title: str) -> None:
        super().__init__()
        self.markdown = markdown
        self.title_text = title

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="debrief"):
            # One text drawn by Rich: Textual's Markdown widget mounts a widget per paragraph,
            # table row and cell, which froze the screen for 2 s on a debrief of 270 lines.
            yield Static(Markdown(self.markdown), id="debrief-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Scroll keys work at once."""
        self.query_one("#debrief", VerticalScroll).focus()
        self.sub_title = f"Debrief: {self.title_text}"

    def action_export(self) -> None:
        """Ask the app to save the debrief as Markdown."""
        self.post_message(self.ExportRequested(self.markdown))

    def action_back(self) -> None:
        """Back to the end screen."""
        self.dismiss(None)
