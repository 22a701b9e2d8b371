"""`analyze SCENARIO`: the zone of agreement round by round, what binds whom, and how the
outcome answers each number an author sets, to balance a scenario in minutes."""

from __future__ import annotations

import functools


def cmd_analyze(name: str, runs: int, seed: int, jobs: int | None) -> int:
    """Print the analysis of a scenario (its id or its path). A bad file raises LoadError,
    which the command line prints as one line per problem."""
    from game.batch import agreement_rates, jobs_default
    from game.core.analysis.sensitivity import analyze, render
    from game.core.scenario.loader import find_scenario

    source = find_scenario(name)
    rates = functools.partial(
        agreement_rates, runs=runs, seed=seed, jobs=jobs if jobs is not None else jobs_default()
    )
    print(render(analyze(source.scenario, runs, seed, rates)), end="")
    return 0
