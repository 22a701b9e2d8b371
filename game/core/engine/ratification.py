"""The two-level game: an offer every party in its scope accepted goes home for support.

Each government put the package to its groups expecting a certain support; where the scenario
says so, support may turn out a little higher or lower than expected (drawn from the seed), so
opposition can sink a package its government had accepted. A trilateral agreement may also
have to hold until the deadline: the game then runs on through the remaining events, and the
agreement lapses as soon as a party no longer values it at what it needs.
"""

from __future__ import annotations

from typing import Literal

from game.core.engine.effects import after_agreement
from game.core.engine.legal import blocked_text
from game.core.engine.numbers import apportion, compared
from game.core.engine.scoring import EPSILON, PartyScore
from game.core.engine.state import Agreement, Offer, State, evolve, rng
from game.core.engine.timeline import open_round
from game.core.engine.wording import (
    a_deal_kind,
    cited,
    deal_kind,
    joined,
    logged,
    milestones,
    name,
)
from game.core.scenario.index import index


def _blocker_source(state: State, s: PartyScore) -> str:
    """The chapter section of the group that did most to block the package at home."""
    if not s.blockers:
        return ""
    return state.scenario.group(s.blockers[0].group).source


def _stated_reason(state: State, s: PartyScore) -> tuple[str, ...]:
    """The blocking group's own reason, in the chapter's words, when the chapter gives one."""
    if not s.blockers:
        return ()
    group = state.scenario.group(s.blockers[0].group)
    if not group.reason:
        return ()
    return (f"{group.name}: {group.reason} [{group.reason_source or group.source}]",)


def swing(state: State, party: str, offer: Offer) -> float:
    """How far support at home turns out from what the government expected, in points: a
    draw from the seed, within a range that grows with the approval its groups have lost since
    the start (mobilised opposition makes the vote at home harder to foresee)."""
    size = state.scenario.negotiation.ratification_swing * mobilised(state, party) / 10.0
    if size <= 0:
        return 0.0
    draw = rng(state.seed, "swing", state.round, party, offer.package, offer.scope).random()
    return (draw * 2 - 1) * size


def mobilised(state: State, party: str) -> float:
    """Approval the party's groups have lost since the start, weighted by their share of
    the vote at home (gains do not count)."""
    approval = state.conditions.approval
    return sum(
        share * max(0.0, group.approval - approval[i])
        for i, group, share in index(state.scenario).groups_of[party]
    )


def vote_at_home(
    state: State, offer: Offer
) -> tuple[dict[str, PartyScore], dict[str, float], list[str]]:
    """The offer put to each government's groups at home: each party's score, how far its
    support turns out from what it expected (`swing`), and the parties whose support falls
    short of their threshold, in scope order."""
    scores = {p: state.scorer.score(p, offer.package) for p in offer.scope}
    swings = {p: swing(state, p, offer) for p in offer.scope}
    failed = [p for p, s in scores.items() if s.support + swings[p] < s.threshold - EPSILON]
    return scores, swings, failed


def ratify(state: State, offer: Offer) -> State:
    """Every party in scope puts the accepted offer to its domestic groups.

    If any party's support falls short of its threshold, the offer is reopened (nobody has
    accepted it any more) and the log names who blocked it and why. Otherwise it becomes an
    agreement; a trilateral one ends the negotiation.
    """
    scores, swings, failed = vote_at_home(state, offer)
    if failed:
        reasons = tuple(
            line
            for p in failed
            for line in (
                f"{name(state, p)}: {blocked_text(scores[p], swings[p])}",
                *_stated_reason(state, scores[p]),
                *_turned_against(state, p),
            )
        )
        state = logged(
            state,
            "blocked",
            failed[0],
            "Support at home fell short; the package is reopened.",
            reasons,
            source=_blocker_source(state, scores[failed[0]]),
            parties=tuple(failed),
        )
        return evolve(state, offer=Offer(offer.proposer, offer.package, offer.scope, ()))
    agreement = Agreement(offer.package, offer.scope, state.round)
    gains = {p: s.total - s.reservation for p, s in scores.items()}
    before = state.conditions
    conditions = after_agreement(state.scenario, state.conditions, offer.scope, gains)
    text = f"Supported at home by {joined([name(state, p) for p in offer.scope])}."
    state = logged(
        evolve(state, offer=None, conditions=conditions, agreements=(*state.agreements, agreement)),
        "ratified",
        None,
        text,
    )
    state = milestones(state, before)
    if len(offer.scope) < len(state.scenario.party_ids):
        return state
    in_force = f"{a_deal_kind(state.scenario).capitalize()} agreement is in force"
    if not state.scenario.outcomes.lapses:
        return logged(
            evolve(state, finished=True), "end", None, f"{in_force}; the negotiation ends."
        )
    return _hold(
        logged(state, "end", None, f"{in_force}; it must now hold until the deadline."),
        agreement,
    )


