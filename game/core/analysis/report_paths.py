"""The class debrief's chart of each country's score and support at home, round by round, in
Markdown (its rows fit 72 columns: the end screen shows the debrief's code blocks at 80)."""

from __future__ import annotations

from game.core.analysis.charts import bar
from game.core.analysis.class_report import ClassReport
from game.core.analysis.debrief import RoundPoint
from game.core.analysis.record import vote_label
from game.core.engine.numbers import SCORE_PLACES, SUPPORT_PLACES, compared, fixed
from game.core.engine.wording import every_country


def path_line(point: RoundPoint) -> str:
    """A round's row of the chart, and a line under it for each vote at home held in it."""
    # At most 72 columns: the end screen shows the debrief's code blocks at 80 columns. Each
    # number keeps the decimal that tells it from what it is measured against.
    reservation = fixed(point.reservation, SCORE_PLACES)
    offer = f"{'·' * 14}     —"
    if point.offered is not None:
        offered, reservation = compared(point.offered, point.reservation, SCORE_PLACES)
        offer = f"{bar(point.offered, 14)} {offered:>5}"
    home = _home(point.support, point.threshold, point.short) + (" †" if point.in_force else "")
    row = f"{point.date}  {offer}  res {reservation:>4}  home "
    # A vote held in the round goes under its row, its bar under the row's (column 49).
    votes = [
        f"{'':12}{vote_label(v):<{len(row) - 12}}{_home(v.support, v.threshold, v.short)}"
        for v in point.votes
    ]
    return "\n".join([row + home, *votes])


def _home(support: float, threshold: float, short: bool) -> str:
    """Support at home against the support needed, as a bar and numbers, ✘ when short."""
    shown, needed = compared(support, threshold, SUPPORT_PLACES)
    return f"{bar(support, 10)} {shown:>3}/{needed}{' ✘' if short else ''}"


def paths_section(report: ClassReport) -> str:
    """The section of each country's score and support at home, round by round."""
    s = report.state.scenario
    lines = [
        "## Score and support at home, round by round",
        "",
        "Each country's score of the package on the table as the round opened, its "
        "reservation value (res), and its groups' support for that package against what "
        f"ratification needs, marked ✘ when short of it (once the agreement binding "
        f"{every_country(s)} was signed, that "
        "agreement, in force, marked †; with nothing on the table, their approval of the "
        "status quo). A vote at home in the round adds a line under it: the support the vote "
        "found, which is what the government expected turned by chance (the swing), marked ✘ "
        "where it fell short and sank the package.",
    ]
    for p in s.party_ids:
        lines += ["", f"**{s.party(p).name}**", "", "```"]
        lines += [path_line(point) for point in report.debrief.paths[p]]
        lines.append("```")
    return "\n".join(lines)
