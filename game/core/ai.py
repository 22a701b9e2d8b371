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

import itertools
import math
from collections import OrderedDict
from dataclasses import dataclass, replace

from game.core.conditions import Conditions, index
from game.core.negotiation import (
    Accept,
    Act,
    Choice,
    Counter,
    Move,
    Pass,
    Reject,
    State,
    Table,
    legal_moves,
    required_value,
    rng,
    step,
)
from game.core.package import fits_scope
from game.core.scenario import Scenario
from game.core.scoring import EPSILON, PartyScore, scorer

WEIGHTS = (0.0, 0.5, 1.5, 4.0)
"""Weights tried for each partner when searching for packages (own weight is 1)."""

WIDE_WEIGHTS = (0.0, 1.0, 3.0)
"""A coarser grid for tables of more than three parties, where combinations multiply."""

CONCESSION = {"easy": (0.6, 2.0), "normal": (0.15, 1.0), "hard": (0.1, 0.4)}
"""Range of concession exponents drawn per game and difficulty. Below 1 a negotiator holds out
(Boulware), above 1 it concedes early (Conceder); 'normal' is what simulations use."""

BLUR = 10.0
"""Score points of safety margin demanded from a partner at trust 0 (none at trust 100)."""


@dataclass(frozen=True)
class Candidate:
    """A package found by search, with every scope party's score of it."""

    options: Choice
    scope: tuple[str, ...]
    totals: dict[str, float]


GRAIN = 5.0
"""Trust and priorities are rounded to this many points when searching for candidate packages:
which packages the search finds hardly changes with a point or two, and rounding lets many game
states share one search. Candidates are always scored under the exact conditions."""

_SEARCHES: OrderedDict[tuple[object, ...], tuple[Scenario, tuple[Choice, ...]]] = OrderedDict()


def _search(
    scenario: Scenario, conditions: Conditions, scope: tuple[str, ...]
) -> tuple[Choice, ...]:
    """Packages maximising weighted sums of the scope parties' scores, one per weighting."""
    trust = tuple(round(t / GRAIN) * GRAIN for t in conditions.trust)
    priorities = tuple(
        tuple(round(w / GRAIN) * GRAIN for w in row) for row in conditions.priorities
    )
    key = (id(scenario), priorities, trust, scope)
    hit = _SEARCHES.get(key)
    if hit is not None and hit[0] is scenario:
        _SEARCHES.move_to_end(key)
        return hit[1]
    searched = replace(conditions, trust=trust, priorities=priorities)
    table = scorer(scenario, searched)
    parties = [table.tables[p] for p in scope]
    # Per issue: the allowed options with each party's normalised value of them. Options a
    # scope party red-lines, or that bind someone outside the scope, are never offered.
    columns: list[list[tuple[int, tuple[float, ...]]]] = []
    for i, issue in enumerate(scenario.issues):
        allowed = [
            k
            for k, option in enumerate(issue.options)
            if fits_scope(option, scope, scenario.party_ids)
            and not any(t.red[i][k] for t in parties)
        ] or [next(k for k, o in enumerate(issue.options) if o.status_quo)]
        columns.append([(k, tuple(t.raw[i][k] * t.per_point for t in parties)) for k in allowed])
    found: dict[Choice, None] = {}
    grid = WEIGHTS if len(scope) <= 3 else WIDE_WEIGHTS
    for weights in itertools.product(grid, repeat=len(scope) - 1):
        w = (1.0, *weights)
        found.setdefault(tuple(_weighted_best(column, w) for column in columns), None)
    result = tuple(found)
    _SEARCHES[key] = (scenario, result)
    if len(_SEARCHES) > 2048:
        _SEARCHES.popitem(last=False)
    return result


_SCORED: OrderedDict[tuple[object, ...], tuple[Scenario, tuple[Candidate, ...]]] = OrderedDict()


def _weighted_best(column: list[tuple[int, tuple[float, ...]]], w: tuple[float, ...]) -> int:
    """The option in a column with the highest weighted sum of the parties' values."""
    best_k, best_v = -1, -math.inf
    if len(w) == 3:  # the common three-party table, written out: the hot path of simulations
        w0, w1, w2 = w
        for k, (a, b, c) in column:
            v = w0 * a + w1 * b + w2 * c
            if v > best_v:
                best_k, best_v = k, v
        return best_k
    for k, values in column:
        v = sum(x * y for x, y in zip(w, values, strict=True))
        if v > best_v:
            best_k, best_v = k, v
    return best_k


