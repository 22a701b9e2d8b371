"""How scores are shown: a comparison keeps the decimal that decides it, and lines add up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from game.core.engine.scoring import EPSILON, PartyScore, Term

SCORE_PLACES = 1
"""Scores, what a party needs and the breakdown's lines: one decimal, more when it decides."""

SUPPORT_PLACES = 0
"""Support at home and the ratification threshold: whole numbers, decimals when they decide."""

MOST_PLACES = 10
"""Two numbers further apart than EPSILON always differ at this many decimals (scores are
0-100), so a comparison never needs more."""


def fixed(value: float, places: int) -> str:
    """A number with a fixed number of decimals, never shown as "-0"."""
    text = f"{value:.{places}f}"
    return text[1:] if text.startswith("-") and not Decimal(text) else text


def places(a: float, b: float, least: int) -> int:
    """The fewest decimals, at least `least`, at which two numbers the engine tells apart are
    also shown apart; `least` when the engine holds them equal (within EPSILON)."""
    if abs(a - b) <= EPSILON:
        return least
    for p in range(least, MOST_PLACES + 1):
        if fixed(a, p) != fixed(b, p):
            return p
    return MOST_PLACES


def compared(a: float, b: float, least: int) -> tuple[str, str]:
    """Two numbers that are compared (a score and what it needs, support and the threshold),
    shown with the same decimals: different whenever the engine finds them different, the
    same when it holds them equal. Rounding is monotonic, so the order shown is the order."""
    p = places(a, b, least)
    if abs(a - b) <= EPSILON:
        return fixed(b, p), fixed(b, p)
    return fixed(a, p), fixed(b, p)


def difference(a: float, b: float, places: int = 1) -> str:
    """a - b as a reader finds it from the two numbers shown beside it (each with `places`
    decimals), signed: a result 88.65 and a reservation value 47.66 show as 88.7 and 47.7,
    and their gain as +41.0, not +41.1."""
    shown = Decimal(fixed(a, places)) - Decimal(fixed(b, places))
    return ("+" if shown >= 0 else "-") + fixed(abs(float(shown)), places)


def apportion(values: Sequence[float], total: float, decimals: int) -> list[Decimal]:
    """Values rounded to a number of decimals so that they add up to the total as shown.

    Each value is rounded down, and the units still missing go to the values that lost the
    most in rounding (largest remainder): every shown value is within one unit of the last
    decimal of the true one, and a reader who adds the lines gets the total printed above.
    """
    if not values:
        return []
    exact = [Decimal(v).scaleb(decimals) for v in values]  # Decimal(float) is exact
    units = [int(x.to_integral_value(rounding=ROUND_FLOOR)) for x in exact]
    short = int(Decimal(fixed(total, decimals)).scaleb(decimals)) - sum(units)
    # Ties go to the earlier line, so the same scores always show the same lines.
    ranked = sorted(range(len(values)), key=lambda i: (units[i] - exact[i], i))
    if short < 0:
        ranked = sorted(range(len(values)), key=lambda i: (exact[i] - units[i], i))
    for j in range(abs(short)):
        units[ranked[j % len(values)]] += 1 if short > 0 else -1
    return [Decimal(u).scaleb(-decimals) for u in units]


def reading_order(s: PartyScore) -> list[Term]:
    """The breakdown as every front end shows it: the status quo's line first, then what the
    package changes. The reader starts from what the party has without a deal (its
    reservation value, before bilateral alternatives) and reads what each option changes;
    `breakdown` keeps the status quo last only so that its float sum stays the old total."""
    return sorted(s.breakdown, key=lambda t: t.kind != "scale")


@dataclass(frozen=True)
class Figures:
    """A party's score as every front end shows it (the command line, the Score panel)."""

    total: str
    needed: str
    parts: tuple[tuple[str, str], ...]
    """What is needed, part by part: ("reservation", "73.0"), ("attention", "2.0")."""
    support: str
    threshold: str
    lines: tuple[tuple[Term, str], ...]
    """The breakdown in reading order, the status quo first, each with its signed value."""

    @property
    def needs(self) -> str:
        """What is needed, as a sum: "reservation 73.0 + attention 2.0"."""
        return " + ".join(f"{name} {value}" for name, value in self.parts)


def figures(s: PartyScore) -> Figures:
    """A party's score shown with one rule: the score and what it needs with the decimals that
    tell them apart (at least one), the parts of what it needs and the breakdown's lines rounded
    to the same decimals so that each adds up to the number it explains; support at home
    against the threshold the same way, from whole numbers."""
    need = s.requirement
    total, needed = compared(s.total, need.total, SCORE_PLACES)
    p = len(total.partition(".")[2])
    premiums = [x for x in need.premiums if x.points > EPSILON]
    parts = apportion([need.reservation, *(x.points for x in premiums)], need.total, p)
    names = ["reservation", *(x.name for x in premiums)]
    ordered = reading_order(s)
    values = apportion([t.value for t in ordered], s.total, p)
    support, threshold = compared(s.support, s.threshold, SUPPORT_PLACES)
    return Figures(
        total=total,
        needed=needed,
        parts=tuple((name, f"{v:f}") for name, v in zip(names, parts, strict=True)),
        support=support,
        threshold=threshold,
        lines=tuple((t, f"{v:+f}") for t, v in zip(ordered, values, strict=True)),
    )