def _hold(state: State, agreement: Agreement) -> State:
    """Run the remaining rounds' events; the agreement lapses once a party values it below
    what it needs (its leader has lost interest, or a bilateral alternative is worth more) or
    its groups at home no longer support it."""
    rounds = state.scenario.rounds
    while state.round + 1 < len(rounds):
        state = open_round(evolve(state, round=state.round + 1, turn=0, acted=frozenset()))
        for party in state.scenario.party_ids:
            lapse = _why_it_lapses(state, party, agreement)
            if lapse is None:
                continue
            text, why = lapse
            source = cited(state.scenario, "Policies D) Trilateral")
            state = logged(state, "lapsed", party, text, why, source)
            return evolve(state, lapsed=state.round, finished=True)
    return logged(
        evolve(state, finished=True),
        "end",
        None,
        f"The {deal_kind(state.scenario)} agreement held until the deadline.",
    )


LapseCause = Literal["value", "home"]
"""Why a party walks away from a signed agreement: it is worth less to it than it needs (its
leader's attention, its bilateral alternatives), or its groups at home no longer back it."""


def walks_away(score: PartyScore) -> LapseCause | None:
    """Why a party would walk away from an agreement it is scored on now, asked in that order;
    None while the agreement holds for it."""
    if score.total < score.requirement.total - EPSILON:
        return "value"
    if not score.ratifies:
        return "home"
    return None


def _why_it_lapses(
    state: State, party: str, agreement: Agreement
) -> tuple[str, tuple[str, ...]] | None:
    """What the log says when the party walks away from the agreement now, and why; None
    while the agreement still holds for it."""
    who = name(state, party)
    score = state.scorer.score(party, agreement.package)
    need = score.requirement
    cause = walks_away(score)
    if cause == "value":
        worth, needed = compared(score.total, need.total, 0)
        # The parts with the decimals of the total shown, adding up to it.
        places = len(needed.partition(".")[2])
        parts = apportion(
            [need.reservation, *(p.points for p in need.premiums)], need.total, places
        )
        premiums = "".join(
            f", {p.name} +{part}" for p, part in zip(need.premiums, parts[1:], strict=True) if part
        )
        why = (
            f"it is worth {worth} to {who}, which now needs {needed} "
            f"(reservation value {parts[0]}{premiums})"
        )
        return (
            f"{who} loses interest, and the partnership lapses.",
            (why,),
        )
    if cause == "home":
        return (
            f"{who} can no longer defend the partnership at home, and it lapses.",
            (blocked_text(score), *_turned_against(state, party, agreement)),
        )
    return None


def _turned_against(
    state: State, party: str, agreement: Agreement | None = None
) -> tuple[str, ...]:
    """The party's group whose approval has fallen most since the agreement (or since the
    start of the game), with its own reason where the chapter gives one."""
    groups = index(state.scenario).groups_of[party]
    now = state.conditions.approval
    if agreement is not None:
        then = state.snapshots[agreement.round].approval
        since = "since the agreement"
    else:
        then = tuple(g.approval for g in state.scenario.domestic_groups)
        since = "since the start"
    i, group, _ = max(groups, key=lambda g: (then[g[0]] - now[g[0]], g[1].id))
    if then[i] - now[i] < 0.5:
        return ()
    lines = [f"{group.name}: approval {then[i]:.0f} -> {now[i]:.0f} {since}"]
    if group.reason:
        lines.append(f"{group.name}: {group.reason} [{group.reason_source or group.source}]")
    return tuple(lines)
