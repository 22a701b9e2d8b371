"""An audit of save checks: what a changed scenario, an edited header or move, and a file that is
not a save are told on loading. Each test quotes the finding it answers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.core.engine.legal import legal_moves
from game.core.engine.mechanism import start, step
from game.core.engine.state import State
from game.core.game import Game
from game.core.players.negotiator import choose_move
from game.core.saves.format import read_save
from game.core.saves.replay import LoadedGame, load_game
from game.core.saves.store import list_saves, save_game
from game.core.scenario.errors import FileProblem, LoadError
from game.core.scenario.loader import open_scenario
from tests.core.test_saves import ENGINE_FILE, SPP_FILE, edit, game_in_progress, line_of

BUILT_IN = SPP_FILE.read_text(encoding="utf-8")


def spp_game(rounds: int = 2, scenario_file: Path = SPP_FILE) -> State:
    """spp-2005 as Mexico, seed 0: Mexico takes the first action open to it each round and the
    computer plays every other move, until the given round opens."""
    scenario = open_scenario(scenario_file).scenario
    state = start(scenario, 0, {"US": "computer", "MX": "human", "CA": "computer"})
    while state.round < rounds - 1 and not state.finished:
        party = state.to_move
        assert party is not None
        legal = legal_moves(state, party)
        mexico_acts = party == "MX" and legal.actions
        state = step(state, legal.actions[0] if mexico_acts else choose_move(state, party))
    return state


def saved_against(tmp_path: Path, old_text: str, rounds: int = 2) -> tuple[Path, State]:
    """A game played and saved with spp-2005 as `old_text` had it; that file is then gone, as
    an earlier version of the built-in scenario is once Perimeter is updated."""
    old = tmp_path / "old" / "spp-2005.yaml"
    old.parent.mkdir()
    old.write_text(old_text, encoding="utf-8")
    state = spp_game(rounds, old)
    path = save_game(state, tmp_path / "saves", source=open_scenario(old))
    shutil.rmtree(old.parent)
    return path, state


def changed(*edits: tuple[str, str]) -> str:
    """The built-in spp-2005.yaml with each (old, new) edit made in turn, each old text found
    exactly once (an edit that matched nothing would leave the scenario as it is)."""
    text = BUILT_IN
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def loads_as_saved(path: Path, state: State) -> LoadedGame:
    loaded = load_game(path)
    assert loaded.state == state
    assert loaded.state.digest() == state.digest()
    assert loaded.source.path.resolve() == SPP_FILE.resolve()
    assert loaded.note is not None and "spp-2005.yaml" in loaded.note
    assert "\n" not in loaded.note
    return loaded


# --- 1. a changed scenario strands a save only when the game it gives is another ----------------


def test_a_save_survives_a_comment_added_to_its_built_in_scenario(tmp_path: Path) -> None:
    """Audit: "Any byte change to a scenario file, even a comment, strands every save made with
    it, built-in scenarios included: a save made against spp-2005.yaml before a commit that only
    added a comment line cannot be loaded any more by report, play --load or class"."""
    old = changed(("format_version: 1\n", "format_version: 1\n# an older comment\n"))
    path, state = saved_against(tmp_path, old)
    loaded = loads_as_saved(path, state)
    assert loaded.note is not None and "changed since this game was saved" in loaded.note
    assert Game.load(path).state == state


def test_a_save_survives_a_reworded_briefing_and_event_text(tmp_path: Path) -> None:
    """Audit: "a student would expect a save to survive a typo fix in a briefing or event text;
    moves, conditions, scores and outcomes are what must match"."""
    old = changed(
        ("You see threats through a global lens", "You see threats globaly"),
        ("With crime rising on the southwest", "As crime rose on the southwest"),
        ("title: Calderón takes office in Mexico", "title: Calderon takes office in Mexico"),
    )
    path, state = saved_against(tmp_path, old, rounds=3)
    loads_as_saved(path, state)


