"""The negotiation read back: what was tabled, who refused it, when and why, and the events
just before.

The log keeps the words of each refusal; the conditions the refusing party judged the offer
under are not kept, so the game is replayed from its seed and moves (the same seed and moves
always give the same game) and each refusal is read in the state just before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from game.core.analysis.constraints import Constraint, constraints
from game.core.engine.conditions import Conditions
from game.core.engine.legal import acceptance_problems, blocked_text
from game.core.engine.mechanism import start, step
from game.core.engine.ratification import vote_at_home
from game.core.engine.scoring import EPSILON
from game.core.engine.state import LogEntry, Offer, State
from game.core.engine.timeline import scenario_event
from game.core.engine.wording import name
from game.core.players.clock import TOO_LATE
from game.core.scenario.index import index
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package


@dataclass(frozen=True)
class Change:
    """One issue a package moves off its status quo."""

    issue: str
    """The issue's name."""
    short: str
    """The issue's short name (its name when it has none), for narrow screens."""
    option: str
    """The chosen option's label."""
    source: str
    """The option's chapter section."""


@dataclass(frozen=True)
class Tabled:
    """A package put on the table: by whom, when, between whom, and what it changes."""

    package: Package
    scope: tuple[str, ...]
    proposer: str
    round: int
    date: str
    changes: tuple[Change, ...]
    """Issue by issue, only the options that leave the status quo."""
    before: Conditions | None = field(default=None, compare=False, repr=False)
    """The conditions just before the move that tabled it (None for a package described
    without the game's moves)."""


@dataclass(frozen=True)
class Signed:
    """A package backed at home by every party in its scope: as tabled, and when it was signed
    (which can be rounds later: it waits on the table for the last acceptance)."""

    tabled: Tabled
    round: int
    date: str


@dataclass(frozen=True)
class Reason:
    """One reason the log recorded for a refusal, with the chapter section behind it ("" when
    the words carry their own sections, as a computer negotiator's notes do)."""

    text: str
    source: str


@dataclass(frozen=True)
class EventNote:
    """An event as the log recorded it."""

    round: int
    """The round at whose opening the news reached the table."""
    date: str
    """When it happened: its own date; for an event that fired later than the first round after
    that date, the date of what set it off; for a delayed consequence, its round's date."""
    title: str
    changes: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class HomeVote:
    """One government putting a package every party in its scope accepted to its groups at
    home: the support it expected, how far chance turned it (the swing) and what it needed."""

    party: str
    round: int
    expected: float
    swing: float
    threshold: float

    @property
    def support(self) -> float:
        """The support the vote found: what the government expected, turned by the swing."""
        return self.expected + self.swing

    @property
    def short(self) -> bool:
        """Whether these groups sank the package (as the engine decided it)."""
        return self.support < self.threshold - EPSILON


def vote_label(vote: HomeVote) -> str:
    """A vote at home in a few words, for a chart's line: "vote at home, swing -0.7" (the
    swing left out where chance moved nothing)."""
    swing = f"{vote.swing:+.1f}"
    return "vote at home" + ("" if swing in ("+0.0", "-0.0") else f", swing {swing}")


RefusalKind = Literal["rejected", "blocked"]


@dataclass(frozen=True)
class Refusal:
    """A party refusing an offer: rejecting (or countering) it at the table, or its groups at
    home failing to ratify it."""

    party: str
    kind: RefusalKind
    round: int
    date: str
    offer: Tabled
    countered: bool
    """True when the party rejected it to table a package of its own."""
    reasons: tuple[Reason, ...]
    """What the log recorded, each with its section."""
    could_accept: bool
    """The rules let the party accept it and its groups would have ratified it: the refusal
    was a choice, not a constraint (see `held_out`)."""
    against: tuple[Constraint, ...]
    """What weighed hardest against it for the party at that moment."""
    events: tuple[EventNote, ...]
    """The events of that round and the round before, logged before the refusal."""

    @property
    def held_out(self) -> bool:
        """It refused what it could have accepted to hold out for more (not a last-round
        counter to an offer a partner still to answer could not accept in time)."""
        return self.could_accept and not any(TOO_LATE in r.text for r in self.reasons)


