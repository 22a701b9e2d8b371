"""`python main.py class SAVE...` (issue 12, point 4): the roll-up of fixture saves written
through the engine, its exit codes, and one line for each save it cannot use."""

from __future__ import annotations

import csv
import functools
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.core.analysis.outcomes import classify, results
from game.core.analysis.simulation import simulate
from game.core.engine.moves import Pass
from game.core.game import Game
from game.core.scenario.loader import find_scenario
from tests.conftest import DATA, ROOT, WITHOUT_CAUSES, blocked_game, spp_file
from tests.ui.conftest import played_game

RUNS, SEED = "2", "5"
"""A small baseline keeps the tests fast; the rule is that it is `simulate` with these."""


@functools.cache
def game(kind: str) -> Game:
    """The groups' games: a lapsed deal, no deal, a failed vote at home, a deal without the
    chapter's causes."""
    if kind == "lapse":
        return played_game("US", seed=1, accept=True)
    if kind == "nodeal":
        return played_game("MX", seed=42)
    if kind == "vote":
        return blocked_game()
    return played_game("CA", seed=2, accept=True, without=WITHOUT_CAUSES)


KINDS = ("lapse", "nodeal", "vote", "deal")


def class_saves(folder: Path, kinds: tuple[str, ...] = KINDS) -> list[str]:
    """The groups' saves, written as the game writes them (the first two are enough where the
    subject is not the totals: one world's baseline is quicker than two)."""
    return [str(game(kind).save(folder, kind)) for kind in kinds]


def roll_up(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["class", *args, "--runs", RUNS, "--seed", SEED])
    out, err = capsys.readouterr()
    return code, out, err


def group_lines(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("| ") and ".yaml |" in line]


def test_class_prints_one_row_per_save_with_its_outcome_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12: "`python main.py class SAVE...` reads many groups' saves and prints one table
    of outcomes, each party's result and the agreement rate"."""
    code, out, err = roll_up(capsys, *class_saves(tmp_path))
    assert (code, err) == (0, "")
    rows = group_lines(out)
    assert [r.split(" | ")[0] for r in rows] == [f"| {k}.yaml" for k in KINDS]
    for kind, row in zip(KINDS, rows, strict=True):
        state = game(kind).state
        assert classify(state).replace("_", " ").replace("dual ", "dual-") in row
        for end in results(state).values():
            assert f"{end.score:.1f} (+{end.gain:.1f})" in row
    assert "**Agreement rate: class 1/3 (33%) — computers" in out
    assert "All finished games together: agreement rate 2/4 (50%)." in out


def test_the_baseline_is_simulate_on_the_same_scenario_with_the_runs_and_seed_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12: "next to the computer-only baseline from `simulate` on the same scenario"."""
    out_csv = tmp_path / "class.csv"
    code, _, _ = roll_up(capsys, *class_saves(tmp_path), "--csv", str(out_csv))
    assert code == 0
    computers = [
        r for r in csv.DictReader(out_csv.open(encoding="utf-8")) if r["kind"] == "computers"
    ]
    spp = spp_file().scenario
    for row, without in zip(computers, (frozenset(), WITHOUT_CAUSES), strict=True):
        expected = simulate(spp, int(RUNS), int(SEED), without)
        assert row["without"] == ";".join(sorted(without))
        assert (row["games"], row["seed"]) == (RUNS, SEED)
        assert float(row["agreement"]) == pytest.approx(expected.agreement_rate, abs=1e-4)
        for party, mean in expected.parties.items():
            assert float(row[f"{party}_result"]) == pytest.approx(mean.mean_score, abs=1e-4)
            assert float(row[f"{party}_gain"]) == pytest.approx(mean.mean_vs_reservation, abs=1e-4)


def test_csv_has_a_header_and_a_row_per_save_that_match_the_games(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12: "as CSV with `--csv FILE`"."""
    out_csv = tmp_path / "out" / "class.csv"
    out_csv.parent.mkdir()
    code, out, err = roll_up(capsys, *class_saves(tmp_path), "--csv", str(out_csv))
    assert code == 0 and group_lines(out)
    assert err == f"Wrote the roll-up of 4 games to {out_csv}\n"
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8", newline="")))
    groups = [r for r in rows if r["kind"] == "group"]
    assert [r["group"] for r in groups] == [f"{k}.yaml" for k in KINDS]
    for kind, row in zip(KINDS, groups, strict=True):
        state = game(kind).state
        assert row["outcome"] == classify(state)
        assert row["humans"] == ";".join(p for p, seat in state.seats if seat == "human")
        for party, end in results(state).items():
            assert float(row[f"{party}_result"]) == pytest.approx(end.score, abs=1e-4)
    assert [r["kind"] for r in rows[4:]] == ["class", "computers", "class", "computers"]


def test_one_bad_save_gets_one_line_naming_it_and_the_others_are_still_rolled_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12 brief: "a bad save must give one clear line naming the file ... never a
    traceback"; the roll-up goes on without it and exits 1."""
    bad = tmp_path / "broken.yaml"
    bad.write_text("format_version: 2\nscenario: [unclosed\n", encoding="utf-8")
    good = class_saves(tmp_path, KINDS[:2])
    code, out, err = roll_up(capsys, good[0], str(bad), good[1])
    assert code == 1
    assert len(err.splitlines()) == 1 and err.startswith(f"{bad}:")
    assert len(group_lines(out)) == 2 and "broken" not in out


