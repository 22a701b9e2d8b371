"""A teacher's own scenario names its own source: game text says "the chapter" only for
scenarios built from the chapter."""

from __future__ import annotations

from rich.text import Text

from game.core.analysis.class_report import class_report
from game.core.analysis.report_markdown import to_markdown
from game.core.analysis.simulation import play_computer_game
from game.core.game import Game
from game.core.scenario.loader import find_scenario
from game.core.scenario.model import Scenario
from game.ui.render.briefing import details, summary


def _renamed(scenario: Scenario, noun: str) -> Scenario:
    return Scenario.model_validate({**scenario.model_dump(), "source_noun": noun})


def test_a_scenario_built_from_another_source_is_never_said_to_quote_the_chapter() -> None:
    """A teacher's audit: an invented scenario's briefing said "* the scenario author's design
    choice, not a fact from the chapter" and "Their stated reason, in the chapter's words:",
    and its debrief "The chapter's verdict and forecast" and "Which obstacle of the chapter
    ...?", though the teacher's file has no chapter. `source_noun` names the work instead."""
    spp = find_scenario("spp-2005").scenario
    assert spp.source_noun == "the chapter"
    own = _renamed(spp, "the treaty text")
    state = play_computer_game(own, 3)
    report = to_markdown(class_report(state))
    view = Game.new(own, 3, ["MX"]).view("MX")
    parts = [summary(view, 200), *(t for t in details(view) if isinstance(t, Text))]
    shown = " ".join(" ".join(t.plain.split()) for t in parts)
    # The game's own words (the scenario's texts, copied from spp-2005 here, are the author's).
    said = (
        "not a fact from the chapter",
        "in the chapter's words",
        "The chapter's verdict",
        "obstacle of the chapter",
        "the chapter counts no packages",
        "the chapter's causes",
    )
    for text in (report, shown):
        assert not [words for words in said if words in text]
    assert "not a fact from the treaty text" in shown
    assert "quoted words are the treaty text's" in shown
    assert "The treaty text's verdict and forecast" in report
