"""`analyze` (issue 13, point 5): "the zone of agreement per round, which constraints bind whom,
the sensitivity of the outcome to each party's key numbers — so an author can tune in minutes,
not hours"."""

from __future__ import annotations

import pytest

from game.bench import generated_scenario
from game.core.analysis.sensitivity import analyze, render
from game.core.analysis.simulation import simulate
from game.core.analysis.teaching_checks import knobs, moved
from game.core.analysis.zone_timeline import zone_timeline
from game.core.scenario.model import Scenario
from tests.conftest import minimal_with_a_deal
from tests.core.test_teaching_checks import searches

MINIMAL = minimal_with_a_deal()
"""A zone of one package, which a point less of AA's attention closes."""


def test_games_are_played_only_where_a_number_moves_the_zone() -> None:
    """Every number is tried on the zone (exact, quick); computer games only where the zone
    moved, so the slow measure is spent where it can differ."""
    played: list[Scenario] = []

    def rates(found: list[Scenario]) -> list[float]:
        played.extend(found)
        return [0.5 if s is MINIMAL else 0.25 for s in found]

    a = analyze(MINIMAL, runs=4, seed=1, rates=rates)
    base = tuple(r.packages for r in zone_timeline(MINIMAL, 1))
    assert played[0] is MINIMAL and a.agreement == 0.5
    assert [r.packages for r in a.zone] == list(base)
    for sens in a.sensitivity:
        for n in sens.nudges:
            assert (n.agreement is not None) <= (n.zone != base)
    assert len(played) == 1 + sum(n.agreement is not None for s in a.sensitivity for n in s.nudges)
    # A point less attention closes the minimal scenario's zone: that number leads the list.
    assert a.sensitivity[0].moves_zone
    assert {s.label for s in a.sensitivity} == {k.label for k in knobs(MINIMAL)}


def test_the_rates_shown_are_those_of_computer_games_of_the_moved_scenario() -> None:
    """With real games (a few), each rate shown is `simulate`'s for the scenario with that one
    number moved."""
    a = analyze(MINIMAL, runs=3, seed=2)
    assert a.agreement == simulate(MINIMAL, 3, 2).agreement_rate
    knob = next(k for k in knobs(MINIMAL) if k.label == "AA attention")
    sens = next(s for s in a.sensitivity if s.label == "AA attention")
    for n in sens.nudges:
        if n.agreement is not None:
            other = moved(MINIMAL, knob, n.by)
            assert other is not None
            assert n.agreement == simulate(other, 3, 2).agreement_rate
    text = render(a)
    for heading in ("## Zone of agreement", "## What binds each party", "## Sensitivity"):
        assert heading in text
    assert "AA attention (now 100" in text


def test_a_sensitivity_line_shows_the_zone_as_written_beside_the_moved_ones() -> None:
    """A line is listed because moving the number moves the zone; it says from what to what
    (the scenario's zone of 1 at the start falls to 0 with a point less attention; the line
    once read "zone at the start 1 to 1" and looked like no move at all). Each moved value gets
    its own zone: a teacher read "7 as written, 5 to 5 moved" for a number with one value to
    move to (attention 100 goes only down), and "5 to 7" without knowing which was which."""
    a = analyze(MINIMAL, runs=1, seed=1, rates=lambda found: [1.0 for _ in found])
    first = a.zone[0].packages
    line = next(x for x in render(a).splitlines() if x.startswith("- AA attention"))
    sens = next(s for s in a.sensitivity if s.label == "AA attention")
    assert any(n.zone[0] != first for n in sens.nudges)
    moved = "; ".join(f"{sens.value + n.by:g} → {n.zone[0]:,}" for n in sens.nudges)
    assert line.endswith(f"(zone at the start: {first:,} as written; {moved})")


def test_where_no_number_moves_the_zone_the_section_says_only_that() -> None:
    """The starting scenario `new` writes has one package in its zone that no number moves
    within 5 points: the section said "numbers that move it most first:" over an empty list."""
    import yaml

    from game.cli_new import TEMPLATE

    s = Scenario.model_validate(yaml.safe_load(TEMPLATE.format(id="starting", title="Start")))
    a = analyze(s, runs=1, seed=1, rates=lambda found: [1.0 for _ in found])
    assert not any(sens.moves_zone for sens in a.sensitivity)
    section = render(a).split("## Sensitivity", 1)[1]
    assert "most first" not in section
    assert section.splitlines()[2].startswith("No change to the zone within 5 points: ")


def test_on_an_agenda_too_large_to_count_no_number_is_moved_and_the_section_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A teacher's audit: `analyze` on 8 parties x 30 issues x 8 options was killed after
    120 s, counting the zone again for every number moved 1 and 5 points either way, each
    count stopping at the search's budget (lower bounds, which it then compared). Where the
    zone as written cannot be counted, no number is moved (no zone search is made past the
    scenario's own), none is said to leave the zone unchanged, and the section says why."""
    s = generated_scenario(issues=10, options=4, parties=3)
    assert not all(r.exact for r in zone_timeline(s, 1))
    made = searches(monkeypatch)
    a = analyze(s, runs=1, seed=1, rates=lambda found: [0.5 for _ in found])
    assert made == []
    assert not any(sens.nudges or sens.tried for sens in a.sensitivity)
    section = render(a).split("## Sensitivity", 1)[1]
    assert "No change to the zone" not in section
    assert "Not tried: the zone of agreement as written cannot be counted" in section


def test_the_numbers_moved_share_a_budget_and_those_not_tried_are_named() -> None:
    """Past the budget of the zone counts, the numbers left are named as not tried, not listed
    as leaving the zone unchanged; those tried keep their lines."""
    whole = analyze(MINIMAL, runs=1, seed=1, rates=lambda found: [1.0 for _ in found])
    assert all(sens.tried for sens in whole.sensitivity)
    a = analyze(MINIMAL, runs=1, seed=1, rates=lambda found: [1.0 for _ in found], budget=3000)
    tried = [sens.label for sens in a.sensitivity if sens.tried]
    assert "AA attention" in tried and "AA-BB trust" not in tried
    text = render(a)
    assert "- AA attention (now 100" in text
    quiet = next(x for x in text.splitlines() if x.startswith("No change to the zone"))
    assert "AA-BB trust" not in quiet
    untried = next(x for x in text.splitlines() if x.startswith("Not tried at every step"))
    assert untried.endswith("AA-BB trust.")
