"""Benchmarks of the speed bars in DESIGN.md; run `python -m game.bench` (or `make bench`)."""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from game.core.conditions import Conditions
from game.core.loader import LoadError, load_scenario, resolve_scenario
from game.core.scenario import Scenario
from game.core.scoring import Scorer, scorer
from game.core.yamlsafe import MAX_BYTES, MAX_NODES


def _per_call(fn: Callable[[], object], repeat: int) -> float:
    """Median seconds per call over several batches (medians resist a noisy shared machine)."""
    batches = []
    for _ in range(7):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        batches.append((time.perf_counter() - start) / repeat)
    return statistics.median(batches)


def bench_scoring(scenario: Scenario, rng: random.Random) -> list[tuple[str, float, str]]:
    """Scoring a package for all parties: full breakdown, fast totals, and a cold start."""
    packages = [tuple(rng.randrange(len(i.options)) for i in scenario.issues) for _ in range(200)]
    table = scorer(scenario)
    cycle = iter(packages * 10_000)

    def full() -> None:
        table.score_all(next(cycle))

    def fast() -> None:
        choice = next(cycle)
        for party in scenario.party_ids:
            table.total(party, choice)

    start = Conditions.initial(scenario)
    return [
        ("score a package for all parties, with breakdown", _per_call(full, 500), "< 1 ms"),
        ("score a package for all parties, totals only", _per_call(fast, 2000), "(search path)"),
        (
            "build the scorer for new conditions (after an event)",
            _per_call(lambda: Scorer(scenario, start), 50),
            "",
        ),
    ]


def _adversarial_files(folder: Path) -> dict[str, Path]:
    """Hostile inputs the loader must refuse quickly."""
    files = {
        "oversized file (1 MiB + 1)": "id: x\n" + "#" * MAX_BYTES,
        "alias bomb (9^9 values)": "a: &a ["
        + ",".join(['"lol"'] * 9)
        + "]\n"
        + "".join(
            f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]\n"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        "deep nesting (900 levels)": "a: " + "[" * 900 + "]" * 900 + "\n",
        "wide flat list (just under 1 MiB)": "a: ["
        + ",".join(["1"] * (MAX_BYTES // 2 - 10))
        + "]\n",
        f"largest parsed document ({MAX_NODES - 100} values, fails the schema)": "a: ["
        + ",".join(["1"] * (MAX_NODES - 100))
        + "]\n",
        "python tag": 'id: !!python/object/apply:os.system ["true"]\n',
        "syntax error": "id: [unclosed\n",
    }
    paths = {}
    for index, (name, text) in enumerate(files.items()):
        path = folder / f"bad{index}.yaml"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    path = folder / "latin1.yaml"
    path.write_bytes(b"id: caf\xe9\n")
    paths["non-UTF-8 bytes"] = path
    return paths


def bench_loader(scenario_path: Path) -> list[tuple[str, float, str]]:
    """Loading the built-in scenario and refusing each hostile input."""
    rows = [
        (
            "load and validate " + scenario_path.name,
            _per_call(lambda: load_scenario(scenario_path), 5),
            "",
        )
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in _adversarial_files(Path(tmp)).items():

            def refuse(path: Path = path) -> None:
                try:
                    load_scenario(path)
                except LoadError:
                    return
                raise AssertionError(f"{path} was accepted")

            rows.append((f"refuse: {name}", _per_call(refuse, 1), "< 1 s"))
    return rows


def main(argv: list[str] | None = None) -> int:
    """Print every measurement with the bar it is held to."""
    parser = argparse.ArgumentParser(prog="python -m game.bench", description=__doc__)
    parser.add_argument("--scenario", default="spp-2005")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    path = resolve_scenario(args.scenario)
    scenario = load_scenario(path)
    rows = bench_scoring(scenario, random.Random(args.seed)) + bench_loader(path)
    width = max(len(r[0]) for r in rows)
    print(f"Perimeter benchmarks on {scenario.id} (median of 7 batches)")
    for name, seconds, bar in rows:
        shown = f"{seconds * 1e6:9.1f} µs" if seconds < 1e-3 else f"{seconds * 1e3:9.1f} ms"
        print(f"  {name:<{width}}  {shown}  {bar}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
