"""When Perimeter itself fails: a crash report written to a file, and one line of apology on
the screen instead of a traceback (exit code 3, distinct from a user's bad file or usage)."""

from __future__ import annotations

import datetime as dt
import platform
import sys
import tempfile
import traceback
from pathlib import Path

from game.exit_codes import EXIT_INTERNAL


def write_report(error: BaseException, folder: Path | None = None) -> Path | None:
    """The crash report (what was run, the versions, the traceback) in a new file of the
    system's temporary folder; None if even that cannot be written."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    lines = [
        f"Perimeter crash report, {stamp}",
        f"command: {' '.join(sys.argv)}",
        f"python: {platform.python_version()} on {platform.platform()}",
        "",
        *traceback.format_exception(error),
    ]
    try:
        with tempfile.NamedTemporaryFile(
            "w",
            encoding="utf-8",
            prefix=f"perimeter-crash-{stamp}-",
            suffix=".txt",
            dir=folder,
            delete=False,
        ) as handle:
            handle.write("\n".join(lines))
        return Path(handle.name)
    except OSError:
        return None


def report_crash(error: BaseException, folder: Path | None = None) -> int:
    """Write the report, say sorry in one line on stderr, and give the exit code."""
    path = write_report(error, folder)
    where = f"the details are in {path}" if path else "no report could be written"
    print(
        f"Perimeter stopped on an internal error ({type(error).__name__}); sorry: {where}. "
        "Please send that file with what you were doing.",
        file=sys.stderr,
    )
    return EXIT_INTERNAL
