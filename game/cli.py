"""The command line: the parser of every subcommand, and `main`, which runs one (most commands
live in the game/cli_*.py modules; the smallest, and starting the terminal game, are here)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

# The `serve` and `join` parsers (their module loads nothing heavy until a command runs).
from game.cli_serve import add_parsers as add_serve_parsers

# Only the light error type is imported up front: the engine (and pydantic) load inside each
# command, so the title screen opens as fast as Textual allows.
from game.core.engine.difficulty import DIFFICULTIES
from game.core.scenario.errors import LoadError
from game.exit_codes import EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:
    from textual.app import App

    from game.core.scenario.model import Scenario


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description="Perimeter: a negotiation game about North American security cooperation.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="play a negotiation in the terminal")
    play.add_argument("scenario", nargs="?", help="built-in id or path (default: choose on screen)")
    play.add_argument(
        "--as",
        dest="party",
        metavar="PARTY[,PARTY...]",
        help="the country you play (its code in the scenario, e.g. MX); several, comma-separated "
        "(MX,CA), for a hot seat: teams take turns at one keyboard",
    )
    play.add_argument("--seed", type=int, help="seed for a repeatable game")
    play.add_argument("--load", metavar="SAVE", help="continue a saved game")
    play.add_argument(
        "--difficulty",
        choices=DIFFICULTIES,
        default="normal",
        help="how long partners hold out",
    )
    play.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="CAUSE",
        help="play the world without the events of a cause (e.g. leader_change); repeatable",
    )

    sub.add_parser("scenarios", help="list built-in scenarios and ./scenarios/*.yaml")

    validate = sub.add_parser(
        "validate", help="check scenario files (exit 0 valid, 1 problems, 2 usage)"
    )
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument(
        "--strict", action="store_true", help="teaching warnings count as problems (exit 1)"
    )

    new = sub.add_parser("new", help="write a starting scenario (or a copy of one) to edit")
    new.add_argument("id", metavar="ID", help="the new scenario's id, e.g. revive-spp-2012")
    new.add_argument("--from", dest="template", metavar="SCENARIO", help="copy this scenario")
    new.add_argument("-o", "--output", metavar="FILE", help="default: scenarios/ID.yaml")

    analyze = sub.add_parser(
        "analyze",
        help="the zone of agreement by round, what binds whom, and how the outcome answers "
        "each number (to balance a scenario)",
    )
    analyze.add_argument("scenario", help="an id `scenarios` lists, or a path")
    analyze.add_argument("--runs", type=_positive, default=100, help="games per variant")
    analyze.add_argument("--seed", type=int, default=1)
    analyze.add_argument("--jobs", type=_positive, help="processes (default: every core)")

    sub.add_parser("schema", help="print the JSON Schema of the scenario format")

    score = sub.add_parser("score", help="score a package for every party, with the breakdown")
    score.add_argument("scenario", help="built-in id (e.g. spp-2005) or path")
    score.add_argument(
        "package",
        nargs="+",
        metavar="PACKAGE",
        help="package file(s) (YAML: options: {ISSUE: OPTION}, scope: [..])",
    )
    score.add_argument("--json", action="store_true", help="machine-readable output")

    simulate = sub.add_parser("simulate", help="play computer-only games and summarise them")
    simulate.add_argument("scenario", help="built-in id (e.g. spp-2005) or path")
    simulate.add_argument("--runs", type=_positive, default=100, help="number of games (100)")
    simulate.add_argument("--seed", type=int, default=1, help="seed of the whole batch (1)")
    simulate.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="CAUSE",
        help="switch off the events of a cause (e.g. leader_change); repeatable",
    )
    simulate.add_argument(
        "--explain",
        action="store_true",
        help="also print the zone of agreement round by round, with the events of each round, "
        "and what sank deals",
    )
    simulate.add_argument(
        "--ai",
        metavar="P=WHO,...",
        help=f"who plays each seat: a difficulty ({', '.join(DIFFICULTIES)}: the scenario's "
        "personality for the country) or a strategy (boulware, linear, conceder, tit_for_tat, "
        "modeller, omniscient, accept_first, greedy); e.g. US=hard,MX=normal,CA=boulware",
    )
    simulate.add_argument(
        "--tournament",
        action="store_true",
        help="play every strategy against every other (seats rotated; --runs games per "
        "pairing) and print a table of agreement rate, gain and distance to the frontier",
    )
    simulate.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="processes to share the games out over (default: every processor, at most 8; "
        "the output is the same)",
    )
    simulate.add_argument("--json", action="store_true", help="machine-readable output")

    report = sub.add_parser(
        "report", help="the debrief of a saved game as Markdown, for a class discussion"
    )
    report.add_argument(
        "save", metavar="SAVE", help="a saved game (saves/*.yaml) or a class game (*.sqlite)"
    )
    report.add_argument("-o", "--output", metavar="FILE.md", help="write it here, not stdout")
    report.add_argument(
        "--what-if",
        metavar="CAUSE",
        help="add simulated outcomes from the saved position with and without a cause",
    )
    report.add_argument(
        "--runs", type=_positive, default=40, help="continuations for --what-if (default 40)"
    )
    report.add_argument("--seed", type=int, default=1, help="seed of the --what-if runs")

    roll_up = sub.add_parser(
        "class",
        help="one table of many groups' saves of a scenario, next to computer-only games",
    )
    roll_up.add_argument(
        "saves",
        nargs="+",
        metavar="SAVE",
        help="saved games or class games (a folder: every *.yaml and *.sqlite in it)",
    )
    roll_up.add_argument("--csv", metavar="FILE", help="also write the table as CSV (UTF-8)")
    roll_up.add_argument(
        "--runs", type=_positive, default=200, help="computer-only games to compare with (200)"
    )
    roll_up.add_argument("--seed", type=int, default=1, help="seed of those games (1)")
    add_serve_parsers(sub)
    for command in sub.choices.values():
        # An unknown option is reported with its own command's usage (see `main`).
        command.set_defaults(command_parser=command)
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the process exit code."""
    args, unknown = build_parser().parse_known_args(argv)
    if unknown:
        # argparse would name the whole program and its usage, which lists no options.
        parser = getattr(args, "command_parser", None) or build_parser()
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        if args.command == "scenarios":
            return cmd_scenarios()
        if args.command == "validate":
            from game.cli_authoring import cmd_validate

            return cmd_validate(args.files, args.strict)
        if args.command == "new":
            from game.cli_new import cmd_new

            return cmd_new(args.id, args.template, args.output)
        if args.command == "analyze":
            from game.cli_authoring import cmd_analyze

            return cmd_analyze(args.scenario, args.runs, args.seed, args.jobs)
        if args.command == "schema":
            print(schema_text(), end="")
            return EXIT_OK
        if args.command == "score":
            from game.cli_score import cmd_score

            return cmd_score(args.scenario, args.package, as_json=args.json)
        if args.command == "simulate":
            from game.cli_simulate import cmd_simulate, cmd_tournament

            if args.tournament:
                # The tournament seats every strategy itself and prints its own table.
                ignored = [o for o, v in (("--ai", args.ai), ("--explain", args.explain)) if v]
                if ignored:
                    print(
                        f"error: {ignored[0]} does not apply to --tournament, which seats every "
                        "strategy itself and prints its own table; leave one of the two out",
                        file=sys.stderr,
                    )
                    return EXIT_USAGE
                return cmd_tournament(
                    args.scenario, args.runs, args.seed, args.without, args.json, args.jobs
                )
            return cmd_simulate(
                args.scenario,
                args.runs,
                args.seed,
                args.without,
                args.json,
                args.explain,
                args.jobs,
                args.ai,
            )
        if args.command == "play":
            return cmd_play(args)
        if args.command == "report":
            from game.cli_report import cmd_report

            return cmd_report(args.save, args.output, args.what_if, args.runs, args.seed)
        if args.command == "class":
            from game.cli_class import cmd_class

            return cmd_class(args.saves, args.csv, args.runs, args.seed)
        if args.command == "serve":
            from game.cli_serve import cmd_serve

            return cmd_serve(args)
        if args.command == "join":
            from game.cli_serve import cmd_join

            return cmd_join(args.store)
        return cmd_title()
    except LoadError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); stop quietly.
        sys.stderr.close()
        return EXIT_OK
    except Exception as err:  # an internal error: a report, never a traceback on screen
        from game.crash import report_crash

        return report_crash(err)