def test_a_scenario_given_as_a_save_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = str(ROOT / "scenarios" / "spp-2005.yaml")
    code, out, err = roll_up(capsys, scenario, *class_saves(tmp_path, KINDS[:1]))
    assert code == 1 and len(group_lines(out)) == 1
    assert err.splitlines() == [
        f"{scenario}: error: this is a scenario, not a saved game; play it with "
        f"`python main.py play {scenario}` first: the game writes its saves in saves/"
    ]


def test_no_save_or_only_bad_ones_exit_1_with_a_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = roll_up(capsys, str(empty))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"{empty}: error: no saved game (*.yaml) or class game (*.sqlite) in this folder",
        "error: no saved game to roll up: every file named has a problem (above)",
    ]
    missing, junk = tmp_path / "missing.yaml", tmp_path / "junk.yaml"
    junk.write_text("- just\n- a list\n", encoding="utf-8")
    code, out, err = roll_up(capsys, str(missing), str(junk))
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert (
        len(lines) == 3 and lines[0].startswith(f"{missing}:") and lines[1].startswith(f"{junk}:")
    )


def test_a_folder_stands_for_every_save_in_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    class_saves(tmp_path, ("nodeal", "lapse"))
    code, out, _ = roll_up(capsys, str(tmp_path))
    assert code == 0
    assert [r.split(" | ")[0] for r in group_lines(out)] == ["| lapse.yaml", "| nodeal.yaml"]


def test_a_games_autosave_and_its_save_by_hand_are_one_group(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: each game keeps one autosave beside the saves made by hand, so `class saves/`
    sees a game twice; it counts it once and says so."""
    team = Game.new(spp_file(), 11, ["MX"], saves_dir=tmp_path)
    while not team.finished:
        team.play(Pass(party="MX"))
    assert team.last_autosave is not None
    by_hand = team.save(tmp_path, "team-mexico")
    code, out, err = roll_up(capsys, str(tmp_path))
    assert code == 0
    assert [r.split(" | ")[0] for r in group_lines(out)] == ["| team-mexico.yaml"]
    assert (
        err == f"{team.last_autosave}: note: a save of the same game as {by_hand}; counted once\n"
    )


def test_a_save_of_another_scenario_is_left_out_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12 brief: "Groups from different scenarios: refuse with a clear message"."""
    minimal = find_scenario(str(DATA / "good" / "minimal.yaml"))
    stray = str(Game.new(minimal, 1).save(tmp_path, "stray"))
    good = class_saves(tmp_path, KINDS[:2])
    code, out, err = roll_up(capsys, stray, *good)
    assert code == 1 and len(group_lines(out)) == 2
    assert err.splitlines() == [
        f"{stray}: error: a game of scenario 'minimal', not 'spp-2005' like the others; roll "
        "up each scenario's saves on their own"
    ]


def test_a_csv_that_cannot_be_written_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "class.csv"
    code, out, err = roll_up(capsys, *class_saves(tmp_path, KINDS[:1]), "--csv", str(target))
    assert code == 1 and group_lines(out)
    assert err.startswith(f"{target}: error: cannot write the CSV: ") and err.count("\n") == 1


def test_a_wrong_flag_is_bad_usage_exit_2() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "class", "x.yaml", "--bogus"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "usage" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [[], ["x.yaml", "--runs", "0"], ["x.yaml", "--seed", "one"]])
def test_missing_saves_and_bad_numbers_are_bad_usage(args: list[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["class", *args])
    assert stopped.value.code == 2


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["simulate", "spp-2005", "--runs", "1"], ": 1 computer-only game, seed 1"),
        (["analyze", str(DATA / "good" / "minimal.yaml"), "--runs", "1"], "(1 game, seed 1)"),
        (["class", "SAVE", "--runs", "1"], "Computers: 1 game with the computer"),
        (["report", "SAVE", "--what-if", "leader_change", "--runs", "1"], "of 1 continuation "),
    ],
)
def test_one_run_reads_in_the_singular(
    command: list[str], said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--runs 1` (a teacher's quick look) printed "1 games" and "1 continuations"."""
    saves = class_saves(tmp_path, ("nodeal",))
    assert main([saves[0] if word == "SAVE" else word for word in command]) == 0
    assert said in capsys.readouterr().out


def finished_class_game(folder: Path) -> Path:
    """A class game of spp-2005, every country a team's, played to its end (each team moving
    as the computer would), in its file."""
    from game.core.classroom import ClassGame
    from game.core.players.negotiator import choose_move

    teams = ("US", "MX", "CA")
    instructor = ClassGame.create(folder / "class.sqlite", spp_file(), 8, teams)
    seats = {p: ClassGame.join(instructor.store.path, instructor.codes()[p]) for p in teams}
    while (due := seats["US"].to_move) is not None:
        seats[due].play(choose_move(seats[due].state, due))
        for seat in seats.values():
            seat.refresh()
    for seat in (*seats.values(), instructor):
        seat.close()
    return folder / "class.sqlite"


def test_report_and_class_read_a_class_game_s_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A class in browsers: `report` and `class` refused the class game's own file ("the file
    is not UTF-8 text ... save it as UTF-8"), and `class saves/` found "no saved game" beside
    it, so the only debrief was the one a team exported on the server's disk. A class game's
    file is read as a save: `report` writes its debrief, and `class` rolls it up as one group,
    named or in a folder."""
    store = finished_class_game(tmp_path)
    assert main(["report", str(store)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.startswith("# Debrief")
    code, out, err = roll_up(capsys, str(tmp_path))
    assert (code, err) == (0, "")
    assert "| class.sqlite |" in out
