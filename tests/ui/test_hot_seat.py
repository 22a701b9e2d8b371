"""Hot seat (issue 12, point 1): "two or three human countries at one terminal, computer
counterparts at the empty seats. Between turns a hand-off screen hides the previous country's
private scores; nothing private shows until the next country confirms it is at the
keyboard." """

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.pilot import Pilot

from game.cli import main
from game.core.game import Game
from game.core.players.negotiator import choose_move
from game.ui.app import PerimeterApp, make_app
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.handoff import HandOffScreen
from game.ui.screens.new_game import NewGameScreen
from game.ui.screens.table import TableScreen
from tests.conftest import spp_file
from tests.ui.conftest import close_notices, screen_text

SIZE = (80, 24)


def private_numbers(game: Game, party: str) -> set[str]:
    """What only `party` may see, as its table shows it: what it needs, its reservation value,
    and its own score of the offer on the table (one decimal)."""
    view = game.view(party)
    numbers = {f"{view.needed():.1f}", f"{view.requirement().reservation:.1f}"}
    if view.offer is not None:
        numbers.add(f"{view.score(view.offer.package).total:.1f}")
    return numbers


def shown(app: PerimeterApp) -> str:
    return "\n".join(screen_text(app))


async def confirm(pilot: Pilot[None]) -> None:
    """The team named on the hand-off screen says it is there; its briefing, the first time."""
    app = pilot.app
    assert isinstance(app.screen, HandOffScreen)
    await pilot.press("enter")
    await pilot.pause()
    if isinstance(app.screen, BriefingScreen):
        await pilot.press("enter")
        await pilot.pause()
    await close_notices(pilot)


