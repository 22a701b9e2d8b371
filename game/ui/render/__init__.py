"""Rich renderables of what a seat sees: agenda, scores, partners, home, trust, log, outcome.

Screens call them as `render.NAME`; each lives in the module named for what it draws.
"""

from game.ui.render.agenda import agenda, option_detail, option_markdown
from game.ui.render.marks import bar, clip, yes_no
from game.ui.render.outcome import outcome_summary, outcome_title
from game.ui.render.partners import partners
from game.ui.render.score import home, score
from game.ui.render.table import (
    latest,
    log,
    log_line,
    log_style,
    notice,
    status,
    table_summary,
    trust,
)

__all__ = [
    "agenda",
    "bar",
    "clip",
    "home",
    "latest",
    "log",
    "log_line",
    "log_style",
    "notice",
    "option_detail",
    "option_markdown",
    "outcome_summary",
    "outcome_title",
    "partners",
    "score",
    "status",
    "table_summary",
    "trust",
    "yes_no",
]
