"""The two-level game: an offer every party in its scope accepted goes home to be ratified."""

from __future__ import annotations

from dataclasses import replace

from game.core.engine.effects import after_agreement
from game.core.engine.legal import blocked_text
from game.core.engine.scoring import PartyScore
from game.core.engine.state import Agreement, Offer, State
from game.core.engine.wording import logged, name


def _blocker_source(state: State, s: PartyScore) -> str:
    """The chapter section of the group that did most to block ratification."""
    if not s.blockers:
        return ""
    return state.scenario.group(s.blockers[0].group).source


def ratify(state: State, offer: Offer) -> State:
    """Every party in scope puts the accepted offer to its domestic groups.

    If any party's weighted approval falls short, the offer is reopened (nobody has accepted it
    any more) and the log names who blocked it. Otherwise it becomes an agreement; a trilateral
    one ends the game.
    """
    scores = {p: state.scorer.score(p, offer.package) for p in offer.scope}
    failed = [p for p, s in scores.items() if not s.ratifies]
    if failed:
        reasons = tuple(f"{name(state, p)}: {blocked_text(scores[p])}" for p in failed)
        state = logged(
            state,
            "blocked",
            failed[0],
            "Ratification failed at home; the package is reopened.",
            reasons,
            source=_blocker_source(state, scores[failed[0]]),
        )
        return replace(state, offer=replace(offer, accepted=()))
    agreement = Agreement(offer.package, offer.scope, state.round)
    gains = {p: s.total - s.reservation for p, s in scores.items()}
    conditions = after_agreement(state.scenario, state.conditions, offer.scope, gains)
    text = "Ratified at home by " + ", ".join(name(state, p) for p in offer.scope) + "."
    state = logged(
        replace(
            state, offer=None, conditions=conditions, agreements=(*state.agreements, agreement)
        ),
        "ratified",
        None,
        text,
    )
    if len(offer.scope) == len(state.scenario.party_ids):
        state = logged(
            replace(state, finished=True),
            "end",
            None,
            "A trilateral agreement is ratified; the negotiation ends.",
        )
    return state
