"""Charts drawn with Unicode characters, the same in the terminal and in Markdown: bars and
sparklines."""

from __future__ import annotations

from collections.abc import Sequence

BAR = "█"
EMPTY = "░"
SPARKS = "▁▂▃▄▅▆▇█"


def bar(value: float, width: int = 10, maximum: float = 100.0) -> str:
    """A horizontal bar of `width` cells for a value out of `maximum`."""
    filled = max(0, min(width, round(width * value / maximum))) if maximum > 0 else 0
    return BAR * filled + EMPTY * (width - filled)


def count_bar(count: int, most: int, width: int) -> str:
    """A bar for a count out of the largest of its series, with one cell at least for any
    count above zero (a zone of two packages is not an empty zone)."""
    if count <= 0 or most <= 0:
        return EMPTY * width
    filled = max(1, min(width, round(width * count / most)))
    return BAR * filled + EMPTY * (width - filled)


def sparkline(values: Sequence[float], low: float = 0.0, high: float = 100.0) -> str:
    """One character per value, its height for where it lies between `low` and `high`."""
    span = high - low or 1.0
    top = len(SPARKS) - 1
    return "".join(SPARKS[max(0, min(top, round(top * (v - low) / span)))] for v in values)
