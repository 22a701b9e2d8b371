"""The value of a package for each party, 0-100, with a breakdown that cites the chapter.

For a party p, each option of the package that binds p adds:
  threat value  sum over threats of priority(p, t) x addresses(o, t) x threat_scale,
                discounted for joint measures with partners p does not trust;
  minus its cost to p;
  minus the penalty of each of p's principles its tags trigger (a red line blocks acceptance);
  plus domestic_scale x (group's share of the home vote) x (approval change) for p's groups.
Every term is additive per option, so the best and worst packages on the agenda (the 0 and 100
of the normalised score) are exact sums of per-issue maxima and minima.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal

from game.core.conditions import Conditions, index
from game.core.package import Package, choices
from game.core.scenario import Scenario

EPSILON = 1e-9
"""Tolerance when comparing scores (a package exactly at the reservation value is acceptable)."""

NORMALISATION_SOURCE = "design choice: 0 is the worst package on this agenda, 100 the best"

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

    @property
    def acceptable(self) -> bool:
        """No red line crossed and at least as good as the reservation value."""
        return not self.red_lines and self.total >= self.reservation - EPSILON

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
class _OptionValue:
    """What one option is worth to one party, before normalisation."""

    raw: float
    terms: tuple[tuple[str, str, float, str, TermKind], ...]  # key, label, raw value, source, kind
    deltas: tuple[float, ...]  # approval change for each of the party's groups
    red_lines: tuple[str, ...]


class _PartyTable:
    """Per-option values for one party under fixed conditions, with the agenda's bounds."""

    def __init__(self, scenario: Scenario, conditions: Conditions, party_id: str) -> None:
        ix = index(scenario)
        rules = scenario.scoring
        p = ix.parties[party_id]
        party = scenario.parties[p]
        names = {q.id: q.name for q in scenario.parties}
        self.party = party_id
        self.threshold = party.ratification_threshold
        groups = [(ix.groups[g.id], g) for g in scenario.domestic_groups if g.party == party_id]
        total_weight = sum(g.weight for _, g in groups) or 1.0
        self.groups = tuple(
            (g.id, g.name, g.weight / total_weight, conditions.approval[i]) for i, g in groups
        )
        principles = [pr for pr in scenario.principles if pr.party == party_id]
        priorities = conditions.priorities[p]

        self.options: list[list[_OptionValue]] = []
        for issue in scenario.issues:
            row = []
            for option in issue.options:
                if option.binds and party_id not in option.binds:
                    row.append(_OptionValue(0.0, (), (0.0,) * len(groups), ()))
                    continue
                terms: list[tuple[str, str, float, str, TermKind]] = []
                partners = [q for q in (option.binds or scenario.party_ids) if q != party_id]
                discounts = {
                    q: 1.0
                    - rules.trust_discount * (1.0 - conditions.trust[ix.dyad(party_id, q)] / 100.0)
                    for q in partners
                }
                factor = 1.0
                for d in discounts.values():
                    factor *= d
                gross = 0.0
                for threat_id, amount in option.addresses.items():
                    value = priorities[ix.threats[threat_id]] * amount * rules.threat_scale
                    if value:
                        threat = scenario.threat(threat_id)
                        prio = party.priorities.get(threat_id)
                        terms.append(
                            (
                                f"threat:{threat_id}",
                                f"Threat: {threat.name}",
                                value,
                                prio.source if prio else threat.source,
                                "threat",
                            )
                        )
                        gross += value
                lost = gross * (1.0 - factor)
                if lost > EPSILON:
                    # Split the loss among partners by how much each one's distrust discounts.
                    weights = {q: 1.0 - d for q, d in discounts.items()}
                    scale = sum(weights.values())
                    for q, w in weights.items():
                        if w > 0:
                            dyad = scenario.dyads[ix.dyad(party_id, q)]
                            terms.append(
                                (
                                    f"trust:{q}",
                                    f"Trust: doubts about {names[q]} discount joint measures",
                                    -lost * w / scale,
                                    dyad.source,
                                    "trust",
                                )
                            )
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
                red: list[str] = []
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
                for _, group in groups:
                    delta = sum(
                        s.delta
                        for s in group.stances
                        if (s.tag in option.tags if s.tag else s.option == key)
                    )
                    deltas.append(delta)
                    if delta:
                        share = group.weight / total_weight
                        terms.append(
                            (
                                f"domestic:{group.id}",
                                f"At home: {group.name}",
                                rules.domestic_scale * share * delta,
                                group.source,
                                "domestic",
                            )
                        )
                raw = sum(t[2] for t in terms)
                row.append(_OptionValue(raw, tuple(terms), tuple(deltas), tuple(red)))
            self.options.append(row)

        self.low = sum(min(o.raw for o in row) for row in self.options)
        self.high = sum(max(o.raw for o in row) for row in self.options)
        # An agenda that cannot change anything for this party scores every package 0.
        self.per_point = 100.0 / (self.high - self.low) if self.high - self.low > EPSILON else 0.0
        status_quo = choices(Package(), scenario)
        self.reservation = self.total(status_quo) + conditions.bilateral[p]

    def total(self, choice: tuple[int, ...]) -> float:
        """The normalised score of a package (the fast path used by search)."""
        raw = sum(row[i].raw for row, i in zip(self.options, choice, strict=True))
        return (raw - self.low) * self.per_point

    def score(self, choice: tuple[int, ...]) -> PartyScore:
        """The full score of a package, with breakdown, votes and red lines."""
        chosen = [row[i] for row, i in zip(self.options, choice, strict=True)]
        sums: dict[str, float] = {}
        meta: dict[str, tuple[str, str, TermKind]] = {}
        for value in chosen:
            for key, label, raw, source, kind in value.terms:
                sums[key] = sums.get(key, 0.0) + raw
                meta.setdefault(key, (label, source, kind))
        terms = [
            Term(meta[key][0], raw * self.per_point, meta[key][1], meta[key][2])
            for key, raw in sums.items()
            if abs(raw) > EPSILON or meta[key][2] == "principle"
        ]
        order = {"threat": 0, "trust": 1, "cost": 2, "principle": 3, "domestic": 4}
        terms.sort(key=lambda t: order[t.kind])
        terms.append(
            Term(
                f"Scale: 0 is the worst package on this agenda for {self.party}",
                -self.low * self.per_point,
                NORMALISATION_SOURCE,
                "scale",
            )
        )
        votes = []
        for g, (group_id, name, share, before) in enumerate(self.groups):
            change = sum(v.deltas[g] for v in chosen)
            votes.append(
                GroupVote(group_id, name, share, before, max(0.0, min(100.0, before + change)))
            )
        return PartyScore(
            party=self.party,
            total=sum(t.value for t in terms),
            reservation=self.reservation,
            red_lines=tuple(dict.fromkeys(r for v in chosen for r in v.red_lines)),
            support=sum(v.share * v.after for v in votes),
            threshold=self.threshold,
            votes=tuple(votes),
            breakdown=tuple(terms),
        )


