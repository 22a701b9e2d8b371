"""Issue 11, point 5: saves hardened against kills midway, lookalike versions and bad files."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.core.engine.state import State
from game.core.game import Game
from game.core.saves.replay import load_game
from game.core.saves.store import STALE_AFTER, list_saves, save_game
from game.core.scenario.errors import LoadError
from tests.conftest import DATA, ROOT
from tests.core.test_saves import ENGINE, ENGINE_FILE, game_in_progress, line_of

LONG_AGO = STALE_AFTER * 60
"""How old a stale temporary file is made (an hour): far past `STALE_AFTER`."""


@pytest.fixture
def state() -> State:
    """A game two moves in (an action and a proposal): a header and a list of moves to edit."""
    return game_in_progress(ENGINE.scenario)


def edited(path: Path, pattern: str, new: str, name: str) -> Path:
    """A copy of the save beside it with the first match of a pattern replaced."""
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, lambda _: new, text, count=1, flags=re.MULTILINE)
    assert count == 1, f"{pattern!r} not in {path}"
    copy = path.with_name(name)
    copy.write_text(changed, encoding="utf-8")
    return copy


def refusal(path: Path) -> LoadError:
    """What loading the file the way `report` and `play --load` do raises (nothing but a
    LoadError may come out)."""
    with pytest.raises(LoadError) as caught:
        Game.load(path)
    return caught.value


# --- temporary files of saves killed midway --------------------------------------------------


def temp_name(save: str, i: int) -> str:
    """A temporary file's name as `write_atomic` makes it (mkstemp's eight random characters)."""
    return f".{save}.{i:08d}.tmp"


def make_stale(path: Path, data: bytes = b"") -> Path:
    """The file, as a killed save would have left it an hour ago."""
    path.write_bytes(data)
    old = time.time() - LONG_AGO
    os.utime(path, (old, old))
    return path


def leave_killed_saves(folder: Path, count: int, empty: int) -> list[Path]:
    """What `count` saves killed before their rename leave: `empty` of them killed before
    writing a byte, the others after (as issue 11 counted them, 133 files, 8 empty)."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        make_stale(folder / temp_name(f"autosave-{i % 5}.yaml", i), b"" if i < empty else b"x: 1")
        for i in range(count)
    ]


def test_a_save_removes_the_stale_temp_files_of_killed_saves_and_keeps_a_fresh_one(
    tmp_path: Path, state: State
) -> None:
    """Issue 11: "a kill during saving leaves no stray temporary files behind for long (today
    300 kills left 133 hidden `.tmp` files in `saves/`, 8 empty)"."""
    stale = leave_killed_saves(tmp_path, 133, empty=8)
    in_progress = tmp_path / temp_name("ours.yaml", 999)
    in_progress.write_bytes(b"format_version: 2\n")  # just now: a save under way elsewhere

    path = save_game(state, tmp_path, "ours", source=ENGINE)

    assert not any(p.exists() for p in stale)
    assert sorted(tmp_path.iterdir()) == sorted([path, in_progress])


def test_listing_the_saves_removes_stale_temp_files_and_nothing_else(tmp_path: Path) -> None:
    """Issue 11: "clean them on start" (the list of saves is read whenever a game is to be
    loaded); files that only look alike are not ours to delete."""
    stale = leave_killed_saves(tmp_path, 10, empty=2)
    kept = [
        make_stale(tmp_path / "notes.tmp"),
        make_stale(tmp_path / ".notes.tmp"),
        make_stale(tmp_path / ".ours.yml.00000001.tmp"),
        make_stale(tmp_path / "ours.yaml.00000001.tmp"),
        make_stale(tmp_path / ".ours.yaml.00000001.tmp.bak"),
    ]
    folder_alike = tmp_path / temp_name("folder.yaml", 1)
    folder_alike.mkdir()
    kept.append(folder_alike)
    if hasattr(os, "symlink"):
        link = tmp_path / temp_name("link.yaml", 1)
        link.symlink_to(kept[0])
        kept.append(link)

    assert list_saves(tmp_path) == []

    assert not any(p.exists() for p in stale)
    assert sorted(tmp_path.iterdir()) == sorted(kept)


def test_an_autosave_also_removes_stale_temp_files(tmp_path: Path) -> None:
    """Issue 11: stray temporary files must not pile up: every game autosaves when it starts,
    so starting one clears what earlier killed games left."""
    stale = leave_killed_saves(tmp_path, 3, empty=1)
    game = Game.new(ENGINE, 7, ["AA"], saves_dir=tmp_path)
    assert game.last_autosave is not None
    assert not any(p.exists() for p in stale)
    assert list(tmp_path.iterdir()) == [game.last_autosave]


