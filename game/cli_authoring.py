"""The authoring commands: `validate` with its teaching warnings (`--strict` makes them fail),
and `analyze`, for balancing a scenario."""

from __future__ import annotations

import functools
import sys
from collections.abc import Sequence

from game.core.engine.wording import counted
from game.core.scenario.errors import LoadError
from game.exit_codes import EXIT_OK, EXIT_PROBLEMS


def cmd_validate(files: Sequence[str], strict: bool = False) -> int:
    """Check each file; print every problem, then each valid file's teaching warnings; exit 1
    if any file has a problem (or, with `strict`, a warning)."""
    from game.core.analysis.teaching_checks import teaching_warnings
    from game.core.scenario.loader import find_scenario, read_document

    failed = warned = 0
    for name in files:
        try:
            source = find_scenario(name)
        except LoadError as err:
            failed += 1
            for problem in err.problems:
                print(problem, file=sys.stderr)
            continue
        scenario = source.scenario
        warnings = teaching_warnings(scenario)
        # Under --strict a warning fails the file: its line must not say ok.
        verdict = (
            f"valid, but {counted(len(warnings), 'teaching warning')} "
            f"{'fails' if len(warnings) == 1 else 'fail'} --strict"
            if strict and warnings
            else "ok"
        )
        print(
            f"{name}: {verdict} ({scenario.id}: "
            f"{counted(len(scenario.parties), 'party', 'parties')}, "
            f"{counted(len(scenario.issues), 'issue')}, "
            f"{counted(sum(len(i.options) for i in scenario.issues), 'option')})"
        )
        if warnings:
            warned += 1
            doc = read_document(source.path)
            for w in warnings:
                mark = doc.mark(w.path, prefer_key=True)
                where = f"{source.path}:{mark.line}:{mark.column}"
                print(f"{where}: warning: {w.describe()}", file=sys.stderr)
    if failed:
        print(
            f"{failed} of {counted(len(files), 'file')} {_have(failed)} problems", file=sys.stderr
        )
        return EXIT_PROBLEMS
    if warned and strict:
        print(
            f"{warned} of {counted(len(files), 'file')} {_have(warned)} teaching warnings "
            "(--strict)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    return EXIT_OK


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
    return EXIT_OK


def _have(n: int) -> str:
    """The verb after "n of m files": "1 of 2 files has", "2 of 2 files have"."""
    return "has" if n == 1 else "have"
