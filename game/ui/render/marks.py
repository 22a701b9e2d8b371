"""The small marks every view draws with: bars, clipped text, a yes/no that is not colour alone."""

from __future__ import annotations

from rich.text import Text

BAR = "█"
EMPTY = "░"


def bar(value: float, width: int = 10, maximum: float = 100.0) -> str:
    """A horizontal bar of `width` cells for a value out of `maximum`."""
    filled = max(0, min(width, round(width * value / maximum)))
    return BAR * filled + EMPTY * (width - filled)


def clip(text: str, width: int) -> str:
    """Text cut to a width with an ellipsis."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def yes_no(flag: bool) -> Text:
    """A yes/no that does not rely on colour alone (a mark and a word)."""
    return Text("✔ yes", style="green") if flag else Text("✘ no", style="bold red")