async def test_a_hand_off_screen_stands_between_teams_and_shows_nothing_private(
    tmp_path: Path,
) -> None:
    """From the first turn: a hand-off names the team due and shows no number of anyone's;
    after it confirms, its table shows its own numbers and no other team's."""
    app = make_app(scenario=spp_file(), party=("US", "MX"), seed=3, saves_dir=tmp_path, blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        game = app.game
        assert game is not None and game.humans == ("US", "MX")
        handoffs = 0
        for turn in range(30):
            if isinstance(app.screen, TableScreen):
                # The same team is due again (e.g. it chairs the next round): no hand-off.
                assert app.seat is not None and app.seat.party == game.to_move
                await pilot.press("p")
                await pilot.pause()
                await close_notices(pilot)
                continue
            screen = app.screen
            assert isinstance(screen, HandOffScreen), screen
            handoffs += 1
            due = screen.party
            other = "MX" if due == "US" else "US"
            text = shown(app)
            assert "Pass the keyboard" in text and game.scenario.party(due).name in text
            # Only the round and its date are numbers here.
            numbers = set(re.findall(r"\d+(?:\.\d+)?", text))
            allowed = {str(game.state.round + 1), str(len(game.scenario.rounds))}
            assert numbers <= allowed | set(game.state.date.split("-")), numbers
            await confirm(pilot)
            assert isinstance(app.screen, TableScreen)
            table = shown(app)
            assert f"You: {game.scenario.party(due).name}" in table
            leaked = (private_numbers(game, other) - private_numbers(game, due)) & set(
                re.findall(r"\d+\.\d", table)
            )
            assert not leaked, (turn, leaked)
            await pilot.press("p")
            await pilot.pause()
            await close_notices(pilot)
            if handoffs == 4:
                break
        assert handoffs == 4


async def test_the_hand_off_says_a_refusal_is_read_by_every_team(tmp_path: Path) -> None:
    """A student's hot seat: the hand-off promised "Every country's own numbers stay hidden",
    then Mexico's `r` wrote its worth and need in every team's log (a refusal says why, with
    both numbers, as the table's help says). The hand-off says so."""
    app = make_app(scenario=spp_file(), party=("US", "MX"), seed=3, saves_dir=tmp_path, blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(10):
            if isinstance(app.screen, HandOffScreen):
                break
            await pilot.press("p")
            await pilot.pause()
            await close_notices(pilot)
        assert isinstance(app.screen, HandOffScreen)
        text = " ".join(shown(app).split())
        assert "except what a refusal states" in text, text


async def test_one_team_alone_never_sees_a_hand_off(tmp_path: Path) -> None:
    """A single person plays as before: briefing, then the table, no hand-off."""
    app = make_app(scenario=spp_file(), party="MX", seed=3, saves_dir=tmp_path, blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("enter")
        await pilot.pause()
        await close_notices(pilot)
        await pilot.press("p")
        await pilot.pause()
        await close_notices(pilot)
        assert isinstance(app.screen, TableScreen)


async def test_the_new_game_screen_starts_a_hot_seat_when_two_countries_are_ticked(
    tmp_path: Path,
) -> None:
    """ "two or three human countries at one terminal": ticking a second country (Space) on
    the new-game screen starts a game in which people play both; the list says who plays each
    in words, not by colour alone."""
    app = make_app(scenario=spp_file(), saves_dir=tmp_path, blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NewGameScreen)
        text = shown(app)
        assert "United States (US): people" in text and "Mexico (MX): computer" in text
        app.screen.query_one("#country").focus()
        await pilot.press("down", "space")
        await pilot.pause()
        text = shown(app)
        assert "Mexico (MX): people" in text
        assert "Hot seat: United States and Mexico take turns" in text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.game is not None and app.game.humans == ("US", "MX")
        assert isinstance(app.screen, HandOffScreen)


async def test_enter_on_a_country_plays_it_alone_and_space_adds_a_team(tmp_path: Path) -> None:
    """A student who wants Mexico goes down to it and presses Enter: they play Mexico, not a
    hot seat with the country ticked to start with (the new-game help: Enter plays the country
    under the cursor; Space ticks another for a hot seat)."""
    app = make_app(scenario=spp_file(), saves_dir=tmp_path, blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewGameScreen)
        screen.query_one("#country").focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.chosen_parties() == ("MX",)
        assert "You will play Mexico" in shown(app)
        # A play-test read the footer's "⏎ Play it" as starting the game: Enter chooses the
        # country, and Ctrl+S (Start) begins, as the footer says.
        footer = shown(app).splitlines()[-1]
        assert "⏎ Choose" in footer and "^s Start" in footer and "Play it" not in footer
        await pilot.press("down", "space")
        await pilot.pause()
        assert screen.chosen_parties() == ("MX", "CA")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.chosen_parties() == ("CA",)


def test_play_as_several_countries_is_a_hot_seat_and_an_unknown_code_bad_usage(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`play --as US,MX` hands the app both countries; a code the scenario does not declare is
    a clear error with exit 2 (issue 13, point 6)."""
    import game.ui.app as app_module

    made: list[dict[str, object]] = []

    class Fake:
        def __init__(self, **kwargs: object) -> None:
            made.append(kwargs)

        def run(self) -> None:
            pass

    monkeypatch.setattr(app_module, "make_app", lambda **kw: Fake(**kw))
    assert main(["play", "spp-2005", "--as", "US,MX", "--seed", "3"]) == 0
    assert made[0]["party"] == ("US", "MX")
    assert main(["play", "spp-2005", "--as", "US,QQ"]) == 2
    err = capsys.readouterr().err
    assert "QQ" in err and "US, MX, CA" in err and len(err.strip().splitlines()) == 1


async def test_a_loaded_hot_seat_briefs_a_team_that_has_not_moved_yet(tmp_path: Path) -> None:
    """A saves audit: a hot-seat game saved at Mexico's first hand-off and loaded again took
    Mexico straight to the table; it never saw its briefing. A loaded game counts as briefed
    only the teams that have made a move."""
    from tests.ui.conftest import game_app_at

    game = Game.new(spp_file(), 3, ["US", "MX"], saves_dir=tmp_path)
    while game.to_move != "MX":
        game.play(choose_move(game.state, game.to_move or ""))
    assert not any(m.party == "MX" for m in game.state.moves)
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HandOffScreen) and app.screen.party == "MX"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)


def finished_hot_seat(saves: Path) -> Game:
    """A United States + Mexico hot seat played to its end through the engine (both teams
    play as the computer would)."""
    game = Game.new(spp_file(), 5, ["US", "MX"], saves_dir=saves)
    while not game.finished:
        game.play(choose_move(game.state, game.to_move or ""))
    return game


async def test_the_end_screen_of_a_hot_seat_shows_each_team_its_own_result(
    tmp_path: Path,
) -> None:
    """A play-test: at the end of a hot seat the end screen, its chart and its replay spoke to
    the first team only ("You won" with its numbers); the second team never saw its result.
    The end screen names the team it speaks to, and `n` (in the footer) shows the next team's
    result, path and replay."""
    from game.core.engine.wording import possessive
    from game.ui.screens.end import EndScreen
    from game.ui.screens.replay import ReplayScreen
    from tests.ui.conftest import at_end, game_app_at

    game = finished_hot_seat(tmp_path)
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        end = await at_end(pilot)
        first = end.party
        other = "MX" if first == "US" else "US"
        text = shown(app)
        assert f"{possessive(game.scenario.party(first).name)} result" in text
        assert f"n: {possessive(game.scenario.party(other).name)} result" in text
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EndScreen) and app.screen.party == other
        text = shown(app)
        assert f"{possessive(game.scenario.party(other).name)} result" in text
        mine = app.screen.report.parties[other].result
        assert f"{mine.reservation:.1f}" in text
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen) and app.screen.party == other


async def test_a_lone_player_s_end_screen_offers_no_next_team(tmp_path: Path) -> None:
    """`n` is a hot seat's: a player alone sees no such key on the end screen."""
    from tests.ui.conftest import at_end, game_app_at, played_game

    app = game_app_at(played_game("CA", 4, tmp_path), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await at_end(pilot)
        assert "Next team" not in shown(app)
        assert "'s result" not in shown(app)
