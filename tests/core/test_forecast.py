"""The partner forecast (issue 8, point 3): the partner's own rule, estimated, and measured."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace

import pytest

from game.core.analysis.forecast import VERDICTS, Tally, check_forecasts
from game.core.engine.legal import legal_moves, required_value
from game.core.engine.mechanism import start, step
from game.core.engine.moves import Accept, Propose
from game.core.engine.state import Difficulty, Offer, State
from game.core.game import Game
from game.core.players.beliefs import Knowledge, beliefs
from game.core.players.estimates import estimate
from game.core.players.negotiator import choose_move, seat_negotiator
from game.core.players.search import candidates
from game.core.scenario.index import index
from game.core.scenario.packages import Package, PackageFile, to_package
from tests.conftest import WITHOUT_CAUSES, spp_file

SPP = spp_file()


def _package(state: State, **options: str) -> Package:
    return to_package(PackageFile(options=options), state.scenario)


def test_an_option_that_does_not_bind_a_partner_does_not_move_its_estimate() -> None:
    """Issue 8: the estimate "changes only when the package's value to that partner or the
    player's trust changes"; "IBETs moved Mexico's estimate from 58-80 to 67-89"."""
    for seed in range(20):
        state = Game.new(SPP, seed, ["US"]).state
        base = _package(state, organized_crime="merida_trilateral", framework="linked")
        ibets = _package(
            state, organized_crime="merida_trilateral", framework="linked", border="ibet_shiprider"
        )
        assert state.scorer.total("MX", base) == state.scorer.total("MX", ibets)
        for viewer in ("US", "CA"):
            assert estimate(state, viewer, "MX", base) == estimate(state, viewer, "MX", ibets)


def test_every_option_that_does_not_bind_a_partner_leaves_its_estimate_alone() -> None:
    """Issue 8: "key any per-package randomness on what the partner actually values"."""
    state = Game.new(SPP, 3, ["CA"]).state
    scenario = state.scenario
    start = index(scenario).status_quo
    for i, issue in enumerate(scenario.issues):
        for k, option in enumerate(issue.options):
            changed = (*start[:i], k, *start[i + 1 :])
            for partner in scenario.party_ids:
                if not option.binds or partner in option.binds:
                    continue
                for viewer in scenario.party_ids:
                    if viewer != partner:
                        assert estimate(state, viewer, partner, changed) == estimate(
                            state, viewer, partner, start
                        ), (issue.id, option.id, viewer, partner)


def _states(
    difficulty: Difficulty, seeds: range, without: frozenset[str] = frozenset()
) -> list[State]:
    """Every round's opening state of computer-only games: the forecast at all stages."""
    states = []
    for seed in seeds:
        state = start(SPP.scenario, seed, disabled_causes=without, difficulty=difficulty)
        while not state.finished:
            if state.turn == 0 and state.offer is None:
                states.append(state)
            party = state.to_move
            assert party is not None
            state = step(state, choose_move(state, party))
    return states


def _packages(state: State, draw: random.Random, n: int = 25) -> list[Package]:
    """Packages a player might draft: the search's good ones for all, and random ones."""
    ids = SPP.scenario.party_ids
    everyone = Knowledge(omniscient=True)
    # The packages a search over everyone's true scores finds, from each party's side: each
    # party's favourite first, then the compromises.
    pool = [
        p for party in ids for p in candidates(state, party, beliefs(state, party, everyone), ids)
    ]
    issues = state.scenario.issues
    return pool + [tuple(draw.randrange(len(i.options)) for i in issues) for _ in range(n)]


def _level(state: State, partner: str) -> float:
    """What the computer partner holds out for now, by its own rule."""
    return seat_negotiator(state.scenario, partner, state.difficulty).level(state, partner)


def _inside(low: float, value: float, high: float) -> bool:
    """Strictly inside the range, except at an end of the 0-100 scale, where ranges stop."""
    return (low < value or low == value == 0.0) and (value < high or value == high == 100.0)


