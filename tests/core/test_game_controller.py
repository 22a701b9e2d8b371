"""The game controller: any mix of human and computer seats, what each seat may see, saving."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from game.core.analysis.simulation import play_computer_game
from game.core.engine.moves import Accept, IllegalMove, Pass
from game.core.engine.scoring import PartyScore
from game.core.game import Game
from game.core.players.estimates import Estimate
from game.core.scenario.loader import open_scenario
from tests.conftest import DATA, spp_file

SPP = spp_file()
ENGINE = open_scenario(DATA / "good" / "engine.yaml")
SUBSETS = [
    frozenset(c) for n in range(4) for c in itertools.combinations(SPP.scenario.party_ids, n)
]


def pass_to_the_end(game: Game) -> list[str]:
    """Pass for whichever person is due until the game ends; the parties that were asked."""
    asked = []
    while not game.finished:
        party = game.to_move
        assert party is not None
        asked.append(party)
        game.play(Pass(party=party))
    return asked


@pytest.mark.parametrize("humans", SUBSETS, ids=lambda h: "-".join(sorted(h)) or "none")
def test_any_subset_of_seats_may_be_human_and_only_people_are_asked_to_move(
    humans: frozenset[str],
) -> None:
    """Issue 7: "Any subset of seats may be human"; computer seats move by themselves."""
    game = Game.new(SPP, 3, humans)
    assert set(game.humans) == humans
    asked = pass_to_the_end(game)
    assert set(asked) <= humans
    if humans:
        assert set(asked) == humans  # every person was asked at least once
    assert game.finished


def test_a_game_without_people_is_the_computer_only_game() -> None:
    """game.py, `Game.new`: "A new game with people at the `humans` seats and the computer at the
    others"; with none, it is `play_computer_game`'s "One game with the computer at every seat"."""
    assert Game.new(SPP.scenario, 11).state == play_computer_game(SPP.scenario, 11)


def test_a_person_cannot_move_for_a_computer_seat_or_another_seat() -> None:
    """game.py, `SeatView.play`: "Make a move for this party (raises IllegalMove, also for
    another party's move)"."""
    game = Game.new(SPP, 5, ["MX"])
    assert game.to_move == "MX"
    us, mx = game.view("US"), game.view("MX")
    with pytest.raises(IllegalMove, match="this seat plays US"):
        us.play(Pass(party="MX"))
    with pytest.raises(IllegalMove):
        mx.play(Pass(party="US"))
    mx.play(Pass(party="MX"))
    assert Pass(party="MX") in game.state.moves


def test_unknown_human_parties_are_refused() -> None:
    """README, How a game runs: `Game.new` "seats people at any subset of the parties and the
    computer at the others": a seat for a party the scenario does not have is refused."""
    with pytest.raises(ValueError, match="no party ZZ"):
        Game.new(SPP, 1, ["ZZ"])


def test_a_seat_sees_its_own_score_and_estimates_of_its_partners() -> None:
    """Issue 7: what one party may see: "its own scores and estimates, never another party's
    private numbers"."""
    game = Game.new(SPP, 5, ["MX"])
    view = game.view("MX")
    package = tuple(len(i.options) - 1 for i in SPP.scenario.issues)
    mine = view.score(package)
    assert isinstance(mine, PartyScore) and mine.party == "MX"
    assert mine.total == game.state.scorer.score("MX", package).total
    assert view.needed() >= mine.reservation
    for partner in ("US", "CA"):
        guess = view.estimate(partner, package)
        assert isinstance(guess, Estimate) and guess.partner == partner
        assert guess.high - guess.low > 0  # trust below 100: a range, not the number


def test_a_seat_view_offers_no_way_to_another_partys_private_numbers() -> None:
    """Every public attribute of a SeatView returns public facts or the seat's own numbers."""
    game = Game.new(SPP, 5, ["MX"])
    view = game.view("MX")
    public = {name for name in dir(view) if not name.startswith("_")}
    assert public == {
        "agreements",
        "approval",
        "chair",
        "date",
        "dyad",
        "dyads",
        "estimate",
        "finished",
        "legal",
        "log",
        "my_turn",
        "needed",
        "offer",
        "party",
        "paused",
        "play",
        "requirement",
        "round",
        "scenario",
        "score",
        "status_quo",
        "to_move",
    }
    # Home approval: the seat's own groups only.
    assert {g for g, *_ in view.approval()} == {
        g.id for g in SPP.scenario.domestic_groups if g.party == "MX"
    }


