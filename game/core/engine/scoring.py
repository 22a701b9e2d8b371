"""The value of a package for each party, 0-100, with a breakdown that cites the chapter.

For a party p, each option of the package that binds p adds:
  threat value  sum over threats of priority(p, t) x addresses(o, t) x threat_scale,
                discounted for joint measures with partners p does not trust;
  minus its cost to p;
  minus the penalty of each of p's principles its tags trigger (a red line blocks acceptance);
  plus domestic_scale x (group's share of the home vote) x (approval change) for p's groups.
Every term is additive per option, so the best and worst packages on the agenda (the 0 and 100
of the normalised score) are exact sums of per-issue maxima and minima.

A breakdown is anchored on the status quo: one line (kind "scale") is what the all-status-quo
package scores, and the others are what the package changes from it, so the lines add up to the
score and the score compares at sight with the reservation value.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal

from game.core.engine.conditions import Conditions
from game.core.engine.requirement import Requirement, requirement
from game.core.scenario.index import index
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package, PackageFile, to_package

EPSILON = 1e-9
"""Tolerance when comparing scores (a package exactly at the reservation value is acceptable)."""

NORMALISATION_SOURCE = "design choice: 0 is the worst package on this agenda, 100 the best"

STATUS_QUO_LABEL = "Status quo: every issue as it stands"
"""The breakdown's anchor line (kind "scale"): the status quo's place on the 0-100 scale."""

DROPPED = " (the status quo's, given up)"
"""Added to the label of a line that only the status quo had: the package gives it up."""

TermKind = Literal["threat", "trust", "cost", "principle", "domestic", "scale"]


@dataclass(frozen=True)
class Term:
    """One line of a score's breakdown, in score points."""

    label: str
    value: float
    source: str
    kind: TermKind


@dataclass(frozen=True)
class GroupVote:
    """How a domestic group would view the package at home."""

    group: str
    name: str
    share: float
    before: float
    after: float


@dataclass(frozen=True)
class PartyScore:
    """A package as one party sees it."""

    party: str
    total: float
    reservation: float
    red_lines: tuple[str, ...]
    support: float
    threshold: float
    votes: tuple[GroupVote, ...]
    breakdown: tuple[Term, ...]
    """What the package changes from the status quo, then (last, kind "scale") what the status
    quo scores; the values add up to `total` exactly."""
    requirement: Requirement
    """What the party needs to accept, under the same conditions as the score."""

    @property
    def acceptable(self) -> bool:
        """No red line crossed and at least what the party needs (reservation plus premiums)."""
        return not self.red_lines and self.total >= self.requirement.total - EPSILON

    @property
    def ratifies(self) -> bool:
        """Weighted approval at home would reach the ratification threshold."""
        return self.support >= self.threshold - EPSILON

    @property
    def blockers(self) -> tuple[GroupVote, ...]:
        """Groups whose approval the package lowers, the heaviest loss first."""
        losers = [v for v in self.votes if v.after < v.before]
        return tuple(sorted(losers, key=lambda v: (v.after - v.before) * v.share))


@dataclass(frozen=True)
class ScoredPackage:
    """A package with the score of it of each party in a scope, in the scope's order."""

    package: Package
    scope: tuple[str, ...]
    scores: tuple[float, ...]

    def score(self, party: str) -> float:
        """One party's score of the package."""
        return self.scores[self.scope.index(party)]


TermRow = tuple[str, str, float, str, TermKind]
"""A breakdown line before normalisation: key, label, raw value, source, kind."""


@dataclass(frozen=True)
class _Fixed:
    """What one option means to one party whatever the conditions (computed once per scenario)."""

    bound: bool
    threats: tuple[
        tuple[int, float, str, str, str], ...
    ]  # threat position, amount, key, label, source
    partners: tuple[tuple[int, str, str, str], ...]  # dyad position, partner, label, source
    terms: tuple[TermRow, ...]  # cost, principle and domestic lines
    raw: float
    deltas: tuple[float, ...]  # approval change for each of the party's groups
    red_lines: tuple[str, ...]


