"""Joining a class game in a browser (issue 12, points 2 and 3), driven with Pilot: "each team
opens the page, picks its country (a join code or seat token, so a team cannot take another's
seat or see its numbers)"; "a move made in one browser appears in the others within a
second"; the instructor's view "shows every party's scores ... it can pause the game and
advance the clock"."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from game.core.classroom import INSTRUCTOR, ClassGame
from game.core.engine.moves import Counter, IllegalMove, Pass, Propose
from game.core.engine.zone import zone
from game.core.game import Game
from game.ui.app import PerimeterApp, make_app
from game.ui.flows.classroom import REFRESH_SECONDS
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.instructor import InstructorScreen
from game.ui.screens.join import JoinScreen
from game.ui.screens.replay import ReplayScreen
from game.ui.screens.table import TableScreen
from tests.conftest import spp_file
from tests.ui.conftest import close_notices, screen_text, widget_text

SIZE = (80, 24)
EVERYONE = ("US", "MX", "CA")
PACKAGE = (0, 0, 1, 3, 0, 2, 0, 0, 0)
"""A package the United States tables before the others join (so there are scores to see)."""


def new_class(tmp_path: Path) -> ClassGame:
    """A class game of spp-2005, every country a team's, in which the United States (first to
    move) has tabled PACKAGE; held by the instructor."""
    instructor = ClassGame.create(tmp_path / "class.sqlite", spp_file(), 3, EVERYONE)
    assert instructor.to_move == "US"
    us = ClassGame.join(instructor.store.path, instructor.codes()["US"])
    us.play(Propose(party="US", package=PACKAGE, scope=EVERYONE))
    us.close()
    instructor.refresh()
    return instructor


def finished_class(tmp_path: Path) -> ClassGame:
    """`new_class`'s game played to its end, each team moving as the computer would."""
    from game.core.players.negotiator import choose_move

    instructor = new_class(tmp_path)
    seats = {p: ClassGame.join(instructor.store.path, instructor.codes()[p]) for p in EVERYONE}
    while True:
        for seat in seats.values():
            seat.refresh()
        due = seats["US"].to_move
        if due is None:
            break
        seats[due].play(choose_move(seats[due].state, due))
    for seat in seats.values():
        seat.close()
    instructor.refresh()
    return instructor


def class_app(store: Path) -> PerimeterApp:
    """The app as `join STORE` starts it (what `serve` runs for each browser)."""
    app = make_app(saves_dir=store.parent / "saves", blink=False)
    app.class_store = store
    return app


async def enter_code(pilot: Pilot[None], code: str) -> None:
    await pilot.pause()
    assert isinstance(pilot.app.screen, JoinScreen)
    await pilot.press(*code, "enter")
    await pilot.pause()


async def to_table(pilot: Pilot[None], code: str) -> None:
    """Join with a country's code, then go from its briefing to its table."""
    await enter_code(pilot, code)
    await pilot.press("enter")
    await pilot.pause()
    await close_notices(pilot)


def shown(app: PerimeterApp) -> str:
    return "\n".join(screen_text(app))


def private_numbers(game: Game, party: str) -> set[str]:
    """What only `party` may see, as a table shows it: what it needs, its reservation value
    and its score of the package on the table (one decimal)."""
    view = game.view(party)
    numbers = {f"{view.needed():.1f}", f"{view.requirement().reservation:.1f}"}
    if view.offer is not None:
        numbers.add(f"{view.score(view.offer.package).total:.1f}")
    return numbers


async def test_a_wrong_code_is_refused_with_a_message(tmp_path: Path) -> None:
    """A code that opens no seat says so, and the page stays at the join screen."""
    instructor = new_class(tmp_path)
    async with class_app(instructor.store.path).run_test(size=SIZE) as pilot:
        await enter_code(pilot, "ABCD-EFGH")
        app = pilot.app
        assert isinstance(app, PerimeterApp) and isinstance(app.screen, JoinScreen)
        assert "no seat has that code" in widget_text(app, "#join-message")


async def test_a_countrys_code_opens_its_table_and_no_other_countrys_numbers(
    tmp_path: Path,
) -> None:
    """Mexico's code opens Mexico's briefing, then its table with the package on the table;
    neither shows a number only the United States or Canada may see."""
    instructor = new_class(tmp_path)
    app = class_app(instructor.store.path)
    async with app.run_test(size=SIZE) as pilot:
        await enter_code(pilot, instructor.codes()["MX"])
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("enter")
        await pilot.pause()
        await close_notices(pilot)
        assert isinstance(app.screen, TableScreen)
        assert app.screen.view.party == "MX" and app.screen.view.my_turn
        mine = private_numbers(instructor, "MX")
        others = (private_numbers(instructor, "US") | private_numbers(instructor, "CA")) - mine
        for panel in ("1", "2", "3", "5"):
            await pilot.press(panel)
            await pilot.pause()
            text = shown(app)
            assert "You: Mexico" in text
            assert {n for n in others if n in text} == set(), panel


