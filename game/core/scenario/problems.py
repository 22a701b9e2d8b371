"""A problem in a document at a path of keys, and the "did you mean ...?" hint messages use."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

PathPart = str | int


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document, at a path of keys and list indexes."""

    path: tuple[PathPart, ...]
    message: str

    def dotted(self) -> str:
        """The path written as a.b.0.c."""
        return ".".join(str(p) for p in self.path) or "(document)"

    def describe(self) -> str:
        """Path and message on one line."""
        return f"{self.dotted()}: {self.message}"


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """A hint naming the closest known names, or listing them when none is close."""
    known = sorted(set(known))
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}?"
    if len(known) <= 8:
        return "expected one of " + ", ".join(repr(k) for k in known)
    return f"expected one of {len(known)} known names, e.g. " + ", ".join(
        repr(k) for k in known[:5]
    )
