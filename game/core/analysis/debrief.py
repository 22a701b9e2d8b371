"""The debrief model: the facts the end screen (and the coming report) show of a finished game.

For each party: whether it won or lost against its reservation value, and the constraints that
bound it hardest. For the game: the package signed or, without one, the last one on the table,
and for a failed deal the refusals that mattered (who refused what, when, why, after which
events), from `record` and `constraints`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from game.core.analysis.constraints import Constraint, constraints
from game.core.analysis.empty_zone import EmptyZone, empty_zone
from game.core.analysis.frontier import Frontier, nash_point, pareto_frontier
from game.core.analysis.outcomes import Outcome, PartyResult, classify, results
from game.core.analysis.record import (
    EventNote,
    HomeVote,
    Record,
    Refusal,
    Signed,
    Tabled,
    changes,
    events_before,
    read_record,
)
from game.core.engine.ratification import LapseCause, walks_away
from game.core.engine.scoring import EPSILON, ScoredPackage, scorer
from game.core.engine.state import State
from game.core.engine.zone import zone
from game.core.scenario.index import index

GAIN_TOLERANCE = 0.05
"""A result within this many points of the reservation value is neither a win nor a loss (the
scores are shown to one decimal)."""

Verdict = Literal["won", "even", "lost"]

Fate = Literal["signed", "rejected", "blocked", "open"]
"""What became of a package: ratified; refused at the table; on the table at the end after its
ratification failed; on the table at the end, not accepted by everyone."""


@dataclass(frozen=True)
class RoundPoint:
    """Where a party stood as a round opened."""

    date: str
    offered: float | None
    """Its score of the package on the table (None: nothing on the table)."""
    reservation: float
    support: float
    """Weighted approval of its domestic groups for the package on the table (what ratification
    would see); with nothing on the table, their approval of the status quo."""
    threshold: float
    """The weighted approval its ratification needs."""
    in_force: bool = False
    """True when nothing was on the table because the agreement binding everyone, signed in an
    earlier round, was in force: `offered` and `support` are then that agreement's."""
    votes: tuple[HomeVote, ...] = ()
    """The votes its groups at home held during the round, in order: `support` is the forecast
    as the round opened, these are what the votes found (swing included)."""

    @property
    def short(self) -> bool:
        """Whether its groups' support falls short of what ratification needs (a bar of ten
        cells draws 48 and 53 alike against a need of 50: the charts mark it)."""
        return self.support < self.threshold - EPSILON


@dataclass(frozen=True)
class PartyDebrief:
    """How the game ended for one party."""

    party: str
    result: PartyResult
    verdict: Verdict
    """Won or lost against its reservation value ("even" within GAIN_TOLERANCE)."""
    reservation_at_start: float
    """Its reservation value as the first round opened (events and side deals move it)."""
    constraints: tuple[Constraint, ...]
    """The two or three constraints that bound it hardest against the package signed or last
    on the table, under the conditions at the end."""


@dataclass(frozen=True)
class FinalPackage:
    """The package signed or, without a trilateral agreement, the last one on the table."""

    tabled: Tabled
    fate: Fate
    accepted: tuple[str, ...]
    """Who had accepted it (everyone in scope when it was signed)."""


@dataclass(frozen=True)
class Lapse:
    """How a signed trilateral agreement lapsed: when, who walked away, why, and the events
    that came just before (after the signing)."""

    round: int
    date: str
    party: str
    text: str
    reasons: tuple[str, ...]
    source: str
    events: tuple[EventNote, ...]
    cause: LapseCause = "value"