def test_a_save_whose_scenario_weights_changed_is_refused_as_changed_rules(
    tmp_path: Path,
) -> None:
    """Audit: "only when the replay no longer gives the saved game should it be refused, with
    a message that says the scenario's rules changed since the save ... and what the user can
    do"; a save must not silently play on under different rules."""
    old = changed(("organized_crime:\n        weight: 82", "organized_crime:\n        weight: 60"))
    path, state = saved_against(tmp_path, old)
    with pytest.raises(LoadError) as caught:
        load_game(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.path) == (line_of(path, "scenario_digest:"), "scenario_digest")
    assert str(SPP_FILE.name) in problem.message
    assert "rules have changed since this game was saved" in problem.message
    assert "beside the save" in problem.message
    # What it says to do works: the scenario as it was, beside the save, loads the game.
    (path.parent / "spp-2005.yaml").write_text(old, encoding="utf-8")
    assert load_game(path).state == state
    assert load_game(path).note is None


def test_a_changed_scenario_names_the_first_move_it_no_longer_replays(tmp_path: Path) -> None:
    """Audit: "naming what: e.g. the file and the first move/round where the replay departs"."""
    scenario_file = tmp_path / "engine.yaml"
    shutil.copy(ENGINE_FILE, scenario_file)
    state = game_in_progress(open_scenario(scenario_file).scenario)
    path = save_game(state, tmp_path / "saves", source=open_scenario(scenario_file))
    edit(scenario_file, "  - id: build\n", "  - id: build_up\n")
    with pytest.raises(LoadError) as caught:
        load_game(path)
    [problem] = caught.value.problems
    assert problem.path == "scenario_digest"
    assert str(scenario_file) in problem.message
    assert "rules have changed" in problem.message
    assert f"departs at moves.0.action (line {line_of(path, '- {type: act')})" in problem.message
    assert "'build'" in problem.message
    assert "restore" in problem.message


def test_a_tampered_digest_with_the_scenario_unchanged_still_blames_the_save(
    tmp_path: Path,
) -> None:
    """The digest keeps its protection: with the scenario as it was, a replay that departs is
    the save's doing, and is said to be."""
    state = spp_game()
    path = save_game(state, tmp_path, source=open_scenario(SPP_FILE))
    edit(path, f"\ndigest: {state.digest()}", "\ndigest: " + "f" * 64)
    with pytest.raises(LoadError) as caught:
        load_game(path)
    [problem] = caught.value.problems
    assert problem.path == "digest" and "does not give the saved game" in problem.message


# --- 2. the header's `finished` is checked against the replay ---------------------------------


def test_a_header_saying_finished_of_a_game_in_progress_is_refused(tmp_path: Path) -> None:
    """Audit: "The header's `finished: true` is not checked against the replay (round and date
    are): a round-2 save edited to `finished: true` is listed on the Load screen as finished
    but opens at the round-2 table; report and class take it"."""
    state = spp_game()
    path = save_game(state, tmp_path, source=open_scenario(SPP_FILE))
    edit(path, "\nfinished: false\n", "\nfinished: true\n")
    with pytest.raises(LoadError) as caught:
        load_game(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.column, problem.path) == (
        line_of(path, "finished:"),
        1,
        "finished",
    )
    assert "the moves leave the game in progress at round 2" in problem.message


def test_a_save_without_a_finished_key_still_loads(tmp_path: Path) -> None:
    """Saves written before `finished` existed leave it out: that is no claim to check."""
    state = spp_game()
    path = save_game(state, tmp_path, source=open_scenario(SPP_FILE))
    edit(path, "\nfinished: false\n", "\n")
    assert load_game(path).state == state


# --- 3. a bad target is named at its own place -------------------------------------------------


MEXICO_ACTS = "party: MX, action: joint_threat_assessment, "
"""Mexico's first move in `spp_game`, up to its target (US)."""


def target_refused(tmp_path: Path, target: str) -> tuple[Path, FileProblem]:
    """A save of `spp_game` whose Mexican act is edited to target `target`, and the one
    problem loading it raises."""
    path = save_game(spp_game(), tmp_path, source=open_scenario(SPP_FILE))
    edit(path, MEXICO_ACTS + "target: US}", MEXICO_ACTS + f"target: {target}}}")
    with pytest.raises(LoadError) as caught:
        load_game(path)
    [problem] = caught.value.problems
    return path, problem