@dataclass(frozen=True)
class Record:
    """The negotiation read back from the start."""

    tabled: tuple[Tabled, ...]
    """Every package put on the table, in order."""
    refusals: tuple[Refusal, ...]
    """Every refusal, in order."""
    signed: tuple[Signed, ...]
    """Every package ratified, in order."""
    on_table: Tabled | None
    """The package still on the table when the game ended."""
    accepted: tuple[str, ...]
    """Who had accepted the package still on the table."""
    moved: frozenset[tuple[str, str]] = frozenset()
    """(party, actor): a diplomatic action of the actor moved the party's alternatives to a
    deal (its reservation value), up or down, as it was taken."""
    votes: tuple[HomeVote, ...] = ()
    """Every government's vote at home on every package accepted by all in its scope, in
    order (a package sunk in one country was still voted on in the others)."""


def changes(state: State, package: Package) -> tuple[Change, ...]:
    """The options of a package that leave the status quo, issue by issue."""
    s = state.scenario
    status_quo = index(s).status_quo
    return tuple(
        Change(
            issue.name, issue.short or issue.name, issue.options[k].label, issue.options[k].source
        )
        for issue, k, q in zip(s.issues, package, status_quo, strict=True)
        if k != q
    )


def read_record(state: State) -> Record:
    """Replay the game and read every tabling, refusal and ratification in its moment."""
    s = state.scenario
    now = start(s, state.seed, dict(state.seats), state.disabled_causes, state.difficulty)
    tabled: list[Tabled] = []
    refusals: list[Refusal] = []
    signed: list[Signed] = []
    current: Tabled | None = None
    moved: set[tuple[str, str]] = set()
    votes: list[HomeVote] = []
    for move in state.moves:
        before, now = now, step(now, move)
        if move.type == "act":
            moved.update(
                (party, move.party)
                for party, was, is_ in zip(
                    s.party_ids, before.conditions.bilateral, now.conditions.bilateral, strict=True
                )
                if is_ != was
            )
        for n in range(len(before.log), len(now.log)):
            entry = now.log[n]
            if entry.kind in ("blocked", "ratified") and before.offer is not None:
                votes += _votes(before, before.offer)
            if entry.kind in ("propose", "counter") and now.offer is not None:
                current = _tabled(now, now.offer, entry.round, before.conditions)
                tabled.append(current)
            elif entry.kind == "reject" and before.offer is not None and current is not None:
                countered = move.type == "counter"
                refusals.append(_rejected(before, now.log, n, current, countered))
            elif entry.kind == "blocked" and before.offer is not None and current is not None:
                refusals += _blocked(before, now.log, n, current)
            elif entry.kind == "ratified" and current is not None:
                date = s.rounds[entry.round].date.isoformat()
                signed.append(Signed(current, entry.round, date))
    on_table = current if now.offer is not None else None
    accepted = now.offer.accepted if now.offer is not None else ()
    return Record(
        tuple(tabled),
        tuple(refusals),
        tuple(signed),
        on_table,
        accepted,
        frozenset(moved),
        tuple(votes),
    )


def _votes(before: State, offer: Offer) -> list[HomeVote]:
    """Each government's vote at home on the offer, as the engine held it in the state just
    before the last acceptance (the vote comes in the same move, under the same conditions)."""
    scores, swings, _ = vote_at_home(before, offer)
    return [HomeVote(p, before.round, s.support, swings[p], s.threshold) for p, s in scores.items()]


def _tabled(state: State, offer: Offer, round_: int, before: Conditions) -> Tabled:
    date = state.scenario.rounds[round_].date.isoformat()
    changed = changes(state, offer.package)
    return Tabled(offer.package, offer.scope, offer.proposer, round_, date, changed, before)


def _rejected(
    before: State, log: tuple[LogEntry, ...], n: int, offer: Tabled, countered: bool
) -> Refusal:
    entry = log[n]
    party = entry.party or ""
    score = before.scorer.score(party, offer.package)
    free = not acceptance_problems(before, party, offer.package, offer.scope) and score.ratifies
    against = constraints(before, party, offer.package)
    reasons = tuple(Reason(r, _section(before, party, offer, r)) for r in entry.reasons)
    return Refusal(
        party,
        "rejected",
        entry.round,
        _date(before, entry.round),
        offer,
        countered,
        reasons,
        free,
        against,
        events_before(before, log, n),
    )


