"""Helpers for driving the Textual game with Pilot: start a game, play it to the end."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import OptionList

from game.core.engine.moves import Accept, Pass
from game.core.engine.state import Difficulty
from game.core.game import Game
from game.core.scenario.actions import Action
from game.ui.app import PerimeterApp, make_app
from game.ui.screens.actions import ActionScreen
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.end import EndScreen
from game.ui.screens.handoff import HandOffScreen
from game.ui.screens.load import LoadScreen
from game.ui.screens.new_game import NewGameScreen
from game.ui.screens.notice import NoticeScreen
from game.ui.screens.table import TableScreen
from game.ui.screens.working import WorkingScreen
from tests.conftest import spp_file


def game_app(party: str, seed: int, saves: Path, difficulty: str = "normal") -> PerimeterApp:
    """An app started as `play spp-2005 --as PARTY --seed SEED`: straight to the briefing."""
    return make_app(
        scenario=spp_file(),
        party=party,
        seed=seed,
        saves_dir=saves,
        difficulty=difficulty,
        blink=False,
    )


def played_game(
    party: str,
    seed: int,
    saves: Path | None = None,
    difficulty: Difficulty = "normal",
    accept: bool = False,
    stop_before_accepting: bool = False,
    without: frozenset[str] = frozenset(),
) -> Game:
    """A game of spp-2005 played through the engine, for tests whose subject is not the keys:
    the person passes (or, with `accept`, accepts what it may and what ratifies at home) until
    the end, or until the first time it could accept, with `stop_before_accepting`. `without`
    switches causes off, as `play --without` does."""
    game = Game.new(spp_file(), seed, [party], difficulty=difficulty, disabled_causes=without)
    game.saves_dir = saves
    while not game.finished:
        view = game.view(party)
        offer = view.offer
        if accept and view.legal().accept and offer and view.score(offer.package).ratifies:
            if stop_before_accepting:
                break
            game.play(Accept(party=party))
        else:
            game.play(Pass(party=party))
    return game


def table_app(
    party: str, seed: int, saves: Path, difficulty: Difficulty = "normal"
) -> PerimeterApp:
    """The same game as `game_app`, opened straight at the table (as `play --load` opens a
    save), for tests whose subject is the table, not the way to it."""
    game = Game.new(spp_file(), seed, [party], difficulty=difficulty, saves_dir=saves)
    return game_app_at(game, saves)


async def at_table(pilot: Pilot[None]) -> TableScreen:
    """The table of an app made by `table_app`, once it is drawn."""
    await pilot.pause()
    await close_notices(pilot)
    assert isinstance(pilot.app.screen, TableScreen)
    return pilot.app.screen


def game_app_at(game: Game, saves: Path) -> PerimeterApp:
    """An app opened on a game in progress or over (as `play --load` opens a save)."""
    return make_app(game=game, saves_dir=saves, blink=False)


async def to_table(pilot: Pilot[None]) -> TableScreen:
    """From the new-game screen through the briefing to the table."""
    app = pilot.app
    await pilot.pause()
    if isinstance(app.screen, NewGameScreen):
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert isinstance(app.screen, BriefingScreen)
    await pilot.press("enter")
    await pilot.pause()
    await close_notices(pilot)
    assert isinstance(app.screen, TableScreen)
    return app.screen


async def past_hand_off(pilot: Pilot[None]) -> None:
    """In a game with several people (a hot seat), the team due confirms it is at the
    keyboard (the hand-off screen); a game it already knows needs no briefing."""
    await pilot.pause()
    if isinstance(pilot.app.screen, HandOffScreen):
        await pilot.press("enter")
        await pilot.pause()


async def close_notices(pilot: Pilot[None]) -> None:
    """Continue past every event or vote window that is open."""
    while isinstance(pilot.app.screen, NoticeScreen):
        await pilot.press("enter")
        await pilot.pause()


async def at_end(pilot: Pilot[None]) -> EndScreen:
    """The end screen, once the thread that works out what was possible has finished and its
    window has given way (each pause lets the app handle what the worker sent it)."""
    app = pilot.app
    for _ in range(20):
        await app.workers.wait_for_complete()
        await pilot.pause()
        await close_notices(pilot)
        if isinstance(app.screen, EndScreen):
            # On a loaded machine the screen can be on top before its footer is drawn (a
            # full suite read a blank last line): wait for the drawing too.
            for _ in range(50):
                if screen_text(app)[-1].strip():
                    break
                await pilot.pause()
            return app.screen
    raise AssertionError(f"no end screen: {app.screen!r}")


async def play_to_end(pilot: Pilot[None], accept: bool = True) -> EndScreen:
    """Accept what can be accepted and ratified at home (or just pass), closing every window."""
    app = pilot.app
    assert isinstance(app, PerimeterApp)
    for _ in range(500):
        screen = app.screen
        if isinstance(screen, EndScreen | WorkingScreen):
            return await at_end(pilot)
        if isinstance(screen, NoticeScreen):
            await pilot.press("enter")
        elif isinstance(screen, TableScreen):
            view = screen.view
            offer = view.offer
            wants = (
                accept
                and view.legal().accept
                and offer is not None
                and view.score(offer.package).ratifies
            )
            await pilot.press("a" if wants else "p")
        else:
            raise AssertionError(f"unexpected screen {screen!r}")
        await pilot.pause()
    raise AssertionError("the game did not end")


def screen_text(app: App[Any]) -> list[str]:
    """What the terminal shows now, as plain text lines (what a player reads); `app` may be
    `pilot.app`, whatever app the pilot drives."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False
    )
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text().splitlines()


def widget_text(app: PerimeterApp, selector: str) -> str:
    """What a widget shows on screen now (its region of the screen), lines folded with spaces:
    what is cut off by the widget's size is not there."""
    region = app.screen.query_one(selector).region
    lines = screen_text(app)[region.y : region.y + region.height]
    return " ".join(line[region.x : region.x + region.width].strip() for line in lines)


async def each_action(app: PerimeterApp, pilot: Pilot[None]) -> AsyncIterator[tuple[Action, str]]:
    """At the table, open the action window (d) and go down its list: each action with what
    its detail pane shows while it is selected."""
    await at_table(pilot)
    await pilot.press("d")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ActionScreen) and screen.actions
    for n, act in enumerate(screen.actions):
        if n:
            await pilot.press("down")
            await pilot.pause()
        yield screen.scenario.action(act.action), widget_text(app, "#action-detail")


@contextlib.contextmanager
def time_zone(zone: str) -> Iterator[None]:
    """This process's local time zone set to `zone` (a POSIX TZ string), then put back."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


async def open_load_screen(pilot: Pilot[None]) -> tuple[LoadScreen, OptionList]:
    """From the title, `l`: the Load screen and its list of saves."""
    await pilot.press("l")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LoadScreen)
    return screen, screen.query_one("#load-list", OptionList)


async def save_from_the_table(saves: Path) -> None:
    """A game of Mexico (seed 2) saved with Ctrl+S at its table, into `saves`."""
    app = table_app("MX", seed=2, saves=saves)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_table(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
