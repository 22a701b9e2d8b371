"""The end screen says why the game ended as it did (issue 8, point 5): "An end screen that
answers: won or lost against your reservation value; the package signed, or the last one on the
table; for a failed deal, who refused when and why, in plain words with the chapter section;
the two or three constraints that bound hardest."

Every game here is built through the engine, then opened in the app as `play --load` would.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import ProgressBar

from game.core.analysis import frontier
from game.core.analysis.debrief import Debrief, debrief
from game.core.analysis.frontier import Frontier
from game.core.engine.conditions import Conditions
from game.core.scenario.model import Scenario
from game.ui.app import PerimeterApp
from game.ui.flows import ending
from game.ui.screens.end import EndScreen, frontier_text
from game.ui.screens.working import WorkingScreen
from tests.conftest import WITHOUT_CAUSES, blocked_game
from tests.ui.conftest import at_end, game_app_at, played_game, screen_text

SIZE = (80, 24)


def prose(lines: list[str]) -> str:
    """Screen lines as one text, wrapped lines joined."""
    return re.sub(r"\s+", " ", " ".join(content(line) for line in lines)).strip()


def content(line: str) -> str:
    """A line of the end screen without the scroll bar (two columns, then the padding)."""
    return line[:-3]


async def first_screen(pilot: Pilot[None]) -> list[str]:
    """The end screen as it opens: the lines between the header and the footer."""
    await at_end(pilot)
    app = pilot.app
    assert isinstance(app, PerimeterApp) and isinstance(app.screen, EndScreen)
    return screen_text(app)[1:-1]


async def every_page(pilot: Pilot[None]) -> str:
    """The whole end screen, read a page at a time with PgDn as a player would."""
    app = pilot.app
    assert isinstance(app, PerimeterApp)
    pages = [await first_screen(pilot)]
    lines = list(pages[0])
    for _ in range(40):
        await pilot.press("pagedown")
        await pilot.pause()
        page = screen_text(app)[1:-1]
        if page == pages[-1]:
            break
        # A page may repeat the last lines of the one before (the last page stops at the end
        # of the text): read each line once.
        before, now = [content(x) for x in pages[-1]], [content(x) for x in page]
        overlap = max((k for k in range(len(now), 0, -1) if before[-k:] == now[:k]), default=0)
        pages.append(page)
        lines += page[overlap:]
    return prose(lines)


def verdict_numbers(report: Debrief, party: str) -> list[str]:
    r = report.parties[party].result
    return [f"{r.score:.1f}", f"{r.reservation:.1f}"]


async def test_a_won_game_says_so_first_with_the_package_signed(tmp_path: Path) -> None:
    """ "won or lost against your reservation value; the package signed" """
    game = played_game("US", seed=1, accept=True, without=WITHOUT_CAUSES)
    report = debrief(game.state)
    assert report.deal is not None and report.package is not None
    async with game_app_at(game, tmp_path).run_test(size=SIZE) as pilot:
        top = prose((await first_screen(pilot))[:4])
        assert top.startswith("You won.")
        gain = report.parties["US"].result.gain
        assert all(n in top for n in verdict_numbers(report, "US")) and f"{gain:+.1f}" in top
        text = await every_page(pilot)
    assert "Signed: the trilateral package" in text
    for change in report.package.tabled.changes:
        assert f"{change.short}: {change.option}" in text
    assert "Why there is no deal" not in text


async def test_a_lapsed_partnership_says_who_walked_away_when_and_why(tmp_path: Path) -> None:
    """Issue 9: "a partnership that is signed but lapses when leaders lose interest is a
    reachable outcome"; the end screen says who walked away, when, why, and what came just
    before, with the chapter section (the SPP was "no longer an active initiative" by August
    2009 [Policies D) Trilateral])."""
    game = played_game("US", seed=1, accept=True)
    report = debrief(game.state)
    assert report.outcome == "lapsed" and report.lapse is not None
    async with game_app_at(game, tmp_path).run_test(size=SIZE) as pilot:
        top = prose(await first_screen(pilot))
        assert top.startswith("You neither won nor lost. The partnership you signed lapsed")
        assert "Outcome: a partnership signed and then left to lapse" in top
        text = await every_page(pilot)
    lapse = report.lapse
    assert f"Why the partnership lapsed {lapse.date} {lapse.text} [Policies D) Trilateral]" in text
    for reason in lapse.reasons:
        assert reason in text
    assert lapse.events and all(f"{e.title} [{e.source}]" in text for e in lapse.events)
    assert "Why there is no deal" not in text


async def test_a_game_lost_at_the_deadline_says_who_refused_when_and_why(tmp_path: Path) -> None:
    """ "for a failed deal, who refused when and why, in plain words with the chapter section;
    the two or three constraints that bound hardest" (MX, seed 5, passing to the deadline)"""
    game = played_game("MX", seed=5)
    report = debrief(game.state)
    assert report.deal is None and report.refusals and report.package is not None
    async with game_app_at(game, tmp_path).run_test(size=SIZE) as pilot:
        top = prose(await first_screen(pilot))
        assert top.startswith("You neither won nor lost.")
        assert "Outcome: no trilateral deal" in top
        assert "The last trilateral package on the table" in top
        text = await every_page(pilot)
    s = game.scenario
    last = report.refusals[-1]
    assert f"{last.date} {s.party(last.party).name} rejected the package" in text
    for reason in last.reasons:
        assert reason.text in text
    for event in last.events:
        assert f"{event.title} [{event.source}]" in text
    mine = report.parties["MX"].constraints
    assert 2 <= len(mine) <= 3
    assert "What bound you hardest" in text
    for n, c in enumerate(mine, 1):
        assert f"{n}. {c.label}" in text and f"[{c.source}]" in text


