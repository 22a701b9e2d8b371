"""What each option is worth to a party: the part fixed by the scenario (costs, principles,
groups at home, red lines) and the part the conditions move (threat priorities, trust).

Scores are additive per option, so a party's whole agenda is a table of per-option values;
`scoring` turns it into package scores with their breakdown. The table is rebuilt whenever
priorities or trust move, thousands of times in a simulation, so its two moving parts are
cached apart: the threat values on the party's priorities, the trust discounts on its own
dyads' trust.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal

from game.core.engine.conditions import Conditions
from game.core.scenario.index import index
from game.core.scenario.model import Scenario

EPSILON = 1e-9
"""Tolerance when comparing scores (a package exactly at the reservation value is acceptable)."""

TermKind = Literal["threat", "trust", "cost", "principle", "domestic", "scale"]
"""The kinds of line in a score's breakdown."""

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
    own = _own_dyads(scenario, party_id)
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


_OWN: dict[tuple[int, str], tuple[Scenario, tuple[int, ...]]] = {}


def _own_dyads(scenario: Scenario, party_id: str) -> tuple[int, ...]:
    """The dyads whose trust discounts some option for the party (worked out once)."""
    key = (id(scenario), party_id)
    hit = _OWN.get(key)
    if hit is None or hit[0] is not scenario:
        fixed = _fixed(scenario, party_id)
        own = tuple(sorted({d for row in fixed for f in row for d, *_ in f.partners}))
        hit = _OWN[key] = (scenario, own)
    return hit[1]


_VALUES: OrderedDict[tuple[object, ...], tuple[Scenario, _Values]] = OrderedDict()


def values_for(scenario: Scenario, party_id: str, conditions: Conditions) -> _Values:
    """The party's table of option values under the conditions (cached)."""
    p = index(scenario).parties[party_id]
    key = (id(scenario), party_id, conditions.priorities[p], conditions.trust)
    hit = _VALUES.get(key)
    if hit is None or hit[0] is not scenario:
        hit = (scenario, _Values(scenario, party_id, conditions.priorities[p], conditions.trust))
        _VALUES[key] = hit
        if len(_VALUES) > 4096:
            _VALUES.popitem(last=False)
    return hit[1]