def ran(app: App[None]) -> int:
    """Run the terminal game; a crash inside it becomes a report and exit code 3, like any
    internal error (Textual would print a traceback). Without a terminal to draw on and read
    keys from, it says so in one line instead (exit 2)."""
    if getattr(app, "needs_terminal", False):
        problem = without_terminal()
        if problem is not None:
            print(problem, file=sys.stderr)
            return EXIT_USAGE
    app.run()
    crash = getattr(app, "crash", None)
    if crash is not None:
        from game.crash import report_crash

        return report_crash(crash)
    return EXIT_OK


def without_terminal() -> str | None:
    """Why the game cannot open here, in one line: its input or output is not a terminal (a
    file, a pipe, a script), where it would draw for no one and spin on an empty input; None
    when both are one."""
    missing = [
        name
        for name, stream in (("input", sys.stdin), ("output", sys.stdout))
        if stream is None or not stream.isatty()
    ]
    if not missing:
        return None
    which = f"its {missing[0]} is not" if len(missing) == 1 else "neither its input nor output is"
    return (
        f"error: the game needs a terminal, and {which} one: run it in a terminal window "
        "(computer-only games: python main.py simulate SCENARIO)"
    )


def cmd_title() -> int:
    """Without a command: the title screen."""
    from game.ui.app import make_app

    return ran(make_app())


