"""The app's part in a class game (`join STORE`, what `serve` runs for each browser): the join
screen, then the team's briefing and table or the instructor's view, kept up to date with the
moves the other teams make in their own browsers.

A mixin of the app (`PerimeterApp` in game/ui/app.py), which decides which screen comes next
here as everywhere else. The shared game is a `ClassGame` (game/core/classroom.py): a `Game`
whose moves go through the class game's file, so the table works as in solo play.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import App
from textual.timer import Timer

if TYPE_CHECKING:
    from game.core.analysis.frontier import Frontier
    from game.core.classroom import ClassGame
    from game.core.engine.state import State
    from game.core.game import Game, SeatView
    from game.ui.screens.instructor import InstructorScreen
    from game.ui.screens.join import JoinScreen
    from game.ui.screens.table import TableScreen

REFRESH_SECONDS = 0.4
"""How often a class game's screen reads the moves others made: a move made in one browser
shows in the others within a second."""

# The core and the screens are imported where they are first needed, each marked "start-up
# speed", as in the app.


class ClassroomFlow(App[None]):
    """Joining a class game, and following it as one team or as the instructor."""

    class_store: Path | None = None
    """The class game's file; set (by `join STORE`) before the app runs, it opens the join
    screen in place of the title screen."""

    class_game: ClassGame | None = None
    """The class game as this browser's seat holds it, once joined."""

    # Set by the app (see PerimeterApp.__init__).
    game: Game | None
    seat: SeatView | None
    table: TableScreen | None
    shown: int
    blink: bool

    if TYPE_CHECKING:
        # The app's and the ending's; declared here for the type checker only, so that the
        # real methods are never shadowed by stubs in this base class.
        def open_table(self, _: object = None) -> None: ...
        def show_news(self) -> None: ...
        def show_end(self) -> None: ...
        def open_debrief(self, state: State, frontier: Frontier | None = None) -> None: ...

    _class_timer: Timer | None = None
    _class_problem: str | None = None

    def on_mount(self) -> None:
        """In a class game, the join screen in place of the title screen. (Textual calls each
        class's own `on_mount` along the app's bases: the app's ran first and opened the
        title screen.)"""
        if self.class_store is None:
            return
        from game.core.saves.shared import SharedStore  # start-up speed
        from game.core.scenario.errors import LoadError
        from game.ui.screens.join import JoinScreen

        problem = None
        try:
            store = SharedStore.open(self.class_store)
        except LoadError as err:
            title, problem = "", f"This class game cannot be joined: {err.problems[0]}"
        else:
            header = store.header
            teams = ", ".join(header.humans)
            title = f"{header.scenario} · seed {header.seed} · teams: {teams}"
            store.close()
        self.switch_screen(JoinScreen(title, problem, blink=self.blink))

    def on_join_screen_code_entered(self, message: JoinScreen.CodeEntered) -> None:
        """A code was typed: the seat it opens, or why not, on the join screen."""
        from game.core.classroom import ClassGame, JoinRefused  # start-up speed
        from game.core.scenario.errors import LoadError
        from game.ui.screens.join import JoinScreen

        screen = self.screen
        assert self.class_store is not None and isinstance(screen, JoinScreen)
        try:
            game = ClassGame.join(self.class_store, message.code)
        except JoinRefused as err:
            screen.refuse(str(err))
            return
        except LoadError as err:
            screen.refuse(f"This class game cannot be joined: {err.problems[0]}")
            return
        self.join_class(game)

    def in_class(self) -> bool:
        """Whether the game on this page is the class game it joined (a branch from its replay
        would take the page away from the team's seat)."""
        return self.class_game is not None and self.game is self.class_game

    def join_class(self, game: ClassGame) -> None:
        """Follow a class game as its seat: the instructor's view, or the team's briefing (the
        first time) and table; a team coming back continues where it was."""
        from game.ui.screens.briefing import BriefingScreen  # start-up speed
        from game.ui.screens.instructor import InstructorScreen

        if self.class_game is not None and self.class_game is not game:
            self.class_game.close()
        self.class_game = game
        if game.note is not None:
            self.notify(game.note, title="The scenario has changed", timeout=15, markup=False)
        if self._class_timer is None:
            self._class_timer = self.set_interval(REFRESH_SECONDS, self.follow_class)
        if game.instructor:
            # The instructor's page holds the game too (its debrief is exported by its name).
            self.game, self.seat = game, None
            self.push_screen(InstructorScreen(game.scenario, game.standing(), self._outcome()))
            return
        party = game.seat
        self.game, self.seat = game, game.view(party)
        returning = any(m.party == party for m in game.state.moves)
        # Coming back, what happened before is in the log, not shown again as windows.
        self.shown = len(game.state.log) if returning else 0
        if game.finished:
            self.show_end()
        elif returning:
            self.open_table()
        else:
            self.push_screen(BriefingScreen(self.seat), self.open_table)

    # --- following the game -------------------------------------------------------------------

    def follow_class(self) -> None:
        """Read the moves the other seats made since (on a timer) and redraw what shows."""
        from game.core.scenario.errors import LoadError  # start-up speed

        game = self.class_game
        if game is None:
            return
        was_paused = game.paused
        try:
            changed = game.refresh()
        except LoadError as err:
            problem = str(err.problems[0])
            if problem != self._class_problem:
                self._class_problem = problem
                self.notify(
                    problem, title="The class game", severity="error", timeout=15, markup=False
                )
            return
        if not changed:
            return
        if game.instructor:
            self._show_standing()
            return
        if self.game is not game or self.table is None:
            return
        # As after a move at this table: the last message was about the game before.
        self.table.last_message = None
        self.table.after_move()
        if game.paused != was_paused:
            self.table.message(paused_text(game.paused))
        if self.screen is self.table:
            self.show_news()

    def _instructor_screen(self) -> InstructorScreen | None:
        from game.ui.screens.instructor import InstructorScreen  # start-up speed

        return next((s for s in self.screen_stack if isinstance(s, InstructorScreen)), None)

    def _show_standing(self) -> None:
        screen = self._instructor_screen()
        if screen is not None and self.class_game is not None:
            screen.show(self.class_game.standing(), self._outcome())
            if self.class_game.finished:
                screen.message("The game is over: d opens its debrief, to project.")

    def _outcome(self) -> str | None:
        """The class game's outcome in a sentence, once it is over."""
        game = self.class_game
        if game is None or not game.finished:
            return None
        from game.core.analysis.outcomes import classify, outcome_text  # start-up speed

        deal = game.state.trilateral
        return outcome_text(game.scenario, classify(game.state), deal.package if deal else None)

    def on_instructor_screen_debrief_requested(self, _: InstructorScreen.DebriefRequested) -> None:
        """`d` at the end: the class debrief of the game, over the instructor's view."""
        game = self.class_game
        if game is not None and game.finished:
            self.open_debrief(game.state)

    # --- the instructor's keys ----------------------------------------------------------------

    def on_instructor_screen_pause_requested(self, _: InstructorScreen.PauseRequested) -> None:
        """`p`: pause the game, or let it go on."""
        from game.core.engine.moves import IllegalMove  # start-up speed

        game, screen = self.class_game, self._instructor_screen()
        if game is None or screen is None:
            return
        try:
            game.set_paused(not game.paused)
        except IllegalMove as err:
            screen.message(f"✘ {err}", "bold red")
            return
        self._show_standing()
        if game.paused:
            screen.message("Paused: no team can move until you press p again.", "bold")
        else:
            screen.message("The game goes on.")

    def on_instructor_screen_end_round_requested(
        self, _: InstructorScreen.EndRoundRequested
    ) -> None:
        """`n`: advance the clock, every seat still to move this round passing."""
        from game.core.engine.moves import IllegalMove  # start-up speed
        from game.core.engine.wording import counted  # start-up speed

        game, screen = self.class_game, self._instructor_screen()
        if game is None or screen is None:
            return
        ended = game.state.round + 1
        try:
            passed = game.end_round()
        except IllegalMove as err:
            screen.message(f"✘ Cannot end the round: {err}", "bold red")
            return
        self._show_standing()
        screen.message(f"Round {ended} ended: {counted(passed, 'seat')} still to move passed.")


def paused_text(paused: bool) -> Text:
    """What a team's table says when the instructor pauses the game or lets it go on."""
    if paused:
        return Text("The instructor has paused the game: wait until it goes on.", style="bold")
    return Text("The instructor has let the game go on.", style="green")
