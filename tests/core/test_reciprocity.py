"""Reciprocity and deadlines: counterparts do not reward a partner that never moves, and hard
ones make their last real offer while every partner can still answer it and do not act alone
while they see a deal."""

from __future__ import annotations

import copy
import math
from collections.abc import Callable

import pytest

from game.core.analysis.simulation import play_computer_game, run_seed
from game.core.engine.difficulty import Difficulty
from game.core.engine.legal import legal_moves, required_value
from game.core.engine.mechanism import start, step
from game.core.engine.moves import Accept, Act, Counter, Move, Pass, Propose, Reject
from game.core.engine.state import Seat, State
from game.core.game import Game
from game.core.players import clock, stonewall, tactics
from game.core.players.beliefs import Knowledge, beliefs
from game.core.players.diplomacy import choose_action, deal_in_sight
from game.core.players.estimates import estimate
from game.core.players.negotiator import choose_move, negotiator_for, seat_negotiator
from game.core.players.search import candidates
from game.core.players.style import style_for
from game.core.scenario.loader import find_scenario
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package
from tests.conftest import WITHOUT_CAUSES

SMART = find_scenario("smart-border-2001").scenario


def _maximum(game: Game, party: str) -> Package:
    """The package best for the party (its search's first weighting counts it alone)."""
    state = game.state
    return candidates(state, party, beliefs(state, party, Knowledge()), SMART.party_ids)[0]


def _demand(game: Game, party: str, package: Package) -> Move:
    """Table the package whenever the party may, pass otherwise."""
    legal = game.view(party).legal()
    if legal.propose:
        return Propose(party=party, package=package, scope=SMART.party_ids)
    if legal.counter:
        return Counter(party=party, package=package, scope=SMART.party_ids)
    return Pass(party=party)


def test_a_counterpart_holds_firm_against_a_partner_that_never_moves() -> None:
    """README, "Your counterparts": "Once a country has tabled one package only, twice or more,
    and accepted nothing, a computer that believes the package gives that country nearly all it
    could hope for, while that country could accept one worth clearly more (5 points) to the
    computer, holds out against it for at least half of what it hopes for above its own need
    ... and says so in its refusal". In smart-border-2001 Canada's maximum is worth 59.7
    to the United States, against a need of 32 and a best of 100: it used to be signed in the
    last round."""
    game = Game.new(find_scenario("smart-border-2001"), 3, ["CA"], difficulty="hard")
    demand = _maximum(game, "CA")
    while not game.state.finished:
        game.play(_demand(game, "CA", demand))
    state = game.state
    assert not state.agreements
    refusals = [m for m in state.moves if m.party == "US" and isinstance(m, Reject | Counter)]
    assert any("has tabled the same package every time" in m.note for m in refusals)


def _play_until(
    scenario_id: str,
    run: int,
    seats: dict[str, Difficulty],
    stop: Callable[[State, Move], bool],
    difficulty: Difficulty = "normal",
    disabled_causes: frozenset[str] = frozenset(),
) -> tuple[State, Move]:
    """A computer-only game of the scenario, seed 1, this run of `simulate`, each country's
    personality at the difficulty `seats` gives it (the game's own `difficulty`; without the
    `disabled_causes`), played until `stop` says so of a state and the move chosen there."""
    scenario = find_scenario(scenario_id).scenario
    negotiators = {p: seat_negotiator(scenario, p, d) for p, d in seats.items()}
    state = start(
        scenario, run_seed(1, run), disabled_causes=disabled_causes, difficulty=difficulty
    )
    while not state.finished:
        party = state.to_move
        assert party is not None
        move = choose_move(state, party, negotiators[party])
        if stop(state, move):
            return state, move
        state = step(state, move)
    raise AssertionError("the game ended first")


def _merida_as_mexico_answers() -> State:
    """The first computer game of merida-2007 in `simulate --seed 1` (normal), as Mexico's
    turn in round 3 opens: it answers the package the United States has tabled twice."""
    merida: dict[str, Difficulty] = {"US": "normal", "MX": "normal"}
    return _play_until(
        "merida-2007", 0, merida, lambda state, _: state.round == 2 and state.to_move == "MX"
    )[0]


def test_a_partner_with_no_room_to_move_is_not_held_to_it() -> None:
    """README: the rule applies only where the country "could accept one worth clearly more (5
    points) to the computer". In this computer game of merida-2007 (normal, the first of
    `simulate --seed 1`) the United States tables one package twice, which Mexico believes
    gives it nearly all it hopes for; but Mexico also believes the United States could accept
    nothing worth 5 points more to Mexico, so it does not call the demand greedy."""
    state = _merida_as_mexico_answers()
    offer = state.offer
    assert offer is not None and offer.proposer == "US"
    assert stonewall.stonewalling(state, "US")
    mexico = beliefs(state, "MX", style_for(state.scenario, "MX", "normal").knowledge)
    assert not stonewall.demands_most(state, "MX", mexico, "US", offer.package)


