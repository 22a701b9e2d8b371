"""The moves every computer strategy is built from: what to hold out for, what to table, what
to accept, and why; all from the negotiator's own scores and its beliefs about its partners.

- **Aspiration.** A negotiator holds firm for the first `patience` share of the game, then
  concedes from its best package towards what it needs, by its concession exponent (below 1:
  late, Boulware; 1: steadily; above 1: early, Conceder); on hard, by its own final say
  (`clock`). Against a partner that never moves from a greedy demand it holds out for more
  (`stonewall`).
- **Tabling.** It searches packages by maximising weighted sums of its own score and what it
  believes its partners' scores to be, issue by issue (exact for each weighting: scores add up
  over issues), keeps those it believes every partner would accept and every government could
  carry at home, and tables the best of them for itself (a modeller: the one with the largest
  product of everyone's gains). In the closing rounds it searches the whole zone of agreement
  as it believes it to be (and there, before it decides that no trilateral deal is in sight).
  With no trilateral deal in sight, or when minded to (its bilateral appetite, though not at
  its final say while it sees a trilateral deal), it settles something with one partner (in
  the round before the last, not with a partner that would answer only in the last round
  and after it there: it keeps that package till then, leaving the table free). It never
  tables its one earlier package a second time while another would do; on hard, its last
  real offer is the best for itself it believes its partners would take. In the last round
  it tables what it believes likeliest to pass (on hard, its best bet: its gain times the
  believed chance that all take it), and nothing a partner who has had its turn would have
  to accept.
- **Replying.** It accepts what beats its aspiration and what its groups at home support; in
  the last round it will not sign an old offer a partner still to answer could not take. It
  says why in words from its score's breakdown and from its strategy (`sayings`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from operator import getitem

from game.core.engine.legal import Legal, required_value
from game.core.engine.moves import Accept, Counter, Move, Pass, Propose, Reject
from game.core.engine.numbers import SCORE_PLACES, fixed
from game.core.engine.scoring import EPSILON, ScoredPackage
from game.core.engine.state import State
from game.core.engine.wording import joined, name
from game.core.engine.zone import believed_zone, best_in_zone
from game.core.players import stonewall
from game.core.players.beliefs import Beliefs, beliefs
from game.core.players.caution import (
    believed_need,
    believed_to_pass,
    margin,
    passes,
    supported,
)
from game.core.players.clock import (
    TOO_LATE,
    carried_into_last_round,
    closing,
    final_say,
    last_round,
    progress,
    too_late,
    waits_into_last_round,
)
from game.core.players.draws import first_draw
from game.core.players.sayings import PHRASES, explain, refused
from game.core.players.search import candidates, pairs
from game.core.players.style import Style
from game.core.scenario.index import index
from game.core.scenario.packages import Package

# --- searching ---------------------------------------------------------------------------------


def no_trilateral_deal_in_sight(
    state: State, party: str, b: Beliefs, thorough: bool = False
) -> bool:
    """Whether none of the trilateral packages the party's search finds is one it believes
    everyone could accept and carry at home (no caution added: the question is whether any
    deal exists). In the closing rounds, or at any time when `thorough`, when the search finds
    none, it looks through the whole zone of agreement as it believes it to be, as it does for
    its offer, before it settles for a bilateral deal (revive-spp, all hard: 327 trilateral
    deals in 1,000 games with the search alone, 447 with the zone)."""
    thorough = thorough or closing(state)
    key = ("in sight", party, thorough)
    found = b.cache.get(key)
    if found is None:
        found = not search_finds_deal(state, party, b)
        if found and thorough:
            ids = state.scenario.party_ids
            needs = {q: b.needs[q] for q in ids if q != party}
            package = _best_believed(state, party, b, required_value(state, party), needs)
            found = package is None or package == index(state.scenario).status_quo
        b.cache[key] = found
    return bool(found)


def search_finds_deal(state: State, party: str, b: Beliefs) -> bool:
    """Whether one of the trilateral packages the party's search finds is worth what it needs
    and one it believes every partner would accept and every government carry at home (no
    caution added)."""
    ids = state.scenario.party_ids
    own = required_value(state, party)
    return any(
        state.scorer.total(party, p) >= own - EPSILON
        and all(b.value(q, p) >= b.needs[q] - EPSILON for q in ids if q != party)
        and all(supported(state, party, q, p) for q in ids)
        for p in candidates(state, party, b, ids)
    )


def whole_deal_at_final_say(state: State, party: str, b: Beliefs) -> bool:
    """Whether this is the party's final say and it believes a trilateral deal is in sight: its
    appetite for a bilateral deal then yields, as a package tabled now holds the table into
    the last round, where a side deal signed takes the turns a trilateral package needs
    (spp-2005 without the causes, normal: 20 of 1,000 games ended without a deal while one
    was there, 6 with this rule; revive-spp, all hard: 100 of 1,000, 80 with it)."""
    return state.round == final_say(state, party) and not no_trilateral_deal_in_sight(
        state, party, b
    )


def bilateral_turn(state: State, party: str, style: Style) -> bool:
    """Whether the party is minded this round to settle things with one partner (its
    bilateral appetite, drawn from the seed)."""
    return first_draw(state.seed, "bilateral", state.round, party) < style.bilateral


Chooser = Callable[[list[ScoredPackage]], ScoredPackage]


def crosses_own_red_line(state: State, party: str, package: Package) -> bool:
    """Whether the package crosses one of the party's red lines, so that it may not table it:
    a partner's package can, and so can the search's fallback to the status quo on an issue
    where every option, the status quo too, crosses a red line."""
    red = state.scorer.parties[party].red
    return any(map(getitem, red, package))


def scored(state: State, package: Package, scope: tuple[str, ...]) -> ScoredPackage:
    """A package with each scope party's score (the party's own, exactly)."""
    return ScoredPackage(package, scope, tuple(state.scorer.total(q, package) for q in scope))


def best_offer(
    state: State, party: str, style: Style, level: float, nash: bool = False
) -> ScoredPackage | None:
    """The package the party would table now, worth at least `level` to it: trilateral if it
    believes one would pass; bilateral when minded to, or when no trilateral deal is in sight.
    `nash`: among those, the one with the largest product of believed gains (a modeller)."""
    b = beliefs(state, party, style.knowledge)
    ids = state.scenario.party_ids
    status_quo = index(state.scenario).status_quo
    if any(stonewall.holds_firm(state, party, b, q) for q in ids if q != party):
        # It gives a partner that never moved no more than it would accept from it.
        level = max(level, stonewall.resolve(state, party, ids))

    signed = {(a.package, a.scope) for a in state.agreements}

    own = state.scorer.parties[party]
    red = own.red

    def pool(scope: tuple[str, ...], floor: float) -> list[ScoredPackage]:
        # The filters of the plain version, in its order, with every per-call threshold
        # worked out once (`passes`); `red` and `own` are what `crosses_own_red_line` and
        # `state.scorer.total` read.
        bar = floor - EPSILON
        check = passes(state, party, b, scope)
        return [
            scored(state, p, scope)
            for p in candidates(state, party, b, scope)
            if p != status_quo
            and (p, scope) not in signed
            and not any(map(getitem, red, p))
            and own.total(p) >= bar
            and check(p)
        ]

    def bilateral() -> list[ScoredPackage]:
        return [
            c
            for pair in pairs(state, party)
            if not waits_into_last_round(state, party, pair)
            for c in pool(pair, required_value(state, party, pair))
        ]

    by = _by_nash(state, party, b) if nash else _by_own(state, party, b)
    repeat = stonewall.only_package(state, party)

    def choose(found: list[ScoredPackage]) -> ScoredPackage:
        # Never the one package it has tabled so far a second time: it shows it moves, down
        # to what it needs if nothing else at its level would pass.
        moved = [c for c in found if c.package != repeat]
        if not moved and repeat is not None:
            moved = [c for c in pool(ids, required_value(state, party)) if c.package != repeat]
        return by(moved or found)

    if last_round(state):
        # One turn each is left: table what is likeliest to pass, not what is best (on hard,
        # what is best weighed by its odds).
        floor = max(level, required_value(state, party))
        return last_offer(state, party, b, floor, repeat, odds=style.plays_deadline)
    if bilateral_turn(state, party, style) and not whole_deal_at_final_say(state, party, b):
        found = bilateral()
        if found:
            return choose(found)
    level = max(level, required_value(state, party))
    if style.plays_deadline and state.round == final_say(state, party):
        # On hard, its last real offer is the best for itself that it believes its partners
        # would take now (whatever its rule before: a modeller's Nash bargain gives more away).
        package = _best_taken_now(state, party, b, level)
        if (
            package is not None
            and package not in (status_quo, repeat)
            and (package, ids) not in signed
            and not crosses_own_red_line(state, party, package)
        ):
            return scored(state, package, ids)
    found = pool(ids, level)
    if not found and closing(state):
        package = _best_in_believed_zone(state, party, b, level)
        if package is not None and package != status_quo:
            found = [scored(state, package, ids)]
    if found:
        return choose(found)
    if no_trilateral_deal_in_sight(state, party, b):
        found = bilateral()
        return choose(found) if found else None
    return None


def _last_offers(
    state: State, party: str, b: Beliefs, level: float, repeat: Package | None
) -> list[Package]:
    """The trilateral packages a last offer is chosen from: worth `level` to the party, none
    crossing its red lines, every government's groups behind them; from the zone as it
    believes it to be, its search, and what partners lately tabled or accepted (not the one
    package it has tabled so far, if another will do)."""
    ids = state.scenario.party_ids
    status_quo = index(state.scenario).status_quo
    needs = {q: b.needs[q] for q in ids}
    needs[party] = level
    found = list(
        believed_zone(
            state.scenario,
            state.conditions,
            {q: b.values[q] for q in ids},
            {q: b.offsets[q] for q in ids},
            needs,
        ).packages
    )
    found += candidates(state, party, b, ids)
    # What a partner tabled or accepted lately is known to be worth what it needs to it.
    found += [p for q in ids if q != party for p in sorted(b.endorsed[q])]
    fit = [
        p
        for p in dict.fromkeys(found)
        if p != status_quo
        and not crosses_own_red_line(state, party, p)
        and state.scorer.total(party, p) >= level - EPSILON
        and all(supported(state, party, q, p) for q in ids)
    ]
    return [p for p in fit if p != repeat] or fit


def last_offer(
    state: State,
    party: str,
    b: Beliefs,
    level: float,
    repeat: Package | None = None,
    odds: bool = False,
) -> ScoredPackage | None:
    """The trilateral package worth `level` to the party that it tables with one turn each
    left (a last turn is worth a try, so from `_last_offers`): the one it believes likeliest
    to pass, whose smallest believed surplus for a partner, less the belief's typical error,
    is largest; or, with `odds` (on hard), the one with the largest gain over its reservation
    value times the chance, as its beliefs put it, that every partner takes it (the likeliest
    package gives away what a sharper reading of the partners would keep)."""
    ids = state.scenario.party_ids
    own = state.scorer.parties[party]
    fit = _last_offers(state, party, b, level, repeat)
    if not fit:
        return None

    def sure(q: str, p: Package) -> float:
        surplus = b.value(q, p) - b.needs[q]
        if p in b.endorsed[q]:
            return max(surplus, 0.0)
        return surplus - b.risk(q, p)

    def chance(p: Package) -> float:
        # The smallest surplus a partner is sure of, allowing for the belief's typical error
        # (the package believed best is the one whose worth is likeliest overestimated).
        return min(sure(q, p) for q in ids if q != party)

    def expected(p: Package) -> float:
        together = math.prod(b.odds(q, p) for q in ids if q != party)
        return together * (own.total(p) - own.reservation)

    rank = expected if odds else chance
    best = max(fit, key=lambda p: (rank(p), own.total(p), p))
    return scored(state, best, ids)


def _best_in_believed_zone(state: State, party: str, b: Beliefs, level: float) -> Package | None:
    """The zone of agreement as the party believes it to be: its own scores, its beliefs of
    its partners' scores and needs (plus its caution), everyone's support at home."""
    ids = state.scenario.party_ids
    if b.exact:
        margins = {q: margin(state, party, q) for q in ids if q != party}
        return best_in_zone(state.scenario, state.conditions, party, margins, level)
    needs = {q: b.needs[q] + margin(state, party, q) for q in ids if q != party}
    return _best_believed(state, party, b, level, needs)


def _best_taken_now(state: State, party: str, b: Beliefs, level: float) -> Package | None:
    """The package best for the party, worth `level` to it, that it believes every partner
    would accept now: worth what the partner needs (with its caution) and what it guesses the
    partner holds out for; every government's groups at home behind it."""
    ids = state.scenario.party_ids
    needs = {
        q: max(b.needs[q] + margin(state, party, q), guessed_aspiration(state, party, b, q))
        for q in ids
        if q != party
    }
    return _best_believed(state, party, b, level, needs)


