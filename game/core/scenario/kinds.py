"""The kind of a YAML file the game reads, told from its keys: a scenario, a package or a saved
game. A file given where another kind belongs gets one line saying what it is and which
command takes it, not a problem for every key the expected kind lacks (a package given to
`validate` had drawn twelve, a scenario given to `score` as its package twenty)."""

from __future__ import annotations

from typing import Literal

from game.core.scenario.errors import FileProblem, LoadError

Kind = Literal["scenario", "package", "save"]

PACKAGE_KEYS = frozenset({"options", "scope"})
"""Every key a package file may hold (its model, `PackageFile`, has these fields alone)."""

NOUNS: dict[Kind, str] = {
    "scenario": "a scenario",
    "package": "a package file",
    "save": "a saved game",
}


def looks_like_scenario(data: object) -> bool:
    """Whether a file's data is a scenario's (its issues and parties)."""
    return isinstance(data, dict) and {"issues", "parties"} <= data.keys()


def looks_like_package(data: object) -> bool:
    """Whether a file's data is a package file's: its options, and perhaps its scope, alone."""
    return isinstance(data, dict) and "options" in data and data.keys() <= PACKAGE_KEYS


def looks_like_save(data: object) -> bool:
    """Whether a file's data is a saved game's: the seed it started from and its moves."""
    return isinstance(data, dict) and {"seed", "moves"} <= data.keys()


def kind_of(data: object) -> Kind | None:
    """What kind of file this data is, when its keys say so (None: they do not)."""
    if looks_like_scenario(data):
        return "scenario"
    if looks_like_package(data):
        return "package"
    if looks_like_save(data):
        return "save"
    return None


def use(kind: Kind, file: str) -> str:
    """The commands that take a file of this kind."""
    if kind == "scenario":
        return (
            f"play it with `python main.py play {file}`, or score a package against it with "
            f"`python main.py score {file} PACKAGE.yaml`"
        )
    if kind == "package":
        return f"score it against a scenario with `python main.py score SCENARIO {file}`"
    return (
        f"continue it with `python main.py play --load {file}`, or write its debrief with "
        f"`python main.py report {file}`"
    )


def refuse_other_kinds(data: object, file: str, expected: Kind) -> None:
    """Raise one problem, naming the file, when its data is plainly a file of another kind
    than the one expected (else nothing): what it is and which command takes it."""
    kind = kind_of(data)
    if kind is None or kind == expected:
        return
    what = NOUNS[kind] + (" (one option per issue)" if kind == "package" else "")
    message = f"this is {what}, not {NOUNS[expected]}: {use(kind, file)}"
    raise LoadError([FileProblem(file, None, None, "", message)])
