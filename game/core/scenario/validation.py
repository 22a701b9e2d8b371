"""Validating parsed YAML against pydantic models, every error placed at its line and column."""

from __future__ import annotations

import copy
import difflib
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from game.core.scenario.errors import FileProblem, LoadError
from game.core.scenario.lenient import REFUSED
from game.core.scenario.plain import Bounds, plain_message
from game.core.scenario.problems import PathPart, Problem, did_you_mean
from game.core.scenario.yamlsafe import Document

T = typing.TypeVar("T")


_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def _adapter(target: Any) -> TypeAdapter[Any]:
    # Building an adapter compiles a validator: do it once per type.
    adapter = _ADAPTERS.get(target)
    if adapter is None:
        adapter = _ADAPTERS[target] = TypeAdapter(target)
    return adapter


def validate(
    doc: Document,
    target: type[T],
    file: str,
    context: dict[str, Any] | None = None,
    at: tuple[PathPart, ...] = (),
    fallback: Callable[[Mapping[str, Any]], list[Problem]] | None = None,
) -> T:
    """Validate the data at a path of the document (the whole of it by default) against a model
    or type, mapping every error back to its line and column.

    Problems that a model's validators collect in `context["reference_problems"]` (instead of
    raising) are positioned the same way, as many as ran. The checks after a model is built
    never run when the schema refuses the data, so `fallback`, given, then runs the same
    checks over the data as written, less the values the schema refused: a file with type
    errors and reference errors gets all of them in one run, and a refused value (a party
    code in lower case, say) is not reported a second time through everything that refers
    to it.
    """
    sink: list[Problem] = []
    ctx = {"reference_problems": sink, **(context or {})}
    data = doc.data
    for part in at:
        data = data[part]
    try:
        result: T = _adapter(target).validate_python(data, context=ctx)
    except ValidationError as err:
        errors = err.errors()
        problems = schema_problems(doc, target, file, errors, at)
        # What validators that did run collected (the old name of a key beside its new one).
        problems += [positioned(doc, file, Problem((*at, *p.path), p.message)) for p in sink]
        if fallback is not None and isinstance(data, Mapping):
            refused = [_data_path(doc.data, at, e["loc"]) for e in errors]
            usable = _without(data, [path[len(at) :] for path, missing in refused if not missing])
            problems += [
                positioned(doc, file, Problem((*at, *p.path), p.message)) for p in fallback(usable)
            ]
        raise LoadError(problems) from None
    if sink:
        raise LoadError([positioned(doc, file, Problem((*at, *p.path), p.message)) for p in sink])
    return result


def _without(data: Any, paths: list[tuple[PathPart, ...]]) -> Any:
    """A copy of the data with REFUSED in place of the values at these paths."""
    pruned = copy.deepcopy(data)
    for path in sorted(paths, key=len, reverse=True):
        parent: Any = pruned
        for part in path[:-1]:
            parent = parent[part]
        if path and isinstance(parent, dict | list):
            # _data_path only follows keys and indexes that exist, so this one does.
            parent[path[-1]] = REFUSED  # type: ignore[index]
    return pruned


def positioned(doc: Document, file: str, problem: Problem) -> FileProblem:
    """A path-level problem placed at its key (for mapping keys) or value in the file."""
    mark = doc.mark(problem.path, prefer_key=True)
    return FileProblem(file, mark.line, mark.column, problem.dotted(), problem.message)


def schema_problems(
    doc: Document,
    model: Any,
    file: str,
    errors: list[ErrorDetails],
    at: tuple[PathPart, ...] = (),
) -> list[FileProblem]:
    """Every pydantic error as a positioned problem; `at` is where the validated data stands.

    A mistyped key shows up twice in pydantic (unknown 'wieght', missing 'weight'); the
    missing half is dropped because the did-you-mean on the unknown key already says it.
    """
    typos: set[tuple[tuple[PathPart, ...], str]] = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            path, _ = _data_path(doc.data, at, error["loc"])
            close = difflib.get_close_matches(
                str(path[-1]), _allowed_keys(model, error["loc"][:-1]), n=1
            )
            if path and close:
                typos.add((path[:-1], close[0]))
    problems = []
    for error in errors:
        if error["type"] == "missing" and _data_path(doc.data, at, error["loc"]) in typos:
            continue
        problems.append(_schema_problem(doc, model, file, error, at))
    return problems


def _schema_problem(
    doc: Document, model: Any, file: str, error: ErrorDetails, at: tuple[PathPart, ...]
) -> FileProblem:
    """A pydantic error turned into words at the position of the offending YAML node."""
    data_path, missing = _data_path(doc.data, at, error["loc"])
    kind = error["type"]
    if kind == "missing" and missing is not None:
        path = (*data_path, missing)
        message = f"required key {missing!r} is missing{_one_of(_literals(model, error['loc']))}"
        mark = doc.mark(data_path)
    elif kind == "extra_forbidden":
        path = data_path
        key = str(data_path[-1]) if data_path else "?"
        allowed = _allowed_keys(model, error["loc"][:-1])
        hint = f"; {did_you_mean(key, allowed)}" if allowed else ""
        message = f"unknown key {key!r}{hint}"
        mark = doc.mark(data_path, prefer_key=True)
    else:
        path = data_path if missing is None else (*data_path, missing)
        written = doc.nulls.get(data_path) if missing is None else None
        message = plain_message(error, _bounds(model, error["loc"]), written)
        if kind == "union_tag_not_found":
            message += _tag_hint(model, error)
        mark = doc.mark(data_path)
    dotted = Problem(path, message).dotted()
    return FileProblem(file, mark.line, mark.column, dotted, message)


