"""The baseline computer negotiator: time-dependent aspiration, packages found by search.

It accepts a package that beats both its aspiration (which falls from its best feasible package
towards its reservation value as the deadline nears) and its reservation value, and that would
ratify at home. It proposes the package it likes best among those it expects every partner to
accept, found by maximising weighted sums of the parties' scores issue by issue (exact for each
weighting, because scores are additive across issues). Distrust blurs what it can see of a
partner, so it demands a safety margin from partners it does not trust. Every reply is explained
in words taken from the score breakdown.
"""

from __future__ import annotations

from game.core.engine.legal import Legal, required_value
from game.core.engine.moves import Accept, Act, Counter, Move, Pass, Propose, Reject
from game.core.engine.scoring import EPSILON, PartyScore, ScoredPackage
from game.core.engine.state import State, rng
from game.core.engine.zone import best_in_zone
from game.core.players.diplomacy import choose_action, no_trilateral_deal_in_sight
from game.core.players.search import candidates
from game.core.scenario.index import index
from game.core.scenario.packages import Package

CONCESSION = {"easy": (0.6, 2.0), "normal": (0.15, 1.0), "hard": (0.1, 0.4)}
"""Range of concession exponents drawn per game and difficulty. Below 1 a negotiator holds out
(Boulware), above 1 it concedes early (Conceder); 'normal' is what simulations use."""

BLUR = 10.0
"""Score points of safety margin demanded from a partner at trust 0 (none at trust 100)."""

BILATERAL = 0.15
"""Chance per round that a negotiator is minded to settle things bilaterally, North America's
habit ("dual-bilateralism", Fragmented Region): it then tables its best bilateral package and
accepts one worth what it needs, even with a trilateral deal in sight."""

CLOSING = 3
"""The last rounds, in which a negotiator searches the whole zone of agreement for a package
when its usual search finds none."""


def concession(state: State, party: str) -> float:
    """This party's concession exponent for the game, drawn from the seed within the range
    of the game's difficulty."""
    low, high = CONCESSION[state.difficulty]
    draw: float = rng(state.seed, "concession", party).random()
    return low * float((high / low) ** draw)


def aspiration(state: State, party: str, best: float, exponent: float | None = None) -> float:
    """The value the party holds out for now: from its best towards what it needs, over time."""
    rounds = len(state.scenario.rounds)
    t = state.round / max(1, rounds - 1)
    floor = required_value(state, party)
    e = concession(state, party) if exponent is None else exponent
    remaining: float = 1.0 - t ** (1.0 / e)
    return floor + max(0.0, best - floor) * remaining


def guessed_aspiration(state: State, partner: str) -> float:
    """What a party guesses a partner holds out for: it cannot see the partner's temperament,
    so it assumes a steady (linear) concession from the partner's best package."""
    return aspiration(state, partner, best_possible(state, partner), exponent=1.0)


def closing(state: State) -> bool:
    """Whether the game is in its closing rounds, when time is short (see CLOSING)."""
    return state.round >= len(state.scenario.rounds) - CLOSING


def carried_into_last_round(state: State, package: Package) -> bool:
    """Whether the package is the offer on the table since before the game's last round
    opened: time for it has nearly run out, and what does not pass now never will."""
    offer = state.offer
    return (
        state.round >= len(state.scenario.rounds) - 1
        and offer is not None
        and offer.package == package
        and bool(state.offered)
        and state.offered[-1] == package
    )


def margin(state: State, party: str, partner: str) -> float:
    """The caution a party adds to what a partner needs: more with distrust, and less as the
    deadline nears (a last chance is worth a risk)."""
    trust = state.conditions.trust[index(state.scenario).dyad(party, partner)]
    left = 1.0 - state.round / max(1, len(state.scenario.rounds) - 1)
    return BLUR * (100.0 - trust) / 100.0 * left