@dataclass(frozen=True)
class Debrief:
    """Outcome, results, joint gains, and where the deal sits against the frontier."""

    outcome: Outcome
    results: tuple[PartyResult, ...]
    joint_gain: float
    deal: ScoredPackage | None
    frontier: Frontier
    nash: ScoredPackage | None
    distance_to_frontier: float | None
    distance_to_nash: float | None
    paths: dict[str, tuple[RoundPoint, ...]]
    """Each party's path through the game, round by round."""
    parties: dict[str, PartyDebrief]
    """Each party's verdict and binding constraints."""
    package: FinalPackage | None
    """The package signed, or the last one on the table (None: nothing was ever tabled)."""
    refusals: tuple[Refusal, ...]
    """Without a trilateral agreement, the refusals of trilateral packages, in order: the
    refusals that decided the outcome. Empty when a trilateral agreement was signed."""
    side_deals: tuple[Signed, ...]
    """Agreements ratified between fewer than all the parties."""
    lapse: Lapse | None = None
    """How the trilateral agreement lapsed, when it did."""
    without: tuple[str, ...] = ()
    """The causes whose events the game ran without (a "what if"), sorted."""
    empty_zone: EmptyZone | None = None
    """Without a trilateral agreement, what left no package every party would accept and back
    at home as the game ended (None: some package could have passed, or it could not be
    counted)."""
    empty_throughout: bool = False
    """With `empty_zone`: whether no package could have passed as any round opened either."""
    finished: bool = True
    """Whether the game is over (an unfinished one is read as it stands)."""
    moved: frozenset[tuple[str, str]] = frozenset()
    """(party, actor): a diplomatic action of the actor moved the party's reservation value
    (`Record.moved`)."""

    @property
    def empty_at(self) -> str:
        """When `empty_zone` holds, in words: "at the end", or "now" for a game under way."""
        return "at the end" if self.finished else "now"


def paths(state: State, votes: tuple[HomeVote, ...] = ()) -> dict[str, tuple[RoundPoint, ...]]:
    """Each party's score of the package on the table, reservation value and support at home
    for that package as every round opened (after the agreement binding everyone was signed,
    that agreement's), with the votes at home it held in the round (`Record.votes`)."""
    s = state.scenario
    ix = index(s)
    result: dict[str, list[RoundPoint]] = {p: [] for p in s.party_ids}
    everyone = set(s.party_ids)
    for n, (conditions, offered) in enumerate(zip(state.snapshots, state.offered, strict=True)):
        scores = scorer(s, conditions)
        date = s.rounds[n].date.isoformat()
        # Once signed, the agreement binding everyone is what each government must carry at
        # home (a lapse comes when one no longer can), not the status quo.
        signed = next(
            (a for a in state.agreements if a.round < n and set(a.scope) == everyone), None
        )
        in_force = offered is None and signed is not None
        if in_force and signed is not None:
            offered = signed.package
        for p in s.party_ids:
            party = scores.parties[p]
            if offered is None:
                support = sum(share * conditions.approval[i] for i, _, share in ix.groups_of[p])
                value = None
            else:
                support, value = party.support(offered), party.total(offered)
            held = tuple(v for v in votes if v.party == p and v.round == n)
            point = RoundPoint(
                date, value, party.reservation, support, party.threshold, in_force, held
            )
            result[p].append(point)
    return {p: tuple(points) for p, points in result.items()}


def verdict(result: PartyResult) -> Verdict:
    """Won or lost against the reservation value."""
    if result.gain > GAIN_TOLERANCE:
        return "won"
    if result.gain < -GAIN_TOLERANCE:
        return "lost"
    return "even"


def final_package(state: State, record: Record) -> FinalPackage | None:
    """The trilateral package signed; else the last trilateral package on the table; else the
    last package of any scope (None when nothing was ever tabled)."""
    everyone = set(state.scenario.party_ids)
    deal = state.trilateral
    if deal is not None:
        tabled = next(
            (t.tabled for t in reversed(record.signed) if set(t.tabled.scope) == everyone), None
        )
        if tabled is None:  # a state built without its moves: describe the agreement alone
            date = state.scenario.rounds[deal.round].date.isoformat()
            tabled = Tabled(
                deal.package, deal.scope, "", deal.round, date, changes(state, deal.package)
            )
        return FinalPackage(tabled, "signed", deal.scope)
    trilateral = [t for t in record.tabled if set(t.scope) == everyone]
    candidates = trilateral or list(record.tabled)
    if not candidates:
        return None
    last = candidates[-1]
    if last is record.on_table:
        blocked = any(r.offer is last and r.kind == "blocked" for r in record.refusals)
        return FinalPackage(last, "blocked" if blocked else "open", record.accepted)
    if any(t.tabled is last for t in record.signed):
        return FinalPackage(last, "signed", last.scope)
    return FinalPackage(last, "rejected", ())


