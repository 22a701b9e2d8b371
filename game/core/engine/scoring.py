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

from dataclasses import dataclass
from operator import getitem

from game.core.engine.conditions import Conditions
from game.core.engine.requirement import Requirement, requirement
from game.core.engine.values import DROPPED as DROPPED
from game.core.engine.values import EPSILON as EPSILON
from game.core.engine.values import About, Values, layout, values_for, values_of
from game.core.engine.values import TermKind as TermKind
from game.core.scenario.memo import ScenarioMemo
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package, PackageFile, to_package

NORMALISATION_SOURCE = "design choice: 0 is the worst package on this agenda, 100 the best"

BREAKDOWN_NOTE = (
    "The size of each line is the scenario's design (its weights, costs, penalties and "
    "stances); the section in brackets is what the line rests on."
)
"""What a breakdown's numbers are: the chapter gives the threats, principles and groups, but no
costs, penalties or point values (said under every breakdown shown)."""

STATUS_QUO_LABEL = "Status quo: every issue as it stands"
"""The breakdown's anchor line (kind "scale"): the status quo's place on the 0-100 scale."""


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
    """One party's view of the agenda under fixed conditions: values, bounds, votes at home.

    It reads only the party's own part of the conditions (its threat priorities, the trust of
    its own dyads, its groups' approval, its bilateral alternatives and its leader's
    attention), so `party_scorer` shares one between every set of conditions that agree on
    that part.
    """

    def __init__(
        self,
        scenario: Scenario,
        conditions: Conditions,
        party_id: str,
        values: Values | None = None,
    ) -> None:
        tables = layout(scenario, party_id)
        self.scenario = scenario
        self.party = party_id
        self.threshold = tables.threshold
        self.groups = tuple(
            (group_id, name, share, before)
            for (group_id, name, share), before in zip(
                tables.group_names, tables.own_approval(conditions.approval), strict=True
            )
        )
        # `values`: the party's table under these conditions, when the caller has it already.
        if values is None:
            values = values_for(scenario, party_id, conditions)
        self.values = values
        self.fixed, self.priorities = values.fixed, values.priorities
        self.raw, self.factor, self.red = values.raw, values.factor, values.red
        self.low, self.high, self.per_point = values.low, values.high, values.per_point
        self.any_red = tables.any_red
        """Whether any option crosses one of the party's red lines (most cross none)."""
        self._deltas = tables.deltas
        self.status_quo = self.total(tables.status_quo)
        self.reservation = self.status_quo + conditions.bilateral[tables.position]
        self.requirement = requirement(scenario, conditions, party_id, self.reservation)
        self.bilateral_requirement = requirement(
            scenario, conditions, party_id, self.reservation, trilateral=False
        )
        self._everyone = len(scenario.party_ids)
        # The last few full scores: the engine scores a package twice when a party rejects
        # it (the reasons, then what the refusal reveals), and a scorer outlives its state.
        self._scores: dict[tuple[Package, bool], PartyScore] = {}
        self._support: dict[Package, float] = {}

    @property
    def points(self) -> list[tuple[float, ...]]:
        """points[i][k]: option k of issue i in score points, `[[r * per_point for r in row]
        for row in raw]` worked out once for every scorer that shares these values (shared:
        copy it before changing it)."""
        return self.values.points

    @property
    def trust(self) -> dict[int, float]:
        """Trust in the party's own dyads, by dyad position (no other trust changes a value)."""
        return self.values.trust

    def total(self, package: Package) -> float:
        """The normalised score of a package (the fast path used by search)."""
        raw = self.raw
        if len(package) != len(raw):
            raise ValueError(f"a package chooses an option for each of the {len(raw)} issues")
        # The same sum, in the same order, as over a generator: map is twice as quick.
        return (sum(map(getitem, raw, package)) - self.low) * self.per_point

    def requirement_for(self, scope: tuple[str, ...] | None = None) -> Requirement:
        """What the party needs to accept a package binding this scope (None: everyone)."""
        if scope is None or len(scope) >= self._everyone:
            return self.requirement
        return self.bilateral_requirement

    def score(self, package: Package, scope: tuple[str, ...] | None = None) -> PartyScore:
        """The full score of a package, with breakdown, votes and red lines."""
        everyone = scope is None or len(scope) >= self._everyone
        if type(package) is not tuple:  # a list is not hashable: score it without the memo
            return self._score(package, everyone)
        key = (package, everyone)
        found = self._scores.get(key)
        if found is None:
            found = self._score(package, everyone)
            if len(self._scores) >= _SCORES_KEPT:
                # All at once: one call, so a front end's worker thread sharing the scorer
                # cannot catch it half done.
                self._scores.clear()
            self._scores[key] = found
        return found

    def _score(self, package: Package, everyone: bool) -> PartyScore:
        """The full score, worked out (`everyone`: the package binds every party)."""
        lines = self.values.lines
        # Each key's sum (starting from 0.0, in package order) and its label, source, kind.
        sums: dict[str, float] = {}
        meta: dict[str, About] = {}
        for i, k in enumerate(package):
            for key, raw, about in lines(i, k):
                so_far = sums.get(key)
                if so_far is None:
                    sums[key] = 0.0 + raw
                    meta[key] = about
                else:
                    sums[key] = so_far + raw
        # Lines say what the package changes from the status quo. Status-quo options are
        # usually neutral (AUTHORING.md), and then this subtracts nothing, so the lines and
        # the total are bit for bit what they were before the status quo anchored them.
        for key, raw, dropped in self.values.status_quo_lines:
            so_far = sums.get(key)
            if so_far is None:
                sums[key] = 0.0 - raw
                meta[key] = dropped
            else:
                sums[key] = so_far - raw
        # Lines in kind order, each kind in first-seen order: a stable sort by kind.
        kinds: tuple[list[tuple[float, Term]], ...] = ([], [], [], [], [])
        per_point = self.per_point
        for key, raw in sums.items():
            label, source, kind = meta[key]
            if abs(raw) > EPSILON or kind == "principle":
                value = raw * per_point
                kinds[_ORDER[kind]].append((value, _term(label, value, source, kind)))
        values = [value for same in kinds for value, _ in same]
        terms = [term for same in kinds for _, term in same]
        # The status quo's line is kept last so that the total, summed in this order, is the
        # same float as always (computer negotiators compare it with their aspirations);
        # front ends show it first (numbers.figures).
        values.append(self.status_quo)
        terms.append(_term(STATUS_QUO_LABEL, self.status_quo, NORMALISATION_SOURCE, "scale"))
        votes = []
        weighted = []
        for (group_id, name, share, before), deltas in zip(self.groups, self._deltas, strict=True):
            after = max(0.0, min(100.0, before + sum(map(getitem, deltas, package))))
            votes.append(GroupVote(group_id, name, share, before, after))
            weighted.append(share * after)
        red = self.red
        return PartyScore(
            party=self.party,
            total=sum(values),
            reservation=self.reservation,
            red_lines=tuple(dict.fromkeys(r for i, k in enumerate(package) for r in red[i][k]))
            if self.any_red
            else (),
            support=sum(weighted),
            threshold=self.threshold,
            votes=tuple(votes),
            breakdown=tuple(terms),
            requirement=self.requirement if everyone else self.bilateral_requirement,
        )

    def support(self, package: Package) -> float:
        """Weighted approval at home after the package (the fast ratification check)."""
        # Negotiators ask about the same packages again and again (half the calls of a game).
        memo = type(package) is tuple
        if memo:
            found = self._support.get(package)
            if found is not None:
                return found
        if len(package) > len(self.raw):
            raise IndexError("the package has more choices than the agenda has issues")
        total = 0.0
        for (_, _, share, before), deltas in zip(self.groups, self._deltas, strict=True):
            change = sum(map(getitem, deltas, package))
            total += share * max(0.0, min(100.0, before + change))
        if memo:
            if len(self._support) >= _SUPPORT_KEPT:
                self._support.clear()
            self._support[package] = total
        return total


