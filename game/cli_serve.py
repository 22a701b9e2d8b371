"""`serve`: one class game in several browsers, and `join STORE`, what each browser runs."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import socket
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.core.engine.difficulty import DIFFICULTIES
from game.core.scenario.default import DEFAULT_SCENARIO
from game.exit_codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:
    from game.core.classroom import ClassGame


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `serve` and `join` subcommands."""
    serve = sub.add_parser("serve", help="one class game in several browsers (textual-serve)")
    serve.add_argument(
        "scenario", nargs="?", help=f"built-in id or path (default: {DEFAULT_SCENARIO})"
    )
    serve.add_argument("--seed", type=int, help="seed for a repeatable game (default: random)")
    serve.add_argument(
        "--humans",
        metavar="P,P,...",
        help="the countries teams play, comma-separated (default: every country); the "
        "computer plays the others",
    )
    serve.add_argument(
        "--difficulty",
        choices=DIFFICULTIES,
        default="normal",
        help="how long the computer's seats hold out",
    )
    serve.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="CAUSE",
        help="switch off the events of a cause (e.g. leader_change); repeatable",
    )
    serve.add_argument(
        "--store",
        metavar="FILE",
        help="the class game's file (default: saves/class-SCENARIO-TIME.sqlite); an existing "
        "one is continued",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8000, help="port to listen on (8000)")
    serve.add_argument(
        "--public",
        action="store_true",
        help="allow a --host other computers can reach (anyone on the network can open the page)",
    )
    join = sub.add_parser("join", help="join a class game in this terminal (serve runs it)")
    join.add_argument("store", metavar="STORE", help="the class game's file")


def _port(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError("must be between 1 and 65535")
    return value


def cmd_serve(args: argparse.Namespace) -> int:
    """Create the class game (or continue the one in --store), print the address and the join
    codes, and serve the game to browsers until Ctrl+C."""
    from game.serve_web import is_loopback

    if not is_loopback(args.host) and not args.public:
        print(
            f"error: --host {args.host} is not this computer's own address: anyone on the "
            "network could open the game; add --public to mean it",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.store is not None and Path(args.store).exists():
        game = _resume(args)
    else:
        made = _create(args)
        if isinstance(made, int):
            return made
        game = made
    store = game.store.path.absolute()
    problem = _port_problem(args.host, args.port)
    if problem is not None:
        game.close()
        print(f"error: cannot listen on {args.host}:{args.port}: {problem}", file=sys.stderr)
        return EXIT_PROBLEMS
    banner = banner_text(game, args.host, args.port, elsewhere=not is_loopback(args.host))
    game.close()
    return _serve(store, args.host, args.port, banner, args.public)


def _resume(args: argparse.Namespace) -> ClassGame:
    from game.core.classroom import ClassGame

    game = ClassGame.open_as_instructor(args.store)
    if game.note is not None:
        print(f"{args.store}: note: {game.note}", file=sys.stderr)
    given = [
        flag
        for flag, value in (
            ("SCENARIO", args.scenario),
            ("--seed", args.seed),
            ("--humans", args.humans),
            ("--without", args.without),
        )
        if value is not None and value != []  # a --seed 0 is given too
    ]
    if given:
        print(
            f"note: continuing the class game in {args.store}; {', '.join(given)} "
            "are those it was started with",
            file=sys.stderr,
        )
    return game


def _create(args: argparse.Namespace) -> ClassGame | int:
    """A new class game as the command line asks, or the exit code of a usage error."""
    from game.cli import countries
    from game.cli_simulate import unknown_cause
    from game.core.classroom import ClassGame
    from game.core.scenario.loader import find_scenario
    from game.seeds import random_seed

    source = find_scenario(args.scenario or DEFAULT_SCENARIO)
    scenario = source.scenario
    teams = list(scenario.party_ids)
    if args.humans is not None:
        codes, problem = countries("--humans", args.humans, scenario)
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_USAGE
        teams = list(codes)
    problem = unknown_cause(scenario, args.without)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    seed = args.seed if args.seed is not None else random_seed()
    stamp = f"{dt.datetime.now():%Y%m%d-%H%M%S}"
    store = Path(args.store or Path("saves") / f"class-{scenario.id}-{stamp}.sqlite")
    try:
        return ClassGame.create(
            store,
            source,
            seed,
            teams,
            difficulty=args.difficulty,
            disabled_causes=args.without,
        )
    except OSError as err:
        print(f"error: cannot write {store}: {err.strerror or err}", file=sys.stderr)
        return EXIT_PROBLEMS


def _port_problem(host: str, port: int) -> str | None:
    """Why the server could not listen there (taken, or not an address here), or None."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.create_server((host, port), family=family):
            return None
    except OSError as err:
        return err.strerror or str(err)


def banner_text(game: ClassGame, host: str, port: int, elsewhere: bool) -> str:
    """The address, each team's join code and the instructor's, and a warning when other
    computers can reach the page."""
    from game.core.engine.wording import counted

    header = game.store.header
    scenario = game.scenario
    shown = f"[{host}]" if ":" in host else host
    if elsewhere:
        where = f"http://<this computer's address on the network>:{port} (listening on {host})"
    else:
        where = f"http://{shown}:{port}"
    codes = game.codes()
    lines = [
        f"Perimeter class game: {scenario.title} ({scenario.id}), seed {header.seed}, "
        f"{header.difficulty}",
        f"  kept in {game.store.path}: `serve --store {game.store.path}` continues it",
        f"  round {game.state.round + 1}, {counted(len(game.state.moves), 'move')} so far",
        "",
        f"Open {where} in each team's browser.",
        "Join codes (give each team its own):",
    ]
    lines += [f"  {p}  {scenario.party(p).name:<24} {codes[p]}" for p in game.teams]
    lines += [f"  instructor (every country's numbers, pause, clock)  {codes['instructor']}", ""]
    if elsewhere:
        lines.append(
            "warning: --public: anyone who can reach this computer on the network can open "
            "the page; only a join code opens a seat"
        )
    lines.append("Ctrl+C stops the server; the game stays in its file.")
    return "\n".join(lines)


def _serve(store: Path, host: str, port: int, banner: str, public: bool) -> int:
    from game.serve_web import ClassServer

    parts = [sys.executable, "-m", "game.cli", "join", str(store)]
    # textual-serve hands the command to the system's shell.
    command = subprocess.list2cmdline(parts) if os.name == "nt" else shlex.join(parts)
    server = ClassServer(command, host, port, banner, public)
    try:
        server.serve()
    except OSError as err:
        print(f"error: cannot listen on {host}:{port}: {err.strerror or err}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"\nThe class game is in {store}: serve --store {store} continues it.")
    return EXIT_OK


def cmd_join(store: str) -> int:
    """The game in this terminal (or, run by `serve`, in one browser): the join screen of the
    class game in STORE. A file that is not one is named in one line."""
    from game.cli import ran
    from game.core.saves.shared import SharedStore
    from game.ui.app import make_app

    SharedStore.open(store).close()
    app = make_app(saves_dir=Path("saves"))
    app.class_store = Path(store)
    return ran(app)
