"""How an outcome is worded: the scenario's own sentence where it gives one, else the game's,
which names no history and never says "trilateral" of a two-party game."""

from __future__ import annotations

import pytest

from game.core.analysis.cohort import Played, cohort, simulated
from game.core.analysis.cohort_table import to_markdown
from game.core.analysis.outcomes import OUTCOMES, Outcome, outcome_label, outcome_text
from game.core.analysis.simulation import play_computer_game
from game.core.analysis.what_if import outcome_words, what_if
from game.core.engine.moves import Pass
from game.core.engine.wording import deal_kind, every_country
from game.core.game import Game
from game.core.scenario.loader import find_scenario, load_scenario
from game.core.scenario.model import Scenario

# spp-2005's outcome lines as the game printed them before the wording moved into the
# scenario file (its `outcomes.text`, and the game's own wording for three parties).
SPP_2005 = {
    "security_arrangement": "a trilateral security arrangement, supported at home in all three "
    "countries and still in force at the deadline",
    "prosperity_only": "a prosperity-only partnership: a trilateral deal that leaves security "
    "practically out",
    "lapsed": "a partnership signed and then left to lapse before the deadline, "
    '"no longer an active initiative" [Policies D) Trilateral]',
    "dual_bilateralism": "no trilateral deal: dual-bilateralism, what happened in 2009 "
    "[Policies D) Trilateral]",
    "breakdown": "no trilateral deal, and a relationship has broken down into mistrust",
}


def test_spp_2005_words_its_outcomes_exactly_as_before() -> None:
    """analysis/outcomes.py, `outcome_text`: "the scenario's own wording (its `outcomes.text`,
    which may say what actually happened), else the game's"; spp-2005's lines read as before the
    wording moved into its file."""
    spp = find_scenario("spp-2005").scenario
    assert {o: outcome_text(spp, o) for o in OUTCOMES} == SPP_2005
    assert [outcome_label(spp, o) for o in OUTCOMES] == [
        "security arrangement",
        "prosperity only",
        "lapsed",
        "dual bilateralism",
        "breakdown",
    ]


def test_only_spp_2005_says_what_happened_in_2009() -> None:
    """The 2009 ending is spp-2005's history [Policies D) Trilateral], not every scenario's."""
    for scenario_id in ("revive-spp", "merida-2007", "smart-border-2001"):
        s = find_scenario(scenario_id).scenario
        assert not any("what happened in 2009" in outcome_text(s, o) for o in OUTCOMES)


def test_a_scenario_words_an_outcome_in_its_own_sentence() -> None:
    """AUTHORING.md, How the negotiation runs: "`outcomes.text` gives the sentence the end screen
    and the debrief show for an outcome"."""
    merida = find_scenario("merida-2007").scenario
    assert "Mérida Initiative" in outcome_text(merida, "security_arrangement")
    revive = find_scenario("revive-spp").scenario
    assert outcome_text(revive, "dual_bilateralism") == (
        "no trilateral deal: dual-bilateralism goes on, as the chapter forecasts [Conclusion]"
    )


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_a_two_party_game_is_never_called_trilateral(minimal: Scenario, outcome: Outcome) -> None:
    """tests/data/good/minimal.yaml seats two parties and words no outcome of its own."""
    assert not minimal.outcomes.text.model_dump(exclude_defaults=True)
    text = outcome_text(minimal, outcome)
    assert "trilateral" not in text and "three" not in text and "dual" not in text
    assert "trilateral" not in outcome_label(minimal, outcome)
    assert outcome_label(minimal, "dual_bilateralism") == "no agreement"


