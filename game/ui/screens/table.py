"""The negotiation table: assemble a package, see what it is worth to whom, and move."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Static

from game.core.conditions import index
from game.core.estimates import estimate
from game.core.negotiation import (
    Accept,
    Act,
    Choice,
    Counter,
    IllegalMove,
    LogEntry,
    Move,
    Pass,
    Reject,
    Table,
    legal_moves,
    required_value,
)
from game.ui import render
from game.ui.screens.base import GameScreen
from game.ui.session import Session

if TYPE_CHECKING:
    from game.ui.app import PerimeterApp

AGENDA_WIDTH = 41
"""Columns for the agenda: the left column's width in app.tcss less its padding and border."""

PANELS = ("score", "partners", "home", "trust", "log")
PANEL_TITLES = {
    "score": "Score",
    "partners": "Partners",
    "home": "Home",
    "trust": "Trust",
    "log": "Log",
}


def save_now(app: PerimeterApp) -> bool:
    """Save the running game; report where (or why not) on the table screen's message line."""
    from game.core.saves import save_game

    session = app.session
    if session is None:
        return False
    try:
        path = save_game(
            session.state, app.saves_dir, human=session.human, scenario_file=session.scenario_file
        )
    except OSError as err:
        app.notify(f"Could not save: {err.strerror or err}", severity="error")
        return False
    screen = app.screen
    if isinstance(screen, TableScreen):
        screen.message(Text(f"Saved to {path}", style="green"))
    return True


