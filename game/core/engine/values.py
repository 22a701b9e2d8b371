"""What each option is worth to a party: the part fixed by the scenario (costs, principles,
groups at home, red lines) and the part the conditions move (threat priorities, trust).

Scores are additive per option, so a party's whole agenda is a table of per-option values;
`scoring` turns it into package scores with their breakdown. The table is rebuilt whenever
priorities or trust move, thousands of times in a simulation, so its two moving parts are
cached apart: the threat values on the party's priorities, the trust discounts on its own
dyads' trust. The table itself is keyed on the party's priorities and its own dyads' trust
alone (trust between two other parties changes nothing for it), and what the scenario fixes
is laid out once per scenario (`Layout`) in the shape these rebuilds read.

Every float is computed by the same operations in the same order as the straightforward
loops, so scores are bit for bit the same however the tables are cached.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import add, itemgetter, mul
from typing import Literal

from game.core.engine.conditions import Conditions
from game.core.scenario.index import index
from game.core.scenario.memo import ScenarioMemo
from game.core.scenario.model import Scenario

EPSILON = 1e-9
"""Tolerance when comparing scores (a package exactly at the reservation value is acceptable)."""

TermKind = Literal["threat", "trust", "cost", "principle", "domestic", "scale"]
"""The kinds of line in a score's breakdown."""

TermRow = tuple[str, str, float, str, TermKind]
"""A breakdown line before normalisation: key, label, raw value, source, kind."""

About = tuple[str, str, TermKind]
"""What a breakdown line says besides its value: label, source, kind."""

Line = tuple[str, float, About]
"""A breakdown line of one option: key, raw value, then its label, source and kind."""


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


class Layout:
    """One party's fixed tables for a scenario, flattened for the tables rebuilt whenever the
    conditions move: each option's fixed value, threat amounts and partners' dyads, and where
    the party's own part of the conditions sits."""

    def __init__(self, scenario: Scenario, party_id: str) -> None:
        ix = index(scenario)
        self.fixed = _fixed_for(scenario, party_id)
        self.position = ix.parties[party_id]
        """The party's position among the parties (of its priorities, alternatives, ...)."""
        self.dyads = tuple(sorted({d for row in self.fixed for f in row for d, *_ in f.partners}))
        """The dyads whose trust discounts some option for the party: no other trust matters."""
        self.groups = tuple(i for i, _, _ in ix.groups_of[party_id])
        """The positions of the party's groups at home."""
        self.own_trust = _picker(self.dyads)
        """The trust of the party's own dyads, out of all trust (in the order of `dyads`)."""
        self.own_approval = _picker(self.groups)
        """The approval of the party's groups, out of every group's (in the order of `groups`)."""
        self.group_names = tuple((g.id, g.name, share) for _, g, share in ix.groups_of[party_id])
        """Each group's id, name and share of the party's home vote."""
        self.threshold = scenario.parties[self.position].ratification_threshold
        self.status_quo = ix.status_quo
        self.raw = [[f.raw for f in row] for row in self.fixed]
        self.threats = [
            [tuple((t, a) for t, a, *_ in f.threats) for f in row] for row in self.fixed
        ]
        self.partners = [[tuple(d for d, *_ in f.partners) for f in row] for row in self.fixed]
        self.red = [[f.red_lines for f in row] for row in self.fixed]
        # Each option's breakdown lines as far as they are fixed: its threats (amount, key,
        # label), the partners whose distrust discounts it, and its cost, principle and
        # domestic lines, each with its label, source and kind ready for a score.
        self.threat_lines: list[list[tuple[tuple[int, float, str, About], ...]]] = [
            [
                tuple(
                    (t, a, key, (label, source, "threat")) for t, a, key, label, source in f.threats
                )
                for f in row
            ]
            for row in self.fixed
        ]
        self.partner_lines: list[list[tuple[tuple[int, str, About], ...]]] = [
            [
                tuple(
                    (d, f"trust:{q}", (label, source, "trust"))
                    for d, q, label, source in f.partners
                )
                for f in row
            ]
            for row in self.fixed
        ]
        self.fixed_lines: list[list[tuple[Line, ...]]] = [
            [
                tuple(
                    (key, raw, (label, source, kind)) for key, label, raw, source, kind in f.terms
                )
                for f in row
            ]
            for row in self.fixed
        ]
        self.threat_scale = scenario.scoring.threat_scale
        self.trust_discount = scenario.scoring.trust_discount
        self.any_red = any(r for row in self.red for r in row)
        """Whether any option crosses one of the party's red lines."""
        self.deltas = [
            [[f.deltas[g] for f in row] for row in self.fixed] for g in range(len(self.groups))
        ]
        """deltas[g][i][k]: how option k of issue i changes the approval of the party's group g."""