KILLED_MIDWAY = """
import os, sys
from pathlib import Path
from game.core.engine.mechanism import start
from game.core.saves.store import save_game
from game.core.scenario.loader import open_scenario

source = open_scenario(sys.argv[1])

def stuck(fd: int) -> None:  # the temporary file is written: say so and wait to be killed
    print("saving", flush=True)
    sys.stdin.read()

os.fsync = stuck
save_game(start(source.scenario, 8), Path(sys.argv[2]), "ours", source=source)
"""


KILLS = 5
"""Saving processes killed at once in the real-kill test (in parallel: a second or so)."""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_processes_killed_while_saving_leave_the_old_save_and_temp_files_that_go_later(
    tmp_path: Path, state: State
) -> None:
    """Issue 11: "a kill during saving leaves no stray temporary files behind for long" (real
    kills, each between writing the temporary file and renaming it over the save)."""
    path = save_game(state, tmp_path, "ours", source=ENGINE)
    before = path.read_bytes()
    children = [
        subprocess.Popen(
            [sys.executable, "-c", KILLED_MIDWAY, str(ENGINE_FILE), str(tmp_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            text=True,
        )
        for _ in range(KILLS)
    ]
    try:
        for child in children:
            assert child.stdout is not None
            assert child.stdout.readline() == "saving\n"
    finally:
        for child in children:
            child.kill()
            child.communicate()
    temps = [p for p in tmp_path.iterdir() if p != path]
    assert len(temps) == KILLS
    assert all(t.name.startswith(".ours.yaml.") and t.name.endswith(".tmp") for t in temps)
    assert path.read_bytes() == before and load_game(path).state == state

    assert [s.path for s in list_saves(tmp_path)] == [path]
    assert all(t.exists() for t in temps), "files this young may be saves still under way"
    for temp in temps:
        make_stale(temp, temp.read_bytes())
    assert [s.path for s in list_saves(tmp_path)] == [path]
    assert list(tmp_path.iterdir()) == [path]


# --- the format version ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "shown"),
    [("true", "True"), ("yes", "'yes'"), ("1.0", "1.0"), ("2.0", "2.0"), ("false", "False")],
)
def test_a_format_version_of_true_or_1_0_is_refused_like_any_wrong_version(
    tmp_path: Path, state: State, written: str, shown: str
) -> None:
    """Issue 11: "`format_version: true` and `1.0` are refused like any wrong version" (in
    Python True == 1 == 1.0, so they used to be taken for format 1)."""
    path = save_game(state, tmp_path, "ours", source=ENGINE)
    wrong = edited(path, r"^format_version: 2$", "format_version: 0", "zero.yaml")
    lookalike = edited(path, r"^format_version: 2$", f"format_version: {written}", "alike.yaml")
    [expected] = refusal(wrong).problems
    [problem] = refusal(lookalike).problems
    line = line_of(lookalike, "format_version:")
    assert str(problem) == (
        f"{lookalike}:{line}:17: error: format_version: input should be 1 or 2 (got {shown})"
    )
    assert (problem.line, problem.column, problem.path) == (
        expected.line,
        expected.column,
        expected.path,
    )
    assert problem.message == expected.message.replace("(got 0)", f"(got {shown})")


@pytest.mark.parametrize("written", ["true", "1.0"])
def test_a_format_1_save_with_a_lookalike_version_is_refused_too(
    tmp_path: Path, written: str
) -> None:
    """Issue 11: "`format_version: true` and `1.0` are refused like any wrong version", in
    the files of Perimeter 0.1 as in today's."""
    shutil.copytree(DATA / "saves_v1", tmp_path, dirs_exist_ok=True)
    path = edited(
        tmp_path / "in-progress.yaml",
        r"^format_version: 1$",
        f"format_version: {written}",
        "v.yaml",
    )
    [problem] = refusal(path).problems
    assert problem.path == "format_version" and problem.line == line_of(path, "format_version")
    assert "input should be 1 or 2" in problem.message


# --- an unknown move type ------------------------------------------------------------------------


def test_an_unknown_move_type_is_an_error_at_its_line_and_column(
    tmp_path: Path, state: State
) -> None:
    """Issue 11: "an unknown move type is an error" (placed at the move, naming the types)."""
    path = save_game(state, tmp_path, "ours", source=ENGINE)
    bad = edited(path, r"^- \{type: propose,", "- {type: surrender,", "surrender.yaml")
    [problem] = refusal(bad).problems
    assert (problem.file, problem.line, problem.column, problem.path) == (
        str(bad),
        line_of(bad, "- {type: surrender"),
        3,
        "moves.1",
    )
    assert "'surrender'" in problem.message
    for kind in ("propose", "accept", "reject", "counter", "act", "pass"):
        assert f"'{kind}'" in problem.message


# --- every bad save: one clear line naming the file ----------------------------------------------

HEADER = r"^{key}: .*$"


def header(key: str, value: str) -> tuple[str, str]:
    """An edit giving a header key another value."""
    return HEADER.format(key=key), f"{key}: {value}"


EDITS: dict[str, tuple[tuple[str, str], list[str]]] = {
    "format_version absent": (("^format_version: 2\n", ""), ["'format_version' is missing"]),
    "format_version wrong": (header("format_version", "7"), ["newer Perimeter"]),
    "format_version text": (header("format_version", "'2'"), ["should be 1 or 2 (got '2')"]),
    "format_version true": (header("format_version", "true"), ["should be 1 or 2 (got True)"]),
    "format_version 1.0": (header("format_version", "1.0"), ["should be 1 or 2 (got 1.0)"]),
    "unknown scenario": (
        (r"^scenario: .*\nscenario_file: .*$", "scenario: atlantis\nscenario_file: atlantis.yaml"),
        ["cannot find the scenario", "'atlantis'"],
    ),
    "another scenario's id": (header("scenario", "spp-2005"), ["holds scenario 'engine-test'"]),
    "unknown party in seats": (("AA: human", "ZZ: human"), ["seats.ZZ", "unknown party 'ZZ'"]),
    "a party code with a line break": (("AA: human", '"A\\nA": human'), ["seats.A\\nA"]),
    "unknown move type": (("type: propose", "type: surrender"), ["'surrender'"]),
    "illegal move": (
        (r"\{type: propose, party: AA, [^}]*\}", "{type: accept, party: AA}"),
        ["legal"],
    ),
    "digest mismatch": (header("digest", "f" * 64), ["does not give the saved game"]),
    "infinite seed": (header("seed", ".inf"), ["seed", "expected a whole number (got inf)"]),
    "round not a number": (header("round", ".nan"), ["round", "(got nan)"]),
    "negative infinite option": ((r"package: \[1,", "package: [-.inf,"), ["package.0", "-inf"]),
    "NUL in the scenario's path": (header("scenario_file", '"a\\0b"'), ["cannot find"]),
    "a NUL character": (("difficulty: normal", "difficulty: nor\0mal"), ["character #x0000"]),
}

WHOLE_FILES: dict[str, tuple[Callable[[Path], object], list[str]]] = {
    "missing file": (lambda p: None, ["cannot read", "No such file"]),
    "a folder": (lambda p: p.mkdir(), ["cannot read", "folder"]),
    "empty file": (lambda p: p.write_bytes(b""), ["empty"]),
    "binary": (lambda p: p.write_bytes(bytes(range(256))), ["not UTF-8"]),
    "Latin-1 text": (lambda p: p.write_bytes("seed: 7 # début\n".encode("latin-1")), ["UTF-8"]),
    "a list": (lambda p: p.write_text("- format_version: 2\n"), ["is a list", "mapping"]),
    "a single value": (lambda p: p.write_text("2\n"), ["single value", "mapping"]),
    "YAML syntax error": (lambda p: p.write_text("format_version: [2\n"), ["YAML syntax"]),
    "huge": (lambda p: p.write_bytes(b"# save\n" * 200_000), ["larger than 1024 KiB"]),
}


def assert_one_clear_line_per_problem(err: LoadError, path: Path) -> None:
    """What `report` prints: one line a problem, each naming the file, no traceback."""
    lines = str(err).splitlines()
    assert err.problems and len(lines) == len(err.problems), str(err)
    for line in lines:
        assert line.startswith(f"{path}:") and ": error: " in line, line
        assert "Traceback" not in line


@pytest.mark.parametrize("case", list(EDITS))
def test_an_edited_save_is_refused_with_one_line_a_problem_naming_the_file(
    tmp_path: Path, state: State, case: str
) -> None:
    """Issue 11: "every bad save given to `report` gets one clear line naming the file, never a
    traceback" (a good save with one thing changed)."""
    (pattern, new), words = EDITS[case]
    path = save_game(state, tmp_path, "good", source=ENGINE)
    bad = edited(path, pattern, new, "bad.yaml")
    err = refusal(bad)
    assert_one_clear_line_per_problem(err, bad)
    for word in words:
        assert word in str(err), f"{word!r} not in {err}"


@pytest.mark.parametrize("case", list(WHOLE_FILES))
def test_a_file_that_is_no_save_is_refused_with_one_line_naming_it(
    tmp_path: Path, case: str
) -> None:
    """Issue 11: "every bad save given to `report` gets one clear line naming the file, never a
    traceback" (files that are no save at all)."""
    make, words = WHOLE_FILES[case]
    path = tmp_path / "save.yaml"
    make(path)
    err = refusal(path)
    assert_one_clear_line_per_problem(err, path)
    assert len(err.problems) == 1
    for word in words:
        assert word in str(err), f"{word!r} not in {err}"


@contextlib.contextmanager
def a_writer_for(fifo: Path) -> Iterator[None]:
    """A thread that opens the pipe for writing and closes it again, so that a loader that
    waits on the pipe fails the test (it then reads an empty file) instead of hanging it."""
    writer = threading.Thread(target=lambda: os.close(os.open(fifo, os.O_WRONLY)), daemon=True)
    writer.start()
    try:
        yield
    finally:
        # A writer still waiting for a reader gets one here, and ends.
        reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        writer.join()
        os.close(reader)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_waiting_on_it(tmp_path: Path) -> None:
    """Issue 11: "every bad save given to `report` gets one clear line naming the file" (a
    named pipe, which a plain open would wait on until something writes to it)."""
    fifo = tmp_path / "save.yaml"
    os.mkfifo(fifo)
    with a_writer_for(fifo):
        err = refusal(fifo)
    assert_one_clear_line_per_problem(err, fifo)
    assert "not a regular file" in str(err)
    assert list_saves(tmp_path) == []


# --- properties ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_save(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """The text of a save with a few moves, and the digest of the game it holds."""
    state = game_in_progress(ENGINE.scenario)
    path = save_game(state, tmp_path_factory.mktemp("good"), source=ENGINE)
    return path.read_text(encoding="utf-8"), state.digest()


KEYS = ["format_version", "scenario", "seed", "seats", "difficulty", "round", "date", "moves"]
SCALARS = st.one_of(
    st.sampled_from(
        [
            *("true", "false", "yes", "null", "~", "''", "1.0", "2.0", ".inf", "-.inf", ".nan"),
            *("0x10", "1e400", "2005-02-30", "[]", "{}", "[1, 2]", "{type: fly}", "'\\x00'"),
        ]
    ),
    st.integers().map(str),
    st.floats().map(repr),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12).map(repr),
)