def _blocked(before: State, log: tuple[LogEntry, ...], n: int, offer: Tabled) -> list[Refusal]:
    """One refusal for each party whose groups at home voted the offer down, with the line the
    log gives it."""
    entry = log[n]
    assert before.offer is not None
    # Who failed, as the engine decided it: support with its swing, not as the government
    # expected it (a vote expected to carry at exactly the threshold can fail).
    scores, swings, failed = vote_at_home(before, before.offer)
    result = []
    for party in failed:
        # Each failed party's first line starts with its name (its group's lines follow).
        lead = f"{name(before, party)}: "
        text = next(
            (r for r in entry.reasons if r.startswith(lead)),
            f"{lead}{blocked_text(scores[party], swings[party])}",
        )
        blocker = scores[party].blockers[0] if scores[party].blockers else None
        source = before.scenario.group(blocker.group).source if blocker else entry.source
        result.append(
            Refusal(
                party,
                "blocked",
                entry.round,
                _date(before, entry.round),
                offer,
                False,
                (Reason(text, source),),
                False,
                constraints(before, party, offer.package),
                events_before(before, log, n),
            )
        )
    return result


def _section(state: State, party: str, offer: Tabled, reason: str) -> str:
    """The chapter section behind one recorded reason, found the way the engine found it."""
    s = state.scenario
    score = state.scorer.score(party, offer.package)
    for principle in s.principles:
        if principle.party == party and reason == f"it crosses a red line: {principle.name}":
            return principle.source
    if not score.ratifies and reason == blocked_text(score):
        return s.group(score.blockers[0].group).source if score.blockers else ""
    for term in score.breakdown:
        if term.kind == "trust" and reason.startswith(term.label.removeprefix("Trust: ")):
            return term.source
    if reason in acceptance_problems(state, party, offer.package, offer.scope):
        # Too little value: measured against what the party has without a deal.
        return s.party(party).reservation.source
    return ""


def events_before(
    state: State, log: tuple[LogEntry, ...], n: int, since: int = 0
) -> tuple[EventNote, ...]:
    """The events of the refusal's round and the round before, logged before it (and not
    before line `since` of the log), in the order they happened (see `EventNote.date`)."""
    round_ = log[n].round
    dates = event_dates(state.scenario, log[:n])
    notes = [
        EventNote(e.round, dates[i], _title(state, e), e.reasons, e.source)
        for i, e in enumerate(log[:n])
        if i >= since and e.kind == "event" and e.round >= round_ - 1
    ]
    # Stable: what happened on one date stays in the order the engine fired it; a delayed
    # consequence, logged first as its round opens, goes after the events before that round.
    return tuple(sorted(notes, key=lambda note: note.date))


def event_dates(scenario: Scenario, log: Sequence[LogEntry]) -> dict[int, str]:
    """When each event of the log happened, by its position in the log (see `EventNote.date`):
    its own date; for an event that fired later than the first round after that date (its
    condition or chance came true only then), the date of what set it off at the same round's
    opening, or else of the round before; for a delayed consequence, its round's date."""
    rounds = scenario.rounds
    dates: dict[int, str] = {}
    last: tuple[int, str] | None = None  # the round and date of the event logged last
    for i, e in enumerate(log):
        if e.kind != "event":
            continue
        event = scenario_event(scenario, e)
        if event is None:  # a delayed consequence of an action: it lands as its round opens
            date = rounds[e.round].date.isoformat()
        elif e.round == 0 or event.date > rounds[e.round - 1].date:
            date = event.date.isoformat()  # it fired at the first round after its date
        elif last is not None and last[0] == e.round:
            date = last[1]  # fired late, set off by what had just happened
        else:
            date = rounds[e.round - 1].date.isoformat()  # fired late, set off by the talks before
        dates[i] = date
        last = (e.round, date)
    return dates


def _title(state: State, entry: LogEntry) -> str:
    """An event's headline (the log line is the headline, a colon, then the context)."""
    event = scenario_event(state.scenario, entry)
    return event.title if event is not None else entry.text


def _date(state: State, round_: int) -> str:
    return state.scenario.rounds[round_].date.isoformat()