def _fixed_for(scenario: Scenario, party_id: str) -> list[list[_Fixed]]:
    """The condition-independent part of every option's value for a party."""
    ix = index(scenario)
    rules = scenario.scoring
    party = scenario.party(party_id)
    names = {q.id: q.name for q in scenario.parties}
    groups = [g for g in scenario.domestic_groups if g.party == party_id]
    total_weight = sum(g.weight for g in groups) or 1.0
    principles = [pr for pr in scenario.principles if pr.party == party_id]
    rows: list[list[_Fixed]] = []
    for issue in scenario.issues:
        row = []
        for option in issue.options:
            if option.binds and party_id not in option.binds:
                row.append(_Fixed(False, (), (), (), 0.0, (0.0,) * len(groups), ()))
                continue
            threats = []
            for threat_id, amount in option.addresses.items():
                threat = scenario.threat(threat_id)
                prio = party.priorities.get(threat_id)
                source = prio.source if prio else threat.source
                threats.append(
                    (
                        ix.threats[threat_id],
                        amount,
                        f"threat:{threat_id}",
                        f"Threat: {threat.name}",
                        source,
                    )
                )
            partners = tuple(
                (
                    ix.dyad(party_id, q),
                    q,
                    f"Trust: doubts about {names[q]} discount joint measures",
                    scenario.dyads[ix.dyad(party_id, q)].source,
                )
                for q in (option.binds or scenario.party_ids)
                if q != party_id
            )
            terms: list[TermRow] = []
            cost = option.cost.get(party_id, 0.0)
            if cost:
                terms.append(
                    (
                        f"cost:{issue.id}.{option.id}",
                        f"Cost: {option.label}",
                        -cost,
                        option.source,
                        "cost",
                    )
                )
            red = []
            for pr in principles:
                if set(pr.tags) & set(option.tags):
                    suffix = " (red line)" if pr.red_line else ""
                    terms.append(
                        (
                            f"principle:{pr.id}",
                            f"Principle: {pr.name}{suffix}",
                            -pr.penalty,
                            pr.source,
                            "principle",
                        )
                    )
                    if pr.red_line:
                        red.append(pr.name)
            deltas = []
            key = f"{issue.id}.{option.id}"
            for group in groups:
                delta = sum(
                    s.delta
                    for s in group.stances
                    if (s.tag in option.tags if s.tag else s.option == key)
                )
                deltas.append(delta)
                if delta:
                    value = rules.domestic_scale * group.weight / total_weight * delta
                    terms.append(
                        (
                            f"domestic:{group.id}",
                            f"At home: {group.name}",
                            value,
                            group.source,
                            "domestic",
                        )
                    )
            row.append(
                _Fixed(
                    True,
                    tuple(threats),
                    partners,
                    tuple(terms),
                    sum(t[2] for t in terms),
                    tuple(deltas),
                    tuple(red),
                )
            )
        rows.append(row)
    return rows


_FIXED: dict[int, tuple[Scenario, dict[str, list[list[_Fixed]]]]] = {}


def _fixed(scenario: Scenario, party_id: str) -> list[list[_Fixed]]:
    hit = _FIXED.get(id(scenario))
    if hit is None or hit[0] is not scenario:
        hit = (scenario, {p: _fixed_for(scenario, p) for p in scenario.party_ids})
        _FIXED[id(scenario)] = hit
    return hit[1][party_id]


