"""Saves from the terminal game: a game loaded from an earlier save goes on in a new autosave,
and a save that fails says which file and what to do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import OptionList

from game.core.game import Game
from game.ui.app import PerimeterApp, make_app
from game.ui.screens.load import LoadScreen
from game.ui.screens.table import TableScreen
from tests.core.test_saves_kept import finished_with_an_early_save
from tests.ui.conftest import close_notices


def told(app: PerimeterApp) -> list[str]:
    """What the app's notifications have said so far (recorded by `recording`)."""
    said: list[str] = getattr(app, "said", [])
    return said


def recording(app: PerimeterApp) -> PerimeterApp:
    """The app, with every notification it shows also kept in `told(app)`."""
    said: list[str] = []
    shown = app.notify

    def notify(message: str, **options: Any) -> None:
        said.append(f"{options.get('title', '')}: {message}")
        shown(message, **options)

    app.notify = notify  # type: ignore[method-assign]
    app.said = said  # type: ignore[attr-defined]
    return app


async def test_loading_an_earlier_save_on_the_load_screen_keeps_the_finished_autosave(
    tmp_path: Path,
) -> None:
    """Audit: "on the Load screen load the round-2 save, play one round: the autosave now
    holds round 3, finished: false; the finished game is gone". The game goes on in a new
    autosave, and a notification says which file was kept and which one is written now."""
    over, early = finished_with_an_early_save(tmp_path)
    autosave = over.last_autosave
    assert autosave is not None
    finished_text = autosave.read_bytes()
    app = recording(make_app(saves_dir=tmp_path, blink=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LoadScreen)
        listed = screen.query_one("#load-list", OptionList)
        at = next(n for n, save in enumerate(screen.saves) if save.path == early)
        listed.highlighted = at
        await pilot.press("enter")
        await pilot.pause()
        await close_notices(pilot)
        assert isinstance(app.screen, TableScreen) and app.game is not None
        round_ = app.game.state.round
        while app.game.state.round == round_ and not app.game.finished:
            await pilot.press("p")
            await pilot.pause()
            await close_notices(pilot)
        game: Game = app.game
    assert autosave.read_bytes() == finished_text
    assert game.last_autosave is not None and game.last_autosave != autosave
    [said] = [line for line in told(app) if "A new autosave" in line]
    assert str(autosave) in said and str(game.last_autosave) in said
