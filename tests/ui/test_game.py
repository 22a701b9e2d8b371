"""Whole games and every screen's keys, driven by Pilot as a player would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.core.analysis.outcomes import OUTCOMES, outcome_text
from game.core.engine.legal import legal_moves
from game.core.game import Game
from game.ui.app import make_app, terminal_check
from game.ui.screens.actions import ActionScreen
from game.ui.screens.help import HelpScreen
from game.ui.screens.load import LoadScreen
from game.ui.screens.new_game import NewGameScreen
from game.ui.screens.notice import NoticeScreen
from game.ui.screens.quit import QuitScreen
from game.ui.screens.scenarios import ScenariosScreen
from game.ui.screens.table import TableScreen
from game.ui.screens.title import TitleScreen
from tests.conftest import WITHOUT_CAUSES, spp_file
from tests.ui.conftest import (
    at_end,
    at_table,
    close_notices,
    game_app,
    game_app_at,
    open_load_screen,
    play_to_end,
    played_game,
    save_from_the_table,
    screen_text,
    table_app,
    time_zone,
    to_table,
)


# Seeds: the US and Mexico games end early in a deal, Canada's runs to the deadline.
@pytest.mark.parametrize(("party", "seed"), [("US", 11), ("MX", 6), ("CA", 11)])
async def test_a_complete_game_can_be_played_as_each_country(
    party: str, seed: int, tmp_path: Path
) -> None:
    """A whole game through the keys, from the briefing to the end screen, as each country."""
    app = game_app(party, seed=seed, saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_table(pilot)
        end = await play_to_end(pilot)
        assert end.report.outcome in OUTCOMES
        outcome = str(end.query_one("#outcome").render())
        assert outcome_text(end.scenario, end.report.outcome) in outcome
    assert list(tmp_path.glob("autosave-*.yaml")), "no autosave was written"


async def test_accepting_a_package_that_ratifies_can_end_in_a_security_arrangement(
    tmp_path: Path,
) -> None:
    """Canada (easy, seed 3), in the world without the chapter's three causes, passes through
    the engine until it may accept a package that its groups at home would support; pressing
    `a` then signs a deal that holds to the deadline: a trilateral security arrangement."""
    game = played_game(
        "CA",
        seed=3,
        difficulty="easy",
        accept=True,
        stop_before_accepting=True,
        without=WITHOUT_CAUSES,
    )
    assert not game.finished
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TableScreen)
        end = await play_to_end(pilot)
        assert end.report.outcome == "security_arrangement"


async def test_an_early_deal_in_history_lapses_before_the_deadline(tmp_path: Path) -> None:
    """The SPP was signed in 2005 and "no longer an active initiative" by August 2009
    [Policies D) Trilateral]: the same early acceptance with history's events signs a
    partnership that then lapses, and the end screen says so."""
    game = played_game("CA", seed=2, difficulty="easy", accept=True, stop_before_accepting=True)
    assert not game.finished
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        end = await play_to_end(pilot)
        assert end.report.outcome == "lapsed"


async def test_the_title_screen_offers_new_load_scenarios_help_and_quit(tmp_path: Path) -> None:
    app = make_app(saves_dir=tmp_path, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, TitleScreen)
        for key, screen in (("n", NewGameScreen), ("l", LoadScreen), ("s", ScenariosScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, TitleScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0


async def test_every_screen_has_help(tmp_path: Path) -> None:
    app = make_app(scenario=spp_file(), seed=4, saves_dir=tmp_path, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen = []
        for step in ("new game", "briefing", "table"):
            await pilot.press("question_mark" if step != "new game" else "f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen), step
            seen.append(app.screen.text.splitlines()[0])
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("ctrl+s" if step == "new game" else "enter")
            await pilot.pause()
            await close_notices(pilot)
        assert seen == ["# New game", "# Briefing", "# The negotiation table"]


async def test_the_draft_changes_by_keyboard_and_the_score_follows(tmp_path: Path) -> None:
    app = table_app("MX", seed=5, saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await at_table(pilot)
        before = table.view.score(table.package).total
        await pilot.press("down", "down", "down", "right")
        await pilot.pause()
        assert table.cursor == 3 and table.draft[3] != before
        panel = str(table.query_one("#panel").render())
        after = table.view.score(table.package).total
        assert f"{after:5.1f}" in panel


async def test_an_illegal_move_is_explained_not_made(tmp_path: Path) -> None:
    app = table_app("US", seed=5, saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await at_table(pilot)
        assert app.game is not None
        moves = len(app.game.state.moves)
        await pilot.press("a")  # nothing on the table yet for the chair
        await pilot.pause()
        assert "cannot accept" in str(table.query_one("#latest").render())
        assert len(app.game.state.moves) == moves


async def test_a_diplomatic_action_is_chosen_in_a_window_and_does_not_end_the_turn(
    tmp_path: Path,
) -> None:
    app = table_app("US", seed=5, saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await at_table(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ActionScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TableScreen)
        assert app.game is not None and table.view.my_turn
        assert app.game.state.log[-1].kind == "action" and app.game.to_move == "US"


async def test_quit_asks_and_saving_writes_a_loadable_game(tmp_path: Path) -> None:
    app = table_app("CA", seed=9, saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_table(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        await pilot.press("s")
        await pilot.pause()
    saved = [p for p in tmp_path.glob("spp-2005-CA-*-seed9-round*.yaml")]
    assert saved
    again = make_app(saves_dir=tmp_path, game=Game.load(saved[0]), blink=False)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, TableScreen)
        assert again.screen.view.party == "CA"


async def test_a_corrupt_save_is_listed_with_its_problem_and_the_others_still_load(
    tmp_path: Path,
) -> None:
    (tmp_path / "broken.yaml").write_text("format_version: [\n")
    await save_from_the_table(tmp_path)
    title = make_app(saves_dir=tmp_path, blink=False)
    async with title.run_test(size=(80, 24)) as pilot:
        screen, _ = await open_load_screen(pilot)
        assert any(not s.ok for s in screen.saves) and any(s.ok for s in screen.saves)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(title.screen, TableScreen)


async def test_the_load_screen_gives_the_time_of_a_save_in_the_computers_own_time(
    tmp_path: Path,
) -> None:
    """A save's file name carries the local time its game started; the Load screen said when
    it was saved in UTC, hours apart from it in a classroom in Mexico or Canada. It gives the
    computer's own time, as the file names do."""
    app = table_app("MX", seed=2, saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_table(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    for path in tmp_path.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"saved_at: .*", "saved_at: '2026-01-01T09:00:00.000+00:00'", text),
            encoding="utf-8",
        )
    with time_zone("CST+6"):  # Mexico City's offset, without a time-zone database
        title = make_app(saves_dir=tmp_path, blink=False)
        async with title.run_test(size=(100, 24)) as pilot:
            await pilot.press("l")
            await pilot.pause()
            shown = " ".join(screen_text(title))
    assert "2026-01-01 03:00" in shown and "09:00" not in shown, shown


