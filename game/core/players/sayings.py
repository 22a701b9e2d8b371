"""What a computer says with its moves: its stance in words, and the strongest reasons of a
score's breakdown."""

from __future__ import annotations

from game.core.engine.numbers import SCORE_PLACES, compared, fixed
from game.core.engine.scoring import EPSILON, PartyScore

PHRASES = {
    "boulware": "it holds out until late",
    "linear": "it concedes steadily",
    "conceder": "it gives ground early",
    "tit_for_tat": "it concedes only as its partners do",
    "modeller": "it looks for the package that gives everyone most",
    "omniscient": "it reads every partner's exact scores",
    "accept_first": "it takes the first acceptable offer",
    "greedy": "it demands its maximum",
}
"""How each strategy's stance reads in a reply."""


def explain(score: PartyScore, limit: int = 2) -> str:
    """The strongest reasons for and against, in the words of the score breakdown."""
    terms = [t for t in score.breakdown if t.kind != "scale"]
    pros = sorted((t for t in terms if t.value > 0.5), key=lambda t: -t.value)[:limit]
    cons = sorted((t for t in terms if t.value < -0.5), key=lambda t: t.value)[:limit]
    parts = []
    if pros:
        parts.append(
            "for it: " + ", ".join(f"{t.label} (+{t.value:.0f}) [{t.source}]" for t in pros)
        )
    if cons:
        parts.append(
            "against it: " + ", ".join(f"{t.label} ({t.value:.0f}) [{t.source}]" for t in cons)
        )
    return "; ".join(parts)


def refused(score: PartyScore, least: float, strategy: str) -> str:
    """Why a negotiator holding out for `least` refuses the package it scored so: below that
    (both numbers shown apart), or, worth enough, for what the log's line states first (a red
    line, support at home), which a shortfall would contradict."""
    if score.total < least - EPSILON:
        aim, worth = compared(least, score.total, SCORE_PLACES)
        return f"holding out for {aim}, offered {worth}: {PHRASES[strategy]}"
    if score.red_lines:
        barred = "the package crosses its red line"
    elif not score.ratifies:
        barred = "its groups at home would not back it"
    else:
        barred = "the rules do not let it accept this package"
    return f"it would settle for {fixed(least, SCORE_PLACES)}, but {barred}"
