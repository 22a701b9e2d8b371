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
from game.core.players.search import candidates
from game.core.scenario.index import index

CONCESSION = {"easy": (0.6, 2.0), "normal": (0.15, 1.0), "hard": (0.1, 0.4)}
"""Range of concession exponents drawn per game and difficulty. Below 1 a negotiator holds out
(Boulware), above 1 it concedes early (Conceder); 'normal' is what simulations use."""

BLUR = 10.0
"""Score points of safety margin demanded from a partner at trust 0 (none at trust 100)."""


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


def _margin(state: State, party: str, partner: str) -> float:
    trust = state.conditions.trust[index(state.scenario).dyad(party, partner)]
    return BLUR * (100.0 - trust) / 100.0


def best_offer(state: State, party: str, level: float) -> ScoredPackage | None:
    """The party's favourite package worth at least `level` to it that it expects to pass."""
    ids = state.scenario.party_ids
    partners = [q for q in ids if q != party]
    # What each partner needs (with a safety margin for distrust) and is guessed to hold out
    # for: computed once per call, not once per candidate package.
    needs = {q: required_value(state, q) + _margin(state, party, q) for q in partners}
    guesses = {q: guessed_aspiration(state, q) for q in partners}
    scores = state.scorer.parties
    status_quo = index(state.scenario).status_quo

    def expected_to_pass(c: ScoredPackage) -> bool:
        # Every partner accepts at the table and every parliament ratifies at home.
        accepted = all(v >= needs[q] for q, v in zip(c.scope, c.scores, strict=True) if q != party)
        return accepted and all(
            scores[q].support(c.package) >= scores[q].threshold - EPSILON for q in c.scope
        )

    def appeal(c: ScoredPackage) -> float:
        return min(v - guesses[q] for q, v in zip(c.scope, c.scores, strict=True) if q != party)

    scopes = [ids] + [tuple(p for p in ids if p in (party, q)) for q in partners]
    for scope in scopes:  # trilateral first; bilateral deals only when no trilateral one works
        pool = [
            c
            for c in candidates(state.scenario, state.conditions, scope)
            if c.score(party) >= level and c.package != status_quo and expected_to_pass(c)
        ]
        if not pool:
            continue
        # Prefer what partners will likely take now; otherwise the package closest to that.
        likely = [c for c in pool if appeal(c) >= 0]
        if likely:
            return max(likely, key=lambda c: (c.score(party), c.package))
        return max(pool, key=lambda c: (appeal(c), c.score(party), c.package))
    return None


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
        """Mend the home front after a failed vote, else sometimes work on a relationship."""
        return _choose_action(state, party, actions)

    def respond(self, state: State, party: str, legal: Legal) -> Move:
        """Accept what beats its aspiration and ratifies; otherwise counter, or reject."""
        offer = state.offer
        assert offer is not None
        level = aspiration(state, party, best_possible(state, party))
        score = state.scorer.score(party, offer.package)
        if legal.accept and score.ratifies and score.total >= level:
            return Accept(party=party)
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


HABIT = 0.3
"""Chance per turn that a computer negotiator works on a relationship (drawn from the seed)."""


def _choose_action(state: State, party: str, actions: tuple[Act, ...]) -> Act | None:
    """A simple diplomatic habit: mend the home front after a failed vote, else sometimes work
    on the relationship with the partner it trusts least, at the level of transformation the
    two have reached."""
    if not actions:
        return None
    ix = index(state.scenario)
    last_block = next((e for e in reversed(state.log) if e.kind == "blocked"), None)
    if last_block is not None and last_block.round >= state.round - 1:
        consult = [a for a in actions if _kind(state, a) == "consult"]
        if consult:
            return min(consult, key=lambda a: state.conditions.approval[ix.groups[a.target or ""]])
    if rng(state.seed, "habit", state.round, party).random() >= HABIT:
        return None
    partners = [q for q in state.scenario.party_ids if q != party]
    weakest = min(partners, key=lambda q: (state.conditions.trust[ix.dyad(party, q)], q))
    # Joint assessments break the old consensus; confidence-building examines it critically.
    stage = state.conditions.stage[ix.dyad(party, weakest)]
    wanted = "joint_assessment" if stage == 0 else "confidence_building"
    return next((a for a in actions if a.target == weakest and _kind(state, a) == wanted), None)


def _kind(state: State, act: Act) -> str:
    return state.scenario.action(act.action).kind
