"""Choosing a diplomatic action: one per round, besides the move at the table."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.core.engine.moves import Act
from game.core.engine.wording import action_phrase
from game.core.scenario.model import Scenario
from game.ui.render.marks import clip
from game.ui.screens.base import GameModal
from game.ui.widgets.marked import MarkedOptionList


class ActionList(MarkedOptionList):
    """The actions to choose from, with Enter named in the footer (the list's own Enter,
    which selects the highlighted action, is otherwise not shown)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Take it", key_display="⏎"),
    ]


class ActionScreen(GameModal[Act | None]):
    """The diplomatic actions open to the player now."""

    HELP = """\
# Diplomatic actions

One per round, taken before your move at the table (it does not end your turn). The list
shows the actions this scenario opens to you; the built-in scenarios have these:

- **Joint threat assessment**: bring your and a partner's threat priorities closer. If the
  partner makes the same assessment of you within a round and you trust each other enough
  (in the built-in scenarios: trust of at least 50, then an even chance), it may break the old
  consensus (the first level of transformation).
- **Confidence-building measure**: raise trust; may start a critical examination of the
  relationship (the second level).
- **Consult a domestic group**: raise its approval, to help a deal win enough support at home.
- **Bilateral side deal** (at a table of three): both of you gain a better alternative to a
  trilateral deal; the third country trusts you less. Dual-bilateralism in action.
- **Act unilaterally** (where the scenario lets a country, as spp-2005 lets the United
  States, towards Mexico): gain now; the other countries are not told until it comes to light,
  when its delayed effect lands and the partner's trust falls.

The chapter names the three levels of transformation but not what moves a country through
them: tying an action to a level, and every effect's size, are design choices of the scenario.

↑/↓ choose, Enter takes the action, Esc goes back.
"""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Back")]

    def __init__(self, scenario: Scenario, actions: tuple[Act, ...]) -> None:
        super().__init__()
        self.scenario = scenario
        self.actions = actions

    def compose(self) -> ComposeResult:
        with Vertical(id="actions-box") as box:
            box.border_title = "Diplomatic action (one per round)"
            # One line per action, so the description below has room at 80x24; the full
            # wording heads the description.
            yield ActionList(
                *(
                    Option(clip(action_phrase(self.scenario, a.action, a.target), 72), id=str(n))
                    for n, a in enumerate(self.actions)
                ),
                id="actions-list",
                compact=True,
            )
            yield Static(id="action-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Describe the first action."""
        self.query_one("#actions-list", OptionList).focus()
        self._describe(0)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Describe the highlighted action."""
        self._describe(int(event.option.id or 0))

    def _describe(self, n: int) -> None:
        if not self.actions:
            return
        act = self.actions[n]
        action = self.scenario.action(act.action)
        text = Text().append(
            action_phrase(self.scenario, act.action, act.target) + "\n", style="bold"
        )
        text.append(" ".join(action.description.split()))
        design = " · its effects are a design choice" if action.inferred else ""
        text.append(f"\n[{action.source}]{design}", style="dim italic")
        self.query_one("#action-detail", Static).update(text)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Take the chosen action."""
        self.dismiss(self.actions[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        """No action this time."""
        self.dismiss(None)