def _best_believed(
    state: State, party: str, b: Beliefs, level: float, needs: dict[str, float]
) -> Package | None:
    """The package best for the party, worth `level` to it, among those its beliefs of its
    partners' scores say meet `needs` (each partner's), every government's groups behind it."""
    ids = state.scenario.party_ids
    return best_in_zone(
        state.scenario,
        state.conditions,
        party,
        floor=level,
        values={q: b.values[q] for q in ids},
        offsets={q: b.offsets[q] for q in ids},
        needs={**needs, party: required_value(state, party)},
    )


def _by_own(state: State, party: str, b: Beliefs) -> Chooser:
    """Prefer what the partners are believed to take now (their guessed aspiration, a steady
    concession from their believed best); among those, the best for the party."""

    def appeal(c: ScoredPackage) -> float:
        return min(
            b.value(q, c.package) - guessed_aspiration(state, party, b, q)
            for q in c.scope
            if q != party
        )

    def choose(found: list[ScoredPackage]) -> ScoredPackage:
        if len(found) == 1:
            # Nothing to weigh (the partners' guessed aspirations are not worked out).
            return found[0]
        likely = [c for c in found if appeal(c) >= 0]
        if likely:
            return max(likely, key=lambda c: (c.score(party), c.package))
        return max(found, key=lambda c: (appeal(c), c.score(party), c.package))

    return choose


