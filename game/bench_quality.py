"""The counterparts' quality and the partner forecast's accuracy, measured over computer-only
games (`python -m game.bench --quality` and `--forecast`; issue 10, points 3, 4 and 7, and
issue 8's forecast)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.core.engine.difficulty import DIFFICULTIES
from game.core.scenario.model import Scenario

if TYPE_CHECKING:
    from game.core.analysis.forecast import Tally


def forecast_report(scenario: Scenario, runs: int, seed: int) -> list[str]:
    """How often the partner forecast came true over computer-only games, per difficulty."""
    from game.core.analysis.forecast import check_forecasts

    def rate(value: float | None) -> str:
        return "   -  " if value is None else f"{value:6.1%}"

    lines = [
        f"Partner forecasts on {scenario.id}: {runs} computer-only games per difficulty, "
        f"seed {seed}",
        "  at every reply to an offer, what each other party in its scope had been told of it",
        f"  {'':<20} {'told':>6}  {'likely yes':>10} {'accepted':>8}  {'likely no':>9} "
        f"{'refused':>7}  {'uncertain':>9} {'accepted':>8}",
    ]
    for difficulty in DIFFICULTIES:
        check = check_forecasts(scenario, runs, seed, difficulty)
        for when, tally in (("at the reply", check.at_reply), ("when tabled", check.when_tabled)):
            lines.append(
                f"  {difficulty + ', ' + when:<20} {tally.total:>6}  "
                f"{tally.share('likely yes'):>10.1%} {rate(tally.hit_rate('likely yes')):>8}  "
                f"{tally.share('likely no') + tally.share('red line'):>9.1%} "
                f"{rate(_refused(tally)):>7}  "
                f"{tally.share('uncertain'):>9.1%} {rate(tally.acceptance('uncertain')):>8}"
            )
    return lines


CAUSES = frozenset({"leader_change", "visa_2009", "domestic_opposition"})
"""The world without the chapter's causes, where deals come within reach (spp-2005)."""

CLOSING_GAMES = 10
"""Games played for the closing figures per game of `--runs`: deals left on the table are
counted among the games without a deal, which are few in some scenarios (merida-2007 has
about 60 in 300 games, so one game moved its share by two points)."""


def quality_report(scenario: Scenario, runs: int, seed: int) -> list[str]:
    """The counterparts' quality: what naive and greedy players earn against them on each
    difficulty, whether deals that exist get made, and how near the frontier the deals lie;
    in history and, for spp-2005, in the world without the chapter's causes."""
    from game.core.analysis.quality import closing, gains_table

    worlds = [("history", frozenset[str]())]
    if scenario.causes >= CAUSES:
        worlds.append(("without the three causes", CAUSES))
    players = ["negotiator", "accept_first", "greedy"]
    lines = [
        f"Counterpart quality on {scenario.id}: {runs} games per seat and configuration, "
        f"seed {seed}",
        "  mean gain over the reservation value of a player seated in each seat in turn,",
        "  against the scenario's counterparts at each difficulty (negotiator: the scenario's",
        "  own personality for the country; accept_first takes the first acceptable offer;",
        "  greedy always demands its maximum); in brackets its mean result, what the country",
        "  ends with (its own bilateral deals and acts alone raise its reservation value, and",
        "  so lower its gain, even where they leave its result as it was)",
    ]
    for title, causes in worlds:
        lines.append(f"  {title}")
        lines.append("    " + f"{'':<10}" + "".join(f"{p:>16}" for p in players))
        table = gains_table(scenario, players, runs, seed, causes)
        for difficulty in DIFFICULTIES:
            row = [g for g in table if g.difficulty == difficulty]
            lines.append(
                f"    {difficulty:<10}" + "".join(_cell(g.mean, g.mean_result) for g in row)
            )
            # Seat by seat too: a mean over the seats can hide a seat where a naive player
            # does as well as a negotiating one.
            for seat in scenario.party_ids:
                lines.append(
                    f"      {seat:<8}"
                    + "".join(_cell(g.by_seat[seat], g.results[seat]) for g in row)
                )
    from game.core.analysis.quality import seat_gains

    for title, causes in worlds:
        hard, easy = (
            seat_gains(scenario, d, "normal", runs, seed, causes) for d in ("hard", "easy")
        )
        lines.append(
            f"  {title}: against normal counterparts, a hard seat earns {hard.mean:+.2f}, "
            f"an easy one {easy.mean:+.2f} (results {hard.mean_result:.2f} and "
            f"{easy.mean_result:.2f})"
        )
        # Seat by seat, by result: what each country ends with.
        lines.append(
            "    results by seat, hard / easy: "
            + ", ".join(
                f"{seat} {hard.results[seat]:.2f} / {easy.results[seat]:.2f}"
                for seat in scenario.party_ids
            )
        )
    lines.append("  deals that exist get made (all seats the scenario's counterparts)")
    for title, causes in worlds:
        for difficulty in DIFFICULTIES:
            c = closing(scenario, runs * CLOSING_GAMES, seed, difficulty, causes)
            near = "-" if c.to_frontier is None else f"{c.to_frontier:.2f}"
            lines.append(
                f"    {title}, {difficulty}: {c.no_deal} of {c.games} games without a deal, "
                f"{c.left_on_table} of them ({c.share_left:.0%}) with a deal left on the table "
                f"({c.share_missed:.0%} of the deals there were to make); "
                f"deals {near} from the frontier"
            )
    return lines


def _cell(gain: float, result: float) -> str:
    """A gain and, in brackets, the result it came with, in a column of the table."""
    return f"{gain:>+8.2f} ({result:5.1f})"


def _refused(tally: Tally) -> float | None:
    """Of the "likely no" and "red line" forecasts, the share the partner refused."""
    told = tally.given.get("likely no", 0) + tally.given.get("red line", 0)
    yes = tally.accepted.get("likely no", 0) + tally.accepted.get("red line", 0)
    return 1.0 - yes / told if told else None
