"""Loading a save: find its scenario, check the header, replay every move, check the digest."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from game.core.engine.mechanism import start, step
from game.core.engine.moves import IllegalMove, Move, move_union
from game.core.engine.state import State
from game.core.saves import legacy
from game.core.saves.format import SaveFile, problem_at, read_save
from game.core.scenario.errors import FileProblem, LoadError
from game.core.scenario.loader import ScenarioFile, open_scenario, resolve_scenario
from game.core.scenario.model import Scenario
from game.core.scenario.problems import PathPart, did_you_mean
from game.core.scenario.validation import validate
from game.core.scenario.yamlsafe import MAX_BYTES, Document


@dataclass(frozen=True)
class LoadedGame:
    """A save file read, checked and replayed to the state it was saved in."""

    state: State
    path: Path
    source: ScenarioFile
    """The scenario file the game was replayed on (the saved path, or where it was found)."""
    started: dt.datetime | None = None
    """When the game was started, if the save says."""


def load_game(path: Path | str) -> LoadedGame:
    """Read a save, find and check its scenario, replay every move and check the result.

    The scenario is looked for at the saved `scenario_file`, then beside the save, then by its
    id (built-in or ./scenarios); the first whose bytes match `scenario_digest` is used. Every
    problem is raised as a LoadError positioned in the save file.
    """
    doc, save = read_save(path)
    try:
        return _load(doc, save, Path(path))
    except LoadError as err:
        if save.format_version == 1:
            raise LoadError([legacy.in_old_names(p) for p in err.problems]) from None
        raise


def _load(doc: Document, save: SaveFile, path: Path) -> LoadedGame:
    file = str(path)
    source = open_scenario(_find_scenario(doc, file, save, path))
    scenario = source.scenario
    if scenario.id != save.scenario:
        raise LoadError(
            [
                problem_at(
                    doc,
                    file,
                    ("scenario",),
                    f"the scenario file {source.path} holds scenario {scenario.id!r}, "
                    f"not {save.scenario!r}",
                )
            ]
        )
    _check_header(doc, file, save, scenario)
    state = _replay(doc, file, save, scenario)
    digest = legacy.digest(state) if save.format_version == 1 else state.digest()
    if digest != save.digest:
        raise LoadError(
            [
                problem_at(
                    doc,
                    file,
                    ("digest",),
                    "replaying the moves does not give the saved game: the file was edited, "
                    "or saved by a version of Perimeter whose rules differ",
                )
            ]
        )
    problems = []
    if save.round != state.round + 1:
        problems.append(
            problem_at(
                doc, file, ("round",), f"the moves reach round {state.round + 1}, not {save.round}"
            )
        )
    if save.date.isoformat() != state.date:
        problems.append(
            problem_at(doc, file, ("date",), f"the moves reach {state.date}, not {save.date}")
        )
    if problems:
        raise LoadError(problems)
    return LoadedGame(state, Path(path), source, save.started_at)


def _find_scenario(doc: Document, file: str, save: SaveFile, path: Path) -> Path:
    """The first candidate scenario file whose bytes match the saved digest."""
    given = Path(save.scenario_file)
    candidates = [given]
    if not given.is_absolute():
        candidates.append(path.parent / given)
    candidates.append(path.parent / given.name)
    with contextlib.suppress(LoadError):
        candidates.append(resolve_scenario(save.scenario))
    found: list[Path] = []
    for candidate in candidates:
        digest = _file_digest(candidate)
        if digest == save.scenario_digest:
            return candidate
        if digest is not None:
            found.append(candidate)
    if found:
        raise LoadError(
            [
                problem_at(
                    doc,
                    file,
                    ("scenario_digest",),
                    f"the scenario file has changed since this game was saved ({found[0]}); "
                    "the moves may no longer mean the same: restore the scenario as it was "
                    "to continue this game",
                )
            ]
        )
    raise LoadError(
        [
            problem_at(
                doc,
                file,
                ("scenario_file",),
                f"cannot find the scenario: no file {save.scenario_file!r} and no scenario "
                f"with id {save.scenario!r}; put the scenario file beside the save",
            )
        ]
    )


def _file_digest(path: Path) -> str | None:
    """sha256 of a regular file no larger than a scenario may be, or None."""
    try:
        if not path.is_file():
            return None
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except (OSError, ValueError):  # ValueError: a path with a NUL character
        return None
    return hashlib.sha256(raw).hexdigest() if len(raw) <= MAX_BYTES else None


def _check_header(doc: Document, file: str, save: SaveFile, scenario: Scenario) -> None:
    """Seats and switched-off causes against the scenario, every problem at once."""
    parties = scenario.party_ids
    problems = []
    for party in save.seats:
        if party not in parties:
            problems.append(
                problem_at(
                    doc,
                    file,
                    ("seats", party),
                    f"unknown party {party!r}; {did_you_mean(party, parties)}",
                )
            )
    missing = [p for p in parties if p not in save.seats]
    if missing:
        problems.append(
            problem_at(
                doc,
                file,
                ("seats",),
                f"every party needs a seat; missing {', '.join(missing)}",
            )
        )
    causes = {e.cause for e in scenario.events if e.cause}
    for i, cause in enumerate(save.disabled_causes):
        if cause not in causes:
            problems.append(
                problem_at(
                    doc,
                    file,
                    ("disabled_causes", i),
                    f"no event has the cause {cause!r}; {did_you_mean(cause, causes)}",
                )
            )
    if problems:
        raise LoadError(problems)


_ENGINE_ERRORS = (IllegalMove, LookupError, ValueError, TypeError, ArithmeticError, AssertionError)
"""What the engine may raise on a hand-edited move it was never meant to see."""


def _replay(doc: Document, file: str, save: SaveFile, scenario: Scenario) -> State:
    """The state after every saved move, or a LoadError at the first move that fails."""
    try:
        state = start(
            scenario,
            save.seed,
            dict(save.seats),
            frozenset(save.disabled_causes),
            save.difficulty,
        )
    except _ENGINE_ERRORS as err:
        raise LoadError(
            [problem_at(doc, file, ("seats",), f"cannot start the game: {err}")]
        ) from None
    moves = _read_moves(doc, file, save, scenario)
    for n, move in enumerate(moves):
        try:
            state = step(state, move)
        except IllegalMove as err:
            raise LoadError(
                [problem_at(doc, file, ("moves", n), f"not a legal move ({_where(state)}): {err}")]
            ) from None
        except _ENGINE_ERRORS as err:
            raise LoadError(
                [
                    problem_at(
                        doc,
                        file,
                        ("moves", n),
                        f"the move cannot be replayed ({_where(state)}): "
                        f"{type(err).__name__}: {err}",
                    )
                ]
            ) from None
    return state


def _read_moves(doc: Document, file: str, save: SaveFile, scenario: Scenario) -> list[Move]:
    """Every saved move as the engine's move, or a LoadError with the problems of all of them."""
    moves: list[Move] = []
    problems: list[FileProblem] = []
    for n in range(len(save.moves)):
        try:
            move: Move = validate(doc, move_union(), file, at=("moves", n))
        except LoadError as err:
            problems += err.problems
            continue
        problems += _move_problems(doc, file, n, move, scenario)
        moves.append(move)
    if problems:
        raise LoadError(problems)
    return moves


