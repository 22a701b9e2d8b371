"""The app's part at the end of a game: the end screen (what was possible worked out off the
screen's thread), the class debrief and its export, and the replay with its branches.

A mixin of the app (`PerimeterApp` in game/ui/app.py): it decides which screen comes next
there, as the app does everywhere else; it is kept apart only to keep the app readable.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual.app import App

from game.ui.screens.title import TitleScreen

if TYPE_CHECKING:
    from game.core.analysis.debrief import Debrief
    from game.core.analysis.frontier import Frontier
    from game.core.engine.state import State
    from game.core.game import Game, SeatView
    from game.ui.screens.branch import BranchChoice
    from game.ui.screens.debrief import DebriefScreen
    from game.ui.screens.end import EndScreen
    from game.ui.screens.log import LogScreen
    from game.ui.screens.replay import ReplayScreen
    from game.ui.screens.table import TableScreen

T = TypeVar("T")

WORKING_AFTER = 0.3
"""Seconds the end of a game may take before a window with a progress bar shows (most agendas
are worked out well within it, and a window that flashes past is noise)."""

# Screens and the analysis are imported where they are first needed, each marked "start-up
# speed", as in the app.


def could_not(doing: str, err: OSError) -> str:
    """A save that failed, in words: the file and why, and what to do (a save's error, the
    core's SaveFailed, names the file it was for and gives the advice)."""
    advice = getattr(err, "advice", None)
    if advice is None:  # the system's own error, whose file may be a temporary one
        return f"Could not {doing}: {err.strerror or err}."
    return f"Could not {doing} to {err.filename}: {err.strerror}. {advice}"


class EndingFlow(App[None]):
    """The end of a game, its debrief, and its replay and branches."""

    # Set by the app (see PerimeterApp.__init__).
    game: Game | None
    seat: SeatView | None
    table: TableScreen | None
    saves_dir: Path

    def open_game(self, game: Game) -> None:
        """A game, at its table (the app's)."""
        raise NotImplementedError

    def to_title(self, _: object = None) -> None:
        """Back at the title screen, with no game."""
        self.game, self.seat, self.table = None, None, None

    # --- the end --------------------------------------------------------------------------

    def show_end(self) -> None:
        """The end screen in place of the table; Enter there goes back to the title. What was
        possible is worked out off the screen's thread (see `work_then`)."""
        from game.core.analysis.debrief import debrief  # start-up speed
        from game.core.analysis.frontier import pareto_frontier

        assert self.game is not None and self.seat is not None
        state, party = self.game.state, self.seat.party

        def work(progress: Callable[[int, int], None]) -> Debrief:
            frontier = pareto_frontier(state.scenario, state.conditions, progress=progress)
            return debrief(state, frontier)

        def show(report: Debrief) -> None:
            from game.ui.screens.end import EndScreen  # start-up speed

            if self.table is not None and self.screen is self.table:
                self.pop_screen()
            self.table = None
            # A hot seat's teams take turns at the end screen too (a class game's page has one:
            # its `humans` is its own seat).
            teams = self.game.humans if self.game is not None else ()
            self.push_screen(EndScreen(report, state.scenario, party, teams), self.to_title)

        self.work_then(
            "Working out what was possible: the Pareto frontier and the Nash package.",
            "The end of the game",
            work,
            show,
        )

    def work_then(
        self,
        text: str,
        subtitle: str,
        work: Callable[[Callable[[int, int], None]], T],
        show: Callable[[T], None],
    ) -> None:
        """Run `work` on a thread, then `show` its result. If it takes a moment (a large
        agenda), a window with a progress bar shows meanwhile, so the screen never freezes;
        `work` is given the bar's callback (work done, out of how much)."""
        from game.ui.screens.working import WorkingScreen  # start-up speed

        working: WorkingScreen[T] = WorkingScreen(text, subtitle)
        shown = done = False

        def close_working(result: T | None) -> None:
            assert result is not None
            show(result)

        def show_working() -> None:
            nonlocal shown
            if done:  # the timer had already fired when the work finished
                return
            shown = True
            self.push_screen(working, close_working)

        def finished(result: T) -> None:
            nonlocal done
            done = True
            if shown:
                working.finish(result)
            else:
                timer.stop()
                show(result)

        def run() -> None:
            self.call_from_thread(finished, work(working.advance))

        timer = self.set_timer(WORKING_AFTER, show_working)
        self.run_worker(run, thread=True, group="work", exit_on_error=True)

    def on_end_screen_debrief_requested(self, _: EndScreen.DebriefRequested) -> None:
        """The class debrief of the game that ended, over the end screen."""
        from game.ui.screens.end import EndScreen  # start-up speed

        end = self.screen
        assert self.game is not None and isinstance(end, EndScreen)
        self.open_debrief(self.game.state, end.report.frontier)

    def open_debrief(self, state: State, frontier: Frontier | None = None) -> None:
        """The class debrief of a game, written off the screen's thread (what was possible:
        `frontier`, worked out again when not given), over the screen that asked for it."""
        from game.core.analysis.class_report import class_report  # start-up speed
        from game.core.analysis.report_markdown import to_markdown

        def show(markdown: str) -> None:
            from game.ui.screens.debrief import DebriefScreen  # start-up speed

            self.push_screen(DebriefScreen(markdown, state.scenario.title))

        self.work_then(
            "Writing the debrief: the zone of agreement round by round, the timeline, "
            "questions for discussion.",
            "Debrief",
            lambda _: to_markdown(class_report(state, frontier)),
            show,
        )

    def on_debrief_screen_export_requested(self, message: DebriefScreen.ExportRequested) -> None:
        """Save the debrief as Markdown beside the saves; say where (or why not)."""
        from game.core.saves.store import game_name, write_atomic  # start-up speed

        assert self.game is not None
        name = f"debrief-{game_name(self.game.state, self.game.started)}.md"
        if self.is_web:
            # In a browser (a class game) the server's disk is out of the student's reach:
            # the browser downloads the file instead.
            import io  # start-up speed

            self.deliver_text(io.StringIO(message.markdown), save_filename=name)
            self.notify(f"Your browser downloads {name}", markup=False)
            return
        folder = self.saves_dir or Path("saves")
        path = folder / name
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(path, message.markdown.encode("utf-8"))
        except OSError as err:
            said = could_not(f"save the debrief to {path}", err)
            self.notify(said, severity="error", timeout=15, markup=False)
            return
        self.notify(f"Debrief saved to {path}", markup=False)

    # --- replay and branch ------------------------------------------------------------------

    def on_end_screen_replay_requested(self, message: EndScreen.ReplayRequested) -> None:
        """The game move by move as the team the end screen shows saw it ("What if"), over
        the end screen."""
        self.open_replay(message.party)

    def on_log_screen_replay_requested(self, _: LogScreen.ReplayRequested) -> None:
        """The game so far move by move, over the log of a game in progress."""
        self.open_replay()

    def open_replay(self, party: str | None = None) -> None:
        """The replay of the game as the seat (or `party`) saw it, over the screen that asked
        for it."""
        from game.core.analysis.steps import replay  # start-up speed
        from game.ui.screens.replay import ReplayScreen

        assert self.game is not None and self.seat is not None
        steps = replay(self.game.state)
        shown = party or self.seat.party
        self.push_screen(ReplayScreen(steps, shown, branches=not self.in_class()))

    def in_class(self) -> bool:
        """Whether the game on this page is a class game (see ClassroomFlow)."""
        return False

    def on_replay_screen_branch_asked(self, message: ReplayScreen.BranchAsked) -> None:
        """Which country to play and which cause to switch off in a branch from the round the
        replay shows; the choice starts it."""
        from game.ui.screens.branch import BranchScreen  # start-up speed

        assert self.game is not None
        if self.in_class():
            return
        round_ = message.round
        screen = BranchScreen(self.game.state, round_, message.party)
        self.push_screen(screen, lambda choice: self.start_branch(round_, choice))

    def start_branch(self, round_: int, choice: BranchChoice | None) -> None:
        """A new game from the opening of the round, at the table; the game it came from is
        left as it was (one still in progress is saved first, so nothing is lost)."""
        if choice is None:
            return
        from game.core.analysis.steps import branch  # start-up speed

        assert self.game is not None
        old = self.game
        kept = "Your finished game is unchanged."
        if not old.finished:
            try:
                kept = f"Your game so far is saved in {old.save(self.saves_dir)}."
            except OSError as err:
                said = could_not("save your game", err)
                self.notify(said, severity="error", timeout=15, markup=False)
                return
        made = branch(
            old.state,
            round_,
            [choice.party],
            choice.without,
            source=old.source,
            saves_dir=self.saves_dir,
        )
        # The branch is a new game: the replay and the end screen under it give way, as if the
        # player had gone back to the title and started one.
        while len(self.screen_stack) > 1 and not isinstance(self.screen, TitleScreen):
            self.pop_screen()
        self.to_title()
        self.open_game(made.game)
        self.notify(f"{made.summary} {kept}", title="Branch", timeout=10, markup=False)
