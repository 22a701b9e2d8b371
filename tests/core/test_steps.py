"""A game move by move, and branches from it (issue 11, point 4): "from a save or the end
screen, replay the game move by move (step forward and back), and branch: restart from round N
as the same or another country, or with one of the chapter's causes switched off"; and from
point 6: "replay reaches the same state digest at every step"."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from game.core.analysis.steps import Steps, branch, replay, replay_moves
from game.core.engine.legal import legal_moves
from game.core.engine.mechanism import start, step
from game.core.engine.moves import Accept, Pass, Propose
from game.core.engine.state import Seat, State
from game.core.game import Game
from game.core.players.negotiator import choose_move
from game.core.saves.replay import load_game
from tests.conftest import spp_file

EVERYONE = ("US", "MX", "CA")
BLOCKED_BY_OPPOSITION = (0, 1, 1, 2, 0, 2, 1, 0, 0)
"""An spp-2005 package every country may accept in round 6 (seed 1, everyone passing until
then), which support at home sinks after the campaigns of domestic_opposition and carries
without them."""


@functools.cache
def played() -> tuple[State, tuple[str, ...]]:
    """A game of spp-2005 played one engine step at a time, Mexico's person accepting what
    the rules let it and passing otherwise: its last state and the digest after every step."""
    scenario = spp_file().scenario
    seats: dict[str, Seat] = {p: "human" if p == "MX" else "computer" for p in scenario.party_ids}
    state = start(scenario, 7, seats)
    digests = [state.digest()]
    while not state.finished:
        party = state.to_move
        assert party is not None
        if party != "MX":
            move = choose_move(state, party)
        elif legal_moves(state, party).accept:
            move = Accept(party=party)
        else:
            move = Pass(party=party)
        state = step(state, move)
        digests.append(state.digest())
    return state, tuple(digests)


@functools.cache
def steps() -> Steps:
    return replay(played()[0])


@functools.cache
def blocked_at_home() -> Game:
    """People at every seat, seed 1: everyone passes until round 6, where Canada tables
    BLOCKED_BY_OPPOSITION, the others accept it and support at home sinks it; then everyone
    passes to the deadline."""
    game = Game.new(spp_file(), 1, EVERYONE)
    while game.state.round < 5:
        game.play(Pass(party=game.to_move or ""))
    chair = game.state.chair
    game.play(Propose(party=chair, package=BLOCKED_BY_OPPOSITION, scope=EVERYONE))
    for party in game.state.order[1:]:
        game.play(Accept(party=party))
    assert any(e.kind == "blocked" for e in game.state.log)
    while not game.finished:
        game.play(Pass(party=game.to_move or ""))
    return game


def test_replay_reaches_the_same_state_digest_at_every_step_as_the_game_played() -> None:
    """Point 6: "replay reaches the same state digest at every step"."""
    state, digests = played()
    assert len(state.moves) > 20
    assert tuple(s.digest() for s in steps().states) == digests


def test_replay_of_a_save_reaches_the_same_digest_at_every_step(tmp_path: Path) -> None:
    """The save's own replay (loading it) and a replay of what was loaded agree step by step."""
    state, digests = played()
    path = Game(state, spp_file()).save(tmp_path)
    loaded = load_game(path).state
    assert loaded.digest() == state.digest()
    assert tuple(s.digest() for s in replay(loaded).states) == digests


def test_stepping_back_and_forward_returns_the_same_state() -> None:
    """ "Replay the game move by move (step forward and back)": a step back and a step forward
    land on the same state, and a replay from any step is the start of the whole replay."""
    whole = steps()
    for i in (1, 10, whole.last):
        back, forth = whole.states[i - 1], whole.states[i]
        assert step(back, whole.moves[i - 1]).digest() == forth.digest()
        assert [s.digest() for s in replay(forth).states] == [
            s.digest() for s in whole.states[: i + 1]
        ]


def test_each_round_begins_where_the_round_opened_before_its_first_move() -> None:
    """Where each round begins: the state as it opened, nothing moved yet, its events fired."""
    whole = steps()
    assert whole.round_starts[0] == 0
    assert len(whole.round_starts) == whole.states[-1].round + 1
    for r, n in enumerate(whole.round_starts):
        opened = whole.states[n]
        assert (opened.round, opened.turn) == (r, 0)
        assert len(opened.snapshots) == r + 1
        assert n == 0 or whole.states[n - 1].round == r - 1
        assert whole.round_start(n) == n


def test_a_move_that_runs_through_rounds_begins_one_round_and_skips_the_others() -> None:
    """spp-2005 easy 1, the computer at every seat: the move that ratified a package in round 3
    ran on through rounds 4 to 6, where the partnership lapsed as the round opened. Round 6's
    opening is the finished game, rounds 4 and 5 have none, and each state still finds the
    opening of its own round (`round_start` read `round_starts[5]` of four entries)."""
    state = Game.new(spp_file(), 1, [], difficulty="easy").state
    whole = replay(state)
    assert [whole.states[n].round for n in whole.round_starts] == [0, 1, 2, 5]
    assert whole.states[whole.last].finished and whole.last in whole.round_starts
    assert whole.round_start(whole.last) == whole.last
    assert whole.round_start(whole.last - 1) == whole.round_starts[2]
    assert [whole.opening(r) for r in range(7)] == [0, 4, 10, None, None, 14, None]


