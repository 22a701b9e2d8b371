"""Rule cases for the negotiation state machine, each named after the rule it checks."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.core.engine.conditions import wendt_system
from game.core.engine.legal import legal_moves, required_value
from game.core.engine.mechanism import start, step
from game.core.engine.moves import (
    Accept,
    Act,
    Counter,
    IllegalMove,
    Move,
    Pass,
    Propose,
    Reject,
)
from game.core.engine.state import State
from game.core.scenario.index import index
from game.core.scenario.loader import load_scenario
from game.core.scenario.model import Scenario
from tests.conftest import DATA, HUMANS

PATROLS_SHARED = (1, 1, 0)  # joint patrols + shared analysis, visas kept
WITH_OPEN_BORDERS = (1, 1, 1)
COVERT = (2, 0, 0)
EVERYONE = ("AA", "BB", "CC")


@pytest.fixture(scope="module")
def engine() -> Scenario:
    return load_scenario(DATA / "good" / "engine.yaml")


@pytest.fixture()
def game(engine: Scenario) -> State:
    return start(engine, seed=7, seats=HUMANS)


def ix(state: State, a: str, b: str) -> int:
    return index(state.scenario).dyad(a, b)


def play(state: State, *moves: Move) -> State:
    for move in moves:
        state = step(state, move)
    return state


# --- turns and rounds ----------------------------------------------------------------------


def test_the_chair_moves_first_and_rotates_each_round(game: State) -> None:
    """AUTHORING.md, How the negotiation runs: "Each dated round, every party gets one turn, the
    chair first; the chair rotates"."""
    assert game.chair == "AA" and game.to_move == "AA"
    after = play(game, Pass(party="AA"), Pass(party="BB"), Pass(party="CC"))
    assert after.round == 1 and after.chair == "BB" and after.to_move == "BB"


def test_only_the_party_whose_turn_it_is_may_move(game: State) -> None:
    """engine/legal.py, `legal_moves`: "What the party may do now; nothing when it is not its
    turn"."""
    with pytest.raises(IllegalMove, match="turn"):
        step(game, Pass(party="BB"))
    assert legal_moves(game, "BB") == legal_moves(game, "BB").__class__()


def test_the_deadline_ends_the_game(game: State) -> None:
    """AUTHORING.md, The sections, in order: "The game ends at the deadline, with or without a
    deal"."""
    state = game
    while not state.finished:
        state = step(state, Pass(party=state.to_move or ""))
    assert state.round == len(state.scenario.rounds) - 1
    assert state.log[-1].kind == "end" and "deadline" in state.log[-1].text
    with pytest.raises(IllegalMove):
        step(state, Pass(party="AA"))


# --- tabling, accepting, rejecting, countering -------------------------------------------------


def test_tabling_puts_a_package_on_the_table_accepted_by_its_proposer(game: State) -> None:
    """AUTHORING.md, How the negotiation runs: "Tabling a package means accepting it yourself"."""
    state = step(game, Propose(party="AA", package=PATROLS_SHARED, scope=EVERYONE))
    assert state.offer is not None and state.offer.accepted == ("AA",)
    assert state.log[-1].kind == "propose" and "Joint patrols" in state.log[-1].text


def test_a_package_every_party_in_scope_accepts_goes_home_and_is_ratified(game: State) -> None:
    """engine/mechanism.py: "An offer every party in its scope accepts goes home for ratification
    (the two-level game)"; `ratify`: "Otherwise it becomes an agreement; a trilateral one ends
    the negotiation"."""
    state = play(
        game,
        Propose(party="AA", package=PATROLS_SHARED, scope=EVERYONE),
        Accept(party="BB"),
        Accept(party="CC"),
    )
    assert state.finished and state.trilateral is not None
    kinds = [e.kind for e in state.log]
    assert "ratified" in kinds and kinds[-1] == "end"


