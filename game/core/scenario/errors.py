"""Problems in a user's file, positioned for an editor: the one error type the loaders raise."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FileProblem:
    """One problem in a user's file, positioned for an editor to jump to."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str

    def __str__(self) -> str:
        """`FILE:LINE:COL: error: PATH: MESSAGE`, always on one line (without `PATH: ` for a
        problem of the whole file)."""
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        path = f"{self.path}: " if self.path else ""
        return _one_line(f"{where}: error: {path}{self.message}")


def _one_line(text: str) -> str:
    """The text with line breaks and other unprintable characters escaped as Python would:
    a key or file name may hold any of them, and each problem must stay one line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class LoadError(Exception):
    """A file could not be loaded; carries every problem found, in file order."""

    def __init__(self, problems: list[FileProblem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0))
        super().__init__("\n".join(str(p) for p in self.problems))
