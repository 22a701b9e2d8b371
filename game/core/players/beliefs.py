"""What a computer negotiator believes about its partners: no more than a person in its seat.

A negotiator knows its own scores exactly. Of a partner it knows what the scenario makes public
(the agenda, the partner's principles, its groups at home and their public mood) and estimates
the rest: what each option is worth to the partner is seen with an error that grows with
distrust (the same haze as the forecast a person reads), and what the partner needs is seen
with half that error. The errors are fixed for the game by its seed.

It then learns from what the partner does and says, as a person at the table would:
- a refusal that states the package's worth to the partner and what it needs (the log says
  "it is worth 79, and it needs 85" for all to read) tells both;
- a package the partner tables or accepts is worth at least what it needs to the partner;
- a package the partner counters with is worth more to it than the one it turned down.
Where the belief contradicts an observation, it is corrected just enough, on the options that
observation concerns (the options that differ from the status quo, or between the two
packages). Lower trust means larger errors to begin with, so more is left to learn.
"""

from __future__ import annotations

import hashlib
import math
import struct
from dataclasses import dataclass
from itertools import repeat
from operator import add, getitem, is_, mul
from typing import Any, NamedTuple

from game.core.engine.moves import Accept, Counter, Move, Propose, Reject
from game.core.engine.state import LogEntry, Revealed, State, rng
from game.core.scenario.index import index
from game.core.scenario.memo import Memo
from game.core.scenario.packages import Package

HAZE = 6.0
"""Largest error, in score points, on what one option changes from the status quo for a
partner trusted at 0 (none at trust 100); the error on a package is the sum over the options
it changes."""

LEARNING_STEPS = 2
"""Passes over the observations when correcting a belief (a second pass settles corrections
that a later observation undid)."""


@dataclass(frozen=True)
class Knowledge:
    """How much a negotiator knows: a multiple of the haze, and whether it learns."""

    haze: float = 1.0
    learns: bool = True
    omniscient: bool = False
    """Sees every partner's exact scores (for analyses; labelled wherever it is offered)."""


class Observation(NamedTuple):
    """Something a partner did that says what it values (a named tuple: a game makes
    thousands of them)."""

    party: str
    package: Package
    round: int
    worse: Package | None = None
    """For a counter: the package it turned down for this one."""


def observations(moves: tuple[Move, ...], parties: int) -> tuple[Observation, ...]:
    """What the moves of a game say about the parties' values (the offer on the table is
    followed through the moves: accepting endorses it, countering prefers the new one); each
    dated to its round (every party ends one turn a round)."""
    return _fold(moves, parties)[4]


_Fold = tuple[tuple[Move, ...], int, Package | None, int, tuple[Observation, ...]]
"""`observations` part way: the moves read, the parties, the offer on the table and the turns
ended after them, and what they said."""

_FOLDS: list[_Fold] = []
"""The latest folds, newest first (a handful: the games being played)."""

FOLDS_KEPT = 8


def _fold(moves: tuple[Move, ...], parties: int) -> _Fold:
    """`observations`, carried on from the longest fold already made over the same first
    moves (the very same move objects): a game's moves only grow, and each belief build would
    otherwise read them all again. A plain left-to-right pass, so the same result."""
    start: _Fold = ((), parties, None, 0, ())
    for made in _FOLDS:
        done = made[0]
        n = len(done)
        if (
            made[1] == parties
            and len(start[0]) < n <= len(moves)
            and moves[n - 1] is done[n - 1]
            and all(map(is_, moves[:n], done))
        ):
            start = made
    done, _, offer, turns, before = start
    if len(done) == len(moves) and done:
        return start
    seen = list(before)
    for move in moves[len(done) :]:
        round_ = turns // parties
        if isinstance(move, Counter):
            seen.append(Observation(move.party, move.package, round_, offer))
            offer = move.package
        elif isinstance(move, Propose):
            seen.append(Observation(move.party, move.package, round_))
            offer = move.package
        elif isinstance(move, Accept) and offer is not None:
            seen.append(Observation(move.party, offer, round_))
        elif isinstance(move, Reject):
            offer = None
        turns += move.ends_turn
    fold: _Fold = (moves, parties, offer, turns, tuple(seen))
    if type(moves) is tuple:
        # Only an immutable sequence can be trusted to stay what it was.
        _FOLDS.insert(0, fold)
        del _FOLDS[FOLDS_KEPT:]
    return fold


