"""Names a scenario gives fit the screen at 80x24 whatever their length or script: a long name
gives way on a line that must hold other facts, and a short name is measured in the columns
it takes on screen, not in characters.

An instructor's audit: a party named "The United States of America and its Federal Agencies"
cut the table's status line at 80x24 to "You: The United States of America and its Federal
Agencies · round 1/4 ·", losing the date, the chair and "your turn"; and a `short` of nine
Japanese characters (18 columns) passed the 12-character limit and broke the agenda's row.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rich.cells import cell_len

from game.core.game import Game
from game.core.scenario.base import columns
from game.core.scenario.errors import LoadError
from game.core.scenario.loader import load_scenario
from game.core.scenario.model import Scenario
from game.ui.render.agenda import agenda
from game.ui.render.table import status
from tests.conftest import DATA

LONG = "The United States of America and its Federal Agencies"


def minimal(**changes: str) -> Scenario:
    """The minimal test scenario with its first party's name and its issues' short names
    and first labels changed."""
    data = yaml.safe_load((DATA / "good" / "minimal.yaml").read_text(encoding="utf-8"))
    if "name" in changes:
        data["parties"][0]["name"] = changes["name"]
    for n, key in enumerate(("short0", "short1")):
        if key in changes:
            data["issues"][n]["short"] = changes[key]
    if "label" in changes:
        data["issues"][1]["options"][0]["label"] = changes["label"]
    return Scenario.model_validate(data)


@pytest.mark.parametrize("party", ["AA", "BB"])
def test_a_long_party_name_gives_way_on_the_status_line_never_the_round_date_chair_or_turn(
    party: str,
) -> None:
    """The audit's status line lost everything after the round to the name."""
    game = Game.new(minimal(name=LONG), 1, ["AA", "BB"])
    line = status(game.view(party)).plain
    assert cell_len(line) <= 78  # the status line's room at 80 columns, less its padding
    assert "· round 1/2 · 2005-02-01 · chair AA ·" in line
    assert line.endswith(("your turn", "AA to move"))
    if party == "AA":
        assert line.startswith("You: The United States of") and "…" in line


def test_a_name_that_fits_is_not_cut_on_the_status_line() -> None:
    game = Game.new(minimal(), 1, ["AA"])
    assert status(game.view("AA")).plain.startswith("You: Alphaland · round 1/2")


def test_a_short_name_is_limited_to_12_columns_on_screen_not_12_characters(
    tmp_path: Path,
) -> None:
    """Nine Japanese characters take 18 columns: refused, saying the limit and why."""
    text = (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "s.yaml"
    path.write_text(
        text.replace("    name: Mobility\n", "    name: Mobility\n    short: 船舶追跡データ共有\n")
    )
    with pytest.raises(LoadError) as caught:
        load_scenario(path)
    [problem] = caught.value.problems
    assert problem.path == "issues.1.short"
    assert "at most 12 columns wide on screen" in problem.message
    assert "takes two" in problem.message and "this one takes 18" in problem.message
    assert minimal(short1="船舶追跡共有").issues[1].short == "船舶追跡共有"  # 12 columns


@pytest.mark.parametrize(
    "text", ["Patrols", "船舶追跡", "México 🇲🇽", "🚧🚧", "e\u0301te", "\uff21\uff22", "Ålborg", ""]
)
def test_the_scenario_measures_text_in_the_columns_the_screen_gives_it(text: str) -> None:
    """The validator (in the core, which may not use the screen's library) and the screens
    agree on how wide a text is."""
    assert columns(text) == cell_len(text)


def test_wide_characters_keep_the_agenda_s_columns_in_line() -> None:
    """Each issue's option starts in the same column, and no row is wider than the agenda,
    whatever script the short names and labels are written in."""
    label = "船舶追跡データのリアルタイム共有\uff08全面\uff09"  # full-width brackets
    scenario = minimal(short0="船舶追跡", short1="Patrols", label=label)
    for cursor in (0, 1):
        rows = agenda(scenario, (0, 0), cursor, 40, None).plain.splitlines()
        assert all(cell_len(row) <= 40 for row in rows), rows
        starts = {
            cell_len(row[: row.index(start)])
            for row, start in zip(rows, ("Keep", "船舶追跡デ"), strict=True)
        }
        assert len(starts) == 1, rows


def test_a_long_party_name_gives_way_on_the_replay_s_status_line_too() -> None:
    """The replay (`w`) heads its steps with the same facts after the name."""
    from game.ui.render.replay import where

    view = Game.new(minimal(name=LONG), 1, ["AA"]).view("AA")
    line = where(view, 12, 120, view).plain
    assert cell_len(line) <= 78
    assert line.endswith("· move 12 of 120 · round 1/2 · 2005-02-01 · chair AA")


async def test_a_long_name_is_cut_only_as_far_as_a_wider_screen_needs(tmp_path: Path) -> None:
    """The table's status line takes the width it is given: at 140 columns the audit's long
    name fits whole beside the round, date, chair and turn (it had been cut to 78 columns on
    any screen)."""
    from game.ui.screens.table import TableScreen
    from tests.ui.conftest import at_table, game_app_at, widget_text

    game = Game.new(minimal(name=LONG), 1, ["AA"])
    app = game_app_at(game, tmp_path)
    async with app.run_test(size=(140, 30)) as pilot:
        table = await at_table(pilot)
        assert isinstance(table, TableScreen)
        line = widget_text(app, "#status")
        assert f"You: {LONG} · round 1/2" in line, line
