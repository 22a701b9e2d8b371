"""What one party can see of a partner's view of a package: a range as wide as its distrust."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.core.engine.legal import required_value
from game.core.engine.state import State, rng
from game.core.scenario.index import index
from game.core.scenario.packages import Package

SPREAD = 20.0
"""Half-width, in score points, of the estimate of a partner at trust 0 (none at trust 100)."""

Verdict = Literal["likely yes", "uncertain", "likely no", "red line"]


@dataclass(frozen=True)
class Estimate:
    """A party's estimate of how a partner values a package and whether it would agree."""

    partner: str
    low: float
    high: float
    needed_low: float
    needed_high: float
    verdict: Verdict
    red_lines: tuple[str, ...]
    ratifies: bool | None
    """Whether the partner's parliament would ratify, or None when distrust hides it."""


def estimate(state: State, viewer: str, partner: str, package: Package) -> Estimate:
    """The viewer's estimate of the partner's reaction to a package.

    The partner's principles are public, so red lines are always seen. Its score is seen as a
    range whose half-width grows with distrust; the range is not centred on the true value (a
    fixed offset per package, drawn from the game's seed), so its middle does not give the
    answer away. Its domestic vote is only guessed where trust is at least 50.
    """
    scores = state.scorer.parties[partner]
    trust = state.conditions.trust[index(state.scenario).dyad(viewer, partner)]
    half = SPREAD * (100.0 - trust) / 100.0
    true = scores.total(package)
    offset = (rng(state.seed, "estimate", viewer, partner, package).random() * 2 - 1) * half * 0.6
    low, high = max(0.0, true + offset - half), min(100.0, true + offset + half)
    needed = required_value(state, partner)
    # What the partner needs is also seen through the same haze (its attention, its alternatives).
    needed_low, needed_high = max(0.0, needed - half / 2), min(100.0, needed + half / 2)
    red = tuple(dict.fromkeys(r for i, k in enumerate(package) for r in scores.red[i][k]))
    ratifies = scores.support(package) >= scores.threshold if trust >= 50 else None
    verdict: Verdict
    if red:
        verdict = "red line"
    elif low >= needed_high and ratifies is not False:
        verdict = "likely yes"
    elif high < needed_low or ratifies is False:
        verdict = "likely no"
    else:
        verdict = "uncertain"
    return Estimate(partner, low, high, needed_low, needed_high, verdict, red, ratifies)
