"""Save format 1 (Perimeter 0.1): how its files are read today.

Format 1 named the propose move `table` and a package `options`, kept the human's party in a
`human` key, and checked its replay against a digest of the Python repr of the state. Its files
are upgraded to the current layout on reading (keeping every line and column for messages), and
their digest is recomputed here in format 1's way, written out by hand so that renaming a class
in the engine never breaks an old save.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from game.core.engine.conditions import Conditions
from game.core.engine.moves import Accept, Act, Counter, Move, Propose, Reject
from game.core.engine.state import State
from game.core.scenario.actions import ActionEffect
from game.core.scenario.errors import FileProblem
from game.core.scenario.problems import PathPart
from game.core.scenario.yamlsafe import Document, Mark

RENAMED_MOVES = {"table": "propose"}
RENAMED_FIELDS = {"options": "package"}


def upgrade(doc: Document) -> Document:
    """A format-1 document in the current layout; the marks follow the renamed keys."""
    data = doc.data
    if not isinstance(data, dict):
        return doc
    data = dict(data)
    data.pop("human", None)
    renames: dict[tuple[PathPart, ...], tuple[PathPart, ...]] = {}
    moves = data.get("moves")
    if isinstance(moves, list):
        upgraded = []
        for n, move in enumerate(moves):
            if isinstance(move, dict):
                move = {RENAMED_FIELDS.get(k, k): v for k, v in move.items()}
                if move.get("type") in RENAMED_MOVES:
                    move["type"] = RENAMED_MOVES[move["type"]]
                for old, new in RENAMED_FIELDS.items():
                    renames[("moves", n, old)] = ("moves", n, new)
            upgraded.append(move)
        data["moves"] = upgraded
    return Document(data, _moved(doc.values, renames), _moved(doc.keys, renames))


def in_old_names(problem: FileProblem) -> FileProblem:
    """A problem found in an upgraded format-1 file, its path written with the file's own keys."""
    parts = problem.path.split(".")
    if len(parts) > 2 and parts[0] == "moves":
        old = {new: old for old, new in RENAMED_FIELDS.items()}
        parts[2] = old.get(parts[2], parts[2])
    return replace(problem, path=".".join(parts))


def _moved(
    marks: dict[tuple[PathPart, ...], Mark],
    renames: dict[tuple[PathPart, ...], tuple[PathPart, ...]],
) -> dict[tuple[PathPart, ...], Mark]:
    result = {}
    for path, mark in marks.items():
        for old, new in renames.items():
            if path[: len(old)] == old:
                path = new + path[len(old) :]
                break
        result[path] = mark
    return result


class _Raw(str):
    """Text that reprs as itself, to splice hand-written reprs into a tuple's repr."""

    __slots__ = ()

    def __repr__(self) -> str:
        return str(self)


def _conditions(c: Conditions) -> _Raw:
    return _Raw(
        f"Conditions(priorities={c.priorities!r}, trust={c.trust!r}, stage={c.stage!r}, "
        f"approval={c.approval!r}, attention={c.attention!r}, bilateral={c.bilateral!r})"
    )


def _effect(e: ActionEffect) -> str:
    return (
        f"ActionEffect(kind={e.kind!r}, who={e.who!r}, delta={e.delta!r}, share={e.share!r}, "
        f"chance={e.chance!r}, at_stage={e.at_stage!r}, after_rounds={e.after_rounds!r})"
    )


def _move(m: Move) -> _Raw:
    p = f"party={m.party!r}"
    if isinstance(m, Propose):
        return _Raw(f"Table({p}, options={m.package!r}, scope={m.scope!r})")
    if isinstance(m, Counter):
        return _Raw(f"Counter({p}, options={m.package!r}, scope={m.scope!r}, note={m.note!r})")
    if isinstance(m, Reject):
        return _Raw(f"Reject({p}, note={m.note!r})")
    if isinstance(m, Act):
        return _Raw(f"Act({p}, action={m.action!r}, target={m.target!r})")
    if isinstance(m, Accept):
        return _Raw(f"Accept({p})")
    return _Raw(f"{type(m).__name__}({p})")


def digest(state: State) -> str:
    """The state's digest as format 1 computed it."""
    o = state.offer
    offer = (
        None
        if o is None
        else _Raw(
            f"Proposal(proposer={o.proposer!r}, options={o.package!r}, scope={o.scope!r}, "
            f"accepted={o.accepted!r})"
        )
    )
    pending = tuple(
        _Raw(
            f"Pending(due={p.due!r}, actor={p.actor!r}, partner={p.partner!r}, "
            f"effect={_effect(p.effect)}, action={p.action!r})"
        )
        for p in state.pending
    )
    agreements = tuple(
        _Raw(f"Agreement(options={a.package!r}, scope={a.scope!r}, round={a.round!r})")
        for a in state.agreements
    )
    fields: tuple[Any, ...] = (
        state.scenario.id,
        state.seed,
        state.seats,
        state.round,
        state.turn,
        _conditions(state.conditions),
        offer,
        sorted(state.acted),
        sorted(state.fired),
        pending,
        agreements,
        tuple(_conditions(c) for c in state.snapshots),
        state.offered,
        state.finished,
        sorted(state.disabled_causes),
        state.difficulty,
        tuple(_move(m) for m in state.moves),
    )
    return hashlib.sha256(repr(fields).encode()).hexdigest()
