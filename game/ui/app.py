"""The Textual application: the one place that decides which screen comes next, and its factory.

Screens never open one another: they dismiss with a result or post a message, and the app
reacts here. The game itself lives in the core's controller (`game.core.game.Game`); the app
holds it and gives screens the human seat's view of it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from game.memory import settle
from game.seeds import random_seed
from game.ui.flows.classroom import ClassroomFlow
from game.ui.flows.ending import EndingFlow, could_not
from game.ui.screens.quit import QuitScreen
from game.ui.screens.title import TitleScreen

if TYPE_CHECKING:
    from game.core.engine.moves import Act
    from game.core.engine.state import LogEntry
    from game.core.game import Game, SeatView
    from game.core.scenario.loader import ScenarioFile
    from game.ui.screens.base import TheoryRequested
    from game.ui.screens.new_game import NewGameRequest
    from game.ui.screens.table import TableScreen

STYLES = Path(__file__).parent / "styles"

# The game's own screens import the core (and pydantic with it), and help imports Textual's
# Markdown widget: both would slow down the title screen, so they are imported where they are
# first needed, in the handlers below, each marked "start-up speed".


class PerimeterApp(ClassroomFlow, EndingFlow):
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
        scenario: ScenarioFile | None = None,
        saves_dir: Path | None = None,
        seed: int | None = None,
        party: str | Iterable[str] | None = None,
        game: Game | None = None,
        difficulty: str = "normal",
        blink: bool = True,
        without: Iterable[str] = (),
        terminal: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__()
        self.blink = blink
        """Whether text cursors blink (off in tests, so screenshots are stable)."""
        self.start_scenario = scenario
        self.saves_dir = saves_dir or Path("saves")
        self.start_seed = seed
        self.start_parties = (party,) if isinstance(party, str) else tuple(party or ())
        """The countries people play (`play --as`; several: a hot seat)."""
        self.start_difficulty = difficulty
        self.start_without = tuple(without)
        """Causes to switch off in the game to come (`play --without`)."""
        self.game: Game | None = game
        self.seat: SeatView | None = None
        """The human seat's view of the game: all the screens see of it."""
        self.table: TableScreen | None = None
        self.shown = 0
        """How many log entries have been shown (events and votes open a window once)."""
        self.briefed: set[str] = set()
        """The countries whose people have seen their briefing in this game."""
        self.crash: Exception | None = None
        """An error that ended the app, for the command line's crash report."""
        self.farewell: str | None = None
        """What the terminal shows once the app has closed (where the game was saved)."""
        self.terminal = terminal
        """Whether the terminal is still there (by default, asked of stdin when it is one)."""
        self.autosave_told = False
        """Whether the player has been told that the game's last autosave failed."""

    # --- starting ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        """Open the title screen, or go straight to what the command line asked for."""
        if self.terminal is None:
            self.terminal = terminal_check(self.is_headless)
        if self.terminal is not None:
            self.set_interval(TERMINAL_CHECK_SECONDS, self.check_terminal)
        self.push_screen(TitleScreen())
        if self.game is not None:
            self.open_game(self.game)
        elif self.start_parties and self.start_scenario is not None:
            from game.ui.screens.new_game import NewGameRequest, difficulty_of  # start-up speed

            seed = self.start_seed if self.start_seed is not None else random_seed()
            difficulty = difficulty_of(self.start_difficulty)
            request = NewGameRequest(
                self.start_scenario,
                self.start_parties,
                seed,
                difficulty,
                frozenset(self.start_without),
            )
            self.begin(request)
        elif self.start_parties or self.start_scenario is not None:
            self.choose_new_game()

    def on_title_screen_chosen(self, message: TitleScreen.Chosen) -> None:
        """A line of the title menu was chosen."""
        if message.choice == "new":
            self.choose_new_game()
        elif message.choice == "load":
            self.choose_save()
        elif message.choice == "scenarios":
            from game.core.scenario.loader import catalogue  # start-up speed
            from game.ui.screens.scenarios import ScenariosScreen

            self.push_screen(ScenariosScreen(catalogue()))
        elif message.choice == "help":
            self.action_help()
        elif message.choice == "quit":
            self.exit()

    def choose_new_game(self) -> None:
        """The new-game screen; its choice starts the game."""
        from game.core.scenario.loader import catalogue  # start-up speed
        from game.ui.screens.new_game import NewGameScreen

        screen = NewGameScreen(
            catalogue(),
            self.start_scenario,
            self.start_parties,
            self.start_seed,
            self.start_difficulty,
            blink=self.blink,
            without=self.start_without,
        )
        self.push_screen(screen, self.begin)

    def begin(self, request: NewGameRequest | None) -> None:
        """Start the chosen game and show the briefing; Enter there opens the table. In a hot
        seat the first team due confirms it is at the keyboard first."""
        if request is None:
            return
        from game.core.game import Game  # start-up speed

        game = Game.new(
            request.source,
            request.seed,
            request.parties,
            difficulty=request.difficulty,
            saves_dir=self.saves_dir,
            disabled_causes=request.disabled_causes,
        )
        self.game, self.shown, self.briefed, self.autosave_told = game, 0, set(), False
        settle()
        self.seat_person(self.person_due(game))

    def choose_save(self) -> None:
        """The list of saves; the chosen one is loaded."""
        from game.core.saves.store import list_saves  # start-up speed
        from game.ui.screens.load import LoadScreen

        self.push_screen(LoadScreen(list_saves(self.saves_dir), self.saves_dir), self.load)

    def load(self, path: Path | None) -> None:
        """Load a save and open its game; report problems without a traceback."""
        if path is None:
            return
        from game.core.game import Game  # start-up speed
        from game.core.scenario.errors import LoadError

        try:
            game = Game.load(path, saves_dir=self.saves_dir)
        except LoadError as err:
            self.notify(
                "\n".join(str(p) for p in err.problems[:3]),
                title="Cannot load",
                severity="error",
                timeout=10,
                markup=False,  # file names and the problems' words are text, never markup
            )
            return
        self.open_game(game)

    def open_game(self, game: Game) -> None:
        """A loaded game: the table, or the end if it is over. What happened before is not
        shown again as windows (it is in the log)."""
        self.game, self.shown, self.autosave_told = game, len(game.state.log), False
        settle()
        if game.note is not None:
            self.notify(game.note, title="The scenario has changed", timeout=15, markup=False)
        # A loaded game's people have read their briefings before: a lone player saves at the
        # table, after it; at a hot seat, a team saved before its first turn (at its first
        # hand-off, by another team's save) has not, and is briefed then.
        moved = {m.party for m in game.state.moves}
        self.briefed = set(game.humans) if len(game.humans) == 1 else moved & set(game.humans)
        self.tell_autosave()
        if game.kept_apart is not None:
            self.notify(
                f"{game.kept_apart} holds more of this game and is kept as it was; from here "
                f"the game is autosaved to {game.autosave_file}.",
                title="A new autosave",
                timeout=15,
                markup=False,
            )
        party = self.person_due(game)
        if game.finished:
            self.seat = game.view(party)
            self.show_end()
        else:
            self.seat_person(party)

    @staticmethod
    def person_due(game: Game) -> str:
        """The country whose person plays next (the first person's, when none is due)."""
        if game.to_move in game.humans:
            return game.to_move
        return game.humans[0] if game.humans else game.scenario.party_ids[0]

    def seat_person(self, party: str) -> None:
        """Give the keyboard to the person playing `party`: in a hot seat, after a hand-off
        screen that shows nothing private until they confirm; then their briefing the first
        time, then their table."""
        assert self.game is not None
        if len(self.game.humans) < 2:
            self.sit_down(party)
            return
        from game.ui.screens.handoff import HandOffScreen  # start-up speed

        if self.table is not None and self.screen is self.table:
            self.pop_screen()
        self.table, self.seat = None, None
        state = self.game.state
        screen = HandOffScreen(state.scenario, party, state.round, state.date)
        self.push_screen(screen, lambda _: self.sit_down(party))

    def sit_down(self, party: str) -> None:
        """The person playing `party` is at the keyboard: their briefing (once), their table."""
        from game.ui.screens.briefing import BriefingScreen  # start-up speed

        assert self.game is not None
        self.seat = self.game.view(party)
        if party in self.briefed:
            self.open_table()
            return
        self.briefed.add(party)
        self.push_screen(BriefingScreen(self.seat), self.open_table)

    # --- at the table -----------------------------------------------------------------------

    def open_table(self, _: object = None) -> None:
        """The negotiation table, then any event that happened before the seat's turn."""
        from game.ui.screens.table import TableScreen  # start-up speed

        assert self.seat is not None
        self.table = TableScreen(self.seat)
        game = self.game
        if game is not None and game.saved_draft and game.saved_draft.party == self.seat.party:
            # The draft the loaded save kept, given back once, to the country it was for.
            self.table.restore_draft(game.saved_draft)
            game.saved_draft = None
        self.push_screen(self.table)
        self.show_news()

    def on_table_screen_move_made(self, _: TableScreen.MoveMade) -> None:
        """After a move: a window for each event and vote since, then the end if it came."""
        self.show_news()

    def show_news(self) -> None:
        """A window for each event and vote not shown yet, one after another, then the end."""
        assert self.game is not None
        from game.ui.render.table import log_dates  # start-up speed

        self.tell_autosave()

        log = self.game.state.log
        dates = log_dates(self.game.scenario, log)
        news = [
            (e, dates.get(i))
            for i, e in enumerate(log)
            if i >= self.shown and e.kind in ("event", "ratified", "blocked", "lapsed")
        ]
        self.shown = len(log)
        self._next_notice(news, 0)

    def _next_notice(self, news: list[tuple[LogEntry, str | None]], n: int) -> None:
        from game.ui.screens.notice import NoticeScreen  # start-up speed

        assert self.game is not None
        if n < len(news):
            entry, date = news[n]
            screen = NoticeScreen(self.game.scenario, entry, (n + 1, len(news)), date)
            self.push_screen(
                screen, lambda skip: self._next_notice(news, len(news) - 1 if skip else n + 1)
            )
        elif self.game.finished:
            self.show_end()
        elif self.seat is not None and self.person_due(self.game) != self.seat.party:
            # A hot seat: the next person due is another team.
            self.seat_person(self.person_due(self.game))

    def on_table_screen_actions_requested(self, message: TableScreen.ActionsRequested) -> None:
        """The diplomatic actions window; the chosen one is played at the table."""
        from game.ui.screens.actions import ActionScreen  # start-up speed

        assert self.game is not None

        def chosen(act: Act | None) -> None:
            if act is not None and self.table is not None:
                self.table.play(act)

        self.push_screen(ActionScreen(self.game.scenario, message.actions), chosen)

    def on_table_screen_briefing_requested(self, _: TableScreen.BriefingRequested) -> None:
        """The briefing again, over the table."""
        from game.ui.screens.briefing import BriefingScreen  # start-up speed

        assert self.seat is not None
        self.push_screen(BriefingScreen(self.seat))

    def on_table_screen_log_requested(self, _: TableScreen.LogRequested) -> None:
        """The whole log, full screen, over the table."""
        from game.ui.screens.log import LogScreen  # start-up speed

        assert self.seat is not None
        self.push_screen(LogScreen(self.seat))

    def on_table_screen_option_info_requested(
        self, message: TableScreen.OptionInfoRequested
    ) -> None:
        """An option in full, in a window."""
        from game.ui.screens.help import HelpScreen  # start-up speed (Markdown is heavy)

        self.push_screen(HelpScreen(message.text))

    def on_table_screen_save_requested(self, _: TableScreen.SaveRequested) -> None:
        """Ctrl+S at the table."""
        self.save_game()

    def save_game(self) -> Path | None:
        """Save the running game; say where (or why not) on the table's message line."""
        if self.game is None:
            return None
        # The draft at the table goes into the save too (a student's draft was lost by a save
        # and a load); from the quit window as well, over the table.
        table = self.table
        draft = table.saved_draft() if table is not None and table in self.screen_stack else None
        try:
            path = self.game.save(self.saves_dir, draft=draft)
        except OSError as err:
            self.notify(could_not("save", err), severity="error", timeout=15, markup=False)
            return None
        if self.table is not None and self.screen is self.table:
            self.table.message(Text(f"Saved to {path}", style="green"))
        return path

    def tell_autosave(self) -> None:
        """Say on screen, once, that the game could not be autosaved, naming the file and what
        to do; again only if it fails anew after an autosave that worked."""
        failure = self.game.autosave_failure if self.game is not None else None
        if failure is None:
            self.autosave_told = False
        elif not self.autosave_told:
            self.autosave_told = True
            self.notify(
                f"{could_not('autosave', failure)} Until then the game is not saved.",
                title="Not autosaved",
                severity="warning",
                timeout=20,
                markup=False,
            )

    def on_theory_requested(self, _: TheoryRequested) -> None:
        """The theory card, over the briefing or the end screen that asked for it."""
        from game.ui.screens.theory import TheoryScreen  # start-up speed (Markdown is heavy)

        assert self.game is not None
        self.push_screen(TheoryScreen(self.game.scenario))

    # --- everywhere -------------------------------------------------------------------------

    @property
    def needs_terminal(self) -> bool:
        """Whether the app draws on the terminal it was started in: not when textual-serve
        runs it for a browser, with a driver of its own."""
        return not os.environ.get("TEXTUAL_DRIVER")

    def check_terminal(self) -> None:
        """When the terminal has gone (its window closed, an ssh link lost) and the hangup
        never reached this process, as under `make play`, where make takes the signal and
        waits: keep the game in its autosave and end, instead of running on unseen (Textual's
        input thread then reads nothing in a loop, at half a core)."""
        if self.terminal is None or self.terminal():
            return
        if self.game is not None and not self.game.finished:
            self.game.autosave()
        self.exit()

    def _handle_exception(self, error: Exception) -> None:
        """An unhandled error ends the app, as in Textual; it is kept for the command line,
        which writes a crash report and says sorry in one line (issue 13: never a raw
        traceback on screen). Tests (Pilot) still see it raised."""
        self.crash = error
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        """Textual prints the traceback of a crash as the app closes: not here (see above)."""
        if self.crash is None:
            super()._print_error_renderables()

    def action_help(self) -> None:
        """Help for whatever screen is showing."""
        from game.ui.screens.help import HelpScreen  # start-up speed (Markdown is heavy)

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(getattr(self.screen, "HELP", "")))

    def action_request_quit(self) -> None:
        """Ask before quitting, offering to save a game in progress."""
        if isinstance(self.screen, QuitScreen):
            return
        game = self.game
        failure = game.autosave_failure if game is not None else None
        # A finished game is in its autosave; one that could not be autosaved may be saved.
        can_save = game is not None and (not game.finished or failure is not None)
        failed = failure.strerror if failure is not None else None
        self.push_screen(QuitScreen(can_save, failed), self._quit_answered)

    def _quit_answered(self, answer: str | None) -> None:
        if answer == "save":
            path = self.save_game()
            if path is not None:
                self.farewell = f"Your game is saved in {path}"
                self.exit(message=self.farewell)
        elif answer == "quit":
            self.exit()


TERMINAL_CHECK_SECONDS = 2.0
"""How often the app checks that its terminal is still there."""


def terminal_check(headless: bool) -> Callable[[], bool] | None:
    """Whether the terminal the game runs in is still there, asked of stdin: a closed
    terminal is no longer a terminal. None where there is none to lose (tests, a browser)."""
    stdin = sys.__stdin__
    if headless or stdin is None or not stdin.isatty():
        return None
    fd = stdin.fileno()
    return lambda: os.isatty(fd)


make_app = PerimeterApp
"""The app as the command line and the server make it: a name of their own, which tests
replace to see what a command asks for without starting the terminal UI."""
