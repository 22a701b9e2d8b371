"""The exit codes of every command, as the README's "Command line" section lists them."""

EXIT_OK = 0
"""Done."""
EXIT_PROBLEMS = 1
"""Problems found in the user's files (or a file that cannot be written)."""
EXIT_USAGE = 2
"""Bad usage: an unknown option, country or cause, an output that is an input, no terminal."""
EXIT_INTERNAL = 3
"""An internal error of Perimeter's own (game/crash.py writes the report)."""
EXIT_INTERRUPTED = 130
"""Stopped by Ctrl+C, as a shell reports a process ended by SIGINT (128 + 2)."""
