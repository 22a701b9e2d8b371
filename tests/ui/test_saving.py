"""Saves from the terminal game: a game loaded from an earlier save goes on in a new autosave,
and a save that fails says which file and what to do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from game.core.game import Game
from game.core.saves import store
from game.ui.app import PerimeterApp, make_app
from game.ui.screens.quit import QuitScreen
from game.ui.screens.table import TableScreen
from tests.conftest import spp_file
from tests.core.test_saves_kept import finished_with_an_early_save
from tests.ui.conftest import (
    at_table,
    close_notices,
    game_app_at,
    open_load_screen,
    played_game,
    screen_text,
    table_app,
    widget_text,
)


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
        screen, listed = await open_load_screen(pilot)
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


async def test_a_notification_never_covers_the_quit_window(tmp_path: Path) -> None:
    """A play-test: "After loading a save, the 'A new autosave … holds more of this game'
    notification stays up and covers part of the quit dialog's buttons." While the quit window
    asks, no notification is shown over it (its buttons whole on screen); one still current
    is shown again when the player stays."""
    _, early = finished_with_an_early_save(tmp_path)
    app = make_app(saves_dir=tmp_path, blink=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen, listed = await open_load_screen(pilot)
        listed.highlighted = next(n for n, save in enumerate(screen.saves) if save.path == early)
        await pilot.press("enter")
        await pilot.pause(0.2)  # the toast is mounted after a refresh
        assert isinstance(app.screen, TableScreen)
        assert "A new autosave" in " ".join(screen_text(app))
        await pilot.press("q")
        await pilot.pause(0.2)
        assert isinstance(app.screen, QuitScreen)
        shown = screen_text(app)
        assert "A new autosave" not in " ".join(shown)
        buttons = " ".join(shown)
        for label in ("Save and quit (s)", "Quit (y)", "Stay (n)"):
            assert label in buttons, shown
        await pilot.click("#stay")  # under where the notification lay: the click reaches it
        await pilot.pause(0.2)
        assert isinstance(app.screen, TableScreen)
        assert "A new autosave" in " ".join(screen_text(app))


def unwritable(tmp_path: Path) -> Path:
    """A saves 'folder' that is a file: nothing can be saved in it, even as root."""
    folder = tmp_path / "saves"
    folder.write_text("not a folder", encoding="utf-8")
    return folder


async def test_a_failed_autosave_is_said_once_naming_the_file_and_a_fix(tmp_path: Path) -> None:
    """Audit: "When saving fails, autosave fails silently". It is said once on screen, with
    the file and what to do, not again each round while it keeps failing."""
    folder = unwritable(tmp_path)
    app = recording(table_app("MX", seed=5, saves=folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await at_table(pilot)
        assert app.game is not None
        for _ in range(2):
            await pass_round(pilot)
        assert app.game.state.round >= 2
    said = [line for line in told(app) if "autosave" in line.lower()]
    assert len(said) == 1, said
    assert str(folder / "autosave-spp-2005-MX-") in said[0]
    assert f"{folder} is a file, not a folder. Rename or move that file" in said[0]


async def test_an_autosave_that_fails_again_after_working_is_said_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = recording(table_app("MX", seed=5, saves=tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await at_table(pilot)
        for failing in (True, False, True):
            with monkeypatch.context() as patched:
                if failing:
                    patched.setattr(store, "write_atomic", refuse)
                await pass_round(pilot)
    said = [line for line in told(app) if "autosave" in line.lower()]
    assert len(said) == 2 and all("Operation not permitted" in line for line in said), said


async def test_ctrl_s_that_fails_names_the_file_and_a_fix(tmp_path: Path) -> None:
    """Audit: "Ctrl+S says 'Could not save: Operation not permitted' without naming the file
    or folder"."""
    folder = unwritable(tmp_path)
    app = recording(table_app("MX", seed=5, saves=folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await at_table(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    [said] = [line for line in told(app) if "Could not save" in line]
    assert str(folder / "spp-2005-MX-") in said and f"{folder} is a file, not a folder" in said


async def test_the_quit_window_never_claims_a_game_is_autosaved_when_it_is_not(
    tmp_path: Path,
) -> None:
    """Audit: the quit dialog still promised "Your game is autosaved each round; save it now
    too?" when the autosave had failed. It says the game is not saved, and offers to save it,
    a finished game too (the end screen offers no other way)."""
    folder = unwritable(tmp_path)
    for game in (
        Game.new(spp_file(), 5, ["MX"], saves_dir=folder),
        played_game("MX", seed=42, saves=folder),
    ):
        app = game_app_at(game, folder)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await close_notices(pilot)
            await pilot.press("ctrl+c")
            await pilot.pause()
            assert isinstance(app.screen, QuitScreen)
            question = widget_text(app, "#quit-question")
            assert "autosaved each round" not in question
            assert "Your game is not saved: its last autosave failed" in question
            assert "saves is a file, not a folder)" in question
            assert "Save and quit" in " ".join(screen_text(app))


async def test_the_quit_window_says_the_game_is_autosaved_when_it_is(tmp_path: Path) -> None:
    app = table_app("MX", seed=5, saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_table(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert "autosaved each round" in widget_text(app, "#quit-question")


def refuse(path: Path, data: bytes) -> None:
    """A write the system refuses."""
    raise PermissionError(1, "Operation not permitted")


async def pass_round(pilot: Pilot[None]) -> None:
    """At the table, pass until the next round opens, closing the windows on the way."""
    app = pilot.app
    assert isinstance(app, PerimeterApp) and app.game is not None
    round_ = app.game.state.round
    while app.game.state.round == round_ and not app.game.finished:
        await pilot.press("p")
        await pilot.pause()
        await close_notices(pilot)


async def test_the_draft_at_the_table_survives_a_save_and_a_load(tmp_path: Path) -> None:
    """A student's play-test (revive-spp hot seat): Mexico changed two options of its draft
    (worth 77.6 to it), pressed Ctrl+S, quit and loaded the save: the draft was back to the
    package on the table (64.1), and `u` did not bring it back. A save made at the table, by
    Ctrl+S or from the quit window, keeps the draft, and loading gives it back."""
    for keys in (("ctrl+s",), ("q", "s")):
        saves = tmp_path / "-".join(keys)
        app = table_app("MX", seed=2, saves=saves)
        async with app.run_test(size=(80, 24)) as pilot:
            table = await at_table(pilot)
            await pilot.press("down", "right", "down", "right", "s")
            await pilot.pause()
            built = (list(table.draft), table.scope)
            assert built[0] != list(table.view.status_quo)
            await pilot.press(*keys)
            await pilot.pause()
        [saved] = [p for p in saves.glob("*.yaml") if not p.name.startswith("autosave")]
        game = Game.load(saved, saves_dir=saves)
        async with game_app_at(game, saves).run_test(size=(80, 24)) as pilot:
            table = await at_table(pilot)
            assert (table.draft, table.scope) == built, keys
