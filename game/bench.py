"""Benchmarks of the README's speed bars, and with --forecast the partner forecast's hit rate."""

from __future__ import annotations

import argparse
import math
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from game.core.engine.conditions import Conditions
from game.core.engine.scoring import Scorer, scorer
from game.core.scenario.errors import LoadError
from game.core.scenario.loader import load_scenario, resolve_scenario
from game.core.scenario.model import Scenario
from game.core.scenario.yamlsafe import MAX_BYTES, MAX_NODES
from game.memory import settle


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
        package = next(cycle)
        for party in scenario.party_ids:
            table.total(party, package)

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


def generated_scenario(
    issues: int = 20, options: int = 6, parties: int = 5, seed: int = 1
) -> Scenario:
    """A random scenario of the size the README's computer-move bar names."""
    r = random.Random(seed)
    ids = [f"P{chr(65 + i)}" for i in range(parties)]
    threats = [f"t{i}" for i in range(6)]
    tags = [f"tag{i}" for i in range(8)]
    data = {
        "id": "generated",
        "title": "Generated benchmark scenario",
        "summary": "Random numbers, for timing only.",
        "start": "2005-01-01",
        "deadline": "2009-12-31",
        "tags": {t: t for t in tags},
        "threats": [
            {"id": t, "name": t, "kind": r.choice(["hard", "soft"]), "source": "x"} for t in threats
        ],
        "parties": [
            {
                "id": p,
                "name": p,
                "briefing": "",
                "priorities": {t: {"weight": r.uniform(0, 100), "source": "x"} for t in threats},
                "ratification_threshold": 40,
                "reservation": {"description": "", "source": "x"},
            }
            for p in ids
        ],
        "issues": [
            {
                "id": f"i{i}",
                "name": f"Issue {i}",
                "source": "x",
                "options": [{"id": "sq", "label": "status quo", "status_quo": True, "source": "x"}]
                + [
                    {
                        "id": f"o{k}",
                        "label": f"Option {k}",
                        "addresses": {t: r.random() * 0.5 for t in r.sample(threats, 2)},
                        "binds": r.choice([[], r.sample(ids, 2)]),
                        "tags": r.sample(tags, 1),
                        "source": "x",
                    }
                    for k in range(1, options)
                ],
            }
            for i in range(issues)
        ],
        "principles": [
            {
                "id": f"pr_{p.lower()}",
                "party": p,
                "name": "principle",
                "tags": [r.choice(tags)],
                "penalty": 5,
                "source": "x",
            }
            for p in ids
        ],
        "domestic_groups": [
            {
                "id": f"g{p.lower()}",
                "party": p,
                "name": "group",
                "weight": 1,
                "approval": 60,
                "stances": [{"tag": r.choice(tags), "delta": -10, "source": "x"}],
                "source": "x",
            }
            for p in ids
        ],
        "dyads": [
            {"parties": [a, b], "trust": r.uniform(30, 65), "source": "x"}
            for n, a in enumerate(ids)
            for b in ids[n + 1 :]
        ],
        "rounds": [
            {"date": f"{2005 + n // 2}-{3 + 6 * (n % 2):02d}-01", "name": f"Round {n + 1}"}
            for n in range(9)
        ],
        "actions": [
            {
                "id": "build",
                "name": "Build trust",
                "kind": "confidence_building",
                "effects": [{"kind": "trust", "delta": 4}],
                "source": "x",
            },
        ],
    }
    return Scenario.model_validate(data)


def bench_computer_moves(scenario: Scenario, games: int) -> tuple[float, float]:
    """Median and slowest computer move over whole games (caches start cold)."""
    from game.bench_agendas import play

    times = [t for seed in range(games) for t in play(scenario, seed)[1]]
    return statistics.median(times), max(times)


def bench_whole_game(scenario: Scenario, games: int = 40, batches: int = 5) -> float:
    """Seconds per whole computer-only game, one process: the best of `batches` batches of
    `games` games each (the caches warmed by a first batch; the best, as the machine is
    shared and other work only ever adds time)."""
    from game.core.analysis.simulation import play_runs

    play_runs(scenario, 1, range(games))
    best = math.inf
    for batch in range(1, batches + 1):
        began = time.perf_counter()
        play_runs(scenario, 1, range(batch * games, (batch + 1) * games))
        best = min(best, (time.perf_counter() - began) / games)
    return best


