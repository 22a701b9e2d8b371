"""The table's panels on the right: their tab line, and what each shows of the draft."""

from __future__ import annotations

from rich.text import Text

from game.core.game import SeatView
from game.core.scenario.packages import Package
from game.ui.render.partners import partners
from game.ui.render.score import home, score
from game.ui.render.table import log, trust

PANELS = ("score", "partners", "home", "trust", "log")
"""The panels, in the order of their keys 1-5."""
PANEL_TITLES = {
    "score": "Score",
    "partners": "Partners",
    "home": "Home",
    "trust": "Trust",
    "log": "Log",
}


def tab_line(shown: str) -> Text:
    """Each panel's key and title, the one shown in reverse video."""
    text = Text()
    for n, panel in enumerate(PANELS, start=1):
        active = panel == shown
        text.append(f"{n}{PANEL_TITLES[panel]}", style="reverse bold" if active else "dim")
        text.append(" ")
    return text


def panel(view: SeatView, shown: str, draft: Package, scope: tuple[str, ...]) -> Text:
    """What the panel `shown` says of the draft, bound on `scope`, as the seat sees it."""
    if shown == "score":
        # What the draft needs depends on whom it binds (a leader's attention is to the
        # trilateral partnership).
        return score(view.score(draft, scope), view.needed(scope))
    if shown == "partners":
        others = [p for p in scope if p != view.party]
        return partners(view.scenario, [view.estimate(p, draft, scope) for p in others])
    if shown == "home":
        return home(view.scenario, view.score(draft, scope))
    if shown == "trust":
        return trust(view)
    return log(view)
