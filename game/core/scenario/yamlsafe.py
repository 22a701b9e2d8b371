"""Safe, bounded YAML parsing that remembers where every key and value stood in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.core.scenario.problems import PathPart
from game.core.scenario.yamlwords import plain_syntax_error

try:  # The C parser is much faster; fall back to the pure-Python one where libyaml is missing.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

YAML_LOADER = _Loader
"""The PyYAML loader used to compose documents (the C one where PyYAML was built with it)."""

MAX_BYTES = 1024 * 1024
"""Largest file we read (1 MiB); a scenario is a few dozen kilobytes."""

MAX_NODES = 50_000
"""Most values a document may expand to once aliases are followed (stops 'billion laughs')."""

MAX_DEPTH = 100
"""Deepest nesting of mappings and lists we accept."""

_SAFE_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}

_BOOL = "tag:yaml.org,2002:bool"

_NULL = "tag:yaml.org,2002:null"

Path = tuple[PathPart, ...]


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass(frozen=True)
class YamlProblem:
    """One reason the text is not a YAML document we accept, and where."""

    message: str
    mark: Mark | None = None
    path: Path | None = None
    """The key path of the offending value, where known."""


class YamlRefused(Exception):
    """The text is not a YAML document we accept; carries every problem found."""

    def __init__(self, problems: list[YamlProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def _refuse(message: str, mark: Mark | None = None) -> YamlRefused:
    return YamlRefused([YamlProblem(message, mark)])


@dataclass
class Document:
    """Plain Python data from a YAML file, with the position of every key and value."""

    data: Any
    values: dict[Path, Mark] = field(default_factory=dict)
    keys: dict[Path, Mark] = field(default_factory=dict)
    nulls: dict[Path, str] = field(default_factory=dict)
    """Each value YAML reads as nothing, as the file writes it: `null`, `Null`, `NULL`, `~`,
    or "" where nothing is written (so that a message can tell the two apart)."""

    def mark(self, path: Path, prefer_key: bool = False) -> Mark:
        """Where the value (or its key) at path stands, or its nearest enclosing value."""
        if prefer_key and path in self.keys:
            return self.keys[path]
        for end in range(len(path), -1, -1):
            found = self.values.get(path[:end])
            if found is not None:
                return found
        return Mark(1, 1)


def mark_of_offset(text: str | bytes, offset: int) -> Mark:
    """Line and column of a character (or byte) offset."""
    newline = b"\n" if isinstance(text, bytes) else "\n"
    before = text[:offset]
    line = before.count(newline) + 1  # type: ignore[arg-type]
    column = offset - (before.rfind(newline) + 1) + 1  # type: ignore[arg-type]
    return Mark(line, column)


def decode(raw: bytes) -> str:
    """UTF-8 text of a file's bytes (a BOM is allowed), or a positioned problem."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _refuse(
            f"the file is not UTF-8 text (byte 0x{raw[err.start]:02x} cannot be decoded); "
            "save it as UTF-8",
            mark_of_offset(raw, err.start),
        ) from None