def test_rejection_carries_the_reasons_the_engine_derives(game: State) -> None:
    """engine/moves.py, `Reject`: "Reject the offer on the table; the engine derives the
    reasons"; `reasons_against`: "Every reason the engine sees for a party to refuse a package
    binding this scope (None: everyone), most serious first"."""
    # Open borders cost C, and C's public objects: too little value, no ratification at home,
    # and doubts about its partners that discount the joint measures.
    state = play(
        game,
        Propose(party="AA", package=(0, 1, 1), scope=EVERYONE),
        Pass(party="BB"),
        Reject(party="CC"),
    )
    entry = (
        state.log[-1]
        if state.log[-1].kind == "reject"
        else next(e for e in reversed(state.log) if e.kind == "reject")
    )
    assert state.offer is None
    assert entry.party == "CC"
    assert any("below its reservation value" in r for r in entry.reasons)
    assert any(
        "groups at home would not support it" in r and "C public" in r for r in entry.reasons
    )
    assert any("doubts about Betaland" in r for r in entry.reasons)


def test_a_rejection_with_no_structural_objection_says_so(game: State) -> None:
    """engine/moves.py, `Reject`: "Reject the offer on the table; the engine derives the
    reasons"; where the engine sees none, the log says "no stated reason" (engine/rules.py)."""
    state = play(
        game,
        Propose(party="AA", package=PATROLS_SHARED, scope=EVERYONE),
        Pass(party="BB"),
        Reject(party="CC"),
    )
    entry = next(e for e in reversed(state.log) if e.kind == "reject")
    assert entry.reasons == ("no stated reason",)


def test_a_red_line_is_a_reason_and_blocks_acceptance(game: State) -> None:
    """AUTHORING.md, How a package is scored: "A principle with `red_line: true` means the party
    cannot accept any package that triggers it, whatever the score"."""
    state = step(
        game, Propose(party="AA", package=COVERT, scope=("AA", "BB"))
    )  # covert operations: B's red line
    legal = legal_moves(state, "BB")
    assert not legal.accept and "red line" in legal.accept_blocked[0]
    with pytest.raises(IllegalMove, match="red line"):
        step(state, Accept(party="BB"))
    state = step(state, Reject(party="BB"))
    assert any("red line" in r for r in state.log[-1].reasons)


def blocked_to_accept(party: str, seed: int) -> State:
    """spp-2005 with a person at `party` who passes until a package is before it that it may
    not accept."""
    from game.core.game import Game
    from tests.conftest import spp_file

    played = Game.new(spp_file(), seed, [party])
    while not legal_moves(played.state, party).accept_blocked:
        assert not played.finished
        played.play(Pass(party=party))
    return played.state


@pytest.mark.parametrize(
    ("party", "seed", "to_it", "about_it"),
    [
        (
            "MX",
            3,
            "it is worth 90 to you, and you need 96: your reservation value 88 + 8 for your "
            "leader's limited attention",
            "it is worth 90, and it needs 96: its reservation value 88 + 8 for its leader's "
            "limited attention",
        ),
        (
            "US",
            4,
            "it is worth 65 to you, below your reservation value of 69",
            "it is worth 65, below its reservation value of 69",
        ),
    ],
)
def test_why_a_party_may_not_accept_is_said_to_it_as_you(
    party: str, seed: int, to_it: str, about_it: str
) -> None:
    """A play-test: "You cannot accept: it is worth 97, and it needs 100: its reservation value
    92 + 8 for its leader's limited attention" spoke of the player as "it". Why the party to
    move may not accept (`Legal.accept_blocked`, which the table shows after "You cannot
    accept: ") is said to that party: "it is worth 97 to you, and you need 100: your
    reservation value 92 + 8 for your leader's limited attention". What is said about a party,
    the log's reasons for its refusal and the rules' error, keeps the third person."""
    state = blocked_to_accept(party, seed)
    assert legal_moves(state, party).accept_blocked == (to_it,)
    with pytest.raises(IllegalMove, match=f"cannot accept: {re.escape(about_it)}$"):
        step(state, Accept(party=party))
    refused = step(state, Reject(party=party))
    assert about_it in refused.log[-1].reasons


def test_support_at_home_names_the_countries_joined_with_and(game: State) -> None:
    """A play-test: "Supported at home by United States, Mexico." The countries are joined as
    a sentence joins them: "Alphaland, Betaland and Gammaland"."""
    state = play(
        game,
        Propose(party="AA", package=PATROLS_SHARED, scope=EVERYONE),
        Accept(party="BB"),
        Accept(party="CC"),
    )
    names = [state.scenario.party(p).name for p in EVERYONE]
    [entry] = [e for e in state.log if e.kind == "ratified"]
    assert entry.text == f"Supported at home by {names[0]}, {names[1]} and {names[2]}."


