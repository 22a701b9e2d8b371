"""Opponent modelling: a negotiator that learns what its partners value from their offers and
replies (see `beliefs`), and looks for the package that gives everyone most."""

from __future__ import annotations

from game.core.players.strategies.time_dependent import TimeDependent
from game.core.players.style import Style


def modeller(style: Style) -> TimeDependent:
    """A time-dependent negotiator that learns (its style's knowledge says so at every
    difficulty but easy) and picks, among the packages it believes would pass, the one with
    the largest product of everyone's believed gains: the Nash bargaining rule."""
    return TimeDependent(style, nash=True)