def bench_game_split(scenario: Scenario, games: int = 40) -> tuple[float, float]:
    """Seconds per computer-only game spent in the engine (what each party may do, with the
    scorer it needs, and each step) and in the computers' choices of move, timed move by move
    over games as `play_runs` plays them: the engine's part is the floor that no change to
    the computers can lower."""
    from game.core.analysis.simulation import run_seed
    from game.core.engine.legal import legal_moves
    from game.core.engine.mechanism import start, step
    from game.core.players.negotiator import choose_move, seat_negotiator

    seats = {p: seat_negotiator(scenario, p) for p in scenario.party_ids}
    engine = choosing = 0.0
    clock = time.perf_counter
    for run in range(games):
        state = start(scenario, run_seed(1, 10_000 + run))
        while not state.finished:
            party = state.to_move
            assert party is not None
            began = clock()
            legal_moves(state, party)
            asked = clock()
            move = choose_move(state, party, seats[party])
            chosen = clock()
            state = step(state, move)
            engine += (asked - began) + (clock() - chosen)
            choosing += chosen - asked
    return engine / games, choosing / games


def bench_engine(scenario: Scenario) -> list[tuple[str, float, str]]:
    """Computer moves, a thousand computer-only games, a short tournament in one process and
    shared, and the debrief's frontier."""
    from game.batch import jobs_default, simulate_shared, tournament_shared
    from game.core.analysis.frontier import pareto_frontier
    from game.core.analysis.zone_timeline import zone_timeline
    from game.core.engine.wording import counted
    from game.core.scenario.loader import find_scenario

    rows = []
    median, worst = bench_computer_moves(scenario, 20)
    rows += [
        (f"computer move on {scenario.id}, median", median, ""),
        (f"computer move on {scenario.id}, slowest", worst, "< 50 ms"),
    ]
    rows.append(
        (f"whole computer-only game on {scenario.id}", bench_whole_game(scenario), "< 5 ms")
    )
    # A long session, as the game runs one: a warm process, memory settled as a game starts.
    settle()
    rows.append(
        (
            f"computer move on {scenario.id}, slowest after 240 games (memory settled)",
            max(bench_computer_moves(scenario, 120)[1], bench_computer_moves(scenario, 120)[1]),
            "< 50 ms",
        )
    )
    engine, choosing = bench_game_split(scenario)
    rows += [
        ("  of which the engine: legal moves and steps (the floor)", engine, ""),
        ("  of which the computers' choices of move", choosing, ""),
    ]
    big = generated_scenario()
    median, worst = bench_computer_moves(big, 3)
    rows += [
        ("computer move, 20 issues x 6 options x 5 parties, median", median, ""),
        ("computer move, 20 issues x 6 options x 5 parties, slowest", worst, "< 200 ms"),
    ]
    began = time.perf_counter()
    # As `simulate --jobs 1` plays them (the garbage collector tuned for a batch).
    simulate_shared(find_scenario(scenario.id), 1000, 1, jobs=1)
    one = time.perf_counter() - began
    rows.append((f"simulate {scenario.id} --runs 1000, in one process", one, ""))
    jobs = jobs_default()
    began = time.perf_counter()
    simulate_shared(find_scenario(scenario.id), 1000, 1, jobs=jobs)
    shared = time.perf_counter() - began
    rows.append((f"simulate {scenario.id} --runs 1000 ({jobs} processes)", shared, "< 3 s"))
    for share in (1, jobs):
        began = time.perf_counter()
        tournament_shared(find_scenario(scenario.id), 10, 1, jobs=share)
        rows.append(
            (
                f"simulate {scenario.id} --tournament --runs 10 (640 games, "
                f"{counted(share, 'process', 'processes')})",
                time.perf_counter() - began,
                "",
            )
        )
    began = time.perf_counter()
    zone_timeline(scenario, 1)
    rows.append(
        (f"zone of agreement of {scenario.id}, all rounds", time.perf_counter() - began, "")
    )
    began = time.perf_counter()
    frontier = pareto_frontier(scenario, Conditions.initial(scenario))
    rows.append(
        (
            f"Pareto frontier of {scenario.id} ({len(frontier.points)} points, "
            f"{'exact' if frontier.exact else 'approximate'})",
            time.perf_counter() - began,
            "",
        )
    )
    return rows


