"""The `simulate` command: computer-only games in bulk, the strategy tournament, and how
their results read in a terminal (the command line's other commands are in `cli`)."""

from __future__ import annotations

import json
import sys
import textwrap
import time
from typing import TYPE_CHECKING, Any, TextIO

from game.exit_codes import EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from game.core.analysis.simulation import Summary
    from game.core.scenario.model import Scenario


def cmd_simulate(
    name: str,
    runs: int,
    seed: int,
    without: list[str],
    as_json: bool,
    explain: bool = False,
    jobs: int | None = None,
    ai: str | None = None,
) -> int:
    """Computer-only games: outcome distribution, agreement rate, each party's mean result."""
    from game.batch import jobs_default, simulate_shared
    from game.core.scenario.loader import find_scenario

    source = find_scenario(name)
    scenario = source.scenario
    problem = unknown_cause(scenario, without)
    seats, seat_problem = parse_seats(scenario, ai or "")
    if problem or seat_problem:
        print(problem or seat_problem, file=sys.stderr)
        return EXIT_USAGE
    bar = ProgressBar(sys.stderr)
    summary = simulate_shared(
        source,
        runs,
        seed,
        frozenset(without),
        jobs or jobs_default(),
        progress=bar.update,
        seats=seats,
    )
    bar.close()
    if as_json:
        print(json.dumps(summary.as_json(), indent=2))
    else:
        print(render_summary(scenario, summary), end="")
        if explain:
            print(render_explanation(scenario, summary), end="")
    return EXIT_OK


def parse_seats(scenario: Scenario, text: str) -> tuple[dict[str, str], str | None]:
    """The seats `--ai P=WHO,...` names, or the error that says what is wrong."""
    from game.core.players.style import SEAT_SPECS
    from game.core.scenario.problems import did_you_mean

    seats: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        party, _, spec = part.partition("=")
        if party not in scenario.party_ids:
            hint = did_you_mean(party, set(scenario.party_ids))
            return {}, f"error: --ai {part}: no party {party!r} in {scenario.id}; {hint}"
        if spec not in SEAT_SPECS:
            hint = did_you_mean(spec, set(SEAT_SPECS))
            return (
                {},
                f"error: --ai {part}: {spec!r} is neither a difficulty nor a strategy; {hint}",
            )
        seats[party] = spec
    return seats, None


def cmd_tournament(
    name: str, runs: int, seed: int, without: list[str], as_json: bool, jobs: int | None = None
) -> int:
    """Every strategy against every other, seats rotated: a table of how each fared."""
    from game.batch import jobs_default, tournament_shared
    from game.core.engine.wording import counted
    from game.core.scenario.loader import find_scenario

    source = find_scenario(name)
    scenario = source.scenario
    problem = unknown_cause(scenario, without)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    bar = ProgressBar(sys.stderr)
    standings = tournament_shared(
        source, runs, seed, frozenset(without), jobs or jobs_default(), progress=bar.update
    )
    bar.close()
    if as_json:
        print(
            json.dumps(
                {
                    "scenario": scenario.id,
                    "runs": runs,
                    "seed": seed,
                    "tournament": [s.as_json() for s in standings],
                },
                indent=2,
            )
        )
        return EXIT_OK
    # Every line within 80 columns, for a terminal or a printout.
    lines = textwrap.wrap(
        f"{scenario.title}: every strategy against every other, {counted(runs, 'game')} a "
        f"pairing (seats in turn), seed {seed}",
        80,
    )
    lines += [
        f"  {'strategy':<13} {'games':>6} {'agreements':>11} {'mean gain':>10} "
        f"{'to frontier':>12} {'to Nash':>8}",
    ]

    def num(value: float | None) -> str:
        return "-" if value is None else f"{value:.1f}"

    for s in sorted(standings, key=lambda s: -s.mean_gain):
        lines.append(
            f"  {s.strategy:<13} {s.games:>6} {s.agreements / max(1, s.games):>11.1%} "
            f"{s.mean_gain:>+10.2f} {num(s.to_frontier):>12} {num(s.to_nash):>8}"
        )
    names = [s.strategy for s in standings]
    # Opponents are numbered as the rows that name them: full names would not fit 80 columns.
    lines.append("Mean gain against each opponent (rows: the strategy; columns: its opponents,")
    lines.append("numbered as the rows)")
    lines.append(" " * 18 + "".join(f"{n:>7}" for n in range(1, len(names) + 1)))
    for n, s in enumerate(standings, 1):
        row = "".join(f"{s.against[name]:>+7.1f}" for name in names)
        lines.append(f"  {n} {s.strategy:<13}{row}")
    print("\n".join(lines))
    return EXIT_OK


