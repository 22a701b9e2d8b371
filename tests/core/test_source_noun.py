"""A teacher's own scenario names its own source: game text says "the chapter" only for
scenarios built from the chapter."""

from __future__ import annotations

import re

from rich.text import Text

from game.core.analysis.class_report import class_report
from game.core.analysis.report_markdown import to_markdown
from game.core.analysis.simulation import play_computer_game
from game.core.engine.mechanism import start, step
from game.core.engine.moves import Accept, Act, Propose
from game.core.engine.state import State
from game.core.game import Game
from game.core.scenario.loader import find_scenario, load_scenario
from game.core.scenario.model import Scenario
from game.ui.render.briefing import details, summary
from game.ui.render.table import trust
from tests.conftest import DATA


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


OWN_SOURCE = DATA / "good" / "own_source.yaml"
"""An instructor's scenario built from a report (`source_noun: the report`), whose sources
cite its own sections, "Ch. 3" and "Ch. 5"."""


def _lapsed_game() -> State:
    """The audit's game of the report's scenario: a joint assessment (the dyad passes the
    first level), a deal signed at once, then a new president lets it lapse."""
    s = load_scenario(OWN_SOURCE)
    state = start(s, 4, {"US": "human", "MX": "human"})
    state = step(state, Act(party="US", action="assess", target="MX"))
    state = step(state, Propose(party="US", package=(0, 1, 1), scope=("US", "MX")))
    state = step(state, Accept(party="MX"))
    assert state.lapsed is not None and state.finished
    return state


def test_a_scenario_built_from_another_source_is_never_sent_to_the_chapters_sections() -> None:
    """An instructor's audit: in a scenario with `source_noun: the report` and sections of
    its own, the lapse read "... and the partnership lapses. [Policies D) Trilateral]", the
    first level of transformation was logged with "[Fragmented Region]", the Trust panel said
    "Cooperative only after all three levels [Fragmented Region].", the debrief "The
    chapter's three levels ..." and the briefing "The chapter describes opposition, not
    votes". Every section the game cites there is one the scenario's own sources cite, and
    the game's own words never speak of the chapter."""
    state = _lapsed_game()
    s = state.scenario
    view = Game.new(s, 4, ["US"]).view("US")
    panels = [summary(view, 200), *(t for t in details(view) if isinstance(t, Text)), trust(view)]
    shown = "\n".join(" ".join(t.plain.split()) for t in panels)
    report = to_markdown(class_report(state))
    logged = "\n".join(f"{e.text} {' '.join(e.reasons)} [{e.source}]" for e in state.log)
    own = {"Ch. 3", "Ch. 5"}
    for text in (shown, report, logged):
        cited = {
            part.strip()
            for bracket in re.findall(r"\[([^\]]*)\]", text)
            for part in bracket.split(";")
        }
        assert cited - {""} <= own, (cited - own, text)
        assert "chapter" not in text.lower().replace("chapters", ""), text
    assert "The three levels (breakdown of consensus" in report
    assert "Cooperative only after all three levels." in shown