def _accepts(state: State, partner: str, proposer: str, package: Package) -> bool:
    """What the computer partner itself replies when the package is put before it now."""
    offer = Offer(proposer, package, state.scenario.party_ids, (proposer,))
    before = replace(state, offer=offer, turn=state.order.index(partner))
    legal = legal_moves(before, partner)
    negotiator = seat_negotiator(before.scenario, partner, before.difficulty)
    return isinstance(negotiator.respond(before, partner, legal), Accept)


@pytest.mark.parametrize("difficulty", ["easy", "normal", "hard"])
def test_the_forecast_uses_the_partners_own_rule(difficulty: Difficulty) -> None:
    """Issue 8: "A partner forecast that uses the same rule the partner will use (its current
    target, red lines, ratification)": put before the partner now, a "likely yes" package is
    accepted, a "likely no" or "red line" one refused. The states come from games of history
    and of the world without the chapter's causes, where deals come within reach. Every
    "likely yes" is checked, and one in four of the far commoner refusals (drawn)."""
    draw = random.Random(8)
    told: dict[str, int] = {}
    for state in _states(difficulty, range(4)) + _states(difficulty, range(4), WITHOUT_CAUSES):
        for package in _packages(state, draw):
            for viewer, partner in itertools.permutations(state.scenario.party_ids, 2):
                verdict = estimate(state, viewer, partner, package).verdict
                told[verdict] = told.get(verdict, 0) + 1
                if verdict == "uncertain" or (verdict != "likely yes" and draw.random() > 0.25):
                    continue
                assert _accepts(state, partner, viewer, package) == (verdict == "likely yes"), (
                    state.round,
                    viewer,
                    partner,
                    package,
                )
    assert told.get("likely yes") and told.get("likely no") and told.get("red line")


def test_a_package_below_the_estimated_target_is_not_likely_yes() -> None:
    """Issue 8: "a package below the partner's estimated target ⇒ not 'likely yes'", and the
    partner's real target (its private temperament) lies inside the estimated range."""
    draw = random.Random(3)
    for difficulty in ("easy", "normal", "hard"):
        for state in _states(difficulty, range(3)):
            for viewer, partner in itertools.permutations(state.scenario.party_ids, 2):
                target = _level(state, partner)
                for package in _packages(state, draw, 5):
                    e = estimate(state, viewer, partner, package)
                    assert _inside(e.target_low, target, e.target_high)
                    if state.scorer.total(partner, package) < e.target_high:
                        assert e.verdict != "likely yes"


def test_a_red_line_is_forecast_as_a_red_line() -> None:
    """Issue 8: "red lines are public": a package crossing one is forecast "red line" by every
    partner at any trust."""
    state = Game.new(SPP, 2, ["US"]).state
    covert = _package(state, organized_crime="covert_unilateral", framework="linked")
    for viewer in ("US", "CA"):
        e = estimate(state, viewer, "MX", covert)
        assert e.verdict == "red line"
        assert e.red_lines == ("No unannounced foreign operations on Mexican soil",)


def test_the_ranges_never_give_the_private_numbers_away() -> None:
    """Issue 8: "the player must never see the partner's exact private numbers (exact score,
    exact target, concession exponent); show ranges": below trust 100 the true value lies
    inside each range, but the range is not centred on it. (What a partner has stated in a
    refusal is public, and given exactly: see the test below.)"""
    draw = random.Random(5)
    off: dict[str, list[float]] = {"worth": [], "target": [], "needed": []}
    for state in _states("normal", range(3)):
        for viewer, partner in itertools.permutations(state.scenario.party_ids, 2):
            target = _level(state, partner)
            needed = required_value(state, partner)
            said = any(f.party == partner for e in state.log for f in e.revealed)
            for package in _packages(state, draw, 5):
                e = estimate(state, viewer, partner, package)
                worth = state.scorer.total(partner, package)
                off["target"].append(abs((e.target_low + e.target_high) / 2 - target))
                if not e.stated:
                    assert _inside(e.low, worth, e.high)
                    off["worth"].append(abs((e.low + e.high) / 2 - worth) / (e.high - e.low))
                if not said:
                    assert _inside(e.needed_low, needed, e.needed_high)
                    off["needed"].append(abs((e.needed_low + e.needed_high) / 2 - needed))
    # The shift is a smooth curve that crosses zero now and then, so a few ranges (about one
    # in twenty) are centred by chance; ranges centred on the private number would all be.
    for what, gaps in off.items():
        centred = sum(gap < 0.01 for gap in gaps) / len(gaps)
        assert centred < 0.10, what