async def test_a_move_made_in_another_browser_shows_on_the_table(tmp_path: Path) -> None:
    """Mexico's table follows the game: Mexico passes, then Canada (in its own browser)
    counters; at the next refresh (every REFRESH_SECONDS, run here at once) Mexico's table
    shows Canada's package in the draft and the turn that follows."""
    assert REFRESH_SECONDS <= 0.5
    instructor = new_class(tmp_path)
    app = class_app(instructor.store.path)
    async with app.run_test(size=SIZE) as pilot:
        await to_table(pilot, instructor.codes()["MX"])
        table = app.screen
        assert isinstance(table, TableScreen)
        await pilot.press("p")
        await pilot.pause()
        assert "CA to move" in shown(app)
        canada = ClassGame.join(instructor.store.path, instructor.codes()["CA"])
        # A package in the zone of agreement: Canada may table it.
        counter = zone(spp_file().scenario, canada.state.conditions).packages[-1]
        assert counter != PACKAGE
        canada.play(Counter(party="CA", package=counter, scope=EVERYONE))
        app.follow_class()
        await pilot.pause()
        text = shown(app)
        assert "Canada counters: now in your draft" in text
        assert table.draft == list(counter)
        assert "CA to move" not in text


async def test_the_instructor_sees_every_partys_scores_and_p_pauses_the_game(
    tmp_path: Path,
) -> None:
    """The instructor's code opens the instructor's view: every country's score of the package
    on the table, what each needs, the zone of agreement; `p` pauses (a team's move is then
    refused and its table says why) and `n` ends the round."""
    instructor = new_class(tmp_path)
    codes = instructor.codes()
    app = class_app(instructor.store.path)
    async with app.run_test(size=SIZE) as pilot:
        await enter_code(pilot, codes[INSTRUCTOR])
        assert isinstance(app.screen, InstructorScreen)
        text = shown(app)
        for party in EVERYONE:
            view = instructor.view(party)
            assert view.scenario.party(party).name in text
            assert f"{view.score(PACKAGE, EVERYONE).total:.1f}" in text
        assert "Zone of agreement now" in text and "Mexico to move" in text
        assert not any(code in text for code in codes.values())
        await pilot.press("p")
        await pilot.pause()
        assert "PAUSED" in shown(app)
        mexico = ClassGame.join(instructor.store.path, codes["MX"])
        try:
            mexico.play(Pass(party="MX"))
        except IllegalMove as err:
            assert "paused" in str(err)
        else:
            raise AssertionError("a move was taken while the game was paused")
        await pilot.press("n")
        await pilot.pause()
        assert "Round 2 of" in shown(app) and "Round 1 ended" in shown(app)
        assert re.search(r"Round 1 ended: (1 seat|[02-9] seats) still to move passed", shown(app))


async def test_a_teams_table_says_when_the_instructor_pauses(tmp_path: Path) -> None:
    """While the game is paused a team's table says why nothing moves."""
    instructor = new_class(tmp_path)
    app = class_app(instructor.store.path)
    async with app.run_test(size=SIZE) as pilot:
        await to_table(pilot, instructor.codes()["MX"])
        instructor.set_paused(True)
        app.follow_class()
        await pilot.pause()
        assert "The instructor has paused the game" in shown(app)
        await pilot.press("p")
        await pilot.pause()
        assert "Not allowed: the instructor has paused the game" in shown(app)


async def test_a_paused_teams_status_line_says_paused_not_your_turn(tmp_path: Path) -> None:
    """Instructor's view: "p pauses the game (no team can move; their tables say why)". The
    status line, which stays when the message line is replaced, must not invite a move."""
    instructor = new_class(tmp_path)
    app = class_app(instructor.store.path)
    async with app.run_test(size=SIZE) as pilot:
        await to_table(pilot, instructor.codes()["MX"])
        assert "your turn" in widget_text(app, "#status")
        instructor.set_paused(True)
        app.follow_class()
        await pilot.pause()
        status = widget_text(app, "#status")
        assert "your turn" not in status
        assert "PAUSED" in status
        instructor.set_paused(False)
        app.follow_class()
        await pilot.pause()
        assert "your turn" in widget_text(app, "#status")


async def test_a_file_that_is_not_a_class_game_is_named_on_the_join_page(tmp_path: Path) -> None:
    """Untrusted input: the page says in one line why the game cannot be joined."""
    store = tmp_path / "class.sqlite"
    store.write_text("not a database\n", encoding="utf-8")
    app = class_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        assert "not a Perimeter class game" in widget_text(app, "#join-message")


def test_the_join_screen_at_80x24(snap_compare: Any, tmp_path: Path) -> None:
    """The join screen, as a browser first shows it (an approved snapshot)."""
    instructor = new_class(tmp_path)
    assert snap_compare(class_app(instructor.store.path), terminal_size=SIZE)


