"""The end of a game: whether you won, the package, why a deal failed, what bound hardest, each
party's result, your path, what was possible and what really happened."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Static

from game.core.analysis.debrief import Debrief, RoundPoint
from game.core.analysis.record import vote_label
from game.core.engine.numbers import compared
from game.core.engine.wording import cause_words, efficient, possessive
from game.core.scenario.model import Scenario
from game.ui import render
from game.ui.render import outcome
from game.ui.screens.base import ReadingScreen, TheoryRequested


def path_chart(path: tuple[RoundPoint, ...]) -> Text:
    """Your score of the offer and its support at home, round by round, as bars."""
    text = Text().append("Your path: the table as each round opened\n", style="bold underline")
    # The two bars start at columns 12 and 43 of each row (after a full date: two rounds of
    # one month, as in smart-border-2001, must not look like one).
    text.append(f"{'':12}{'your score of the offer':<31}its support at home\n", style="dim")
    text.append(f"{'':12}{'(│ = your reservation)':<31}(│ = support needed)\n", style="dim")
    bare = signed = short = voted = False
    for point in path:
        value, reservation, support = point.offered, point.reservation, point.support
        date = point.date
        cells = 24
        line = Text(f"{date}  ")
        chart = list(render.bar(value, cells)) if value is not None else list("·" * cells)
        chart[min(cells - 1, int(cells * reservation / 100))] = "│"
        line.append("".join(chart), style="cyan" if value is not None else "dim")
        # Each number keeps the decimal that tells it from its bar (49.5 is not shown as 50
        # beside a need of 50).
        line.append(f" {compared(value, reservation, 0)[0]:>3}" if value is not None else "   —")
        faint = "" if value is not None else "dim"  # the status quo's approval, nothing tabled
        line.append("   ", style=faint)
        line.append_text(_home(support, point.threshold, point.short, faint))
        short |= point.short
        if value is None:
            line.append("*", style="dim")
            bare = True
        elif point.in_force:
            line.append("†", style="dim")
            signed = True
        text.append_text(line.append("\n"))
        for vote in point.votes:
            # Under the row, its bar under the row's support bar (column 43).
            line = Text(f"{'':12}{vote_label(vote):<31}")
            line.append_text(_home(vote.support, vote.threshold, vote.short))
            short |= vote.short
            text.append_text(line.append("\n"))
            voted = True
    if bare:
        text.append(
            "* nothing on the table: your groups' approval of the status quo\n", style="dim"
        )
    if signed:
        text.append("† the agreement signed, in force: its score and its support\n", style="dim")
    if voted:
        text.append(
            "vote at home: the support the vote found, chance's swing included\n", style="dim"
        )
    if short:
        text.append("✘ support short of what is needed\n", style="dim")
    return text


def _home(support: float, threshold: float, short: bool, style: str = "") -> Text:
    """Support at home as a bar of ten cells with the support needed marked │, the number
    (with the decimal that tells it from the need), and ✘ when it falls short."""
    cells = list(render.bar(support, 10))
    cells[min(9, int(10 * threshold / 100))] = "│"
    text = Text("".join(cells), style=style)
    text.append(f" {compared(support, threshold, 0)[0]:>3}")
    if short:
        text.append(" ✘", style="bold red")
    return text


def frontier_text(s: Scenario, report: Debrief) -> Text:
    """Where the outcome sits against the Pareto frontier and the Nash bargaining package."""
    text = Text().append("What was possible\n", style="bold underline")
    method = report.frontier.method
    text.append(f"{efficient(len(report.frontier.points))} ({method}).\n", style="dim")
    if not report.frontier.exact:
        text.append(
            f"The agenda is too large to search completely: every efficient package is within "
            f"{report.frontier.bound:.1f} points, for every party, of one of these.\n",
            style="dim",
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


class EndScreen(ReadingScreen[None]):
    """The result and the debrief; Esc dismisses it."""

    SCROLL_ID = "end"

    HELP = """\
# The end

The first lines say whether **you won or lost**: your result against your reservation value,
what your country had without a deal. Without a deal binding every country at the table your
result *is* your reservation value (side deals and events may have moved it during the game).

The outcome line classifies the game by the scenario's rule: a **security arrangement** (a
deal binding every country at the table, backed at home in each, moving enough security issues,
still in force at the deadline) or a prosperity-only partnership; a partnership signed and then
left to **lapse** before the deadline, when a government stopped valuing it or could no longer
carry it at home; without a deal, **dual-bilateralism** at a table of three (in spp-2005, what
happened: the SPP was declared "no longer an active initiative" in August 2009 [Policies D)
Trilateral] and cooperation went on along two bilateral tracks [Fragmented Region])
or **no agreement** at a table of two; or **breakdown** if a relationship collapsed into
mistrust (possible only where a scenario lets trust fall into a competitive system; the
built-in ones do not).

Then comes the package that was **signed**, or the last one on the table, issue by issue (only
what it changes). For a failed deal, **why**: the last refusals of a package binding everyone,
who refused it and when, the reasons the log recorded (with their chapter sections where they
have one), whether the
rules let that country accept (then it held out for more), and the events just before. For a
partnership that lapsed: who walked away, when, why, and the events just before.

**What bound you hardest** ranks the constraints against that package, as the game ended: first
what blocks a deal whatever the points (a red line, the group whose opposition leaves the deal
without enough support at home), then by the points each costs you: principles, groups at home
(with the reason the chapter gives for their opposition, in its words), distrust of a partner
(joint measures are worth less), costs, and the premium a distracted leader demands above the
reservation value.
Each has its chapter section; one line gives each partner's worst.