def test_a_forecast_narrows_as_trust_grows() -> None:
    """Chapter, Wendt's levels: with more trust a partner is seen more clearly, and at full
    trust exactly."""
    state = Game.new(SPP, 4, ["MX"]).state
    package = _package(state, organized_crime="merida_trilateral", framework="linked")
    widths = []
    for trust in (0.0, 45.0, 90.0, 100.0):
        trusting = replace(state.conditions, trust=(trust,) * len(state.conditions.trust))
        e = estimate(replace(state, conditions=trusting), "MX", "US", package)
        widths.append(e.high - e.low)
    assert widths == sorted(widths, reverse=True) and widths[-1] == 0.0


@pytest.mark.parametrize("difficulty", ["easy", "normal", "hard"])
def test_likely_yes_forecasts_come_true_in_computer_games(difficulty: Difficulty) -> None:
    """Issue 8: "when it says 'likely yes' the partner accepts in most cases (measure it over
    simulated games)". By construction a "likely yes" clears the slowest concession the
    difficulty allows, so only a change of conditions before the reply (an event, an action,
    a new round) can make it miss; 300 games of each difficulty (seed 1) measured 1.000 both
    at the reply and when the offer was tabled. The bar, 0.95, leaves room for such changes
    only; a forecast by another rule than the partner's (the old one hit 0.56-0.65) fails it.
    Games of history and of the world without the chapter's causes are both counted: in
    history few negotiations get near a deal.
    """
    checks = [
        check_forecasts(SPP.scenario, 40, 1, difficulty, without)
        for without in (frozenset(), WITHOUT_CAUSES)
    ]
    for when in ("at_reply", "when_tabled"):
        tallies = [getattr(check, when) for check in checks]
        given = {v: sum(t.given[v] for t in tallies) for v in VERDICTS}
        accepted = {v: sum(t.accepted[v] for t in tallies) for v in VERDICTS}
        tally = Tally(given, accepted)
        assert tally.given["likely yes"] > 0, when
        assert (tally.hit_rate("likely yes") or 0.0) >= 0.95, when
        assert (tally.hit_rate("likely no") or 0.0) >= 0.95, when


def test_the_forecast_check_is_deterministic_given_its_seed() -> None:
    """game/core is deterministic given the seed."""
    assert check_forecasts(SPP.scenario, 3, 7) == check_forecasts(SPP.scenario, 3, 7)
    assert check_forecasts(SPP.scenario, 3, 7) != check_forecasts(SPP.scenario, 3, 8)


def test_the_partners_panel_fits_its_column_without_cutting_words() -> None:
    """Issue 8: the forecast "must fit the right-hand panel (35 columns) of the table screen at
    80x24 without cutting words (wrap instead)": worth, target, support at home, verdict and
    why."""
    from game.ui.render.partners import WIDTH, partners

    state = Game.new(SPP, 2, ["US"]).state
    covert = _package(state, organized_crime="covert_unilateral", framework="linked")
    shown = [estimate(state, "US", p, covert) for p in ("MX", "CA")]
    lines = partners(state.scenario, shown).plain.splitlines()
    assert all(len(line) <= WIDTH for line in lines), lines
    words = {w for line in lines for w in line.split()}
    for e in shown:
        for phrase in (e.reason, *e.red_lines):
            assert set(phrase.split()) <= words, phrase
    assert any("holding out for" in line for line in lines)
    assert any("support at home" in line for line in lines)


