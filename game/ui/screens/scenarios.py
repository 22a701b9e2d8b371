"""The scenarios a game can start from, with what each is about."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from game.core.engine.wording import counted
from game.core.scenario.loader import CatalogueEntry
from game.ui.screens.base import GameScreen


def scenarios_text(catalogue: list[CatalogueEntry]) -> Text:
    """Every built-in and local scenario, and any local file with problems."""
    text = Text()
    for entry in catalogue:
        kind = "./scenarios" if entry.kind == "local" else entry.kind
        shared = f"{entry.path}: {entry.shared_note()}\n" if entry.shared else ""
        if entry.file is None:
            text.append(f"{entry.path.name} ({kind}): ", style="bold")
            text.append(f"cannot be played: {entry.problems[0]}\n", style="red")
            text.append(f"{shared}\n", style="yellow")
            continue
        s = entry.file.scenario
        text.append(f"{s.title}", style="bold")
        text.append(
            f"  ({s.id}, {kind}; {s.start} to {s.deadline}; {counted(len(s.issues), 'issue')})\n",
            style="dim",
        )
        text.append(shared, style="yellow")
        text.append(s.summary.strip() + "\n")
        if s.reference:
            text.append(f"From: {s.reference.strip()}\n", style="dim italic")
        text.append("\n")
    return text


class ScenariosScreen(GameScreen[None]):
    """Read-only list of scenarios."""

    HELP = """\
# Scenarios

Built-in scenarios ship with the game; your own go in `./scenarios/*.yaml` (see
`scenarios/AUTHORING.md`, and check them with `python main.py validate FILE`). A file with
problems is listed with its first problem, and a file whose `id:` another file declares too
says so (give its path on the command line: the id opens neither).

Esc goes back.
"""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back")]

    def __init__(self, catalogue: list[CatalogueEntry]) -> None:
        super().__init__()
        self.catalogue = catalogue

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="scenarios"):
            yield Static(scenarios_text(self.catalogue))
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Scroll keys work at once."""
        self.query_one("#scenarios").focus()

    def action_back(self) -> None:
        """Back to the title."""
        self.dismiss(None)
