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
from game.core.engine.state import State, evolve
from game.core.game import Game
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
