"""The outcome of a game and each party's result against its reservation value."""

from __future__ import annotations

from rich.table import Table

from game.core.analysis.debrief import Debrief
from game.core.analysis.outcomes import OUTCOME_TEXT
from game.core.scenario.model import Scenario


def outcome_summary(scenario: Scenario, report: Debrief) -> Table:
    """Each party's result against its reservation value."""
    grid = Table(box=None, expand=False, pad_edge=False)
    grid.add_column("Party")
    grid.add_column("Result", justify="right")
    grid.add_column("Reservation", justify="right")
    grid.add_column("Gain", justify="right")
    for r in report.results:
        grid.add_row(
            scenario.party(r.party).name, f"{r.score:.1f}", f"{r.reservation:.1f}", f"{r.gain:+.1f}"
        )
    return grid


def outcome_title(report: Debrief) -> str:
    """The outcome in words."""
    return OUTCOME_TEXT[report.outcome]
