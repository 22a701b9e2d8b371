"""`class SAVE...`: the class roll-up of many groups' saves, as Markdown and as CSV."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

# `report`'s one line for a bad save, shared so both commands word it alike.
from game.cli_report import OWN_FILE, bad_save_line, output_clash
from game.core.engine.wording import counted
from game.exit_codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:
    from game.core.analysis.simulation import Summary
    from game.core.saves.replay import LoadedGame


def cmd_class(saves: Sequence[str], csv_file: str | None, runs: int, seed: int) -> int:
    """Roll up the saves (a folder stands for every *.yaml in it) into one table, next to
    `runs` computer-only games from `seed` in each world the groups played. A save that cannot
    be read, or is of another scenario than most, gets one line on stderr and is left out; the
    others are still rolled up, and the exit code is then 1. A CSV file that is one of the
    saves, or a .yaml file, is bad usage (see `output_clash`): nothing is written, exit 2."""
    from game.batch import jobs_default, simulate_shared
    from game.cli_simulate import ProgressBar
    from game.core.analysis.cohort import Played, cohort, distinct_games, same_scenario
    from game.core.analysis.cohort_table import to_csv, to_markdown

    files, problems = _expand(saves)
    clash = output_clash(csv_file, files, "the CSV") if csv_file is not None else None
    if clash:
        print(
            f"{csv_file}: error: --csv {clash}; it takes the name right after it, so "
            f"{OWN_FILE} `class saves/*.yaml --csv class.csv`",
            file=sys.stderr,
        )
        return EXIT_USAGE
    loaded, bad = _load_all(files)
    problems += bad
    path = {name: file for file, name, _ in loaded}
    played, other = same_scenario([Played(n, g.state, g.started) for _, n, g in loaded])
    problems += [f"{path[name]}: error: {why}" for name, why in other]
    for line in problems:
        print(line, file=sys.stderr)
    for file, _, game in loaded:
        if game.note is not None:
            print(f"{file}: note: {game.note}", file=sys.stderr)
    played, repeats = distinct_games(played)
    for name, kept in repeats:
        print(
            f"{path[name]}: note: a save of the same game as {path[kept]}; counted once",
            file=sys.stderr,
        )
    if not played:
        why = ": every file named has a problem (above)" if problems else ""
        print(f"error: no saved game to roll up{why}", file=sys.stderr)
        return EXIT_PROBLEMS
    source = next(g.source for _, n, g in loaded if n == played[0].name)

    def baseline(without: frozenset[str]) -> Summary:
        bar = ProgressBar(sys.stderr)
        summary = simulate_shared(source, runs, seed, without, jobs_default(), bar.update)
        bar.close()
        return summary

    rolled = cohort(played, baseline)
    sys.stdout.write(to_markdown(rolled))
    if csv_file is not None:
        try:
            Path(csv_file).write_text(to_csv(rolled), encoding="utf-8", newline="")
        except OSError as err:
            print(
                f"{csv_file}: error: cannot write the CSV: {err.strerror or err}", file=sys.stderr
            )
            return EXIT_PROBLEMS
        print(f"Wrote the roll-up of {counted(len(played), 'game')} to {csv_file}", file=sys.stderr)
    return EXIT_PROBLEMS if problems else EXIT_OK


def _expand(saves: Sequence[str]) -> tuple[list[str], list[str]]:
    """The files named, a folder replaced by its saves (*.yaml) and class games (*.sqlite) in
    name order; and a problem line for each folder with none."""
    files: list[str] = []
    problems: list[str] = []
    for name in saves:
        path = Path(name)
        if not path.is_dir():
            files.append(name)
            continue
        found = [*path.glob("*.yaml"), *path.glob("*.sqlite")]
        inside = sorted(str(p) for p in found if p.is_file())
        if not inside:
            problems.append(
                f"{name}: error: no saved game (*.yaml) or class game (*.sqlite) in this folder"
            )
        files += inside
    return files, problems


def _load_all(files: Sequence[str]) -> tuple[list[tuple[str, str, LoadedGame]], list[str]]:
    """Each save read and replayed, with its path and its name in the table; and one line per
    bad save."""
    from game.core.classroom import load_saved
    from game.core.scenario.errors import LoadError

    # The file's name alone reads best in a table; the path as given when two names clash.
    names = [Path(f).name for f in files]
    loaded: list[tuple[str, str, LoadedGame]] = []
    problems: list[str] = []
    for file, name in zip(files, names, strict=True):
        try:
            game = load_saved(file)
        except LoadError as err:
            problems.append(bad_save_line(file, err))
            continue
        loaded.append((file, name if names.count(name) == 1 else file, game))
    return loaded, problems
