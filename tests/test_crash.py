"""Internal errors (issue 13, point 7): "a distinct code (with a one-line apology and where the
crash report was written, never a raw traceback on screen) for an internal error — in `play`
too"."""

from __future__ import annotations

from pathlib import Path

import pytest

import game.cli_authoring as authoring
from game.cli import main
from game.exit_codes import EXIT_INTERNAL
from game.ui.app import make_app


def boom(*_: object, **__: object) -> int:
    raise RuntimeError("a bug in the engine")


def report_of(err: str) -> Path:
    [line] = err.strip().splitlines()
    assert "Traceback" not in line and "internal error (RuntimeError)" in line
    path = Path(line.split("the details are in ")[1].split(". Please")[0])
    return path


def test_an_internal_error_in_a_command_is_one_line_exit_3_and_a_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Exit 3, not 1 (problems found) or 2 (bad usage); the traceback goes to the report."""
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    monkeypatch.setattr(authoring, "cmd_validate", boom)
    assert main(["validate", "spp-2005"]) == EXIT_INTERNAL
    path = report_of(capsys.readouterr().err)
    assert path.parent == tmp_path
    text = path.read_text(encoding="utf-8")
    assert "RuntimeError: a bug in the engine" in text and "Traceback" in text


async def test_a_crash_inside_the_game_is_kept_for_the_report_not_printed(
    tmp_path: Path,
) -> None:
    """`play` too: an error inside the terminal game ends it, and the app keeps the error for
    the command line instead of printing Textual's traceback."""
    app = make_app(saves_dir=tmp_path, blink=False)
    with pytest.raises(RuntimeError):
        async with app.run_test() as pilot:
            await pilot.pause()
            app.call_later(boom)
            await pilot.pause()
    assert isinstance(app.crash, RuntimeError)


def test_play_reports_a_crash_inside_the_game_with_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The command line turns the game's crash into the one-line apology and exit code 3."""
    import game.ui.app as app_module

    class Crashed:
        crash = RuntimeError("a bug in a screen")

        def run(self) -> None:
            pass

    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    monkeypatch.setattr(app_module, "make_app", lambda **_: Crashed())
    assert main(["play", "spp-2005", "--as", "MX"]) == EXIT_INTERNAL
    assert report_of(capsys.readouterr().err).exists()
