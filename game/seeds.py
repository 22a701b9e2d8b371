"""The seed of a game started without one (`play` and `serve` without --seed, New game)."""

from __future__ import annotations

import random


def random_seed() -> int:
    """A seed from 1 to 999999: short enough to note down from the screen and type back in."""
    return random.randrange(1, 10**6)