def best_offer(state: State, party: str, level: float) -> ScoredPackage | None:
    """The party's favourite package worth at least `level` to it that it expects to pass."""
    ids = state.scenario.party_ids
    partners = [q for q in ids if q != party]
    # What each partner needs (with a safety margin for distrust) and is guessed to hold out
    # for: computed once per call, not once per candidate package.
    needs = {q: required_value(state, q) + margin(state, party, q) for q in partners}
    bilateral_needs = {
        q: required_value(state, q, (party, q)) + margin(state, party, q) for q in partners
    }
    guesses = {q: guessed_aspiration(state, q) for q in partners}
    scores = state.scorer.parties
    status_quo = index(state.scenario).status_quo

    def expected_to_pass(c: ScoredPackage) -> bool:
        # Every partner accepts at the table and every government finds support at home.
        need = needs if len(c.scope) == len(ids) else bilateral_needs
        accepted = all(v >= need[q] for q, v in zip(c.scope, c.scores, strict=True) if q != party)
        return accepted and all(
            scores[q].support(c.package) >= scores[q].threshold - EPSILON for q in c.scope
        )

    def appeal(c: ScoredPackage) -> float:
        return min(v - guesses[q] for q, v in zip(c.scope, c.scores, strict=True) if q != party)

    def choose(pool: list[ScoredPackage]) -> ScoredPackage:
        # Prefer what partners will likely take now; otherwise the package closest to that.
        likely = [c for c in pool if appeal(c) >= 0]
        if likely:
            return max(likely, key=lambda c: (c.score(party), c.package))
        return max(pool, key=lambda c: (appeal(c), c.score(party), c.package))

    def bilateral() -> list[ScoredPackage]:
        # What it can settle with one partner: anything worth what it needs for that deal.
        pairs = [tuple(p for p in ids if p in (party, q)) for q in partners]
        return [
            c
            for pair in pairs
            for c in candidates(state.scenario, state.conditions, pair)
            if c.score(party) >= required_value(state, party, pair)
            and c.package != status_quo
            and expected_to_pass(c)
        ]

    if bilateral_turn(state, party):
        # North America's habit: two countries settle something between themselves.
        pool = bilateral()
        if pool:
            return choose(pool)
    # A trilateral package must also be worth what the party needs for the partnership.
    level = max(level, required_value(state, party))
    pool = [
        c
        for c in candidates(state.scenario, state.conditions, ids)
        if c.score(party) >= level and c.package != status_quo and expected_to_pass(c)
    ]
    if not pool and closing(state):
        # The weighted searches find only the corners of what is possible; in the closing
        # rounds the zone of agreement may still hold a package: search it exactly.
        margins = {q: margin(state, party, q) for q in partners}
        found = best_in_zone(state.scenario, state.conditions, party, margins, level)
        if found is not None and found != status_quo:
            pool = [ScoredPackage(found, ids, tuple(state.scorer.total(p, found) for p in ids))]
    if pool:
        return choose(pool)
    if not no_trilateral_deal_in_sight(state, party):
        return None
    # No trilateral deal in sight: settle what it can with one partner (dual-bilateralism,
    # [Fragmented Region]).
    pool = bilateral()
    return choose(pool) if pool else None


def bilateral_turn(state: State, party: str) -> bool:
    """Whether the party is minded this round to settle things with one partner: tabling a
    bilateral package it expects to pass, and accepting one worth what it needs (drawn from
    the seed, BILATERAL)."""
    return bool(rng(state.seed, "bilateral", state.round, party).random() < BILATERAL)


def will_pass(state: State, party: str, package: Package, scope: tuple[str, ...]) -> bool:
    """Whether every partner still to answer is expected to accept the package (with the
    caution distrust calls for) and every government in scope to find support at home."""
    offer = state.offer
    waiting = [q for q in scope if q != party and (offer is None or q not in offer.accepted)]
    scores = state.scorer.parties
    return all(
        scores[q].total(package) >= required_value(state, q, scope) + margin(state, party, q)
        for q in waiting
    ) and all(scores[q].support(package) >= scores[q].threshold - EPSILON for q in scope)


def best_possible(state: State, party: str) -> float:
    """The most a party can hope for now: its score of its favourite trilateral package found
    by search (where its aspiration starts)."""
    pool = candidates(state.scenario, state.conditions, state.scenario.party_ids)
    return max((c.score(party) for c in pool), default=100.0)


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


class BaselineNegotiator:
    """Holds out for its aspiration, proposes what it expects to pass, and keeps a diplomatic
    habit (see the module's docstring)."""

    def act(self, state: State, party: str, actions: tuple[Act, ...]) -> Act | None:
        """Its diplomatic habits (see `diplomacy`)."""
        return choose_action(state, party, actions)

    def respond(self, state: State, party: str, legal: Legal) -> Move:
        """Accept what beats its aspiration and ratifies; otherwise counter, or reject. With
        no trilateral deal in sight, a bilateral package worth what it needs is enough."""
        offer = state.offer
        assert offer is not None
        level = aspiration(state, party, best_possible(state, party))
        score = state.scorer.score(party, offer.package, offer.scope)
        bilateral = len(offer.scope) < len(state.scenario.party_ids)
        if (
            bilateral
            and score.total < level
            and (bilateral_turn(state, party) or no_trilateral_deal_in_sight(state, party))
        ):
            level = required_value(state, party, offer.scope)
        if legal.accept and score.ratifies and score.total >= level:
            stale = carried_into_last_round(state, offer.package)
            if not stale or will_pass(state, party, offer.package, offer.scope):
                return Accept(party=party)
            # An old offer a partner still to answer cannot take: accepting it would waste the
            # last round; table a package that all could take instead, if there is one.
            better = best_offer(state, party, level)
            if better is None or better.package == offer.package:
                return Accept(party=party)
            why = "a partner still to answer could not accept it in time; " + explain(score)
            return Counter(party=party, package=better.package, scope=better.scope, note=why)
        better = best_offer(state, party, level)
        why = f"holding out for {level:.0f}, offered {score.total:.0f}; " + explain(score)
        if better is not None and better.package != offer.package:
            return Counter(party=party, package=better.package, scope=better.scope, note=why)
        return Reject(party=party, note=why)

    def propose(self, state: State, party: str) -> Move:
        """Its favourite package among those it expects to pass, or a pass."""
        level = aspiration(state, party, best_possible(state, party))
        better = best_offer(state, party, level)
        if better is not None:
            return Propose(party=party, package=better.package, scope=better.scope)
        return Pass(party=party)