def test_deals_are_named_by_how_many_parties_they_bind(minimal: Scenario) -> None:
    """engine/wording.py, `deal_kind`: "What a deal among every party at the table is called":
    "bilateral" for two parties, "trilateral" for three, "4-party" and so on beyond."""
    spp = find_scenario("spp-2005").scenario
    assert (deal_kind(minimal), every_country(minimal)) == ("bilateral", "both countries")
    assert (deal_kind(spp), every_country(spp)) == ("trilateral", "all three countries")
    data = minimal.model_dump(mode="python")
    for new in ("CC", "DD"):
        data["parties"].append(dict(data["parties"][1], id=new, name=new))
        data["domestic_groups"].append(dict(data["domestic_groups"][1], id=new.lower(), party=new))
    data["dyads"] += [
        {"parties": pair, "trust": 50.0, "source": "Conclusion"}
        for pair in (("AA", "CC"), ("AA", "DD"), ("BB", "CC"), ("BB", "DD"), ("CC", "DD"))
    ]
    four = Scenario.model_validate(data)
    assert (deal_kind(four), every_country(four)) == ("4-party", "all 4 countries")
    assert outcome_text(four, "dual_bilateralism") == "no 4-party deal: cooperation stays bilateral"
    # simulate's table names it as the what-if paragraph and the class roll-up do.
    assert outcome_label(four, "dual_bilateralism") == "no 4-party deal"
    assert outcome_words(four, "dual_bilateralism") == "no 4-party deal"


def test_the_log_of_a_two_party_game_never_says_trilateral() -> None:
    """The engine's own lines (a deal in force, the deadline passed) count the parties."""
    smart = find_scenario("smart-border-2001").scenario
    state = play_computer_game(smart, 1)
    assert state.trilateral is not None
    texts = [entry.text for entry in state.log]
    assert "A bilateral agreement is in force; the negotiation ends." in texts
    assert not any("trilateral" in t.lower() for t in texts)


def test_what_if_and_the_class_roll_up_never_call_a_two_party_game_dual() -> None:
    """Without a deal, "dual-bilateralism" names the region's two bilateral tracks with
    Washington [Fragmented Region]: a game of two parties that ends without a deal is "no
    agreement" in the what-if paragraph and in the class roll-up too, and its deal is
    bilateral."""
    spp = find_scenario("spp-2005").scenario
    merida = find_scenario("merida-2007")
    assert outcome_words(spp, "dual_bilateralism") == "dual-bilateralism (no trilateral deal)"
    assert outcome_words(merida.scenario, "dual_bilateralism") == "no agreement"
    game = Game.new(merida, 3, ["MX"])
    while not game.finished:
        game.play(Pass(party="MX"))
    paragraph = what_if(game.state, "domestic_opposition", 4, 1).paragraph
    rolled = to_markdown(cohort([Played("mx.yaml", game.state)], simulated(merida.scenario, 3, 1)))
    for text in (paragraph, rolled):
        assert "dual" not in text.lower() and "trilateral" not in text.lower()
    assert "a bilateral deal signed" in rolled


def test_a_deal_among_eight_reads_an_8_party_deal() -> None:
    """A teacher's audit: an 8-party game's end screen read "a 8-party security arrangement".
    The article follows the sound of the number: "an 8-party", "an 11-party", "a 4-party"."""
    from game.bench import generated_scenario
    from game.core.engine.wording import a_deal_kind

    eight = generated_scenario(issues=3, options=2, parties=8)
    assert outcome_text(eight, "security_arrangement").startswith("an 8-party security")
    assert outcome_text(eight, "prosperity_only").endswith(
        "an 8-party deal that leaves security practically out"
    )
    assert a_deal_kind(generated_scenario(issues=3, options=2, parties=4)) == "a 4-party"
    assert a_deal_kind(generated_scenario(issues=3, options=2, parties=3)) == "a trilateral"


def _engine(minimum: int = 2, security: tuple[str, ...] = ("security", "intelligence")) -> Scenario:
    """tests/data/good/engine.yaml, with `minimum` security issues asked of a security
    arrangement and only the `security` issues on the security pillar."""
    from tests.conftest import DATA

    data = load_scenario(DATA / "good" / "engine.yaml").model_dump()
    data["outcomes"]["security_arrangement_min"] = minimum
    for issue in data["issues"]:
        issue["pillar"] = "security" if issue["id"] in security else "prosperity"
    return Scenario.model_validate(data)


