"""The end of a game: the outcome, each party's result, your path, and what really happened."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from game.core.analysis.debrief import Debrief, RoundPoint
from game.core.scenario.model import Scenario
from game.ui import render
from game.ui.screens.base import GameScreen


def path_chart(path: tuple[RoundPoint, ...]) -> Text:
    """Your score and your support at home, round by round, as bars."""
    text = Text().append("Your path, round by round\n", style="bold underline")
    text.append(
        "          offer on the table (│ = your reservation)   support at home\n", style="dim"
    )
    for point in path:
        value, reservation, support = point.offered, point.reservation, point.support
        date = point.date[:7]
        cells = 24
        line = Text(f"{date}  ")
        chart = list(render.bar(value, cells)) if value is not None else list("·" * cells)
        mark = min(cells - 1, int(cells * reservation / 100))
        chart[mark] = "│"
        line.append("".join(chart), style="cyan" if value is not None else "dim")
        line.append(f" {value:3.0f}" if value is not None else "   —")
        line.append(f"   {render.bar(support, 10)} {support:3.0f}\n")
        text.append_text(line)
    return text


def frontier_text(s: Scenario, report: Debrief) -> Text:
    """Where the outcome sits against the Pareto frontier and the Nash bargaining package."""
    text = Text().append("What was possible\n", style="bold underline")
    method = report.frontier.method
    text.append(
        f"{len(report.frontier.points)} packages are Pareto-efficient ({method}).\n", style="dim"
    )
    if report.nash is not None:
        shares = ", ".join(
            f"{p} {u:.0f}" for p, u in zip(s.party_ids, report.nash.scores, strict=True)
        )
        text.append(f"The Nash bargaining package would have scored: {shares}.\n")
    else:
        text.append("By the end, no package beat every party's reservation value.\n")
    if report.distance_to_frontier is not None:
        text.append(f"Your deal lies {report.distance_to_frontier:.1f} points from the frontier")
        if report.distance_to_nash is not None:
            text.append(f" and {report.distance_to_nash:.1f} from the Nash package")
        text.append(".\n")
    return text


class EndScreen(GameScreen[None]):
    """The result and the debrief; Enter dismisses it."""

    HELP = """\
# The end

The outcome is classified by the scenario's rule: a ratified trilateral package that moves
enough security issues off the status quo is a **security community**; with fewer, a
**prosperity-only partnership** (like the historical SPP); without a trilateral deal,
**dual-bilateralism**, or **breakdown** if a relationship collapsed into mistrust.

Each country's result is compared with its reservation value (what it had without a deal).
The chart shows, round by round, the package on the table as each round opened and what you
needed, and your support at home. *What was possible* compares the outcome with the Pareto
frontier and the Nash bargaining package. Last comes what actually happened to the SPP.

Enter returns to the title screen; ↑/↓ scroll.
"""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "title", "Title screen")]

    def __init__(self, report: Debrief, scenario: Scenario, party: str) -> None:
        super().__init__()
        self.report = report
        self.scenario = scenario
        self.party = party

    def compose(self) -> ComposeResult:
        s = self.scenario
        report = self.report
        yield Header()
        with VerticalScroll(id="end"):
            head = Text().append("Outcome: ", style="bold")
            head.append(render.outcome_title(report), style="bold reverse")
            yield Static(head, id="outcome")
            yield Static(
                Group(
                    Text("Results against reservation values", style="bold underline"),
                    render.outcome_summary(s, report),
                    Text(f"Joint gain {report.joint_gain:+.1f}", style="dim"),
                )
            )
            yield Static(path_chart(report.paths[self.party]))
            yield Static(frontier_text(s, report))
            history = Text().append("What actually happened\n", style="bold underline")
            history.append(s.history.strip() or "The scenario gives no history.")
            yield Static(history)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Scroll keys work at once."""
        self.query_one("#end").focus()
        self.sub_title = "The end"

    def action_title(self) -> None:
        """Back to the title screen for another game."""
        self.dismiss(None)
