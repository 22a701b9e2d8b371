"""The class debrief's questions and the lines they share with its sections, read from
computer games the debrief audit found wrong (each game is its scenario, difficulty and seed:
the engine is deterministic, so the same game is played again)."""

from __future__ import annotations

import functools
import re

from game.core.analysis.class_report import ClassReport, class_report
from game.core.analysis.report_markdown import to_markdown
from game.core.engine.state import Difficulty
from game.core.game import Game
from game.core.scenario.loader import find_scenario


@functools.cache
def report(scenario: str, difficulty: Difficulty, seed: int) -> ClassReport:
    """The debrief of a game with the computer at every seat."""
    return class_report(Game.new(find_scenario(scenario), seed, [], difficulty=difficulty).state)


@functools.cache
def markdown(scenario: str, difficulty: Difficulty, seed: int) -> str:
    return to_markdown(report(scenario, difficulty, seed))


def zone_question(r: ClassReport) -> str:
    return next(q for q in r.questions if q.startswith("The zone of agreement fell"))


def test_the_zone_question_names_the_unilateral_act_and_its_delayed_cost_not_only_events() -> None:
    """Was: "The zone of agreement fell from 3 to 0 packages by round 2 (2007-05-15) (U.S.
    conservatives campaign against integration with Mexico [Policies D) Trilateral])": that
    event alone leaves 3 packages; the zone fell because the United States acted unilaterally
    in round 1 and its trust cost landed as round 2 opened."""
    for game in [("merida-2007", "normal", 4), ("revive-spp", "hard", 17)]:
        question = zone_question(report(*game))
        assert "Act unilaterally, without telling Mexico" in question, question
        assert "Delayed consequence of Act unilaterally by United States" in question, question
        assert "trust US-MX -12" in question, question


def test_the_zone_question_names_what_the_zone_section_names_for_that_round() -> None:
    """The question and the zone section's line for the same round name the same causes (the
    zone section named the act; the question named the event alone)."""
    for game in [
        ("merida-2007", "normal", 4),
        ("revive-spp", "hard", 17),
        ("spp-2005", "normal", 2),
        ("spp-2005", "easy", 1),
    ]:
        question = zone_question(report(*game))
        label = re.search(r"by (round \d+ \([\d-]+\)|end of the game)", question)
        assert label, question
        line = next(
            x for x in markdown(*game).splitlines() if x.startswith(f"- {label.group(1)}: ")
        )
        causes = line.split(" after ", 1)[1]
        assert f"after {causes}." in question, (line, question)
