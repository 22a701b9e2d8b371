"""Issue 9 [Fidelity]: what a player reads never passes the scenario author's design off as the
chapter's fact; it speaks of support at home, not votes; events carry their own dates; each
group's reason is given in the chapter's words; and the chapter's theory is one key away.
"""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console, RenderableType
from textual.app import App

from game.core.analysis.debrief import debrief
from game.core.engine.moves import Accept, Pass, Propose
from game.core.engine.state import LogEntry
from game.core.engine.timeline import scenario_event
from game.core.game import Game
from game.core.scenario.lookups import Placed
from game.core.scenario.model import Scenario
from game.ui import render
from game.ui.render import briefing as brief
from game.ui.render import outcome
from game.ui.render.table import DESIGN_DATE, DESIGN_EFFECTS
from game.ui.screens.actions import ActionScreen
from game.ui.screens.base import GameModal, GameScreen
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.end import EndScreen, path_chart
from game.ui.screens.notice import NoticeScreen
from game.ui.screens.theory import TheoryScreen
from tests.conftest import spp_file
from tests.ui.conftest import (
    at_end,
    close_notices,
    each_action,
    game_app,
    game_app_at,
    past_hand_off,
    played_game,
    screen_text,
    table_app,
)

SMALL = (80, 24)
PARTIES = ("US", "MX", "CA")


def plain(renderable: RenderableType, width: int = 1000) -> str:
    """What a renderable shows, as plain text (wide enough that nothing wraps)."""
    out = io.StringIO()
    Console(width=width, file=out, color_system=None, legacy_windows=False).print(renderable)
    return out.getvalue()


def shown(app: App[Any]) -> str:
    """The screen's text, lines folded."""
    return " ".join(line.strip() for line in screen_text(app))


@functools.cache
def passed_to_the_deadline() -> Game:
    """People at every seat who all pass: no deal ends the game early, so every scripted event
    of spp-2005 fires, and every round opens."""
    game = Game.new(spp_file(), 1, list(PARTIES))
    while not game.finished:
        game.play(Pass(party=game.to_move or ""))
    return game


def event_entries(game: Game) -> list[LogEntry]:
    """The log entries of the scenario's own events."""
    return [e for e in game.state.log if scenario_event(game.scenario, e) is not None]


# --- events on their own dates ------------------------------------------------------------


def test_the_log_dates_an_event_by_the_event_not_by_the_round_that_reports_it() -> None:
    """Issue 9: "Calderón 'takes office' shows as 2007-05-01 (he took office 1 December
    2006)": the log must show the event's own date, not that of the round at which it fires."""
    game = passed_to_the_deadline()
    for entry in event_entries(game):
        event = scenario_event(game.scenario, entry)
        assert event is not None
        line = render.log_line(game.scenario, entry).plain
        assert line.startswith(event.date.isoformat()[:7] + " "), line


def test_the_log_dates_an_event_that_fired_late_when_it_fired() -> None:
    """revive-spp's "Calderón's pragmatic side" waits for trust (its own date 2012-05-01);
    in the computer game of seed 25 it fired rounds later, after the joint assessments of
    round 4 (2012-09-01). The log showed it as 2012-05, before the lines of 2012-09; it is
    dated by what set it off, as the debrief's timeline dates it."""
    from game.core.analysis.report_parts import timeline
    from game.core.scenario.loader import find_scenario

    game = Game.new(find_scenario("revive-spp"), 25, [])
    view = game.view(game.scenario.party_ids[0])
    text = plain(render.log(view))
    line = next(x for x in text.splitlines() if "Calderón's pragmatic side" in x)
    (entry,) = [t for t in timeline(game.state) if "Calderón's pragmatic side" in t.text]
    assert entry.date != "2012-05-01"
    assert line.startswith(entry.date[:7] + " "), line


def log_dates_shown(text: str) -> list[str]:
    """The month each line of a rendered log opens with (its reasons' lines have none)."""
    return [line[:7] for line in text.splitlines() if re.match(r"\d{4}-\d\d ", line)]


