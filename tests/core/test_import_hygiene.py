"""The engine stays pure: importing game.core never pulls in the UI toolkit."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_importing_the_core_does_not_import_textual() -> None:
    code = (
        "import sys, game.core, game.core.loader, game.core.scoring, game.core.scenario;"
        "print('textual' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_the_core_never_mentions_textual() -> None:
    for path in (ROOT / "game" / "core").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import textual" not in text and "from textual" not in text, path
