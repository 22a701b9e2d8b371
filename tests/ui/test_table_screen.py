"""The table screen at 80x24: focus where a player expects it, nothing a decision needs cut off.

Each test reproduces a finding of issue 8 ("A newcomer plays every country at 80x24 without
getting stuck") as a player sees it, through the keys the screen shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Static

from game.core.engine.moves import Pass, Propose
from game.core.game import Game
from game.core.scenario.model import Scenario
from game.ui.screens.table import TableScreen
from tests.conftest import spp_file
from tests.ui.conftest import (
    at_table,
    close_notices,
    game_app_at,
    past_hand_off,
    screen_text,
    table_app,
    widget_text,
)

SMALL = (80, 24)


def visible(app: App[Any]) -> str:
    """The screen's text with line ends folded, so wrapped phrases can be searched for."""
    lines = [line.strip() for line in screen_text(app)]
    return " ".join(lines)


async def test_up_and_down_move_between_issues_even_when_the_score_panel_overflows(
    tmp_path: Path,
) -> None:
    """Issue 8 (blocker): "as soon as one option changes, the Score panel's breakdown
    overflows and ↑/↓ scroll the panel instead of moving between agenda issues"."""
    app = table_app("US", seed=5, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        table = await at_table(pilot)
        await pilot.press("right")
        await pilot.pause()
        for expected in (1, 2, 3):
            await pilot.press("down")
            await pilot.pause()
            assert table.cursor == expected
        await pilot.press("up")
        await pilot.pause()
        assert table.cursor == 2


@pytest.mark.parametrize(("party", "name"), [("US", "United States"), ("MX", "Mexico")])
async def test_the_table_screen_says_which_country_you_play(
    tmp_path: Path, party: str, name: str
) -> None:
    """Issue 8: "the header loses 'you: Mexico' (nothing on the table screen says which
    country you play)"."""
    app = table_app(party, seed=5, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await at_table(pilot)
        assert f"You: {name}" in visible(app)


async def test_the_scope_of_the_draft_is_visible_and_changes_with_s(tmp_path: Path) -> None:
    """Issue 8: "The scope of the draft is never visible: the line that says which countries
    the draft binds is cut off at every size, so `s` seems to do nothing"."""
    app = table_app("US", seed=5, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await at_table(pilot)
        assert "Your draft binds: all three" in widget_text(app, "#detail")
        await pilot.press("s")
        await pilot.pause()
        assert "Your draft binds: US and MX" in widget_text(app, "#detail")
        await pilot.press("s")
        await pilot.pause()
        assert "Your draft binds: US and CA" in widget_text(app, "#detail")


async def test_the_selected_option_is_shown_in_full_with_its_info_key(tmp_path: Path) -> None:
    """Issue 8: "agenda options cut to ~22 characters", "the `i` hint itself ('i: mo…')"."""
    app = table_app("CA", seed=5, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await at_table(pilot)
        scenario = spp_file().scenario
        # The border issue holds a label longer than 60 characters (third-country screening).
        border = next(n for n, i in enumerate(scenario.issues) if i.id == "border")
        option = next(k for k, o in enumerate(scenario.issues[border].options) if len(o.label) > 60)
        await pilot.press("x", *["down"] * border, *["right"] * option)
        await pilot.pause()
        text = widget_text(app, "#detail")
        assert scenario.issues[border].options[option].label in text
        assert "i: full text" in text


async def test_a_bilateral_offer_says_who_has_accepted_and_who_is_awaited(
    tmp_path: Path,
) -> None:
    """Issue 8: "the 'Accepted … waiting for …' line for bilateral offers is cut off too";
    and the draft, which shows the package on the table, binds whom that package binds."""
    source = spp_file()
    game = Game.new(source, 5, ["US", "MX"])
    while game.to_move != "MX":
        game.play(Pass(party=game.to_move or ""))
    # A US-MX package: the Mérida-style option of the crime issue.
    crime = next(n for n, i in enumerate(source.scenario.issues) if i.id == "organized_crime")
    merida = next(
        k for k, o in enumerate(source.scenario.issues[crime].options) if o.binds == ["US", "MX"]
    )
    package = tuple(merida if n == crime else 0 for n in range(len(source.scenario.issues)))
    game.play(Propose(party="MX", package=package, scope=("US", "MX")))
    while game.to_move != "US":
        game.play(Pass(party=game.to_move or ""))
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await past_hand_off(pilot)  # people play both countries: the US team confirms first
        assert isinstance(app.screen, TableScreen)
        assert "Accepted: MX · waiting for: US" in widget_text(app, "#on-table")
        # The draft is the package on the table, scope and all (an audit found a loaded game,
        # and each hot-seat hand-off, showing "Your draft binds: all three" beside a US-MX
        # package, with the attention premium of a trilateral one in "You need").
        table = app.screen
        assert table.scope == ("US", "MX")
        assert "Your draft binds: US and MX" in widget_text(app, "#detail")


async def test_your_draft_comes_back_with_one_key_after_a_partner_tables(
    tmp_path: Path,
) -> None:
    """Issue 8: "The draft is overwritten whenever a partner tables or counters, with no way
    back to it"; "Your own draft is kept and can be restored with one key"."""
    app = table_app("MX", seed=5, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        table = await at_table(pilot)
        await pilot.press("down", "right", "right")
        await pilot.pause()
        mine = list(table.draft)
        for _ in range(12):  # pass until a partner's package is on the table
            if table.view.offer is not None and table.view.offer.proposer != "MX":
                break
            await pilot.press("p")
            await pilot.pause()
            await close_notices(pilot)
        assert table.view.offer is not None and table.draft == list(table.view.offer.package)
        assert "u: your draft back" in visible(app)
        await pilot.press("u")
        await pilot.pause()
        assert table.draft == mine


async def test_your_draft_back_is_the_one_you_had_last_not_your_first(tmp_path: Path) -> None:
    """A play-test (Mexico, round 8): after a counter replaced the draft, `u` ("your draft
    back") brought back the player's draft of round 1, not the package it had built from a
    partner's and tabled since. The draft given back is the one the player last made."""
    from dataclasses import replace as replaced

    from game.core.engine.state import Offer

    app = table_app("MX", seed=5, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        table = await at_table(pilot)
        await pilot.press("down", "right", "right")
        await pilot.pause()
        first = list(table.draft)
        game = app.game
        assert game is not None
        ids = game.scenario.party_ids

        def partner_tables(issue: int) -> None:
            package = tuple(1 if n == issue else o for n, o in enumerate(table.view.status_quo))
            game.state = replaced(game.state, offer=Offer("US", package, ids, ()))
            table.after_move()

        partner_tables(0)
        assert table.draft != first
        await pilot.press("up", "right")  # the player makes the partner's package its own
        await pilot.pause()
        mine = list(table.draft)
        partner_tables(2)
        assert table.draft != mine
        await pilot.press("u")
        await pilot.pause()
        assert table.draft == mine


async def test_switching_panels_starts_each_at_its_top(tmp_path: Path) -> None:
    """Issue 8: "Switching panels keeps the old scroll position (Score opens half-way down)"."""
    game = Game.new(spp_file(), 5, ["US"])
    while game.state.round < 4:  # a few rounds, so the log is longer than the panel
        game.play(Pass(party="US"))
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        table = app.screen
        assert isinstance(table, TableScreen)
        await pilot.press("5")
        await pilot.pause()
        # The log opens at its end, its latest entry in view: a play-test found it opened in
        # the middle ("PgUp ↑ more above  PgDn ↓ more"), scrolled before its text was laid out.
        log = table.query_one("#panel-scroll")
        assert log.scroll_y > 0 and log.scroll_y == log.max_scroll_y
        assert "more below" not in widget_text(app, "#panel-more")
        await pilot.press("1")
        await pilot.pause()
        assert table.query_one("#panel-scroll").scroll_y == 0


async def test_the_whole_log_opens_full_screen_with_a_key_the_screen_shows(
    tmp_path: Path,
) -> None:
    """Issue 8: "Long text wraps or scrolls in a place the player can reach by a key shown on
    screen; a full-screen log view"."""
    app = table_app("US", seed=5, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await at_table(pilot)
        await pilot.press("p")
        await pilot.pause()
        await close_notices(pilot)
        assert "l: full log" in visible(app)
        await pilot.press("l")
        await pilot.pause()
        assert type(app.screen).__name__ == "LogScreen"
        assert "United States passes." in visible(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TableScreen)


async def test_the_latest_reason_is_not_cut_off(tmp_path: Path) -> None:
    """Issue 8: "Cut off at 80x24: ... the latest-message line"."""
    app = table_app("MX", seed=6, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        table = await at_table(pilot)
        long_reason = None
        for _ in range(20):
            entries = [e for e in table.view.log if e.kind not in ("round", "event")]
            reasoned = [e for e in entries[-3:] if e.reasons and len(e.reasons[0]) > 150]
            if reasoned:
                long_reason = reasoned[-1].reasons[0]
                break
            await pilot.press("p")
            await pilot.pause()
            await close_notices(pilot)
        assert long_reason is not None, "no long reason in 20 turns"
        shown = " ".join(line.strip() for line in screen_text(app)[-5:-1])
        words = long_reason.split()
        assert " ".join(words[-3:]) in shown or "l: full log" in shown, shown


async def test_the_home_panel_shows_each_group_in_full(tmp_path: Path) -> None:
    """Issue 8: "Cut off at 80x24: ... home-panel group lines": names and descriptions wrap
    instead of being cut, and what does not fit is one PgDn away, as the panel says."""
    app = table_app("US", seed=5, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        table = await at_table(pilot)
        await pilot.press("3")
        await pilot.pause()
        content = " ".join(str(table.query_one("#panel", Static).render()).split())
        for group in (g for g in table.view.scenario.domestic_groups if g.party == "US"):
            assert group.name in content, group.name
            assert " ".join(group.description.split()) in content, group.description
        assert "PgDn" in widget_text(app, "#panel-more")


def test_the_offer_summary_counts_one_change_in_the_singular() -> None:
    """A package that moves one issue off the status quo: the table said "1 changes"."""
    from game.core.scenario.index import index
    from game.ui.render.table import table_summary

    game = Game.new(spp_file(), 5, ["US", "MX", "CA"])
    party = game.to_move or ""
    package = list(index(game.scenario).status_quo)
    package[0] = (package[0] + 1) % len(game.scenario.issues[0].options)
    game.play(Propose(party=party, package=tuple(package), scope=game.scenario.party_ids))
    assert "· 1 change ·" in table_summary(game.view("MX")).plain


async def test_at_a_table_of_two_s_says_every_package_binds_both(tmp_path: Path) -> None:
    """A teacher's audit: in a two-party scenario the footer offers `s Scope` and `s` did
    nothing (it went from both countries to the same two). There is one scope, and `s` says
    why it does not change."""
    from game.core.scenario.loader import find_scenario

    game = Game.new(find_scenario("merida-2007"), 5, ["US"], saves_dir=tmp_path)
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        table = await at_table(pilot)
        assert table.scopes == [("US", "MX")]
        await pilot.press("s")
        await pilot.pause()
        assert "every package binds both" in visible(app)
        assert "Your draft binds: both" in widget_text(app, "#detail")


async def test_tabling_a_draft_you_could_not_accept_says_so_in_your_words(
    tmp_path: Path,
) -> None:
    """A teacher's audit: tabling a draft that crossed the player's own red line gave "Not
    allowed: the proposer could not accept it: it crosses a red line: ...; it is worth 11,
    below its reservation value", in the third person and cut off at 80 columns. It says, in
    the player's words, that you cannot table what you could not accept, and where to look."""
    app = table_app("MX", seed=5, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        table = await at_table(pilot)
        base = list(table.draft)

        def crosses(i: int, k: int) -> bool:
            package = tuple(k if n == i else o for n, o in enumerate(base))
            return bool(table.view.score(package).red_lines)

        issues = table.view.scenario.issues
        i, k = next(
            (i, k)
            for i, issue in enumerate(issues)
            for k in range(len(issue.options))
            if crosses(i, k)
        )
        table.draft[i] = k
        await pilot.press("t")
        await pilot.pause()
        latest = " ".join(widget_text(app, "#latest").split())
        assert "You cannot table a package you could not accept yourself" in latest
        assert "proposer" not in latest and table.view.offer is None


async def test_a_and_c_say_what_the_table_holds_when_they_cannot_be_used(
    tmp_path: Path,
) -> None:
    """A play-test: with its own package on the table ("Accepted: MX, CA · waiting for: US"),
    `a` said "You cannot accept: there is no package before you to accept"; and `c` with
    nothing on the table answered "You cannot table a package you could not accept yourself".
    Each now says what the table holds and which key does what was meant."""
    from dataclasses import replace as replaced

    from game.core.engine.state import Offer

    app = table_app("US", seed=5, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        table = await at_table(pilot)
        assert table.view.offer is None and table.view.my_turn
        await pilot.press("c")
        await pilot.pause()
        latest = " ".join(widget_text(app, "#latest").split())
        assert "There is no package on the table to counter: t tables your draft." in latest
    game = Game.new(spp_file(), 5, ["US"], saves_dir=tmp_path)
    assert game.to_move == "US"
    ids = game.scenario.party_ids
    package = tuple(1 if n == 0 else o for n, o in enumerate(game.view("US").status_quo))
    game.state = replaced(game.state, offer=Offer("US", package, ids, ("US", "MX")))
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await at_table(pilot)
        await pilot.press("a")
        await pilot.pause()
        latest = " ".join(widget_text(app, "#latest").split())
        assert "You have accepted this package; it waits for Canada to answer." in latest


@pytest.mark.parametrize("key", ["t", "a", "r", "c"])
async def test_a_package_that_does_not_bind_you_says_it_is_not_yours_to_answer(
    tmp_path: Path, key: str
) -> None:
    """A play-test (Mexico, chair of round 8, with Canada's U.S.-Canada package on the
    table): `t` said "A package is already on the table: accept, reject or counter it (c)",
    then `c`, `r` and `a` each said there was no package before Mexico. Each key now says the
    package binds others only, and what Mexico can do meanwhile."""
    from dataclasses import replace as replaced

    from game.core.engine.state import Offer

    game = Game.new(spp_file(), 5, ["MX"], saves_dir=tmp_path)
    while game.to_move != "MX":
        game.play(Pass(party=game.to_move or ""))
    package = tuple(game.view("MX").status_quo)
    game.state = replaced(game.state, offer=Offer("CA", package, ("US", "CA"), ("CA",)))
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await at_table(pilot)
        await pilot.press(key)
        await pilot.pause()
        latest = " ".join(widget_text(app, "#latest").split())
        assert (
            "The package on the table binds United States and Canada only: it is theirs "
            "to answer. Meanwhile you may pass (p) or take an action (d)." in latest
        ), latest


def test_the_score_panel_says_when_no_package_can_be_worth_what_you_need() -> None:
    """A student's play-test (Mexico, hard, round 9, after a side deal and the Mérida event):
    the panel read "Your score 96.6 / You need 100.2" beside "100 the best", and nothing said
    that no package could ever satisfy Mexico. It now says so."""
    from dataclasses import replace as replaced

    from game.core.engine.effects import with_alternatives
    from game.ui.render.score import score

    game = Game.new(spp_file(), 5, ["MX"])
    view = game.view("MX")
    package = tuple(view.status_quo)
    calm = " ".join(score(view.score(package), 0).plain.split())
    assert "no package" not in calm
    raised = with_alternatives(game.scenario, game.state.conditions, "MX", 40)
    game.state = replaced(game.state, conditions=raised)
    s = game.view("MX").score(package)
    assert s.requirement.total > 100
    said = " ".join(score(s, s.requirement.total).plain.split())
    assert (
        "No package binding these partners can be worth that much to you (100 at most), "
        "so none can satisfy you now." in said
    ), said


def test_a_counters_reason_says_it_is_about_the_package_refused() -> None:
    """A student's play-test: right after "Canada counters: now in your draft", the next line
    read "Canada: it is worth 66, and it needs 77", which is about the player's package that
    Canada refused, not Canada's counter (worth 92.4 to the player). The line says so."""
    from dataclasses import replace as replaced

    from game.core.engine.state import LogEntry
    from game.ui.render.table import latest

    game = Game.new(spp_file(), 5, ["MX"])
    counter = LogEntry(0, "counter", "CA", "Canada counters.", ("it is worth 66, and it needs 77",))
    game.state = replaced(game.state, log=(*game.state.log, counter))
    said = " ".join(latest(game.view("MX"), 78, own_kept=False).plain.split())
    assert "Canada, of the package it refused: it is worth 66, and it needs 77" in said, said


def test_a_failed_vote_s_reason_names_the_country_once() -> None:
    """A student's play-test (revive-spp hot seat): after a package failed at home the line
    read "United States: United States: its groups at home would not suppor…" (the reasons of
    a failed vote name each country, as several may fail at once)."""
    from dataclasses import replace as replaced

    from game.core.engine.state import LogEntry
    from game.ui.render.table import latest

    game = Game.new(spp_file(), 5, ["MX"])
    reason = "United States: its groups at home would not support it (support 49.8, needs 50)"
    blocked = LogEntry(0, "blocked", "US", "Support at home fell short.", (reason,))
    game.state = replaced(game.state, log=(*game.state.log, blocked))
    said = " ".join(latest(game.view("MX"), 78, own_kept=False).plain.split())
    assert "United States: United States" not in said, said
    assert "United States: its groups at home would not" in said, said


def test_options_outside_the_drafts_scope_are_marked_and_all_named() -> None:
    """A student's play-test (Canada, revive-spp): a draft binding the United States and
    Canada held two options binding all three; the panels said "Acceptable to you ✔ yes" and
    nothing marked them, and `t` named one of them at a time. Each is now marked in the
    agenda (✗), the selected one says it is outside the draft's scope, and the refusal to
    table names them all."""
    from game.core.engine.legal import offer_problem
    from game.ui.render.agenda import agenda, option_detail

    game = Game.new(spp_file(), 5, ["CA"])
    s = game.scenario
    trilateral = [
        (n, next(k for k, o in enumerate(issue.options) if not o.status_quo and not o.binds))
        for n, issue in enumerate(s.issues)
    ][:2]
    draft = list(game.view("CA").status_quo)
    for n, k in trilateral:
        draft[n] = k
    package, scope = tuple(draft), ("US", "CA")
    lines = agenda(s, package, 5, 60, None, scope=scope).plain.splitlines()
    marked = [n for n, line in enumerate(lines) if line.rstrip().endswith("✗")]
    assert marked == [n for n, _ in trilateral]
    detail = " ".join(option_detail(s, package, trilateral[0][0], scope, 60).plain.split())
    assert "binds all three · outside your draft's scope" in detail
    problem = offer_problem(game.state, "CA", package, scope) or ""
    for n, k in trilateral:
        assert f"{s.issues[n].name}: {s.issues[n].options[k].label}" in problem, problem
    assert problem.endswith("bind parties outside the scope")


def test_a_worth_known_from_a_refusal_is_called_known_not_stated() -> None:
    """A student's play-test: the log said Canada's refusal found the package "worth 68", and
    the Partners panel then read "worth to them 67.8 (stated)", and 67.9 a round later, for
    the same package. What the panel shows is the worth as it is now, known since the refusal
    made it public (the log gives whole numbers): it says "known", not "stated"."""
    from game.core.players.estimates import Estimate
    from game.ui.render.partners import worth_seen

    known = Estimate("CA", 67.8, 67.8, 60.0, 60.0, "likely no", (), True, 90.0, 95.0, "", True)
    assert worth_seen(known) == "67.8 (known)"


def long_agenda(extra: int) -> Scenario:
    """spp-2005 with `extra` more issues (copies of its first ones under new ids): an agenda
    longer than the table's column at 80x24."""
    data = spp_file().scenario.model_dump(mode="json", exclude_none=True)
    copies = []
    for n in range(extra):
        issue = dict(data["issues"][n % len(data["issues"])])
        issue["id"], issue["name"], issue["short"] = f"more{n}", f"More {n}", f"More {n}"
        copies.append(issue)
    data["issues"] += copies
    return Scenario.model_validate(data)


async def test_a_long_agenda_scrolls_with_the_cursor_and_keeps_the_table_in_view(
    tmp_path: Path,
) -> None:
    """A teacher's audit: with twelve issues the table's left column ran past the screen at
    80x24 (who had accepted the package on the table was cut off), and with thirty the cursor
    left the screen, so that `t` tabled options never shown. The agenda shows a window of its
    issues that follows the cursor, with arrows where more lie above or below, and the package
    on the table stays in view."""
    scenario = long_agenda(6)
    game = Game.new(scenario, 11, ["MX"], saves_dir=tmp_path)
    assert game.view("MX").offer is not None  # the United States has tabled a package
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_table(pilot)
        shown = "\n".join(screen_text(app))
        assert "waiting for:" in shown
        assert "↓" in shown and "▸Border" in shown.replace(" ", "")
        for _ in range(len(scenario.issues) - 1):
            await pilot.press("down")
            await pilot.pause()
            shown = "\n".join(screen_text(app))
            assert "◂" in shown and "waiting for:" in shown
        assert "▸More5" in shown.replace(" ", "") and "↑" in shown


def test_the_partners_panel_says_a_team_needs_what_a_computer_holds_out_for() -> None:
    """The panel names the bar as what it is: a computer partner is "holding out for" its
    strategy's aim, a partner played by people is "needing at least" what the rules make it
    need."""
    from game.core.players.estimates import estimate
    from game.core.scenario.index import index
    from game.ui.render.partners import partners

    state = Game.new(spp_file(), 42, ["US", "MX"]).state
    package = index(state.scenario).status_quo
    shown = partners(state.scenario, [estimate(state, "US", p, package) for p in ("MX", "CA")])
    mexico, canada = shown.plain.split("Canada ·")
    assert "needing at least" in mexico and "holding out for" not in mexico
    assert "holding out for" in canada and "needing at least" not in canada


async def test_the_action_window_s_footer_names_the_key_that_takes_an_action(
    tmp_path: Path,
) -> None:
    """A browser play-test: the action window's footer read only "esc Back ? Help", so a
    student had to guess how to take the action. It names Enter, which takes the highlighted
    one."""
    from game.ui.screens.actions import ActionScreen

    app = table_app("MX", 1, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_table(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ActionScreen)
        assert "⏎ Take it" in screen_text(app)[-1]
        chosen = app.screen.actions[1]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, ActionScreen)
        assert app.game is not None and chosen in app.game.state.moves


async def test_the_table_says_why_you_cannot_accept_to_you(tmp_path: Path) -> None:
    """A play-test: `a` said "You cannot accept: it is worth 97, and it needs 100: its
    reservation value 92 + 8 for its leader's limited attention", the player's own country
    spoken of as "it". It says "it is worth 90 to you, and you need 96: your reservation value
    88 + 8 for your leader's limited attention"."""
    from game.core.engine.legal import legal_moves

    game = Game.new(spp_file(), 3, ["MX"], saves_dir=tmp_path)
    while not legal_moves(game.state, "MX").accept_blocked:
        game.play(Pass(party="MX"))
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await at_table(pilot)
        await pilot.press("a")
        await pilot.pause()
        said = " ".join(str(table.query_one("#latest").render()).split())
        assert said == (
            "You cannot accept: it is worth 90 to you, and you need 96: your reservation value "
            "88 + 8 for your leader's limited attention"
        ), said


async def test_the_table_is_drawn_again_for_its_new_size_after_a_resize(tmp_path: Path) -> None:
    """A student's revive-spp hot seat, the United States' turn in round 4: after the terminal
    went from 80x24 to 100x30 and back, the left column kept the agenda's height at 100x30,
    and "Your draft binds" and "On the table ... Accepted: ..." were gone until the next key.
    The table redraws for the size it has once the resize is laid out."""
    from game.core.engine.moves import load_move
    from game.core.scenario.loader import find_scenario
    from tests.conftest import REVIVED_AFTER_A_FAILED_VOTE

    game = Game.new(find_scenario("revive-spp"), 282592, ["US", "MX", "CA"], saves_dir=tmp_path)
    for move in REVIVED_AFTER_A_FAILED_VOTE[:12]:  # to the failed vote of round 3
        game.play(load_move(move))
    assert game.to_move == "US" and game.state.round == 3  # round 4, the United States' turn
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await past_hand_off(pilot)
        await close_notices(pilot)
        assert isinstance(app.screen, TableScreen)
        before = visible(app)
        assert "Your draft binds" in before and "Accepted: nobody" in before
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        after = visible(app)
        assert "Your draft binds" in after and "Accepted: nobody" in after, screen_text(app)
