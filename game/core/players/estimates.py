"""What one party can foresee of a partner's reply to a package: the partner's rule, estimated."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from game.core.engine.legal import required_value
from game.core.engine.scoring import EPSILON
from game.core.engine.state import State, rng
from game.core.players import stonewall
from game.core.players.beliefs import beliefs
from game.core.players.caution import margin
from game.core.players.clock import aspiration, carried_into_last_round
from game.core.players.search import best_possible
from game.core.players.strategies.tit_for_tat import conceded
from game.core.players.style import style_for
from game.core.scenario.index import index
from game.core.scenario.packages import Package

SPREAD = 20.0
"""Half-width, in score points, of the estimate of a partner's score at trust 0 (none at trust
100). What it needs and what it holds out for are seen through half as much haze."""

SHIFT = 0.6
"""How far off centre a range may sit, as a share of its half-width: the true value is always
inside the range, but the middle of the range does not give it away."""

WAVES = (13.0, 23.0, 41.0)
"""Wavelengths, in score points, of the smooth curve that shifts a range off centre. The shift
is a function of the value itself, so two packages the partner values alike look alike, and a
small change of value moves the range a little, never a jump."""

Verdict = Literal["likely yes", "uncertain", "likely no", "red line"]


@dataclass(frozen=True)
class Estimate:
    """A party's estimate of how a partner values a package and whether it would agree."""

    partner: str
    low: float
    high: float
    """What the package is worth to the partner: somewhere in low-high."""
    needed_low: float
    needed_high: float
    """What any package must be worth for the partner to accept at all (its reservation value
    and its leader's attention premium), at the end of the game."""
    verdict: Verdict
    red_lines: tuple[str, ...]
    ratifies: bool | None
    """Whether the partner's groups at home would support it, or None when distrust hides it."""
    target_low: float
    target_high: float
    """What the partner holds out for now: it accepts only a package worth at least that."""
    reason: str
    """Why the verdict, in a few words."""
    stated: bool = False
    """The partner has said at the table what this package is worth to it (a refusal states
    its worth and its need for all to read), so `low` and `high` are that worth, as it is now."""
    person: bool = False
    """The partner is played by people: `target_low`-`target_high` is what it needs."""


def estimate(
    state: State,
    viewer: str,
    partner: str,
    package: Package,
    scope: tuple[str, ...] | None = None,
    *,
    alone: bool = False,
) -> Estimate:
    """The viewer's estimate of the partner's reply to a package, by the partner's own rule.

    A computer partner accepts a package that crosses none of its red lines, has enough
    support at its home and is worth at least what it holds out for now (its strategy's level);
    a partner played by people, at least what it needs (the rules' floor: it follows no
    strategy the viewer could know).
    Its principles are public, so red lines are always seen. Its score is seen as a range whose
    half-width grows with distrust. What it holds out for follows its personality (public, in
    the scenario) and its temperament, which is private: the range runs from the quickest to
    the slowest concession that temperament allows, widened by distrust. Its support at home is
    only guessed where trust is at least 50.

    "likely yes" needs the whole worth range above the whole target range and support at home
    seen to be enough; "likely no" a worth range wholly below the target range, or support seen
    to fall short. Nothing here depends on options that do not bind the partner: they change
    neither its score, nor its vote at home, nor its red lines.
    """
    scores = state.scorer.parties[partner]
    trust = state.conditions.trust[index(state.scenario).dyad(viewer, partner)]
    half = SPREAD * (100.0 - trust) / 100.0

    def seen(what: str, low: float, high: float, haze: float) -> tuple[float, float]:
        # A range around [low, high], widened by haze and shifted by a smooth function of the
        # value itself, so it never sits centred on the private number.
        shift = SHIFT * haze * _wobble(state.seed, viewer, partner, what, (low + high) / 2)
        # The 0-100 scale bounds a range, except where what a partner needs has grown past
        # 100 (its alternatives outgrew the whole agenda): the range then still holds it.
        upper = high + haze + shift
        return max(0.0, low - haze + shift), upper if high > 100.0 else min(100.0, upper)

    worth = scores.total(package)
    needed = required_value(state, partner, scope)
    # What the partner has said in refusals is public: a package it valued is known at its
    # worth, and its need, as they are now (what has moved them since is public too; the
    # computers' beliefs take them in the same way).
    said = [f.package for e in state.log for f in e.revealed if f.party == partner]
    stated = package in said
    low, high = (worth, worth) if stated else seen("worth", worth, worth, half)
    needed_low, needed_high = (needed, needed) if said else seen("needed", needed, needed, half / 2)
    person = state.seat(partner) == "human"
    if person:
        # People follow no concession curve: a team may accept anything the rules let it,
        # so its bar is what it needs.
        target_low, target_high = needed_low, needed_high
    else:
        quickest, slowest = _target_bounds(state, partner)
        target_low, target_high = seen("target", quickest, slowest, half / 2)
    red = tuple(dict.fromkeys(r for i, k in enumerate(package) for r in scores.red[i][k]))
    # The partner's own test of its vote at home (PartyScore.ratifies), seen only with trust.
    ratifies = state.scorer.score(partner, package).ratifies if trust >= 50 else None
    verdict: Verdict
    if red:
        verdict, reason = "red line", "crosses their red line:"
    elif ratifies is False:
        verdict, reason = "likely no", "their groups at home would not back it"
    elif high < target_low:
        verdict, reason = "likely no", "below what they hold out for"
    elif low < target_high:
        verdict, reason = "uncertain", "may or may not be enough"
    elif ratifies is None:
        verdict, reason = "uncertain", "enough, but their vote at home is unknown"
    else:
        verdict, reason = "likely yes", "clears what they hold out for"
    unmoved = not person and stonewall.would_stonewall(state, viewer, package)
    if (
        verdict in ("likely yes", "uncertain")
        and unmoved
        and _calls_greedy(state, viewer, partner, package)
    ):
        # The partner's public rule against one who never moves: it holds firm, where it
        # believes the demand greedy.
        firm = stonewall.resolve(state, partner, scope or state.scenario.party_ids)
        firm_low, firm_high = seen("firm", firm, firm, half / 2)
        held = f"about {firm_low:.0f}–{firm_high:.0f}"
        if high < firm_low:
            verdict, reason = "likely no", f"you have not moved: they hold firm for {held}"
        elif low < firm_high:
            verdict, reason = "uncertain", f"you have not moved: they may hold firm for {held}"
    scope = scope or state.scenario.party_ids
    offer = state.offer
    said_yes = (
        offer is not None
        and offer.package == package
        and offer.scope == tuple(scope)
        and partner in offer.accepted
    )
    if said_yes:
        # Its yes to the package on the table is public, and stands while it is there.
        verdict, reason = "likely yes", "has accepted it: it is on the table"
    late = carried_into_last_round(state, package) or _carried_next(state, partner, package)
    if verdict == "likely yes" and late and not alone and not said_yes:
        # An offer carried into the last round is signed only if the parties still to answer
        # would sign it too.
        doubt = _doubted(state, viewer, partner, package, scope)
        if doubt is not None:
            verdict, reason = "uncertain", f"now, they sign only what {doubt} would too"
    if (
        verdict == "likely no"
        and reason == "below what they hold out for"
        and len(scope) < len(state.scenario.party_ids)
        and high >= needed_low
    ):
        # With no trilateral deal in sight, a partner settles a bilateral one for what it needs.
        verdict, reason = "uncertain", "short of their aim, but a bilateral deal may do"
    return Estimate(
        partner,
        low,
        high,
        needed_low,
        needed_high,
        verdict,
        red,
        ratifies,
        target_low,
        target_high,
        reason,
        stated,
        person,
    )