def test_a_partnership_that_moves_some_security_says_how_much_against_the_rule() -> None:
    """AUTHORING.md, How the negotiation runs: a package "that moves at least
    `outcomes.security_arrangement_min` security issues off the status quo is a trilateral
    security arrangement"; "with fewer it is a prosperity-only partnership". A deal that moves
    one security issue is not one that "leaves security practically out" (a teacher's audit:
    an agenda of one security issue, and a deal that moved it): the sentence says how many it
    moves against how many the scenario asks, and when the agenda has fewer."""
    s = _engine()
    assert outcome_text(s, "prosperity_only", (1, 0, 0)) == (
        "a prosperity-only partnership: a trilateral deal that moves 1 security issue, fewer "
        "than the 2 the scenario asks of a security arrangement"
    )
    one = _engine(security=("security",))
    assert outcome_text(one, "prosperity_only", (1, 2, 0)) == (
        "a prosperity-only partnership: a trilateral deal that moves 1 security issue, fewer "
        "than the 2 the scenario asks of a security arrangement (its agenda has only 1)"
    )
    # A deal that moves none, or no deal named: the sentence as before.
    before = "a prosperity-only partnership: a trilateral deal that leaves security practically out"
    assert outcome_text(s, "prosperity_only", (0, 0, 1)) == before
    assert outcome_text(s, "prosperity_only") == before
    # spp-2005 words no outcome of its own here: its deals say what they move too.
    spp = find_scenario("spp-2005").scenario
    one_issue = _moving_one_security_issue(spp)
    assert outcome_text(spp, "prosperity_only", one_issue) == (
        "a prosperity-only partnership: a trilateral deal that moves 1 security issue, fewer "
        "than the 2 the scenario asks of a security arrangement"
    )
    # A scenario's own sentence is its author's, whatever the deal.
    revive = find_scenario("revive-spp").scenario
    own = outcome_text(revive, "prosperity_only")
    assert outcome_text(revive, "prosperity_only", _moving_one_security_issue(revive)) == own


def _moving_one_security_issue(s: Scenario) -> tuple[int, ...]:
    """The status quo with the first security issue moved to its next option."""
    from game.core.scenario.index import index

    package = list(index(s).status_quo)
    first = next(i for i, issue in enumerate(s.issues) if issue.pillar == "security")
    package[first] = (package[first] + 1) % len(s.issues[first].options)
    return tuple(package)


def test_the_end_screen_and_the_debrief_say_what_the_partnership_signed_moves() -> None:
    """The end screen's title and the debrief's outcome name the deal signed by what it
    moves."""
    from game.core.analysis.class_report import class_report
    from game.core.analysis.debrief import debrief
    from game.core.analysis.report_markdown import to_markdown
    from game.core.engine.mechanism import start, step
    from game.core.engine.moves import Accept, Propose
    from game.ui.render.outcome import outcome_title
    from tests.conftest import HUMANS

    s = _engine(security=("security",))
    state = start(s, 1, HUMANS)
    for move in (
        Propose(party="AA", package=(1, 0, 0), scope=("AA", "BB", "CC")),
        Accept(party="BB"),
        Accept(party="CC"),
    ):
        state = step(state, move)
    moved = "a trilateral deal that moves 1 security issue, fewer than the 2"
    assert moved in outcome_title(s, debrief(state))
    assert f"**Outcome:** a prosperity-only partnership: {moved}" in to_markdown(
        class_report(state)
    )


def test_the_log_words_a_lapse_without_quoting_the_spps_history() -> None:
    """The game's own wording "names no history": the engine logs a lapse in any scenario,
    so it may not quote the chapter's words for the SPP ("no longer an active initiative"
    [Policies D) Trilateral]), which spp-2005's own outcome sentence gives (a fidelity audit: a
    teacher's scenario of another partnership would have quoted them too)."""
    state = Game.new(find_scenario("spp-2005"), 2, [], difficulty="normal").state
    lapse = next(e for e in state.log if e.kind == "lapsed")
    assert lapse.text == "Mexico loses interest, and the partnership lapses."
    assert "no longer an active initiative" in outcome_text(state.scenario, "lapsed")