@pytest.mark.parametrize(
    ("party", "seed", "difficulty"), [("MX", 111340, "hard"), ("US", 5, "normal")]
)
def test_the_log_lists_an_event_before_the_round_that_reports_it(
    party: str, seed: int, difficulty: Any
) -> None:
    """A play-test (spp-2005, Mexico, hard, seed 111340): a log line "2006-10 Round 4…" was
    listed before the "2006-06" event that round reported. The engine logs a round's line as it
    opens and the news since after it; the log says it is "oldest first", so an event dated
    before the round's meeting is listed before the round's line, and every line's month is in
    order. The round's own lines (its moves, a consequence landing as it opens) stay after
    it."""
    game = played_game(party, seed, difficulty=difficulty)
    text = plain(render.log(game.view(party)))
    assert log_dates_shown(text) == sorted(log_dates_shown(text))
    lines = [line for line in text.splitlines() if re.match(r"\d{4}-\d\d ", line)]
    at = next(n for n, line in enumerate(lines) if " Round 4: " in line)
    assert lines[at - 1].startswith("2006-06 U.S. agencies set up Border Enforcement")
    assert lines[at + 1].startswith("2006-10 ") and "passes" in lines[at + 1]


def test_the_replay_lists_what_followed_a_move_in_date_order() -> None:
    """The same play-test: the replay's "Then" (the next round and the news it brought) is in
    the log's order, oldest first."""
    from game.core.analysis.steps import replay
    from game.ui.render import replay as step_text

    steps = replay(played_game("MX", 111340, difficulty="hard").state)
    for n in steps.round_starts:
        view = steps.view(n, "MX")
        news = steps.news(n)
        shown = plain(step_text.followed(view, news[1:] if n else news))
        assert log_dates_shown(shown) == sorted(log_dates_shown(shown)), shown


def test_the_event_window_heads_with_the_events_date_and_then_the_rounds() -> None:
    """Issue 9: "the event window ... must show the EVENT's own date, not the date of the round
    at which it fires (today the window heading shows the round's date)"."""
    game = passed_to_the_deadline()
    rounds = game.scenario.rounds
    entry = next(e for e in event_entries(game) if e.text.startswith("Calderón takes office"))
    heading = render.notice(game.scenario, entry).plain.splitlines()[0]
    assert heading == f"Event · 2006-12-01 · at the table {rounds[entry.round].date}", heading


async def test_the_event_window_on_screen_shows_calderons_real_date(tmp_path: Path) -> None:
    """Issue 9: Calderón "took office 1 December 2006"; the window says so, and that the size
    of the event's effects is a design choice."""
    source = spp_file()
    game = Game.new(source, 1, list(PARTIES))
    while True:  # through the engine, to the pass after which Calderón takes office
        trial = Game(game.state, source)
        before = len(trial.state.log)
        trial.play(Pass(party=trial.to_move or ""))
        if any("Calderón" in e.text for e in trial.state.log[before:]):
            break
        game.play(Pass(party=game.to_move or ""))
    async with game_app_at(game, tmp_path).run_test(size=SMALL) as pilot:
        await past_hand_off(pilot)
        await close_notices(pilot)
        await pilot.press("p")
        await pilot.pause()
        for _ in range(6):
            screen = pilot.app.screen
            if isinstance(screen, NoticeScreen) and "Calderón" in screen.entry.text:
                break
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(pilot.app.screen, NoticeScreen)
        text = shown(pilot.app)
        assert "Event · 2006-12-01 · at the table 2007-05-01" in text, text
        assert DESIGN_EFFECTS in text, text


# --- no design passed off as the chapter's fact --------------------------------------------


def test_every_inferred_event_says_in_its_window_that_its_effects_are_a_design_choice() -> None:
    """Issue 9: "for every scenario item marked `inferred: true` (... events ...), the place the
    UI shows it carries the design-choice mark ... (e.g. the event window today shows no mark
    although every event is inferred)"."""
    game = passed_to_the_deadline()
    entries = event_entries(game)
    fired = [scenario_event(game.scenario, e) for e in entries]
    assert sorted(e.id for e in fired if e) == sorted(e.id for e in game.scenario.events)
    for entry in entries:
        event = scenario_event(game.scenario, entry)
        assert event is not None
        window = render.notice(game.scenario, entry).plain
        assert (DESIGN_EFFECTS in window) == event.inferred, event.id
        assert (DESIGN_EFFECTS in render.log_line(game.scenario, entry).plain) == event.inferred


def test_every_inferred_round_date_is_marked_in_the_log_and_the_status_line() -> None:
    """Issue 9: the design-choice mark on every inferred round; the chapter dates only the 2005
    signing and the August 2009 end of the SPP [Policies D) Trilateral]."""
    game = passed_to_the_deadline()
    rounds = game.scenario.rounds
    opened = [e for e in game.state.log if e.kind == "round"]
    assert len(opened) == len(rounds)
    for entry in opened:
        line = render.log_line(game.scenario, entry).plain
        assert (DESIGN_DATE in line) == rounds[entry.round].inferred, line
    fresh = Game.new(spp_file(), 1, ["US"]).view("US")
    date = str(rounds[0].date)
    status = render.status(fresh).plain
    assert (f"{date}*" in status) == rounds[0].inferred and date in status, status