async def test_a_failed_ratification_names_the_country_that_voted_it_down(tmp_path: Path) -> None:
    """ "for a failed deal, who refused when and why ... or who blocked ratification" """
    game = blocked_game()
    report = debrief(game.state)
    assert [(r.party, r.kind) for r in report.refusals] == [("MX", "blocked")]
    async with game_app_at(game, tmp_path).run_test(size=SIZE) as pilot:
        text = await every_page(pilot)
    group = "Nationalistic and leftist groups"
    source = game.scenario.group("mx_nationalists").source
    assert "2005-03-01 Mexico: its groups at home would not back the package" in text
    assert group in text and f"[{source}]" in text
    assert "after it lacked support at home" in text


async def test_the_path_chart_shows_support_for_the_offer_on_the_table(tmp_path: Path) -> None:
    """ "The path chart's 'support at home' must be the weighted approval FOR the package on the
    table as that round opened ...; with nothing on the table show the status-quo approval and
    say so." """
    game = played_game("MX", seed=5)
    path = debrief(game.state).paths["MX"]
    with_offer = next(p for p in path if p.offered is not None)
    async with game_app_at(game, tmp_path).run_test(size=SIZE) as pilot:
        text = await every_page(pilot)
    row = re.search(rf"{with_offer.date} \S+ +\d+ \S+ +(\d+)\*?", text)
    assert row is not None and row.group(0).endswith(f"{with_offer.support:.0f}")
    assert "* nothing on the table: your groups' approval of the status quo" in text


async def test_the_end_screen_scrolls_with_the_keys_its_footer_shows(tmp_path: Path) -> None:
    """ "The screen scrolls (↑/↓/PgUp/PgDn); keys shown in the footer." """
    async with game_app_at(played_game("MX", seed=5), tmp_path).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, PerimeterApp)
        top = await first_screen(pilot)
        footer = screen_text(app)[-1]
        assert "↑↓" in footer and "PgUp/PgDn" in footer
        await pilot.press("down")
        await pilot.pause()
        assert content(screen_text(app)[1]) == content(top[1])
        await pilot.press("pagedown", "pageup", "up")
        await pilot.pause()
        assert list(map(content, screen_text(app)[1:-1])) == list(map(content, top))


def test_the_end_screen_help_explains_the_verdict_and_the_constraints() -> None:
    """The end screen's help says how to read what it now shows."""
    help_text = EndScreen.HELP
    for words in ("you won or lost", "signed", "why", "What bound you hardest", "PgUp/PgDn"):
        assert words in help_text


async def test_what_was_possible_is_worked_out_off_the_screen_with_a_progress_bar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 10, point 9: the frontier is "computed off the UI thread with a progress
    indicator, so no screen freezes". The frontier here waits until the test lets it finish:
    meanwhile the app still answers keys (help opens and closes) and shows how far it got."""
    release = threading.Event()
    real = frontier.pareto_frontier

    def slow(
        scenario: Scenario, conditions: Conditions, progress: Callable[[int, int], None]
    ) -> Frontier:
        progress(1, 4)
        assert release.wait(timeout=30)
        return real(scenario, conditions, progress=progress)

    monkeypatch.setattr(frontier, "pareto_frontier", slow)
    monkeypatch.setattr(ending, "WORKING_AFTER", 0.001)
    async with game_app_at(played_game("MX", seed=5), tmp_path).run_test(size=SIZE) as pilot:
        app = pilot.app
        for _ in range(200):  # the 1 ms timer, then the push
            await pilot.pause()
            if isinstance(app.screen, WorkingScreen):
                break
        assert isinstance(app.screen, WorkingScreen)
        app.screen.show_progress()
        await pilot.pause()
        assert app.screen.query_one(ProgressBar).percentage == 0.25
        assert "Working out what was possible" in " ".join(screen_text(app))
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Working it out" in " ".join(screen_text(app))
        await pilot.press("escape")
        release.set()
        assert isinstance(await at_end(pilot), EndScreen)


def test_an_approximate_frontier_says_how_close_it_is() -> None:
    """Issue 10, point 9: "otherwise an approximation whose error bound is computed and
    shown ("within 0.8 points of the frontier")"."""
    report = debrief(played_game("MX", seed=5).state)
    rough = Frontier(report.frontier.points, False, "approximate: test", 0.84)
    shown = frontier_text(played_game("MX", seed=5).scenario, replace(report, frontier=rough))
    assert "within 0.8 points, for every party" in shown.plain


