"""The debrief screen (issue 11, point 1): "the same content opens in the game from the end
screen (a debrief screen, scrollable, keyboard-first). Both come from one debrief model in the
core." """

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.markdown import Markdown as RichMarkdown
from textual.pilot import Pilot
from textual.widgets import Markdown, Static

from game.core.analysis.class_report import class_report
from game.core.analysis.report_markdown import to_markdown
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.end import EndScreen
from tests.ui.conftest import at_end, game_app_at, played_game, screen_text

SIZE = (80, 24)


async def open_debrief(pilot: Pilot[None]) -> DebriefScreen:
    """From the end screen, `d` as its footer shows, until the debrief is up."""
    app = pilot.app
    await at_end(pilot)
    assert "d Debrief" in screen_text(app)[-1]
    await pilot.press("d")
    for _ in range(200):  # the debrief is written on a thread, then shown
        await app.workers.wait_for_complete()
        await pilot.pause()
        if isinstance(app.screen, DebriefScreen):
            return app.screen
    raise AssertionError(f"no debrief: {app.screen!r}")


async def test_d_on_the_end_screen_opens_the_same_debrief_report_writes(tmp_path: Path) -> None:
    """The screen shows the Markdown `report SAVE` writes, built from the same model."""
    game = played_game("MX", seed=5)
    async with game_app_at(game, tmp_path).run_test(size=SIZE) as pilot:
        screen = await open_debrief(pilot)
        assert screen.markdown == to_markdown(class_report(game.state))
        shown = screen.query_one("#debrief-text", Static).content
        assert isinstance(shown, RichMarkdown) and shown.markup == screen.markdown
        assert "Debrief: The Security and Prosperity" in " ".join(screen_text(pilot.app))


async def test_the_debrief_scrolls_exports_and_goes_back_with_the_keys_it_shows(
    tmp_path: Path,
) -> None:
    """Keyboard-first: ↑↓/PgUp/PgDn/End scroll to the questions, `e` saves the Markdown beside
    the saves, Esc returns to the end screen."""
    game = played_game("CA", seed=3, accept=True)
    async with game_app_at(game, tmp_path).run_test(size=SIZE) as pilot:
        app = pilot.app
        screen = await open_debrief(pilot)
        footer = screen_text(app)[-1]
        for key in ("↑↓", "PgUp/PgDn", "esc Back", "e Export"):
            assert key in footer
        await pilot.press("end")
        await pilot.pause()
        assert "Questions for discussion" in " ".join(screen_text(app))
        await pilot.press("e")
        await pilot.pause()
        [written] = tmp_path.glob("debrief-*.md")
        assert written.read_text(encoding="utf-8") == screen.markdown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EndScreen)


async def test_the_debrief_is_drawn_as_one_text_not_a_widget_per_block(tmp_path: Path) -> None:
    """A student's play-test: `d` on the end screen took about 1.4 s (3 s the first time)
    with no sign of work. The debrief is written on a thread (0.03 s), but Textual's Markdown
    widget then mounted a widget for every paragraph, table row and cell on the screen's own
    thread: 2.1 s for an spp-2005 debrief of 270 lines, with the screen frozen. It is drawn as
    one text (Rich's Markdown), a handful of widgets whatever its length."""
    game = played_game("MX", seed=0, difficulty="hard")
    async with game_app_at(game, tmp_path).run_test(size=SIZE) as pilot:
        screen = await open_debrief(pilot)
        assert not screen.query(Markdown)
        assert len(screen.query("*")) < 20
        await pilot.press("end")
        await pilot.pause()
        assert "Questions for discussion" in " ".join(screen_text(pilot.app))


async def test_in_a_browser_e_hands_the_debrief_to_the_browser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A class game in Chromium: `e` wrote the debrief to the server's disk ("Debrief saved to
    saves/debrief-spp-2005-….md"), out of reach of a student at another computer. In a browser
    the file is delivered to the browser as a download, named as on disk; in a terminal it is
    still written beside the saves."""
    from game.ui.app import PerimeterApp

    delivered: list[tuple[str, str]] = []

    def deliver(self: PerimeterApp, file: io.StringIO, **kwargs: object) -> str:
        delivered.append((file.read(), str(kwargs.get("save_filename"))))
        return "key"

    game = played_game("MX", seed=5)
    async with game_app_at(game, tmp_path).run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_debrief(pilot)
        monkeypatch.setattr(PerimeterApp, "is_web", property(lambda self: True))
        monkeypatch.setattr(PerimeterApp, "deliver_text", deliver)
        await pilot.press("e")
        await pilot.pause()
        [(text, name)] = delivered
        assert text == screen.markdown
        assert name.startswith("debrief-spp-2005-MX-") and name.endswith(".md")
        assert not list(tmp_path.glob("debrief-*.md"))
        said = " ".join(" ".join(screen_text(pilot.app)).split())
        assert "Your browser downloads" in said, said
