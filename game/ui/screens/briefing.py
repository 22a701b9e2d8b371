"""The country briefing: threats with the chapter's figures, principles, groups, partners."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from game.core.game import SeatView
from game.ui.render.marks import bar
from game.ui.screens.base import GameScreen


def briefing_text(view: SeatView) -> list[Text | Table]:
    """The briefing of the seat's country, in parts; the history stays hidden."""
    s = view.scenario
    me = s.party(view.party)
    parts: list[Text | Table] = []
    head = Text().append(f"{me.name}", style="bold")
    if me.leader:
        head.append(f" · leader at the start: {me.leader}", style="")
    head.append(f" · {s.title}\n", style="dim")
    head.append(me.briefing.strip())
    parts.append(head)

    threats = Table(title="What your country fears", title_justify="left", expand=True, box=None)
    threats.add_column("Threat")
    threats.add_column("Priority", justify="right")
    threats.add_column("The figure behind it")
    ranked = sorted(me.priorities.items(), key=lambda kv: -kv[1].weight)
    for threat_id, prio in ranked:
        figure = prio.figure or "—"
        if prio.inferred:
            figure += " (weight: design choice)"
        threats.add_row(
            s.threat(threat_id).name,
            f"{bar(prio.weight, 6)} {prio.weight:.0f}",
            f"{figure} [{prio.source}]",
        )
    parts.append(threats)

    principles = Text().append("Your principles\n", style="bold underline")
    for doc in me.documents:
        principles.append(f"• {doc.name}: ", style="bold")
        principles.append(f"{doc.summary.strip()} [{doc.source}]\n")
    for pr in (p for p in s.principles if p.party == me.id):
        kind = "RED LINE" if pr.red_line else f"penalty {pr.penalty:g}"
        principles.append(f"• {pr.name} ({kind}): ", style="bold")
        inferred = " (applying it here is a design choice)" if pr.inferred else ""
        principles.append(f"{pr.description.strip()} [{pr.source}]{inferred}\n")
    parts.append(principles)

    groups = Text().append("At home: who must ratify a deal\n", style="bold underline")
    groups.append(
        f"A deal needs weighted approval of {me.ratification_threshold:.0f}.\n", style="dim"
    )
    for group_id, _, share, approval in view.approval():
        group = s.group(group_id)
        groups.append(f"• {group.name}", style="bold")
        groups.append(f" (weight {share:.0%}, approval {approval:.0f}): ")
        groups.append(group.description.strip())
        against = sorted(
            {
                s.tags.get(st.tag, st.tag) if st.tag else st.option or ""
                for st in group.stances
                if st.delta < 0
            }
        )
        if against:
            groups.append("\n   opposes: " + "; ".join(against), style="red")
        groups.append(f" [{group.source}]\n", style="dim")
    parts.append(groups)

    partners = Text().append(
        "Your partners, as your government sees them\n", style="bold underline"
    )
    for other in s.parties:
        if other.id == me.id:
            continue
        now = view.dyad(other.id)
        dyad = next(d for d in s.dyads if set(d.parties) == {me.id, other.id})
        partners.append(
            f"• {other.name}: trust {now.trust:.0f}/100, {now.system} system",
            style="bold",
        )
        partners.append(f" (levels of transformation passed: {now.stage}/3)\n")
        if dyad.note:
            partners.append(f"   {dyad.note.strip()} [{dyad.source}]\n")
    partners.append(
        f"\nWithout a deal: {me.reservation.description.strip()} [{me.reservation.source}]\n"
    )
    parts.append(partners)
    return parts


class BriefingScreen(GameScreen[None]):
    """What your government knows before the first summit; Enter dismisses it."""

    HELP = """\
# Briefing

Your country's view of the negotiation, from the chapter: what it fears (with the survey
figures behind each priority), its principles (a **red line** can never be crossed), the groups
at home whose approval a deal needs, and how far it trusts each partner. Weights marked
*design choice* are the scenario author's inferences, not figures from the chapter.

What actually happened to the SPP stays hidden until the end of the game.

Enter starts the negotiation (or returns to it). ↑/↓ or PgUp/PgDn scroll.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "go", "To the table"),
        Binding("escape", "go", "Back", show=False),
    ]

    def __init__(self, view: SeatView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="briefing"):
            for part in briefing_text(self.view):
                yield Static(part, classes="briefing-part")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Scroll keys work at once."""
        self.query_one("#briefing").focus()
        self.sub_title = f"Briefing: {self.view.scenario.party(self.view.party).name}"

    def action_go(self) -> None:
        """To the table (the app decides whether it opens for the first time)."""
        self.dismiss(None)
