"""The game move by move and a branch from it, with the keys (issue 11, point 4): "from a save
or the end screen, replay the game move by move (step forward and back), and branch: restart
from round N as the same or another country, or with one of the chapter's causes switched off".

Every game here is built through the engine, then opened in the app as `play --load` would.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from game.core.analysis.steps import Steps, replay
from game.core.game import Game
from game.ui.app import PerimeterApp
from game.ui.render import replay as text
from game.ui.screens.branch import BranchScreen
from game.ui.screens.end import EndScreen
from game.ui.screens.replay import ReplayScreen
from game.ui.screens.table import TableScreen
from tests.ui.conftest import at_end, at_table, game_app_at, played_game, screen_text

SIZE = (80, 24)


@functools.cache
def finished() -> Game:
    """Mexico's game, seed 7, passed to the deadline (shared: the tests only read it)."""
    return played_game("MX", 7)


@functools.cache
def steps() -> Steps:
    return replay(finished().state)


async def open_replay(pilot: Pilot[None]) -> ReplayScreen:
    """From the end screen, `w`."""
    await at_end(pilot)
    await pilot.press("w")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReplayScreen)
    return screen


def footer(app: PerimeterApp) -> str:
    return screen_text(app)[-1]


def status(app: PerimeterApp) -> str:
    """The replay's status line."""
    return screen_text(app)[1].strip()


