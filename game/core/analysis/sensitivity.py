"""What `analyze SCENARIO` tells an author balancing a scenario: the zone of agreement round by
round, what binds each party, and how sensitive the outcome is to each number an author sets.

The zone of agreement is exact and quick on an agenda of the chapter's size, so every number is
tried a few points either way on it; computer-only games (the slow, noisy measure) are played
only where the zone moves, and once for the scenario as written. An author tuning Canada's
attention then sees at once which values open or close a deal, and what agreement rate follows.
On a larger agenda the counts share a budget, and the numbers not tried within it are named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.core.analysis.constraints import Constraint, constraints
from game.core.analysis.empty_zone import EmptyZone, empty_zone
from game.core.analysis.frontier import nash_point, pareto_frontier
from game.core.analysis.report_parts import RedLine, red_lines
from game.core.analysis.simulation import simulate
from game.core.analysis.teaching_checks import Knob, knobs, moved, sensitive
from game.core.analysis.zone_timeline import ZoneRound, zone_counts, zone_timeline
from game.core.engine.mechanism import start
from game.core.engine.wording import counted
from game.core.scenario.model import Scenario

STEPS = (-5.0, -1.0, 1.0, 5.0)
"""How far each number is moved, in points."""

BUDGET = 3_000_000
"""The work the zone counts of every number moved may take in all, in packages examined (with
their tables: see `zone_timeline.counted`): spp-2005's take 2.4 million; unbounded, an agenda of
8 parties x 30 issues x 8 options made 200 counts that each stopped at the search's budget."""


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
    tried: bool = True
    """False when some of its moves could not be counted within the budget (their nudges are
    left out)."""

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
    nash: bool = True
    """Whether there is a Nash bargaining package in the first round to measure against."""
    exact: bool = True
    """Whether the Pareto frontier it was sought on is exact."""
    empty: EmptyZone | None = None
    """What leaves the zone of agreement empty in the first round (None: it is not, or could
    not be counted)."""


def analyze(
    scenario: Scenario,
    runs: int = 100,
    seed: int = 1,
    rates: Callable[[list[Scenario]], list[float]] | None = None,
    budget: int = BUDGET,
) -> Analysis:
    """The zone round by round, what binds, and each number's sensitivity (see the module).
    `rates` plays the computer-only games of several scenarios at once and gives each one's
    agreement rate (the command line spreads them over the cores); `budget` bounds the zone
    counts of the numbers moved."""
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
    # First the zone of every nudge (exact, within the budget), then the games where the zone
    # moved: five points always, one point where it moved much (a knife edge shows there;
    # elsewhere one point changes little but costs games). A zone as written that could not be
    # counted moves no number: its counts would be lower bounds.
    planned: list[tuple[Knob, float, tuple[int, ...], Scenario | None]] = []
    untried: set[tuple[str | int, ...]] = set()
    left = budget if all(r.exact for r in rows) else 0
    for knob in knobs(scenario):
        for by in STEPS:
            if left <= 0 and knob.movable(by):
                untried.add(knob.path)  # a number `moved` would move: the budget is spent
                break
            other = moved(scenario, knob, by) if left > 0 else None
            if other is None:
                continue
            counts, spent = zone_counts(other, seed, left)
            left -= spent
            if counts is None:
                untried.add(knob.path)
                continue
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
        Sensitivity(k.label, k.path, k.value, tuple(nudged.get(k.path, ())), k.path not in untried)
        for k in knobs(scenario)
    ]
    # The numbers that move the zone first, those that move the games most at the top.
    found.sort(key=lambda x: (not x.moves_zone, -_spread(x, agreement)))
    return Analysis(
        scenario,
        runs,
        seed,
        rows,
        agreement,
        red_lines(state),
        binding,
        tuple(found),
        nash is not None,
        frontier.exact,
        empty_zone(scenario, state.conditions),
    )


def _spread(s: Sensitivity, agreement: float) -> float:
    """How far a number's nudges move the agreement rate at most."""
    return max(
        (abs(n.agreement - agreement) for n in s.nudges if n.agreement is not None), default=0.0
    )


def _empty(a: Analysis) -> list[str]:
    """What empties the zone of agreement in the first round, where it is empty, and, without
    a Nash bargaining package, why there is none."""
    none = ", so there is no Nash bargaining package to measure against"
    if a.empty is None:
        if a.nash:
            return []
        found = "" if a.exact else " the frontier search found"
        return [
            f"No package{found} gives every party more than its reservation value in the "
            f"first round{none}.",
        ]
    lines = [
        f"No package is in the zone of agreement in the first round{'' if a.nash else none}: "
        f"{a.empty.summary}."
    ]
    if a.empty.reasons:
        lines.append("")
    for r in a.empty.reasons:
        lines.append(f"- {r.text}{f' [{r.source}]' if r.source else ''}")
    return lines


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
    lines += ["", "## What binds each party", "", *_empty(a)]
    if a.nash:
        lines += [""] if a.empty else []
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
    quiet = [x.label for x in a.sensitivity if not x.moves_zone and x.tried]
    if quiet:
        gap = [""] if len(quiet) < len(a.sensitivity) else []
        lines += [*gap, f"No change to the zone within 5 points: {', '.join(quiet)}."]
    untried = [x.label for x in a.sensitivity if not x.tried]
    if untried:
        gap = [""] if quiet or any(x.moves_zone for x in a.sensitivity) else []
        why = (
            "Not tried: the zone of agreement as written cannot be counted within the search's "
            "budget (the counts above are lower bounds), so no number was moved."
            if not all(r.exact for r in a.zone)
            else "Not tried at every step (counting the zone with them moved would take more "
            f"than the budget): {', '.join(untried)}."
        )
        lines += [*gap, why]
    return "\n".join(lines) + "\n"
