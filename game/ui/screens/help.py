"""Help for the screen underneath, as a modal."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

GENERAL = """\
---
**Everywhere**: `?` or F1 help · `q` or Ctrl+C quit (you are asked first, and offered a save; a
class game is saved at every move) ·
Esc closes a window. Where a text field has the keyboard (a seed, a join code), `?` and `q` type
themselves: F1 and Ctrl+C still work.
"""


class HelpScreen(ModalScreen[None]):
    """The help text of the screen that opened it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
        Binding("pagedown", "page(1)", "More", key_display="PgDn", priority=True),
        Binding("pageup", "page(-1)", "Back up", key_display="PgUp", show=False, priority=True),
        Binding("enter", "close", "Close", show=False),
    ]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = (text or "No help for this screen.") + "\n" + GENERAL

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Markdown(self.text)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """↑/↓ scroll the text at once."""
        self.query_one("#help-box", VerticalScroll).focus()

    def action_page(self, direction: int) -> None:
        """A page down (or up) the help."""
        box = self.query_one("#help-box", VerticalScroll)
        if direction > 0:
            box.scroll_page_down(animate=False)
        else:
            box.scroll_page_up(animate=False)

    def action_close(self) -> None:
        """Back to the screen underneath."""
        self.dismiss(None)