def _picker(positions: tuple[int, ...]) -> Callable[[Sequence[float]], tuple[float, ...]]:
    """A function that takes the values at these positions out of a tuple, as a tuple (one
    C call, where a generator takes a microsecond: scorers are looked up thousands of times)."""
    if not positions:
        return lambda values: ()
    if len(positions) == 1:
        only = positions[0]
        return lambda values: (values[only],)
    pick: Callable[[Sequence[float]], tuple[float, ...]] = itemgetter(*positions)
    return pick


_LAYOUTS: ScenarioMemo[None, dict[str, Layout]] = ScenarioMemo(64)


def layout(scenario: Scenario, party_id: str) -> Layout:
    """The party's fixed tables for the scenario (built once per scenario object)."""
    found = _LAYOUTS.find(scenario, None)
    if found is None:
        found = {p: Layout(scenario, p) for p in scenario.party_ids}
        _LAYOUTS.keep(scenario, None, found)
    return found[party_id]


DROPPED = " (the status quo's, given up)"
"""Added to the label of a line that only the status quo had: the package gives it up."""


class Values:
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
        own_trust: tuple[float, ...],
    ) -> None:
        tables = layout(scenario, party_id)
        self.scenario = scenario
        self.fixed = tables.fixed
        self.priorities = priorities
        self._layout = tables
        self._dyads, self._own_trust = tables.dyads, own_trust
        self._trust: dict[int, float] | None = None
        gross = _gross(scenario, party_id, priorities)
        self.factor = _factors(scenario, party_id, own_trust)
        # raw[i][k]: what option k of issue i is worth to the party now, before normalisation:
        # its fixed value + gross x factor, summed with map (twice as quick as a comprehension,
        # and the same operations on the same numbers).
        # Rows are tuples: kept in caches for many games, tuples of floats stay out of the
        # garbage collector's count, which lists do not (its full collections walk them all).
        self.raw: list[tuple[float, ...]] = [
            tuple(map(add, arow, map(mul, grow, crow)))
            for arow, grow, crow in zip(tables.raw, gross, self.factor, strict=True)
        ]
        self.red = tables.red
        self.low = sum(map(min, self.raw))
        self.high = sum(map(max, self.raw))
        # An agenda that cannot change anything for this party scores every package 0.
        self.per_point = 100.0 / (self.high - self.low) if self.high - self.low > EPSILON else 0.0
        self._points: list[tuple[float, ...]] | None = None
        # Breakdown lines are built only for full scores, and most tables only give totals.
        self._lines: list[list[tuple[Line, ...] | None]] | None = None
        self._status_quo_lines: tuple[Line, ...] | None = None

    @property
    def points(self) -> list[tuple[float, ...]]:
        """points[i][k]: option k of issue i in score points (raw x per_point), so that a
        package's score is the sum of its options' points minus low x per_point. Worked out
        once per table and shared: copy it before changing it."""
        if self._points is None:
            per_point = self.per_point
            self._points = [tuple([r * per_point for r in row]) for row in self.raw]
        return self._points

    @property
    def trust(self) -> dict[int, float]:
        """Trust in the party's own dyads, by dyad position (no other dyad changes a value)."""
        if self._trust is None:
            self._trust = dict(zip(self._dyads, self._own_trust, strict=True))
        return self._trust

    def lines(self, i: int, k: int) -> tuple[Line, ...]:
        """The breakdown lines of option k of issue i (threats, the trust discount, then the
        fixed lines), worked out the first time a full score asks for them: most tables only
        ever give totals, and full scores come back to the same few options."""
        if self._lines is None:
            self._lines = [[None] * len(row) for row in self.raw]
        row = self._lines[i]
        found = row[k]
        if found is None:
            found = row[k] = self._lines_of(i, k)
        return found

    @property
    def status_quo_lines(self) -> tuple[Line, ...]:
        """The status quo's breakdown lines summed by key, each with what a package that
        gives the line up shows: its label marked as dropped, its source and kind."""
        if self._status_quo_lines is None:
            sums: dict[str, float] = {}
            meta: dict[str, About] = {}
            for i, k in enumerate(self._layout.status_quo):
                for key, raw, about in self.lines(i, k):
                    sums[key] = sums.get(key, 0.0) + raw
                    meta.setdefault(key, about)
            self._status_quo_lines = tuple(
                (key, raw, (meta[key][0] + DROPPED, meta[key][1], meta[key][2]))
                for key, raw in sums.items()
            )
        return self._status_quo_lines

    def _lines_of(self, i: int, k: int) -> tuple[Line, ...]:
        """Breakdown lines of one option: threats, the trust discount, then the fixed lines."""
        tables = self._layout
        if not tables.fixed[i][k].bound:
            return ()
        scale = tables.threat_scale
        priorities = self.priorities
        lines: list[Line] = []
        gross = 0.0
        for t, amount, key, about in tables.threat_lines[i][k]:
            value = priorities[t] * amount * scale
            if value:
                lines.append((key, value, about))
                gross += value
        lost = gross * (1.0 - self.factor[i][k])
        if lost > EPSILON:
            # Split the loss among partners by how much each one's distrust discounts.
            partners = tables.partner_lines[i][k]
            discount = tables.trust_discount
            trust = self.trust
            weights = [discount * (1.0 - trust[d] / 100.0) for d, _, _ in partners]
            total = sum(weights)
            for (_, key, about), w in zip(partners, weights, strict=True):
                if w > 0:
                    lines.append((key, -lost * w / total, about))
        lines.extend(tables.fixed_lines[i][k])
        return tuple(lines)


