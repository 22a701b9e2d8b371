"""The authoring commands (issue 13): `validate` with teaching warnings ("exit 0 unless
`--strict`"), `analyze SCENARIO`, and `score` with several package files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from game.cli import main
from tests.conftest import DATA, ROOT

MINIMAL = DATA / "good" / "minimal.yaml"


def late_event(tmp_path: Path) -> Path:
    """The minimal scenario with its event dated after the last round (it can never fire)."""
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    data["events"][0]["date"] = "2005-12-01"
    path = tmp_path / "late.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_teaching_warnings_are_positioned_and_exit_0_unless_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Teaching warnings (exit 0 unless `--strict`)", each at its line and column."""
    path = late_event(tmp_path)
    assert main(["validate", str(path)]) == 0
    err = capsys.readouterr().err
    line = next(x for x in err.splitlines() if "never happens" in x)
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: warning: events\.0\.date: dated ", line)
    assert main(["validate", "--strict", str(path)]) == 1
    assert "1 of 1 file has teaching warnings (--strict)" in capsys.readouterr().err


def test_validate_strict_never_says_ok_of_a_file_it_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An instructor's audit: `validate --strict` printed "FILE: ok (...)" and then exited 1
    with "1 of 1 file has teaching warnings". Under --strict a file with warnings is not ok:
    its line says it is valid but fails --strict on its warnings, counted; a file without
    warnings beside it is still ok."""
    path = late_event(tmp_path)
    clean = tmp_path / "clean.yaml"
    assert main(["new", "clean", "-o", str(clean)]) == 0
    capsys.readouterr()
    assert main(["validate", "--strict", str(path), str(clean)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{path}: valid, but 3 teaching warnings fail --strict (minimal: 2 parties, 2 issues, "
        "4 options)",
        f"{clean}: ok (clean: 2 parties, 1 issue, 3 options)",
    ]
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.startswith(f"{path}: ok (minimal: ")


def test_analyze_prints_the_zone_the_constraints_and_the_sensitivity(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ "`python main.py analyze SCENARIO`: the zone of agreement per round, which constraints
    bind whom, the sensitivity of the outcome to each party's key numbers"."""
    assert main(["analyze", str(MINIMAL), "--runs", "2", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    for heading in ("## Zone of agreement", "## What binds each party", "## Sensitivity"):
        assert heading in out
    assert "- round 1 (2005-02-01): " in out


def test_score_takes_several_package_files_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "`score` takes several package files at once"; one package keeps its JSON."""
    first = tmp_path / "a.yaml"
    first.write_text("options: {border: patrols}\n", encoding="utf-8")
    second = tmp_path / "b.yaml"
    second.write_text("options: {mobility: open}\n", encoding="utf-8")
    assert main(["score", str(MINIMAL), str(first), str(second), "--json"]) == 0
    both = json.loads(capsys.readouterr().out)
    assert [p["file"] for p in both["packages"]] == [str(first), str(second)]
    assert main(["score", str(MINIMAL), str(first), "--json"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert one == {"parties": both["packages"][0]["parties"]}
    assert main(["score", str(MINIMAL), str(first), str(second)]) == 0
    out = capsys.readouterr().out
    assert f"== {first}" in out and f"== {second}" in out


def test_validate_finds_a_scenario_by_its_id_too(capsys: pytest.CaptureFixture[str]) -> None:
    """ "a scenario is addressed by its `id:` or its path, consistently in every command"."""
    assert main(["validate", "spp-2005"]) == 0
    assert main(["validate", str(ROOT / "scenarios" / "spp-2005.yaml")]) == 0
    assert capsys.readouterr().out.count("ok (spp-2005") == 2


def test_validate_counts_in_singular_and_plural(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The one-line summary of a valid file reads as English: "1 issue", not "1 issues" (the
    starting scenario `new` writes has one issue)."""
    monkeypatch.chdir(tmp_path)
    assert main(["new", "one-issue", "-o", "one.yaml"]) == 0
    capsys.readouterr()
    assert main(["validate", "one.yaml"]) == 0
    assert "(one-issue: 2 parties, 1 issue, 3 options)" in capsys.readouterr().out


def test_new_writes_a_commented_starting_scenario_that_validates_and_plays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "`python main.py new ID [--from SCENARIO]` writes a commented starting scenario that
    validates", with the schema beside it; it never overwrites a file."""
    from game.core.analysis.simulation import play_computer_game
    from game.core.scenario.loader import load_scenario

    monkeypatch.chdir(tmp_path)
    assert main(["new", "my-class"]) == 0
    path = tmp_path / "scenarios" / "my-class.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./scenario.schema.json")
    assert (tmp_path / "scenarios" / "scenario.schema.json").exists()
    scenario = load_scenario(path)
    assert scenario.id == "my-class" and play_computer_game(scenario, 1).finished
    assert main(["validate", "my-class", "--strict"]) == 0
    assert main(["new", "my-class"]) == 1
    assert "exists already" in capsys.readouterr().err
    assert main(["new", "Bad Id"]) == 2


def test_new_says_in_one_line_why_it_cannot_write_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file where `-o` needs a folder: one line naming the file and why, exit 1 (it was an
    internal error, exit 3, with a crash report)."""
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder\n", encoding="utf-8")
    for target in (blocker / "x.yaml", blocker / "deeper" / "x.yaml"):
        assert main(["new", "foo-bar", "-o", str(target)]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"{target}: error: cannot write the scenario: "), err
        assert len(err.strip().splitlines()) == 1


def test_new_from_copies_a_scenario_under_the_new_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--from spp-2005`: every comment and section pointer kept, only the id changed."""
    from game.core.scenario.loader import load_scenario

    monkeypatch.chdir(tmp_path)
    assert main(["new", "spp-copy", "--from", "spp-2005"]) == 0
    copy = (tmp_path / "scenarios" / "spp-copy.yaml").read_text(encoding="utf-8")
    original = (ROOT / "scenarios" / "spp-2005.yaml").read_text(encoding="utf-8")
    assert copy.replace("id: spp-copy", "id: spp-2005", 1) == original
    assert load_scenario(tmp_path / "scenarios" / "spp-copy.yaml").id == "spp-copy"


def _three_files_of_one_id(tmp_path: Path) -> Path:
    """./scenarios with two valid copies of the minimal scenario and an invalid one (a
    misspelt key), all three declaring the id `minimal`, as an instructor's folder held them
    (/tmp/audit-author/dupid)."""
    folder = tmp_path / "scenarios"
    folder.mkdir()
    text = MINIMAL.read_text(encoding="utf-8")
    (folder / "small.yaml").write_text(text, encoding="utf-8")
    (folder / "small-copy.yaml").write_text(text, encoding="utf-8")
    broken = text.replace("ratification_threshold:", "ratification_treshold:", 1)
    (folder / "broken.yaml").write_text(broken, encoding="utf-8")
    return folder


def test_an_id_that_several_files_declare_is_refused_naming_each_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An instructor's audit: with two files in ./scenarios declaring one id, `validate ID`
    and `simulate ID` opened the invalid copy, with no word that another file has the id.
    An id that several files declare stands for none of them: every command refuses it,
    naming each file and saying to pass a path; a path still opens its file."""
    _three_files_of_one_id(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.yaml").write_text("options: {border: patrols}\n", encoding="utf-8")
    for args in (
        ["validate", "minimal"],
        ["simulate", "minimal", "--runs", "1", "--jobs", "1"],
        ["score", "minimal", "p.yaml"],
        ["play", "minimal", "--as", "AA"],
    ):
        assert main(args) == 1, args
        err = capsys.readouterr().err.splitlines()[0]
        assert err.startswith("minimal: error: "), err
        for name in ("broken.yaml", "small-copy.yaml", "small.yaml"):
            assert f"scenarios/{name}" in err, err
        assert "3 files declare the id 'minimal'" in err and "path" in err, err
    assert main(["validate", "scenarios/small.yaml"]) == 0
    assert main(["validate", "scenarios/broken.yaml"]) == 1


def test_scenarios_flags_an_id_that_several_files_declare(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same audit: `scenarios` listed `gulf-maritime` twice (and the invalid copy under
    its file name) with no warning. Each file whose id another file declares too says so,
    and that a path opens it."""
    _three_files_of_one_id(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["scenarios"]) == 0
    out = capsys.readouterr().out
    warnings = [line.strip() for line in out.splitlines() if "declare the id" in line]
    assert len(warnings) == 3, out
    assert (
        warnings
        == ["warning: 3 files declare the id 'minimal': give this file's path, not the id"] * 3
    )


def test_the_game_screens_tell_apart_files_that_declare_one_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same audit, on screen: the Scenarios screen says which files share an id, and the
    New game list, which opens a file by its place in the list, names the file of each, so
    that two entries never read alike."""
    from game.core.scenario.loader import catalogue
    from game.ui.screens.new_game import scenario_label
    from game.ui.screens.scenarios import scenarios_text

    _three_files_of_one_id(tmp_path)
    monkeypatch.chdir(tmp_path)
    entries = catalogue()
    shown = scenarios_text(entries).plain
    assert shown.count("3 files declare the id 'minimal': give this file's path") == 3, shown
    choices = [e.file for e in entries if e.file is not None]
    labels = [scenario_label(c, choices) for c in choices]
    assert len(set(labels)) == len(labels)
    assert "Minimal test scenario (minimal, small.yaml)" in labels
    assert "The Security and Prosperity Partnership, 2005-2009 (spp-2005)" in labels