class _Values:
    """Every option's value to one party under given priorities and trust, and the bounds.

    Only threat priorities and the party's own dyads' trust change these. The threat part
    depends on priorities alone and the trust discount on trust alone, so each is cached on
    its own: an action that moves trust reuses the threat part, an event that moves a
    priority reuses the discounts.
    """

    def __init__(
        self,
        scenario: Scenario,
        party_id: str,
        priorities: tuple[float, ...],
        trust: tuple[float, ...],
    ) -> None:
        self.fixed = _fixed(scenario, party_id)
        self.priorities = priorities
        self.trust = trust
        gross = _gross(scenario, party_id, priorities)
        self.factor = _factors(scenario, party_id, trust)
        # raw[i][k]: what option k of issue i is worth to the party now, before normalisation.
        self.raw = [
            [f.raw + g * c for f, g, c in zip(row, grow, crow, strict=True)]
            for row, grow, crow in zip(self.fixed, gross, self.factor, strict=True)
        ]
        self.red = [[f.red_lines for f in row] for row in self.fixed]
        self.low = sum(min(row) for row in self.raw)
        self.high = sum(max(row) for row in self.raw)
        # An agenda that cannot change anything for this party scores every package 0.
        self.per_point = 100.0 / (self.high - self.low) if self.high - self.low > EPSILON else 0.0


_GROSS: OrderedDict[tuple[object, ...], tuple[Scenario, list[list[float]]]] = OrderedDict()
_FACTORS: OrderedDict[tuple[object, ...], tuple[Scenario, list[list[float]]]] = OrderedDict()


def _gross(scenario: Scenario, party_id: str, priorities: tuple[float, ...]) -> list[list[float]]:
    """Each option's threat value to the party before any trust discount (scaled)."""
    key = (id(scenario), party_id, priorities)
    hit = _GROSS.get(key)
    if hit is None or hit[0] is not scenario:
        scale = scenario.scoring.threat_scale
        table = []
        for row in _fixed(scenario, party_id):
            values = []
            for f in row:
                gross = 0.0
                for t, amount, *_ in f.threats:
                    gross += priorities[t] * amount
                values.append(gross * scale)
            table.append(values)
        hit = _GROSS[key] = (scenario, table)
        if len(_GROSS) > 1024:
            _GROSS.popitem(last=False)
    return hit[1]


def _factors(scenario: Scenario, party_id: str, trust: tuple[float, ...]) -> list[list[float]]:
    """Each option's trust factor for the party: the share of a joint measure's value it
    expects to keep, given its trust in the partners the option binds."""
    fixed = _fixed(scenario, party_id)
    # Only the party's own dyads matter: key on them, so trust elsewhere shares the table.
    own = tuple(sorted({d for row in fixed for f in row for d, *_ in f.partners}))
    key = (id(scenario), party_id, tuple(trust[d] for d in own))
    hit = _FACTORS.get(key)
    if hit is None or hit[0] is not scenario:
        discount = scenario.scoring.trust_discount
        kept = {d: 1.0 - discount * (1.0 - trust[d] / 100.0) for d in own}
        table = []
        for row in fixed:
            factors = []
            for f in row:
                factor = 1.0
                for d, *_ in f.partners:
                    factor *= kept[d]
                factors.append(factor)
            table.append(factors)
        hit = _FACTORS[key] = (scenario, table)
        if len(_FACTORS) > 4096:
            _FACTORS.popitem(last=False)
    return hit[1]


_VALUES: OrderedDict[tuple[object, ...], tuple[Scenario, _Values]] = OrderedDict()


def _values(scenario: Scenario, party_id: str, conditions: Conditions) -> _Values:
    p = index(scenario).parties[party_id]
    key = (id(scenario), party_id, conditions.priorities[p], conditions.trust)
    hit = _VALUES.get(key)
    if hit is None or hit[0] is not scenario:
        hit = (scenario, _Values(scenario, party_id, conditions.priorities[p], conditions.trust))
        _VALUES[key] = hit
        if len(_VALUES) > 4096:
            _VALUES.popitem(last=False)
    return hit[1]