def _by_nash(state: State, party: str, b: Beliefs) -> Chooser:
    """The largest product of everyone's believed gains over what they need."""

    def product(c: ScoredPackage) -> float:
        gains = [c.score(party) - required_value(state, party, c.scope)]
        gains += [
            b.value(q, c.package) - believed_need(state, b, q, c.scope)
            for q in c.scope
            if q != party
        ]
        return math.prod(max(g, 0.0) + 1.0 for g in gains)

    def choose(found: list[ScoredPackage]) -> ScoredPackage:
        return max(found, key=lambda c: (product(c), c.score(party), c.package))

    return choose


def guessed_aspiration(state: State, party: str, b: Beliefs, partner: str) -> float:
    """What the party guesses a partner holds out for: a steady concession from the best it
    believes the partner could hope for towards what it believes the partner needs."""
    key = ("guess", party, partner)
    found = b.cache.get(key)
    if found is None:
        ids = state.scenario.party_ids
        best = max((b.value(partner, p) for p in candidates(state, party, b, ids)), default=0.0)
        need = b.needs[partner]
        found = need + max(0.0, best - need) * (1.0 - progress(state))
        b.cache[key] = found
    return float(found)


# --- replying ------------------------------------------------------------------------------


def held_out_for(
    state: State, party: str, level: float, scope: tuple[str, ...] | None = None
) -> float:
    """What the party holds out for, as it says so: its aspiration, or what the rules make a
    package of this scope worth to it before it may accept (None: everyone), if that is more
    (it tables nothing below that either)."""
    return max(level, required_value(state, party, scope))