def test_the_joint_gain_is_the_sum_of_the_gains_shown_above_it() -> None:
    """A teacher's audit: "Joint gain +104.7" under gains of +70.2 and +34.6, which a reader
    adds up to 104.8 (spp-2005 seed 12 read +49.0 for gains adding up to 49.1)."""
    from decimal import Decimal

    from game.core.analysis.simulation import play_computer_game
    from game.core.engine.numbers import difference
    from game.core.scenario.loader import find_scenario
    from game.ui.render.outcome import joint_gain

    checked = 0
    for scenario, seed in (("spp-2005", 12), ("merida-2007", 2), ("revive-spp", 1)):
        report = debrief(play_computer_game(find_scenario(scenario).scenario, seed))
        shown = sum(Decimal(difference(r.score, r.reservation)) for r in report.results)
        assert joint_gain(report) == f"Joint gain {shown:+.1f}"
        checked += 1
    assert checked == 3


def test_the_path_charts_mark_support_short_of_what_is_needed() -> None:
    """A class game in Chromium: on the end screen's path and the debrief's "Score and support
    at home", support of 48 against a need of 50 drew like 53: five blocks reaching the
    marker of what is needed, though that 48 is what made the United States walk away. A
    number short of its need is marked ✘, in both, and the end screen says what the mark is."""
    from dataclasses import replace as replaced

    from game.core.analysis.debrief import RoundPoint
    from game.core.analysis.report_paths import path_line
    from game.ui.screens.end import path_chart

    short = RoundPoint("2007-11-15", 80.0, 70.0, 48.0, 50.0)
    enough = replaced(short, support=53.0)
    lines = path_chart((short, enough)).plain.splitlines()
    assert lines[3].rstrip().endswith("48 ✘") and "✘" not in lines[4], lines
    assert "✘ support short of what is needed" in lines[-1]
    assert path_line(short).endswith("48/50 ✘") and "✘" not in path_line(enough)


def test_the_path_chart_says_it_charts_the_table_as_each_round_opened() -> None:
    """A teacher's audit: "Your path, round by round" showed "nothing on the table" for round 1
    though the teacher had tabled a package in round 1: the chart follows the table as each
    round opened, and its heading now says so."""
    from game.core.analysis.simulation import play_computer_game
    from game.core.scenario.loader import find_scenario
    from game.ui.screens.end import path_chart

    report = debrief(play_computer_game(find_scenario("spp-2005").scenario, 1))
    heading = path_chart(report.paths["US"]).plain.splitlines()[0]
    assert heading == "Your path: the table as each round opened"


def test_without_a_deal_the_verdict_says_how_far_the_reservation_value_moved_and_why() -> None:
    """A play-test: the United States signed a side deal with Canada, and the end screen said
    "You neither won nor lost ... your reservation value, 68.6 ... (60.3 when the game began)",
    with every gain +0.0; Canada, down from 74.4 to 72.2, was not told it had lost ground. The
    verdict says by how much the reservation value moved, up or down, and what moved it."""
    from game.core.analysis.simulation import play_computer_game
    from game.core.scenario.loader import find_scenario
    from game.ui.render.outcome import verdict

    scenario = find_scenario("spp-2005").scenario
    report = debrief(play_computer_game(scenario, 32))
    assert report.deal is None and report.lapse is None
    us = " ".join(verdict(scenario, report, "US").plain.split())
    mx = " ".join(verdict(scenario, report, "MX").plain.split())
    assert "79.1: what you have without a deal, up 18.8 from 60.3 when the game began" in us
    assert "the side deals you signed" in us and "the side deals you signed" not in mx
    ca = " ".join(verdict(scenario, report, "CA").plain.split())
    assert "down 0.5 from" in ca