def test_the_partners_panel_does_not_warn_a_partner_with_no_room_to_move() -> None:
    """The forecast follows the partner's own rule: where the partner does not call the demand
    greedy (the merida-2007 game above: Mexico believes the United States could accept nothing
    worth 5 points more to it), it does not hold firm, and the panel does not say "you have
    not moved". Found in spp-2005 (easy, `check_forecasts` seed 1, run 34): Canada was
    forecast to hold firm against the United States' one package, "likely no", and signed it."""
    state = _merida_as_mexico_answers()
    offer = state.offer
    assert offer is not None and stonewall.would_stonewall(state, "US", offer.package)
    forecast = estimate(state, "US", "MX", offer.package, offer.scope)
    assert "you have not moved" not in forecast.reason, forecast.reason


def test_the_same_demand_tabled_once_is_accepted_at_the_deadline() -> None:
    """The rule's other side: a package tabled once is judged on its worth; the United States
    takes Canada's maximum at its deadline (worth 59.7 to it, against a need of 32)."""
    game = Game.new(find_scenario("smart-border-2001"), 3, ["CA"], difficulty="hard")
    demand = _maximum(game, "CA")
    while not game.state.finished:
        last = game.state.round == len(SMART.rounds) - 2
        game.play(_demand(game, "CA", demand) if last else Pass(party="CA"))
    assert [a.package for a in game.state.agreements] == [demand]


def test_the_partners_panel_warns_a_player_who_has_not_moved() -> None:
    """README: "the Partners panel warns you ('you have not moved')": tabling again the one
    package you have tabled is forecast by the partner's rule against it."""
    game = Game.new(find_scenario("smart-border-2001"), 3, ["CA"], difficulty="hard")
    demand = _maximum(game, "CA")
    while game.state.round < 2:
        game.play(_demand(game, "CA", demand))
    assert stonewall.would_stonewall(game.state, "CA", demand)
    assert "you have not moved" in estimate(game.state, "CA", "US", demand).reason


def test_hard_counterparts_count_to_their_own_final_say() -> None:
    """README: "On hard, a counterpart also counts its time to its own final say, the last
    round in which every partner can still answer what it tables (the last round for the
    country that chairs it, the round before for the others)". In smart-border-2001's four
    rounds Canada chairs the last; at the United States' final say, round 3 (index 2), a hard United
    States holds out for no more than it needs, a normal one for more."""
    game = Game.new(find_scenario("smart-border-2001"), 3, ["CA"], difficulty="hard")
    while game.state.round < 2:
        game.play(Pass(party="CA"))
    state = game.state
    assert (clock.final_say(state, "US"), clock.final_say(state, "CA")) == (2, 3)
    need = required_value(state, "US")
    hard = clock.aspiration(state, "US", style_for(SMART, "US", "hard"), 100.0)
    normal = clock.aspiration(state, "US", style_for(SMART, "US", "normal"), 100.0)
    assert hard == need < normal


def test_a_hard_counterparts_last_offer_is_the_best_for_itself_its_partner_would_take() -> None:
    """README: on hard, the offer a counterpart makes at its final say "is the best for itself
    it believes its partners would take then". In smart-border-2001 (Canada passing) the hard
    United States, a modeller, used to table there its Nash bargain, worth 84.9 to it; it now
    tables one worth over 90 to it (92.4; a normal Canada accepts it)."""
    game = Game.new(find_scenario("smart-border-2001"), 3, ["CA"], difficulty="hard")
    while game.state.round < 2:
        game.play(Pass(party="CA"))
    offer = game.state.offer
    assert offer is not None and offer.proposer == "US"
    assert game.state.scorer.total("US", offer.package) > 90
    assert clock.final_say(game.state, "US") == game.state.round


