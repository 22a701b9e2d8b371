"""The class debrief of a finished game: one model behind `report SAVE` and the debrief screen.

It gathers what a teacher needs to open a discussion: the outcome against history, what was
signed (or last on the table), what bound each party and how much, the zone of agreement round
by round with the events that moved it, how far each pair got through the levels of
transformation, the deal against the frontier, a timeline, and questions drawn from this game.
Everything is read from the game's state and the scenario; nothing here is worded for a screen
(report_markdown.py writes it out).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.analysis.constraints import Constraint, constraints
from game.core.analysis.debrief import Debrief, debrief
from game.core.analysis.frontier import Frontier
from game.core.analysis.questions import questions
from game.core.analysis.record import Record, read_record
from game.core.analysis.report_parts import (
    DyadPath,
    RedLine,
    TimelineEntry,
    ZoneStep,
    closest,
    dyad_paths,
    red_lines,
    timeline,
    zone_steps,
)
from game.core.engine.scoring import ScoredPackage
from game.core.engine.state import State


@dataclass(frozen=True)
class ClassReport:
    """Everything the debrief shows, for one game."""

    state: State
    debrief: Debrief
    record: Record
    constraints: dict[str, tuple[Constraint, ...]]
    """For each party, what held it back from the package signed or last on the table,
    blocking constraints first, then by the points they cost."""
    red_lines: tuple[RedLine, ...]
    """Every red line, by how much of the agenda it rules out."""
    zone: tuple[ZoneStep, ...]
    dyads: tuple[DyadPath, ...]
    closest: ScoredPackage | None
    """The package every party would have accepted and backed at home, just before the move
    that tabled the package signed or last on the table, that is closest to that package:
    fewest issues changed, then nearest scores (the package itself when it passed)."""
    closest_changes: int | None
    """How many issues it changes from that package (None: none within CLOSEST_RADIUS)."""
    closest_opened: int | None
    """None when `closest` was judged just before the tabling move; for a package described
    without the game's moves, the round as whose opening it was judged."""
    timeline: tuple[TimelineEntry, ...]
    questions: tuple[str, ...]

    @property
    def humans(self) -> tuple[str, ...]:
        """The countries people played."""
        return tuple(p for p, seat in self.state.seats if seat == "human")


def class_report(state: State, frontier: Frontier | None = None) -> ClassReport:
    """The debrief of a game (finished or not: an unfinished game is read as it stands)."""
    s = state.scenario
    summary = debrief(state, frontier)
    record = read_record(state)
    final = summary.package.tabled.package if summary.package else None
    bound = {
        p: constraints(state, p, final, limit=6) if final is not None else () for p in s.party_ids
    }
    # Judged as the package came to the table (just before the move that tabled it, after
    # that round's earlier moves): by the end the world may have moved on.
    near = distance = opened = None
    if summary.package is not None:
        tabled = summary.package.tabled
        when = tabled.before
        if when is None:
            opened = min(tabled.round, len(state.snapshots) - 1)
            when = state.snapshots[opened]
        near, distance = closest(state, tabled.package, when)
    zones, dyads = zone_steps(state), dyad_paths(state)
    return ClassReport(
        state=state,
        debrief=summary,
        record=record,
        constraints=bound,
        red_lines=red_lines(state),
        zone=zones,
        dyads=dyads,
        closest=near,
        closest_changes=distance,
        closest_opened=opened,
        timeline=timeline(state),
        questions=questions(state, summary, record, zones, dyads, distance),
    )