_GROSS: ScenarioMemo[tuple[str, tuple[float, ...]], list[list[float]]] = ScenarioMemo(1024)
_FACTORS: ScenarioMemo[tuple[str, tuple[float, ...]], list[list[float]]] = ScenarioMemo(4096)


def _gross(scenario: Scenario, party_id: str, priorities: tuple[float, ...]) -> list[list[float]]:
    """Each option's threat value to the party before any trust discount (scaled)."""
    found = _GROSS.find(scenario, (party_id, priorities))
    if found is None:
        scale = scenario.scoring.threat_scale
        table = []
        for row in layout(scenario, party_id).threats:
            values = []
            for threats in row:
                gross = 0.0
                for t, amount in threats:
                    gross += priorities[t] * amount
                values.append(gross * scale)
            table.append(values)
        found = _GROSS.keep(scenario, (party_id, priorities), table)
    return found


def _factors(scenario: Scenario, party_id: str, own_trust: tuple[float, ...]) -> list[list[float]]:
    """Each option's trust factor for the party: the share of a joint measure's value it
    expects to keep, given its trust in the partners the option binds (`own_trust`: the trust
    of its own dyads, in the order of `Layout.dyads`)."""
    found = _FACTORS.find(scenario, (party_id, own_trust))
    if found is None:
        tables = layout(scenario, party_id)
        discount = scenario.scoring.trust_discount
        kept = {
            d: 1.0 - discount * (1.0 - t / 100.0)
            for d, t in zip(tables.dyads, own_trust, strict=True)
        }
        # Options binding the same partners have the same factor: work each out once.
        factor_of: dict[tuple[int, ...], float] = {}
        table = []
        for row in tables.partners:
            factors = []
            for partners in row:
                factor = factor_of.get(partners)
                if factor is None:
                    factor = 1.0
                    for d in partners:
                        factor *= kept[d]
                    factor_of[partners] = factor
                factors.append(factor)
            table.append(factors)
        found = _FACTORS.keep(scenario, (party_id, own_trust), table)
    return found


_VALUES: ScenarioMemo[tuple[str, tuple[float, ...], tuple[float, ...]], Values] = ScenarioMemo(4096)
"""Tables kept, the most recently used: the games of a simulation share many (the same events
move the same priorities), a third of the tables a game needs."""


def values_of(
    scenario: Scenario, party_id: str, priorities: tuple[float, ...], own_trust: tuple[float, ...]
) -> Values:
    """The party's table of option values under its priorities and the trust of its own dyads
    (in the order of `Layout.dyads`), cached."""
    key = (party_id, priorities, own_trust)
    found = _VALUES.find(scenario, key)
    if found is None:
        found = _VALUES.keep(scenario, key, Values(scenario, party_id, priorities, own_trust))
    return found


def values_for(scenario: Scenario, party_id: str, conditions: Conditions) -> Values:
    """The party's table of option values under the conditions (cached)."""
    tables = layout(scenario, party_id)
    trust = conditions.trust
    # Trust in dyads the party is not in changes nothing for it: key on its own dyads only,
    # so an action between two partners leaves the third party's table as it was.
    own = tuple(trust[d] for d in tables.dyads)
    return values_of(scenario, party_id, conditions.priorities[tables.position], own)