def unknown_cause(scenario: Scenario, without: list[str]) -> str | None:
    """The error for a `--without` naming no event's cause, or None when all are known."""
    from game.core.scenario.problems import did_you_mean

    for cause in without:
        if cause not in scenario.causes:
            hint = did_you_mean(cause, scenario.causes)
            return f"error: --without {cause}: no event has that cause; {hint}"
    return None


class ProgressBar:
    """A progress bar (rich) on a terminal's stderr, shown only once the work has taken a
    second, and cleared when it is done."""

    def __init__(self, stream: TextIO, delay: float = 1.0) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.delay = delay
        self.interactive = stream.isatty()
        self.progress: Any = None
        self.task: Any = None

    def update(self, done: int, total: int) -> None:
        """Move the bar (rich redraws it at its own pace)."""
        if not self.interactive or time.monotonic() - self.started < self.delay:
            return
        if self.progress is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            self.progress = Progress(
                "games",
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("games", total=total)
        self.progress.update(self.task, completed=done, total=total)

    def close(self) -> None:
        """Clear the bar."""
        if self.progress is not None:
            self.progress.stop()


def render_summary(scenario: Scenario, s: Summary) -> str:
    """A simulation summary as plain text."""
    from game.core.analysis.outcomes import outcome_label
    from game.core.engine.wording import counted

    lines = [f"{scenario.title}: {counted(s.runs, 'computer-only game')}, seed {s.seed}"]
    if s.disabled_causes:
        lines.append("Switched off: " + ", ".join(s.disabled_causes))
    if s.seats:
        chosen = ", ".join(f"{scenario.party(p).name} {spec}" for p, spec in s.seats.items())
        rest = [scenario.party(p).name for p in scenario.party_ids if p not in s.seats]
        lines.append(f"Seats: {chosen}" + (f"; {', '.join(rest)} normal" if rest else ""))
    lines.append("Outcomes")
    for outcome, count in s.outcomes.items():
        share = count / s.runs
        lines.append(
            f"  {outcome_label(scenario, outcome):<20} {count:6d}  {share:6.1%}  "
            f"{'#' * round(share * 30)}"
        )
    lines.append(
        f"Agreement rate {s.agreement_rate:.1%}; "
        f"mean rounds {s.mean_rounds:.1f} of {len(scenario.rounds)}"
    )
    lines.append(f"{'Party':<16} {'mean score':>10} {'vs reservation':>15}")
    for party, p in s.parties.items():
        lines.append(
            f"{scenario.party(party).name:<16} {p.mean_score:10.1f} {p.mean_vs_reservation:+15.1f}"
        )
    return "\n".join(lines) + "\n"


def render_explanation(scenario: Scenario, s: Summary) -> str:
    """What `--explain` adds: the zone of agreement along the events, and what sank deals."""
    from game.core.engine.wording import deal_kind, every_country

    kind = deal_kind(scenario)
    lines = [
        "",
        f"Zone of agreement: {kind} packages that {every_country(scenario)} would accept and "
        "support at home,",
        "as the events alone leave it (players' trust-building and consultation widen it),",
        "with the events of each round",
        f"  {'Round':<6} {'Date':<11} {'Packages':>9}  Events",
    ]
    for r in s.zone:
        count = f"{r.packages:,}" + ("" if r.exact else "+")
        events = [f"{e} [{c}]" if c else e for e, c in zip(r.events, r.causes, strict=True)]
        first, *rest = events or [""]
        lines.append(f"  {r.round:<6} {r.date:<11} {count:>9}  {first}".rstrip())
        lines += [f"  {'':<6} {'':<11} {'':>9}  {event}" for event in rest]
    if any(not r.exact for r in s.zone):
        lines.append("  (+: at least this many; the agenda is too large to count them all)")
    if any(e.chance < 1 for e in scenario.events if e.cause not in s.disabled_causes):
        # The zone is worked out once, not per game: events left to chance come out as drawn.
        lines.append(
            f"  (events left to chance as drawn for seed {s.seed}: "
            "in a given game they may or may not happen)"
        )
    names = {p.id: p.name for p in scenario.parties}

    def by_party(counts: dict[str, int]) -> str:
        return ", ".join(f"{names.get(p, p)} {n}" for p, n in counts.items() if n) or "none"

    sunk = f" (sunk by the groups of {by_party(s.blocked)})" if s.votes_lost else ""
    lines.append(f"Accepted packages that failed at home: {s.votes_lost}{sunk}")
    lines.append(
        f"{kind.capitalize()} agreements that lapsed: {sum(s.lapsed.values())} "
        f"({by_party(s.lapsed)})"
    )
    if len(scenario.party_ids) > 2:
        # With two parties every deal is between everyone: no pair is left to bank a side deal.
        deals = ", ".join(f"{pair} {n}" for pair, n in s.bilateral.items() if n) or "none"
        lines.append(f"Bilateral deals banked: {sum(s.bilateral.values())} ({deals})")
    return "\n".join(lines) + "\n"