class PartyScorer:
    """One party's view of the agenda under fixed conditions: values, bounds, votes at home."""

    def __init__(self, scenario: Scenario, conditions: Conditions, party_id: str) -> None:
        ix = index(scenario)
        p = ix.parties[party_id]
        self.scenario = scenario
        self.party = party_id
        self.threshold = scenario.parties[p].ratification_threshold
        self.groups = tuple(
            (g.id, g.name, share, conditions.approval[i]) for i, g, share in ix.groups_of[party_id]
        )
        values = _values(scenario, party_id, conditions)
        self.fixed, self.priorities, self.trust = values.fixed, values.priorities, values.trust
        self.raw, self.factor, self.red = values.raw, values.factor, values.red
        self.low, self.high, self.per_point = values.low, values.high, values.per_point
        self.status_quo = self.total(ix.status_quo)
        self.reservation = self.status_quo + conditions.bilateral[p]
        self.requirement = requirement(scenario, conditions, party_id, self.reservation)
        self.bilateral_requirement = requirement(
            scenario, conditions, party_id, self.reservation, trilateral=False
        )

    @functools.cache  # noqa: B019 - one per scorer, and scorers are cached and few
    def _status_quo_lines(
        self,
    ) -> tuple[dict[str, float], dict[str, tuple[str, str, TermKind]]]:
        """The status quo's breakdown lines (only a breakdown needs them)."""
        return self._sums(index(self.scenario).status_quo)

    def total(self, package: Package) -> float:
        """The normalised score of a package (the fast path used by search)."""
        raw = sum(row[i] for row, i in zip(self.raw, package, strict=True))
        return (raw - self.low) * self.per_point

    def _terms(self, i: int, k: int) -> list[TermRow]:
        """Breakdown lines of one option: threats, the trust discount, then the fixed lines."""
        f = self.fixed[i][k]
        if not f.bound:
            return []
        scale = self.scenario.scoring.threat_scale
        discount = self.scenario.scoring.trust_discount
        rows: list[TermRow] = []
        gross = 0.0
        for t, amount, key, label, source in f.threats:
            value = self.priorities[t] * amount * scale
            if value:
                rows.append((key, label, value, source, "threat"))
                gross += value
        lost = gross * (1.0 - self.factor[i][k])
        if lost > EPSILON:
            # Split the loss among partners by how much each one's distrust discounts.
            weights = [discount * (1.0 - self.trust[d] / 100.0) for d, *_ in f.partners]
            total = sum(weights)
            for (_, q, label, source), w in zip(f.partners, weights, strict=True):
                if w > 0:
                    rows.append((f"trust:{q}", label, -lost * w / total, source, "trust"))
        rows.extend(f.terms)
        return rows

    def _sums(
        self, package: Package
    ) -> tuple[dict[str, float], dict[str, tuple[str, str, TermKind]]]:
        """The package's raw breakdown lines, summed by key, and each key's label, source, kind."""
        sums: dict[str, float] = {}
        meta: dict[str, tuple[str, str, TermKind]] = {}
        for i, k in enumerate(package):
            for key, label, raw, source, kind in self._terms(i, k):
                sums[key] = sums.get(key, 0.0) + raw
                meta.setdefault(key, (label, source, kind))
        return sums, meta

    def requirement_for(self, scope: tuple[str, ...] | None = None) -> Requirement:
        """What the party needs to accept a package binding this scope (None: everyone)."""
        if scope is None or len(scope) >= len(self.scenario.party_ids):
            return self.requirement
        return self.bilateral_requirement

    def score(self, package: Package, scope: tuple[str, ...] | None = None) -> PartyScore:
        """The full score of a package, with breakdown, votes and red lines."""
        sums, meta = self._sums(package)
        # Lines say what the package changes from the status quo. Status-quo options are
        # usually neutral (AUTHORING.md), and then this subtracts nothing, so the lines and
        # the total are bit for bit what they were before the status quo anchored them.
        base_sums, base_meta = self._status_quo_lines()
        for key, raw in base_sums.items():
            if key not in sums:
                label, source, kind = base_meta[key]
                meta[key] = (label + DROPPED, source, kind)
            sums[key] = sums.get(key, 0.0) - raw
        terms = [
            Term(meta[key][0], raw * self.per_point, meta[key][1], meta[key][2])
            for key, raw in sums.items()
            if abs(raw) > EPSILON or meta[key][2] == "principle"
        ]
        order = {"threat": 0, "trust": 1, "cost": 2, "principle": 3, "domestic": 4}
        terms.sort(key=lambda t: order[t.kind])
        # The status quo's line is kept last so that the total, summed in this order, is the
        # same float as always (computer negotiators compare it with their aspirations);
        # front ends show it first (numbers.figures).
        terms.append(Term(STATUS_QUO_LABEL, self.status_quo, NORMALISATION_SOURCE, "scale"))
        chosen = [self.fixed[i][k] for i, k in enumerate(package)]
        votes = []
        for g, (group_id, name, share, before) in enumerate(self.groups):
            change = sum(f.deltas[g] for f in chosen)
            votes.append(
                GroupVote(group_id, name, share, before, max(0.0, min(100.0, before + change)))
            )
        return PartyScore(
            party=self.party,
            total=sum(t.value for t in terms),
            reservation=self.reservation,
            red_lines=tuple(dict.fromkeys(r for f in chosen for r in f.red_lines)),
            support=sum(v.share * v.after for v in votes),
            threshold=self.threshold,
            votes=tuple(votes),
            breakdown=tuple(terms),
            requirement=self.requirement_for(scope),
        )

    def support(self, package: Package) -> float:
        """Weighted approval at home after the package (the fast ratification check)."""
        total = 0.0
        for g, (_, _, share, before) in enumerate(self.groups):
            change = sum(self.fixed[i][k].deltas[g] for i, k in enumerate(package))
            total += share * max(0.0, min(100.0, before + change))
        return total


