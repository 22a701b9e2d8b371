"""Every text a scenario's author writes is shown somewhere a player or an instructor reads it.

An instructor's audit wrote marker text into `rounds[].note`, `issues[].description` and
`threats[].description` (fields the authoring guide documents) and found it nowhere: not in the
briefing, the full briefing, the option window (`i`), the log or the debrief.
"""

from __future__ import annotations

import functools
import io

import yaml
from rich.console import Console, RenderableType

from game.core.game import Game, SeatView
from game.core.scenario.model import Scenario
from game.ui.render.agenda import option_markdown
from game.ui.render.briefing import details
from game.ui.render.table import log
from tests.conftest import DATA

THREAT = "ZZTHREATDESC seen from the sea"
ISSUE = "ZZISSUEDESC who may cross and how"
ROUND = "ZZROUNDNOTE the first meeting opens"


@functools.cache
def noted() -> Scenario:
    """The minimal test scenario with a description on a threat and an issue and a note on
    its first round."""
    data = yaml.safe_load((DATA / "good" / "minimal.yaml").read_text(encoding="utf-8"))
    data["threats"][0]["description"] = THREAT
    data["issues"][1]["description"] = ISSUE
    data["rounds"][0]["note"] = ROUND
    return Scenario.model_validate(data)


def view() -> SeatView:
    return Game.new(noted(), 1, ["AA"]).view("AA")


def plain(*parts: RenderableType, width: int = 76) -> str:
    """What the parts read at a width, whitespace folded."""
    out = io.StringIO()
    console = Console(width=width, file=out, color_system=None, legacy_windows=False)
    for part in parts:
        console.print(part)
    return " ".join(out.getvalue().split())


def test_an_issue_s_description_is_in_the_option_window_of_each_of_its_options() -> None:
    """The audit: `issues[].description` was in no window; `i` showed the option alone."""
    for k in range(2):
        assert ISSUE in option_markdown(noted(), 1, k)
    assert ISSUE not in option_markdown(noted(), 0, 0)


def test_the_full_briefing_lists_the_agenda_with_what_each_issue_is_about() -> None:
    """The audit: the full briefing (`d`) named no issue's description."""
    text = plain(*details(view()))
    assert f"Mobility: {ISSUE} [Policies]" in text
    assert "• Border: [Policies]" in text  # an issue without one: its name and section


def test_the_full_briefing_says_what_each_threat_is() -> None:
    """The audit: `threats[].description` ("one or two sentences for the briefing", says the
    format) was in no briefing."""
    text = plain(*details(view()))
    assert f"Organized crime (soft, global): {THREAT} [B) Threats]" in text


def test_a_round_s_note_follows_its_opening_line_in_the_log() -> None:
    """The audit: `rounds[].note` was in no log line or window."""
    lines = log(view()).plain.splitlines()
    opening = next(n for n, line in enumerate(lines) if "First round" in line)
    assert ROUND in [*lines, ""][opening + 1]