_STARTUP = """
import sys, time
began = time.perf_counter()
from textual.app import App
{make}
async def ready(pilot):
    await pilot.pause()
    print(time.perf_counter() - began)
    pilot.app.exit()
app.run(headless=True, size=(80, 24), auto_pilot=ready)
"""


def _startup(make: str, runs: int = 5) -> float:
    """Median seconds from interpreter start to the first screen drawn (headless), per process."""
    import subprocess
    import sys

    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", _STARTUP.format(make=make)], check=True, capture_output=True
        )
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def bench_ui(scenario: Scenario, rng: random.Random) -> list[tuple[str, float, str]]:
    """The app's start-up against an empty Textual app's, and the table's engine work per change."""
    from game.core.game import Game
    from game.ui import render

    empty = _startup("app = App()")
    # The same path as `python main.py`: the command line module, then the app.
    ours = _startup(
        "from game.cli import build_parser\nfrom game.ui.app import make_app\napp = make_app()"
    )
    human = scenario.party_ids[1]
    view = Game.new(scenario, 1, [human]).view(human)
    drafts = [tuple(rng.randrange(len(i.options)) for i in scenario.issues) for _ in range(100)]
    cycle = iter(drafts * 1000)

    def panel_work() -> None:
        # What the table screen computes after each key press: every panel's content.
        draft = next(cycle)
        s = view.score(draft)
        render.score(s, view.needed())
        render.partners(
            scenario, [view.estimate(p, draft) for p in scenario.party_ids if p != human]
        )
        render.home(scenario, s)
        render.trust(view)
        render.agenda(scenario, draft, 0, 41, None)

    return [
        ("start-up to first screen: empty Textual app", empty, ""),
        ("start-up to first screen: Perimeter title", ours, f"< {1.5 * empty:.2f} s (1.5x)"),
        ("table screen engine work after a change", _per_call(panel_work, 200), "< 16 ms"),
    ]


def main(argv: list[str] | None = None) -> int:
    """Print every measurement with the bar it is held to."""
    parser = argparse.ArgumentParser(prog="python -m game.bench", description=__doc__)
    parser.add_argument("--scenario", default="spp-2005")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="skip the engine benchmarks")
    parser.add_argument(
        "--forecast",
        action="store_true",
        help="instead of timings: how often the partner forecast came true in computer games",
    )
    parser.add_argument(
        "--quality",
        action="store_true",
        help="instead of timings: what naive players earn against the counterparts, whether "
        "deals that exist get made, how near the frontier they lie",
    )
    parser.add_argument(
        "--agendas",
        action="store_true",
        help="instead of timings on the scenario: the frontier, agreements and the side-by-"
        "side on generated agendas",
    )
    parser.add_argument(
        "--runs", type=int, default=300, help="games per difficulty (--forecast, --quality)"
    )
    args = parser.parse_args(argv)
    path = resolve_scenario(args.scenario)
    scenario = load_scenario(path)
    if args.forecast:
        from game.bench_quality import forecast_report

        print("\n".join(forecast_report(scenario, args.runs, args.seed)))
        return 0
    if args.quality:
        from game.bench_quality import quality_report

        print("\n".join(quality_report(scenario, args.runs, args.seed)))
        return 0
    if args.agendas:
        from game.bench_agendas import (
            agreement_rows,
            frontier_rows,
            parties_rows,
            side_by_side_rows,
        )

        print("\n".join(frontier_rows() + agreement_rows() + parties_rows() + side_by_side_rows()))
        return 0
    rows = bench_scoring(scenario, random.Random(args.seed)) + bench_loader(path)
    if not args.quick:
        rows += bench_engine(scenario)
        rows += bench_ui(scenario, random.Random(args.seed))
    width = max(len(r[0]) for r in rows)
    print(f"Perimeter benchmarks on {scenario.id} (median of 7 batches)")
    for name, seconds, bar in rows:
        if seconds < 1e-3:
            shown = f"{seconds * 1e6:9.1f} µs"
        elif seconds < 1:
            shown = f"{seconds * 1e3:9.1f} ms"
        else:
            shown = f"{seconds:9.2f} s "
        print(f"  {name:<{width}}  {shown}  {bar}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