class Beliefs:
    """One negotiator's beliefs about each partner's values and needs, now."""

    def __init__(self, state: State, viewer: str, knowledge: Knowledge) -> None:
        s = state.scenario
        ix = index(s)
        self.viewer = viewer
        self.exact = knowledge.omniscient
        """True for an omniscient negotiator: its beliefs are the partners' exact scores."""
        self.status_quo = ix.status_quo
        self.cache: dict[object, Any] = {}
        """What strategies work out from these beliefs (searches), kept while they hold."""
        scores = state.scorer.parties
        self.values: dict[str, list[list[float]]] = {}
        self.needs: dict[str, float] = {}
        self.offsets: dict[str, float] = {}
        self._scores = scores
        self.haze: dict[str, float] = {}
        """The largest error on one option's value to each partner (0 for the viewer)."""
        self.told_need: set[str] = set()
        """Partners that have stated what they need (their need is known exactly)."""
        self.endorsed: dict[str, set[Package]] = {q: set() for q in s.party_ids}
        """Packages each partner has tabled or accepted this round or the last: worth what it
        needs to it then, as far as anyone can tell."""
        recent = state.round - 1
        seen = observations(state.moves, len(s.party_ids))
        for o in seen:
            if o.round >= recent:
                self.endorsed[o.party].add(o.package)
        for q in s.party_ids:
            view = scores[q]
            need = view.requirement.total
            if q != viewer and not knowledge.omniscient:
                trust = state.conditions.trust[ix.dyad(viewer, q)]
                size = HAZE * knowledge.haze * (100.0 - trust) / 100.0
                errors, need_error = _errors(state.seed, viewer, q, view.raw, self.status_quo)
                # The status quo is public: errors are on what an option changes from it
                # (its error is 0).
                # `v + e * size` option by option, as maps (a build per move, so this is
                # hot): the same products and sums as the plain loop (multiplication
                # commutes exactly), rows of equal length by construction.
                scaled = repeat(size)
                true = [
                    list(map(add, row, map(mul, row_e, scaled)))
                    for row, row_e in zip(view.points, errors, strict=True)
                ]
                need += size / 2 * need_error
                self.haze[q] = size
            else:
                # Its own scores, exactly (a copy: the scorer's rows are tuples).
                true = [list(row) for row in view.points]
            self.values[q] = true
            self.needs[q] = need
            # Normalised scores are sums of per-option points minus this constant.
            self.offsets[q] = view.low * view.per_point
        if knowledge.learns and not knowledge.omniscient:
            for fact in _said(state.log, viewer):
                self._told(fact)
            self._learn(seen)

    def risk(self, party: str, package: Package) -> float:
        """How far off the belief of the package's worth to the party may typically be: its
        haze over the options that leave the status quo (errors partly cancel out)."""
        changed = sum(1 for k, q in zip(package, self.status_quo, strict=True) if k != q)
        return float(self.haze.get(party, 0.0) * (changed / 3.0) ** 0.5)

    def odds(self, party: str, package: Package) -> float:
        """The chance, as the belief's own typical error puts it, that the package is worth what
        the party needs to it: 1 for a package it has lately tabled or accepted. The errors
        are drawn evenly, so the surplus's error is taken as normal with their spread: the
        package's risk, and the need's (a uniform error of half the haze, unless stated). The
        surplus counted is the believed one less that spread: on hard, the last round's offer
        is the package with the best gain times these odds, and the package a belief rates
        best is the one whose worth it likeliest overestimates. Of the partners' answers to
        those offers (revive-spp, all hard, 400 games), the share worth what the partner
        needed was 92% where the odds said 0.99, and 29% where they said 0.75 on average
        (0.5 to 0.9), without the spread taken off; 97% and 50% with it (0.99 and 0.72)."""
        if package in self.endorsed[party]:
            return 1.0
        surplus = self.value(party, package) - self.needs[party]
        haze = 0.0 if party in self.told_need else self.haze.get(party, 0.0)
        spread = math.hypot(self.risk(party, package), haze / (2.0 * math.sqrt(3.0)))
        if spread <= 0.0:
            return 1.0 if surplus >= 0.0 else 0.0
        # Less one spread, as `tactics.last_offer`'s sure surplus takes the package's risk
        # off: the package picked for its odds is the one whose worth is likeliest
        # overestimated.
        return 0.5 * (1.0 + math.erf((surplus - spread) / (spread * math.sqrt(2.0))))

    def value(self, party: str, package: Package) -> float:
        """What the package is believed to be worth to the party (exact for the viewer)."""
        table = self.values[party]
        if len(package) != len(table):
            raise ValueError(f"a package of {len(package)} issues on an agenda of {len(table)}")
        return sum(map(getitem, table, package)) - self.offsets[party]

    def _told(self, fact: Revealed) -> None:
        """Take in a partner's stated worth of a package and its need. What moves either
        since (events, deals, trust) is public, so a person who heard them can follow them:
        the belief takes the partner's need and its worth of that package as they are now."""
        view = self._scores[fact.party]
        self.needs[fact.party] = view.requirement.total
        self.told_need.add(fact.party)
        gap = view.total(fact.package) - self.value(fact.party, fact.package)
        _shift(self.values[fact.party], fact.package, self.status_quo, gap)

    def _learn(self, seen: tuple[Observation, ...]) -> None:
        for _ in range(LEARNING_STEPS):
            for o in seen:
                if o.party == self.viewer:
                    continue
                table = self.values[o.party]
                if o.worse is not None:
                    gap = self.value(o.party, o.worse) - self.value(o.party, o.package)
                    if gap > 0:
                        _shift(table, o.package, o.worse, gap / 2)
                        _shift(table, o.worse, o.package, -gap / 2)
                deficit = self.needs[o.party] - self.value(o.party, o.package)
                if deficit > 0:
                    _shift(table, o.package, self.status_quo, deficit)


