"""The negotiation table: assemble a package, see what it is worth to whom, and move."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Static

from game.core.engine.moves import Accept, Act, Counter, IllegalMove, Move, Pass, Propose, Reject
from game.core.engine.wording import joined
from game.core.game import SeatView
from game.core.saves.format import SavedDraft
from game.core.scenario.packages import Package
from game.ui import render
from game.ui.render.panels import panel, tab_line
from game.ui.render.table_help import TABLE_HELP
from game.ui.screens.base import GameScreen

AGENDA_WIDTH = 41
"""Columns for the agenda: the left column's width in app.tcss less its padding and border."""
DETAIL_LINES = 5
"""The most lines the selected option's detail takes (its max-height in app.tcss)."""


class TableScreen(GameScreen[None]):
    """Where the negotiation happens. It sends its seat's moves to the game and tells the app
    what it needs next (a window, a save); the app decides what opens."""

    HELP = TABLE_HELP

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
        Binding("u", "own_draft", "Your draft back", show=False),
        Binding("l", "full_log", "Full log", show=False),
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

    class MoveMade(Message):
        """The seat made a move, or tried one in vain (a class game then takes in the moves
        made meanwhile); the app shows what followed (events, votes, the end)."""

    class ActionsRequested(Message):
        """The player wants to choose a diplomatic action from these."""

        def __init__(self, actions: tuple[Act, ...]) -> None:
            super().__init__()
            self.actions = actions

    class BriefingRequested(Message):
        """The player wants to read the briefing again."""

    class LogRequested(Message):
        """The player wants the whole log, full screen."""

    class OptionInfoRequested(Message):
        """The player wants the selected option in full (Markdown)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class SaveRequested(Message):
        """The player wants the game saved now."""

    def __init__(self, view: SeatView) -> None:
        super().__init__()
        self.view = view
        offer = view.offer
        self.draft: list[int] = list(view.status_quo)
        self.cursor = 0
        self.scope_index = 0
        self.copied: tuple[list[int], int] | None = None
        """The draft and scope as last copied from the table (to tell the player's changes)."""
        if offer is not None:
            # A partner's package on the table when the screen opens (a loaded game, a hot
            # seat's hand-off) is the draft, with whom it binds, as when it is tabled.
            self._copy_offer()
        self.panel = "score"
        self.last_message: Text | None = None
        self.offer_seen: object = offer
        self.own: tuple[list[int], int] | None = None
        """The player's own draft and scope, kept when a partner's package replaced them."""

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
                # Not focusable: ↑/↓ always move on the agenda; PgUp/PgDn scroll the panel.
                with VerticalScroll(id="panel-scroll", can_focus=False):
                    yield Static(id="panel")
                yield Static(id="panel-more")
        yield Static(id="latest")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Show the state."""
        scenario = self.view.scenario
        self.sub_title = f"deadline {scenario.deadline} · {scenario.title}"
        self.refresh_view()

    def on_resize(self) -> None:
        """Redraw once the new size is laid out (drawn at once, the agenda kept its old height)."""
        self.call_after_refresh(self.refresh_view)

    # --- derived values -------------------------------------------------------------------

    @property
    def scopes(self) -> list[tuple[str, ...]]:
        """Trilateral first, then a bilateral scope with each partner."""
        ids = self.view.scenario.party_ids
        me = self.view.party
        pairs = [tuple(p for p in ids if p in (me, q)) for q in ids if q != me]
        # At a table of two, the one pair is everyone: one scope, not the same one twice.
        return list(dict.fromkeys([ids, *pairs]))

    @property
    def scope(self) -> tuple[str, ...]:
        """The scope the draft would be tabled with."""
        return self.scopes[self.scope_index % len(self.scopes)]

    @property
    def package(self) -> Package:
        """The draft as the engine's package."""
        return tuple(self.draft)

    # --- rendering ------------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Redraw everything from the seat's view of the game and the draft."""
        view = self.view
        scenario = view.scenario
        status = self.query_one("#status", Static)
        # The width the line has, once laid out: a long name is cut only as far as it needs.
        width = status.content_region.width
        status.update(render.status(view, width) if width else render.status(view))
        offered = view.offer.package if view.offer else None
        agenda_box = self.query_one("#agenda", Static)
        width = agenda_box.content_region.width or AGENDA_WIDTH
        summary = render.table_summary(view)
        self.query_one("#on-table", Static).update(summary)
        rows = self._agenda_rows(summary, width)
        agenda = render.agenda(
            scenario, self.package, self.cursor, width, offered, rows, scope=self.scope
        )
        agenda_box.update(agenda)
        detail = render.option_detail(scenario, self.package, self.cursor, self.scope, width)
        self.query_one("#detail", Static).update(detail)
        self.query_one("#tabs", Static).update(tab_line(self.panel))
        content = panel(view, self.panel, self.package, self.scope)
        self.query_one("#panel", Static).update(content)
        if self.last_message is not None:
            latest = self.last_message
        else:
            width = max(20, self.query_one("#latest", Static).content_region.width or 78)
            latest = render.latest(view, width, own_kept=self.own is not None)
        self.query_one("#latest", Static).update(latest)
        self.call_after_refresh(self._show_more)

    def _agenda_rows(self, summary: Text, width: int) -> int | None:
        """The lines the agenda may take in the left column: what the option's detail (at
        most DETAIL_LINES) and the package on the table (as many lines as it wraps to) leave,
        each after its blank line; None before the column is laid out."""
        height = self.query_one("#left").content_region.height
        if not height:
            return None
        table = len(summary.wrap(self.app.console, width))
        return height - (1 + DETAIL_LINES) - (1 + table)

    def _show_more(self) -> None:
        """Say when the panel has more than it shows, and which key scrolls it."""
        scroll = self.query_one("#panel-scroll", VerticalScroll)
        below = scroll.scroll_y < scroll.max_scroll_y
        above = scroll.scroll_y > 0
        hint = "  ".join(
            part
            for part, shown in (("PgUp ↑ more above", above), ("PgDn ↓ more below", below))
            if shown
        )
        self.query_one("#panel-more", Static).update(Text(hint, style="dim"))

    def message(self, text: Text) -> None:
        """Show a message on the bottom line until the next action."""
        self.last_message = text
        self.query_one("#latest", Static).update(text)

    # --- the draft --------------------------------------------------------------------------

    def _changed(self) -> None:
        self.last_message = None
        self.refresh_view()  # which also says, once laid out, whether the panel has more

    def action_cursor(self, delta: int) -> None:
        """Move to another issue."""
        self.cursor = (self.cursor + delta) % len(self.draft)
        self._changed()

    def action_option(self, delta: int) -> None:
        """Change the draft's option on the current issue."""
        count = len(self.view.scenario.issues[self.cursor].options)
        self.draft[self.cursor] = (self.draft[self.cursor] + delta) % count
        self._changed()

    def action_scope(self) -> None:
        """Trilateral or bilateral with one partner."""
        if len(self.scopes) == 1:
            self.message(Text("With two countries at the table, every package binds both."))
            return
        self.scope_index = (self.scope_index + 1) % len(self.scopes)
        self._changed()

    def _copy_offer(self) -> None:
        offer = self.view.offer
        assert offer is not None
        self.draft = list(offer.package)
        self.scope_index = self.scopes.index(offer.scope) if offer.scope in self.scopes else 0
        self.copied = (list(self.draft), self.scope_index)

    def action_view_table(self) -> None:
        """Copy the package on the table into the draft."""
        if self.view.offer is None:
            self.message(Text("There is no package on the table.", style="yellow"))
            return
        self._keep_own()
        self._copy_offer()
        self._changed()

    def _keep_own(self) -> None:
        """Remember the player's own draft before a package from the table replaces it: the
        draft as it is, unless it is still the last package copied from the table untouched
        (then the draft kept before that one stays the player's own)."""
        if self.own is None or (self.draft, self.scope_index) != self.copied:
            self.own = (list(self.draft), self.scope_index)

    def action_own_draft(self) -> None:
        """Bring back the player's own draft after a partner's package replaced it."""
        if self.own is None:
            self.message(Text("Your draft is the one on the left.", style="yellow"))
            return
        self.draft, self.scope_index = list(self.own[0]), self.own[1]
        self.own = None
        self._changed()

    def saved_draft(self) -> SavedDraft:
        """The draft and whom it binds, as a save keeps them (`restore_draft` gives them back)."""
        return SavedDraft(party=self.view.party, package=list(self.draft), scope=list(self.scope))

    def restore_draft(self, saved: SavedDraft) -> None:
        """Give back the draft a save kept, binding whom it bound then: it is the player's
        own work, so it replaces a package copied from the table when the screen opened."""
        self.draft = list(saved.package)
        bound = set(saved.scope)
        self.scope_index = next((n for n, s in enumerate(self.scopes) if set(s) == bound), 0)
        self.own = None

    def action_full_log(self) -> None:
        """The whole log, full screen."""
        self.post_message(self.LogRequested())

    def action_option_info(self) -> None:
        """The selected option in full: description, threats, costs, tags, sources."""
        text = render.option_markdown(self.view.scenario, self.cursor, self.draft[self.cursor])
        self.post_message(self.OptionInfoRequested(text))

    def action_reset(self) -> None:
        """Back to the status quo on every issue."""
        self.draft = list(self.view.status_quo)
        self._changed()

    def action_panel(self, panel: str) -> None:
        """Show another panel on the right, from its top (the log from its end)."""
        self.panel = panel
        self._changed()
        scroll = self.query_one("#panel-scroll", VerticalScroll)
        if panel == "log":
            # Once the new text is laid out: its end is not known before.
            self.call_after_refresh(self._log_to_end)
        else:
            scroll.scroll_home(animate=False, immediate=True)

    def _log_to_end(self) -> None:
        self.query_one("#panel-scroll", VerticalScroll).scroll_end(animate=False, immediate=True)
        self.call_after_refresh(self._show_more)

    def action_scroll_panel(self, direction: int) -> None:
        """Scroll the right-hand panel."""
        scroll = self.query_one("#panel-scroll", VerticalScroll)
        if direction < 0:
            scroll.scroll_page_up(animate=False)
        else:
            scroll.scroll_page_down(animate=False)
        self.call_after_refresh(self._show_more)

    # --- moves ----------------------------------------------------------------------------

    def _my_turn(self) -> bool:
        if self.view.finished:
            self.message(Text("The game is over.", style="yellow"))
            return False
        if not self.view.my_turn:
            self.message(Text("It is not your turn.", style="yellow"))
            return False
        return True

    def play(self, move: Move) -> None:
        """Send a move to the game, then show what followed."""
        try:
            self.view.play(move)
        except IllegalMove as err:
            # A class game checks a move against the moves made since in other browsers, and
            # takes them in: show the game as it now is, and what followed them.
            self.last_message = None
            self.after_move()
            self.message(Text(f"Not allowed: {err}", style="bold red"))
            self.post_message(self.MoveMade())
            return
        self.last_message = None
        self.after_move()
        self.post_message(self.MoveMade())

    def _not_answerable(self) -> bool:
        """Whether the package on the table binds others only (then say so, and what the
        player may do meanwhile): it is not the player's to accept, refuse or counter."""
        offer = self.view.offer
        if offer is None or self.view.party in offer.scope:
            return False
        names = joined([self.view.scenario.party(p).name for p in offer.scope])
        self.message(
            Text(
                f"The package on the table binds {names} only: it is theirs to answer. "
                "Meanwhile you may pass (p) or take an action (d).",
                style="yellow",
            )
        )
        return True

    def action_table(self) -> None:
        """Table the draft."""
        if self._my_turn() and not self._not_answerable():
            if self.view.offer is not None:
                self.message(
                    Text(
                        "A package is already on the table: accept, reject or counter it (c).",
                        style="yellow",
                    )
                )
                return
            if self._acceptable_draft():
                self.play(Propose(party=self.view.party, package=self.package, scope=self.scope))

    def _acceptable_draft(self) -> bool:
        """Whether the player could accept its own draft, as tabling it means doing; if not,
        say so in the player's words (the engine's refusal speaks of "the proposer")."""
        if self.view.score(self.package, self.scope).acceptable:
            return True
        self.message(
            Text(
                "You cannot table a package you could not accept yourself: "
                "see 'Acceptable to you' in the Score panel (1).",
                style="bold red",
            )
        )
        return False

    def action_accept(self) -> None:
        """Accept the package on the table."""
        if not self._my_turn() or self._not_answerable():
            return
        offer = self.view.offer
        if offer is not None and self.view.party in offer.accepted:
            others = joined([self.view.scenario.party(p).name for p in offer.awaited])
            self.message(Text(f"You have accepted this package; it waits for {others} to answer."))
            return
        legal = self.view.legal()
        if not legal.accept:
            why = "; ".join(legal.accept_blocked) or "there is no package before you to accept"
            self.message(Text(f"You cannot accept: {why}", style="bold red"))
            return
        self.play(Accept(party=self.view.party))

    def action_reject(self) -> None:
        """Reject the package on the table."""
        if self._my_turn() and not self._not_answerable():
            self.play(Reject(party=self.view.party))

    def action_counter(self) -> None:
        """Reject the package on the table and table the draft instead."""
        if not self._my_turn() or self._not_answerable():
            return
        if self.view.offer is None:
            self.message(Text("There is no package on the table to counter: t tables your draft."))
            return
        if self._acceptable_draft():
            self.play(Counter(party=self.view.party, package=self.package, scope=self.scope))

    def action_pass_turn(self) -> None:
        """End the turn without a move."""
        if self._my_turn():
            self.play(Pass(party=self.view.party))

    def action_diplomacy(self) -> None:
        """Choose a diplomatic action (one per round)."""
        if not self._my_turn():
            return
        actions = self.view.legal().actions
        if not actions:
            self.message(Text("You have taken your diplomatic action this round.", style="yellow"))
            return
        self.post_message(self.ActionsRequested(actions))

    def action_briefing(self) -> None:
        """Read the briefing again."""
        self.post_message(self.BriefingRequested())

    def action_save(self) -> None:
        """Save the game now."""
        self.post_message(self.SaveRequested())

    # --- what happened -----------------------------------------------------------------------

    def after_move(self) -> None:
        """Redraw after the game moved on; a partner's new package is copied into the draft."""
        offer = self.view.offer
        if offer is not None and offer is not self.offer_seen and offer.proposer != self.view.party:
            # A partner's package arrived: show it in the draft so its scores are on screen,
            # keeping the player's own draft for `u`.
            self._keep_own()
            self._copy_offer()
        self.offer_seen = offer
        self.refresh_view()