def test_in_the_last_round_no_computer_tables_what_a_partner_could_no_longer_answer() -> None:
    """players/clock.py, `too_late`: "in the game's last round, a partner in it has had its
    turn (the package would stand unanswered at the deadline, so the negotiator does not table
    it)". Such counters used to stand at the deadline, and the end screen called them "still
    there at the deadline; accepted by the United States, not by Canada (you)"."""
    for scenario_id in ("smart-border-2001", "spp-2005", "merida-2007"):
        scenario = find_scenario(scenario_id).scenario
        ids = scenario.party_ids
        last = len(scenario.rounds) - 1
        for run in range(8):
            seats: dict[str, Seat] = dict.fromkeys(ids, "computer")
            state = start(scenario, run_seed(1, run), seats, frozenset(), "hard")
            while not state.finished:
                party = state.to_move
                assert party is not None
                move = choose_move(state, party)
                if state.round == last and isinstance(move, Propose | Counter):
                    moved = state.order[: state.turn]
                    assert not any(q in moved for q in move.scope if q != party), (
                        scenario_id,
                        run,
                        move,
                    )
                state = step(state, move)


ALL_HARD: dict[str, Difficulty] = {"US": "hard", "MX": "hard", "CA": "hard"}
"""Every seat of a three-country scenario at hard."""


def _all_hard_game(scenario: Scenario, run: int) -> State:
    """This run of `simulate --seed 1` played to its end with every seat hard."""
    return play_computer_game(
        scenario, run_seed(1, run), frozenset(), dict.fromkeys(scenario.party_ids, "hard")
    )


def _merida_last_offer(mexico: Difficulty) -> tuple[State, Propose]:
    """merida-2007, seed 1 run 2, a normal United States and Mexico at this difficulty,
    played to Mexico's offer in the last round (nobody has tabled anything before it): the
    state and the offer."""
    seats: dict[str, Difficulty] = {"US": "normal", "MX": mexico}
    state, move = _play_until("merida-2007", 2, seats, lambda _, move: isinstance(move, Propose))
    assert isinstance(move, Propose) and move.party == "MX" and clock.last_round(state)
    return state, move


def test_on_hard_the_last_offer_weighs_its_gain_against_the_odds() -> None:
    """README: in the last round "a hard one tables its best bet, the package with the largest
    gain over its reservation value times the chance, as its beliefs put it, that every
    partner takes it", where easier ones table the package they believe likeliest to pass.
    In merida-2007 a hard Mexico used to table the likeliest (+21.8 over its reservation
    value); it now tables one worth +38.5 to it, which the United States accepts."""
    state, offer = _merida_last_offer("hard")
    b = beliefs(state, "MX", style_for(state.scenario, "MX", "hard").knowledge)
    gain = state.scorer.total("MX", offer.package) - state.scorer.reservation("MX")
    likeliest = tactics.last_offer(state, "MX", b, required_value(state, "MX"), odds=False)
    assert likeliest is not None
    assert gain > likeliest.score("MX") - state.scorer.reservation("MX") + 10
    # A bet, not a long shot: about even odds, with one typical error taken off (0.49).
    assert b.odds("US", offer.package) > 0.4
    accepted = choose_move(step(state, offer), "US", seat_negotiator(state.scenario, "US"))
    assert isinstance(accepted, Accept)


def test_a_belief_gives_better_odds_to_a_package_believed_worth_more_than_the_need() -> None:
    """players/beliefs.py, `Beliefs.odds`: "the chance, as the belief's own typical error puts
    it, that the package is worth what the party needs to it": below even for a package
    believed worth no more than the partner needs, above for one believed worth more by well
    over the belief's typical error (its haze)."""
    state, _ = _merida_last_offer("normal")
    b = beliefs(state, "MX", Knowledge())
    packages = candidates(state, "MX", b, state.scenario.party_ids)
    assert packages
    haze = b.haze["US"]
    assert haze > 0
    for package in packages:
        surplus = b.value("US", package) - b.needs["US"]
        odds = b.odds("US", package)
        assert 0.0 <= odds <= 1.0
        if package in b.endorsed["US"]:
            continue
        if surplus <= 0:
            assert odds < 0.5, (package, surplus, odds)
        if surplus > 2 * haze:
            assert odds > 0.5, (package, surplus, odds)


def test_odds_take_one_typical_error_off_the_believed_surplus() -> None:
    """players/beliefs.py, `Beliefs.odds`: "The surplus counted is the believed one less that
    spread", as the package a belief rates best is the one whose worth it likeliest
    overestimates: a package believed worth exactly what the partner needs has the chance of
    a normal error falling one spread short, about 0.16, not even odds."""
    state, _ = _merida_last_offer("normal")
    b = beliefs(state, "MX", Knowledge())
    package = next(
        p
        for p in candidates(state, "MX", b, state.scenario.party_ids)
        if p not in b.endorsed["US"] and b.risk("US", p) > 0
    )
    level = copy.copy(b)
    level.needs = {**b.needs, "US": b.value("US", package)}
    assert level.odds("US", package) == pytest.approx(0.5 * (1 + math.erf(-1 / math.sqrt(2))))
    assert level.odds("US", package) == pytest.approx(0.1587, abs=1e-4)


