"""The command-line contract (README, "Command line"): exit codes, output shapes, no tracebacks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.cli import main, schema_text
from game.core.engine.conditions import Conditions
from game.core.engine.legal import acceptance_problems
from game.core.game import Game, SeatView
from game.core.scenario.packages import PackageFile, to_package
from game.ui.render.score import score as render_score
from tests.conftest import DATA, ROOT, spp_file

BAD = DATA / "bad_scenarios"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], cwd=cwd, capture_output=True, text=True
    )


def test_validate_exits_0_for_valid_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "validate",
                str(ROOT / "scenarios" / "spp-2005.yaml"),
                str(DATA / "good" / "minimal.yaml"),
            ]
        )
        == 0
    )
    assert "ok" in capsys.readouterr().out


def test_validate_exits_1_and_reports_every_bad_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(BAD / "unknown_tag.yaml"), str(BAD / "missing_field.yaml")]) == 1
    err = capsys.readouterr().err
    assert "unknown_tag.yaml:45:" in err and "missing_field.yaml:28:" in err


def test_validate_exits_2_on_bad_usage() -> None:
    result = run("validate")
    assert result.returncode == 2
    assert "usage" in result.stderr


def test_bad_files_never_print_a_traceback() -> None:
    result = run("validate", *(str(p) for p in sorted(BAD.glob("*.yaml"))))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.count(": error: ") >= len(list(BAD.glob("*.yaml")))


def test_committed_json_schema_is_current() -> None:
    committed = (ROOT / "scenarios" / "scenario.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: python main.py schema > scenarios/scenario.schema.json"


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Scenario" and "parties" in schema["properties"]


def test_scenarios_lists_the_builtin_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios"]) == 0
    assert "spp-2005" in capsys.readouterr().out


def test_scenarios_lists_local_scenarios_and_flags_invalid_ones(tmp_path: Path) -> None:
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "mine.yaml").write_text((DATA / "good" / "minimal.yaml").read_text())
    (tmp_path / "scenarios" / "broken.yaml").write_text("id: [\n")
    result = run("scenarios", cwd=tmp_path)
    assert result.returncode == 0
    assert "minimal" in result.stdout and "invalid" in result.stdout and "spp-2005" in result.stdout
    assert "(invalid: 1 problem; run validate)" in result.stdout


def test_score_json_has_the_promised_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "p.yaml"
    package.write_text("options:\n  border: patrols\n")
    assert main(["score", str(DATA / "good" / "minimal.yaml"), str(package), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out["parties"]) == {"AA", "BB"}
    for party in out["parties"].values():
        assert {"total", "reservation", "acceptable", "ratifies", "breakdown"} <= set(party)
        for term in party["breakdown"]:
            assert {"label", "value", "source"} <= set(term)
    assert out["parties"]["BB"]["acceptable"] is False


def test_score_accepts_a_builtin_scenario_id(tmp_path: Path) -> None:
    package = tmp_path / "p.yaml"
    package.write_text("options: {}\n")
    result = run("score", "spp-2005", str(package))
    assert result.returncode == 0, result.stderr
    assert "reservation" in result.stdout


def test_score_reports_an_unknown_option_with_a_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "p.yaml"
    package.write_text("options:\n  border: patrol\n")
    assert main(["score", str(DATA / "good" / "minimal.yaml"), str(package)]) == 1
    err = capsys.readouterr().err
    assert f"{package}:2:3: error: options.border:" in err and "did you mean 'patrols'" in err


def test_unknown_scenario_id_gets_a_hint(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    package = tmp_path / "p.yaml"
    package.write_text("options: {}\n")
    assert main(["score", "spp-2006", str(package)]) == 1
    assert "did you mean 'spp-2005'" in capsys.readouterr().err


def test_simulate_json_has_the_promised_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "spp-2005", "--runs", "5", "--seed", "3", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {
        "scenario",
        "runs",
        "seed",
        "outcomes",
        "agreement_rate",
        "mean_rounds",
        "parties",
    } <= set(out)
    assert out["runs"] == 5 and out["seed"] == 3 and out["scenario"] == "spp-2005"
    assert set(out["outcomes"]) == {
        "security_arrangement",
        "prosperity_only",
        "lapsed",
        "dual_bilateralism",
        "breakdown",
    }
    assert sum(out["outcomes"].values()) == 5
    for party in out["parties"].values():
        assert {"mean_score", "mean_vs_reservation"} <= set(party)
    # Issue 9: the zone of agreement round by round, with the date and the events that moved it.
    rounds = spp_file().scenario.rounds
    assert [r["round"] for r in out["zone"]] == list(range(1, len(rounds) + 1))
    assert [r["date"] for r in out["zone"]] == [r.date.isoformat() for r in rounds]
    assert all(isinstance(r["packages"], int) and r["packages"] >= 0 for r in out["zone"])
    assert any(r["events"] for r in out["zone"])
    assert set(out["blocked_at_home"]) == set(out["lapsed_by"]) == {"US", "MX", "CA"}


def test_simulate_explain_prints_the_zone_of_agreement_with_the_events_that_moved_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 9: "`--explain` prints it as a table with the events that moved it"."""
    assert main(["simulate", "spp-2005", "--runs", "2", "--explain"]) == 0
    out = capsys.readouterr().out
    table = out.split("Zone of agreement", 1)[1]
    assert "Calderón takes office in Mexico [leader_change]" in table
    assert "Canada imposes a visa on Mexican travellers [visa_2009]" in table
    counts = [
        int(line.split()[2].replace(",", ""))
        for line in table.splitlines()
        if re.match(r"  \d+ +\d{4}-\d\d-\d\d", line)
    ]
    assert len(counts) == len(spp_file().scenario.rounds)
    assert counts[0] > counts[-1] == 0
    assert "Accepted packages that failed at home" in out


