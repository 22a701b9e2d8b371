"""The Textual application and its factory, used by main.py and the tests alike."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from game.ui.screens.title import TitleScreen

if TYPE_CHECKING:
    from game.ui.session import Session

STYLES = Path(__file__).parent / "styles"


class PerimeterApp(App[None]):
    """Perimeter in the terminal: title, new game, briefing, the table, the end."""

    CSS_PATH = str(STYLES / "app.tcss")
    TITLE = "Perimeter"
    # The footer needs every column at 80x24 for the game's own keys.
    ENABLE_COMMAND_PALETTE = False
    SUB_TITLE = "North American security cooperation"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+c", "request_quit", "Quit", show=False, priority=True),
        Binding("q", "request_quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("f1", "help", "Help", show=False),
    ]

    def __init__(
        self,
        scenario: str | None = None,
        saves_dir: Path | None = None,
        seed: int | None = None,
        party: str | None = None,
        load: Path | None = None,
        difficulty: str = "normal",
        blink: bool = True,
    ) -> None:
        super().__init__()
        self.blink = blink
        """Whether text cursors blink (off in tests, so screenshots are stable)."""
        self.start_scenario = scenario
        self.saves_dir = saves_dir or Path("saves")
        self.start_seed = seed
        self.start_party = party
        self.start_load = load
        self.start_difficulty = difficulty
        self.session: Session | None = None

    def on_mount(self) -> None:
        """Open the title screen, or go straight to a game the command line asked for."""
        self.push_screen(TitleScreen())
        if self.start_load is not None:
            from game.ui.screens.load import open_save

            open_save(self, self.start_load)
        elif self.start_party is not None and self.start_scenario is not None:
            self.start_game(self.start_scenario, self.start_party)
        elif self.start_party is not None or self.start_scenario is not None:
            from game.ui.screens.new_game import NewGameScreen

            self.push_screen(
                NewGameScreen(
                    self.start_scenario, self.start_party, self.start_seed, self.start_difficulty
                )
            )

    def start_game(self, scenario_name: str, party: str) -> None:
        """Straight to the briefing of a new game (`play SCENARIO --as PARTY`)."""
        import random

        from game.core.loader import load_scenario, resolve_scenario
        from game.ui.screens.briefing import BriefingScreen
        from game.ui.session import Session

        path = resolve_scenario(scenario_name)
        scenario = load_scenario(path)
        seed = self.start_seed if self.start_seed is not None else random.randrange(1, 1_000_000)
        difficulty = (
            self.start_difficulty
            if self.start_difficulty in ("easy", "normal", "hard")
            else "normal"
        )
        self.session = Session.new(scenario, path, party, seed, difficulty, self.saves_dir)  # type: ignore[arg-type]
        self.push_screen(BriefingScreen(self.session, then_play=True))

    def action_help(self) -> None:
        """Help for whatever screen is showing."""
        from game.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(getattr(self.screen, "HELP", "")))

    def action_request_quit(self) -> None:
        """Ask before quitting, offering to save a game in progress."""
        from game.ui.screens.quit import QuitScreen

        if isinstance(self.screen, QuitScreen):
            return
        can_save = self.session is not None and not self.session.state.finished
        self.push_screen(QuitScreen(can_save), self._quit_answered)

    def _quit_answered(self, answer: str | None) -> None:
        if answer == "save":
            from game.ui.screens.table import save_now

            if save_now(self):
                self.exit()
        elif answer == "quit":
            self.exit()


def make_app(
    scenario: str | None = None,
    saves_dir: Path | None = None,
    seed: int | None = None,
    party: str | None = None,
    load: Path | None = None,
    difficulty: str = "normal",
    blink: bool = True,
) -> PerimeterApp:
    """The app, configured as the command line or a test asks."""
    return PerimeterApp(scenario, saves_dir, seed, party, load, difficulty, blink)