def test_a_counterpart_does_not_act_alone_while_a_deal_it_would_take_awaits_its_answer() -> None:
    """players/diplomacy.py: a party acts alone towards a partner it hardly trusts, "though not
    while a package worth what it needs waits for its answer". In merida-2007 (seed 1, run
    339, both hard) the United States used to act alone in the last round, which raised what
    it needed from 88.1 to 92.1, and then refused Mexico's package, worth 91.5 to it; it now
    accepts it."""
    scenario = find_scenario("merida-2007").scenario
    state = play_computer_game(
        scenario, run_seed(1, 339), frozenset(), {"US": "hard", "MX": "hard"}
    )
    last = len(scenario.rounds) - 1
    assert not any(
        e.kind == "action" and e.party == "US" and e.round == last and "unilaterally" in e.text
        for e in state.log
    )
    assert state.trilateral is not None
    assert state.scorer.total("US", state.trilateral.package) > 91


def test_on_hard_a_counterpart_does_not_act_alone_while_it_sees_a_trilateral_deal() -> None:
    """README: on hard, a counterpart "does not act alone while it believes a trilateral deal
    is in sight: acting alone raises what it needs and costs its partner's trust". In
    revive-spp (seed 1, run 6, all hard) the United States, wary of Mexico, used to act alone
    in the first round and the game ended without a deal (it ended with 51.2); the same
    United States at normal still acts alone there, as its habit says."""
    scenario = find_scenario("revive-spp").scenario
    state = start(scenario, run_seed(1, 6), difficulty="hard")
    actions = legal_moves(state, "US").actions
    normal = choose_action(state, "US", actions, style_for(scenario, "US", "normal"))
    assert normal is not None
    assert scenario.action(normal.action).kind == "unilateral"
    hard = style_for(scenario, "US", "hard")
    assert not tactics.no_trilateral_deal_in_sight(
        state, "US", beliefs(state, "US", hard.knowledge)
    )
    assert choose_action(state, "US", actions, hard) != normal
    ended = _all_hard_game(scenario, 6)
    assert not any(e.kind == "action" and "unilaterally" in e.text for e in ended.log)
    assert ended.trilateral is not None
    assert state.scorer.total("US", ended.trilateral.package) > 60


def test_on_hard_a_counterpart_looks_through_its_believed_zone_before_it_acts_alone() -> None:
    """players/diplomacy.py: "On hard, before it decides that no trilateral deal is in sight
    (to act alone or to settle on the side), it looks through the whole zone of agreement as
    it believes it to be". In revive-spp (seed 1, run 5, all hard) the United States' search
    finds no trilateral package as the game opens, but its believed zone holds one. It used to
    act alone towards Mexico there; Mexico answered by settling with Canada on the side, and
    the game ended without an agreement. Now it opens a joint threat assessment with Mexico
    instead, and all three sign in the last round."""
    state, move = _play_until("revive-spp", 5, ALL_HARD, lambda state, _: state.to_move == "US")
    assert state.round == 0 and not clock.closing(state)
    us = style_for(state.scenario, "US", "hard")
    b = beliefs(state, "US", us.knowledge)
    assert not tactics.search_finds_deal(state, "US", b)
    assert not tactics.no_trilateral_deal_in_sight(state, "US", b, thorough=True)
    kinds = {state.scenario.action(a.action).kind for a in legal_moves(state, "US").actions}
    assert "unilateral" in kinds
    assert isinstance(move, Act)
    assert state.scenario.action(move.action).kind == "joint_assessment"
    ended = _all_hard_game(state.scenario, 5)
    assert [a.scope for a in ended.agreements] == [state.scenario.party_ids]


def test_on_hard_tit_for_tat_does_not_answer_an_act_alone_with_a_side_deal_in_sight() -> None:
    """players/strategies/tit_for_tat.py: after a partner acted alone against it, a
    tit-for-tat counterpart "settles something with it on the side (on hard, not while it
    believes a trilateral deal is in sight...)". In revive-spp (seed 1, run 10, all hard) the
    United States acts alone towards Mexico in the first round; Mexico used to settle with
    Canada on the side there, and the game ended without an agreement. Now it does not, and
    all three sign in the last round; at normal, Mexico still answers with the side deal."""
    state, move = _play_until("revive-spp", 10, ALL_HARD, lambda state, _: state.to_move == "MX")
    scenario = state.scenario
    assert state.round == 0
    assert any(a == "unilateral_act" and t == "MX" for _, _, a, t in state.acts)
    mexico = style_for(scenario, "MX", "hard")
    assert deal_in_sight(state, "MX", mexico)
    assert not (isinstance(move, Act) and scenario.action(move.action).kind == "side_deal")
    actions = legal_moves(state, "MX").actions
    normal = negotiator_for(style_for(scenario, "MX", "normal")).act(state, "MX", actions)
    assert normal == Act(party="MX", action="bilateral_side_deal", target="CA")
    ended = _all_hard_game(scenario, 10)
    assert ended.trilateral is not None and ended.lapsed is None