def test_explain_counts_packages_sunk_at_home_once_and_each_country_that_sank_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ "Accepted packages that failed at home: 50 (United States 38, Mexico 12)": when both
    fell short on one package, Mexico's share went uncounted. The packages are counted once,
    each country's groups for every package they sank (spp-2005 without two causes, where
    seed 21's first run has such a package), and the zone says its chance events are one
    draw."""
    args = ["simulate", "spp-2005", "--runs", "1", "--seed", "21", "--explain", "--json"]
    args += ["--jobs", "1"]
    assert main([*args, "--without", "leader_change", "--without", "visa_2009"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert sum(out["blocked_at_home"].values()) > out["packages_failed_at_home"] > 0
    assert main(["simulate", "revive-spp", "--runs", "1", "--explain"]) == 0
    assert "events left to chance as drawn for seed 1" in capsys.readouterr().out


def test_simulate_with_the_same_seed_prints_identical_output() -> None:
    first = run("simulate", "spp-2005", "--runs", "8", "--seed", "42")
    second = run("simulate", "spp-2005", "--runs", "8", "--seed", "42")
    assert first.returncode == 0 and first.stdout == second.stdout
    assert "Agreement rate" in first.stdout


def test_simulate_shared_over_processes_prints_what_one_process_prints(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--jobs` shares the games out over processes; the output does not depend on it (the
    core is deterministic given the seed, and the summary sums in run order)."""
    import game.batch

    monkeypatch.setattr(game.batch, "WORTH_SHARING", 1)
    outputs = []
    for jobs in ("1", "2"):
        assert (
            main(["simulate", "spp-2005", "--runs", "6", "--seed", "8", "--json", "--jobs", jobs])
            == 0
        )
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]


