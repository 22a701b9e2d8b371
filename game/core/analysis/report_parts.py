"""The pieces of the class debrief read from a game: red lines and the agenda they rule out,
the zone of agreement round by round, each pair's path through the levels of transformation, the
timeline, and the acceptable package closest to the deal."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from game.core.analysis.record import event_dates
from game.core.engine.conditions import Conditions, WendtSystem, wendt_system
from game.core.engine.scoring import ScoredPackage, passes, scorer
from game.core.engine.state import LogEntry, State
from game.core.engine.timeline import DELAYED
from game.core.engine.wording import in_sentence
from game.core.engine.zone import zone
from game.core.scenario.index import index
from game.core.scenario.packages import Package

CLOSEST_RADIUS = 3
"""How many issues the search for the acceptable package closest to the deal may change (all
packages within it are checked, so the answer is exact up to that many changes)."""


@dataclass(frozen=True)
class RedLine:
    """A red line and how much of the agenda it rules out."""

    party: str
    name: str
    packages: int
    """Packages of the whole agenda that cross it."""
    share: float
    """Their share of every package."""
    source: str


@dataclass(frozen=True)
class ZoneStep:
    """The zone of agreement as a round opened (the last step: as the game ended)."""

    label: str
    """The round's number and date, or "end"."""
    packages: int
    exact: bool
    """False when the count stopped at the search's budget (a lower bound)."""
    events: tuple[tuple[str, str], ...]
    """The events logged as the round opened: title and section."""
    acts: tuple[str, ...] = ()
    """What the players did in the round before that moves the zone: diplomatic actions and
    agreements ratified (the log's words)."""
    consequences: tuple[tuple[str, str], ...] = ()
    """The delayed consequences of earlier actions that landed as the round opened: the log's
    words with what they changed, and the action's section."""

    @property
    def moved(self) -> tuple[tuple[str, str], ...]:
        """Everything that came before this step and may have moved the zone, each with its
        section ("" for none): events, delayed consequences, then the players' acts, each as
        it reads after "after" (an event's title loses its capital "The")."""
        moved = (*self.events, *self.consequences, *((a.rstrip("."), "") for a in self.acts))
        return tuple((in_sentence(what), source) for what, source in moved)


@dataclass(frozen=True)
class DyadStep:
    """A pair of countries as a round opened."""

    trust: float
    stage: int
    """Levels of transformation passed (0-3)."""
    system: WendtSystem


@dataclass(frozen=True)
class DyadPath:
    """How far a pair of countries got: round by round, then at the end."""

    parties: tuple[str, str]
    steps: tuple[DyadStep, ...]
    end: DyadStep


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the record: a move, a reply with its reasons, an event or a vote at home."""

    round: int
    """Counted from 1."""
    date: str
    kind: str
    party: str | None
    text: str
    reasons: tuple[str, ...]
    source: str


def red_lines(state: State) -> tuple[RedLine, ...]:
    """Every party's red lines, each with the packages of the agenda it rules out."""
    s = state.scenario
    sizes = [len(issue.options) for issue in s.issues]
    total = math.prod(sizes)
    found = []
    for principle in s.principles:
        if not principle.red_line:
            continue
        view = state.scorer.parties[principle.party]
        crossing = [
            sum(1 for k in range(n) if principle.name in view.red[i][k])
            for i, n in enumerate(sizes)
        ]
        clear = math.prod(n - c for n, c in zip(sizes, crossing, strict=True))
        ruled_out = total - clear
        found.append(
            RedLine(principle.party, principle.name, ruled_out, ruled_out / total, principle.source)
        )
    found.sort(key=lambda r: (-r.packages, r.party, r.name))
    return tuple(found)


