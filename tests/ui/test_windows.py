"""Windows and small screens at 80x24 (issue 8): nothing cut off, where you are among several,
selection shown by more than colour, keys to scroll shown on screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import RadioButton

from game.core.engine.moves import Act, Pass
from game.core.game import Game
from game.ui.app import PerimeterApp, make_app
from game.ui.screens.help import HelpScreen
from game.ui.screens.new_game import DIFFICULTY_TEXT, NewGameScreen
from game.ui.screens.notice import NoticeScreen
from tests.conftest import spp_file
from tests.ui.conftest import (
    at_table,
    close_notices,
    each_action,
    game_app_at,
    screen_text,
    table_app,
)

SMALL = (80, 24)


async def test_help_starts_with_its_text_and_shows_the_key_that_scrolls_it(
    tmp_path: Path,
) -> None:
    """Issue 8: "Help windows need scrolling for their first lines"; "Long text wraps or
    scrolls in a place the player can reach by a key shown on screen"."""
    app = table_app("US", seed=5, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await at_table(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = screen_text(app)
        top = next(n for n, line in enumerate(lines) if "╭" in line)
        assert "The negotiation table" in lines[top + 1], lines[top : top + 3]
        assert "PgDn" in lines[-1], lines[-1]


async def test_the_action_window_shows_the_whole_description_of_each_action(
    tmp_path: Path,
) -> None:
    """Issue 8: "Cut off at 80x24: ... action descriptions"."""
    app = table_app("US", seed=5, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        async for action, shown in each_action(app, pilot):
            description = " ".join(action.description.split())
            assert " ".join(description.split()[-4:]) in shown, (action.id, shown)


async def test_new_game_shows_each_difficulty_in_full(tmp_path: Path) -> None:
    """Issue 8: "Cut off at 80x24: ... difficulty descriptions"."""
    app = make_app(scenario=spp_file(), saves_dir=tmp_path, blink=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NewGameScreen)
        for level, words in DIFFICULTY_TEXT.items():
            buttons = app.screen.query_one("#difficulty").query(RadioButton)
            buttons[list(DIFFICULTY_TEXT).index(level)].value = True
            await pilot.pause()
            assert words in " ".join(line.strip() for line in screen_text(app)), level


async def test_event_windows_say_which_of_how_many(tmp_path: Path) -> None:
    """Issue 8: "Event windows come four in a row with no '1 of 4'"."""
    source = spp_file()
    game = Game.new(source, 5, ["MX"])
    while True:  # through the engine, to the pass after which several events come at once
        trial = Game(game.state, source)
        before = len(trial.state.log)
        trial.play(Pass(party="MX"))
        news = [e for e in trial.state.log[before:] if e.kind in ("event", "ratified", "blocked")]
        if len(news) >= 2:
            break
        game.play(Pass(party="MX"))
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await close_notices(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        assert f"1 of {len(news)}" in " ".join(screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        assert f"2 of {len(news)}" in " ".join(screen_text(app))


async def test_a_notice_never_repeats_its_title_as_its_body(tmp_path: Path) -> None:
    """Issue 8: "the event after 'Act unilaterally' repeats its title as its body"."""
    game = Game.new(spp_file(), 5, ["US"])
    game.play(Act(party="US", action="unilateral_act", target="MX"))
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        for _ in range(12):
            if isinstance(app.screen, NoticeScreen) and "Delayed" in app.screen.entry.text:
                break
            await pilot.press("enter" if isinstance(app.screen, NoticeScreen) else "p")
            await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        text = " ".join(line.strip() for line in screen_text(app))
        assert text.count("Delayed consequence") == 1, text


async def test_the_ratification_notice_says_ratified_once(tmp_path: Path) -> None:
    """Issue 8: "the ratification notice says 'Ratified at home' three times"; since issue 9
    it speaks of support at home, not of votes (the chapter describes opposition, not
    ratification votes)."""
    game = Game.new(spp_file(), 1, ["US"], difficulty="easy")
    while not game.finished:  # until the US's acceptance is the last one the offer needs
        view = game.view("US")
        offer = view.offer
        last = offer is not None and set(offer.scope) - set(offer.accepted) == {"US"}
        if last and view.legal().accept and offer and view.score(offer.package).ratifies:
            break
        game.play(Pass(party="US"))
    assert not game.finished
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await close_notices(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        text = " ".join(line.strip() for line in screen_text(app))
        assert text.lower().count("supported at home") == 1, text


async def test_the_highlighted_line_of_a_list_is_marked_not_only_coloured(
    tmp_path: Path,
) -> None:
    """Issue 8: "Selection in lists is shown by colour alone"."""
    app = make_app(saves_dir=tmp_path, blink=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        menu = [line for line in screen_text(app) if "New game" in line or "Load game" in line]
        assert any("▸" in line and "New game" in line for line in menu), menu
        await pilot.press("down")
        await pilot.pause()
        menu = [line for line in screen_text(app) if "New game" in line or "Load game" in line]
        assert any("▸" in line and "Load game" in line for line in menu), menu
        assert not any("▸" in line and "New game" in line for line in menu), menu


async def test_the_chosen_country_and_difficulty_are_marked_not_only_coloured(
    tmp_path: Path,
) -> None:
    """Issue 8: "Selection in lists is shown by colour alone": the countries say in words who
    plays them (a tick in the list is coloured), the difficulty is marked ●."""
    app = make_app(scenario=spp_file(), saves_dir=tmp_path, blink=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        lines = screen_text(app)
        chosen = next(line for line in lines if "United States (US)" in line)
        other = next(line for line in lines if "Canada (CA)" in line)
        assert "United States (US): people" in chosen
        assert "Canada (CA): computer" in other
        assert "●" in next(line for line in lines if "normal" in line).split("normal")[0]


async def test_the_footer_shows_q_quit_only_where_q_quits(tmp_path: Path) -> None:
    """Issue 8: "keys shown in the footer always do what they say at 80x24": in the seed field,
    q types a letter, so the footer must not offer it as Quit there."""
    app = make_app(scenario=spp_file(), saves_dir=tmp_path, blink=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert "q Quit" in screen_text(app)[-1]
        app.screen.query_one("#seed").focus()
        await pilot.pause()
        assert "q Quit" not in screen_text(app)[-1]
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, NewGameScreen)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert type(app.screen).__name__ == "QuitScreen"


def on_top(app: PerimeterApp) -> object:
    """The screen on top now (as an object: mypy narrows `app.screen` across key presses)."""
    return app.screen


async def test_help_and_quit_keys_work_in_every_window(tmp_path: Path) -> None:
    """The general help: "Everywhere: ? or F1 help · q or Ctrl+C quit". A window (the action
    window, an event notice, the quit question) is a screen too: ? and F1 open its own help,
    and q asks before quitting (in the quit question itself it changes nothing)."""
    from game.ui.screens.actions import ActionScreen
    from game.ui.screens.quit import QuitScreen

    app = table_app("US", seed=5, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await at_table(pilot)
        await pilot.press("d")
        await pilot.pause()
        window = on_top(app)
        assert isinstance(window, ActionScreen)
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(on_top(app), HelpScreen), key
            assert "action" in " ".join(screen_text(app)).lower()
            await pilot.press("escape")
            await pilot.pause()
            assert on_top(app) is window
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(on_top(app), QuitScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(on_top(app), HelpScreen)
        assert "save" in " ".join(screen_text(app)).lower()
        await pilot.press("escape", "q")
        await pilot.pause()
        assert isinstance(on_top(app), QuitScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert on_top(app) is window
        await pilot.press("escape")
        await pilot.pause()
        await close_notices(pilot)
        await pilot.press("p")
        await pilot.pause()
        notice = on_top(app)
        assert isinstance(notice, NoticeScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(on_top(app), HelpScreen)
        assert "event" in " ".join(screen_text(app)).lower()
        await pilot.press("escape")
        await pilot.pause()
        assert on_top(app) is notice


async def test_a_run_of_windows_can_be_skipped_to_its_last(tmp_path: Path) -> None:
    """A student's play-test: after signing, a partnership that must hold to the deadline ran
    on through the remaining events, and 13 windows came one after another, each needing
    Enter. Where more windows follow, `s` (in the footer) skips to the last one (here the
    lapse); everything skipped stays in the log."""
    from game.ui.screens.end import EndScreen
    from tests.ui.conftest import played_game

    game = played_game(
        "US", 24, tmp_path, difficulty="easy", accept=True, stop_before_accepting=True
    )
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await at_table(pilot)
        await pilot.press("a")
        await pilot.pause()
        first = app.screen
        assert isinstance(first, NoticeScreen) and first.position == (1, 5)
        assert "s Skip to last" in screen_text(app)[-1]
        await pilot.press("s")
        await pilot.pause()
        last = app.screen
        assert isinstance(last, NoticeScreen) and last.position == (5, 5)
        assert last.entry.kind == "lapsed"
        assert "Skip to last" not in screen_text(app)[-1]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EndScreen)


def test_a_window_cites_a_section_once() -> None:
    """A class game in Chromium: the lapse window quoted a group's reason with its section,
    "[Policies D) Trilateral]", then gave the same section again on its last line. The last
    line gives the entry's section only when its reasons have not already."""
    from game.core.scenario.loader import find_scenario
    from game.ui.render.table import notice

    state = Game.new(find_scenario("spp-2005"), 1, [], difficulty="easy").state
    lapse = next(e for e in state.log if e.kind == "lapsed")
    assert any("[Policies D) Trilateral]" in r for r in lapse.reasons)
    assert notice(state.scenario, lapse).plain.count("[Policies D) Trilateral]") == 1
    state = Game.new(find_scenario("spp-2005"), 2, [], difficulty="normal").state
    other = next(e for e in state.log if e.kind == "lapsed")
    assert notice(state.scenario, other).plain.count("[Policies D) Trilateral]") == 1