def _calls_greedy(state: State, viewer: str, partner: str, package: Package) -> bool:
    """Whether the partner, by its own rule, calls the viewer's unmoving demand greedy: it
    believes the package gives the viewer nearly all it could hope for while the viewer could
    accept one worth clearly more to the partner (`stonewall.demands_most`, with the beliefs the
    partner replies with). Where it does not, it does not hold firm, and no warning is due."""
    knowledge = style_for(state.scenario, partner, state.difficulty).knowledge
    return stonewall.demands_most(
        state, partner, beliefs(state, partner, knowledge), viewer, package
    )


def _carried_next(state: State, partner: str, package: Package) -> bool:
    """Whether a package tabled now would reach the partner only in the last round, carried
    over: the round before the last, with the partner's turn already past."""
    on_table = state.offer is not None and state.offer.package == package
    return (
        not on_table
        and state.round == len(state.scenario.rounds) - 2
        and partner in state.order[: state.turn]
    )


def _doubted(
    state: State, viewer: str, partner: str, package: Package, scope: tuple[str, ...]
) -> str | None:
    """The name of a party still to answer whom the partner may expect to refuse the package
    (the viewer knows its own numbers; of a third party it has only its own forecast)."""
    offer = state.offer
    # Who has signed: of the offer on the table, those who accepted it (none once it has
    # failed at home); of a draft, the viewer who would table it.
    signed = set(offer.accepted) if offer is not None and offer.package == package else {viewer}
    mine = state.scorer.parties[viewer]
    if mine.support(package) < mine.threshold - EPSILON:
        return state.scenario.party(viewer).name
    for q in scope:
        if q in (partner, *signed):
            continue
        if q == viewer:
            needed = required_value(state, viewer, scope) + margin(state, partner, viewer)
            doubt = mine.total(package) < needed
        else:
            doubt = estimate(state, viewer, q, package, scope, alone=True).verdict != "likely yes"
        if doubt:
            return state.scenario.party(q).name
    return None


def _target_bounds(state: State, partner: str) -> tuple[float, float]:
    """The least and the most the partner may hold out for now: its concession curve (the
    scenario's personality for it at this difficulty is public) over the concession exponents
    its private temperament allows, from its best package (private, blurred by the caller); a
    tit-for-tat partner also gives back what it has been conceded (public: the offers)."""
    style = style_for(state.scenario, partner, state.difficulty)
    best = best_possible(state, partner)
    slow, quick = style.exponent_range()
    least = aspiration(state, partner, style, best, quick)
    most = aspiration(state, partner, style, best, slow)
    if style.strategy == "tit_for_tat":
        given = conceded(state, partner)
        least, most = min(least, max(least, best) - given), min(most, max(most, best) - given)
    return least, most


def _wobble(seed: int, viewer: str, partner: str, what: str, value: float) -> float:
    """A smooth curve in [-1, 1] over score values, fixed for the game, viewer and partner."""
    draw = rng(seed, "estimate", viewer, partner, what)
    phases = [draw.random() * 2 * math.pi for _ in WAVES]
    waves = (math.sin(2 * math.pi * value / w + p) for w, p in zip(WAVES, phases, strict=True))
    return sum(waves) / len(WAVES)
