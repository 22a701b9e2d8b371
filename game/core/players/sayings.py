"""What a computer says with its moves: its stance in words, the strongest reasons of a
score's breakdown, and why it passes when the package on the table is not its to answer."""

from __future__ import annotations

from game.core.engine.moves import Pass
from game.core.engine.scoring import PartyScore
from game.core.engine.state import State
from game.core.engine.wording import joined, name

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


def waiting_pass(state: State, party: str) -> Pass:
    """A pass with nothing it may do at the table: the package there is for others to answer,
    or it has said yes and waits for the rest (says which)."""
    offer = state.offer
    if offer is None:
        return Pass(party=party)
    if party in offer.accepted:
        others = [name(state, q) for q in offer.scope if q not in offer.accepted]
        return Pass(party=party, note=f"it has said yes and waits for {joined(others)} to answer")
    answering = [name(state, q) for q in offer.scope if q not in offer.accepted]
    return Pass(party=party, note=f"the package on the table is for {joined(answering)} to answer")