def cmd_play(args: argparse.Namespace) -> int:
    """The terminal game, straight into a scenario (and a country, a seed, or a save).

    The scenario or save is read once, here, so a bad file is reported by name before the
    screen opens, and the app is handed what was read.
    """
    from pathlib import Path

    from game.core.game import Game
    from game.core.scenario.loader import find_scenario
    from game.ui.app import make_app

    saves = Path("saves")
    if args.load:
        return ran(make_app(game=Game.load(args.load, saves_dir=saves), saves_dir=saves))
    source = find_scenario(args.scenario) if args.scenario is not None else None
    parties: str | tuple[str, ...] | None = None
    if args.party is not None:
        codes, problem = countries("--as", args.party, source.scenario if source else None)
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_USAGE
        parties = codes[0] if len(codes) == 1 else codes
    if args.without:
        if source is None:
            print(
                "error: --without needs a SCENARIO, whose events it switches off", file=sys.stderr
            )
            return EXIT_USAGE
        from game.cli_simulate import unknown_cause

        problem = unknown_cause(source.scenario, args.without)
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_USAGE
    app = make_app(
        scenario=source,
        saves_dir=saves,
        seed=args.seed,
        party=parties,
        difficulty=args.difficulty,
        without=args.without,
    )
    return ran(app)


def countries(
    flag: str, text: str, scenario: Scenario | None
) -> tuple[tuple[str, ...], str | None]:
    """The country codes of a comma-separated option (`--as MX,CA`), in order and once each;
    and, when `scenario` lacks one of them or none is given, the error line naming its
    countries (None otherwise, and always without a scenario to check them against)."""
    codes = tuple(dict.fromkeys(c.strip() for c in text.split(",") if c.strip()))
    if scenario is None:
        return codes, None
    known = scenario.party_ids
    unknown = [c for c in codes if c not in known]
    if not unknown and codes:
        return codes, None
    return codes, (
        f"error: {flag} {text}: {scenario.id} has no country "
        f"{', '.join(unknown) or '(none given)'}; its countries are {', '.join(known)}"
    )


def cmd_scenarios() -> int:
    """List the built-in scenarios and those in ./scenarios."""
    from game.core.engine.wording import counted
    from game.core.scenario.loader import catalogue

    rows: list[tuple[str, str, str]] = []
    for entry in catalogue():
        where = f"{entry.kind}: {entry.path}"
        if entry.shared:
            where += f"\nwarning: {entry.shared_note()}"
        if entry.file is not None:
            rows.append((entry.file.scenario.id, entry.file.scenario.title, where))
        else:
            problems = f"(invalid: {counted(len(entry.problems), 'problem')}; run validate)"
            rows.append((entry.path.stem, problems, where))
    if not rows:
        print("No scenarios found.")
        return EXIT_OK
    width = max(len(r[0]) for r in rows)
    for ident, title, where in rows:
        print(f"{ident:<{width}}  {title}")
        for line in where.splitlines():
            print(f"{'':<{width}}  {line}")
    return EXIT_OK


def schema_text() -> str:
    """The JSON Schema of the scenario format, as committed in scenarios/scenario.schema.json."""
    from game.core.scenario.model import Scenario

    schema = Scenario.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def entry() -> None:
    """Console-script entry point."""
    raise SystemExit(main())


if __name__ == "__main__":  # pragma: no cover
    entry()
