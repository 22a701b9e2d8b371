"""Computer-only games shared out over the machine's processors (outside the pure core: it
starts processes); the summary is the same as one process would give."""

from __future__ import annotations

import contextlib
import functools
import gc
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from game.core.analysis.simulation import RunResult, Summary, play_runs, simulate, summarise
from game.core.analysis.tournament import (
    Pairing,
    Played,
    Standing,
    pairings,
    play_pairings,
    standings,
    tournament,
)
from game.core.scenario.loader import ScenarioFile, load_scenario
from game.core.scenario.model import Scenario

T = TypeVar("T")
R = TypeVar("R")

WORTH_SHARING = 200
"""Fewer games than this are played in this process: starting workers would cost more."""


BATCH_THRESHOLD = 20_000
"""Allocations between two passes of the garbage collector over young objects while a batch of
games is played (Python's default is 700)."""


@contextlib.contextmanager
def batch_collector() -> Iterator[None]:
    """The garbage collector tuned for a batch of games, then put back as it was. A game makes
    hundreds of thousands of short-lived objects, nearly none of them in cycles, and with the
    default settings the collector took about a sixth of a game, mostly walking the scenario
    and the caches again and again: what exists when the batch starts is frozen out of its
    passes, and young objects are collected less often."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], BATCH_THRESHOLD), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def jobs_default() -> int:
    """The processors this process may use (at most 8)."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        usable = os.cpu_count() or 1
    return max(1, min(8, usable))


def simulate_shared(
    source: ScenarioFile,
    runs: int,
    seed: int,
    disabled_causes: frozenset[str] = frozenset(),
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    seats: Mapping[str, str] | None = None,
) -> Summary:
    """`simulate`, with the games shared out over `jobs` processes when there are enough of
    them; each worker reads the scenario file itself."""
    scenario = source.scenario
    if jobs <= 1 or runs < WORTH_SHARING:
        with batch_collector():
            return simulate(scenario, runs, seed, disabled_causes, progress, seats)
    work = functools.partial(_play, str(source.path), seed, disabled_causes, dict(seats or {}))
    played = _shared(work, range(runs), jobs, progress)
    return summarise(scenario, seed, played, disabled_causes, seats)


def tournament_shared(
    source: ScenarioFile,
    runs: int,
    seed: int,
    disabled_causes: frozenset[str] = frozenset(),
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Standing, ...]:
    """The tournament, its games shared out over `jobs` processes when there are enough of
    them; the table is the one a single process gives (each game depends on the seed and its
    pairing alone, and the table sums them in the same order)."""
    scenario = source.scenario
    games = pairings(runs)
    if jobs <= 1 or len(games) < WORTH_SHARING:
        with batch_collector():
            return tournament(
                scenario, runs, seed, progress=progress, disabled_causes=disabled_causes
            )
    work = functools.partial(_play_pairings, str(source.path), seed, disabled_causes)
    return standings(games, _shared(work, games, jobs, progress))


def _shared(
    work: Callable[[Sequence[T]], list[R]],
    items: Sequence[T],
    jobs: int,
    progress: Callable[[int, int], None] | None,
) -> list[R]:
    """`work` done on every item by `jobs` processes, the results in the items' order. The
    items go out in small slices, in order: the progress bar moves, and no worker idles long."""
    size = max(1, len(items) // (jobs * 8))
    slices = [items[start : start + size] for start in range(0, len(items), size)]
    done: list[R] = []
    with ProcessPoolExecutor(jobs) as pool:
        for part in pool.map(work, slices):
            done += part
            if progress is not None:
                progress(len(done), len(items))
    return done


@functools.cache
def _scenario(path: str) -> Scenario:
    return load_scenario(path)


def _play(
    path: str, seed: int, disabled: frozenset[str], seats: dict[str, str], runs: Sequence[int]
) -> list[RunResult]:
    """A worker's share: the games of these runs (the scenario is read once per worker)."""
    with batch_collector():
        return play_runs(_scenario(path), seed, runs, disabled, seats)


def _play_pairings(
    path: str, seed: int, disabled: frozenset[str], games: Sequence[Pairing]
) -> list[Played]:
    """A worker's share of the tournament (the scenario is read once per worker)."""
    with batch_collector():
        return play_pairings(_scenario(path), seed, games, disabled)


def agreement_rates(scenarios: list[Scenario], runs: int, seed: int, jobs: int) -> list[float]:
    """The agreement rate of `runs` computer-only games of each scenario (as `simulate` gives
    it), the scenarios shared out over `jobs` processes (`analyze` tries dozens of variants)."""
    if jobs <= 1 or len(scenarios) < 2:
        with batch_collector():
            return [simulate(s, runs, seed).agreement_rate for s in scenarios]
    with ProcessPoolExecutor(min(jobs, len(scenarios))) as pool:
        return list(pool.map(functools.partial(_rate, runs, seed), scenarios))


def _rate(runs: int, seed: int, scenario: Scenario) -> float:
    with batch_collector():
        return simulate(scenario, runs, seed).agreement_rate
