"""What if a cause had not been (issue 11, point 4): "`report SAVE --what-if CAUSE --runs N`
adds a paragraph comparing simulated outcomes from the saved position with and without that
cause"; and from point 6: "what-if is deterministic for a seed"."""

from __future__ import annotations

import functools
from collections import Counter

import pytest

from game.core.analysis.outcomes import OUTCOMES, classify, results
from game.core.analysis.simulation import run_seed
from game.core.analysis.steps import replay
from game.core.analysis.what_if import OUTCOME_WORDS, WhatIf, what_if
from game.core.engine.moves import Pass
from game.core.engine.state import Difficulty, State, evolve
from game.core.game import Game
from game.core.scenario.loader import find_scenario
from tests.conftest import spp_file

RUNS = 4


def passed(seed: int, party: str, without: frozenset[str] = frozenset()) -> Game:
    """A game of spp-2005 where the person passes at every turn, to the end."""
    game = Game.new(spp_file(), seed, [party], disabled_causes=without)
    while not game.finished:
        game.play(Pass(party=party))
    return game


@functools.cache
def finished() -> State:
    """A whole game of spp-2005 as Mexico, passing (no trilateral deal)."""
    return passed(7, "MX").state


@functools.cache
def in_progress() -> State:
    """A game of spp-2005 as Canada, saved in round 4 after two of its moves."""
    game = Game.new(spp_file(), 3, ["CA"])
    while game.state.round < 3 or game.to_move != "CA":
        game.play(Pass(party="CA"))
    return game.state


@functools.cache
def compared(cause: str, seed: int = 1, position: str = "finished") -> WhatIf:
    state = finished() if position == "finished" else in_progress()
    return what_if(state, cause, RUNS, seed)


def test_what_if_is_deterministic_for_a_seed() -> None:
    """Point 6: "what-if is deterministic for a seed"."""
    one = compared("leader_change")
    two = what_if(finished(), "leader_change", RUNS, 1)
    assert one == two
    assert one.paragraph == two.paragraph


def test_the_paragraph_states_the_numbers() -> None:
    """ "A paragraph comparing simulated outcomes ... with and without that cause", e.g. "From
    round 4 on, with the events of visa_2009, 12 of 40 continuations reached a security
    arrangement; without them, 31 of 40." """
    w = compared("leader_change")
    yes = w.with_cause.outcomes["security_arrangement"]
    no = w.without_cause.outcomes["security_arrangement"]
    text = w.paragraph
    assert text.startswith(
        f"From round {w.round + 1} ({w.with_cause.start.date}) on, with the events of "
        f"leader_change, {yes} of {RUNS} continuations reached a security arrangement; "
        f"without them, {no} of {RUNS}."
    )
    for world in (w.with_cause, w.without_cause):
        assert sum(world.outcomes.values()) == RUNS
        for outcome, count in world.outcomes.items():
            if count:
                assert f"{count} of {RUNS} ended in {OUTCOME_WORDS[outcome]}" in text or (
                    f", {count} of {RUNS} in {OUTCOME_WORDS[outcome]}" in text
                )
    s = finished().scenario
    for party in s.party_ids:
        gains = f"{w.with_cause.mean_gain[party]:+.1f} / {w.without_cause.mean_gain[party]:+.1f}"
        assert f"{s.party(party).name} {gains}" in text
    assert "Calderón takes office in Mexico (2006-12-01)" in text
    assert "(seed 1)" in text


def test_a_finished_game_is_continued_from_where_the_cause_first_came() -> None:
    """A finished game has no saved position to go on from: the continuations start as the
    round opened in which the cause's first event came (Calderón: round 5), where both worlds
    still share their whole past."""
    w = compared("leader_change")
    steps = replay(finished())
    assert w.round == 4 and w.at_opening
    assert w.moves == steps.round_starts[4]
    assert w.opening == ("Calderón takes office in Mexico (2006-12-01)",)
    assert w.before == ()
    here, there = w.with_cause.start, w.without_cause.start
    assert here.digest() == steps.states[w.moves].digest()
    assert there.moves == here.moves and there.disabled_causes == {"leader_change"}
    assert there.conditions != here.conditions  # the world without Calderón
    assert "Round 5 opened with Calderón takes office in Mexico" in w.paragraph