def test_counter_rejects_the_package_and_tables_another(game: State) -> None:
    """engine/moves.py, `Counter`: "Reject the offer on the table and propose another package in
    its place"."""
    state = play(game, Propose(party="AA", package=(1, 1, 0), scope=EVERYONE))
    state = step(state, Counter(party="BB", package=(0, 1, 0), scope=EVERYONE, note="no patrols"))
    assert state.offer is not None and state.offer.proposer == "BB"
    assert state.offer.package == (0, 1, 0) and state.offer.accepted == ("BB",)
    assert [e.kind for e in state.log[-2:]] == ["reject", "counter"]
    assert "no patrols" in state.log[-2].reasons


def test_a_package_below_the_proposers_reservation_cannot_be_tabled(game: State) -> None:
    """AUTHORING.md, How the negotiation runs: "nobody can table a package that crosses their own
    red line or is worth less to them than they need"."""
    with pytest.raises(IllegalMove, match="reservation"):
        step(
            game, Propose(party="AA", package=(0, 0, 1), scope=EVERYONE)
        )  # open borders alone: worth 0 to A


def test_a_bilateral_package_may_not_hold_an_option_binding_a_third_party(game: State) -> None:
    """README, Vocabulary: a scope is "the parties a package would bind"; so AUTHORING.md,
    Balancing a scenario, warns of "an agenda whose every option binds every party (an empty
    `binds` means all of them), so that no bilateral package can be tabled"."""
    with pytest.raises(IllegalMove, match="outside the scope"):
        step(
            game, Propose(party="AA", package=(1, 0, 0), scope=("AA", "CC"))
        )  # joint patrols bind all three


def test_the_status_quo_cannot_be_tabled(game: State) -> None:
    """README, Computer-only games: "no one can table a package that changes nothing"."""
    with pytest.raises(IllegalMove, match="changes nothing"):
        step(game, Propose(party="AA", package=(0, 0, 0), scope=EVERYONE))


def test_a_party_outside_the_scope_can_only_pass(game: State) -> None:
    """The package on the table is for the parties of its scope to answer (engine/state.py,
    `Offer.awaited`: "The parties in its scope still to answer it"); a party outside it may only
    pass (or take its action)."""
    state = step(game, Propose(party="AA", package=(3, 0, 0), scope=("AA", "CC")))
    legal = legal_moves(state, "BB")
    assert legal.pass_ and not (legal.accept or legal.reject or legal.counter or legal.propose)


def test_a_ratified_bilateral_deal_raises_both_reservation_values(game: State) -> None:
    """AUTHORING.md, How the negotiation runs: "A supported bilateral package is banked: it adds
    `negotiation.bilateral_gain_share` of each signatory's gain to its bilateral alternatives"."""
    before = game.scorer
    state = play(
        game,
        Propose(party="AA", package=(3, 0, 0), scope=("AA", "CC")),
        Pass(party="BB"),
        Accept(party="CC"),
    )
    assert not state.finished and state.agreements and state.trilateral is None
    after = state.scorer
    for party in ("AA", "CC"):
        assert after.reservation(party) > before.reservation(party)
    assert after.reservation("BB") == pytest.approx(before.reservation("BB"))


# --- ratification at home ----------------------------------------------------------------------


def test_a_failed_ratification_reopens_the_package_and_names_the_blocking_group(
    game: State,
) -> None:
    """AUTHORING.md, How the negotiation runs: "If any party's weighted approval stays below its
    threshold, the package is reopened (everyone must accept it again) and the log names the
    group that blocked it"."""
    state = play(
        game,
        Propose(party="AA", package=WITH_OPEN_BORDERS, scope=EVERYONE),
        Accept(party="BB"),
        Accept(party="CC"),
    )
    assert not state.finished and not state.agreements
    entry = next(e for e in state.log if e.kind == "blocked")
    assert "Hawks" in " ".join(entry.reasons)
    assert state.offer is not None and state.offer.accepted == ()


# --- diplomatic actions --------------------------------------------------------------------