async def test_w_on_the_end_screen_opens_the_replay_and_esc_goes_back(tmp_path: Path) -> None:
    """ "From a save or the end screen, replay the game move by move": `w` on the end screen
    opens it at the start; both footers show their keys, all of them at 80x24."""
    app = game_app_at(finished(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await at_end(pilot)
        assert "w What if" in footer(app) and footer(app).rstrip().endswith("? Help")
        screen = await open_replay(pilot)
        assert screen.index == 0
        assert status(app) == "You: Mexico · the start · round 1/9 · 2005-03-01* · chair US"
        assert "How the game began" in screen_text(app)[2]
        keys = footer(app)
        for shown in ("←→ Move", "Home/End", "PgUp/PgDn Round", "b Branch", "esc Back"):
            assert shown in keys
        assert keys.rstrip().endswith("? Help")  # nothing cut off
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EndScreen)


async def test_stepping_back_and_forward_with_the_keys_shows_the_same_state(
    tmp_path: Path,
) -> None:
    """ "Step forward and back": → and ← (and . and ,) move a move at a time, and the screen
    shows the replayed state of that step, the same each time it comes back to it."""
    app = game_app_at(finished(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_replay(pilot)
        await pilot.press("right", "right", "right")
        await pilot.pause()
        assert screen.index == 3
        shown = screen_text(app)
        assert status(app).startswith("You: Mexico · move 3 of 34 · round 1/9")
        move = steps().news(3)[0].text
        assert any(move in line for line in shown)
        await pilot.press("left", "right", "full_stop", "comma")
        await pilot.pause()
        assert screen.index == 3 and screen_text(app) == shown
        await pilot.press("left")
        await pilot.pause()
        assert screen.index == 2 and screen_text(app) != shown


async def test_page_keys_go_a_round_and_home_end_to_the_ends(tmp_path: Path) -> None:
    app = game_app_at(finished(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_replay(pilot)
        starts = steps().round_starts
        # A round's first move is the move after the one that opened it.
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert screen.index == starts[2] + 1
        assert "round 3/9" in status(app)
        await pilot.press("right", "pageup")
        await pilot.pause()
        assert screen.index == starts[2] + 1
        await pilot.press("pageup")
        await pilot.pause()
        assert screen.index == starts[1] + 1
        await pilot.press("pageup")
        await pilot.pause()
        assert screen.index == 0  # round 1 opens at the start
        await pilot.press("end")
        await pilot.pause()
        assert screen.index == steps().last
        assert "the end · round 9/9" in status(app)
        await pilot.press("right")  # nothing after the end
        await pilot.pause()
        assert screen.index == steps().last
        await pilot.press("home", "left")
        await pilot.pause()
        assert screen.index == 0


async def test_the_status_line_gives_the_round_the_move_shown_was_made_in(
    tmp_path: Path,
) -> None:
    """A play-test: "move 3 of 38 · round 2/9" was shown for a round-1 move (spp-2005, Canada's
    counter dated 2005-03): the status line gave the round the move led to, not the round it was
    made in. It gives the round, date and chair of the move shown, as its log line does; `b`
    branches from that round."""
    closing = steps().round_starts[1]  # the last move of round 1: it opened round 2
    app = game_app_at(finished(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_replay(pilot)
        await pilot.press(*["right"] * closing)
        await pilot.pause()
        assert screen.index == closing
        assert status(app).startswith(
            f"You: Mexico · move {closing} of 34 · round 1/9 · 2005-03-01* · chair US"
        )
        assert any(line.strip().startswith("2005-03 ") for line in screen_text(app)[2:6])
        await pilot.press("right")
        await pilot.pause()
        assert f"move {closing + 1} of 34 · round 2/9 · 2005-09-15* · chair MX" in status(app)
        await pilot.press("left", "b")
        await pilot.pause()
        assert isinstance(app.screen, BranchScreen)
        assert "Branch from round 1 (2005-03-01)" in "\n".join(screen_text(app))


def test_the_table_and_its_worth_are_shown_as_the_seat_saw_them() -> None:
    """ "The package on the table and each party's score of it as the human seat saw it": its
    own score exactly, a partner's as its estimate then (a range), never the exact number."""
    whole = steps()
    step = next(i for i, s in enumerate(whole.states) if s.offer and "MX" in s.offer.scope)
    view = whole.view(step, "MX")
    offer = view.offer
    assert offer is not None
    shown = text.on_table(view).plain + "\n" + text.worth(view).plain
    proposer = view.scenario.party(offer.proposer).name
    assert f"From {proposer}, binding all three" in shown
    own = view.score(offer.package, offer.scope).total
    assert f"You: {own:.1f}, you needed" in shown
    state = whole.states[step]
    for partner in (p for p in offer.scope if p != "MX"):
        e = view.estimate(partner, offer.package, offer.scope)
        name = view.scenario.party(partner).name
        assert f"{name}: about {e.low:.0f}–{e.high:.0f}" in shown
        exact = state.scorer.score(partner, offer.package).total
        assert f"{exact:.1f}" not in shown


async def test_b_branches_a_new_game_at_the_table_as_another_country_without_a_cause(
    tmp_path: Path,
) -> None:
    """ "Branch: restart from round N as the same or another country, or with one of the
    chapter's causes switched off": from the replay at round 6, `b`, Canada, without
    leader_change, Enter: the new game is at the table, as Canada, in that world, its moves
    before round 6 the finished game's; the finished game is unchanged."""
    old = finished()
    digest = old.state.digest()
    app = game_app_at(old, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_replay(pilot)
        await pilot.press("b", "escape")  # Esc in the window: back to the replay, no branch
        await pilot.pause()
        assert app.screen is screen and app.game is old
        await pilot.press(*["pagedown"] * 5)
        await pilot.pause()
        assert screen.index == steps().round_starts[5] + 1  # round 6's first move
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BranchScreen)
        text = "\n".join(screen_text(app))
        assert "Branch from round 6 (2007-11-15)" in text
        assert "▸ Mexico" in text and "▸ Nothing: history as it happened" in text
        await pilot.press("down", "tab", "down", "down")
        await pilot.pause()
        assert "▸ Without leader change" in "\n".join(screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TableScreen)
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["TitleScreen", "TableScreen"]
        game = app.game
        assert game is not None and game is not old
        assert game.humans == ("CA",) and game.to_move == "CA"
        assert game.state.disabled_causes == {"leader_change"}
        before = steps().round_starts[5]
        assert game.state.moves[:before] == old.state.moves[:before]
        assert game.state.round == 5
        assert screen_text(app)[1].strip().startswith("You: Canada · round 6/9")
        assert old.state.digest() == digest


async def at_replay_step(pilot: Pilot[None]) -> None:
    """The replay after Canada's first package is on the table (five moves in)."""
    await open_replay(pilot)
    await pilot.press(*["right"] * 5)
    await pilot.pause()


async def at_branch_window(pilot: Pilot[None]) -> None:
    await at_replay_step(pilot)
    await pilot.press("b")
    await pilot.pause()


@pytest.mark.parametrize("run_before", [at_replay_step, at_branch_window], ids=["replay", "branch"])
def test_snapshot_at_80x24(snap_compare: Any, run_before: Any, tmp_path: Path) -> None:
    app = game_app_at(finished(), tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


async def test_w_in_the_log_replays_a_game_in_progress_and_a_branch_saves_it_first(
    tmp_path: Path,
) -> None:
    """ "What if" from any point, "from a save": a game still in progress (as `play --load`
    opens it) replays from its log with `w`; branching from it saves the game first, so
    nothing is lost."""
    going = played_game("MX", seed=5, accept=True, stop_before_accepting=True)
    assert not going.finished
    moves = going.state.moves
    app = game_app_at(going, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await at_table(pilot)
        await pilot.press("l")
        await pilot.pause()
        assert "w What if" in footer(app)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BranchScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TableScreen)
        assert app.game is not going
        [saved] = [p for p in tmp_path.glob("*.yaml") if "autosave" not in p.name]
        assert Game.load(saved).state.moves == moves


def test_only_the_replay_s_headings_are_bold_and_underlined() -> None:
    """A play-test in a browser: everything under "Just now", "On the table" and "What it was
    worth" was bold and underlined, the heading's style given to the whole block. Only each
    heading carries it; the lines under it do not."""
    whole = steps()
    at = next(i for i, s in enumerate(whole.states) if i > 0 and s.offer and "MX" in s.offer.scope)
    view = whole.view(at, "MX")
    news = whole.news(at)
    for block in (text.move(view, news, at), text.on_table(view), text.worth(view)):
        heading = block.plain.split("\n", 1)[0]
        assert "underline" not in str(block.style)
        body = len(heading) + 1
        assert all(
            span.start < body or "underline" not in str(span.style) for span in block.spans
        ), heading