class Scorer:
    """Scores packages for every party under one set of conditions."""

    def __init__(self, scenario: Scenario, conditions: Conditions) -> None:
        self.scenario = scenario
        self.conditions = conditions
        self.tables = {p: _PartyTable(scenario, conditions, p) for p in scenario.party_ids}

    def score(self, party: str, choice: tuple[int, ...]) -> PartyScore:
        """One party's full score of a package given as option indexes."""
        return self.tables[party].score(choice)

    def score_all(self, choice: tuple[int, ...]) -> dict[str, PartyScore]:
        """Every party's full score of a package."""
        return {p: t.score(choice) for p, t in self.tables.items()}

    def total(self, party: str, choice: tuple[int, ...]) -> float:
        """One party's score of a package, without the breakdown (fast)."""
        return self.tables[party].total(choice)

    def reservation(self, party: str) -> float:
        """The party's reservation value under these conditions."""
        return self.tables[party].reservation


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


def score_package(
    scenario: Scenario, package: Package, conditions: Conditions | None = None
) -> dict[str, PartyScore]:
    """Every party's score of a package (in its scope) under the given conditions."""
    choice = choices(package, scenario)
    parties = package.scope or list(scenario.party_ids)
    table = scorer(scenario, conditions)
    return {p: table.score(p, choice) for p in parties}
