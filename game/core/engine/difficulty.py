"""The difficulties of the computer's seats, by name: light (typing only), so that the command
line's parser can offer them without loading the engine."""

from __future__ import annotations

from typing import Literal, TypeGuard, get_args

Difficulty = Literal["easy", "normal", "hard"]
"""How long computer negotiators hold out."""

DIFFICULTIES: tuple[Difficulty, ...] = get_args(Difficulty)
"""Every difficulty, easiest first."""


def is_difficulty(text: str) -> TypeGuard[Difficulty]:
    """Whether a text names a difficulty (then the type checker takes it for one)."""
    return text in DIFFICULTIES