def test_it_is_the_seats_turn_only_when_the_game_says_so() -> None:
    """game.py: the controller "takes the human seats' moves, lets the computer seats move until
    a person is due"; `SeatView.my_turn`: "Whether this party is to move"."""
    game = Game.new(SPP, 5, ["US", "CA"])
    due = game.to_move
    assert due in ("US", "CA")
    assert game.view(due).my_turn and not game.view("MX").my_turn


def test_the_game_autosaves_each_round_and_loads_where_it_was(tmp_path: Path) -> None:
    game = Game.new(ENGINE, 7, ["AA"], saves_dir=tmp_path)
    start_round = game.state.round
    while game.state.round == start_round and not game.finished:
        game.play(Pass(party="AA"))
    stamp = game.started.strftime("%Y%m%d-%H%M%S")
    assert game.last_autosave == tmp_path / f"autosave-engine-test-AA-{stamp}-seed7.yaml"
    again = Game.load(game.last_autosave, saves_dir=tmp_path)
    assert again.state == game.state and again.humans == ("AA",)
    assert again.source is not None and again.source.digest == ENGINE.digest


def test_saving_by_hand_names_the_people_and_the_round(tmp_path: Path) -> None:
    game = Game.new(ENGINE, 7, ["AA", "CC"])
    path = game.save(tmp_path)
    stamp = game.started.strftime("%Y%m%d-%H%M%S")
    assert path.name == f"engine-test-AA-CC-{stamp}-seed7-round{game.state.round + 1}.yaml"
    assert Game.load(path).state == game.state


def test_a_game_not_started_from_a_file_cannot_be_saved(tmp_path: Path) -> None:
    game = Game.new(ENGINE.scenario, 7, ["AA"], saves_dir=tmp_path)
    assert game.autosave() is None
    with pytest.raises(ValueError, match="not started from a scenario file"):
        game.save(tmp_path)


def test_an_autosave_that_cannot_be_written_does_not_end_the_game(tmp_path: Path) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    game = Game.new(ENGINE, 7, ["AA"], saves_dir=blocked)
    pass_to_the_end(game)
    assert game.finished and game.last_autosave is None


def test_after_a_persons_move_the_computer_seats_answer_before_it_is_the_persons_turn() -> None:
    """README, How a game runs: "`game.play(move)` takes a person's move and lets the computer
    seats move until a person is due"."""
    game = Game.new(ENGINE, 7, ["AA"])
    assert game.to_move == "AA"
    before = len(game.state.moves)
    game.view("AA").play(Pass(party="AA"))
    assert game.to_move == "AA" or game.finished
    answered = {m.party for m in game.state.moves[before + 1 :]}
    assert answered == {"BB", "CC"}


def test_accepting_through_a_view_ratifies_like_any_move() -> None:
    """README, How a game runs: "screens only ever read a game through a view and send moves
    through it"."""
    game = Game.new(SPP, 2, ["CA"], difficulty="easy")
    while not game.finished:
        view = game.view("CA")
        offer = view.offer
        if view.legal().accept and offer and view.score(offer.package).ratifies:
            view.play(Accept(party="CA"))
        else:
            view.play(Pass(party="CA"))
    assert game.state.trilateral is not None


def test_two_games_as_the_same_country_keep_separate_autosaves(tmp_path: Path) -> None:
    """Issue 8: "Autosaves are named per scenario and country, so a second game as Canada
    overwrites the first"; "Saves named per game (scenario, country, seed, start time)"."""
    first = Game.new(ENGINE, 7, ["AA"], saves_dir=tmp_path)
    second = Game.new(ENGINE, 8, ["AA"], saves_dir=tmp_path)
    assert first.last_autosave is not None and second.last_autosave is not None
    assert first.last_autosave != second.last_autosave
    for game in (first, second):
        name = game.last_autosave.name if game.last_autosave else ""
        stamp = game.started.strftime("%Y%m%d-%H%M%S")
        assert name == f"autosave-engine-test-AA-{stamp}-seed{game.state.seed}.yaml"
    assert Game.load(first.last_autosave).state == first.state


def test_a_loaded_game_keeps_its_start_time_and_its_file_names(tmp_path: Path) -> None:
    game = Game.new(ENGINE, 7, ["AA"], saves_dir=tmp_path)
    assert game.last_autosave is not None
    again = Game.load(game.last_autosave, saves_dir=tmp_path)
    assert again.started == game.started
    again.play(Pass(party="AA"))
    assert again.last_autosave == game.last_autosave