def test_an_unknown_target_is_named_at_the_target_with_a_suggestion(tmp_path: Path) -> None:
    """Audit: "A bad `target` in an act move (target: USA ...) gives 'moves.3: not a legal move
    ...: that diplomatic action is not available (one per round)'. Expected: moves.3.target at
    its own line/column, unknown party 'USA'; did you mean 'US'?"."""
    path, problem = target_refused(tmp_path, "USA")
    act = line_of(path, "- {type: act, party: MX")
    text = path.read_text(encoding="utf-8").splitlines()[act - 1]
    assert (problem.path, problem.line) == ("moves.1.target", act)
    assert problem.column == text.index("target") + 1
    assert problem.message == "unknown party 'USA'; did you mean 'US'?"


def test_a_party_targeting_itself_is_told_so(tmp_path: Path) -> None:
    """Audit: "or Mexico targeting itself ... for a self-target a reason that says so"."""
    _, problem = target_refused(tmp_path, "MX")
    assert problem.path == "moves.1.target"
    assert "MX cannot take this action towards itself" in problem.message
    assert "US or CA" in problem.message


# --- 4. a scenario given as a save gets one clear line everywhere ----------------------------


SCENARIO_LINE = "this is a scenario, not a saved game; play it with `python main.py play"


def test_a_scenario_given_as_a_save_is_one_clear_problem(tmp_path: Path) -> None:
    """Audit: "A scenario file given as a save to play --load prints 32 'required key missing /
    unknown key' lines (and the Load list says 'line 36: scenario: required key ...'), while
    report and class give one clear line"."""
    copy = tmp_path / "spp-2005.yaml"
    shutil.copy(SPP_FILE, copy)
    for read in (read_save, load_game, Game.load):
        with pytest.raises(LoadError) as caught:
            read(copy)
        [problem] = caught.value.problems
        assert str(problem).startswith(f"{copy}: error: {SCENARIO_LINE} {copy}`"), str(problem)
    [summary] = list_saves(tmp_path)
    assert summary.problem is not None and summary.problem.startswith(SCENARIO_LINE)


# --- 5. date-times are described as date-times -------------------------------------------------


@pytest.mark.parametrize(("key", "value"), [("saved_at", "yesterday"), ("started_at", "last")])
def test_a_bad_date_time_says_what_a_date_time_looks_like(
    tmp_path: Path, key: str, value: str
) -> None:
    """Audit: "saved_at: yesterday / started_at: last tuesday say 'expected a date written
    YYYY-MM-DD, e.g. 2005-03-23' but these are date-times"."""
    path = save_game(
        game_in_progress(open_scenario(ENGINE_FILE).scenario),
        tmp_path,
        source=open_scenario(ENGINE_FILE),
    )
    text = path.read_text(encoding="utf-8")
    if key == "started_at":
        text = text.replace("\nfinished:", "\nstarted_at: x\nfinished:")
    lines = [f"{key}: {value}" if ln.startswith(f"{key}:") else ln for ln in text.splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        read_save(path)
    [problem] = caught.value.problems
    assert problem.path == key
    assert "date and time" in problem.message
    assert "2026-11-28T16:42:39" in problem.message
    assert "YYYY-MM-DD," not in problem.message


# --- what the commands print -------------------------------------------------------------------


def test_report_and_class_print_the_note_of_a_changed_scenario(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A save that loads on a changed scenario file says so, in one line on stderr, and is
    used as any other save."""
    old = changed(("format_version: 1\n", "format_version: 1\n# an older comment\n"))
    path, _ = saved_against(tmp_path, old)
    for command in (["report", str(path)], ["class", str(path)]):
        assert main(command) == 0
        err = capsys.readouterr().err
        assert f"{path}: note: the scenario file {SPP_FILE}" in err, err


def test_play_load_of_a_scenario_prints_the_one_line_report_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: "Make play --load (and the Load screen's line) say the same one clear thing"."""
    copy = tmp_path / "spp-2005.yaml"
    shutil.copy(SPP_FILE, copy)
    assert main(["play", "--load", str(copy)]) == 1
    played = capsys.readouterr().err
    assert main(["report", str(copy)]) == 1
    assert played == capsys.readouterr().err
    assert played.count("\n") == 1 and SCENARIO_LINE in played
