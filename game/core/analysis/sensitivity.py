"""What `analyze SCENARIO` tells an author balancing a scenario: the zone of agreement round by
round, what binds each party, and how sensitive the outcome is to each number an author sets.

The zone of agreement is exact and quick, so every number is tried a few points either way on
it; computer-only games (the slow, noisy measure) are played only where the zone moves, and
once for the scenario as written. An author tuning Canada's attention then sees at once which
values open or close a deal, and what agreement rate follows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.core.analysis.constraints import Constraint, constraints
from game.core.analysis.frontier import nash_point, pareto_frontier
from game.core.analysis.report_parts import RedLine, red_lines
from game.core.analysis.simulation import simulate
from game.core.analysis.teaching_checks import Knob, knobs, moved, sensitive
from game.core.analysis.zone_timeline import ZoneRound, zone_timeline
from game.core.engine.mechanism import start
from game.core.engine.wording import counted
from game.core.scenario.model import Scenario

STEPS = (-5.0, -1.0, 1.0, 5.0)
"""How far each number is moved, in points."""


@dataclass(frozen=True)
class Nudge:
    """One number moved: the zone as each round opens, and computer games' agreement rate
    where the zone moved (None where it did not: the games would not differ by design)."""

    by: float
    zone: tuple[int, ...]
    agreement: float | None


@dataclass(frozen=True)
class Sensitivity:
    """How the outcome answers one number."""

    label: str
    path: tuple[str | int, ...]
    value: float
    nudges: tuple[Nudge, ...]

    @property
    def moves_zone(self) -> bool:
        """Whether any nudge changed the zone in some round."""
        return any(n.agreement is not None for n in self.nudges)


@dataclass(frozen=True)
class Analysis:
    """Everything `analyze` prints."""

    scenario: Scenario
    runs: int
    seed: int
    zone: tuple[ZoneRound, ...]
    agreement: float
    """Computer-only games' agreement rate as the scenario is written."""
    red_lines: tuple[RedLine, ...]
    binding: dict[str, tuple[Constraint, ...]]
    """What costs each party most against the Nash bargaining package of the first round."""
    sensitivity: tuple[Sensitivity, ...]


def analyze(
    scenario: Scenario,
    runs: int = 100,
    seed: int = 1,
    rates: Callable[[list[Scenario]], list[float]] | None = None,
) -> Analysis:
    """The zone round by round, what binds, and each number's sensitivity (see the module).
    `rates` plays the computer-only games of several scenarios at once and gives each one's
    agreement rate (the command line spreads them over the cores)."""
    measure = rates or (lambda found: [simulate(x, runs, seed).agreement_rate for x in found])
    state = start(scenario, seed)
    rows = zone_timeline(scenario, seed)
    base = tuple(r.packages for r in rows)
    frontier = pareto_frontier(scenario, state.conditions)
    reservations = tuple(state.scorer.reservation(p) for p in scenario.party_ids)
    nash = nash_point(frontier, reservations)
    binding = {
        p: constraints(state, p, nash.package, limit=4) if nash else () for p in scenario.party_ids
    }
    # First the zone of every nudge (exact and quick), then the games where the zone moved:
    # five points always, one point where it moved much (a knife edge shows there; elsewhere
    # one point changes little but costs games).
    planned: list[tuple[Knob, float, tuple[int, ...], Scenario | None]] = []
    for knob in knobs(scenario):
        for by in STEPS:
            other = moved(scenario, knob, by)
            if other is None:
                continue
            counts = tuple(r.packages for r in zone_timeline(other, seed))
            worth = counts != base and (abs(by) > 1 or sensitive(base, counts))
            planned.append((knob, by, counts, other if worth else None))
    played = [scenario] + [other for *_, other in planned if other is not None]
    measured = iter(measure(played))
    agreement = next(measured)
    nudged: dict[tuple[str | int, ...], list[Nudge]] = {}
    for knob, by, counts, other in planned:
        rate = next(measured) if other is not None else None
        nudged.setdefault(knob.path, []).append(Nudge(by, counts, rate))
    found = [
        Sensitivity(k.label, k.path, k.value, tuple(nudged.get(k.path, ())))
        for k in knobs(scenario)
    ]
    # The numbers that move the zone first, those that move the games most at the top.
    found.sort(key=lambda x: (not x.moves_zone, -_spread(x, agreement)))
    return Analysis(scenario, runs, seed, rows, agreement, red_lines(state), binding, tuple(found))


def _spread(s: Sensitivity, agreement: float) -> float:
    """How far a number's nudges move the agreement rate at most."""
    return max(
        (abs(n.agreement - agreement) for n in s.nudges if n.agreement is not None), default=0.0
    )


def render(a: Analysis) -> str:
    """The analysis as text for the terminal (Markdown-friendly)."""
    s = a.scenario
    names = {p.id: p.name for p in s.parties}
    lines = [
        f"# Analysis of {s.id}: {s.title}",
        "",
        f"Computer-only games agree {a.agreement:.0%} of the time ({counted(a.runs, 'game')}, "
        f"seed {a.seed}).",
        "",
        "## Zone of agreement, round by round",
        "",
        "Packages every party would accept and back at home, as the events alone leave them:",
        "",
    ]
    for r in a.zone:
        events = f"  after {'; '.join(r.events)}" if r.events else ""
        lines.append(
            f"- round {r.round} ({r.date}): {r.packages:,}{'' if r.exact else '+'}{events}"
        )
    lines += ["", "## What binds each party", ""]
    lines.append("Against the Nash bargaining package of the first round:")
    for p in s.party_ids:
        found = a.binding.get(p, ())
        what = "; ".join(
            f"{c.label} ({'blocks' if c.blocks else f'{c.points:.1f} points'})" for c in found
        )
        lines.append(f"- {names[p]}: {what or 'nothing'}")
    if a.red_lines:
        lines.append("")
        lines += [
            f"- red line of {names[r.party]}: {r.name} rules out {r.share:.0%} of the agenda"
            for r in a.red_lines
        ]
    lines += ["", "## Sensitivity: each number a few points either way", ""]
    if any(sens.moves_zone for sens in a.sensitivity):
        lines += [
            f"Computer games' agreement rate ({counted(a.runs, 'game')}) with the number moved, "
            "where that moves the zone of agreement; numbers that move it most first:",
            "",
        ]
    base = [r.packages for r in a.zone]
    for sens in a.sensitivity:
        if not sens.moves_zone:
            continue
        parts = [
            f"{sens.value + n.by:g} → {n.agreement:.0%}"
            for n in sens.nudges
            if n.agreement is not None
        ]
        # The zone where the number first moves it (a later round's event may be what the
        # number acts on), as written and as moved.
        at = next(
            (i for i, was in enumerate(base) if any(n.zone[i] != was for n in sens.nudges)), 0
        )
        moved = "; ".join(f"{sens.value + n.by:g} → {n.zone[at]:,}" for n in sens.nudges)
        when = "at the start" if at == 0 else f"in round {a.zone[at].round}"
        lines.append(
            f"- {sens.label} (now {sens.value:g}, {a.agreement:.0%}): {'; '.join(parts)} "
            f"(zone {when}: {base[at]:,} as written; {moved})"
        )
    quiet = [x.label for x in a.sensitivity if not x.moves_zone]
    if quiet:
        gap = [""] if len(quiet) < len(a.sensitivity) else []
        lines += [*gap, f"No change to the zone within 5 points: {', '.join(quiet)}."]
    return "\n".join(lines) + "\n"