def test_simulate_seats_each_country_as_asked(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 10: "`simulate SCENARIO --ai US=hard,MX=normal,CA=boulware` sets each seat";
    the JSON says who played each seat, and a wrong seat is a usage error with a hint."""
    args = ["simulate", "spp-2005", "--runs", "3", "--json", "--ai", "US=hard,CA=boulware"]
    assert main(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["seats"] == {"US": "hard", "CA": "boulware"}
    # The text says so too: without it, a run with other seats reads like the default one.
    assert main(["simulate", "spp-2005", "--runs", "3", "--ai", "US=hard,CA=boulware"]) == 0
    text = capsys.readouterr().out
    assert "Seats: United States hard, Canada boulware; Mexico normal" in text
    assert main(["simulate", "spp-2005", "--runs", "1", "--ai", "US=boulwar"]) == 2
    assert "did you mean 'boulware'" in capsys.readouterr().err
    assert main(["simulate", "spp-2005", "--runs", "1", "--ai", "UK=hard"]) == 2
    assert "no party 'UK'" in capsys.readouterr().err


def test_the_tournament_plays_every_strategy_against_every_other(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 10: "`simulate --tournament` plays every strategy against every other (seats
    rotated, several seeds) and prints a table: agreement rate, mean gain over reservation,
    distance to the Pareto frontier, to the Nash point"."""
    from game.core.players.style import STRATEGIES

    args = ["simulate", "spp-2005", "--tournament", "--runs", "1", "--json"]
    assert main([*args, "--without", "leader_change"]) == 0
    rows = json.loads(capsys.readouterr().out)["tournament"]
    assert [r["strategy"] for r in rows] == list(STRATEGIES)
    for row in rows:
        assert row["games"] == len(STRATEGIES)
        assert {"agreement_rate", "mean_gain", "to_frontier", "to_nash"} <= set(row)
        assert set(row["against"]) == set(STRATEGIES)


def test_the_tournament_shares_its_games_over_processes_and_prints_what_one_process_prints(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 10, point 8: "`simulate` spreads runs over the machine's cores with results
    identical to one process" — the tournament, `simulate`'s longest run, included: `--jobs 2`
    starts two worker processes, and the table is the same as with `--jobs 1`."""
    import concurrent.futures

    import game.batch

    started: list[int | None] = []

    class Recorded(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, max_workers: int | None = None) -> None:
            started.append(max_workers)
            super().__init__(max_workers)

    monkeypatch.setattr(game.batch, "WORTH_SHARING", 1)
    monkeypatch.setattr(game.batch, "ProcessPoolExecutor", Recorded)
    args = ["simulate", "revive-spp", "--tournament", "--runs", "2", "--seed", "3", "--json"]
    outputs = []
    for jobs in ("1", "2"):
        assert main([*args, "--jobs", jobs]) == 0
        outputs.append(capsys.readouterr().out)
    assert started == [2]
    assert outputs[0] == outputs[1]
    assert any(row["agreement_rate"] > 0 for row in json.loads(outputs[0])["tournament"])


@pytest.mark.parametrize("option", [["--ai", "US=hard"], ["--explain"]])
def test_the_tournament_refuses_an_option_it_would_ignore(
    option: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The tournament seats every strategy itself and prints its own table: `--ai` and
    `--explain` would change nothing, so asking for them is a usage error that says so."""
    assert main(["simulate", "spp-2005", "--tournament", "--runs", "1", *option]) == 2
    err = capsys.readouterr().err
    assert option[0] in err and "--tournament" in err


def test_score_names_a_missing_package_file_and_says_what_a_package_is(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A new user's first try, `score spp-2005 status_quo`, said only "cannot read: No such
    file or directory": the error says a package is a file and what it holds (exit 1)."""
    assert main(["score", "spp-2005", "status_quo"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("status_quo: error: (file): no such package file")
    assert "options: {ISSUE: OPTION}" in err and len(err.strip().splitlines()) == 1


def test_an_unknown_option_gets_the_usage_of_its_own_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`score spp-2005 --package x` printed the usage of `python main.py` as a whole, which
    lists no options: the error shows the usage of `score`, whose options are the ones to
    choose from (exit 2, a usage error)."""
    with pytest.raises(SystemExit) as stopped:
        main(["score", "spp-2005", "--package", "x"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: python main.py score")
    assert "unrecognized arguments: --package" in err


def test_simulate_refuses_an_unknown_cause_with_a_hint(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "spp-2005", "--runs", "1", "--without", "leader_changes"]) == 2
    assert "did you mean 'leader_change'" in capsys.readouterr().err


def test_simulate_refuses_zero_runs() -> None:
    result = run("simulate", "spp-2005", "--runs", "0")
    assert result.returncode == 2 and "at least 1" in result.stderr


def test_the_authoring_guide_example_is_a_valid_scenario(tmp_path: Path) -> None:
    guide = (ROOT / "scenarios" / "AUTHORING.md").read_text(encoding="utf-8")
    example = guide.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    assert main(["validate", str(path)]) == 0


GOLDEN = DATA / "golden"


@pytest.mark.parametrize(
    ("name", "without"),
    [
        ("simulate-spp-2005-runs40-seed1.json", []),
        (
            "simulate-spp-2005-runs40-seed1-without-causes.json",
            ["leader_change", "visa_2009", "domestic_opposition"],
        ),
    ],
)
def test_simulate_output_is_unchanged_unless_the_rules_change_on_purpose(
    capsys: pytest.CaptureFixture[str], name: str, without: list[str]
) -> None:
    """A regression guard: the golden files hold what the game printed when they were last
    regenerated on purpose (issue 7's reorganisation left them unchanged; issue 9 changed the
    rules and issue 10 the computer players, and each regenerated them). A change that alters
    the game on purpose regenerates them (the command is the test's arguments) and says so in
    its commit."""
    args = ["simulate", "spp-2005", "--runs", "40", "--seed", "1", "--json"]
    for cause in without:
        args += ["--without", cause]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out) == json.loads((GOLDEN / name).read_text())


MADE: list[dict[str, object]] = []
"""What the command line handed each fake app."""


class _FakeApp:
    """Stands in for the Textual app: records what the command line hands it."""

    def __init__(self, **kwargs: object) -> None:
        MADE.append(kwargs)

    def run(self) -> None:
        pass


def test_play_reads_a_save_once_and_hands_the_app_the_game(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Issue 7: "`play --load` replays the save twice"; now it is read once, here."""
    import game.core.saves.replay as replay
    import game.ui.app as app_module
    from game.core.game import Game

    save = Game.new(spp_file(), 5, ["MX"]).save(tmp_path)
    calls: list[object] = []
    real = replay.load_game

    def counted(path: Path | str) -> replay.LoadedGame:
        calls.append(path)
        return real(path)

    monkeypatch.setattr("game.core.game.load_game", counted)
    monkeypatch.setattr(app_module, "make_app", lambda **kw: _FakeApp(**kw))
    MADE.clear()
    assert main(["play", "--load", str(save)]) == 0
    assert len(calls) == 1
    [kwargs] = MADE
    assert isinstance(kwargs["game"], Game) and kwargs["game"].view("MX").my_turn


def test_play_reads_a_scenario_once_and_hands_the_app_what_it_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 7: "`play SCENARIO` loads the scenario, throws it away and passes a path"."""
    import game.ui.app as app_module
    from game.core.scenario.loader import ScenarioFile

    monkeypatch.setattr(app_module, "make_app", lambda **kw: _FakeApp(**kw))
    MADE.clear()
    assert main(["play", "spp-2005", "--as", "CA", "--seed", "3"]) == 0
    [kwargs] = MADE
    source = kwargs["scenario"]
    assert isinstance(source, ScenarioFile) and source.scenario.id == "spp-2005"
    assert (kwargs["party"], kwargs["seed"]) == ("CA", 3)


def test_play_without_a_cause_hands_the_app_the_world_without_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 9: "`play --without CAUSE` ... so a class can play the world without Calderón's
    turn or without the visa that `simulate --without` shows"; a cause no event has, or no
    scenario to take it from, is a usage error with a hint."""
    import game.ui.app as app_module

    monkeypatch.setattr(app_module, "make_app", lambda **kw: _FakeApp(**kw))
    MADE.clear()
    args = [
        "play",
        "spp-2005",
        "--as",
        "MX",
        "--without",
        "leader_change",
        "--without",
        "visa_2009",
    ]
    assert main(args) == 0
    [kwargs] = MADE
    assert kwargs["without"] == ["leader_change", "visa_2009"]
    assert main(["play", "spp-2005", "--without", "visa"]) == 2
    assert "did you mean 'visa_2009'" in capsys.readouterr().err
    assert main(["play", "--without", "visa_2009"]) == 2
    assert "needs a SCENARIO" in capsys.readouterr().err
    assert len(MADE) == 1


# --- issue 8, point 6: `score` and the game's Score panel agree ------------------------------

MERIDA = {"organized_crime": "merida_bilateral"}
"""Worth more than the reservation value to Mexico and less to the United States."""

DESIGN_NOTE = "the size of each line is the scenario's design"
"""What `score` and the Score panel say of their breakdown's numbers."""

SPP_GROUPS = {"institutions": "spp_security_groups"}
"""Above the United States' reservation value but below what it needs with its attention
elsewhere (57.7 < 58.5 < 61.7); Canada's support at home 49.75 against a threshold of 50."""

CLOSE_CALL = {
    "border": "next_generation",
    "framework": "linked",
    "institutions": "spp_security_groups",
    "development": "pastor_fund",
}
"""Worth 79.487 to Mexico, which needs 79.494: the same at one and at two decimals."""

DECIMAL = re.compile(r"[+-]?\d+\.\d+")


def score_text(tmp_path: Path, capsys: pytest.CaptureFixture[str], options: dict[str, str]) -> str:
    """What `score spp-2005` prints for a package with these options."""
    package = tmp_path / "package.yaml"
    package.write_text(yaml.safe_dump({"options": options}), encoding="utf-8")
    assert main(["score", "spp-2005", str(package)]) == 0
    return capsys.readouterr().out


def score_json_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: dict[str, str]
) -> dict[str, Any]:
    """What `score spp-2005 --json` prints for a package with these options, parsed."""
    package = tmp_path / "package.yaml"
    package.write_text(yaml.safe_dump({"options": options}), encoding="utf-8")
    assert main(["score", "spp-2005", str(package), "--json"]) == 0
    parties: dict[str, Any] = json.loads(capsys.readouterr().out)["parties"]
    return parties


def block(text: str, party: str) -> str:
    """One party's part of `score`'s text output."""
    return next(b for b in text.split("\n\n") if b.startswith(f"{party}  "))


def start_game() -> Game:
    """A game of spp-2005 at its start (every seat a person's: nobody has moved, so the
    conditions are the scenario's starting ones, which `score` uses)."""
    scenario = spp_file().scenario
    game = Game.new(scenario, 5, scenario.party_ids)
    assert game.state.conditions == Conditions.initial(scenario)
    return game


def start_view(party: str) -> SeatView:
    """A party's seat at the start of a game of spp-2005."""
    return start_game().view(party)


def panel_text(party: str, options: dict[str, str]) -> str:
    """The game's Score panel for a draft, drawn as the table screen draws it."""
    view = start_view(party)
    draft = to_package(PackageFile(options=options), view.scenario)
    return render_score(view.score(draft), view.needed()).plain


def comparison(text: str, left: str, right: str) -> tuple[str, str]:
    """The two numbers shown in `LEFT 1.0 ... RIGHT 2.0` (the first such pair)."""
    found = re.search(rf"{left}\s+(\d+(?:\.\d+)?).*?{right}\s+(\d+(?:\.\d+)?)", text, re.DOTALL)
    assert found, (left, right, text)
    return found[1], found[2]


def breakdown_lines(text: str) -> list[Decimal]:
    """The signed values that start the breakdown's lines."""
    return [Decimal(m[1]) for m in re.finditer(r"^\s*([+-]\d+\.\d+)\s", text, re.MULTILINE)]


@pytest.mark.parametrize("party", ["US", "MX", "CA"])
@pytest.mark.parametrize(
    "options", [MERIDA, SPP_GROUPS, CLOSE_CALL], ids=["merida", "spp", "close"]
)
def test_score_and_the_score_panel_show_the_same_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], party: str, options: dict[str, str]
) -> None:
    """Issue 8: "The breakdown adds up in the game and in `score`, with the same numbers, the
    same required value (reservation plus premiums, each named) and the same rounding rule"."""
    cli = block(score_text(tmp_path, capsys, options), party)
    panel = panel_text(party, options)
    assert sorted(DECIMAL.findall(cli)) == sorted(DECIMAL.findall(panel))
    view = start_view(party)
    need = view.score(to_package(PackageFile(options=options), view.scenario)).requirement
    assert need.total == view.needed() and need.premiums
    for premium in need.premiums:
        assert f"{premium.name} " in cli and f"{premium.name} " in panel
    assert comparison(cli, "support", "needs") == comparison(panel, "support", "needs")


def test_score_judges_acceptable_against_what_the_game_requires(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 8: "`acceptable` in `score` must use the same required value as the game" (the
    tester: "You need 75.0 (reservation 73 + 2 attention)" in the game, "acceptable yes" at
    73.0 in `score`)."""
    parties = score_json_of(tmp_path, capsys, SPP_GROUPS)
    game = start_game()
    draft = to_package(PackageFile(options=SPP_GROUPS), game.scenario)
    for party, out in parties.items():
        assert out["acceptable"] is (not acceptance_problems(game.state, party, draft))
        assert out["needed"] == pytest.approx(game.view(party).needed(), abs=1e-4)
    assert parties["US"]["total"] > parties["US"]["reservation"]
    assert parties["US"]["acceptable"] is False


@pytest.mark.parametrize(
    ("party", "options", "left", "right"),
    [
        ("CA", SPP_GROUPS, "support", "needs"),
        ("MX", CLOSE_CALL, "score", "needs"),
    ],
)
def test_a_comparison_decided_by_a_decimal_shows_the_decimal(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    party: str,
    options: dict[str, str],
    left: str,
    right: str,
) -> None:
    """Issue 8: "a comparison is never shown as equal when it is decided by a decimal" (the
    tester: "ratifies NO (home support 50, needs 50)"), in `score` and in the game alike."""
    cli = block(score_text(tmp_path, capsys, options), party)
    panel = panel_text(party, options).replace("Your score", "score").replace("You need", "needs")
    for text in (cli, panel):
        shown, needed = comparison(text, left, right)
        assert Decimal(shown) < Decimal(needed), text


@pytest.mark.parametrize(
    "options", [MERIDA, SPP_GROUPS, CLOSE_CALL], ids=["merida", "spp", "close"]
)
def test_the_breakdown_adds_up_to_the_score_in_score_and_in_the_panel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: dict[str, str]
) -> None:
    """Issue 8: "The breakdown adds up in the game and in `score`" (the tester: "lines +13.1,
    score 86.2"): the lines shown sum to the score shown."""
    text = score_text(tmp_path, capsys, options)
    for party in ("US", "MX", "CA"):
        cli = block(text, party)
        panel = panel_text(party, options).replace("Your score", "score")
        for shown in (panel, cli):
            total = re.search(r"score\s+(\d+\.\d+)", shown)
            assert total, shown
            assert sum(breakdown_lines(shown), Decimal(0)) == Decimal(total[1]), shown


def test_the_json_breakdown_adds_up_to_the_json_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: "The breakdown's values add up to the total"."""
    for party, out in score_json_of(tmp_path, capsys, SPP_GROUPS).items():
        values = [Decimal(str(t["value"])) for t in out["breakdown"]]
        assert sum(values, Decimal(0)) == Decimal(str(out["total"])), party


def test_score_labels_the_status_quo_line_as_the_status_quo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 8: "the CLI's offset line is labelled as the worst package but is the status
    quo": the line worth the status quo's score says so, in `score` and in the panel."""
    status_quo = score_json_of(tmp_path, capsys, {})
    text = score_text(tmp_path, capsys, MERIDA)
    for party, out in status_quo.items():
        value = f"{out['total']:+.1f}"
        [line] = [x for x in block(text, party).splitlines() if x.strip().startswith(value)]
        label = line.split("  [", 1)[0]  # the source, in brackets, explains the 0-100 scale
        assert "Status quo" in label and "worst" not in label
        panel = panel_text(party, MERIDA).splitlines()
        at = next(i for i, x in enumerate(panel) if x.strip().startswith(value))
        assert panel[at - 1].strip() == "Status quo"


def test_every_command_finds_a_scenario_by_the_id_scenarios_lists(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 13: "`scenarios` lists a file by its `id:`, but `play/score/simulate` accept only
    the file name"; now every command takes the id `scenarios` lists, or a path."""
    import game.ui.app as app_module
    from game.core.scenario.loader import ScenarioFile

    (tmp_path / "scenarios").mkdir()
    mine = tmp_path / "scenarios" / "my-file.yaml"
    mine.write_text((DATA / "good" / "minimal.yaml").read_text(encoding="utf-8"))
    (tmp_path / "p.yaml").write_text("options: {border: patrols}\n")
    monkeypatch.chdir(tmp_path)
    assert main(["scenarios"]) == 0
    listed = capsys.readouterr().out
    assert re.search(r"^minimal\s+Minimal test scenario$", listed, re.MULTILINE), listed
    for name in ("minimal", str(mine)):
        assert main(["score", name, "p.yaml"]) == 0
        assert main(["simulate", name, "--runs", "1", "--ai", "BB=hard"]) == 0
        monkeypatch.setattr(app_module, "make_app", lambda **kw: _FakeApp(**kw))
        MADE.clear()
        assert main(["play", name, "--as", "BB"]) == 0
        [kwargs] = MADE
        source = kwargs["scenario"]
        assert isinstance(source, ScenarioFile) and source.path.resolve() == mine.resolve()
    capsys.readouterr()
    assert main(["score", "minimall", "p.yaml"]) == 1
    assert "no such scenario; did you mean 'minimal'?" in capsys.readouterr().err


def test_party_codes_outside_the_scenario_are_usage_errors_in_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 13: "`--as` takes any party code the scenario declares; an unknown code is a clear
    error with exit 2" (`play --as`, `simulate --ai`), never a traceback."""
    minimal = str(DATA / "good" / "minimal.yaml")
    assert main(["play", minimal, "--as", "CA"]) == 2
    assert main(["simulate", minimal, "--runs", "1", "--ai", "CA=hard"]) == 2
    err = capsys.readouterr().err
    assert "has no country CA; its countries are AA, BB" in err
    assert "no party 'CA' in minimal" in err and "Traceback" not in err


@pytest.mark.parametrize("args", [(), ("play", "spp-2005", "--as", "MX")])
def test_the_game_without_a_terminal_says_so_in_one_line_and_exits_2(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    """Run with its input or output not a terminal (`python main.py < /dev/null`, a pipe, a
    script), the game drew its screens for no one and spun on an empty input until killed. It
    says in one line that it needs a terminal, and exits 2 (bad usage)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "needs a terminal" in done.stderr


def test_score_and_the_panel_say_the_sizes_of_the_lines_are_design(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A content audit: `score` printed "-12.1 Principle: Sovereignty in military matters
    [Policies B) US-MX]" as if the chapter gave the 12.1; it gives no costs, penalties or U.S.
    weights. Both say that the sizes are the scenario's design and the bracket what the line
    rests on."""
    text = score_text(tmp_path, capsys, MERIDA)
    for shown in (text, panel_text("US", MERIDA)):
        assert DESIGN_NOTE in " ".join(shown.split()).lower()


def test_the_tournament_table_fits_80_columns_and_names_every_opponent_in_full(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A teacher's audit: the matrix of gains against each opponent cut its column headings to
    "tit_for_", "omniscie", "accept_f" and ran to 86 columns. Its columns are numbered as its
    rows, which name each strategy in full, and every line fits 80 columns."""
    from game.core.players.style import STRATEGIES

    args = ["simulate", "spp-2005", "--tournament", "--runs", "1", "--jobs", "1"]
    assert main([*args, "--without", "leader_change"]) == 0
    text = capsys.readouterr().out
    assert all(len(line) <= 80 for line in text.splitlines()), text
    matrix = text.split("numbered as the rows)", 1)[1].splitlines()[2:]
    labels = [line.split("  ")[1].strip() for line in matrix if line.strip()]
    assert labels == [f"{n} {s}" for n, s in enumerate(STRATEGIES, 1)]


def test_a_teachers_file_in_a_checkouts_scenarios_folder_is_listed_as_local(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A teacher's audit: in a checkout, `new my-scenario` writes scenarios/my-scenario.yaml,
    the folder of the built-in scenarios, and `scenarios` listed the teacher's file as
    "built-in". Built-in are the files the game ships; anything else there is the teacher's."""
    from game.core.scenario import loader

    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "spp-2005.yaml").write_bytes((ROOT / "scenarios" / "spp-2005.yaml").read_bytes())
    (folder / "mine.yaml").write_text((DATA / "good" / "minimal.yaml").read_text())
    monkeypatch.setattr(loader, "builtin_dir", lambda: folder)
    kinds = {e.path.name: e.kind for e in loader.catalogue(tmp_path)}
    assert kinds == {"spp-2005.yaml": "built-in", "mine.yaml": "local"}
    assert loader.builtin_scenarios() == [folder / "spp-2005.yaml"]
    assert loader.local_scenarios(tmp_path) == [folder / "mine.yaml"]


def test_the_built_in_scenarios_named_in_the_loader_are_the_shipped_ones() -> None:
    """`BUILT_IN` names the scenario files the game ships: each is there, in the repository's
    scenarios folder, and no shipped file is left unnamed (a new built-in scenario is added
    to the list)."""
    from game.core.scenario.loader import BUILT_IN

    tracked = subprocess.run(
        ["git", "ls-files", "scenarios/*.yaml"], cwd=ROOT, capture_output=True, text=True
    )
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    assert sorted(Path(p).name for p in tracked.stdout.split()) == sorted(BUILT_IN)


def test_report_of_a_scenario_says_in_one_line_to_play_it_first(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scenario given to `report` for a save: one line naming it as given, and what to do."""
    monkeypatch.chdir(ROOT)
    assert main(["report", "scenarios/spp-2005.yaml"]) == 1
    assert capsys.readouterr().err == (
        "scenarios/spp-2005.yaml: error: this is a scenario, not a saved game; play it with "
        "`python main.py play scenarios/spp-2005.yaml` first: the game writes its saves in "
        "saves/\n"
    )
