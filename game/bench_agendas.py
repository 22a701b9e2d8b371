"""Benchmarks on generated agendas: the frontier's time and error bound as the agenda grows,
agreements where a zone exists on 20 issues x 6 options x 5 parties, and the information-
equalised side-by-side on 3 parties x 9 issues x 4 options (issue 10, points 7 and 9)."""

from __future__ import annotations

import statistics
import time

from game.core.analysis.frontier import pareto_frontier
from game.core.engine.conditions import Conditions
from game.core.engine.mechanism import start, step
from game.core.engine.zone import best_in_zone
from game.core.players.negotiator import choose_move
from game.core.scenario.model import Scenario

FRONTIER_SIZES = [(3, 10, 4), (3, 20, 4), (3, 20, 6), (3, 40, 6), (5, 20, 6), (8, 20, 6)]
"""(parties, issues, options) of the agendas the frontier is timed on: the issue's figures
(10 x 4 took 0.13 s exactly, 20 x 6 took 308 s, 40 issues and 5 parties never finished)."""


def frontier_rows() -> list[str]:
    """The frontier on each generated agenda: seconds, points, exact or the bound shown."""
    from game.bench import generated_scenario

    lines = ["Pareto frontier on generated agendas (bar: < 2 s, exact or with its bound)"]
    for parties, issues, options in FRONTIER_SIZES:
        s = generated_scenario(issues, options, parties)
        began = time.perf_counter()
        f = pareto_frontier(s, Conditions.initial(s))
        took = time.perf_counter() - began
        how = "exact" if f.exact else f"within {f.bound:.2f} points of the frontier"
        lines.append(
            f"  {parties} parties x {issues} issues x {options} options: {took:6.2f} s, "
            f"{len(f.points):5d} points, {how}"
        )
    return lines


def play(scenario: Scenario, seed: int) -> tuple[bool, list[float]]:
    """A computer-only game: whether a trilateral (all-party) deal was made, and each move's
    seconds."""
    state = start(scenario, seed)
    times = []
    while not state.finished:
        party = state.to_move or ""
        began = time.perf_counter()
        move = choose_move(state, party)
        times.append(time.perf_counter() - began)
        state = step(state, move)
    return state.trilateral is not None, times


def agreement_rows(games: int = 12) -> list[str]:
    """On 20 x 6 x 5 generated agendas (6^20 packages: no brute force), whether the computers
    agree where a zone of agreement exists at the start (a package every party accepts and
    supports at home, found by the zone's branch-and-bound), and how long a move takes."""
    from game.bench import generated_scenario

    zones = agreed = agreed_without = 0
    times: list[float] = []
    for n in range(games):
        s = generated_scenario(20, 6, 5, seed=n + 1)
        has_zone = best_in_zone(s, Conditions.initial(s), s.party_ids[0]) is not None
        deal, took = play(s, n + 1)
        times += took
        zones += has_zone
        agreed += has_zone and deal
        agreed_without += deal and not has_zone
    return [
        f"Agreements on {games} generated agendas of 20 issues x 6 options x 5 parties",
        f"  a zone of agreement at the start in {zones}; agreement reached in {agreed} of "
        f"them (and in {agreed_without} of the {games - zones} others)",
        f"  computer move: median {statistics.median(times) * 1e3:.1f} ms, slowest "
        f"{max(times) * 1e3:.1f} ms (bar < 200 ms)",
    ]


def side_by_side_rows(games: int = 20) -> list[str]:
    """The issue's comparison with the agents' information equalised: on generated 3 x 9 x 4
    agendas, the counterparts at normal difficulty (each sees only its own scores and hazy
    estimates of its partners', as a person would) against the omniscient strategy (exact
    scores of everyone, the comparison that flattered Perimeter): time per game, agreement
    rate, and the deals' distance to the exact frontier."""
    import math

    from game.bench import generated_scenario
    from game.core.game import Game
    from game.core.players.negotiator import negotiator_for
    from game.core.players.style import seat_style

    lines = [
        f"Side by side on {games} generated agendas of 3 parties x 9 issues x 4 options",
        "  (for reference, the issue measured NegMAS 0.16's aspiration agents at 2.6 s a "
        "game, 0.21 from the frontier)",
    ]
    for who in ("normal", "omniscient"):
        took, deals, distances = 0.0, 0, []
        for n in range(games):
            s = generated_scenario(9, 4, 3, seed=100 + n)
            seats = {p: negotiator_for(seat_style(s, p, who)) for p in s.party_ids}
            began = time.perf_counter()
            state = Game.new(s, n, negotiators=seats).state
            took += time.perf_counter() - began
            deal = state.trilateral
            if deal is None:
                continue
            deals += 1
            f = pareto_frontier(s, state.conditions)
            scores = [state.scorer.total(p, deal.package) for p in s.party_ids]
            distances.append(min(math.dist(scores, q.scores) for q in f.points) / 100)
        near = f"{statistics.mean(distances):.3f}" if distances else "-"
        lines.append(
            f"  {who:<10} {took / games * 1e3:7.1f} ms a game, {deals} of {games} agreed, "
            f"mean distance to the frontier {near} (on a 0-1 scale)"
        )
    return lines


def parties_rows() -> list[str]:
    """A computer-only game on 9 issues x 4 options as the table grows to the most parties a
    scenario may seat: the search stays polynomial in them."""
    from game.bench import generated_scenario
    from game.core.scenario.model import MAX_PARTIES

    lines = ["Computer-only games as the table grows (9 issues x 4 options)"]
    for n in sorted({3, 5, MAX_PARTIES}):
        s = generated_scenario(9, 4, n, seed=3)
        began = time.perf_counter()
        deal, times = play(s, 1)
        took = time.perf_counter() - began
        lines.append(
            f"  {n} parties: {took:5.2f} s a game, slowest move {max(times) * 1e3:6.1f} ms, "
            f"{'a deal' if deal else 'no deal'}"
        )
    return lines
