"""`python -m game.fingerprint`: the check that a speed-up changed no game."""

from __future__ import annotations

from pathlib import Path

import pytest

from game import fingerprint
from game.core.players import caution


def test_check_is_silent_when_nothing_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "games.json"
    assert fingerprint.main(["save", str(saved), "--seeds", "1"]) == 0
    assert fingerprint.main(["check", str(saved), "--seeds", "1"]) == 0
    assert "identical: 20 games" in capsys.readouterr().out


def test_check_names_the_games_a_change_of_behaviour_alters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = tmp_path / "games.json"
    assert fingerprint.main(["save", str(saved), "--seeds", "1"]) == 0
    capsys.readouterr()
    # A computer negotiator that asks no safety margin of partners it distrusts.
    monkeypatch.setattr(caution, "BLUR", 0.0)
    assert fingerprint.main(["check", str(saved), "--seeds", "1"]) == 1
    out = capsys.readouterr().out
    assert "games differ:" in out
    assert "  spp-2005/hard/0" in out
