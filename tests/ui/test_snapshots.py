"""Every screen at 80x24 (and the main ones larger), compared with approved SVG snapshots.

Update after a deliberate change with: pytest tests/ui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from game.core.engine.mechanism import start
from game.core.saves.store import save_game
from game.core.scenario.loader import open_scenario
from game.ui.app import PerimeterApp, make_app
from game.ui.screens.notice import NoticeScreen
from tests.conftest import ROOT, spp_file
from tests.ui.conftest import at_end, game_app, game_app_at, played_game, table_app, time_zone
from tests.ui.conftest import at_table as open_at_table
from tests.ui.test_debrief_screen import open_debrief

Steps = Callable[[Pilot[None]], Awaitable[None]]
SMALL, LARGE = (80, 24), (120, 36)


@pytest.fixture(autouse=True)
def quiet_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from an empty folder: no local scenarios, saves in ./saves."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def at_table(*keys: str) -> Steps:
    async def steps(pilot: Pilot[None]) -> None:
        await open_at_table(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    return steps


async def at_briefing(pilot: Pilot[None]) -> None:
    await pilot.pause()


async def at_first_event(pilot: Pilot[None]) -> None:
    """The first window of a scenario event (other windows on the way are closed)."""
    await open_at_table(pilot)
    for _ in range(60):
        screen = pilot.app.screen
        if isinstance(screen, NoticeScreen) and screen.entry.kind == "event":
            return
        await pilot.press("enter" if isinstance(screen, NoticeScreen) else "p")
        await pilot.pause()


def game() -> PerimeterApp:
    """Mexico's game, seed 5, at its briefing."""
    return game_app("MX", seed=5, saves=Path("saves"))


def table() -> PerimeterApp:
    """The same game opened straight at the table (the table is the subject, not the way)."""
    return table_app("MX", seed=5, saves=Path("saves"))


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x36"])
def test_title_screen(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(saves_dir=Path("saves"), blink=False), terminal_size=size)


def test_new_game_screen(snap_compare: Any) -> None:
    app = make_app(scenario=spp_file(), seed=5, saves_dir=Path("saves"), blink=False)
    assert snap_compare(app, terminal_size=SMALL)


def test_briefing_screen(snap_compare: Any) -> None:
    assert snap_compare(game(), terminal_size=SMALL, run_before=at_briefing)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x36"])
def test_table_screen_score_panel(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(
        table(), terminal_size=size, run_before=at_table("down", "down", "down", "right")
    )


@pytest.mark.parametrize("panel", ["2", "3", "4", "5"], ids=["partners", "home", "trust", "log"])
def test_table_screen_panels(snap_compare: Any, panel: str) -> None:
    assert snap_compare(table(), terminal_size=SMALL, run_before=at_table("down", "right", panel))


def test_table_screen_after_a_partner_counters(snap_compare: Any) -> None:
    assert snap_compare(
        table(), terminal_size=SMALL, run_before=at_table("down", "down", "down", "right", "t")
    )


def test_action_window(snap_compare: Any) -> None:
    assert snap_compare(table(), terminal_size=SMALL, run_before=at_table("d"))


def test_help_window(snap_compare: Any) -> None:
    assert snap_compare(table(), terminal_size=SMALL, run_before=at_table("question_mark"))


def test_quit_window(snap_compare: Any) -> None:
    assert snap_compare(table(), terminal_size=SMALL, run_before=at_table("q"))


def test_event_window(snap_compare: Any) -> None:
    assert snap_compare(table(), terminal_size=SMALL, run_before=at_first_event)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x36"])
def test_end_screen(snap_compare: Any, size: tuple[int, int]) -> None:
    """The game MX seed 5 played to the deadline by passing, built through the engine."""
    app = game_app_at(played_game("MX", seed=5), Path("saves"))
    assert snap_compare(app, terminal_size=size, run_before=at_end)


def test_debrief_screen(snap_compare: Any) -> None:
    """The class debrief, opened with `d` from the end screen of MX seed 5."""
    app = game_app_at(played_game("MX", seed=5), Path("saves"))
    assert snap_compare(app, terminal_size=SMALL, run_before=open_debrief)


async def at_theory(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("t")
    await pilot.pause()


def test_theory_screen(snap_compare: Any) -> None:
    """The theory card, opened with `t` from Mexico's briefing."""
    assert snap_compare(game(), terminal_size=SMALL, run_before=at_theory)


def test_scenarios_screen(snap_compare: Any) -> None:
    app = make_app(saves_dir=Path("saves"), blink=False)
    assert snap_compare(app, terminal_size=SMALL, press=["s"])


def test_load_screen(snap_compare: Any, quiet_folder: Path) -> None:
    source = open_scenario(ROOT / "scenarios" / "spp-2005.yaml")
    state = start(source.scenario, 5, {"US": "computer", "MX": "human", "CA": "computer"})
    path = save_game(state, Path("saves"), source=source)
    # A fixed timestamp, so the screenshot does not change with the clock.
    path.write_text(
        re.sub(r"saved_at: .*", "saved_at: '2026-01-01T09:00:00.000Z'", path.read_text())
    )
    (Path("saves") / "broken.yaml").write_text("format_version: [\n")
    app = make_app(saves_dir=Path("saves"), blink=False)
    # The screen gives the save's time in the computer's own zone: UTC here, on every machine.
    with time_zone("UTC0"):
        assert snap_compare(app, terminal_size=SMALL, press=["l"])
