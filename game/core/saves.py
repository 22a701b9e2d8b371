"""Saved games: versioned YAML files, atomic writes, a move log that replays to the saved state."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import Field

from game.core.loader import (
    FileProblem,
    LoadError,
    load_scenario,
    read_document,
    resolve_scenario,
    validate,
)
from game.core.negotiation import (
    Accept,
    Act,
    Counter,
    Difficulty,
    IllegalMove,
    Move,
    Pass,
    Reject,
    Seat,
    State,
    Table,
    start,
    step,
)
from game.core.references import PathPart, Problem, did_you_mean
from game.core.scenario import Model, PartyId, Scenario, Slug
from game.core.yamlsafe import MAX_BYTES, Document

FORMAT_VERSION = 1
"""Version of the save file format this code writes and reads."""

Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
"""A sha256 digest in lower-case hexadecimal."""

OptionIndex = Annotated[int, Field(strict=True, ge=0)]
"""Position of an option in its issue's list of options (0 is the first)."""

# ---------------------------------------------------------------------------------------------
# The file format


class TableData(Model):
    """A package put on the table."""

    type: Literal["table"]
    """The kind of move."""

    party: PartyId
    """The party that tables the package."""

    options: list[OptionIndex]
    """The option chosen for every issue, in agenda order (0 is an issue's first option)."""

    scope: list[PartyId]
    """The parties the package would bind."""


class AcceptData(Model):
    """An acceptance of the package on the table."""

    type: Literal["accept"]
    """The kind of move."""

    party: PartyId
    """The party that accepts."""


class RejectData(Model):
    """A rejection of the package on the table."""

    type: Literal["reject"]
    """The kind of move."""

    party: PartyId
    """The party that rejects."""

    note: str = ""
    """What the party said, if anything."""


class CounterData(Model):
    """A rejection of the package on the table with another tabled in its place."""

    type: Literal["counter"]
    """The kind of move."""

    party: PartyId
    """The party that counters."""

    options: list[OptionIndex]
    """The option chosen for every issue, in agenda order (0 is an issue's first option)."""

    scope: list[PartyId]
    """The parties the counter-offer would bind."""

    note: str = ""
    """What the party said, if anything."""


class ActData(Model):
    """A diplomatic action."""

    type: Literal["act"]
    """The kind of move."""

    party: PartyId
    """The party that acts."""

    action: Slug
    """The id of the scenario's action."""

    target: Annotated[str, Field(max_length=60)] | None = None
    """The partner country or own domestic group the action is aimed at, if it takes one."""


class PassData(Model):
    """A turn ended without a move at the table."""

    type: Literal["pass"]
    """The kind of move."""

    party: PartyId
    """The party that passes."""


MoveData = Annotated[
    TableData | AcceptData | RejectData | CounterData | ActData | PassData,
    Field(discriminator="type"),
]
"""One move of the log, told apart by its `type`."""


class SaveFile(Model):
    """A saved game: how it started and every move since, with digests to check the replay."""

    format_version: Literal[1]
    """Version of the save format (1)."""

    scenario: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    """Id of the scenario played."""

    scenario_file: Annotated[str, Field(min_length=1)]
    """Path of the scenario file the game was started from."""

    scenario_digest: Sha256
    """sha256 of the scenario file's bytes when the game was saved."""

    seed: Annotated[int, Field(strict=True)]
    """The game's seed: every chance draw comes from it."""

    seats: dict[PartyId, Seat]
    """Who plays each party: 'human' or 'computer'."""

    difficulty: Difficulty
    """How hard the computer negotiators bargain."""

    disabled_causes: list[Slug]
    """Causes of events switched off for this game."""

    human: PartyId | None
    """The party the player plays; null at a hot-seat or all-computer table."""

    round: Annotated[int, Field(strict=True, ge=1)]
    """The round the game had reached, 1 for the first summit (for the list of saves)."""

    date: dt.date
    """The date of that round (for the list of saves)."""

    saved_at: dt.datetime
    """When the game was saved (ISO 8601)."""

    digest: Sha256
    """The state's digest when saved: replaying the moves must give it again."""

    moves: list[MoveData]
    """Every move since the start, in order."""


# ---------------------------------------------------------------------------------------------
# Public results


@dataclass(frozen=True)
class LoadedGame:
    """A save file read, checked and replayed to the state it was saved in."""

    state: State
    human: str | None
    path: Path
    scenario_file: Path
    """The scenario file the game was replayed on (the saved path, or where it was found)."""


