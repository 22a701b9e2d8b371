"""The class debrief's questions and the lines they share with its sections, read from
computer games the debrief audit found wrong (each game is its scenario, difficulty and seed:
the engine is deterministic, so the same game is played again)."""

from __future__ import annotations

import functools
import re

from game.core.analysis.class_report import ClassReport, class_report
from game.core.analysis.debrief import lapse as debrief_lapse
from game.core.analysis.report_markdown import to_markdown
from game.core.analysis.steps import replay
from game.core.engine.scoring import passes, scorer
from game.core.engine.state import Difficulty, State
from game.core.game import Game
from game.core.scenario.loader import find_scenario
from game.core.scenario.packages import Package


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
    for game in [("merida-2007", "normal", 4), ("revive-spp", "hard", 76)]:
        question = zone_question(report(*game))
        assert "Act unilaterally, without telling Mexico" in question, question
        assert "Delayed consequence of United States' action in round " in question, question
        assert "trust US-MX -12" in question, question


def test_the_zone_question_names_what_the_zone_section_names_for_that_round() -> None:
    """The question and the zone section's line for the same round name the same causes (the
    zone section named the act; the question named the event alone)."""
    for game in [
        ("merida-2007", "normal", 4),
        ("revive-spp", "hard", 76),
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


def lapse_question(r: ClassReport) -> str:
    return next(q for q in r.questions if "let the partnership lapse" in q)


def test_a_lapse_for_want_of_value_is_not_blamed_on_support_at_home() -> None:
    """Was: "Mexico let the partnership lapse in 2009-07-15 after ... Could the partners have
    kept it alive, or was a signed deal without support at home bound to fail?": Mexico walked
    away because the deal was worth 97 to it and it needed 98 (its leader's attention), with
    its groups at home still in favour."""
    for game in [("spp-2005", "normal", 2), ("spp-2005", "easy", 10)]:
        question = lapse_question(report(*game))
        assert "Mexico let the partnership lapse on 2009-07-15" in question, question
        assert "support at home" not in question, question
        assert "worth less to Mexico than it needed" in question, question
        assert "its groups at home still backed it" in question, question


def test_a_lapse_for_want_of_support_at_home_says_so() -> None:
    """The United States walked away because its groups at home would not support the deal
    (spp-2005, easy, seed 1): the question asks about support at home, dated with "on"."""
    question = lapse_question(report("spp-2005", "easy", 1))
    assert "United States let the partnership lapse on 2007-11-15" in question, question
    assert "Its groups at home no longer backed it" in question, question
    assert "without support at home" in question, question


def test_the_cause_of_a_lapse_is_the_one_the_log_gives() -> None:
    """The debrief reads why a party walked away as the engine decided it: "can no longer
    defend the partnership at home" is a lapse for want of support at home, "loses interest"
    one for too little value (spp-2005, easy, seeds 0-11 have both)."""
    causes = set()
    for seed in range(12):
        state = Game.new(find_scenario("spp-2005"), seed, [], difficulty="easy").state
        lapse = debrief_lapse(state)
        if lapse is None:
            continue
        home = "can no longer defend the partnership at home" in lapse.text
        assert lapse.cause == ("home" if home else "value"), (seed, lapse.text)
        causes.add(lapse.cause)
    assert causes == {"home", "value"}


def test_the_lapse_question_names_only_events_between_the_signing_and_the_lapse() -> None:
    """Was: "... lapse in 2009-07-15 after Economic crisis in the United States, Obama takes
    office ...": the economic crisis came as round 8 opened, before the deal was signed that
    round; only what came after the signing led up to the lapse."""
    r = report("spp-2005", "normal", 2)
    question = lapse_question(r)
    assert "Economic crisis" not in question, question
    assert "Obama takes office in the United States" in question, question
    assert "Canada imposes a visa on Mexican travellers" in question, question
    assert r.debrief.lapse is not None
    assert all(e.title != "Economic crisis in the United States" for e in r.debrief.lapse.events)


def test_a_signed_bilateral_package_is_not_called_left_on_the_table() -> None:
    """Was: "... 4 packages would have been accepted and backed at home in every country, yet
    none was signed. When it was tabled, the last package on the table was 3 issues away from
    one every country would have accepted.": the last package, between the United States and
    Canada, was signed; only a trilateral package was missing."""
    # The audit found it in revive-spp hard 17; the counterparts have changed since, and this
    # ending is now found in a handful of games (revive-spp normal 70, 331, 382; hard 45, 68).
    r = report("revive-spp", "normal", 70)
    assert r.debrief.package is not None and r.debrief.package.fate == "signed"
    question = next(q for q in r.questions if "would have been accepted" in q)
    assert "last package on the table" not in question, question
    assert "none was signed" not in question, question
    assert "in all three countries, yet no trilateral package was signed." in question
    possible = markdown("revive-spp", "normal", 70).split("## The deal against what was possible")[
        1
    ]
    assert "the package signed was tabled" not in possible
    assert "the last package (between United States and Canada)" in possible


def on_table(state: State) -> Package | None:
    return state.offer.package if state.offer is not None else None


def test_the_closest_package_is_judged_just_before_the_package_was_tabled() -> None:
    """Was: "The closest package every country would have accepted and backed at home when the
    package signed was tabled changes 1 issue: ...": the package signed passed when it was
    tabled; it was judged as its round opened, before that round's joint threat assessments.
    Under the conditions just before the move that tabled it, it passes: 0 issues."""
    for game in [
        ("merida-2007", "easy", 1),
        ("merida-2007", "hard", 1),
        ("revive-spp", "normal", 1),
    ]:
        r = report(*game)
        final = r.debrief.package
        assert final is not None and final.fate == "signed"
        states = replay(r.state).states
        package = final.tabled.package
        tabling = next(
            i
            for i in range(1, len(states))
            if on_table(states[i]) == package != on_table(states[i - 1])
        )
        before = states[tabling - 1]
        assert passes(scorer(r.state.scenario, before.conditions), package)
        assert r.closest_changes == 0, game
        assert r.closest is not None and r.closest.package == final.tabled.package
        possible = markdown(*game).split("## The deal against what was possible")[1]
        assert "changes 1 issue" not in possible and "changes 2 issues" not in possible
        assert "Just before it was tabled, the package signed was one " in possible


def test_a_two_party_debrief_says_both_countries_not_every_country() -> None:
    """Was, in merida-2007 and smart-border-2001: "How many packages every country would have
    accepted", "backed at home by every country", "one every country could accept" where the
    project's wording gives "both countries"."""
    for game in [
        ("merida-2007", "easy", 1),
        ("merida-2007", "normal", 4),
        ("smart-border-2001", "easy", 4),
    ]:
        text = markdown(*game)
        assert "every country" not in text, game
        assert "How many packages both countries would have accepted" in text
        possible = text.split("## The deal against what was possible")[1]
        assert "both countries" in possible.split("\n## ")[0], game


def test_an_event_named_mid_sentence_does_not_keep_its_capital_the() -> None:
    """A class game in Chromium: "… against integration with Mexico and The Mérida
    Initiative." An event's title opens with a capital only where it opens a sentence."""
    for seed in (0, 1):
        for question in report("spp-2005", "easy", seed).questions:
            assert not re.search(r"(?:, |; |and |after )The [A-Z]", question), question
    assert any("the Mérida Initiative" in q for q in report("spp-2005", "easy", 1).questions)