def placed_options(scenario: Scenario) -> list[tuple[int, int, Placed]]:
    return [
        (i, k, Placed(issue, option))
        for i, issue in enumerate(scenario.issues)
        for k, option in enumerate(issue.options)
    ]


def test_every_inferred_option_is_marked_wherever_it_is_shown() -> None:
    """Issue 9: options say "a design inference" (the agenda's detail, the option window) and
    carry the briefing's mark."""
    scenario = spp_file().scenario
    for i, k, placed in placed_options(scenario):
        draft = [0] * len(scenario.issues)
        draft[i] = k
        detail = plain(render.option_detail(scenario, tuple(draft), i, scenario.party_ids, 200))
        window = render.option_markdown(scenario, i, k)
        named = brief.named(placed)
        inferred = placed.option.inferred
        assert ("design inference" in detail) == inferred, placed.option.id
        assert ("design inference" in window) == inferred, placed.option.id
        assert named.endswith(brief.DESIGN) == inferred, named


def details(party: str) -> str:
    view = Game.new(spp_file(), 1, [party]).view(party)
    return "".join(plain(part) for part in brief.details(view))


@pytest.mark.parametrize("party", PARTIES)
def test_every_inferred_priority_principle_and_stance_is_marked_in_the_briefing(
    party: str,
) -> None:
    """Issue 9: "check principles, stances": the full briefing marks every priority weight,
    principle and stance that is the scenario author's inference, and nothing else."""
    scenario = spp_file().scenario
    text = details(party)
    lines = text.splitlines()
    me = scenario.party(party)
    for threat, prio in me.priorities.items():
        row = next(line for line in lines if line.strip().startswith(scenario.threat(threat).name))
        assert ("(weight: design choice)" in row) == prio.inferred, row
    for pr in (p for p in scenario.principles if p.party == party):
        row = next(line for line in lines if line.startswith(f"• {pr.name} ("))
        assert ("design choice" in row) == pr.inferred, row
    for group in (g for g in scenario.domestic_groups if g.party == party):
        start = next(n for n, line in enumerate(lines) if line.startswith(f"• {group.name} ("))
        block = []
        for line in lines[start + 1 :]:
            if line.startswith("•") or not line.startswith("   "):
                break
            if line.startswith(("   ✘ against (", "   ✔ for (")):
                block.append(line)
        stances = sorted(group.stances, key=lambda st: st.delta)
        assert len(block) == len(stances), group.id
        for stance, row in zip(stances, block, strict=True):
            assert row.endswith("(design choice)") == stance.inferred, row