def test_at_most_one_diplomatic_action_per_party_per_round(game: State) -> None:
    """engine/moves.py, `Act`: "Take a diplomatic action (at most one per round); the turn goes
    on"."""
    state = step(game, Act(party="AA", action="build", target="BB"))
    assert state.to_move == "AA"  # the action does not end the turn
    assert not legal_moves(state, "AA").actions
    with pytest.raises(IllegalMove, match="one per round"):
        step(state, Act(party="AA", action="build", target="CC"))
    state = play(state, Pass(party="AA"), Pass(party="BB"), Pass(party="CC"))
    assert legal_moves(state, "BB").actions  # a new round, a new action


def test_confidence_building_raises_trust(game: State) -> None:
    """engine/effects.py, `with_trust`: "Trust in a dyad moved by delta" (engine.yaml's
    confidence-building measure: trust +5)."""
    state = step(game, Act(party="AA", action="build", target="BB"))
    assert (
        state.conditions.trust[ix(state, "AA", "BB")]
        == game.conditions.trust[ix(game, "AA", "BB")] + 5
    )


def test_consulting_a_domestic_group_raises_its_approval(game: State) -> None:
    """engine/effects.py, `with_approval`: "A domestic group's approval moved by delta";
    spp-2005's consultation: "consultation softens it a little" [Policies D) Trilateral]."""
    state = step(game, Act(party="AA", action="consult", target="aa_hawks"))
    g = index(state.scenario).groups["aa_hawks"]
    assert state.conditions.approval[g] == game.conditions.approval[g] + 10


def test_a_joint_assessment_brings_threat_priorities_closer(game: State) -> None:
    """AUTHORING.md, How the negotiation runs: an action effect's "`share` for convergence: the
    fraction of the gap between the two parties' threat priorities that closes" (0.5 here)."""
    state = step(game, Act(party="AA", action="assess", target="BB"))
    t = index(state.scenario).threats["crime"]
    a, b = (index(state.scenario).parties[p] for p in ("AA", "BB"))
    gap_before = abs(game.conditions.priorities[a][t] - game.conditions.priorities[b][t])
    gap_after = abs(state.conditions.priorities[a][t] - state.conditions.priorities[b][t])
    assert gap_after == pytest.approx(gap_before / 2)


def test_a_side_deal_raises_both_alternatives_and_costs_the_third_party_trust(game: State) -> None:
    """spp-2005's bilateral side deal: "Each gains a better alternative to a trilateral deal, and
    the third country is left out: dual-bilateralism." [Fragmented Region; Policies C) MX-CA]"""
    state = step(game, Act(party="AA", action="side_deal", target="CC"))
    p = index(state.scenario).parties
    assert state.conditions.bilateral[p["AA"]] == 4 and state.conditions.bilateral[p["CC"]] == 4
    assert (
        state.conditions.trust[ix(state, "AA", "BB")]
        == game.conditions.trust[ix(game, "AA", "BB")] - 3
    )


def test_a_unilateral_act_pays_now_and_costs_trust_later(game: State) -> None:
    """AUTHORING.md, How the negotiation runs: "`after_rounds` (the effect lands later: a
    unilateral act pays now and costs trust later)"."""
    acted = step(game, Act(party="AA", action="go_alone", target="CC"))
    trust = ix(acted, "AA", "CC")
    assert acted.conditions.bilateral[index(acted.scenario).parties["AA"]] == 6
    assert acted.conditions.trust[trust] == game.conditions.trust[trust]
    # Compare the next round with and without the act: the trust cost lands then.
    later = play(acted, Pass(party="AA"), Pass(party="BB"), Pass(party="CC"))
    without = play(game, Pass(party="AA"), Pass(party="BB"), Pass(party="CC"))
    assert later.conditions.trust[trust] == without.conditions.trust[trust] - 12
    assert any("Delayed consequence" in e.text for e in later.log)


def test_a_delayed_consequence_names_the_act_its_target_and_when_it_was_taken(game: State) -> None:
    """A play-test: "Delayed consequence of Act unilaterally by United States. • trust US-MX
    -12" never said what the act was, towards whom, or when. The line names who acted, the
    round of the act and its month, then the act and its target as the act's own line said
    them ("Alphaland: Act alone, without telling Gammaland.")."""
    acted = step(game, Act(party="AA", action="go_alone", target="CC"))
    later = play(acted, Pass(party="AA"), Pass(party="BB"), Pass(party="CC"))
    [line] = [e.text for e in later.log if e.text.startswith("Delayed consequence")]
    month = game.scenario.rounds[0].date.isoformat()[:7]
    assert line == (
        f"Delayed consequence of Alphaland's action in round 1 ({month}): Act alone, without "
        "telling Gammaland."
    )