class TableScreen(GameScreen[None]):
    """Where the negotiation happens."""

    HELP = """\
# The negotiation table

**Your draft package** is on the left: one option per issue. ↑/↓ choose an issue, ←/→ change
its option (the line below shows the option in full, with its chapter source). Issues left at
*status quo* change nothing. `s` changes the scope: trilateral, or bilateral with one partner.
`v` copies the package on the table into your draft; `x` resets the draft; `i` shows the
selected option in full (what it addresses, costs, tags, the instrument it is modelled on).

**The panel** on the right (keys 1-5):
1. *Score*: what your draft is worth to you (0 = the worst package on this agenda for you,
   100 = the best) against what you need (your reservation value, the status quo of
   dual-bilateralism, plus a premium when your leader's attention is elsewhere), whether your
   groups at home would ratify it, and every line of the breakdown with its chapter section.
2. *Partners*: your estimate of each partner's reaction. The less you trust a partner, the
   wider the range. Principles are public, so red lines always show.
3. *Home*: your domestic groups' approval, now and after the draft.
4. *Trust*: the trust triangle with Wendt's labels. A relationship becomes *cooperative* only
   after three levels of transformation: breakdown of consensus (joint threat assessment),
   critical examination (confidence-building), new practices (a ratified deal together).
5. *Log*: every move, reply (with its reasons) and event.

**Moves** (one per turn): `t` table your draft · `a` accept the package on the table ·
`r` reject it · `c` counter it with your draft · `p` pass. Before your move you may take one
diplomatic action per round with `d`. A package everyone in its scope accepts goes home to be
ratified; if a parliament says no, the table learns which group blocked it.

`b` briefing · Ctrl+S save · `?` help · `q` quit.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Issue", show=False),
        Binding("down", "cursor(1)", "Issue", show=False),
        Binding("left", "option(-1)", "Option", show=False),
        Binding("right", "option(1)", "Option", show=False),
        Binding("t", "table", "Table"),
        Binding("a", "accept", "Accept"),
        Binding("r", "reject", "Reject"),
        Binding("c", "counter", "Counter"),
        Binding("d", "diplomacy", "Act"),
        Binding("p", "pass_turn", "Pass"),
        Binding("s", "scope", "Scope"),
        Binding("v", "view_table", "Copy table", show=False),
        Binding("x", "reset", "Reset draft", show=False),
        Binding("i", "option_info", "Option info", show=False),
        Binding("b", "briefing", "Briefing", show=False),
        Binding("ctrl+s", "save", "Save"),
        Binding("1", "panel('score')", "Score", show=False),
        Binding("2", "panel('partners')", "Partners", show=False),
        Binding("3", "panel('home')", "Home", show=False),
        Binding("4", "panel('trust')", "Trust", show=False),
        Binding("5", "panel('log')", "Log", show=False),
        Binding("pageup", "scroll_panel(-1)", "Scroll", show=False),
        Binding("pagedown", "scroll_panel(1)", "Scroll", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        state = session.state
        self.draft: list[int] = list(
            state.table.options if state.table else index(session.scenario).status_quo
        )
        self.cursor = 0
        self.scope_index = 0
        self.panel = "score"
        self.last_message: Text | None = None
        self.table_seen: object = state.table

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status")
        with Horizontal(id="table-body"):
            with Vertical(id="left"):
                yield Static(id="agenda")
                yield Static(id="detail")
                yield Static(id="on-table")
            with Vertical(id="right"):
                yield Static(id="tabs")
                with VerticalScroll(id="panel-scroll"):
                    yield Static(id="panel")
        yield Static(id="latest")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Show the state, then anything that happened before the player's first turn."""
        me = self.session.scenario.party(self.session.human).name
        self.sub_title = f"{self.session.scenario.title} · you: {me}"
        self.refresh_view()
        self.show_news()

    # --- derived values -------------------------------------------------------------------

    @property
    def scopes(self) -> list[tuple[str, ...]]:
        """Trilateral first, then a bilateral scope with each partner."""
        ids = self.session.scenario.party_ids
        human = self.session.human
        return [ids] + [tuple(p for p in ids if p in (human, q)) for q in ids if q != human]

    @property
    def scope(self) -> tuple[str, ...]:
        """The scope the draft would be tabled with."""
        return self.scopes[self.scope_index % len(self.scopes)]

    @property
    def choice(self) -> Choice:
        """The draft as the engine's package."""
        return tuple(self.draft)

    # --- rendering ------------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Redraw everything from the session's state and the draft."""
        session = self.session
        state = session.state
        scenario = session.scenario
        self.query_one("#status", Static).update(render.status(state, session.human))
        table = state.table.options if state.table else None
        agenda = render.agenda(scenario, self.choice, self.cursor, AGENDA_WIDTH, table)
        self.query_one("#agenda", Static).update(agenda)
        detail = render.option_detail(scenario, self.choice, self.cursor, AGENDA_WIDTH)
        scope = (
            "trilateral" if len(self.scope) == len(scenario.party_ids) else " and ".join(self.scope)
        )
        detail.append(f"\nScope of your draft: {scope} (s to change)", style="bold")
        self.query_one("#detail", Static).update(detail)
        self.query_one("#on-table", Static).update(render.table_summary(state, session.human))
        self.query_one("#tabs", Static).update(self._tab_line())
        self.query_one("#panel", Static).update(self._panel_content())
        if self.last_message is not None:
            self.query_one("#latest", Static).update(self.last_message)
        else:
            self.query_one("#latest", Static).update(self._latest())

    def _tab_line(self) -> Text:
        text = Text()
        for n, panel in enumerate(PANELS, start=1):
            active = panel == self.panel
            text.append(f"{n}{PANEL_TITLES[panel]}", style="reverse bold" if active else "dim")
            text.append(" ")
        return text

    def _panel_content(self) -> Text:
        session = self.session
        state = session.state
        scenario = session.scenario
        if self.panel == "score":
            s = state.scorer.score(session.human, self.choice)
            return render.score(s, required_value(state, session.human))
        if self.panel == "partners":
            partners = [p for p in self.scope if p != session.human]
            return render.partners(
                scenario, [estimate(state, session.human, p, self.choice) for p in partners]
            )
        if self.panel == "home":
            return render.home(scenario, state.scorer.score(session.human, self.choice))
        if self.panel == "trust":
            return render.trust(state, session.human)
        return render.log(state)

    def _latest(self) -> Text:
        """The last move at the table and the latest reason given (all reasons: key 5)."""
        state = self.session.state
        entries = [e for e in state.log if e.kind not in ("round", "event")]
        if not entries:
            return Text("")
        last = entries[-1]
        if last.kind in ("table", "counter") and last.party:
            # The package itself is in the draft on the left; say only who put it there.
            verb = "tables" if last.kind == "table" else "counters with"
            name = state.scenario.party(last.party).name
            last = replace(last, text=f"{name} {verb} a package (in your draft; * = differs).")
        text = render.log_line(state, replace(last, reasons=()))
        reasoned = next((e for e in reversed(entries[-3:]) if e.reasons), None)
        if reasoned is not None:
            who = state.scenario.party(reasoned.party).name if reasoned.party else "At home"
            more = (
                f" (+{len(reasoned.reasons) - 1} more: key 5)" if len(reasoned.reasons) > 1 else ""
            )
            text.append(f"\n  {who}: {reasoned.reasons[0]}{more}", style="dim")
        return text

    def message(self, text: Text) -> None:
        """Show a message on the bottom line until the next action."""
        self.last_message = text
        self.query_one("#latest", Static).update(text)

    # --- the draft --------------------------------------------------------------------------

    def _changed(self) -> None:
        self.last_message = None
        self.refresh_view()

    def action_cursor(self, delta: int) -> None:
        """Move to another issue."""
        self.cursor = (self.cursor + delta) % len(self.draft)
        self._changed()

    def action_option(self, delta: int) -> None:
        """Change the draft's option on the current issue."""
        count = len(self.session.scenario.issues[self.cursor].options)
        self.draft[self.cursor] = (self.draft[self.cursor] + delta) % count
        self._changed()

    def action_scope(self) -> None:
        """Trilateral or bilateral with one partner."""
        self.scope_index = (self.scope_index + 1) % len(self.scopes)
        self._changed()

    def action_view_table(self) -> None:
        """Copy the package on the table into the draft."""
        table = self.session.state.table
        if table is None:
            self.message(Text("There is no package on the table.", style="yellow"))
            return
        self.draft = list(table.options)
        self.scope_index = self.scopes.index(table.scope) if table.scope in self.scopes else 0
        self._changed()

    def action_option_info(self) -> None:
        """The selected option in full: description, threats, costs, tags, sources."""
        from game.ui.screens.help import HelpScreen

        text = render.option_markdown(self.session.scenario, self.cursor, self.draft[self.cursor])
        self.app.push_screen(HelpScreen(text))

    def action_reset(self) -> None:
        """Back to the status quo on every issue."""
        self.draft = list(index(self.session.scenario).status_quo)
        self._changed()

    def action_panel(self, panel: str) -> None:
        """Show another panel on the right."""
        self.panel = panel
        self._changed()
        if panel == "log":
            self.query_one("#panel-scroll", VerticalScroll).scroll_end(animate=False)

    def action_scroll_panel(self, direction: int) -> None:
        """Scroll the right-hand panel."""
        scroll = self.query_one("#panel-scroll", VerticalScroll)
        if direction < 0:
            scroll.scroll_page_up(animate=False)
        else:
            scroll.scroll_page_down(animate=False)

    # --- moves ----------------------------------------------------------------------------

    def _my_turn(self) -> bool:
        state = self.session.state
        if state.finished:
            self.message(Text("The game is over.", style="yellow"))
            return False
        if state.to_move != self.session.human:
            self.message(Text("It is not your turn.", style="yellow"))
            return False
        return True

    def play(self, move: Move) -> None:
        """Send a move to the engine, then show what followed."""
        try:
            self.session.play(move)
        except IllegalMove as err:
            self.message(Text(f"Not allowed: {err}", style="bold red"))
            return
        self.last_message = None
        self.show_news()

    def action_table(self) -> None:
        """Table the draft."""
        if self._my_turn():
            if self.session.state.table is not None:
                self.message(
                    Text(
                        "A package is already on the table: accept, reject or counter it (c).",
                        style="yellow",
                    )
                )
                return
            self.play(Table(self.session.human, self.choice, self.scope))

    def action_accept(self) -> None:
        """Accept the package on the table."""
        if not self._my_turn():
            return
        legal = legal_moves(self.session.state, self.session.human)
        if not legal.accept:
            why = "; ".join(legal.accept_blocked) or "there is no package before you to accept"
            self.message(Text(f"You cannot accept: {why}", style="bold red"))
            return
        self.play(Accept(self.session.human))

    def action_reject(self) -> None:
        """Reject the package on the table."""
        if self._my_turn():
            self.play(Reject(self.session.human))

    def action_counter(self) -> None:
        """Reject the package on the table and table the draft instead."""
        if self._my_turn():
            self.play(Counter(self.session.human, self.choice, self.scope))

    def action_pass_turn(self) -> None:
        """End the turn without a move."""
        if self._my_turn():
            self.play(Pass(self.session.human))

    def action_diplomacy(self) -> None:
        """Choose a diplomatic action (one per round)."""
        if not self._my_turn():
            return
        actions = legal_moves(self.session.state, self.session.human).actions
        if not actions:
            self.message(Text("You have taken your diplomatic action this round.", style="yellow"))
            return
        from game.ui.screens.actions import ActionScreen

        def chosen(act: Act | None) -> None:
            if act is not None:
                self.play(act)

        self.app.push_screen(ActionScreen(self.session, actions), chosen)

    def action_briefing(self) -> None:
        """Read the briefing again."""
        from game.ui.screens.briefing import BriefingScreen

        self.app.push_screen(BriefingScreen(self.session))

    def action_save(self) -> None:
        """Save the game now."""
        save_now(self.perimeter)

    # --- what happened -----------------------------------------------------------------------

    def show_news(self) -> None:
        """Redraw, then open a window for each event and vote since the last look, then the end."""
        state = self.session.state
        if (
            state.table is not None
            and state.table is not self.table_seen
            and state.table.proposer != self.session.human
        ):
            # A partner's package arrived: show it in the draft so its scores are on screen.
            self.draft = list(state.table.options)
            self.scope_index = (
                self.scopes.index(state.table.scope) if state.table.scope in self.scopes else 0
            )
        self.table_seen = state.table
        self.refresh_view()
        notices = [e for e in self.session.unseen() if e.kind in ("event", "ratified", "blocked")]
        self._next_notice(notices)

    def _next_notice(self, notices: list[LogEntry]) -> None:
        from game.ui.screens.notice import NoticeScreen

        if notices:
            entry = notices[0]
            self.app.push_screen(
                NoticeScreen(self.session.state, entry), lambda _: self._next_notice(notices[1:])
            )
        elif self.session.state.finished:
            from game.ui.screens.end import EndScreen

            self.app.switch_screen(EndScreen(self.session))
