"""Writing saves atomically, and listing a folder of them without replaying any."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from game.core.engine.moves import dump_move, load_move
from game.core.engine.state import State
from game.core.saves.format import FORMAT_VERSION, SavedDraft, read_save
from game.core.scenario.errors import LoadError
from game.core.scenario.loader import ScenarioFile


@dataclass(frozen=True)
class SaveSummary:
    """What the list of saves shows of one file; read from its header only, without replay."""

    path: Path
    ok: bool
    scenario: str
    humans: tuple[str, ...]
    round: int
    date: str
    saved_at: str
    problem: str | None
    """The first problem in words when the file cannot be read (ok is then False)."""
    finished: bool = False
    """Whether the game was over when it was saved."""


class SaveFailed(OSError):
    """A save that could not be written: the file it was for (the system's own error may name
    a temporary file or the folder instead), why, and what to do about it."""

    def __init__(self, path: Path, cause: OSError) -> None:
        folder = path.parent
        not_a_folder = cause.errno in (errno.ENOTDIR, errno.EEXIST) or (
            folder.exists() and not folder.is_dir()
        )
        why = f"{folder} is a file, not a folder" if not_a_folder else cause.strerror or str(cause)
        super().__init__(cause.errno, why, str(path))
        self.path = path
        """The save file that could not be written."""
        if cause.errno == errno.ENOSPC:
            self.advice = f"Free some space on the disk that holds {folder}/, then save again."
        elif not_a_folder:
            self.advice = f"Rename or move that file, so that {folder}/ can be made."
        else:
            self.advice = f"Make {folder}/ a folder you can write to, then save again."
        """What to do about it, in a sentence naming the folder."""

    def __str__(self) -> str:
        return f"cannot write {self.path}: {self.strerror}"


def humans_of(state: State) -> tuple[str, ...]:
    """The parties people play in a game, in party order."""
    return tuple(p for p, seat in state.seats if seat == "human")


def game_name(state: State, started: dt.datetime | None) -> str:
    """What names one game's files: scenario, the people's parties (or 'table'), when it was
    started and its seed, e.g. `spp-2005-MX-20261128-041302-seed42`."""
    who = "-".join(humans_of(state)) or "table"
    stamp = f"-{started:%Y%m%d-%H%M%S}" if started is not None else ""
    return f"{state.scenario.id}-{who}{stamp}-seed{state.seed}"


def save_game(
    state: State,
    folder: Path,
    name: str | None = None,
    *,
    source: ScenarioFile,
    started: dt.datetime | None = None,
    draft: SavedDraft | None = None,
) -> Path:
    """Write the game atomically into the folder (created if missing) and return the file,
    with the `draft` at the table, if any.

    Without a name the file is `{game name}-round{N}.yaml` (see `game_name`). A given name is
    reduced to letters, digits, '-' and '_' (so it cannot leave the folder), '.yaml' added; a
    name with nothing usable left falls back to the default. Raises SaveFailed (an OSError
    naming the file) when it cannot be written; an existing file of that name is then left as
    it was.
    """
    stem = _safe_stem(name) if name else ""
    if not stem:
        stem = _safe_stem(f"{game_name(state, started)}-round{state.round + 1}")
    return _write_save(state, Path(folder) / f"{stem}.yaml", source, started, draft)


def autosave(
    state: State, folder: Path, *, source: ScenarioFile, started: dt.datetime | None = None
) -> Path:
    """Save to the game's one autosave file (see `autosave_path`); raises SaveFailed."""
    return _write_save(state, autosave_path(state, folder, started), source, started)


def autosave_path(state: State, folder: Path, started: dt.datetime | None) -> Path:
    """The game's one autosave file, `autosave-{game name}.yaml`: one per game, so a second
    game as the same country does not overwrite the first."""
    return Path(folder) / f"{_safe_stem(f'autosave-{game_name(state, started)}')}.yaml"


