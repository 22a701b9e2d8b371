"""The built-in scenario the game offers first (a module of its own: the command line reads it
before anything heavy is imported)."""

DEFAULT_SCENARIO = "spp-2005"
"""Offered first on the New game screen and started by `serve` when none is named: the replay
of the 2005 Security and Prosperity Partnership that the game is built around."""