def waiting(state: State, party: str) -> list[str]:
    """The parties in the offer's scope still to answer it, the party aside."""
    offer = state.offer
    assert offer is not None
    return [q for q in offer.awaited if q != party]


def reply(
    state: State, party: str, style: Style, legal: Legal, level: float, nash: bool = False
) -> Move:
    """Accept what beats `level` and its groups at home support; otherwise counter with its
    own best offer, or reject; every refusal says why."""
    offer = state.offer
    assert offer is not None
    score = state.scorer.score(party, offer.package, offer.scope)
    bilateral = len(offer.scope) < len(state.scenario.party_ids)
    b = beliefs(state, party, style.knowledge)
    if (
        bilateral
        and score.total < level
        and (bilateral_turn(state, party, style) or no_trilateral_deal_in_sight(state, party, b))
    ):
        level = required_value(state, party, offer.scope)
    # The package on a stonewaller's offer is its one package.
    unmoved = offer.proposer != party and stonewall.holds_firm(state, party, b, offer.proposer)
    if unmoved:
        level = max(level, stonewall.resolve(state, party, offer.scope))
    if legal.accept and score.ratifies and score.total >= level - EPSILON:
        aim = fixed(held_out_for(state, party, level, offer.scope), SCORE_PLACES)
        yes = f"it meets what it holds out for now ({aim}): {PHRASES[style.strategy]}"
        reasons = explain(score)
        accept = Accept(party=party, note=f"{yes}; {reasons}" if reasons else yes)
        stale = carried_into_last_round(state, offer.package)
        if not stale or believed_to_pass(
            state, party, b, offer.package, offer.scope, waiting(state, party)
        ):
            return accept
        # An old offer a partner still to answer cannot take: accepting it would waste the
        # last round; table a package that all could take instead, if there is one.
        better = best_offer(state, party, style, level, nash)
        if better is None or better.package == offer.package:
            return accept
        why = f"{TOO_LATE}; " + reasons
        return Counter(party=party, package=better.package, scope=better.scope, note=why)
    better = best_offer(state, party, style, level, nash)
    why = refused(score, held_out_for(state, party, level, offer.scope), style.strategy)
    if unmoved:
        why += "; " + stonewall.complaint(state, offer.proposer)
    reasons = explain(score)
    if reasons:
        why += "; " + reasons
    if (
        better is not None
        and better.package != offer.package
        and not too_late(state, party, better.scope)
    ):
        return Counter(party=party, package=better.package, scope=better.scope, note=why)
    return Reject(party=party, note=why)


def waiting_pass(state: State, party: str) -> Pass:
    """A pass with nothing it may do at the table: the package there is for others to answer,
    or it has said yes and waits for the rest (says which)."""
    offer = state.offer
    if offer is None:
        return Pass(party=party)
    others = joined([name(state, q) for q in waiting(state, party)])
    if party in offer.accepted:
        return Pass(party=party, note=f"it has said yes and waits for {others} to answer")
    return Pass(party=party, note=f"the package on the table is for {others} to answer")


def table(state: State, party: str, style: Style, level: float, nash: bool = False) -> Move:
    """Its best offer worth `level` to it, or a pass that says why."""
    better = best_offer(state, party, style, level, nash)
    if better is not None and too_late(state, party, better.scope):
        return Pass(
            party=party, note="too late to table a package: a partner in it has had its last turn"
        )
    if better is not None:
        return Propose(party=party, package=better.package, scope=better.scope)
    why = (
        f"holding out for {fixed(held_out_for(state, party, level), SCORE_PLACES)}: "
        f"{PHRASES[style.strategy]}, and it sees no package worth that to it that its partners"
        " would accept and ratify"
    )
    return Pass(party=party, note=why)