def _shift(table: list[list[float]], package: Package, other: Package, amount: float) -> None:
    """Spread `amount` over the options of `package` that differ from `other`."""
    differ = [i for i, (k, j) in enumerate(zip(package, other, strict=True)) if k != j]
    if not differ:
        return
    each = amount / len(differ)
    for i in differ:
        table[i][package[i]] += each


def _unit(*parts: object) -> float:
    """A number in [-1, 1] fixed by its labels (the game's seed among them)."""
    digest = hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).digest()
    value: int = struct.unpack("<Q", digest)[0]
    return value / 2**63 - 1.0


_ERRORS: Memo[tuple[object, ...], tuple[list[list[float]], float]] = Memo(512)


def _errors(
    seed: int, viewer: str, partner: str, raw: list[tuple[float, ...]], status_quo: Package
) -> tuple[list[list[float]], float]:
    """The viewer's error on each option's value to the partner, in [-1, 1], 0 on the status
    quo, and its error on what the partner needs (fixed per game, so cached)."""
    sizes = tuple(map(len, raw))
    key = (seed, viewer, partner, sizes, status_quo)
    hit = _ERRORS.get(key)
    if hit is None:
        draw = rng(seed, "belief", viewer, partner)
        errors = [[draw.uniform(-1.0, 1.0) for _ in range(n)] for n in sizes]
        for row, k in zip(errors, status_quo, strict=True):
            row[k] = 0.0
        hit = _ERRORS.put(key, (errors, _need_error(seed, viewer, partner)))
    return hit


def _need_error(seed: int, viewer: str, partner: str) -> float:
    return _unit(seed, "need", viewer, partner)


def beliefs(state: State, viewer: str, knowledge: Knowledge) -> Beliefs:
    """The viewer's beliefs now, made once for each state they are asked of: a turn's many
    questions (its diplomacy, its reply, its offer) share one set."""
    # Kept on the state, checked against everything beliefs are made from, since `evolve`
    # hands a state's attributes on to the next.
    inputs = (state.scenario, state.seed, state.conditions, state.round, state.moves, state.log)
    memo: _Memo | None = state.__dict__.get("_beliefs")
    if memo is None or any(a is not b for a, b in zip(memo[0], inputs, strict=True)):
        memo = (inputs, {})
        state.__dict__["_beliefs"] = memo
    found = memo[1].get((viewer, knowledge))
    if found is None:
        found = memo[1][viewer, knowledge] = Beliefs(state, viewer, knowledge)
    return found


_Memo = tuple[tuple[object, ...], dict[tuple[str, Knowledge], Beliefs]]
"""What a state keeps of the beliefs asked of it: what they were made from, and each."""


def _said(log: tuple[LogEntry, ...], viewer: str) -> tuple[Revealed, ...]:
    """What the viewer's partners have stated in the log, in its order."""
    return tuple(f for e in log for f in e.revealed if f.party != viewer)
