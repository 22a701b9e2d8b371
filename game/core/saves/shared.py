"""A class game kept in one SQLite file that every team's process shares: how it started, each
seat's join code, the pause, and every move in order, each in the save format's move mapping."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, ValidationError

from game.core.engine.moves import Move, dump_move, load_move
from game.core.saves.format import GameSetup
from game.core.scenario.errors import FileProblem, LoadError

FORMAT_VERSION = 1
"""Version of the class-game file layout this code writes and reads."""

INSTRUCTOR = "instructor"
"""The seat of the instructor, who sees every party's numbers and runs the clock."""

CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""Letters of a join code: no 0/O or 1/I to mistake for each other when read off a board."""

TEAM_CODE_LENGTH = 8
"""Letters of a team's code: 32**8, about a trillion codes, for three seats in a class."""

INSTRUCTOR_CODE_LENGTH = 12
"""Letters of the instructor's code, which opens every party's numbers and the clock."""

BUSY_SECONDS = 10.0
"""How long a write waits for another process's write to finish before giving up."""

_SCHEMA = """
CREATE TABLE game (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    format_version INTEGER NOT NULL,
    scenario TEXT NOT NULL,
    scenario_file TEXT NOT NULL,
    scenario_digest TEXT NOT NULL,
    seed INTEGER NOT NULL,
    difficulty TEXT NOT NULL,
    disabled_causes TEXT NOT NULL,
    seats TEXT NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE seats (
    seat TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE
);
CREATE TABLE moves (
    seq INTEGER PRIMARY KEY,
    party TEXT NOT NULL,
    move TEXT NOT NULL,
    digest TEXT NOT NULL,
    at TEXT NOT NULL
);
"""


class ClassHeader(GameSetup):
    """How a class game started (the `game` table's one row, less the pause)."""

    format_version: Annotated[int, Field(strict=True, ge=FORMAT_VERSION, le=FORMAT_VERSION)]
    """Version of the file layout."""

    created_at: dt.datetime
    """When the class game was created."""


@dataclass(frozen=True)
class StoredMove:
    """One row of the moves table: its place in the total order, the move, and the digest of
    the game's state after it."""

    seq: int
    move: Move
    digest: str


class StoreBusy(Exception):
    """The file could not be written now (another process held it too long, or the disk
    refused); the message says so in one line."""


def new_code(length: int = TEAM_CODE_LENGTH) -> str:
    """A random join code, in groups of four letters (`K7QM-2XWD`)."""
    letters = "".join(secrets.choice(CODE_LETTERS) for _ in range(length))
    return "-".join(letters[i : i + 4] for i in range(0, length, 4))


def normal_code(text: str) -> str:
    """A code as typed, reduced to its letters in capitals (dashes and spaces dropped)."""
    return "".join(c for c in text.upper() if c.isalnum())