def test_a_delayed_consequence_of_the_united_states_reads_as_english() -> None:
    """The play-test's own line, in spp-2005: the possessive of a name ending in s takes an
    apostrophe alone ("United States' action")."""
    from game.core.game import Game
    from tests.conftest import spp_file

    played = Game.new(spp_file(), 5, ["US"])
    played.play(Act(party="US", action="unilateral_act", target="MX"))
    while not any(e.text.startswith("Delayed") for e in played.state.log):
        played.play(Pass(party="US"))
    [line] = [e.text for e in played.state.log if e.text.startswith("Delayed")]
    assert line == (
        "Delayed consequence of United States' action in round 1 (2005-03): Act unilaterally, "
        "without telling Mexico."
    )


# --- the three levels of transformation -----------------------------------------------------


def test_a_dyad_becomes_cooperative_only_after_the_three_levels_of_transformation(
    game: State,
) -> None:
    """AUTHORING.md, How the negotiation runs: "Trust in a dyad cannot reach the cooperative
    level (`wendt.cooperative_from`) until the dyad has passed all three levels (`stage: 3`)";
    engine/effects.py: "a dyad only becomes a cooperative system through breakdown of consensus,
    critical examination and new practices [Fragmented Region]"."""
    d = ix(game, "AA", "BB")
    state = game
    # Trust alone cannot make A-B cooperative: it stops below the cooperative level.
    for _ in range(4):
        while state.to_move != "AA":
            state = step(state, Pass(party=state.to_move or ""))
        state = step(state, Act(party="AA", action="build", target="BB"))
        state = step(state, Pass(party="AA"))
    assert state.conditions.trust[d] < game.scenario.wendt.cooperative_from
    assert wendt_system(state.scenario, state.conditions, "AA", "BB") == "individualistic"


def test_assessment_then_confidence_building_then_a_deal_pass_the_three_levels(game: State) -> None:
    """AUTHORING.md, How the negotiation runs: "joint threat assessments by both governments,
    with trust of at least 50, can move a dyad from 0 to 1 (breakdown of consensus), a
    confidence-building measure from 1 to 2 (critical examination), and a deal supported at home
    together moves a dyad from 2 to 3 (new practices)" (here with engine.yaml's actions)."""
    d = ix(game, "AA", "BB")
    state = step(
        game, Act(party="AA", action="assess", target="BB")
    )  # level 1: breakdown of consensus
    assert state.conditions.stage[d] == 1
    state = play(state, Pass(party="AA"), Pass(party="BB"), Pass(party="CC"))
    while state.to_move != "AA":
        state = step(state, Pass(party=state.to_move or ""))
    state = step(
        state, Act(party="AA", action="build", target="BB")
    )  # level 2: critical examination
    assert state.conditions.stage[d] == 2
    state = step(state, Propose(party="AA", package=(0, 2, 0), scope=("AA", "BB")))
    while state.offer is not None and state.to_move != "BB":
        state = step(state, Pass(party=state.to_move or ""))
    state = step(state, Accept(party="BB"))  # level 3: new practices
    assert state.conditions.stage[d] == 3


# --- events --------------------------------------------------------------------------------


def _open_round(game: State, n: int) -> State:
    state = game
    while state.round < n:
        state = step(state, Pass(party=state.to_move or ""))
    return state


def test_a_scripted_event_fires_before_the_first_round_on_or_after_its_date(game: State) -> None:
    """AUTHORING.md, The sections, in order: "An event fires before the first round on or after
    its date"."""
    assert "scandal" not in game.fired
    state = _open_round(game, 1)
    assert "scandal" in state.fired
    assert (
        state.conditions.trust[ix(state, "AA", "BB")]
        == game.conditions.trust[ix(game, "AA", "BB")] - 10
    )
    assert any(e.kind == "event" and "A scandal" in e.text for e in state.log)


