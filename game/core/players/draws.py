"""The private chances of computer negotiators: each the first number of a random stream fixed
by the game's seed and a label, drawn once (a game asks for the same ones at every turn)."""

from __future__ import annotations

import functools

from game.core.engine.state import rng


@functools.lru_cache(maxsize=8192)
def first_draw(seed: int, *labels: str | int) -> float:
    """The first number in [0, 1) of the stream `rng(seed, *labels)` (cached: seeding a
    stream costs more than the rest of a chance taken)."""
    return rng(seed, *labels).random()