def _where(state: State) -> str:
    if state.finished:
        return "after the end of the game"
    return f"round {state.round + 1}, {state.date}, {state.to_move} to move"


def _move_problems(
    doc: Document, file: str, n: int, move: Move, scenario: Scenario
) -> list[FileProblem]:
    """Names and indexes in a move that the scenario does not know."""
    parties = scenario.party_ids
    at: tuple[PathPart, ...] = ("moves", n)
    problems = []

    def unknown_party(party: str, where: tuple[PathPart, ...]) -> None:
        if party not in parties:
            message = f"unknown party {party!r}; {did_you_mean(party, parties)}"
            problems.append(problem_at(doc, file, (*at, *where), message))

    unknown_party(move.party, ("party",))
    package = getattr(move, "package", None)
    scope = getattr(move, "scope", None)
    if isinstance(scope, tuple):
        for i, party in enumerate(scope):
            unknown_party(party, ("scope", i))
    if isinstance(package, tuple):
        issues = scenario.issues
        if len(package) != len(issues):
            problems.append(
                problem_at(
                    doc,
                    file,
                    (*at, "package"),
                    f"the package must choose an option for each of the {len(issues)} issues; "
                    f"it has {len(package)}",
                )
            )
        for i, (issue, k) in enumerate(zip(issues, package, strict=False)):
            if k >= len(issue.options):
                problems.append(
                    problem_at(
                        doc,
                        file,
                        (*at, "package", i),
                        f"issue {issue.id!r} has options 0 to {len(issue.options) - 1}; got {k}",
                    )
                )
    action = getattr(move, "action", None)
    if isinstance(action, str):
        actions = [a.id for a in scenario.actions]
        if action not in actions:
            problems.append(
                problem_at(
                    doc,
                    file,
                    (*at, "action"),
                    f"unknown action {action!r}; {did_you_mean(action, actions)}",
                )
            )
    return problems
