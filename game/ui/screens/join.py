"""Joining a class game: a team types its country's code (the instructor, the instructor's)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Footer, Header, Input, Static

from game.ui.screens.base import GameScreen

CODE_PLACEHOLDER = "XXXX-XXXX"


class JoinScreen(GameScreen[None]):
    """Where a browser (or a terminal) joins the class game; the app checks the code and opens
    the team's table or the instructor's view over this screen."""

    HELP = """\
# Joining the class game

Your instructor started one game for the whole class and gave each team a **join code** for
its country (`K7QM-2XWD`). Type it and press Enter: your country's briefing opens, then its
table, where you negotiate with the other teams, each in its own browser. A move made by
another team shows on your table within a second.

The code is your team's seat: keep it to yourselves. Another team's code would show that
country's own numbers, so each team sees only its own.

If you close the page, open it again and type the same code: you continue where you were.

The instructor's code opens the instructor's view (every country's numbers, to project).

F1 help · Ctrl+C quit.
"""

    DEFAULT_CSS: ClassVar[str] = """
    #join-box {
        width: 64;
        height: auto;
        margin: 2 4;
        padding: 1 2;
        border: round $accent;
    }
    #join-box Static {
        margin-bottom: 1;
    }
    #join-code {
        width: 24;
    }
    #join-message {
        margin-top: 1;
    }
    """

    # The code field takes every printable key (`?` too), so the footer offers F1 for help
    # (Ctrl+C quits everywhere).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "app.help", "Help", key_display="F1"),
    ]

    class CodeEntered(Message):
        """A code was typed and Enter pressed."""

        def __init__(self, code: str) -> None:
            super().__init__()
            self.code = code

    def __init__(self, game_title: str, problem: str | None = None, blink: bool = True) -> None:
        super().__init__()
        self.game_title = game_title
        self.problem = problem
        """Why the class game cannot be joined at all (its file is unusable), if it cannot."""
        self.blink = blink

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="join-box"):
            yield Static(Text("Join the class game", style="bold"))
            yield Static(self.game_title, id="join-title")
            yield Static(
                "Type your team's join code and press Enter (the instructor: the "
                "instructor's code)."
            )
            yield Input(placeholder=CODE_PLACEHOLDER, max_length=24, id="join-code")
            yield Static(id="join-message")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """The code field blinks as the app says (not in tests, for stable screenshots)."""
        self.query_one("#join-code", Input).cursor_blink = self.blink

    def on_screen_resume(self) -> None:
        """Shown (first, or again after a game's end screen closed): the code field has the
        keyboard, and a file that cannot be joined says so at once."""
        self.query_one("#join-code", Input).focus()
        if self.problem is not None:
            self.refuse(self.problem)
        else:
            self.query_one("#join-message", Static).update("")
            self.query_one("#join-code", Input).value = ""

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the code field: the app checks the code."""
        code = event.value.strip()
        if not code:
            self.refuse("Type the code first.")
            return
        self.query_one("#join-message", Static).update(Text("Checking the code…", style="dim"))
        self.post_message(self.CodeEntered(code))

    def refuse(self, why: str) -> None:
        """Say why the code did not open a seat, and clear the field for another try."""
        self.query_one("#join-message", Static).update(Text(f"✘ {why}", style="bold red"))
        self.query_one("#join-code", Input).value = ""
