"""The small marks every view draws with: bars, clipped text, a yes/no that is not colour alone."""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text

from game.core.analysis.charts import BAR, EMPTY, bar

__all__ = ["BAR", "EMPTY", "bar", "clip", "pad", "yes_no"]


def clip(text: str, width: int) -> str:
    """Text cut to a width with an ellipsis, counted in the columns it takes on screen (an
    emoji or a CJK character takes two)."""
    if cell_len(text) <= width:
        return text
    room, kept = max(0, width - 1), 0
    for n, character in enumerate(text):
        kept += get_character_cell_size(character)
        if kept > room:
            return text[:n] + "…"
    return text + "…"  # not reached: the text is wider than the room


def pad(text: str, width: int) -> str:
    """Text filled out with spaces to a width, counted in the columns it takes on screen (a
    format's `:<12` counts characters, and a CJK character takes two columns)."""
    return text + " " * max(0, width - cell_len(text))


def yes_no(flag: bool) -> Text:
    """A yes/no that does not rely on colour alone (a mark and a word)."""
    return Text("✔ yes", style="green") if flag else Text("✘ no", style="bold red")
