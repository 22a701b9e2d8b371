"""What a computer says with its moves: its stance in words, and the strongest reasons of a
score's breakdown."""

from __future__ import annotations

from game.core.engine.scoring import PartyScore

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