@settings(max_examples=80)
@given(key=st.sampled_from(KEYS), value=SCALARS)
def test_any_value_in_a_good_save_loads_the_same_game_or_raises_only_load_error(
    tmp_path_factory: pytest.TempPathFactory,
    good_save: tuple[str, str],
    key: str,
    value: str,
) -> None:
    """Issue 11: "every bad save given to `report` gets one clear line naming the file, never a
    traceback" (any value in place of one of a good save's)."""
    text, digest = good_save
    path = tmp_path_factory.mktemp("value") / "save.yaml"
    changed = re.sub(rf"^{key}:.*$", lambda _: f"{key}: {value}", text, flags=re.M)
    path.write_text(changed, encoding="utf-8")
    try:
        loaded = load_game(path)
    except LoadError as err:
        assert_one_clear_line_per_problem(err, path)
    else:
        assert loaded.state.digest() == digest


@settings(max_examples=80)
@given(data=st.data())
def test_a_good_save_cut_short_or_with_bytes_changed_raises_only_load_error(
    tmp_path_factory: pytest.TempPathFactory, good_save: tuple[str, str], data: st.DataObject
) -> None:
    """Issue 11: "every bad save given to `report` gets one clear line naming the file, never a
    traceback" (a save cut short by a full disk, or with bytes damaged)."""
    text, digest = good_save
    raw = bytearray(text.encode("utf-8"))
    cut = data.draw(st.integers(min_value=0, max_value=len(raw)), label="cut")
    del raw[cut:]
    for _ in range(data.draw(st.integers(min_value=0, max_value=3), label="damaged")):
        if raw:
            at = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
            raw[at] = data.draw(st.integers(min_value=0, max_value=255))
    path = tmp_path_factory.mktemp("cut") / "save.yaml"
    path.write_bytes(bytes(raw))
    try:
        loaded = load_game(path)
    except LoadError as err:
        assert_one_clear_line_per_problem(err, path)
    else:  # only a cut or change that leaves the game as it was can load
        assert loaded.state.digest() == digest


YAMLISH = st.text(alphabet=":-{}[],. \n\t'\"#&*!|>%@`?~abyzAZ019\x00\x85\u2028\ufeff", max_size=200)


@given(text=YAMLISH)
def test_arbitrary_yaml_like_text_raises_only_load_error_one_line_a_problem(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    """Issue 11: "every bad save given to `report` gets one clear line naming the file, never a
    traceback" (text made of YAML's own punctuation, which reaches further than random bytes)."""
    path = tmp_path_factory.mktemp("yamlish") / "save.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_game(path)
    assert_one_clear_line_per_problem(caught.value, path)