def _term(label: str, value: float, source: str, kind: TermKind) -> Term:
    """A breakdown line, made without the frozen dataclass's checks (twice as quick, and a
    full score has a score of lines): the same fields, equal and hashed as `Term(...)`."""
    term = object.__new__(Term)
    term.__dict__.update(label=label, value=value, source=source, kind=kind)
    return term


_SCORES_KEPT = 8
"""Full scores each party scorer remembers (forgotten all at once)."""

_SUPPORT_KEPT = 64
"""Packages whose support at home each party scorer remembers (forgotten all at once)."""

_ORDER: dict[str, int] = {"threat": 0, "trust": 1, "cost": 2, "principle": 3, "domestic": 4}
"""The order of a breakdown's kinds of line (the status quo's line comes last)."""

_PARTIES: ScenarioMemo[tuple[object, ...], PartyScorer] = ScenarioMemo(512)


def party_scorer(scenario: Scenario, conditions: Conditions, party_id: str) -> PartyScorer:
    """One party's scorer under the conditions, shared with every set of conditions that
    agrees on the party's own part of them (an action between two partners, or a change of
    stage, leaves the third party's scorer as it was); cached."""
    tables = layout(scenario, party_id)
    p = tables.position
    priorities, trust = conditions.priorities[p], tables.own_trust(conditions.trust)
    key = (
        party_id,
        priorities,
        trust,
        tables.own_approval(conditions.approval),
        conditions.bilateral[p],
        conditions.attention[p],
    )
    found = _PARTIES.find(scenario, key)
    if found is None:
        values = values_of(scenario, party_id, priorities, trust)
        found = _PARTIES.keep(scenario, key, PartyScorer(scenario, conditions, party_id, values))
    return found


class Scorer:
    """Scores packages for every party under one set of conditions."""

    def __init__(self, scenario: Scenario, conditions: Conditions) -> None:
        self.scenario = scenario
        self.conditions = conditions
        self.parties = {p: party_scorer(scenario, conditions, p) for p in scenario.party_ids}

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


_SCORERS: ScenarioMemo[Conditions, Scorer] = ScenarioMemo(64)


def scorer(scenario: Scenario, conditions: Conditions | None = None) -> Scorer:
    """The scorer for a scenario under some conditions (the start's by default), cached."""
    conditions = conditions or Conditions.initial(scenario)
    found = _SCORERS.find(scenario, conditions)
    if found is None:
        found = _SCORERS.keep(scenario, conditions, Scorer(scenario, conditions))
    return found


def score_package_file(
    scenario: Scenario, package: PackageFile, conditions: Conditions | None = None
) -> dict[str, PartyScore]:
    """Every party's score of a package file (the parties in its scope) under the conditions."""
    chosen = to_package(package, scenario)
    parties = package.scope or list(scenario.party_ids)
    scores = scorer(scenario, conditions)
    scope = tuple(p for p in scenario.party_ids if p in parties)
    return {p: scores.score(p, chosen, scope) for p in parties}


def passes(scores: Scorer, package: Package) -> bool:
    """Whether every party would accept the package and back it at home: no red line, at
    least what it needs, enough support."""
    for view in scores.parties.values():
        if any(view.red[i][k] for i, k in enumerate(package)):
            return False
        if view.total(package) < view.requirement.total - EPSILON:
            return False
        if view.support(package) < view.threshold - EPSILON:
            return False
    return True
