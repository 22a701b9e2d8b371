"""A two-party game read as a reader sees it: the end screen and `simulate` count the parties
("bilateral", "both countries", "no agreement") and never speak of a trilateral deal."""

from __future__ import annotations

from pathlib import Path

from game.cli_simulate import render_explanation, render_summary
from game.core.analysis.debrief import debrief
from game.core.analysis.outcomes import outcome_text
from game.core.analysis.simulation import play_computer_game, simulate
from game.core.engine.state import State
from game.core.scenario.loader import find_scenario
from game.ui.render import outcome
from game.ui.screens.end import EndScreen
from game.ui.screens.table import TableScreen


def end_screen_text(state: State, party: str) -> str:
    """What the end screen says of a finished game, as plain text."""
    s = state.scenario
    report = debrief(state)
    parts = [
        outcome.verdict(s, report, party).plain,
        outcome.outcome_title(s, report),
        outcome.package(s, report, party).plain,
    ]
    why = outcome.why(s, report, party)
    if why is not None:
        parts.append(why.plain)
    # The chapter's section pointer is a name, not a claim about the game.
    return "\n".join(parts).replace("Policies D) Trilateral", "a section")


def test_a_signed_two_party_deal_is_bilateral_and_backed_in_both_countries() -> None:
    smart = find_scenario("smart-border-2001").scenario
    state = play_computer_game(smart, 1)
    text = end_screen_text(state, "CA")
    assert "the bilateral package" in text and "backed at home in both countries" in text
    assert outcome_text(smart, "security_arrangement") in text
    assert "trilateral" not in text.lower() and "all three" not in text


def test_a_failed_two_party_deal_has_no_trilateral_in_it() -> None:
    """merida-2007, seed 4: Washington rejects Mexico's last package."""
    merida = find_scenario("merida-2007").scenario
    state = play_computer_game(merida, 4)
    text = end_screen_text(state, "MX")
    assert "With no bilateral deal" in text and "The last bilateral package" in text
    assert "Why there is no deal" in text
    assert "trilateral" not in text.lower() and "dual-bilateralism" not in text


def test_simulate_counts_the_parties_of_a_two_party_scenario() -> None:
    merida = find_scenario("merida-2007").scenario
    summary = simulate(merida, 5, 1)
    text = render_summary(merida, summary) + render_explanation(merida, summary)
    assert "no agreement" in text and "dual bilateralism" not in text
    assert "Zone of agreement: bilateral packages that both countries would accept" in text
    # With two parties every deal binds both: there is no side deal to bank.
    assert "Bilateral deals banked" not in text
    assert "trilateral" not in text.lower()


def test_simulate_still_words_spp_2005_as_before() -> None:
    spp = find_scenario("spp-2005").scenario
    summary = simulate(spp, 2, 1)
    text = render_summary(spp, summary) + render_explanation(spp, summary)
    assert "  dual bilateralism   " in text
    assert "Zone of agreement: trilateral packages that all three countries would accept" in text
    assert "Trilateral agreements that lapsed: " in text and "Bilateral deals banked: " in text


def test_the_table_and_end_help_fit_a_table_of_two() -> None:
    """The help of the table and of the end screen holds for any table: no "all three", and
    "dual-bilateralism" only for a table of three (a two-party game ends in "no agreement")."""
    for help_text in (TableScreen.HELP, EndScreen.HELP):
        assert "all three" not in help_text and "trilateral" not in help_text
    assert "**no agreement** at a table of two" in EndScreen.HELP


async def test_the_new_game_line_speaks_of_one_partner_and_of_no_computer_players(
    tmp_path: Path,
) -> None:
    """A student's play-test of merida-2007: the New game line read "difficulty normal:
    partners hold out, some longer than others" with one partner at the table, and a hot seat
    of both countries, with no computer player for a difficulty to change, still said
    "Difficulty normal."."""
    from textual.widgets import RadioButton, SelectionList

    from game.ui.app import make_app
    from game.ui.screens.new_game import NewGameScreen
    from tests.ui.conftest import widget_text

    app = make_app(scenario=find_scenario("merida-2007"), saves_dir=tmp_path, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewGameScreen)

        def chosen() -> str:
            return " ".join(widget_text(app, "#chosen").split())

        for n, level in enumerate(("easy", "normal", "hard")):
            screen.query_one("#difficulty").query(RadioButton)[n].value = True
            await pilot.pause()
            line = chosen()
            assert f"difficulty {level}: your partner " in line, line
            assert "partners" not in line, line
        screen.query_one("#country", SelectionList).select_all()  # a hot seat of both
        await pilot.pause()
        line = chosen()
        assert line.startswith("Hot seat: United States and Mexico take turns"), line
        assert "no computer players" in line and "Difficulty" not in line, line


def test_an_option_binding_both_countries_says_both() -> None:
    """A student's play-test of merida-2007: the table read "Assistance 2/4 · binds all" just
    above "Your draft binds: both". An option binding every country says so in the draft's
    words: "both" at a table of two, "all three" at a table of three."""
    from game.ui.render.agenda import option_detail

    for scenario_id, everyone in (("merida-2007", "both"), ("spp-2005", "all three")):
        s = find_scenario(scenario_id).scenario
        cursor = next(n for n, issue in enumerate(s.issues) if not issue.options[0].binds)
        draft = (0,) * len(s.issues)
        text = option_detail(s, draft, cursor, s.party_ids, 42).plain
        assert f"· binds {everyone}\n" in text and "binds all\n" not in text, text
        assert f"Your draft binds: {everyone}" in text