def debrief(state: State, frontier: Frontier | None = None) -> Debrief:
    """Outcome, results, joint gains, and where the deal sits against frontier and Nash point;
    each party's verdict and constraints; the package and, for a failed deal, the refusals."""
    s = state.scenario
    deal = state.trilateral
    ends = tuple(results(state).values())
    frontier = frontier or pareto_frontier(s, state.conditions)
    nash = nash_point(frontier, tuple(r.reservation for r in ends))
    point = ScoredPackage(deal.package, s.party_ids, tuple(r.score for r in ends)) if deal else None
    to_frontier = to_nash = None
    if point is not None and state.lapsed is None:
        to_frontier = min(math.dist(point.scores, p.scores) for p in frontier.points)
        to_nash = math.dist(point.scores, nash.scores) if nash else None
    record = read_record(state)
    package = final_package(state, record)
    start = scorer(s, state.snapshots[0]) if state.snapshots else state.scorer
    parties = {
        r.party: PartyDebrief(
            r.party,
            r,
            verdict(r),
            start.reservation(r.party),
            constraints(state, r.party, package.tabled.package) if package else (),
        )
        for r in ends
    }
    empty = empty_zone(s, state.conditions) if deal is None else None
    everyone = set(s.party_ids)
    refusals = () if deal else tuple(r for r in record.refusals if set(r.offer.scope) == everyone)
    return Debrief(
        outcome=classify(state),
        results=ends,
        joint_gain=sum(r.gain for r in ends),
        deal=point,
        frontier=frontier,
        nash=nash,
        distance_to_frontier=to_frontier,
        distance_to_nash=to_nash,
        paths=paths(state, record.votes),
        parties=parties,
        package=package,
        refusals=refusals,
        side_deals=tuple(t for t in record.signed if set(t.tabled.scope) != everyone),
        lapse=lapse(state),
        without=tuple(sorted(state.disabled_causes)),
        empty_zone=empty,
        empty_throughout=empty is not None
        and all(
            found.count == 0 and found.exact
            for found in (zone(s, c, enough=1) for c in state.snapshots)
        ),
        finished=state.finished,
        moved=record.moved,
    )


def unpassable(report: Debrief) -> str:
    """When and why no package could have passed, to follow "could have passed": "at the
    opening of any round, nor at the end, when every package that changes something crosses a
    red line" ("" when some package could have). The reason is the end's: the zone may have
    been empty for other reasons as earlier rounds opened."""
    empty = report.empty_zone
    if empty is None:
        return ""
    when = report.empty_at
    if report.empty_throughout:
        when = f"at the opening of any round{'' if report.finished else ' so far'}, nor {when}"
    return f"{when}, when {empty.summary}"


def lapse(state: State) -> Lapse | None:
    """The lapse of the trilateral agreement, read from the log (None when it held or there
    was none)."""
    n = next((i for i, e in enumerate(state.log) if e.kind == "lapsed"), None)
    if n is None:
        return None
    entry = state.log[n]
    # The events that led up to it came after the signing (the last ratification before it).
    signed = max((i for i, e in enumerate(state.log[:n]) if e.kind == "ratified"), default=0)
    return Lapse(
        entry.round,
        state.scenario.rounds[entry.round].date.isoformat(),
        entry.party or "",
        entry.text,
        entry.reasons,
        entry.source,
        events_before(state, state.log, n, since=signed),
        _lapse_cause(state, entry.party or ""),
    )


def _lapse_cause(state: State, party: str) -> LapseCause:
    """Why the party walked away, as the engine decided it, in the state the game ended in
    (the lapse ends it)."""
    deal = state.trilateral
    if deal is None or party not in deal.scope:
        return "value"
    return walks_away(state.scorer.score(party, deal.package)) or "value"