Each country's result is compared with its reservation value. The chart shows, round by round,
the package on the table as each round opened against your reservation value, and its support
among your groups at home (their weighted approval of it) against the support a deal needs; a
round with nothing on the table shows their approval of the status quo (marked \\*). Under a
round with a vote at home, a line gives the support the vote found: what was expected, turned
by chance (the swing), marked ✘ when it fell short. *What was possible* compares the outcome
with the Pareto frontier and the Nash bargaining package. Last comes what actually happened
(the scenario's history), with the chapter's conclusion and forecast where the scenario gives
them.

`t` opens the **theory card**: the chapter's frame (Wendt's security systems, the three levels
of transformation, dual-bilateralism), its conclusion and its forecast.

↑/↓ scroll, PgUp/PgDn a page, Home/End to the top or the bottom; `t` the theory card; Esc
returns to the title screen (Enter does nothing here: the windows before this screen take
Enter, and one too many would leave it).

`d` opens the **class debrief**: everything above and more (the zone of agreement round by
round, trust and the levels of transformation, a timeline, questions for discussion), the same
as `python main.py report SAVE` writes; `e` there saves it as a Markdown file.

`w` (**What if**) replays the game move by move, as you saw it, and branches a new game from
any round: as the same country or another, and with one of the chapter's causes switched off
if you like.

At a **hot seat** the screen speaks to one team at a time, named in its first line: `n` shows
the next team's result, path and replay.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        # "Title", not "Title screen": the footer needs the columns at 80x24. Not Enter: the
        # windows before the end take Enter, and one too many would leave this screen.
        Binding("escape", "title", "Title"),
        *ReadingScreen.SCROLL_KEYS,
        Binding("t", "theory", "Theory"),
        Binding("d", "debrief", "Debrief"),
        Binding("w", "what_if", "What if"),
        # A hot seat's: named in the screen's first line (the footer has no room at 80 columns).
        Binding("n", "next_team", "Next team", show=False),
    ]

    class DebriefRequested(Message):
        """The player wants the class debrief of this game (the app builds and opens it)."""

    class ReplayRequested(Message):
        """The player wants the game move by move as `party` saw it, to branch from it (the
        app opens it)."""

        def __init__(self, party: str) -> None:
            super().__init__()
            self.party = party

    def __init__(
        self, report: Debrief, scenario: Scenario, party: str, teams: tuple[str, ...] = ()
    ) -> None:
        super().__init__()
        self.report = report
        self.scenario = scenario
        self.party = party
        """The country whose result the screen shows."""
        self.teams = teams if len(teams) > 1 else ()
        """A hot seat's countries, in turn order: `n` shows each one's result in turn."""

    def compose(self) -> ComposeResult:
        s, report, party = self.scenario, self.report, self.party
        yield Header()
        with VerticalScroll(id="end"):
            if self.teams:
                yield Static(self._whose(), id="whose")
            head = outcome.verdict(s, report, party).append("\n")
            head.append("Outcome: ", style="bold")
            head.append(render.outcome_title(s, report), style="bold reverse")
            if report.without:
                head.append(
                    f"\nWhat if: this game ran without the events of {cause_words(report.without)}."
                )
            yield Static(head, id="outcome")
            yield Static(outcome.package(s, report, party), id="package")
            reasons = outcome.why(s, report, party)
            if reasons is not None:
                yield Static(reasons, id="why")
            yield Static(outcome.constraints(s, report, party), id="constraints")
            yield Static(
                Group(
                    Text("Results against reservation values", style="bold underline"),
                    render.outcome_summary(s, report),
                    Text(outcome.joint_gain(report), style="dim"),
                )
            )
            yield Static(path_chart(report.paths[party]))
            yield Static(frontier_text(s, report))
            history = Text().append("What actually happened\n", style="bold underline")
            history.append(s.history.strip() or "The scenario gives no history.")
            yield Static(history)
        yield Footer(compact=True)

    def _whose(self) -> Text:
        """At a hot seat, the team the screen speaks to, and the key to the next team's."""
        text = Text(
            f"{possessive(self.scenario.party(self.party).name)} result", style="bold reverse"
        )
        return text.append(
            f"   n: {possessive(self.scenario.party(self._next_team()).name)} result"
        )

    def _next_team(self) -> str:
        """The hot seat's team after the one shown, in turn order (the first after the last)."""
        return self.teams[(self.teams.index(self.party) + 1) % len(self.teams)]

    def on_mount(self) -> None:
        """Scroll keys work at once."""
        self.query_one("#end").focus()
        self.sub_title = "The end"
        if self.teams:
            self.sub_title = f"The end: {self.scenario.party(self.party).name}"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`t` only where the scenario has a theory card (and in the footer only then); `n`
        only at a hot seat."""
        if action == "theory":
            return bool(self.scenario.theory.strip())
        if action == "next_team":
            return bool(self.teams)
        return True

    async def action_next_team(self) -> None:
        """A hot seat: the next team's result, path and replay, from the top."""
        self.party = self._next_team()
        await self.recompose()
        self.on_mount()

    def action_theory(self) -> None:
        """The theory card over the debrief (the app opens it)."""
        self.post_message(TheoryRequested())

    def action_debrief(self) -> None:
        """The class debrief over this screen (the app opens it)."""
        self.post_message(self.DebriefRequested())

    def action_what_if(self) -> None:
        """The game move by move over this screen (the app opens it)."""
        self.post_message(self.ReplayRequested(self.party))

    def action_title(self) -> None:
        """Back to the title screen for another game."""
        self.dismiss(None)