async def test_every_inferred_action_says_its_effects_are_a_design_choice(
    tmp_path: Path,
) -> None:
    """Issue 9: actions say "its effects are a design choice" in the action window."""
    app = table_app("US", seed=5, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        async for action, detail in each_action(app, pilot):
            marked = "its effects are a design choice" in detail
            assert marked == action.inferred, action.id


def test_help_texts_call_the_action_to_level_mapping_a_design_choice() -> None:
    """Issue 9: "the action → level-of-transformation mapping in help texts (actions window
    HELP, table HELP's Trust panel): label it a design choice"; the chapter names the three
    levels without defining them [Fragmented Region]."""
    from game.ui.screens.table import TableScreen

    trust = TableScreen.HELP.split("4. *Trust*", 1)[1].split("5. *Log*", 1)[0]
    assert "joint threat assessment" in trust and "design choice" in trust, trust
    assert "levels of transformation" in ActionScreen.HELP
    assert "design choices" in ActionScreen.HELP.split("levels of transformation", 1)[1]


# --- support at home, not votes ------------------------------------------------------------


def help_texts() -> list[str]:
    """The help text of every screen and window of the game (player-facing)."""
    import importlib
    import pkgutil

    import game.ui.screens as screens

    for module in pkgutil.iter_modules(screens.__path__):
        importlib.import_module(f"game.ui.screens.{module.name}")
    bases: list[type[GameScreen[object] | GameModal[object]]] = [GameScreen, GameModal]
    found = [sub for base in bases for sub in base.__subclasses__()]
    assert len(found) >= 10, found
    return [cls.HELP for cls in found]


def test_player_facing_text_speaks_of_support_at_home_not_ratification_or_parliament() -> None:
    """Issue 9: "'ratify'/'parliament' wording in player-facing UI text: the chapter describes
    opposition, not votes: call it domestic support / support at home" (partners panel, score
    panel, help texts, briefing, end screen)."""
    game = Game.new(spp_file(), 1, ["US"])
    view = game.view("US")
    package = view.status_quo
    texts = help_texts()
    texts += [plain(brief.summary(view, 78)), details("US")]
    score = view.score(package)
    texts += [render.score(score, view.needed()).plain, render.home(view.scenario, score).plain]
    estimates = [view.estimate(p, package) for p in ("MX", "CA")]
    texts += [render.partners(view.scenario, estimates).plain]
    texts += [path_chart(debrief(passed_to_the_deadline().state).paths["US"]).plain]
    # Pastor's "Inter-Parliamentary Group" is a proposal's name, not a vote at home.
    votes = re.compile(r"\bratif|\bparliaments?\b", re.IGNORECASE)
    for text in texts:
        assert not votes.search(text), votes.findall(text)


# --- each group's stated reason, in the chapter's words -----------------------------------


@pytest.mark.parametrize("party", PARTIES)
def test_the_full_briefing_gives_each_groups_stated_reason_with_its_section(party: str) -> None:
    """Issue 9: each domestic group's stated reason in the chapter's words, separate from the
    inferred stances, shown "in the briefing (summary where it fits, details always)"."""
    scenario = spp_file().scenario
    text = " ".join(details(party).split())
    for group in (g for g in scenario.domestic_groups if g.party == party and g.reason):
        said = " ".join(group.reason.split())
        assert f"{said} [{group.reason_source or group.source}]" in text, group.id


def test_the_summary_gives_a_reason_whole_where_the_line_has_room_and_never_cut() -> None:
    """Issue 9: the reason in the summary "where it fits": whole, or not at all (a quote cut
    short would put words in the chapter's mouth)."""
    view = Game.new(spp_file(), 1, ["CA"]).view("CA")
    new_democrats = " ".join(view.scenario.group("ca_new_democrats").reason.split())
    assert new_democrats in plain(brief.summary(view, 130), 130)
    for width in (78, 100, 130):
        summary = plain(brief.summary(view, width), width)
        for group in view.scenario.domestic_groups:
            said = " ".join(group.reason.split())
            if said and said[:12] in summary:
                assert said in summary, (width, group.id)


def blocked_in_mexico() -> Game:
    """People at every seat: a package that Mexico's groups at home do not back (the end
    screen's tests use the same package), then passes to the deadline."""
    game = Game.new(spp_file(), 1, list(PARTIES))
    game.play(Propose(party="US", package=(0, 0, 1, 3, 0, 2, 0, 0, 0), scope=PARTIES))
    game.play(Accept(party="MX"))
    game.play(Accept(party="CA"))
    while not game.finished:
        game.play(Pass(party=game.to_move or ""))
    return game


def test_the_end_screen_gives_the_stated_reason_of_a_group_that_bound() -> None:
    """Issue 9: the stated reason is shown "in the end screen's constraints where a group is
    named"."""
    game = blocked_in_mexico()
    report = debrief(game.state)
    text = " ".join(outcome.constraints(game.scenario, report, "MX").plain.split())
    group = game.scenario.group("mx_nationalists")
    assert f"At home: {group.name}" in text
    assert f"Their stated reason: {' '.join(group.reason.split())}" in text


# --- the theory card -------------------------------------------------------------------------


async def test_t_opens_the_theory_card_from_the_briefing_and_esc_comes_back(
    tmp_path: Path,
) -> None:
    """Issue 9: the theory card is "reachable by a key shown in the footer from the briefing",
    scrollable, Esc back."""
    app = game_app("MX", seed=5, saves=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert "t Theory" in screen_text(app)[-1]
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TheoryScreen)
        text = shown(app)
        assert "Wendt" in text and "PgUp/PgDn" in screen_text(app)[-1]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)


async def test_t_opens_the_theory_card_from_the_end_screen(tmp_path: Path) -> None:
    """Issue 9: the theory card is reachable "from the briefing AND from the end screen"."""
    async with game_app_at(played_game("MX", seed=5), tmp_path).run_test(size=SMALL) as pilot:
        app = pilot.app
        await at_end(pilot)
        assert "t Theory" in screen_text(app)[-1]
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TheoryScreen)
        await pilot.press("end")
        await pilot.pause()
        assert "design choices" in shown(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EndScreen)