def test_the_instructor_view_at_80x24(snap_compare: Any, tmp_path: Path) -> None:
    """The instructor's view, readable projected at 80x24 (an approved snapshot): the United
    States has tabled PACKAGE, Mexico is to move."""
    instructor = new_class(tmp_path)
    code = instructor.codes()[INSTRUCTOR]

    async def joined(pilot: Pilot[None]) -> None:
        await enter_code(pilot, code)

    assert snap_compare(class_app(instructor.store.path), terminal_size=SIZE, run_before=joined)


async def test_a_team_can_replay_a_class_game_but_not_branch_out_of_it(tmp_path: Path) -> None:
    """A branch starts a solo game on the team's page, which would leave its seat in the class
    game: in a class game the replay (`l`, then `w`) offers no `b`, and pressing it anyway
    keeps the team at the class game's replay."""
    instructor = new_class(tmp_path)
    app = class_app(instructor.store.path)
    async with app.run_test(size=SIZE) as pilot:
        await to_table(pilot, instructor.codes()["MX"])
        class_game = app.game
        assert isinstance(app.screen, TableScreen) and class_game is app.class_game
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        assert "Branch" not in shown(app).splitlines()[-1]
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        assert app.game is class_game


async def test_a_finished_class_game_s_end_screen_speaks_to_the_team_s_own_page(
    tmp_path: Path,
) -> None:
    """Each team of a class game has its own page, so its end screen is its own: the hot
    seat's `n` (the next team's result) is not offered there."""
    from game.ui.screens.end import EndScreen
    from tests.ui.conftest import at_end

    instructor = finished_class(tmp_path)
    app = class_app(instructor.store.path)
    async with app.run_test(size=SIZE) as pilot:
        await enter_code(pilot, instructor.codes()["MX"])
        end = await at_end(pilot)
        assert end.party == "MX" and not end.teams
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EndScreen) and app.screen.party == "MX"
        assert "result   n:" not in shown(app)


async def test_a_move_refused_because_the_game_moved_on_shows_the_game_as_it_now_is(
    tmp_path: Path,
) -> None:
    """A browser play-test: with the same team in two tabs, a key pressed in one just after the
    other moved was refused ("it is Canada's turn, not yours"), but that tab still showed
    "your turn" and the old table until someone else moved. Checking a move reads the moves
    made since, and the page then shows them."""
    instructor = new_class(tmp_path)
    app = class_app(instructor.store.path)
    async with app.run_test(size=SIZE) as pilot:
        await to_table(pilot, instructor.codes()["MX"])
        assert "your turn" in shown(app)
        assert app._class_timer is not None
        app._class_timer.pause()  # the key is pressed before this page reads the other tab
        other_tab = ClassGame.join(instructor.store.path, instructor.codes()["MX"])
        other_tab.play(Pass(party="MX"))
        other_tab.close()
        await pilot.press("p")
        await pilot.pause()
        text = shown(app)
        assert "Not allowed: it is Canada's turn, not yours" in text
        assert "your turn" not in text and "CA to move" in text


async def test_the_instructor_s_view_of_a_finished_game_gives_its_outcome_and_its_debrief(
    tmp_path: Path,
) -> None:
    """A class in browsers: at the end the instructor's view said only GAME OVER, with a stale
    line about the last round, and no way to the debrief to project; `p` still paused the
    finished game. It now gives the outcome and `d` opens the debrief. A second class game in
    Chromium: the footer still offered `p Pause/resume` and `n End round`, each refused in its
    own words, and the view still said "Nothing on the table: each country's needs are for a
    trilateral package". At the end the footer offers neither, `p` pauses nothing, and the
    view says where the final package is."""
    from game.core.analysis.outcomes import classify, outcome_text
    from game.ui.screens.debrief import DebriefScreen

    instructor = finished_class(tmp_path)
    app = class_app(instructor.store.path)
    async with app.run_test(size=SIZE) as pilot:
        await enter_code(pilot, instructor.codes()[INSTRUCTOR])
        text = " ".join(shown(app).split())
        assert "GAME OVER" in text
        outcome = outcome_text(instructor.scenario, classify(instructor.state))
        assert " ".join(f"Outcome: {outcome}".split())[:60] in text
        footer = shown(app).splitlines()[-1]
        assert "d Debrief" in footer
        assert "Pause" not in footer and "End round" not in footer, footer
        assert "Nothing on the table" not in text
        assert "The game is over: the debrief (d) gives what was signed or last on the" in text
        await pilot.press("p")
        await pilot.pause()
        assert "PAUSED" not in shown(app)
        await pilot.press("d")
        for _ in range(20):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if isinstance(app.screen, DebriefScreen):
                break
        assert isinstance(app.screen, DebriefScreen)