class SharedStore:
    """One class game's file, opened by one process (each opens its own)."""

    def __init__(self, path: Path, db: sqlite3.Connection, header: ClassHeader) -> None:
        self.path = path
        self._db = db
        self.header = header

    # --- creating and opening ---------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        header: ClassHeader,
        codes: Mapping[str, str],
        moves: Sequence[tuple[Move, str]],
    ) -> SharedStore:
        """Write a new class game (its header, seats' codes and opening moves with their
        digests) to a file that does not exist yet, then open it. The file is built under a
        temporary name and renamed, so a half-written game is never found (raises
        FileExistsError when the file exists, OSError when it cannot be written)."""
        target = Path(path)
        if target.exists():
            raise FileExistsError(f"{target} exists already")
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(fd)
        try:
            db = sqlite3.connect(temp, isolation_level=None)
            try:
                # WAL lets every team's process read while one writes; it is kept in the file.
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("BEGIN IMMEDIATE")
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                data = header.model_dump(mode="json")
                db.execute(
                    "INSERT INTO game (id, format_version, scenario, scenario_file, "
                    "scenario_digest, seed, difficulty, disabled_causes, seats, created_at) "
                    "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        data["format_version"],
                        data["scenario"],
                        data["scenario_file"],
                        data["scenario_digest"],
                        data["seed"],
                        data["difficulty"],
                        json.dumps(data["disabled_causes"]),
                        json.dumps(data["seats"]),
                        data["created_at"],
                    ),
                )
                db.executemany(
                    "INSERT INTO seats (seat, code) VALUES (?, ?)",
                    [(seat, normal_code(code)) for seat, code in codes.items()],
                )
                _insert_moves(db, moves)
                db.execute("COMMIT")
            finally:
                db.close()
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        return cls.open(target)

    @classmethod
    def open(cls, path: Path | str) -> SharedStore:
        """Open an existing class game's file and read its header; anything that is not one
        raises a LoadError naming the file, in one line."""
        target = Path(path)
        if not target.is_file():
            raise problem_in(target, "file", "no class game here (serve --store FILE creates one)")
        try:
            # mode=rw: opening never creates a file where there was none.
            db = sqlite3.connect(
                f"{target.absolute().as_uri()}?mode=rw",
                uri=True,
                isolation_level=None,
                timeout=BUSY_SECONDS,
            )
        except sqlite3.Error as err:
            raise problem_in(target, "file", f"cannot open it: {err}") from None
        try:
            header = _read_header(target, db)
        except BaseException:
            db.close()
            raise
        return cls(target, db, header)

    def close(self) -> None:
        """Close this process's connection to the file."""
        self._db.close()

    # --- reading ------------------------------------------------------------------------------

    def seat_of(self, code: str) -> str | None:
        """The seat (a party, or INSTRUCTOR) whose code this is, or None. Every seat's code is
        compared in constant time, so the time taken tells nothing of how close a guess was."""
        typed = normal_code(code)
        found = None
        for seat, stored in self._query("SELECT seat, code FROM seats ORDER BY seat", "seats"):
            if secrets.compare_digest(str(stored).encode(), typed.encode()):
                found = str(seat)
        return found

    def codes(self) -> dict[str, str]:
        """Every seat's code, as `new_code` writes them (for the instructor only)."""
        rows = self._query("SELECT seat, code FROM seats", "seats")
        return {str(seat): _grouped(str(code)) for seat, code in rows}

    def paused(self) -> bool:
        """Whether the instructor has paused the game."""
        rows = self._query("SELECT paused FROM game WHERE id = 1", "game.paused")
        return bool(rows and rows[0][0])

    def moves_after(self, seq: int) -> list[StoredMove]:
        """The moves stored after position `seq`, in order (0: every move); a row that is not
        a move raises a LoadError naming it."""
        rows = self._query(
            "SELECT seq, party, move, digest FROM moves WHERE seq > ? ORDER BY seq",
            "moves",
            (seq,),
        )
        return [_stored(self.path, row) for row in rows]

    # --- writing ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction: taken at once (BEGIN IMMEDIATE), so a second process waits
        for this one and then reads what it wrote; rolled back if anything fails."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise StoreBusy(f"the class game's file is busy or cannot be written ({err})") from None
        try:
            yield
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as err:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise StoreBusy(f"the move could not be written ({err})") from None

    def append(self, moves: Sequence[tuple[Move, str]]) -> int:
        """Append moves with the digest of the state after each (inside `writing`); returns
        the position of the last."""
        try:
            _insert_moves(self._db, moves)
            last = self._db.execute("SELECT max(seq) FROM moves").fetchone()[0]
        except sqlite3.Error as err:
            raise StoreBusy(f"the move could not be written ({err})") from None
        return int(last)

    def set_paused(self, paused: bool) -> None:
        """Pause the game or let it go on (inside `writing`)."""
        try:
            self._db.execute("UPDATE game SET paused = ? WHERE id = 1", (int(paused),))
        except sqlite3.Error as err:
            raise StoreBusy(f"the pause could not be written ({err})") from None

    def _query(self, sql: str, where: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return list(self._db.execute(sql, params).fetchall())
        except sqlite3.Error as err:
            raise problem_in(self.path, where, f"cannot read it: {err}") from None


def _insert_moves(db: sqlite3.Connection, moves: Sequence[tuple[Move, str]]) -> None:
    at = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
    db.executemany(
        "INSERT INTO moves (party, move, digest, at) VALUES (?, ?, ?, ?)",
        [(m.party, json.dumps(dump_move(m), ensure_ascii=False), d, at) for m, d in moves],
    )


def _grouped(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


SQLITE_MAGIC = b"SQLite format 3\x00"
"""How an SQLite file begins: a class game's file does."""


def is_class_game_file(path: Path | str) -> bool:
    """Whether a file is a class game's (an SQLite file, by its first bytes), so that the
    commands that read saves can read it as one; False for anything that is not a regular
    file (a named pipe is never opened)."""
    target = Path(path)
    try:
        if not target.is_file():
            return False
        with target.open("rb") as file:
            return file.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def problem_in(path: Path, where: str, message: str) -> LoadError:
    """The error of one problem in a class game's file: a database, whose problems have a
    place in the game (`where`, e.g. game.seats) but no line."""
    return LoadError([FileProblem(str(path), None, None, where, message)])


def _read_header(path: Path, db: sqlite3.Connection) -> ClassHeader:
    """The game's header, checked: the file is SQLite, has this layout, and its values are
    a game's."""
    try:
        cursor = db.execute("SELECT * FROM game WHERE id = 1")
        row = cursor.fetchone()
        names = [d[0] for d in cursor.description]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.Error as err:
        raise problem_in(path, "file", f"not a Perimeter class game ({err})") from None
    if row is None or not {"seats", "moves"} <= tables:
        raise problem_in(path, "file", "not a Perimeter class game (its tables are missing)")
    data: dict[str, Any] = dict(zip(names, row, strict=True))
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise problem_in(
            path,
            "game.format_version",
            f"this class game was written by a newer Perimeter (format {version}); this "
            f"version reads format {FORMAT_VERSION}: update Perimeter to open it",
        )
    fields = {k: v for k, v in data.items() if k in ClassHeader.model_fields}
    try:
        for key in ("disabled_causes", "seats"):
            fields[key] = json.loads(fields[key]) if isinstance(fields.get(key), str) else None
        return ClassHeader.model_validate(fields)
    except (ValueError, ValidationError) as err:
        raise problem_in(path, "game", _first_error(err)) from None


def _stored(path: Path, row: tuple[Any, ...]) -> StoredMove:
    seq, party, text, digest = row
    where = f"moves.{seq}"
    try:
        move = load_move(json.loads(text))
    except (TypeError, ValueError, ValidationError) as err:
        raise problem_in(path, where, f"not a move: {_first_error(err)}") from None
    if move.party != party:
        raise problem_in(path, where, f"the row says {party!r}, its move {move.party!r}")
    return StoredMove(int(seq), move, str(digest))


def _first_error(err: Exception) -> str:
    """The first problem of an error, in one line."""
    if isinstance(err, ValidationError):
        first = err.errors()[0]
        place = ".".join(str(p) for p in first["loc"])
        return f"{place}: {first['msg']}" if place else str(first["msg"])
    return " ".join(str(err).split())
