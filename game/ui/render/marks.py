"""The small marks every view draws with: bars, clipped text, a yes/no that is not colour alone."""

from __future__ import annotations

from rich.text import Text

from game.core.analysis.charts import BAR, EMPTY, bar

__all__ = ["BAR", "EMPTY", "bar", "clip", "yes_no"]


def clip(text: str, width: int) -> str:
    """Text cut to a width with an ellipsis."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def yes_no(flag: bool) -> Text:
    """A yes/no that does not rely on colour alone (a mark and a word)."""
    return Text("✔ yes", style="green") if flag else Text("✘ no", style="bold red")
