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

from game.core.engine.conditions import Conditions
from game.core.engine.requirement import Requirement, requirement
from game.core.engine.values import EPSILON as EPSILON
from game.core.engine.values import TermKind as TermKind
from game.core.engine.values import TermRow, values_for
from game.core.scenario.index import index
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package, PackageFile, to_package

NORMALISATION_SOURCE = "design choice: 0 is the worst package on this agenda, 100 the best"

STATUS_QUO_LABEL = "Status quo: every issue as it stands"
"""The breakdown's anchor line (kind "scale"): the status quo's place on the 0-100 scale."""

DROPPED = " (the status quo's, given up)"
"""Added to the label of a line that only the status quo had: the package gives it up."""


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
        values = values_for(scenario, party_id, conditions)
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
