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
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: error: {self.path}: {self.message}"


class LoadError(Exception):
    """A file could not be loaded; carries every problem found, in file order."""

    def __init__(self, problems: list[FileProblem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0))
        super().__init__("\n".join(str(p) for p in self.problems))
