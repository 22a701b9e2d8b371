"""Which constraints bound hardest: what held a party back from a package, in score points.

The README's question, "which constraint bit?", answered from what scoring already computes:
every line of a package's breakdown that costs the party points (a principle, a group at home,
distrust of a partner, a cost), the premium a distracted leader demands on top of the
reservation value, and the two that block a deal outright whatever the points: a red line,
and a vote at home that fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.core.engine.scoring import EPSILON, PartyScore, Term
from game.core.engine.state import State
from game.core.scenario.index import index
from game.core.scenario.packages import Package
from game.core.scenario.timeline import AttentionEffect

ConstraintKind = Literal["red_line", "principle", "domestic", "trust", "attention", "cost"]


@dataclass(frozen=True)
class Constraint:
    """One thing that held a party back from a package."""

    party: str
    kind: ConstraintKind
    label: str
    """What it is, in plain words (e.g. "At home: New Democrats")."""
    points: float
    """Score points it cost the party (the attention premium: points demanded on top)."""
    blocks: bool
    """True when it rules the package out whatever the points: a red line crossed, or the
    group that did most to make the vote at home fail."""
    detail: str
    """Why, in plain words (e.g. "approval 60 -> 40; the vote at home fails: 49, needs 50")."""
    source: str
    """The chapter section it rests on ("" when it is a design choice of the scenario)."""


def constraints(
    state: State, party: str, package: Package, limit: int = 3
) -> tuple[Constraint, ...]:
    """The constraints that bound a party hardest against a package, under the state's
    conditions: those that block it outright first, then by the points they cost."""
    score = state.scorer.score(party, package)
    # A red line's penalty may be 0: it rules the package out without costing points.
    terms = [t for t in score.breakdown if t.value < -EPSILON or t.kind == "principle"]
    found = [c for c in (_from_term(state, score, t) for t in terms) if c is not None]
    premium = _attention(state, party)
    if premium is not None:
        found.append(premium)
    found.sort(key=lambda c: (not c.blocks, -c.points))
    return tuple(found[:limit])


def _from_term(state: State, score: PartyScore, term: Term) -> Constraint | None:
    """A breakdown line that costs points, as a constraint (threat lines never cost)."""
    party, points = score.party, -term.value
    if term.kind == "principle":
        name = term.label.removeprefix("Principle: ").removesuffix(" (red line)")
        if name in score.red_lines:
            detail = "a red line: no deal that crosses it, whatever else it offers"
            return Constraint(
                party, "red_line", f"Red line: {name}", points, True, detail, term.source
            )
        if points <= EPSILON:
            return None
        detail = "a principle the package goes against"
        return Constraint(party, "principle", term.label, points, False, detail, term.source)
    if term.kind == "domestic":
        name = term.label.removeprefix("At home: ")
        vote = next((v for v in score.votes if v.name == name), None)
        detail = f"approval {vote.before:.0f} -> {vote.after:.0f}" if vote else ""
        blocks = (
            vote is not None
            and not score.ratifies
            and bool(score.blockers)
            and score.blockers[0].group == vote.group
        )
        if blocks:
            detail += (
                f"; the vote at home fails: support {score.support:.0f}, "
                f"needs {score.threshold:.0f}"
            )
        return Constraint(party, "domestic", term.label, points, blocks, detail, term.source)
    if term.kind == "trust":
        others = [q.name for q in state.scenario.parties if q.id != party]
        partner = next((n for n in others if n in term.label), "a partner")
        detail = "doubts about a partner make joint measures worth less"
        return Constraint(
            party, "trust", f"Distrust of {partner}", points, False, detail, term.source
        )
    if term.kind == "cost":
        detail = "what carrying it out costs"
        return Constraint(party, "cost", term.label, points, False, detail, term.source)
    return None


def _attention(state: State, party: str) -> Constraint | None:
    """The premium a distracted leader demands above the reservation value, with the events
    that distracted it (their sections)."""
    s = state.scenario
    attention = state.conditions.attention[index(s).parties[party]]
    premiums = state.scorer.requirement(party).premiums
    premium = sum(p.points for p in premiums if p.name == "attention")
    if premium <= EPSILON:
        return None
    lowered = [
        event
        for event in s.events
        if any(
            isinstance(e, AttentionEffect) and e.party == party and e.delta < 0
            for e in event.effects
        )
        and any(x.kind == "event" and x.text.startswith(f"{event.title}: ") for x in state.log)
    ]
    detail = f"attention {attention:.0f}/100"
    if lowered:
        detail += " after " + "; ".join(e.title for e in lowered)
    # Several events may cite the same section: name each section once.
    source = "; ".join(dict.fromkeys(part for e in lowered for part in e.source.split("; ")))
    label = "Leader's limited attention"
    return Constraint(party, "attention", label, premium, False, detail, source)