def test_a_game_in_progress_is_continued_from_the_saved_position() -> None:
    """ "From the saved position": every saved move is kept, in both worlds."""
    state = in_progress()
    w = compared("visa_2009", position="in progress")
    assert w.with_cause.start.digest() == state.digest()
    assert w.moves == len(state.moves) and not w.at_opening
    assert w.without_cause.start.moves == state.moves
    assert w.paragraph.startswith(f"From the saved position (round 4, {state.date}) on")


def test_past_events_of_the_cause_are_removed_from_the_replayed_past() -> None:
    """From round 9, Calderón's taking office is behind the position: without leader_change,
    the moves before are replayed in a world where it never happened (and Obama's, which comes
    as round 9 opens, does not come)."""
    w = what_if(finished(), "leader_change", 2, 1, from_round=8)
    assert w.round == 8 and w.moves == replay(finished()).round_starts[8]
    assert w.before == ("Calderón takes office in Mexico (2006-12-01)",)
    assert w.opening == ("Obama takes office in the United States (2009-01-20)",)
    assert "Calderón takes office in Mexico (2006-12-01) had already happened by then" in (
        w.paragraph
    )
    past = [e.text for e in w.without_cause.start.log if e.kind == "event"]
    assert not any(t.startswith(("Calderón takes office", "Obama takes office")) for t in past)


def test_each_run_draws_its_own_future_under_its_run_seed_in_both_worlds() -> None:
    """How the runs vary (the module's docstring): run r continues from the starting point
    under `run_seed(seed, r)` with the computer at every seat, the same seed in both worlds."""
    w = compared("leader_change")
    seats = tuple((p, "computer") for p in finished().scenario.party_ids)
    for world in (w.with_cause, w.without_cause):
        outcomes: Counter[str] = Counter()
        gains = dict.fromkeys(world.mean_gain, 0.0)
        for run in range(RUNS):
            game = Game(evolve(world.start, seed=run_seed(1, run), seats=seats))
            game.advance()
            outcomes[classify(game.state)] += 1
            for party, result in results(game.state).items():
                gains[party] += result.gain / RUNS
        assert {o: c for o, c in world.outcomes.items() if c} == dict(outcomes)
        assert world.mean_gain == pytest.approx(gains)
    # The runs differ from one another, and from those of another seed.
    assert len([c for c in w.without_cause.outcomes.values() if c]) > 1
    assert compared("leader_change", seed=2).without_cause != w.without_cause


def test_every_outcome_is_counted_and_named() -> None:
    w = compared("leader_change")
    assert set(w.with_cause.outcomes) == set(OUTCOMES) == set(OUTCOME_WORDS)


def test_what_if_refuses_an_unknown_cause_one_already_off_or_no_runs() -> None:
    with pytest.raises(ValueError, match="did you mean 'visa_2009'"):
        what_if(finished(), "visa", RUNS, 1)
    off = passed(7, "MX", frozenset({"visa_2009"})).state
    with pytest.raises(ValueError, match="already runs without visa_2009"):
        what_if(off, "visa_2009", RUNS, 1)
    with pytest.raises(ValueError, match="at least one run"):
        what_if(finished(), "visa_2009", 0, 1)
    with pytest.raises(ValueError, match="not round 12"):
        what_if(finished(), "visa_2009", 1, 1, from_round=11)


@functools.cache
def computer_only(scenario: str, difficulty: Difficulty, seed: int) -> State:
    """A whole game with the computer at every seat (those of the debrief audit)."""
    return Game.new(find_scenario(scenario), seed, [], difficulty=difficulty).state