def _node_mark(node: Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def parse(text: str) -> Document:
    """Parse one YAML document safely: no Python tags, no duplicate keys, bounded size."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise _refuse("the file is empty; expected a YAML mapping", Mark(1, 1))
    try:
        _prescan(text)
        # compose() builds the node graph only: tags are recorded, never constructed.
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        what, at = plain_syntax_error(text, err)
        where = Mark(at.line + 1, at.column + 1) if at is not None else None
        raise _refuse(f"YAML syntax error: {what}", where) from None
    except yaml.YAMLError as err:
        position = getattr(err, "position", None)
        where = mark_of_offset(text, position) if isinstance(position, int) else None
        character = getattr(err, "character", None)
        if isinstance(character, str | int) and "unacceptable character" in str(err):
            code = ord(character) if isinstance(character, str) else character
            raise _refuse(
                f"the file holds the control character #x{code:04x} (U+{code:04X}), which YAML "
                "refuses; remove it",
                where,
            ) from None
        # Its second line, `in "<unicode string>", position N`, is what `where` says better.
        what = str(err).split("\n", 1)[0]
        raise _refuse(f"YAML error: {what}", where) from None
    except RecursionError:
        raise _refuse(f"the document is nested too deeply (limit {MAX_DEPTH})") from None
    if root is None:
        raise _refuse("the file is empty; expected a YAML mapping", Mark(1, 1))
    if not isinstance(root, MappingNode):
        raise _refuse(
            f"the document is a {_kind(root)}; expected a mapping of keys to values",
            _node_mark(root),
        )
    return _Builder().build(root)


def _prescan(text: str) -> None:
    """Count the values the document expands to from the cheap event stream, before composing.

    Building nodes is what is slow, so a huge or alias-bombed document is refused here, after
    reading at most MAX_NODES events.
    """
    count = 0
    open_anchors: list[tuple[str | None, int]] = []
    sizes: dict[str, int] = {}
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            count += sizes.get(event.anchor or "", 1)
        elif isinstance(event, yaml.ScalarEvent):
            count += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            count += 1
            open_anchors.append((event.anchor, count))
            if len(open_anchors) > MAX_DEPTH:
                raise _refuse(
                    f"the document is nested too deeply (limit {MAX_DEPTH})", _event_mark(event)
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, started = open_anchors.pop()
            if anchor:
                sizes[anchor] = count - started + 1
        if count > MAX_NODES:
            raise _refuse(
                f"the document expands to more than {MAX_NODES} values (through aliases "
                "or sheer size); refusing it",
                _event_mark(event),
            )


def _event_mark(event: yaml.Event) -> Mark | None:
    mark = event.start_mark
    return Mark(mark.line + 1, mark.column + 1) if mark else None


def _kind(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return "list"
    if isinstance(node, ScalarNode):
        return "single value"
    return "mapping"


class _Builder:
    """Turns a composed node graph into data, checking tags, keys, depth and expansion."""

    def __init__(self) -> None:
        self.doc = Document(None)
        self.count = 0
        self.scalars = SafeConstructor()
        self.open: set[int] = set()
        self.problems: list[YamlProblem] = []

    def build(self, root: Node) -> Document:
        try:
            self.doc.data = self.node(root, (), 0)
        except YamlRefused as fatal:
            raise YamlRefused(self.problems + fatal.problems) from None
        if self.problems:
            raise YamlRefused(self.problems)
        return self.doc

    def node(self, node: Node, path: Path, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _refuse(
                f"the document expands to more than {MAX_NODES} values (through aliases "
                "or sheer size); refusing it",
                _node_mark(node),
            )
        if depth > MAX_DEPTH:
            raise _refuse(
                f"the document is nested too deeply (limit {MAX_DEPTH})", _node_mark(node)
            )
        if node.tag not in _SAFE_TAGS:
            if node.tag.startswith("tag:yaml.org,2002:python/"):
                message = (
                    f"Python tags are refused ({node.tag.replace('tag:yaml.org,2002:', '!!')}); "
                    "these files hold plain data only"
                )
            else:
                message = f"unsupported YAML tag {node.tag!r}; use plain values, lists and mappings"
            # Recorded, never constructed: the rest of the file is still checked.
            self.problems.append(YamlProblem(message, _node_mark(node), path))
            return None
        self.doc.values[path] = _node_mark(node)
        if isinstance(node, ScalarNode):
            if node.tag == _NULL:
                self.doc.nulls[path] = node.value
            if node.tag == _BOOL and node.value.lower() not in ("true", "false"):
                # As in YAML 1.2, only true and false are booleans: YAML 1.1 would read a
                # party code NO (or yes, on, off) as one, and no author means that.
                return node.value
            try:
                return self.scalars.construct_object(node)
            except (ConstructorError, ValueError) as err:
                hint = ""
                if node.tag == "tag:yaml.org,2002:timestamp":
                    hint = "; write dates as YYYY-MM-DD"
                self.problems.append(
                    YamlProblem(
                        f"cannot read value {node.value[:40]!r}: {err}{hint}",
                        _node_mark(node),
                        path,
                    )
                )
                return None
        if id(node) in self.open:
            raise _refuse("an alias refers to a value that contains it (a cycle)", _node_mark(node))
        self.open.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self.node(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
            return self.mapping(node, path, depth)  # type: ignore[arg-type]
        finally:
            self.open.discard(id(node))

    def mapping(self, node: MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _refuse(
                    "a key must be a plain name, not a list or mapping", _node_mark(key_node)
                )
            # Keys stay text: YAML 1.1 would otherwise read keys like NO or on as booleans.
            key = key_node.value
            if key == "<<" and key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(
                    YamlProblem(
                        "merge keys (<<) are not supported; write the keys out",
                        _node_mark(key_node),
                        path,
                    )
                )
                continue
            if key in result:
                first = self.doc.keys[(*path, key)]
                self.problems.append(
                    YamlProblem(
                        f"duplicate key {key!r} (first defined at line {first.line}); "
                        "write each key once",
                        _node_mark(key_node),
                        (*path, key),
                    )
                )
                continue
            self.doc.keys[(*path, key)] = _node_mark(key_node)
            result[key] = self.node(value_node, (*path, key), depth + 1)
        return result