def _data_path(
    data: Any, at: tuple[PathPart, ...], loc: Iterable[int | str]
) -> tuple[tuple[PathPart, ...], str | None]:
    """Follow a pydantic location through the data below `at`, skipping union-tag segments.

    Returns the path that exists in the data and, when the location ends in a key that is not
    there (a missing field), that key.
    """
    path: list[PathPart] = list(at)
    current = data
    for part in at:
        current = current[part]
    parts = list(loc)
    for index, part in enumerate(parts):
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_list or (isinstance(current, dict) and part in current):
            current = current[part]
            path.append(part)
        elif index == len(parts) - 1 and isinstance(current, dict) and isinstance(part, str):
            return tuple(path), part
        # Anything else is a segment pydantic adds (a union member's tag, a validator's name).
    return tuple(path), None


def _allowed_keys(model: Any, loc: Iterable[int | str]) -> list[str]:
    """Field names of the model found at a pydantic location, for did-you-mean hints."""
    current: Any = model
    for part in loc:
        current = _descend(current, part)
        if current is None:
            return []
    found = _single_model(_strip(current))
    return list(found.model_fields) if found else []


def _at(model: Any, loc: Iterable[int | str]) -> Any:
    """The type found at a pydantic location (None where it cannot be told)."""
    current: Any = model
    for part in loc:
        current = _descend(current, part)
        if current is None:
            return None
    return _strip(current)


def _literals(model: Any, loc: Iterable[int | str]) -> list[str]:
    """The words a field at a pydantic location allows, if it allows only some words."""
    found = _at(model, loc)
    if typing.get_origin(found) is not typing.Literal:
        return []
    return [a for a in typing.get_args(found) if isinstance(a, str)]


def _one_of(words: list[str]) -> str:
    """ "; one of 'a', 'b' or 'c'" ("" for no words)."""
    if not words:
        return ""
    quoted = [repr(w) for w in words]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f"; one of {listed}"


def _tag_hint(model: Any, error: ErrorDetails) -> str:
    """The kinds an entry of a tagged union may be, and, when the entry writes one of them as
    a key (`{trust_below: {dyad: ..., value: ...}}`), how to write it instead."""
    found = _at(model, error["loc"])
    key = str(dict(error.get("ctx") or {}).get("discriminator", "kind")).strip("'")
    tags = [
        tag
        for member in typing.get_args(found)
        if _is_model(member) and key in member.model_fields
        for tag in typing.get_args(member.model_fields[key].annotation)
        if isinstance(tag, str)
    ]
    hint = _one_of(tags)
    entry = error.get("input")
    written = [k for k in entry if k in tags] if isinstance(entry, Mapping) else []
    if written and isinstance(entry, Mapping):
        tag, inner = written[0], entry[written[0]]
        fields = "".join(f", {f}: ..." for f in inner) if isinstance(inner, Mapping) else ""
        hint += (
            f"; this entry writes {tag} as a key: write {key}: {tag} with its fields beside "
            f"it, as in {{{key}: {tag}{fields}}}"
        )
    return hint


def _bounds(model: Any, loc: Iterable[int | str]) -> Bounds:
    """The documented range of the number at a pydantic location (for "from 0 to 100")."""
    parts = list(loc)
    current: Any = model
    for part in parts[:-1]:
        current = _descend(current, part)
        if current is None:
            return Bounds()
    last = parts[-1] if parts else None
    found = _single_model(_strip(current))
    if found is not None and isinstance(last, str) and last in found.model_fields:
        field = found.model_fields[last]
        return _collect(field.annotation, Bounds(), field.metadata)
    below = _descend(current, last) if last is not None else current
    return _collect(below, Bounds(), []) if below is not None else Bounds()


def _collect(tp: Any, bounds: Bounds, metadata: Iterable[Any]) -> Bounds:
    """Bounds from constraint objects (annotated_types' Ge, Le...) and the types they sit on."""
    for item in metadata:
        bounds = bounds.narrowed(item)
        for inner in getattr(item, "metadata", ()):  # a FieldInfo inside Annotated[...]
            bounds = bounds.narrowed(inner)
    if typing.get_origin(tp) is typing.Annotated:
        base, *extra = typing.get_args(tp)
        return _collect(base, bounds, extra)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        return _collect(members[0], bounds, ()) if len(members) == 1 else bounds
    return bounds.of_type(tp)


def _strip(tp: Any) -> Any:
    """The type inside any Annotated[...] wrappers."""
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _single_model(tp: Any) -> type[BaseModel] | None:
    """The model a type stands for: itself, or the one model of an Optional."""
    if _is_model(tp):
        return typing.cast(type[BaseModel], tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        models = [a for a in typing.get_args(tp) if _is_model(a)]
        return models[0] if len(models) == 1 else None
    return None


def _descend(tp: Any, part: int | str) -> Any:
    """The type found one pydantic location segment below tp."""
    tp = _strip(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        for member in typing.get_args(tp):
            for tag in ("kind", "type"):  # the tag fields of the scenario's and saves' unions
                field = member.model_fields.get(tag) if _is_model(member) else None
                if field is not None and part in typing.get_args(field.annotation):
                    return member  # the segment is a tagged union's tag
    model = _single_model(tp)
    if model is not None:
        field = model.model_fields.get(str(part))
        return field.annotation if field else None
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (list, tuple) and args:
        return args[0]
    if typing.get_origin(tp) is dict and len(args) == 2:
        return args[1]
    return None