def test_a_branch_starts_from_the_round_asked_for_when_a_move_ran_through_rounds() -> None:
    """The replay's `b` branches "from the opening of the round shown". In spp-2005 easy 1 the
    rounds that opened are 1, 2, 3 and 6 (a ratifying move ran on through 4 and 5): branching
    from round 6 was refused as "the game reached rounds 1 to 4" (the round's position among
    the openings was read as its number), and the replay's `b` at the end of the game stopped
    on that error. A branch starts from that round's opening; a round that never opened is
    refused with the reason."""
    state = Game.new(spp_file(), 1, [], difficulty="easy").state
    whole = replay(state)
    made = branch(state, 5, ["MX"])
    assert made.game.state.moves == whole.states[whole.opening(5) or 0].moves
    assert (
        branch(state, 2, ["MX"]).game.state.moves[: whole.round_starts[2]]
        == (whole.moves[: whole.round_starts[2]])
    )
    with pytest.raises(ValueError, match="round 4 opened and closed within one move"):
        branch(state, 3, ["MX"])


def test_the_news_of_a_step_is_what_its_move_added_to_the_log() -> None:
    whole = steps()
    assert whole.news(0) == whole.states[0].log
    i = whole.round_starts[3]  # the move that closed round 3 opened round 4
    assert whole.news(i)[0].party == whole.moves[i - 1].party
    assert any(e.kind == "round" for e in whole.news(i))


@pytest.mark.parametrize("party", EVERYONE)
def test_a_branch_from_round_n_begins_with_the_original_moves_before_it(party: str) -> None:
    """ "Restart from round N as the same or another country": the branch's first N rounds'
    moves are the original's, and the person sits at the country chosen."""
    state = played()[0]
    n = 4
    made = branch(state, n, [party])
    wanted = steps().round_starts[n]
    assert (made.replayed, made.wanted, made.stopped) == (wanted, wanted, None)
    assert made.game.state.moves[:wanted] == state.moves[:wanted]
    assert made.game.humans == (party,)
    assert not made.game.finished and made.game.to_move == party


def test_a_branch_as_the_same_country_is_the_same_game_as_the_round_opened() -> None:
    """The replay reaches the original's state exactly; the computers then move as they did."""
    state = played()[0]
    whole = steps()
    for n in (1, 5):
        k = whole.round_starts[n]
        again = replay_moves(state, state.moves[:k], dict(state.seats), state.disabled_causes)
        assert again.state.digest() == whole.states[k].digest()
        made = branch(state, n, ["MX"])
        assert made.game.state.digest() == whole.states[len(made.game.state.moves)].digest()


def test_with_a_cause_off_the_branch_is_a_different_world_and_deterministic() -> None:
    """ "Or with one of the chapter's causes switched off"; the same branch twice is the same
    game (point 6: deterministic)."""
    state = played()[0]
    n = 6  # Calderón took office before round 5 opened
    one = branch(state, n, ["US"], "leader_change")
    two = branch(state, n, ["US"], "leader_change")
    assert one.game.state.digest() == two.game.state.digest()
    assert one.game.state.disabled_causes == {"leader_change"}
    assert one.summary == "A new game from round 7, as United States, without leader_change."
    assert one.game.state.moves[: one.wanted] == state.moves[: one.wanted]
    opened = steps().states[steps().round_starts[n]]
    assert one.game.state.conditions != opened.conditions
    titles = [e.text for e in one.game.state.log if e.kind == "event"]
    assert not any(t.startswith("Calderón takes office") for t in titles)
    assert any(t.startswith("Calderón takes office") for t in (e.text for e in state.log))


def test_a_replayed_move_the_changed_world_refuses_stops_the_branch_there() -> None:
    """The rule of the branch's docstring: without domestic_opposition, the package support at
    home sank in round 6 is carried, the game is over, and the first move after it cannot be
    replayed: the branch stops there (a finished game), and says why."""
    state = blocked_at_home().state
    made = branch(state, 7, ["MX"], "domestic_opposition")
    deal = made.game.state.trilateral
    assert deal is not None and deal.round == 5
    assert made.game.finished
    assert made.replayed < made.wanted
    assert made.game.state.moves == state.moves[: made.replayed]
    assert made.stopped is not None
    assert "without domestic_opposition the game was already over" in made.stopped.lower()
    assert "trilateral agreement in round 6" in made.stopped
    assert made.summary.endswith(f"{made.stopped} The new game starts there.")


def test_a_branch_whose_replay_ends_in_a_deal_says_so_even_with_every_move_replayed() -> None:
    state = blocked_at_home().state
    made = branch(state, 6, ["MX"], "domestic_opposition")
    assert made.replayed == made.wanted
    assert made.game.finished and made.stopped is not None


def test_the_old_game_is_untouched_by_a_branch() -> None:
    state = played()[0]
    digest = state.digest()
    branch(state, 3, ["CA"], "visa_2009")
    assert state.digest() == digest


def test_a_branch_refuses_a_round_never_reached_an_unknown_party_or_cause() -> None:
    state = blocked_at_home().state
    with pytest.raises(ValueError, match="rounds 1 to 9, not round 10"):
        branch(state, 9, ["MX"])
    with pytest.raises(ValueError, match="no party XX"):
        branch(state, 2, ["XX"])
    with pytest.raises(ValueError, match="did you mean 'visa_2009'"):
        branch(state, 2, ["MX"], "visa2009")
    off = branch(state, 2, ["MX"], "visa_2009").game.state
    with pytest.raises(ValueError, match="already runs without visa_2009"):
        branch(off, 1, ["MX"], "visa_2009")