@dataclass(frozen=True)
class SaveSummary:
    """What the list of saves shows of one file; read from its header only, without replay."""

    path: Path
    ok: bool
    scenario: str
    human: str | None
    round: int
    date: str
    saved_at: str
    problem: str | None
    """The first problem in words when the file cannot be read (ok is then False)."""


# ---------------------------------------------------------------------------------------------
# Moves <-> data


def move_to_data(move: Move) -> dict[str, Any]:
    """A move as the small mapping the save file holds."""
    if isinstance(move, Table):
        return {
            "type": "table",
            "party": move.party,
            "options": list(move.options),
            "scope": list(move.scope),
        }
    if isinstance(move, Counter):
        data: dict[str, Any] = {
            "type": "counter",
            "party": move.party,
            "options": list(move.options),
            "scope": list(move.scope),
        }
        if move.note:
            data["note"] = move.note
        return data
    if isinstance(move, Accept):
        return {"type": "accept", "party": move.party}
    if isinstance(move, Reject):
        data = {"type": "reject", "party": move.party}
        if move.note:
            data["note"] = move.note
        return data
    if isinstance(move, Act):
        data = {"type": "act", "party": move.party, "action": move.action}
        if move.target is not None:
            data["target"] = move.target
        return data
    if isinstance(move, Pass):
        return {"type": "pass", "party": move.party}
    raise TypeError(f"not a move: {move!r}")


def move_from_data(model: MoveData) -> Move:
    """The engine's move for a validated move of the save file."""
    if isinstance(model, TableData):
        return Table(model.party, tuple(model.options), tuple(model.scope))
    if isinstance(model, CounterData):
        return Counter(model.party, tuple(model.options), tuple(model.scope), model.note)
    if isinstance(model, AcceptData):
        return Accept(model.party)
    if isinstance(model, RejectData):
        return Reject(model.party, model.note)
    if isinstance(model, ActData):
        return Act(model.party, model.action, model.target)
    return Pass(model.party)


# ---------------------------------------------------------------------------------------------
# Writing


def save_game(
    state: State,
    folder: Path,
    name: str | None = None,
    *,
    human: str | None,
    scenario_file: Path,
) -> Path:
    """Write the game atomically into the folder (created if missing) and return the file.

    Without a name the file is `{scenario}-{human or 'table'}-round{N}.yaml`. A given name is
    reduced to letters, digits, '-' and '_' (so it cannot leave the folder), '.yaml' added; a
    name with nothing usable left falls back to the default. Raises OSError when the file
    cannot be written; an existing file of that name is then left as it was.
    """
    stem = _safe_stem(name) if name else ""
    if not stem:
        stem = _safe_stem(f"{state.scenario.id}-{human or 'table'}-round{state.round + 1}")
    return _write_save(state, Path(folder) / f"{stem}.yaml", human, Path(scenario_file))


def autosave(state: State, folder: Path, *, human: str | None, scenario_file: Path) -> Path:
    """Save to the game's one autosave file, `autosave-{scenario}-{human or 'table'}.yaml`."""
    stem = _safe_stem(f"autosave-{state.scenario.id}-{human or 'table'}")
    return _write_save(state, Path(folder) / f"{stem}.yaml", human, Path(scenario_file))


def _safe_stem(name: str) -> str:
    stem = name.strip()
    for suffix in (".yaml", ".yml"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    return re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-_")[:100]


def _write_save(state: State, path: Path, human: str | None, scenario_file: Path) -> Path:
    if human is not None and human not in state.scenario.party_ids:
        raise ValueError(f"human must be one of the parties {state.scenario.party_ids}: {human!r}")
    scenario_digest = hashlib.sha256(scenario_file.read_bytes()).hexdigest()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = _render(state, human, os.path.abspath(scenario_file), scenario_digest)
    _write_atomic(path, text.encode("utf-8"))
    return path


def _render(state: State, human: str | None, scenario_file: str, scenario_digest: str) -> str:
    """The text of a save file: a block-style header and one line per move."""
    header: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "scenario": state.scenario.id,
        "scenario_file": scenario_file,
        "scenario_digest": scenario_digest,
        "seed": state.seed,
        "seats": dict(state.seats),
        "difficulty": state.difficulty,
        "disabled_causes": sorted(state.disabled_causes),
        "human": human,
        "round": state.round + 1,
        "date": dt.date.fromisoformat(state.date),
        "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
        "digest": state.digest(),
    }
    lines = [
        "# A saved game of Perimeter. The moves replay from the start to the digest above them;",
        "# an edited move that is not legal, or that changes the game, is refused on loading.",
        _dump(header, flow=None).rstrip("\n"),
    ]
    if state.moves:
        lines.append("moves:")
        lines += ["- " + _dump(move_to_data(m), flow=True).strip() for m in state.moves]
    else:
        lines.append("moves: []")
    return "\n".join(lines) + "\n"