def candidates(
    scenario: Scenario, conditions: Conditions, scope: tuple[str, ...]
) -> tuple[Candidate, ...]:
    """Red-line-free packages within a scope found by search, scored under the conditions."""
    key = (id(scenario), conditions, scope)
    hit = _SCORED.get(key)
    if hit is not None and hit[0] is scenario:
        return hit[1]
    table = scorer(scenario, conditions)
    result = tuple(
        Candidate(c, scope, {p: table.total(p, c) for p in scope})
        for c in _search(scenario, conditions, scope)
    )
    _SCORED[key] = (scenario, result)
    if len(_SCORED) > 256:
        _SCORED.popitem(last=False)
    return result


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
    return aspiration(state, partner, _best_possible(state, partner), exponent=1.0)


def _margin(state: State, party: str, partner: str) -> float:
    trust = state.conditions.trust[index(state.scenario).dyad(party, partner)]
    return BLUR * (100.0 - trust) / 100.0


def best_offer(state: State, party: str, level: float) -> Candidate | None:
    """The party's favourite package worth at least `level` to it that it expects to pass."""
    ids = state.scenario.party_ids
    partners = [q for q in ids if q != party]
    # What each partner needs (with a safety margin for distrust) and is guessed to hold out
    # for: computed once per call, not once per candidate package.
    needs = {q: required_value(state, q) + _margin(state, party, q) for q in partners}
    guesses = {q: guessed_aspiration(state, q) for q in partners}
    tables = state.scorer.tables
    status_quo = index(state.scenario).status_quo

    def expected_to_pass(c: Candidate) -> bool:
        # Every partner accepts at the table and every parliament ratifies at home.
        return all(c.totals[q] >= needs[q] for q in c.scope if q != party) and all(
            tables[q].support(c.options) >= tables[q].threshold - EPSILON for q in c.scope
        )

    def appeal(c: Candidate) -> float:
        return min(c.totals[q] - guesses[q] for q in c.scope if q != party)

    scopes = [ids] + [tuple(p for p in ids if p in (party, q)) for q in partners]
    for scope in scopes:  # trilateral first; bilateral deals only when no trilateral one works
        pool = [
            c
            for c in candidates(state.scenario, state.conditions, scope)
            if c.totals[party] >= level and c.options != status_quo and expected_to_pass(c)
        ]
        if not pool:
            continue
        # Prefer what partners will likely take now; otherwise the package closest to that.
        likely = [c for c in pool if appeal(c) >= 0]
        if likely:
            return max(likely, key=lambda c: (c.totals[party], c.options))
        return max(pool, key=lambda c: (appeal(c), c.totals[party], c.options))
    return None


def _best_possible(state: State, party: str) -> float:
    pool = candidates(state.scenario, state.conditions, state.scenario.party_ids)
    return max((c.totals[party] for c in pool), default=100.0)


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


def choose_move(state: State, party: str) -> Move:
    """The baseline negotiator's next move for the party whose turn it is."""
    legal = legal_moves(state, party)
    action = _choose_action(state, party, legal.actions)
    if action is not None:
        return action
    level = aspiration(state, party, _best_possible(state, party))
    table = state.table
    if legal.accept or legal.reject:
        assert table is not None
        score = state.scorer.score(party, table.options)
        if legal.accept and score.ratifies and score.total >= level:
            return Accept(party)
        offer = best_offer(state, party, level)
        why = f"holding out for {level:.0f}, offered {score.total:.0f}; " + explain(score)
        if offer is not None and offer.options != table.options:
            return Counter(party, offer.options, offer.scope, note=why)
        return Reject(party, note=why)
    if legal.table:
        offer = best_offer(state, party, level)
        if offer is not None:
            return Table(party, offer.options, offer.scope)
    return Pass(party)


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


def play_out(state: State) -> State:
    """Let the computer play every remaining move, human seats included (for simulations)."""
    while not state.finished:
        party = state.to_move
        assert party is not None
        state = step(state, choose_move(state, party))
    return state
