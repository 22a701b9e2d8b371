"""The engine stays pure: importing any module of game.core never pulls in the UI toolkit."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def core_modules() -> list[str]:
    """Every module of game.core, by its dotted name."""
    core = ROOT / "game" / "core"
    names = []
    for path in sorted(core.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_importing_every_core_module_does_not_import_textual_or_rich() -> None:
    """DESIGN: "the pure engine: no Textual import, ever (a test checks sys.modules)"."""
    modules = core_modules()
    assert "game.core.game" in modules and "game.core.engine.mechanism" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in ('textual', 'rich') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_the_core_never_mentions_textual() -> None:
    for path in (ROOT / "game" / "core").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import textual" not in text and "from textual" not in text, path