def test_an_event_changes_attention_priorities_reservation_and_stage(game: State) -> None:
    """AUTHORING.md, The sections, in order: "Effects of events, each with a `kind`: `priority`
    (party, threat, delta), `trust` (dyad, delta), `stage` (dyad, delta in levels), `attention`
    (party, delta), `approval` (group, delta), `reservation` (party, delta)"."""
    state = _open_round(game, 2)
    p = index(state.scenario).parties["AA"]
    assert state.conditions.attention[p] == 50
    assert state.conditions.priorities[p][index(state.scenario).threats["crime"]] == 50
    assert state.conditions.bilateral[p] == 5
    assert state.conditions.stage[ix(state, "BB", "CC")] == 1


def test_a_conditional_event_waits_until_its_condition_holds(game: State) -> None:
    """AUTHORING.md, How the negotiation runs: "An event with `when:` conditions (`trust_below` /
    `trust_above` with `dyad` and `value`, `approval_below` with `group`, `attention_below` with
    `party`) waits until they all hold"."""
    assert "rupture" not in game.fired  # A-B trust is 40, the condition is below 35
    state = _open_round(game, 1)  # the scandal drops A-B trust to 30
    assert "rupture" in state.fired
    assert state.conditions.trust[ix(state, "AA", "CC")] == 75


def test_a_chance_event_is_decided_by_the_seed(engine: Scenario) -> None:
    """AUTHORING.md, How the negotiation runs: "`chance` (0-1) is drawn once, from the game's
    seed, when the event is due"."""
    fired = set()
    for seed in range(20):
        state = _open_round(start(engine, seed, HUMANS), 1)
        fired.add(any("coin toss" in e.text for e in state.log))
        again = _open_round(start(engine, seed, HUMANS), 1)
        assert again.digest() == state.digest()
    assert fired == {True, False}


def test_a_cause_switched_off_stops_its_events(engine: Scenario) -> None:
    """AUTHORING.md, Writing a counterfactual: "Without a cause, its events never happen, and
    every later number is as it would have been without them"."""
    state = _open_round(start(engine, 1, HUMANS, disabled_causes={"leader_change"}), 2)
    assert "new_leader" not in state.fired


def test_leader_attention_raises_what_a_party_needs_to_accept(game: State) -> None:
    """AUTHORING.md, Reservation value and ratification: "the lower the attention, the further
    above its reservation value a trilateral package must score before the party accepts it, by
    `negotiation.attention_premium x (100 - attention) / 100` points"."""
    state = _open_round(game, 2)  # attention of A's leader falls to 50
    premium = state.scenario.negotiation.attention_premium * 0.5
    assert required_value(state, "AA") == pytest.approx(state.scorer.reservation("AA") + premium)


# --- determinism and immutability -----------------------------------------------------------

MOVES = [
    Act(party="AA", action="build", target="BB"),
    Propose(party="AA", package=PATROLS_SHARED, scope=EVERYONE),
    Counter(party="BB", package=(0, 1, 0), scope=EVERYONE),
    Accept(party="CC"),
]


def test_the_same_scenario_seed_and_moves_give_the_same_state(engine: Scenario) -> None:
    """README, How a game runs: "the same seed and moves always give the same game"."""
    one = play(start(engine, 3, HUMANS), *MOVES)
    two = play(start(engine, 3, HUMANS), *MOVES)
    assert one.digest() == two.digest() and one == two


def test_step_never_changes_a_state_in_place(game: State) -> None:
    """README, How a game runs: "The state is immutable: `engine.mechanism.step(state, move)`
    returns the next one"."""
    snapshot = dataclasses.replace(game)
    digest = game.digest()
    play(game, *MOVES)
    assert game.digest() == digest and game == snapshot