def zone_steps(state: State) -> tuple[ZoneStep, ...]:
    """The zone as each round opened and at the end, with the events between."""
    s = state.scenario
    by_text = {f"{e.title}: {e.text}": e for e in s.events}
    marks: list[tuple[str, Conditions, int]] = []
    for n, conditions in enumerate(state.snapshots):
        marks.append((f"round {n + 1} ({s.rounds[n].date.isoformat()})", conditions, n))
    steps: list[ZoneStep] = []
    opened = len(state.snapshots)
    # A game not over is read as it stands: its last step is now.
    end = "end of the game" if state.finished else "now (not over)"
    for label, conditions, n in [*marks, (end, state.conditions, opened)]:
        found = zone(s, conditions)
        # Events are logged as their round opens; the end shows any logged after the last
        # round opened (the years a signed partnership must last).
        events = tuple(
            (by_text[e.text].title, by_text[e.text].source)
            for e in state.log
            if e.kind == "event"
            and e.text in by_text
            and (e.round == n if n < opened else e.round >= opened)
        )
        acts = tuple(
            e.text if e.kind == "action" else f"a deal ratified ({e.text.rstrip('.')})"
            for e in state.log
            if e.kind in ("action", "ratified") and e.round == n - 1
        )
        consequences = tuple(
            (_consequence(e), e.source)
            for e in state.log
            if e.kind == "event"
            and e.text.startswith(DELAYED)
            and (e.round == n if n < opened else e.round >= opened)
        )
        steps.append(ZoneStep(label, found.count, found.exact, events, acts, consequences))
    return tuple(steps)


def _consequence(entry: LogEntry) -> str:
    """A delayed consequence in words: the log's line and what it changed ("Delayed
    consequence of United States' action in round 1 (2005-03): Act unilaterally, without
    telling Mexico (trust US-MX -12)")."""
    changed = [r for r in entry.reasons if r != "its size is a design choice"]
    text = entry.text.rstrip(".")
    return f"{text} ({'; '.join(changed)})" if changed else text


def dyad_paths(state: State) -> tuple[DyadPath, ...]:
    """Every pair's trust, levels passed and Wendt system, round by round and at the end."""
    s = state.scenario
    ix = index(s)

    def at(conditions: Conditions, a: str, b: str) -> DyadStep:
        d = ix.dyad(a, b)
        return DyadStep(conditions.trust[d], conditions.stage[d], wendt_system(s, conditions, a, b))

    return tuple(
        DyadPath(
            (a, b),
            tuple(at(c, a, b) for c in state.snapshots),
            at(state.conditions, a, b),
        )
        for a, b in itertools.combinations(s.party_ids, 2)
    )


def timeline(state: State) -> tuple[TimelineEntry, ...]:
    """The record, line by line, in the order things happened: each event on the date it
    happened (`record.event_dates`), everything else on its round's date; what happened on
    one date keeps the log's order."""
    rounds = state.scenario.rounds
    happened = event_dates(state.scenario, state.log)
    entries = []
    for i, e in enumerate(state.log):
        date = happened.get(i) or rounds[min(e.round, len(rounds) - 1)].date.isoformat()
        entries.append(
            TimelineEntry(e.round + 1, date, e.kind, e.party, e.text, e.reasons, e.source)
        )
    return tuple(sorted(entries, key=lambda entry: entry.date))


def closest(
    state: State, target: Package, conditions: Conditions
) -> tuple[ScoredPackage | None, int | None]:
    """The passing package under these conditions with the fewest issues changed from
    `target` (up to the radius), then the nearest scores; `target` itself when it passes."""
    s = state.scenario
    scores = scorer(s, conditions)
    ids = s.party_ids
    own = [scores.total(p, target) for p in ids]
    sizes = [len(issue.options) for issue in s.issues]
    for radius in range(CLOSEST_RADIUS + 1):
        best: tuple[float, Package] | None = None
        for issues in itertools.combinations(range(len(sizes)), radius):
            alternatives = [[k for k in range(sizes[i]) if k != target[i]] for i in issues]
            for picks in itertools.product(*alternatives):
                candidate = list(target)
                for i, k in zip(issues, picks, strict=True):
                    candidate[i] = k
                package = tuple(candidate)
                if not passes(scores, package):
                    continue
                gap = math.dist(own, [scores.total(p, package) for p in ids])
                if best is None or (gap, package) < best:
                    best = (gap, package)
        if best is not None:
            package = best[1]
            return ScoredPackage(package, ids, tuple(scores.total(p, package) for p in ids)), radius
    return None, None
