"""The class roll-up (issue 12, point 4): many groups' games of one scenario in one table, with
totals next to computer-only games in the same world. Fixture games are built through the
engine: a lapsed deal, a game without a deal, a failed vote at home with three human countries,
a deal in a world without the chapter's causes, and a game not over yet."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re

import pytest

from game.core.analysis.cohort import (
    Cohort,
    Played,
    cohort,
    distinct_games,
    group_row,
    same_scenario,
    simulated,
)
from game.core.analysis.cohort_table import csv_header, to_csv, to_markdown
from game.core.analysis.debrief import verdict
from game.core.analysis.outcomes import OUTCOMES, classify, results
from game.core.analysis.simulation import simulate
from game.core.engine.moves import Pass
from game.core.engine.state import State
from game.core.game import Game
from game.core.scenario.loader import load_scenario
from tests.conftest import DATA, WITHOUT_CAUSES, blocked_game, spp_file
from tests.ui.conftest import played_game

RUNS, SEED = 3, 5
"""A small baseline: the rules, not the figures, are under test."""


@functools.cache
def state(kind: str) -> State:
    """The fixture games, by kind."""
    if kind == "lapse":
        return played_game("US", seed=1, accept=True).state
    if kind == "no deal":
        return played_game("MX", seed=42).state
    if kind == "vote":
        return blocked_game().state
    if kind == "deal":
        return played_game("CA", seed=2, accept=True, without=WITHOUT_CAUSES).state
    game = Game.new(spp_file(), 5, ["MX"])
    for _ in range(3):
        game.play(Pass(party="MX"))
    assert not game.finished
    return game.state


KINDS = ("lapse", "no deal", "vote", "deal", "unfinished")


def class_games() -> list[Played]:
    return [Played(f"{kind}.yaml", state(kind)) for kind in KINDS]


@functools.cache
def rolled() -> Cohort:
    return cohort(class_games(), simulated(spp_file().scenario, RUNS, SEED))


def test_each_group_is_one_row_with_its_outcome_and_each_partys_result() -> None:
    """Issue 12: "one table of outcomes, each party's result"."""
    rows = rolled().groups
    assert [r.name for r in rows] == [f"{k}.yaml" for k in KINDS]
    for kind, row in zip(KINDS, rows, strict=True):
        s = state(kind)
        assert row.outcome == classify(s)
        assert row.results == results(s)
        assert row.seed == s.seed and row.difficulty == s.difficulty
        assert row.without == tuple(sorted(s.disabled_causes))
    assert [r.outcome for r in rows[:4]] == [
        "lapsed",
        "dual_bilateralism",
        "dual_bilateralism",
        "security_arrangement",
    ]


def test_the_countries_a_group_played_get_their_verdict_and_no_other_does() -> None:
    """Issue 12 brief: "won/even/lost for the human countries"."""
    rows = {r.name: r for r in rolled().groups}
    assert rows["vote.yaml"].humans == ("US", "MX", "CA")
    deal = rows["deal.yaml"]
    assert deal.humans == ("CA",)
    assert deal.verdicts == {"CA": verdict(results(state("deal"))["CA"])} == {"CA": "won"}


def test_the_agreement_rate_counts_trilateral_deals_signed_in_finished_games() -> None:
    """Issue 12: "the agreement rate" (a lapsed partnership was signed: it counts)."""
    totals = rolled().totals
    assert (totals.games, totals.agreements) == (4, 2)
    assert totals.agreement_rate == 0.5
    assert totals.outcomes == {
        "security_arrangement": 1,
        "prosperity_only": 0,
        "lapsed": 1,
        "dual_bilateralism": 2,
        "breakdown": 0,
    }


def test_the_mean_result_and_gain_of_each_party_are_over_the_finished_games() -> None:
    totals = rolled().totals
    finished = [results(state(k)) for k in KINDS[:4]]
    for party, mean in totals.parties.items():
        assert mean.mean_score == pytest.approx(sum(r[party].score for r in finished) / 4)
        assert mean.mean_vs_reservation == pytest.approx(sum(r[party].gain for r in finished) / 4)


def test_the_share_of_countries_played_that_beat_their_reservation_value() -> None:
    """Issue 12 brief: "share of human countries that beat their reservation value"."""
    totals = rolled().totals
    # US (lapse), MX (no deal), US, MX and CA (vote), CA (deal): only CA's deal won.
    assert (totals.human_wins, totals.human_seats) == (1, 6)


def test_an_unfinished_game_is_listed_marked_and_left_out_of_the_totals() -> None:
    rolled_up = rolled()
    unfinished = rolled_up.groups[-1]
    assert not unfinished.finished and rolled_up.unfinished == 1
    assert rolled_up.totals.games == 4
    text = to_markdown(rolled_up)
    row = next(line for line in text.splitlines() if line.startswith("| unfinished.yaml"))
    assert "*unfinished*" in row and "so far" in row
    assert (
        "1 game was not over when saved: the table shows where it stood, and the totals "
        "leave it out." in text
    )


def test_each_world_is_compared_with_computer_only_games_in_that_world() -> None:
    """Issue 12: "next to the computer-only baseline from `simulate` on the same scenario";
    a group that played without some causes is compared with games without them."""
    worlds = rolled().worlds
    assert [w.without for w in worlds] == [(), tuple(sorted(WITHOUT_CAUSES))]
    spp = spp_file().scenario
    assert worlds[0].baseline == simulate(spp, RUNS, SEED)
    assert worlds[1].baseline == simulate(spp, RUNS, SEED, WITHOUT_CAUSES)
    assert [g.name for g in worlds[1].groups] == ["deal.yaml"]
    assert (worlds[0].totals.games, worlds[0].totals.agreements) == (3, 1)


def test_the_markdown_has_a_row_per_group_and_a_column_per_party_of_the_scenario() -> None:
    """Issue 12: "prints one table of outcomes, each party's result ... as Markdown"."""
    text = to_markdown(rolled())
    header = next(line for line in text.splitlines() if line.startswith("| Group |"))
    assert header.endswith("| US result (gain) | MX result (gain) | CA result (gain) |")
    rows = [line for line in text.splitlines() if re.match(r"\| \w[\w ]*\.yaml \|", line)]
    assert len(rows) == len(KINDS)
    deal = results(state("deal"))
    deal_row = next(r for r in rows if r.startswith("| deal.yaml"))
    ca = deal["CA"]
    assert f"**{ca.score:.1f} (+{ca.gain:.1f}) won**" in deal_row
    assert f"| {deal['US'].score:.1f} (+{deal['US'].gain:.1f}) |" in deal_row
    assert "security arrangement" in deal_row


def test_the_markdown_puts_the_class_agreement_rate_next_to_the_computers() -> None:
    """Issue 12 brief: "Agreement rate: class 2/5 (40%) — computers 7% (200 games)"."""
    rolled_up = rolled()
    text = to_markdown(rolled_up)
    history = rolled_up.worlds[0].baseline
    assert (
        f"**Agreement rate: class 1/3 (33%) — computers {history.agreement_rate:.0%} "
        f"({RUNS} games)**" in text
    )
    assert "All finished games together: agreement rate 2/4 (50%)." in text
    assert "### History as it happened (4 games)" in text
    assert "### Without domestic_opposition, leader_change, visa_2009 (1 game)" in text


def test_the_csv_has_a_row_per_group_then_the_class_and_the_computers_per_world() -> None:
    """Issue 12: "as CSV with `--csv FILE`"."""
    rolled_up = rolled()
    rows = list(csv.DictReader(io.StringIO(to_csv(rolled_up))))
    assert list(rows[0]) == csv_header(rolled_up.scenario)
    assert [r["kind"] for r in rows] == ["group"] * 5 + ["class", "computers"] * 2
    for kind, row in zip(KINDS, rows[:5], strict=True):
        ends = results(state(kind))
        assert row["outcome"] == classify(state(kind))
        for party, end in ends.items():
            assert float(row[f"{party}_result"]) == pytest.approx(end.score, abs=1e-4)
            assert float(row[f"{party}_gain"]) == pytest.approx(end.gain, abs=1e-4)
    assert rows[3]["CA_verdict"] == "won" and rows[3]["US_verdict"] == ""
    history_class, history_computers = rows[5], rows[6]
    assert float(history_class["agreement"]) == pytest.approx(1 / 3, abs=1e-4)
    base = rolled_up.worlds[0].baseline
    assert float(history_computers["agreement"]) == pytest.approx(base.agreement_rate)
    assert history_computers["games"] == str(RUNS)


def test_a_class_row_is_the_mean_of_its_worlds_finished_group_rows() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(rolled()))))
    groups = [r for r in rows[:5] if r["without"] == "" and r["finished"] == "1"]
    history = rows[5]
    for column in ("agreement", "rounds", *OUTCOMES, "US_result", "MX_gain"):
        mean = sum(float(g[column]) for g in groups) / len(groups)
        assert float(history[column]) == pytest.approx(mean, abs=1e-4), column


def test_csv_numbers_are_plain() -> None:
    """Issue 12 brief: "numbers plain, no thousands separators"."""
    text = to_csv(rolled())
    for row in csv.DictReader(io.StringIO(text)):
        for column in ("rounds", "agreement", "US_result", "CA_gain"):
            assert re.fullmatch(r"-?\d+(\.\d+)?", row[column]), (column, row[column])


def test_parties_come_from_the_scenario_whatever_their_codes() -> None:
    minimal = load_scenario(DATA / "good" / "minimal.yaml")
    games = [Played(f"g{n}", Game.new(minimal, n).state) for n in range(2)]
    rolled_up = cohort(games, simulated(minimal, 2, 1))
    assert list(rolled_up.totals.parties) == ["AA", "BB"]
    assert "| AA result (gain) | BB result (gain) |" in to_markdown(rolled_up)
    assert {"AA_result", "BB_gain", "BB_verdict"} <= set(csv_header(minimal))


def test_a_group_name_cannot_break_the_markdown_table() -> None:
    games = [Played("a|b.yaml", state("no deal"))]
    text = to_markdown(cohort(games, simulated(spp_file().scenario, 1, 1)))
    assert "| a\\|b.yaml |" in text


def test_games_of_another_scenario_than_most_are_set_aside_with_the_reason() -> None:
    """Issue 12 brief: "Groups from different scenarios: refuse with a clear message"."""
    minimal = load_scenario(DATA / "good" / "minimal.yaml")
    stray = Played("stray.yaml", Game.new(minimal, 1).state)
    kept, others = same_scenario([stray, *class_games()[:2]])
    assert [p.name for p in kept] == ["lapse.yaml", "no deal.yaml"]
    assert others == [
        (
            "stray.yaml",
            "a game of scenario 'minimal', not 'spp-2005' like the others; roll up each "
            "scenario's saves on their own",
        )
    ]
    with pytest.raises(ValueError, match="more than one scenario"):
        cohort([stray, *class_games()[:1]], simulated(minimal, 1, 1))


def test_a_game_of_another_version_of_the_scenario_is_set_aside() -> None:
    spp = spp_file().scenario
    changed = spp.model_copy(update={"title": spp.title + " (edited)"})
    other = Played("edited.yaml", Game.new(changed, 1).state)
    kept, others = same_scenario([*class_games()[:2], other])
    assert len(kept) == 2
    assert others[0][0] == "edited.yaml" and "another version" in others[0][1]


def test_an_autosave_and_a_save_by_hand_of_one_game_count_once() -> None:
    """Each game keeps an autosave beside any save by hand (README, Playing): `class saves/*`
    must not count a group twice. The save furthest along stands for the game."""
    started = dt.datetime(2026, 3, 1, 10, 0, 0)
    game = Game.new(spp_file(), 9, ["MX"])
    early = game.state
    game.play(Pass(party="MX"))
    later = game.state
    saves = [
        Played("autosave-spp-2005-MX-seed9.yaml", early, started),
        Played("group-1.yaml", later, started),
        Played("group-2.yaml", state("no deal"), started),
    ]
    kept, set_aside = distinct_games(saves)
    assert [p.name for p in kept] == ["group-1.yaml", "group-2.yaml"]
    assert set_aside == [("autosave-spp-2005-MX-seed9.yaml", "group-1.yaml")]


def test_a_save_by_hand_stands_for_its_game_over_an_autosave_as_far_along() -> None:
    started = dt.datetime(2026, 3, 1, 10, 0, 0)
    final = state("no deal")
    saves = [Played("autosave-x.yaml", final, started), Played("team-mx.yaml", final, started)]
    kept, set_aside = distinct_games(saves)
    assert [p.name for p in kept] == ["team-mx.yaml"]
    assert set_aside == [("autosave-x.yaml", "team-mx.yaml")]


def test_games_that_do_not_say_when_they_started_are_never_merged() -> None:
    final = state("no deal")
    kept, set_aside = distinct_games([Played("a.yaml", final), Played("b.yaml", final)])
    assert len(kept) == 2 and set_aside == []


def test_games_started_at_different_times_are_different_groups() -> None:
    final = state("no deal")
    saves = [
        Played("a.yaml", final, dt.datetime(2026, 3, 1, 10, 0, 0)),
        Played("b.yaml", final, dt.datetime(2026, 3, 1, 10, 0, 1)),
    ]
    assert len(distinct_games(saves)[0]) == 2


def test_a_group_row_counts_rounds_as_simulate_does() -> None:
    s = state("deal")
    deal = s.trilateral
    assert deal is not None
    assert group_row("x", s).rounds == deal.round + 1
    assert group_row("y", state("no deal")).rounds == state("no deal").round + 1


@pytest.mark.parametrize(("groups", "said"), [(1, "1 group's games"), (5, "5 groups' games")])
def test_the_roll_up_opening_line_counts_groups_in_english(groups: int, said: str) -> None:
    """One save rolled up read "1 group' games"; the possessive follows the count."""
    text = to_markdown(cohort(class_games()[:groups], simulated(spp_file().scenario, 1, SEED)))
    assert f"Scenario `spp-2005`: {said}, " in text
