"""Reading scenario and package files: safe YAML to validated models, every problem positioned."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from game.core.scenario.errors import FileProblem, LoadError
from game.core.scenario.kinds import refuse_other_kinds
from game.core.scenario.model import Scenario, data_problems
from game.core.scenario.packages import PackageFile, check_package_file
from game.core.scenario.problems import Problem, did_you_mean
from game.core.scenario.validation import positioned, validate
from game.core.scenario.yamlsafe import MAX_BYTES, Document, YamlRefused, decode, parse

_PACKAGE_ROOT = Path(__file__).resolve().parents[2]
"""The `game` package folder."""


def builtin_dir() -> Path:
    """Where the built-in scenarios are: inside the installed package (a wheel maps the
    repository's top-level scenarios/ folder to game/scenarios), else that top-level folder of
    a source checkout."""
    installed = _PACKAGE_ROOT / "scenarios"
    return installed if installed.is_dir() else _PACKAGE_ROOT.parent / "scenarios"


@dataclass(frozen=True)
class ScenarioFile:
    """A scenario as read from its file, with the digest of the very bytes that were read."""

    path: Path
    scenario: Scenario
    digest: str
    """sha256 of the file's bytes, in hexadecimal (saves record it to find the file again)."""


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
"""Read-only; without waiting (opening a named pipe otherwise blocks until something writes to
it, which would hang the game on a bad path); untranslated bytes on Windows."""


def read_bytes(path: Path | str) -> bytes:
    """A regular file's bytes, refusing anything larger than a scenario may be, and a folder,
    named pipe or device without waiting on it."""
    name = str(path)

    def cannot(why: str) -> LoadError:
        return LoadError([FileProblem(name, None, None, "(file)", f"cannot read: {why}")])

    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as err:
        raise cannot(err.strerror or str(err)) from None
    except ValueError:  # a path with a NUL character
        raise cannot("the name holds a NUL character") from None
    try:
        mode = os.fstat(fd).st_mode
        raw = b""
        if stat.S_ISREG(mode):
            with os.fdopen(fd, "rb", closefd=False) as handle:
                raw = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise cannot(err.strerror or str(err)) from None
    finally:
        os.close(fd)
    if stat.S_ISDIR(mode):
        raise cannot("it is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise cannot("it is not a regular file (a named pipe or a device?)")
    if len(raw) > MAX_BYTES:
        raise LoadError(
            [
                FileProblem(
                    name,
                    1,
                    1,
                    "(file)",
                    f"the file is larger than {MAX_BYTES // 1024} KiB; refusing it",
                )
            ]
        )
    return raw


def parse_document(raw: bytes, name: str) -> Document:
    """Safely parse a file's bytes, refusing non-UTF-8 and unsafe YAML, every problem positioned."""
    try:
        return parse(decode(raw))
    except YamlRefused as refused:
        raise LoadError(
            [
                FileProblem(
                    name,
                    p.mark.line if p.mark else None,
                    p.mark.column if p.mark else None,
                    Problem(p.path, "").dotted() if p.path is not None else "(document)",
                    p.message,
                )
                for p in refused.problems
            ]
        ) from None


def read_document(path: Path | str) -> Document:
    """Read and safely parse a YAML file, refusing oversized, non-UTF-8 and unsafe input."""
    return parse_document(read_bytes(path), str(path))


def open_scenario(path: Path | str) -> ScenarioFile:
    """Read and validate a scenario file, keeping its path and the digest of its bytes."""
    raw = read_bytes(path)
    doc = parse_document(raw, str(path))
    refuse_other_kinds(doc.data, str(path), "scenario")
    scenario = validate(doc, Scenario, str(path), fallback=data_problems)
    return ScenarioFile(Path(path), scenario, hashlib.sha256(raw).hexdigest())


def load_scenario(path: Path | str) -> Scenario:
    """Read and validate a scenario file."""
    return open_scenario(path).scenario


def find_scenario(name: str) -> ScenarioFile:
    """A scenario given as an id that `scenarios` lists (built-in or in ./scenarios) or a path,
    read and validated: every command finds scenarios through this."""
    return open_scenario(resolve_scenario(name))


def load_package_file(path: Path | str, scenario: Scenario) -> PackageFile:
    """Read a package file and check it against a scenario's agenda."""
    doc = read_document(path)
    refuse_other_kinds(doc.data, str(path), "package")
    package = validate(doc, PackageFile, str(path))
    problems = check_package_file(package, scenario)
    if problems:
        raise LoadError([positioned(doc, str(path), p) for p in problems])
    return package


BUILT_IN = ("merida-2007.yaml", "revive-spp.yaml", "smart-border-2001.yaml", "spp-2005.yaml")
"""The scenario files the game ships. Named, not globbed: in a checkout their folder is also
./scenarios, where `new` writes a teacher's own files, and those are not built-in."""


def builtin_scenarios() -> list[Path]:
    """The scenario files shipped with the game."""
    folder = builtin_dir()
    return [folder / name for name in BUILT_IN if (folder / name).is_file()]


def local_scenarios(cwd: Path | None = None) -> list[Path]:
    """Scenario files in ./scenarios of the working folder, but for the built-in ones (in a
    checkout, the folder holds both)."""
    folder = (cwd or Path.cwd()) / "scenarios"
    if not folder.is_dir():
        return []
    found = sorted(folder.glob("*.yaml"))
    if folder.resolve() == builtin_dir().resolve():
        found = [p for p in found if p.name not in BUILT_IN]
    return found


def declared_id(path: Path) -> str | None:
    """The `id:` a scenario file declares, read without validating the rest (None when the file
    cannot be read or declares none)."""
    try:
        data = read_document(path).data
    except LoadError:
        return None
    ident = data.get("id") if isinstance(data, dict) else None
    return ident if isinstance(ident, str) else None


def files_of(name: str) -> list[Path]:
    """Every file a scenario given as `name` may stand for: the path itself, if it is one;
    else each file (built-in, then ./scenarios) that declares `name` as its `id:`, or else
    the first whose file name without .yaml is `name` (how `scenarios` lists a file with
    problems). Empty when there is none."""
    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml") or candidate.exists():
        return [candidate]
    files = builtin_scenarios() + local_scenarios()
    declaring = [p for p in files if declared_id(p) == name]
    return declaring or [p for p in files if p.stem == name][:1]


def resolve_scenario(name: str) -> Path:
    """The file of a scenario given as a path, or as the name `scenarios` lists for it: the
    `id:` it declares, or else its file name without .yaml. An id that several files declare
    is refused, naming each of them: no file is a better guess than another (one may be an
    old copy, or have problems), and the path tells them apart."""
    found = files_of(name)
    if len(found) == 1:
        return found[0]
    if found:
        raise LoadError([FileProblem(name, None, None, "(scenario)", _shared_id(name, found))])
    files = builtin_scenarios() + local_scenarios()
    known = {declared_id(p) or p.stem for p in files}
    raise LoadError(
        [
            FileProblem(
                name, None, None, "(scenario)", f"no such scenario; {did_you_mean(name, known)}"
            )
        ]
    )


def shown_path(path: Path) -> str:
    """A scenario file's path as a user types it: from the working folder when the file is
    in it (scenarios/mine.yaml), else in full."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _shared_id(name: str, paths: list[Path]) -> str:
    """Why an id that several files declare opens none of them, and what to do instead."""
    return (
        f"{len(paths)} files declare the id {name!r}: "
        f"{', '.join(shown_path(p) for p in paths)}; give the path of the one you mean "
        "instead of the id (or give each file an id of its own)"
    )


@dataclass(frozen=True)
class CatalogueEntry:
    """A scenario file a player could start: where it is, and what it holds or what is wrong."""

    kind: str
    """'built-in' or 'local' (./scenarios)."""
    path: Path
    file: ScenarioFile | None
    """The scenario, or None when the file has problems."""
    problems: tuple[FileProblem, ...] = ()
    shared: tuple[Path, ...] = ()
    """Every file of the catalogue that declares this file's id, this one too, when there are
    several (an id they share opens none of them: `resolve_scenario`); else empty."""

    def shared_note(self) -> str:
        """What to say of a file whose id other files declare too, beside the others in a
        list of the catalogue ("" for one that has its id to itself)."""
        if not self.shared:
            return ""
        return (
            f"{len(self.shared)} files declare the id {_declared(self)!r}: give this file's "
            "path, not the id"
        )


def _declared(entry: CatalogueEntry) -> str | None:
    """The id a catalogued file declares (a file with problems: as far as it can be read)."""
    return entry.file.scenario.id if entry.file is not None else declared_id(entry.path)


def catalogue(cwd: Path | None = None) -> list[CatalogueEntry]:
    """Every built-in scenario, then every one in ./scenarios, each read and checked, and each
    whose id another file declares too marked so."""
    entries = []
    for kind, paths in (("built-in", builtin_scenarios()), ("local", local_scenarios(cwd))):
        for path in paths:
            try:
                entries.append(CatalogueEntry(kind, path, open_scenario(path)))
            except LoadError as err:
                entries.append(CatalogueEntry(kind, path, None, tuple(err.problems)))
    ids = [_declared(e) for e in entries]
    paths = [e.path for e in entries]
    return [
        replace(e, shared=tuple(p for p, i in zip(paths, ids, strict=True) if i == ident))
        if ident is not None and ids.count(ident) > 1
        else e
        for e, ident in zip(entries, ids, strict=True)
    ]