def test_a_side_deal_that_would_hold_the_last_rounds_table_waits_for_the_last_round() -> None:
    """players/clock.py, `waits_into_last_round`: a package leaving a party out, tabled in the
    round before the last for a partner that has had its turn, "would wait into the game's
    last round", where it "holds the table"; the party keeps it until the last round when
    the partner answers after it there. In revive-spp (seed 1, run 91, all hard) Canada used
    to table a U.S.-Canada package in round 4, after the United States had moved; it waited
    into round 5, which Mexico chairs, so Mexico could table nothing and the United States
    signed it. Now Canada keeps it, Mexico tables a trilateral package, and all three sign."""
    state, move = _play_until(
        "revive-spp",
        91,
        ALL_HARD,
        lambda state, move: (
            state.round == 3 and state.to_move == "CA" and not isinstance(move, Act)
        ),
    )
    scenario = state.scenario
    assert state.round == len(scenario.rounds) - 2 and "US" in state.order[: state.turn]
    assert clock.waits_into_last_round(state, "CA", ("US", "CA"))
    assert not clock.waits_into_last_round(state, "CA", scenario.party_ids)
    assert not (isinstance(move, Propose | Counter) and move.scope == ("US", "CA"))
    ended = _all_hard_game(scenario, 91)
    assert [a.scope for a in ended.agreements] == [scenario.party_ids]


def test_in_the_closing_rounds_a_deal_in_the_believed_zone_is_in_sight() -> None:
    """players/tactics.py, `no_trilateral_deal_in_sight`: "In the closing rounds, when the
    search finds none, it looks through the whole zone of agreement as it believes it to be,
    as it does for its offer, before it settles for a bilateral deal". In revive-spp (seed 1,
    run 3, all hard) Canada's search finds no trilateral package it believes all would take
    as round 3 opens, but its believed zone holds one; the game used to end in a U.S.-Canada
    deal signed in the last round, and now ends in a trilateral one (so does run 16)."""
    state, _ = _play_until("revive-spp", 3, ALL_HARD, lambda state, _: state.round == 2, "hard")
    assert state.to_move == "CA" and clock.closing(state)
    ids = state.scenario.party_ids
    b = beliefs(state, "CA", style_for(state.scenario, "CA", "hard").knowledge)
    assert not tactics.search_finds_deal(state, "CA", b)
    assert not tactics.no_trilateral_deal_in_sight(state, "CA", b)
    scenario = state.scenario
    for run in (3, 16):
        ended = _all_hard_game(scenario, run)
        assert ended.trilateral is not None
        assert all(len(a.scope) == len(ids) for a in ended.agreements)


def test_at_its_final_say_a_counterpart_seeing_a_whole_deal_tables_no_side_deal() -> None:
    """players/tactics.py, `whole_deal_at_final_say`: at its final say, a counterpart that
    believes a trilateral deal is in sight does not act on its appetite for a bilateral deal,
    "as a package tabled now holds the table into the last round, where a side deal signed
    takes the turns a trilateral package needs". In spp-2005 without the three causes (normal,
    seed 1, run 204) the United States, minded to settle with one partner in round 8, used to
    counter with a U.S.-Canada package; Canada signed it in round 9 and the game ended without
    a trilateral deal. It now counters with a trilateral package, which all three sign."""
    normal: dict[str, Difficulty] = {"US": "normal", "MX": "normal", "CA": "normal"}
    state, move = _play_until(
        "spp-2005",
        204,
        normal,
        lambda s, _: s.round == 7 and s.to_move == "US",
        "normal",
        WITHOUT_CAUSES,
    )
    us = style_for(state.scenario, "US", "normal")
    assert clock.final_say(state, "US") == 7
    assert tactics.bilateral_turn(state, "US", us)
    assert tactics.whole_deal_at_final_say(state, "US", beliefs(state, "US", us.knowledge))
    assert isinstance(move, Counter) and move.scope == state.scenario.party_ids
    ended = play_computer_game(state.scenario, run_seed(1, 204), WITHOUT_CAUSES)
    assert ended.trilateral is not None
    assert [a.scope for a in ended.agreements] == [state.scenario.party_ids]