async def test_events_and_votes_open_a_window_with_the_chapters_context(tmp_path: Path) -> None:
    app = table_app("MX", seed=5, saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_table(pilot)
        for _ in range(60):
            screen = app.screen
            if isinstance(screen, NoticeScreen) and screen.entry.kind == "event":
                break
            # Another window (a deal supported at home, say) is closed on the way.
            await pilot.press("enter" if isinstance(screen, NoticeScreen) else "p")
            await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        assert app.screen.entry.source  # the chapter section
        assert app.screen.entry.reasons  # what it changed


async def test_the_end_screen_reveals_what_actually_happened(tmp_path: Path) -> None:
    app = game_app_at(played_game("US", seed=8), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        end = await at_end(pilot)
        texts = " ".join(str(w.render()) for w in end.query("Static"))
        assert "What actually happened" in texts and "2009" in texts


async def test_play_with_a_country_goes_straight_to_the_briefing(tmp_path: Path) -> None:
    from game.ui.screens.briefing import BriefingScreen

    app = game_app("CA", seed=1, saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.game is not None and app.game.state.seed == 1


async def test_the_list_of_saves_marks_finished_games(tmp_path: Path) -> None:
    """Issue 8: "Load does not mark finished games"."""
    over = played_game("US", seed=8, saves=tmp_path)
    assert over.finished and over.last_autosave is not None
    going = played_game("MX", seed=5, saves=tmp_path, stop_before_accepting=True, accept=True)
    going.save(tmp_path)
    app = make_app(saves_dir=tmp_path, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, listed = await open_load_screen(pilot)
        prompts = {
            str(listed.get_option_at_index(n).prompt).strip(): save
            for n, save in enumerate(screen.saves)
        }
        [done] = [p for p, save in prompts.items() if save.path == over.last_autosave]
        going_on = [p for p, save in prompts.items() if save.path != over.last_autosave]
        assert "US, finished, saved" in done
        assert going_on and all("finished" not in p and "round" in p for p in going_on)


async def test_save_and_quit_says_where_the_game_went(tmp_path: Path) -> None:
    """Issue 8: "'Save and quit' does not say where the file went"."""
    app = table_app("CA", seed=9, saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_table(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
    [saved] = tmp_path.glob("spp-2005-CA-*-round*.yaml")
    assert app.farewell is not None and str(saved) in app.farewell


async def test_the_new_game_screen_offers_the_spp_2005_replay_first(tmp_path: Path) -> None:
    """The title promises a replay of the 2005 Security and Prosperity Partnership: with no
    scenario named, New game shows spp-2005 (not the alphabetically first, two-party
    merida-2007), so a new player's first Start plays the game the README describes."""
    app = make_app(saves_dir=tmp_path, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewGameScreen)
        text = " ".join(screen_text(app))
        assert "(spp-2005)" in text and "(merida-2007)" not in text
        assert "Canada (CA)" in text


async def test_the_new_game_screen_plays_a_what_if_chosen_with_the_keys(tmp_path: Path) -> None:
    """Issue 9: "a 'What if…' choice on the New game screen, so a class can play the world
    without Calderón's turn or without the visa": chosen with the keyboard, the game runs
    without the cause's events and says so in its first window, the causes in words."""
    app = make_app(scenario=spp_file(), saves_dir=tmp_path, seed=4, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NewGameScreen)
        # The form opens on the scenario choice: back round to Start, then "What if…".
        await pilot.press("shift+tab", "shift+tab")
        # History, then the causes by date: the U.S. task forces (2006-06), then Calderón.
        await pilot.press("enter")
        await pilot.pause()
        assert "Without leader change" in " ".join(screen_text(app))
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert "What if: 2 events will not happen." in " ".join(screen_text(app))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.game is not None
        assert app.game.state.disabled_causes == {"leader_change"}
        await pilot.press("enter")  # the briefing, then the first window
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        window = " ".join(screen_text(app))
        # The cause in words, not its id (a student's play-test: "Without bilateral_instruments").
        assert "This game runs without the events of leader change" in window
        assert "Calderón takes office in Mexico: does not happen" in window


async def test_the_end_of_a_what_if_game_says_which_causes_it_ran_without(
    tmp_path: Path,
) -> None:
    """Issue 9: a counterfactual game is not history: its end screen says what it left out."""
    game = played_game("US", seed=4, without=frozenset({"visa_2009"}))
    async with game_app_at(game, tmp_path).run_test(size=(80, 24)) as pilot:
        await at_end(pilot)
        text = " ".join(line.strip() for line in screen_text(pilot.app))
        assert "What if: this game ran without the events of visa 2009." in text


async def test_a_game_whose_terminal_closes_is_autosaved_and_the_app_ends(tmp_path: Path) -> None:
    """Loses nothing: a terminal closed under `make play` never sends the game its hangup
    (make takes the signal and waits for the game), and the game ran on unseen at half a core.
    When its terminal is gone it keeps the game in its autosave, the position it had reached,
    and ends."""
    game = Game.new(spp_file(), 11, ["MX"], saves_dir=tmp_path)
    alive = [True]
    app = make_app(game=game, saves_dir=tmp_path, blink=False, terminal=lambda: alive[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await close_notices(pilot)
        # A diplomatic action: the turn goes on, so no autosave has recorded it yet.
        game.play(legal_moves(game.state, "MX").actions[0])
        reached = game.state
        app.check_terminal()
        assert app.is_running  # still there while the terminal is
        alive[0] = False
        app.check_terminal()
        await pilot.pause()
    assert not app.is_running
    saved = Game.load(next(tmp_path.glob("autosave-*.yaml")), saves_dir=tmp_path)
    assert saved.state.digest() == reached.digest()


def test_the_terminal_is_watched_only_where_there_is_one() -> None:
    """Tests and browser play (textual-serve) run without a terminal to lose."""
    assert terminal_check(headless=True) is None


async def test_the_new_game_screen_shows_a_summary_s_section_pointers(tmp_path: Path) -> None:
    """A content audit: the New game screen read a scenario's summary as Textual markup, so
    its section pointers "[Principles]" and "[Fragmented Region]" vanished (those with a ")"
    survived). Scenario text is shown as written."""
    from dataclasses import replace as replaced

    from tests.ui.conftest import widget_text

    source = spp_file()
    summary = "Trust is low [Fragmented Region]; principles bind [Principles]."
    scenario = source.scenario.model_copy(update={"summary": summary})
    app = make_app(scenario=replaced(source, scenario=scenario), saves_dir=tmp_path, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NewGameScreen)
        shown = " ".join(widget_text(app, "#scenario-summary").split())
        assert "[Fragmented Region]" in shown and "[Principles]" in shown


async def test_the_difficulty_list_opens_on_the_level_chosen(tmp_path: Path) -> None:
    """A play-test: on New game, Tab into Difficulty put the cursor on "easy" while "normal"
    was chosen, so a student who pressed Enter there to confirm played on easy. The cursor
    opens on the level chosen."""
    from textual.widgets import RadioSet

    app = make_app(scenario=spp_file(), saves_dir=tmp_path, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewGameScreen)
        screen.query_one("#difficulty", RadioSet).focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.chosen_difficulty() == "normal"


async def test_a_ticked_country_reads_ticked_without_colour(tmp_path: Path) -> None:
    """A play-test at 80x24: "the country checkboxes all show ▐X▌; only colour tells ticked from
    unticked (fails a colour-blind or monochrome student)". A ticked box shows ✓, an unticked
    one is empty, and Space changes the glyph, not only the colour."""
    app = make_app(scenario=spp_file(), saves_dir=tmp_path, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NewGameScreen)

        def box(country: str) -> str:
            line = next(x for x in screen_text(app) if f"{country} (" in x and ": " in x)
            return line[line.index("▐") : line.index("▌") + 1]

        assert (box("United States"), box("Mexico"), box("Canada")) == ("▐✓▌", "▐ ▌", "▐ ▌")
        app.screen.query_one("#country").focus()
        await pilot.press("down", "enter")  # Mexico alone
        await pilot.pause()
        assert (box("United States"), box("Mexico"), box("Canada")) == ("▐ ▌", "▐✓▌", "▐ ▌")
        await pilot.press("down", "space")  # Canada ticked too: a hot seat
        await pilot.pause()
        assert (box("Mexico"), box("Canada")) == ("▐✓▌", "▐✓▌")


async def test_the_scenario_summary_can_be_read_to_its_end_at_80x24(tmp_path: Path) -> None:
    """A play-test at 80x24: "the scenario description is cut off mid-sentence at 4 lines and
    cannot be focused or scrolled". Tab from the scenario choice reaches it, and ↓ scrolls it
    to its last words."""
    from tests.ui.conftest import widget_text

    app = make_app(scenario=spp_file(), saves_dir=tmp_path, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewGameScreen)
        words = spp_file().scenario.summary.split()
        assert words[-1] not in widget_text(app, "#scenario-about").split()  # longer than 4 lines
        screen.query_one("#scenario").focus()
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is screen.query_one("#scenario-about")
        await pilot.press(*["down"] * 20)
        await pilot.pause()
        # Whole words, as the lines wrap them (a hyphenated word may break at its hyphen),
        # without the scroll bar's thumb.
        text = widget_text(app, "#scenario-about")
        shown = "".join(c for c in "".join(text.split()) if c not in "▁▂▃▄▅▆▇█")
        assert shown.endswith("".join(words[-4:]))


async def test_the_start_button_is_whole_at_80x24(tmp_path: Path) -> None:
    """A play-test at 80x24: "the Start button's right edge is cut off". Not reproduced in
    Textual's rendering (Textual's button has no side edges, only its top and bottom bars):
    the button lies inside the screen and its row, its label whole; this keeps it so."""
    app = make_app(scenario=spp_file(), saves_dir=tmp_path, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        start, row = screen.query_one("#start").region, screen.query_one("#seed-row").region
        assert start.right <= row.right <= 80 and start.bottom <= 23
        line = screen_text(app)[start.y + 1][start.x : start.right]
        assert line.strip() == "Start"


async def test_the_load_screen_s_footer_names_enter_the_key_that_loads(tmp_path: Path) -> None:
    """A play-test: "Load screen: the footer doesn't show Enter (the key that loads)"; it
    showed only Esc. It names ⏎ Load, and Enter loads the save under the cursor."""
    await save_from_the_table(tmp_path)
    title = make_app(saves_dir=tmp_path, blink=False)
    async with title.run_test(size=(80, 24)) as pilot:
        await open_load_screen(pilot)
        assert screen_text(title)[-1].startswith("⏎ Load")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(title.screen, TableScreen)


async def test_the_load_screen_names_enter_only_when_a_save_can_be_loaded(
    tmp_path: Path,
) -> None:
    """The same play-test: with no save to load (none yet, or only files that cannot be read),
    the footer does not offer ⏎ Load."""
    (tmp_path / "broken.yaml").write_text("format_version: [\n")
    title = make_app(saves_dir=tmp_path, blink=False)
    async with title.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(title.screen, LoadScreen)
        assert "Load" not in screen_text(title)[-1]


async def test_the_new_game_screen_s_error_line_is_on_screen_at_80x24(tmp_path: Path) -> None:
    """A play-test: the new-game form was a row taller than 80x24 once the line saying what
    you will play wrapped to two lines, and the line below it, where a mistake is named
    ("The seed must be a whole number"), fell off the screen: Ctrl+S seemed to do nothing."""
    from textual.widgets import Input

    from game.ui.screens.new_game import NewGameScreen

    app = make_app(scenario=spp_file(), saves_dir=tmp_path, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewGameScreen)
        screen.query_one("#seed", Input).value = "4.5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewGameScreen)
        shown = " ".join(" ".join(screen_text(app)).split())
        assert "longer than others." in shown  # the line above it, on two lines
        assert "The seed must be a whole number" in shown, shown


async def test_enter_on_the_new_game_form_opens_the_scenario_list_not_the_game(
    tmp_path: Path,
) -> None:
    """A student's play-test at 80x24: on New game, Start had the focus as the form opened, so
    Enter, pressed to open the Scenario list, started spp-2005 as the United States at once.
    The form opens on the scenario choice, where Enter opens the list; Ctrl+S still starts the
    game, and the footer says how to move between the fields."""
    from textual.widgets import Select

    app = make_app(saves_dir=tmp_path, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewGameScreen)
        assert app.focused is screen.query_one("#scenario", Select)
        assert "Tab Next field" in screen_text(app)[-1], screen_text(app)[-1]
        await pilot.press("enter")
        await pilot.pause()
        assert app.game is None
        assert screen.query_one("#scenario", Select).expanded  # the list is open
        await pilot.press("escape")  # closes the list, not the form
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.game is not None


async def test_the_seed_field_shows_every_digit_of_a_seed_typed_in(tmp_path: Path) -> None:
    """A student's play-test at 80x24: typing 282592 in the seed field and tabbing on left
    "Seed 82592" on screen, its first digit hidden, and an empty seed was refused with "The
    seed must be a whole number, not ''." The field shows a six-digit seed whole, and an empty
    one is named in plain words."""
    from textual.widgets import Input

    app = make_app(scenario=spp_file(), saves_dir=tmp_path, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewGameScreen)
        seed = screen.query_one("#seed", Input)
        seed.focus()
        await pilot.press("end", *["backspace"] * 8, *"282592")
        await pilot.pause()
        row = next(line for line in screen_text(app) if "Seed" in line)
        assert " 282592 " in row, row
        await pilot.press("tab")
        await pilot.pause()
        row = next(line for line in screen_text(app) if "Seed" in line)
        assert " 282592 " in row, row
        seed.focus()
        await pilot.press("end", *["backspace"] * 8, "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewGameScreen)
        shown = " ".join(" ".join(screen_text(app)).split())
        assert "''" not in shown
        assert "The seed is empty: type a whole number" in shown, shown
