"""Every strategy against every other: who gains what, how often deals come, how good they are.

A strategy is seated in one seat against another strategy in all the others, each seat in
turn (so no country's position favours it), over several seeds. For each strategy: how many of
its games ended with a trilateral deal in force, its seat's mean gain over its reservation
value, and, for the deals, the mean distance to the Pareto frontier and to the Nash bargaining
package (under the conditions at the end). Its mean gain against each opponent is kept too.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from game.core.analysis.frontier import nash_point, pareto_frontier
from game.core.analysis.outcomes import results
from game.core.analysis.simulation import play_computer_game, run_seed
from game.core.players.style import STRATEGIES, StrategyName
from game.core.scenario.model import Scenario


@dataclass(frozen=True)
class Standing:
    """How one strategy fared over its games."""

    strategy: StrategyName
    games: int
    agreements: int
    mean_gain: float
    """Its seat's result less its reservation value, on average."""
    to_frontier: float | None
    to_nash: float | None
    """Mean distances of its deals (None: no deal)."""
    against: dict[str, float]
    """Its mean gain against each opponent strategy."""

    def as_json(self) -> dict[str, object]:
        """The JSON `simulate --tournament --json` prints for the strategy."""
        return {
            "strategy": self.strategy,
            "games": self.games,
            "agreement_rate": round(self.agreements / max(1, self.games), 4),
            "mean_gain": round(self.mean_gain, 4),
            "to_frontier": None if self.to_frontier is None else round(self.to_frontier, 4),
            "to_nash": None if self.to_nash is None else round(self.to_nash, 4),
            "against": {k: round(v, 4) for k, v in self.against.items()},
        }


Pairing = tuple[StrategyName, StrategyName, int]
"""One game of the tournament: the strategy in focus, the one in every other seat, the run."""


@dataclass(frozen=True)
class Played:
    """What the table keeps of one game: the focal seat's gain, and the deal's distances."""

    gain: float
    deal: tuple[float, float | None] | None
    """Distance to the frontier and to the Nash package (None: no deal in force at the end)."""


def pairings(runs: int, strategies: Sequence[StrategyName] = STRATEGIES) -> list[Pairing]:
    """Every game of the tournament, in the order the table sums them."""
    return [
        (focal, other, run) for focal in strategies for other in strategies for run in range(runs)
    ]


def play_pairings(
    scenario: Scenario,
    seed: int,
    games: Sequence[Pairing],
    disabled_causes: frozenset[str] = frozenset(),
) -> list[Played]:
    """These games of the tournament, each fixed by the seed and its pairing alone (so any
    share of them, played anywhere, gives the same results)."""
    ids = scenario.party_ids
    played = []
    for focal, other, run in games:
        seat = ids[run % len(ids)]
        seats = {p: (focal if p == seat else other) for p in ids}
        state = play_computer_game(
            scenario, run_seed(seed, hash_pair(focal, other, run)), disabled_causes, seats
        )
        ends = results(state)
        deal = None
        if state.trilateral is not None and state.lapsed is None:
            frontier = pareto_frontier(scenario, state.conditions)
            point = tuple(ends[p].score for p in ids)
            to_frontier = min(math.dist(point, f.scores) for f in frontier.points)
            nash = nash_point(frontier, tuple(ends[p].reservation for p in ids))
            deal = (to_frontier, math.dist(point, nash.scores) if nash else None)
        played.append(Played(ends[seat].gain, deal))
    return played


def standings(
    games: Sequence[Pairing],
    played: Sequence[Played],
    strategies: Sequence[StrategyName] = STRATEGIES,
) -> tuple[Standing, ...]:
    """The table: each strategy's games summed in the order given."""
    gains: dict[str, dict[str, list[float]]] = {s: {t: [] for t in strategies} for s in strategies}
    deals: dict[str, list[tuple[float, float | None]]] = {s: [] for s in strategies}
    for (focal, other, _), game in zip(games, played, strict=True):
        gains[focal][other].append(game.gain)
        if game.deal is not None:
            deals[focal].append(game.deal)
    table = []
    for s in strategies:
        every = [g for t in strategies for g in gains[s][t]]
        near = [d[0] for d in deals[s]]
        nash_gaps = [d[1] for d in deals[s] if d[1] is not None]
        table.append(
            Standing(
                strategy=s,
                games=len(every),
                agreements=len(deals[s]),
                mean_gain=_mean(every) or 0.0,
                to_frontier=_mean(near),
                to_nash=_mean(nash_gaps),
                against={t: _mean(gains[s][t]) or 0.0 for t in strategies},
            )
        )
    return tuple(table)


def tournament(
    scenario: Scenario,
    runs: int,
    seed: int,
    strategies: Sequence[StrategyName] = STRATEGIES,
    progress: Callable[[int, int], None] | None = None,
    disabled_causes: frozenset[str] = frozenset(),
) -> tuple[Standing, ...]:
    """Play every strategy against every other (itself included), `runs` games per pairing
    spread over the seats in turn; the same seed gives the same table."""
    games = pairings(runs, strategies)
    played: list[Played] = []
    for game in games:
        played += play_pairings(scenario, seed, [game], disabled_causes)
        if progress is not None:
            progress(len(played), len(games))
    return standings(games, played, strategies)


def hash_pair(focal: str, other: str, run: int) -> int:
    """A run number for a pairing's game, the same whatever order the pairings are played in
    (a stable function of the names, not Python's salted hash)."""
    key = f"{focal}|{other}"
    return sum(ord(c) * (i + 1) for i, c in enumerate(key)) * 1000 + run


def _mean(values: Sequence[float]) -> float | None:
    total = 0.0
    for v in values:
        total += v
    return total / len(values) if values else None
