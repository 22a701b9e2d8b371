"""How good the computer counterparts are, measured: what naive players earn against them, what
difficulty changes, whether deals that exist get made, and how good the deals are.

Every figure comes from computer-only games with some seats given to a scripted player or a
strategy (see `players.style`), on the same seeds for every configuration, so differences come
from the players and not from luck.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from game.core.analysis.frontier import pareto_frontier
from game.core.analysis.outcomes import results
from game.core.analysis.simulation import play_computer_game, run_seed
from game.core.engine.difficulty import DIFFICULTIES, Difficulty
from game.core.engine.zone import zone
from game.core.scenario.model import Scenario


@dataclass(frozen=True)
class SeatGains:
    """A player's mean gain over its reservation value in each seat, and overall; and its mean
    result (what the country ends with).

    The gain is over the reservation value at the end, as the end screen counts it. A seat's
    own bilateral deals and acts alone raise that reservation, so they lower its gain even
    where they leave its result as it was: comparing players on the same seeds, the result
    says which earned more for its country."""

    player: str
    difficulty: Difficulty
    by_seat: dict[str, float]
    results: dict[str, float]

    @property
    def mean(self) -> float:
        """Over the seats."""
        return sum(self.by_seat.values()) / max(1, len(self.by_seat))

    @property
    def mean_result(self) -> float:
        """The mean result over the seats."""
        return sum(self.results.values()) / max(1, len(self.results))


def seat_gains(
    scenario: Scenario,
    player: str,
    difficulty: Difficulty,
    runs: int,
    seed: int,
    disabled_causes: frozenset[str] = frozenset(),
) -> SeatGains:
    """The mean gain of `player` (a strategy, or "negotiator": the scenario's own personality
    for the country) seated in each seat in turn against the scenario's counterparts at this
    difficulty."""
    ids = scenario.party_ids
    by_seat: dict[str, float] = {}
    ends: dict[str, float] = {}
    for seat in ids:
        total = result = 0.0
        for run in range(runs):
            spec = difficulty if player == "negotiator" else player
            seats = {p: (spec if p == seat else difficulty) for p in ids}
            state = play_computer_game(scenario, run_seed(seed, run), disabled_causes, seats)
            end = results(state)[seat]
            total += end.gain
            result += end.score
        by_seat[seat] = total / max(1, runs)
        ends[seat] = result / max(1, runs)
    return SeatGains(player, difficulty, by_seat, ends)


@dataclass(frozen=True)
class Closing:
    """Whether deals that exist get made: games with no trilateral deal in force, and among
    them those where a package every party would accept and support at home existed as the
    last round opened and no accepted package had failed at home in it."""

    games: int
    no_deal: int
    left_on_table: int
    to_frontier: float | None
    """Mean distance of the deals in force to the Pareto frontier (None: no deal)."""

    @property
    def share_left(self) -> float:
        """Of the games without a deal, the share that left one on the table."""
        return self.left_on_table / self.no_deal if self.no_deal else 0.0

    @property
    def share_missed(self) -> float:
        """Of the deals there were to make (the games that made one, and those that left one
        on the table), the share not made. Unlike `share_left` it does not grow as no-deal
        games grow rare: merida-2007 on hard leaves a deal in all 12 of its 1,000 games
        without one, and misses 12 of the 1,000 deals there were."""
        made = self.games - self.no_deal
        there = made + self.left_on_table
        return self.left_on_table / there if there else 0.0


def closing(
    scenario: Scenario,
    runs: int,
    seed: int,
    difficulty: Difficulty = "normal",
    disabled_causes: frozenset[str] = frozenset(),
) -> Closing:
    """How often computer counterparts leave a feasible deal on the table (see Closing)."""
    ids = scenario.party_ids
    last = len(scenario.rounds) - 1
    no_deal = left = 0
    distances: list[float] = []
    for run in range(runs):
        seats = dict.fromkeys(ids, difficulty)
        state = play_computer_game(scenario, run_seed(seed, run), disabled_causes, seats)
        if state.trilateral is not None and state.lapsed is None:
            ends = results(state)
            point = tuple(ends[p].score for p in ids)
            frontier = pareto_frontier(scenario, state.conditions)
            distances.append(min(math.dist(point, f.scores) for f in frontier.points))
            continue
        if state.trilateral is not None:
            continue  # signed, then lapsed: a deal was made
        no_deal += 1
        tried = any(e.kind == "blocked" and e.round == last for e in state.log)
        if not tried and zone(scenario, state.snapshots[-1]).count > 0:
            left += 1
    mean = sum(distances) / len(distances) if distances else None
    return Closing(runs, no_deal, left, mean)


def gains_table(
    scenario: Scenario,
    players: Sequence[str],
    runs: int,
    seed: int,
    disabled_causes: frozenset[str] = frozenset(),
) -> list[SeatGains]:
    """`seat_gains` for each player at each difficulty."""
    return [
        seat_gains(scenario, player, difficulty, runs, seed, disabled_causes)
        for difficulty in DIFFICULTIES
        for player in players
    ]