class _Dumper(yaml.SafeDumper):
    """Safe YAML output; text with line breaks or unprintable characters is double-quoted."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None if value.isprintable() else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def _dump(data: dict[str, Any], flow: bool | None) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        default_flow_style=flow,
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,
    )


def _write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, flush it to disk, then rename it over."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system lets a folder be opened and synced."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------------------------
# Reading


def _read(path: Path | str) -> tuple[Document, SaveFile]:
    """Parse and validate a save file (no replay), every problem positioned."""
    file = str(path)
    doc = read_document(path)
    data = doc.data
    version = data.get("format_version") if isinstance(data, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise LoadError(
            [
                _problem(
                    doc,
                    file,
                    ("format_version",),
                    f"this save was written by a newer Perimeter (save format {version}); "
                    f"this version reads format {FORMAT_VERSION}: update Perimeter to open it",
                )
            ]
        )
    return doc, validate(doc, SaveFile, file)


def _problem(doc: Document, file: str, path: tuple[PathPart, ...], message: str) -> FileProblem:
    mark = doc.mark(path, prefer_key=True)
    return FileProblem(file, mark.line, mark.column, Problem(path, message).dotted(), message)


def load_game(
    path: Path | str, scenario_loader: Callable[[str], Scenario] | None = None
) -> LoadedGame:
    """Read a save, find and check its scenario, replay every move and check the result.

    The scenario is looked for at the saved `scenario_file`, then beside the save, then by its
    id (built-in or ./scenarios); the first whose bytes match `scenario_digest` is loaded with
    `scenario_loader` (which is given its path; default: the scenario loader). Every problem is
    raised as a LoadError positioned in the save file.
    """
    file = str(path)
    doc, save = _read(path)
    scenario_path = _find_scenario(doc, file, save, Path(path))
    loader = scenario_loader or (lambda name: load_scenario(resolve_scenario(name)))
    scenario = loader(str(scenario_path))
    if scenario.id != save.scenario:
        raise LoadError(
            [
                _problem(
                    doc,
                    file,
                    ("scenario",),
                    f"the scenario file {scenario_path} holds scenario {scenario.id!r}, "
                    f"not {save.scenario!r}",
                )
            ]
        )
    _check_header(doc, file, save, scenario)
    state = _replay(doc, file, save, scenario)
    if state.digest() != save.digest:
        raise LoadError(
            [
                _problem(
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
            _problem(
                doc, file, ("round",), f"the moves reach round {state.round + 1}, not {save.round}"
            )
        )
    if save.date.isoformat() != state.date:
        problems.append(
            _problem(doc, file, ("date",), f"the moves reach {state.date}, not {save.date}")
        )
    if problems:
        raise LoadError(problems)
    return LoadedGame(state, save.human, Path(path), scenario_path)


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
                _problem(
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
            _problem(
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
    """Seats, player and switched-off causes against the scenario, every problem at once."""
    parties = scenario.party_ids
    problems = []
    for party in save.seats:
        if party not in parties:
            problems.append(
                _problem(
                    doc,
                    file,
                    ("seats", party),
                    f"unknown party {party!r}; {did_you_mean(party, parties)}",
                )
            )
    missing = [p for p in parties if p not in save.seats]
    if missing:
        problems.append(
            _problem(
                doc,
                file,
                ("seats",),
                f"every party needs a seat; missing {', '.join(missing)}",
            )
        )
    if save.human is not None and save.human not in parties:
        problems.append(
            _problem(
                doc,
                file,
                ("human",),
                f"unknown party {save.human!r}; {did_you_mean(save.human, parties)}",
            )
        )
    causes = {e.cause for e in scenario.events if e.cause}
    for i, cause in enumerate(save.disabled_causes):
        if cause not in causes:
            problems.append(
                _problem(
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
            [_problem(doc, file, ("seats",), f"cannot start the game: {err}")]
        ) from None
    for n, data in enumerate(save.moves):
        problems = _move_problems(doc, file, n, data, scenario)
        if problems:
            raise LoadError(problems)
        move = move_from_data(data)
        try:
            state = step(state, move)
        except IllegalMove as err:
            raise LoadError(
                [_problem(doc, file, ("moves", n), f"not a legal move ({_where(state)}): {err}")]
            ) from None
        except _ENGINE_ERRORS as err:
            raise LoadError(
                [
                    _problem(
                        doc,
                        file,
                        ("moves", n),
                        f"the move cannot be replayed ({_where(state)}): "
                        f"{type(err).__name__}: {err}",
                    )
                ]
            ) from None
    return state


def _where(state: State) -> str:
    if state.finished:
        return "after the end of the game"
    return f"round {state.round + 1}, {state.date}, {state.to_move} to move"


def _move_problems(
    doc: Document, file: str, n: int, data: MoveData, scenario: Scenario
) -> list[FileProblem]:
    """Names and indexes in a move that the scenario does not know."""
    parties = scenario.party_ids
    at: tuple[PathPart, ...] = ("moves", n)
    problems = []
    if data.party not in parties:
        problems.append(
            _problem(
                doc,
                file,
                (*at, "party"),
                f"unknown party {data.party!r}; {did_you_mean(data.party, parties)}",
            )
        )
    if isinstance(data, TableData | CounterData):
        for i, party in enumerate(data.scope):
            if party not in parties:
                problems.append(
                    _problem(
                        doc,
                        file,
                        (*at, "scope", i),
                        f"unknown party {party!r}; {did_you_mean(party, parties)}",
                    )
                )
        issues = scenario.issues
        if len(data.options) != len(issues):
            problems.append(
                _problem(
                    doc,
                    file,
                    (*at, "options"),
                    f"the package must choose an option for each of the {len(issues)} issues; "
                    f"it has {len(data.options)}",
                )
            )
        for i, (issue, k) in enumerate(zip(issues, data.options, strict=False)):
            if k >= len(issue.options):
                problems.append(
                    _problem(
                        doc,
                        file,
                        (*at, "options", i),
                        f"issue {issue.id!r} has options 0 to {len(issue.options) - 1}; got {k}",
                    )
                )
    if isinstance(data, ActData):
        actions = [a.id for a in scenario.actions]
        if data.action not in actions:
            problems.append(
                _problem(
                    doc,
                    file,
                    (*at, "action"),
                    f"unknown action {data.action!r}; {did_you_mean(data.action, actions)}",
                )
            )
    return problems


# ---------------------------------------------------------------------------------------------
# Listing


def list_saves(folder: Path) -> list[SaveSummary]:
    """Every *.yaml in the folder, newest first; a file that cannot be read is listed with ok
    False and its first problem, and never stops the others from being listed."""
    try:
        files = [p for p in Path(folder).glob("*.yaml") if p.is_file()]
    except OSError:
        return []
    keyed = [_summary(p) for p in files]
    keyed.sort(key=lambda item: (item[0], item[1].path.name), reverse=True)
    return [summary for _, summary in keyed]


def _summary(path: Path) -> tuple[float, SaveSummary]:
    """A file's summary and the time it sorts by (saved_at, or else its modification time)."""
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = 0.0
    try:
        _, save = _read(path)
    except LoadError as err:
        first = err.problems[0]
        where = f"line {first.line}: " if first.line else ""
        return mtime, SaveSummary(
            path=path,
            ok=False,
            scenario="",
            human=None,
            round=0,
            date="",
            saved_at="",
            problem=f"{where}{first.path}: {first.message}",
        )
    saved_at = save.saved_at
    if saved_at.tzinfo is None:
        saved_at = saved_at.replace(tzinfo=dt.UTC)
    return saved_at.timestamp(), SaveSummary(
        path=path,
        ok=True,
        scenario=save.scenario,
        human=save.human,
        round=save.round,
        date=save.date.isoformat(),
        saved_at=save.saved_at.isoformat(timespec="seconds"),
        problem=None,
    )


__all__ = [
    "FORMAT_VERSION",
    "LoadedGame",
    "MoveData",
    "SaveFile",
    "SaveSummary",
    "autosave",
    "list_saves",
    "load_game",
    "move_from_data",
    "move_to_data",
    "save_game",
]