def holds_more(path: Path, state: State) -> bool:
    """Whether writing the game in `state` over the file at `path` would lose part of a game:
    the file is there and is not a save of this game whose moves begin this game's moves (it
    is a later or finished save of it, another game continued from the same save, or a file
    that cannot be read as a save, which may be all that is left of one)."""
    if not path.exists():
        return False
    try:
        _, save = read_save(path)
        moves = [load_move(m) for m in save.moves]
    except (LoadError, OSError, ValueError):  # pydantic's ValidationError is a ValueError
        return True
    setup = (save.scenario, save.seed, save.seats, save.difficulty, set(save.disabled_causes))
    ours = (state.scenario.id, state.seed, dict(state.seats), state.difficulty)
    same_game = setup == (*ours, set(state.disabled_causes))
    return not same_game or list(state.moves[: len(moves)]) != moves


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (False when either is missing)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _safe_stem(name: str) -> str:
    stem = name.strip()
    for suffix in (".yaml", ".yml"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    return re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-_")[:100]


def _write_save(
    state: State,
    path: Path,
    source: ScenarioFile,
    started: dt.datetime | None,
    draft: SavedDraft | None = None,
) -> Path:
    if source.scenario.id != state.scenario.id:
        raise ValueError(
            f"the game is of {state.scenario.id!r}, the file of {source.scenario.id!r}"
        )
    text = render(state, source, started, draft).encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(path.parent)
        write_atomic(path, text)
    except OSError as err:
        raise SaveFailed(path, err) from err
    return path


def render(
    state: State,
    source: ScenarioFile,
    started: dt.datetime | None = None,
    draft: SavedDraft | None = None,
) -> str:
    """The text of a save file: a block-style header, the draft at the table (one line, if
    any) and one line per move."""
    header: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "scenario": state.scenario.id,
        "scenario_file": os.path.abspath(source.path),
        "scenario_digest": source.digest,
        "seed": state.seed,
        "seats": dict(state.seats),
        "difficulty": state.difficulty,
        "disabled_causes": sorted(state.disabled_causes),
        "round": state.round + 1,
        "date": dt.date.fromisoformat(state.date),
        "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
        "digest": state.digest(),
        "finished": state.finished,
    }
    if started is not None:
        header["started_at"] = started.isoformat(timespec="seconds")
    lines = [
        "# A saved game of Perimeter. The moves replay from the start to the digest above them;",
        "# an edited move that is not legal, or that changes the game, is refused on loading.",
        _dump(header, flow=None).rstrip("\n"),
    ]
    if draft is not None:
        lines.append("draft: " + _dump(draft.model_dump(), flow=True).strip())
    if state.moves:
        lines.append("moves:")
        lines += ["- " + _dump(dump_move(m), flow=True).strip() for m in state.moves]
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


TEMP_SUFFIX = ".tmp"
"""How the temporary file of a save in progress ends; it starts with '.' and the save's name."""

STALE_AFTER = 60.0
"""Seconds after which a save's temporary file is taken for what a killed save left behind: a
save takes milliseconds, so one in progress in another process is never that old."""

_TEMP_NAME = re.compile(r"\..+\.yaml\.[A-Za-z0-9_]+" + re.escape(TEMP_SUFFIX))
"""`.{save name}.{random}.tmp`, as `write_atomic` names them (the random part is mkstemp's)."""


DOCUMENT_MODE = 0o644
"""A written file's permissions: readable by all, writable by its owner (POSIX; Windows keeps
only the read-only bit, left clear)."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, flush it to disk, then rename it over.

    A process killed before the rename leaves the temporary file behind (hidden, and never
    listed as a save); `remove_stale_temps` deletes it once it is `STALE_AFTER` seconds old.
    """
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); a save or a debrief is a document an
        # instructor may collect from a shared folder: readable by all, as a new file would be.
        os.chmod(temp, DOCUMENT_MODE)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(path.parent)


def remove_stale_temps(folder: Path) -> int:
    """Delete the temporary files that saves killed midway left in a folder, once they are
    `STALE_AFTER` seconds old (younger ones may be a save in progress elsewhere); return how
    many went. Called whenever a game is saved or the folder listed, so they cannot pile up.
    Never raises: a file that cannot be examined or removed is left for the next time."""
    now = time.time()
    removed = 0
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except OSError:
        return 0
    for entry in entries:
        if not _TEMP_NAME.fullmatch(entry.name):
            continue
        try:
            # lstat: a symbolic link of that name is not ours, whatever it points to.
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < STALE_AFTER:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed += 1
    return removed


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


def list_saves(folder: Path) -> list[SaveSummary]:
    """Every *.yaml in the folder, newest first; a file that cannot be read is listed with ok
    False and its first problem, and never stops the others from being listed. Stale temporary
    files of killed saves are removed on the way (see `remove_stale_temps`)."""
    remove_stale_temps(Path(folder))
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
        _, save = read_save(path)
    except LoadError as err:
        first = err.problems[0]
        where = f"line {first.line}: " if first.line else ""
        return mtime, SaveSummary(
            path=path,
            ok=False,
            scenario="",
            humans=(),
            round=0,
            date="",
            saved_at="",
            problem=f"{where}{first.path + ': ' if first.path else ''}{first.message}",
        )
    saved_at = save.saved_at
    if saved_at.tzinfo is None:
        saved_at = saved_at.replace(tzinfo=dt.UTC)
    return saved_at.timestamp(), SaveSummary(
        path=path,
        ok=True,
        scenario=save.scenario,
        humans=save.humans,
        round=save.round,
        date=save.date.isoformat(),
        saved_at=save.saved_at.isoformat(timespec="seconds"),
        problem=None,
        finished=save.finished,
    )
