"""The save file format: a header saying how the game started and where it stood, then the moves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from game.core.engine.state import Difficulty, Seat
from game.core.saves import legacy
from game.core.scenario.base import Model, PartyId, Slug
from game.core.scenario.errors import FileProblem, LoadError
from game.core.scenario.kinds import looks_like_scenario, refuse_other_kinds
from game.core.scenario.loader import read_document
from game.core.scenario.problems import PathPart, Problem
from game.core.scenario.validation import validate
from game.core.scenario.yamlsafe import Document

FORMAT_VERSION = 2
"""Version of the save file format this code writes; it reads this one and every older one."""

Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
"""A sha256 digest in lower-case hexadecimal."""

KnownVersion = Literal[1, 2]
"""The save formats this code reads."""


def _whole_number_only(value: Any) -> Any:
    """Refuse `true` and `1.0` like any wrong version: pydantic checks a Literal by equality,
    and in Python True == 1 == 1.0, so it would take them for format 1 even in strict mode."""
    if isinstance(value, bool | float):
        versions = [str(v) for v in get_args(KnownVersion)]
        expected = f"{', '.join(versions[:-1])} or {versions[-1]}"
        raise PydanticCustomError(
            "literal_error", "Input should be {expected}", {"expected": expected}
        )
    return value


FormatVersion = Annotated[KnownVersion, BeforeValidator(_whole_number_only)]
"""A version this code reads, written as a whole number."""


class _Version(BaseModel):
    """The format version alone (other keys ignored), checked before the layout it names."""

    format_version: FormatVersion


class GameSetup(Model):
    """How a game started, as a save file and a class game's file both record it."""

    # A save, which the game writes, is read as before: each field says where it is strict
    # (a class game's file holds its times as text). A scenario's fields are strict throughout.
    model_config = ConfigDict(strict=False)

    scenario: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    """Id of the scenario played."""

    scenario_file: Annotated[str, Field(min_length=1)]
    """Path of the scenario file the game was started from."""

    scenario_digest: Sha256
    """sha256 of the scenario file's bytes as the game read them."""

    seed: Annotated[int, Field(strict=True)]
    """The game's seed: every chance draw comes from it."""

    seats: dict[PartyId, Seat]
    """Who plays each party: people ('human'; a team, in a class game) or the computer."""

    difficulty: Difficulty
    """How hard the computer negotiators bargain."""

    disabled_causes: list[Slug]
    """Causes of events switched off for this game."""

    @property
    def humans(self) -> tuple[str, ...]:
        """The parties played by people."""
        return tuple(p for p, seat in self.seats.items() if seat == "human")


class SavedDraft(Model):
    """The package a player was assembling at the table when the game was saved, not tabled:
    given back when the game is loaded, so that saving and loading loses none of its work."""

    model_config = ConfigDict(strict=False)  # as GameSetup: its fields say where they are strict

    party: PartyId
    """The country whose draft it is (played by people)."""

    package: list[Annotated[int, Field(strict=True, ge=0)]]
    """The option chosen on each issue, by position, in agenda order."""

    scope: Annotated[list[PartyId], Field(min_length=2)]
    """Whom the draft would bind: everyone, or the country and one partner."""


class SaveFile(GameSetup):
    """A saved game: how it started and every move since, with digests to check the replay."""

    format_version: FormatVersion
    """Version of the save format (format 1 files are upgraded when read)."""

    round: Annotated[int, Field(strict=True, ge=1)]
    """The round the game had reached, 1 for the first summit (for the list of saves)."""

    date: dt.date
    """The date of that round (for the list of saves)."""

    saved_at: dt.datetime
    """When the game was saved (ISO 8601)."""

    digest: Sha256
    """The state's digest when saved: replaying the moves must give it again."""

    started_at: dt.datetime | None = None
    """When the game was started (its files are named after it); absent in older saves."""

    finished: bool = False
    """Whether the game was over when saved (the list of saves marks finished games)."""

    draft: SavedDraft | None = None
    """The draft at the table when saved by hand; absent in autosaves and older saves."""

    moves: list[Any]
    """Every move since the start, in order, each a mapping told apart by its `type` (checked
    against the engine's move types when the game is replayed)."""


def problem_at(doc: Document, file: str, path: tuple[PathPart, ...], message: str) -> FileProblem:
    """A problem placed at a path of the save file."""
    mark = doc.mark(path, prefer_key=True)
    return FileProblem(file, mark.line, mark.column, Problem(path, message).dotted(), message)


def not_a_save(file: str) -> str:
    """What to do with a scenario given where a save was expected."""
    return (
        f"this is a scenario, not a saved game; play it with `python main.py play {file}` "
        "first: the game writes its saves in saves/"
    )


def read_save(path: Path | str) -> tuple[Document, SaveFile]:
    """Parse and validate a save file's header (no replay), every problem positioned; a file
    of an older format comes back upgraded to this one's layout."""
    file = str(path)
    doc = read_document(path)
    data = doc.data
    if looks_like_scenario(data):
        # Said in one line, not as every key a save lacks and a scenario has.
        raise LoadError([FileProblem(file, None, None, "", not_a_save(file))])
    refuse_other_kinds(data, file, "save")  # a package file, said in one line too
    version = data.get("format_version") if isinstance(data, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise LoadError(
            [
                problem_at(
                    doc,
                    file,
                    ("format_version",),
                    f"this save was written by a newer Perimeter (save format {version}); "
                    f"this version reads formats 1 to {FORMAT_VERSION}: update Perimeter "
                    "to open it",
                )
            ]
        )
    if isinstance(data, dict) and "format_version" in data:
        # A wrong version says nothing of the layout, so it is reported alone, not with every
        # key that a layout it does not name would call unknown.
        version = validate(doc, _Version, file).format_version
    if version == 1:
        doc = legacy.upgrade(doc)
        try:
            return doc, validate(doc, SaveFile, file)
        except LoadError as err:
            raise LoadError([legacy.in_old_names(p) for p in err.problems]) from None
    return doc, validate(doc, SaveFile, file)