def test_a_game_decided_in_the_move_that_brought_the_cause_is_continued_from_before_it() -> None:
    """The rule: the continuations start from the last undecided state before the cause's
    first event. The audit (spp-2005 easy 1, domestic_opposition): "From round 6 (2007-11-15)
    on, with the events of domestic_opposition, 0 of 40 continuations reached a security
    arrangement; without them, 0 of 40. ... Round 6 opened with U.S. conservatives campaign
    ...: with the cause the continuations start just after it": the ratifying move made in
    round 3 ran on through round 6, where the event came and the partnership lapsed, so both
    worlds "started" from the finished game, one game counted 40 times."""
    state = computer_only("spp-2005", "easy", 1)
    steps = replay(state)
    made = steps.states[-2].round  # the round in which the last move was made
    assert made == 2 and state.finished and state.round == 5
    w = what_if(state, "domestic_opposition", RUNS, 1)
    assert not w.with_cause.start.finished and not w.without_cause.start.finished
    assert w.round == made and w.at_opening
    assert w.with_cause.start.digest() == steps.states[w.moves].digest()
    assert w.opening == w.before == ()
    event = "U.S. conservatives campaign against integration with Mexico (2007-07-01)"
    assert w.events[0] == event and w.ended_with == (event,)
    text = w.paragraph
    assert text.startswith(f"From round 3 ({w.with_cause.start.date}) on, ")
    assert "Round 6 opened with" not in text and "start just after it" not in text
    assert f"The events of domestic_opposition, all still to come: {event};" in text
    assert (
        "The move made in round 3 ran on through the opening of round 6 (2007-11-15), which "
        f"brought {event}, and the game ended there: so the continuations start from the "
        "opening of round 3, the last point before that at which the game was still undecided."
    ) in text


def test_both_worlds_start_undecided_when_the_cause_came_as_the_game_ended() -> None:
    """The audit (spp-2005 normal 2, visa_2009): "From round 9 (2009-07-15) on ... 0 of 40 ...
    without them, 40 of 40": the visa came as round 9 opened and the partnership lapsed at that
    same opening, so both worlds started finished: one deterministic pair shown as 40 runs.
    They now start from the opening of round 8, in which the last move was made, undecided."""
    state = computer_only("spp-2005", "normal", 2)
    w = what_if(state, "visa_2009", RUNS, 1)
    assert w.round == 7 and w.at_opening
    for world in (w.with_cause, w.without_cause):
        assert not world.start.finished and world.start.agreements == ()
    assert (
        "The move made in round 8 ran on through the opening of round 9 (2009-07-15), which "
        "brought Canada imposes a visa on Mexican travellers (2009-07-13), and the game ended "
        "there: so the continuations start from the opening of round 8"
    ) in w.paragraph


def test_a_round_never_opened_undecided_is_no_starting_point() -> None:
    """Asked for a round the game ran through inside one move, or one that opened with the
    game over, the what-if says so, instead of continuing a finished game 40 times; and the
    rounds the game reached are counted by its rounds, not by its round openings."""
    state = computer_only("spp-2005", "easy", 1)
    with pytest.raises(ValueError, match="round 4 opened and closed within one move"):
        what_if(state, "domestic_opposition", 1, 1, from_round=3)
    with pytest.raises(ValueError, match="the game was already over as round 6 opened"):
        what_if(state, "domestic_opposition", 1, 1, from_round=5)
    with pytest.raises(ValueError, match="rounds 1 to 6, not round 7"):
        what_if(state, "domestic_opposition", 1, 1, from_round=6)


def test_an_event_passed_over_by_chance_is_said_so_and_cannot_change_the_continuation() -> None:
    """The audit (revive-spp hard 3, bilateral_instruments): "The events of
    bilateral_instruments, all still to come: Washington and Ottawa make Shiprider permanent
    (2012-04-15)", when chance had passed the event over as round 2 opened: it can never
    happen in either world, so the cause cannot change the continuation."""
    state = computer_only("revive-spp", "hard", 3)
    w = what_if(state, "bilateral_instruments", RUNS, 1)
    event = "Washington and Ottawa make Shiprider permanent (2012-04-15)"
    assert w.round == 1 and w.passed_opening == (event,) and w.passed_before == ()
    assert w.with_cause.outcomes == w.without_cause.outcomes
    text = w.paragraph
    assert "still to come" not in text
    assert (
        f"{event} was passed over by chance as round 2 opened: it happens in neither world, so "
        "bilateral_instruments cannot change the continuation."
    ) in text
    later = what_if(state, "bilateral_instruments", 1, 1, from_round=3)
    assert later.passed_before == (event,) and later.passed_opening == ()
    assert f"{event} was passed over by chance before round 4: it happens" in later.paragraph