class Scorer:
    """Scores packages for every party under one set of conditions."""

    def __init__(self, scenario: Scenario, conditions: Conditions) -> None:
        self.scenario = scenario
        self.conditions = conditions
        self.parties = {p: PartyScorer(scenario, conditions, p) for p in scenario.party_ids}

    def score(
        self, party: str, package: Package, scope: tuple[str, ...] | None = None
    ) -> PartyScore:
        """One party's full score of a package given as option indexes (what it needs depends
        on the package's scope; None: everyone)."""
        return self.parties[party].score(package, scope)

    def score_all(self, package: Package) -> dict[str, PartyScore]:
        """Every party's full score of a package."""
        return {p: t.score(package) for p, t in self.parties.items()}

    def total(self, party: str, package: Package) -> float:
        """One party's score of a package, without the breakdown (fast)."""
        return self.parties[party].total(package)

    def reservation(self, party: str) -> float:
        """The party's reservation value under these conditions."""
        return self.parties[party].reservation

    def requirement(self, party: str, scope: tuple[str, ...] | None = None) -> Requirement:
        """What the party needs to accept under these conditions, premium by premium, for a
        package binding this scope (None: everyone)."""
        return self.parties[party].requirement_for(scope)


_CACHE: OrderedDict[tuple[int, Conditions], tuple[Scenario, Scorer]] = OrderedDict()
_CACHE_SIZE = 64


def scorer(scenario: Scenario, conditions: Conditions | None = None) -> Scorer:
    """The scorer for a scenario under some conditions (the start's by default), cached."""
    conditions = conditions or Conditions.initial(scenario)
    key = (id(scenario), conditions)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is scenario:
        _CACHE.move_to_end(key)
        return hit[1]
    result = Scorer(scenario, conditions)
    _CACHE[key] = (scenario, result)
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return result


def score_package_file(
    scenario: Scenario, package: PackageFile, conditions: Conditions | None = None
) -> dict[str, PartyScore]:
    """Every party's score of a package file (the parties in its scope) under the conditions."""
    chosen = to_package(package, scenario)
    parties = package.scope or list(scenario.party_ids)
    scores = scorer(scenario, conditions)
    scope = tuple(p for p in scenario.party_ids if p in parties)
    return {p: scores.score(p, chosen, scope) for p in parties}