def test_a_partner_that_stated_its_numbers_is_forecast_with_them() -> None:
    """Issue 10, point 1: a person learns "from offers and replies" as the computers do; a
    refusal that says "it is worth 79.8, and it needs 80.0" tells everyone both numbers
    (engine/rules `_reject`). Canada tabled a package, Mexico refused it so, and the partner
    forecast still read "about 68-88" for that very package: after the refusal, the forecast
    gives the package's worth to Mexico and what Mexico needs as they are now, exactly."""
    state = Game.new(SPP, 132386, ["CA"], difficulty="hard").state
    package = _package(state, framework="soft_only")
    while state.to_move != "CA":
        state = step(state, choose_move(state, state.to_move or ""))
    before = estimate(state, "CA", "MX", package)
    assert before.low < before.high
    state = step(state, Propose(party="CA", package=package, scope=state.scenario.party_ids))
    while not any(f.party == "MX" for e in state.log for f in e.revealed):
        state = step(state, choose_move(state, state.to_move or ""))
    after = estimate(state, "CA", "MX", package)
    worth = state.scorer.total("MX", package)
    needed = required_value(state, "MX")
    assert (after.low, after.high, after.stated) == (worth, worth, True)
    assert (after.needed_low, after.needed_high) == (needed, needed)
    # Of a package it has said nothing about, it still gives only a range.
    other = estimate(state, "CA", "MX", _package(state, framework="linked"))
    assert other.low < other.high and not other.stated


def test_a_partner_that_has_accepted_the_package_on_the_table_is_forecast_to() -> None:
    """Played as Mexico: Canada countered, its package became Mexico's draft, and the Partners
    panel said "Canada · uncertain" of the package Canada itself had just tabled (and so
    accepted: the table said "Accepted: CA"). A partner's acceptance of the package on the
    table is public: the forecast says it has accepted."""
    state = Game.new(SPP, 11, ["MX"]).state
    while state.offer is None or state.to_move != "MX":
        state = step(state, choose_move(state, state.to_move or ""))
    offer = state.offer
    partner = next(p for p in offer.accepted if p != "MX")
    e = estimate(state, "MX", partner, offer.package, offer.scope)
    assert (e.verdict, e.reason) == ("likely yes", "has accepted it: it is on the table")


def test_a_range_past_the_top_of_the_scale_reads_100_plus() -> None:
    """A play-test: after a confidence-building measure the Partners panel read "holding out
    for about 96-106" on a 0-100 scale (a partner whose need outgrew the agenda: no package is
    worth more than 100 to anyone). Past 100, the panel says "100+"."""
    from dataclasses import replace as replaced

    from game.ui.render.partners import partners

    state = Game.new(SPP, 2, ["US"]).state
    e = estimate(state, "US", "MX", _package(state, framework="linked"))
    high = replaced(e, target_low=96.2, target_high=106.4)
    text = " ".join(partners(state.scenario, [high]).plain.split())
    assert "holding out for about 96–100+" in text and "106" not in text


def test_a_range_whose_ends_round_alike_reads_one_number() -> None:
    """A student's play-test: for a partner played by people the panel read "needing at least
    about 90–90". Ends that round to the same whole number read "about 90"."""
    from dataclasses import replace as replaced

    from game.ui.render.partners import partners

    state = Game.new(SPP, 2, ["US"]).state
    e = estimate(state, "US", "MX", _package(state, framework="linked"))
    narrow = replaced(e, target_low=89.7, target_high=90.2)
    text = " ".join(partners(state.scenario, [narrow]).plain.split())
    assert "holding out for about 90 " in text and "90–90" not in text


def test_a_partner_played_by_people_is_forecast_by_what_it_needs_not_by_a_strategy() -> None:
    """A class in browsers: the United States' Partners panel said Mexico and Canada, both
    teams, were "holding out for about 95-100", a computer negotiator's concession curve,
    while what they needed was 79.5 and 77.4. A team may accept anything the rules let it
    (worth what it needs, no red line crossed, backed at home), so for a partner played by
    people the forecast's bar is what it needs, seen as widely as distrust allows."""
    game = Game.new(spp_file(), 42, ["US", "MX", "CA"])
    state = game.state
    package = index(state.scenario).status_quo
    for partner in ("MX", "CA"):
        e = estimate(state, "US", partner, package)
        assert (e.target_low, e.target_high) == (e.needed_low, e.needed_high)
        assert e.needed_low <= required_value(state, partner) <= e.needed_high
    computer = Game.new(spp_file(), 42, ["US"]).state
    e = estimate(computer, "US", "MX", package)
    assert (e.target_low, e.target_high) != (e.needed_low, e.needed_high)