def test_states_are_frozen(game: State) -> None:
    """engine/state.py, `State`: "A whole game at one moment; never changed in place: `step`
    returns a new one"."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        game.round = 3  # type: ignore[misc]


# --- properties ---------------------------------------------------------------------------


def _random_move(state: State, draw: st.DataObject) -> Move:
    party = state.to_move or ""
    legal = legal_moves(state, party)
    kinds = [k for k in ("propose", "accept", "reject", "counter", "pass_") if getattr(legal, k)]
    if legal.actions:
        kinds.append("act")
    kind = draw.draw(st.sampled_from(kinds))
    if kind == "act":
        return draw.draw(st.sampled_from(legal.actions))
    if kind in ("propose", "counter"):
        package = tuple(
            draw.draw(st.integers(0, len(i.options) - 1)) for i in state.scenario.issues
        )
        others = [p for p in state.scenario.party_ids if p != party]
        scope = tuple(
            sorted({party, *draw.draw(st.lists(st.sampled_from(others), min_size=1, unique=True))})
        )
        if kind == "propose":
            return Propose(party=party, package=package, scope=scope)
        return Counter(party=party, package=package, scope=scope)
    if kind == "accept":
        return Accept(party=party)
    return Reject(party=party) if kind == "reject" else Pass(party=party)


@settings(max_examples=60)
@given(st.data(), st.integers(0, 10_000))
def test_random_games_end_by_the_deadline_and_never_accept_below_reservation_or_over_a_red_line(
    engine: Scenario, data: st.DataObject, seed: int
) -> None:
    """AUTHORING.md: "The game ends at the deadline, with or without a deal", and "A party
    accepts a package only if it crosses none of its red lines and scores at least what it needs"
    (Reservation value and ratification)."""
    state = start(engine, seed, HUMANS)
    for _ in range(400):
        if state.finished:
            break
        move = _random_move(state, data)
        before = state.digest()
        try:
            after = step(state, move)
        except IllegalMove:
            assert state.digest() == before
            after = step(state, Pass(party=state.to_move or ""))
        if (
            isinstance(move, Accept)
            and after.log
            and after.log[-1].kind in ("ratified", "end", "blocked", "accept")
        ):
            offer = state.offer
            assert offer is not None
            score = state.scorer.score(move.party, offer.package)
            assert (
                not score.red_lines and score.total >= state.scorer.reservation(move.party) - 1e-9
            )
        state = after
    assert state.finished
    assert state.round <= len(engine.rounds) - 1
    for agreement in state.agreements:
        for party in agreement.scope:
            assert not state.scorer.score(party, agreement.package).red_lines


def test_a_delayed_effect_is_announced_in_rounds_counted_in_english() -> None:
    """An action whose effect comes a round later (spp-2005's unilateral act: distrust grows
    "when it comes to light") said "due in 1 round(s)" in the log."""
    from game.core.engine.moves import Act
    from game.core.game import Game
    from tests.conftest import spp_file

    game = Game.new(spp_file(), 5, ["US"])
    game.play(Act(party="US", action="unilateral_act", target="MX"))
    acted = next(e for e in game.state.log if e.kind == "action" and e.party == "US")
    assert "trust effect due in 1 round" in acted.reasons


def test_an_action_effect_left_to_chance_says_when_it_did_not_come() -> None:
    """Played as the United States: a joint threat assessment answered in kind by Mexico,
    with trust above the 50 it needs, logged "stage effect waits for Mexico to do the same"
    and then nothing: the stage effect is left to chance (spp-2005: 50%), and when the draw
    went against it the log said nothing at all. It now says so, with the chance."""
    from game.core.analysis.simulation import play_computer_game
    from game.core.scenario.loader import find_scenario

    state = play_computer_game(find_scenario("spp-2005").scenario, 0)
    [line] = [
        e
        for e in state.log
        if e.kind == "action" and e.round == 3 and e.party == "US" and "Joint threat" in e.text
    ]
    assert "no stage effect this time: it had a 50% chance" in line.reasons


def test_a_stage_effect_for_another_level_says_why_it_did_nothing(game: State) -> None:
    """The same silence for a pair past the level an action works on: a joint assessment
    (level 0 to 1) by a pair that has passed a level now says so, and moves nothing."""
    import dataclasses as dc

    effect = {"kind": "stage", "delta": 1, "at_stage": 0}
    s = game.scenario
    actions = [
        a.model_copy(update={"effects": [a.effects[0].model_copy(update=effect)]})
        if a.id == "assess"
        else a
        for a in s.actions
    ]
    scenario = s.model_copy(update={"actions": actions})
    d = index(s).dyad("AA", "BB")
    stages = tuple(1 if n == d else x for n, x in enumerate(game.conditions.stage))
    state = dc.replace(
        game, scenario=scenario, conditions=dc.replace(game.conditions, stage=stages)
    )
    after = step(state, Act(party="AA", action="assess", target="BB"))
    assert after.conditions.stage == stages
    assert any(
        r.startswith("no stage effect: it works on a pair with 0") for r in after.log[-1].reasons
    )