def test_the_verdict_never_calls_a_deal_possible_when_none_could_pass_at_the_end() -> None:
    """A student's play-test (Mexico, hard): the end screen said "A deal was possible: the
    Nash bargaining package would have given you 96.6", and further down "No package could
    have passed at the end, when no package is worth what Mexico needs" (100.2: the Nash
    package is reckoned against reservation values, without the leader's attention or support
    at home). Where no package could pass at the end, the verdict says a deal could have
    passed earlier, and only if one could."""
    from game.ui.render.outcome import verdict

    game = played_game("MX", 0, difficulty="hard")
    scenario, report = game.scenario, debrief(game.state)
    assert report.empty_zone is not None and not report.empty_throughout
    assert report.nash is not None and report.nash.score("MX") > report.results[1].reservation
    said = " ".join(verdict(scenario, report, "MX").plain.split())
    assert "A deal was possible: the Nash" not in said
    assert "A deal could have passed earlier in the game, though not at the end." in said
    throughout = replace(report, empty_throughout=True)
    assert "A deal" not in verdict(scenario, throughout, "MX").plain
    open_zone = replace(report, empty_zone=None)
    assert "A deal was possible: the Nash bargaining package would have given you" in " ".join(
        verdict(scenario, open_zone, "MX").plain.split()
    )


def test_a_reservation_value_raised_by_your_own_act_is_not_put_on_the_others() -> None:
    """A play-test: the United States acted unilaterally in round 1 (its reservation value +4),
    passed to the end, and the verdict said its reservation value had moved "by the game's
    events and the other countries' moves". It names the player's own diplomatic actions, and
    the other countries' moves only where they raised it too."""
    from game.core.engine.moves import Act, Pass
    from game.core.game import Game
    from game.core.scenario.loader import find_scenario
    from game.ui.render.outcome import verdict

    source = find_scenario("spp-2005")
    game = Game.new(source, 11, ["US"])
    game.play(Act(party="US", action="unilateral_act", target="MX"))
    while not game.finished:
        game.play(Pass(party="US"))
    report = debrief(game.state)
    said = " ".join(verdict(source.scenario, report, "US").plain.split())
    assert "your own diplomatic actions" in said, said
    alone = " ".join(
        verdict(source.scenario, debrief(played_game("US", 11).state), "US").plain.split()
    )
    assert "your own diplomatic actions" not in alone, alone
    # A browser play-test: with no country's action moving it (seed 1: every change came
    # from events), the verdict still said "the game's events and the other countries' moves".
    events = " ".join(
        verdict(source.scenario, debrief(played_game("US", 1).state), "US").plain.split()
    )
    assert "(moved by the game's events)" in events, events


async def test_a_stray_enter_after_the_last_window_keeps_the_end_screen(tmp_path: Path) -> None:
    """A browser play-test: the windows before the end say "⏎ Continue", and one Enter too
    many left the end screen for the title (in a class game, for the join page). Enter does
    nothing there; Esc (in the footer) goes back to the title."""
    from game.ui.screens.title import TitleScreen

    app = game_app_at(played_game("MX", 6, tmp_path), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await at_end(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EndScreen)
        assert "esc Title" in screen_text(app)[-1]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)


def test_the_path_chart_never_rounds_a_number_onto_the_bar_it_missed() -> None:
    """A browser play-test: the chart showed support "50" against a need of 50 for the round
    whose package failed at home with 49.5. A number and the bar it is measured against keep
    the decimal that tells them apart (as everywhere else), and one that meets its bar within
    the engine's tolerance shows as meeting it."""
    from game.core.analysis.debrief import RoundPoint
    from game.ui.screens.end import path_chart

    missed = RoundPoint("2006-04", offered=63.96, reservation=64.0, support=49.5, threshold=50.0)
    _, _, offered, _, support, short = path_chart((missed,)).plain.splitlines()[3].split()
    assert (offered, support, short) == ("63.96", "49.5", "✘")
    met = RoundPoint("2006-04", offered=64.0, reservation=64.0, support=50.0, threshold=50.0)
    _, _, offered, _, support = path_chart((met,)).plain.splitlines()[3].split()
    assert (offered, support) == ("64", "50")


def test_the_end_screen_path_shows_the_support_a_vote_at_home_found() -> None:
    """A student's revive-spp hot seat: the United States' package was sunk at home in round 3
    ("support 49.8, needs 50.0"), but the path showed only the forecast as the round opened
    (50.5 against 50), with no ✘. The vote's line goes under the round's row, with its swing
    and the ✘ where it fell short."""
    from game.ui.screens.end import path_chart
    from tests.conftest import revived_after_a_failed_vote

    report = debrief(revived_after_a_failed_vote().state)
    lines = path_chart(report.paths["US"]).plain.splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("2012-07-01"))
    vote = lines[row + 1]
    assert vote.lstrip().startswith("vote at home, swing -0.7")
    assert vote.rstrip().endswith("49.8 ✘")
    assert vote.index("█") == 43  # under the row's support bar
    assert any(line.startswith("vote at home: the support the vote found") for line in lines)
    assert "a vote at home, a line gives the support the vote found" in " ".join(
        EndScreen.HELP.split()
    )
    assert all(len(line) <= 76 for line in lines)
