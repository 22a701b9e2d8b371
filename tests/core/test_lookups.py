"""The links from tags, stances and principles to agenda options follow scoring exactly."""

from __future__ import annotations

from game.core.engine.scoring import scorer
from game.core.scenario.index import index
from game.core.scenario.lookups import (
    Placed,
    group_reactions,
    options_binding,
    principle_options,
    stance_options,
    tagged_options,
)
from game.core.scenario.model import Scenario
from game.core.scenario.parties import Stance


def with_option(spp: Scenario, placed: Placed) -> tuple[int, ...]:
    """The status quo with one issue moved to the given option."""
    package = list(index(spp).status_quo)
    i = spp.issues.index(placed.issue)
    package[i] = placed.issue.options.index(placed.option)
    return tuple(package)


def test_group_reactions_are_the_approval_changes_scoring_applies(spp: Scenario) -> None:
    """Issue 8: "each stance of a group names the agenda options it hits": the options named
    for a group, with their summed change, are exactly those that move its approval."""
    table = scorer(spp)
    for group in spp.domestic_groups:
        named = {p.key: delta for p, delta in group_reactions(spp, group)}
        assert named, group.id
        for placed in options_binding(spp, group.party):
            vote = next(
                v
                for v in table.score(group.party, with_option(spp, placed)).votes
                if v.group == group.id
            )
            expected = max(0.0, min(100.0, vote.before + named.get(placed.key, 0.0)))
            assert vote.after == expected, (group.id, placed.key)


def test_principle_options_are_the_options_whose_score_shows_the_principle(
    spp: Scenario,
) -> None:
    """A principle names the options that trigger it: those its party's score penalises."""
    table = scorer(spp)
    for principle in spp.principles:
        named = {p.key for p in principle_options(spp, principle)}
        assert named, principle.id
        for placed in options_binding(spp, principle.party):
            labels = {
                t.label
                for t in table.score(principle.party, with_option(spp, placed)).breakdown
                if t.kind == "principle"
            }
            shown = any(label.startswith(f"Principle: {principle.name}") for label in labels)
            assert shown == (placed.key in named), (principle.id, placed.key)


def test_a_tag_reaches_only_the_options_that_bind_the_party(spp: Scenario) -> None:
    """ "Only the parties it binds gain from it, pay for it, or react to its tags"."""
    for_mexico = {p.key for p in tagged_options(spp, "bilateral_only", "MX")}
    assert "border.ibet_shiprider" not in for_mexico  # U.S.-Canada only
    assert "organized_crime.merida_bilateral" in for_mexico


def test_a_stance_on_one_option_reaches_it_only_when_it_binds_the_party(spp: Scenario) -> None:
    """A stance names one option, written ISSUE.OPTION; it counts only for a party it binds."""
    new_democrats = spp.group("ca_new_democrats")
    on_option = next(s for s in new_democrats.stances if s.option is not None)
    assert [p.key for p in stance_options(spp, on_option, "CA")] == [on_option.option]
    elsewhere = Stance(option="migration.migration_agreement", delta=-5, source="A) Ideas")
    assert stance_options(spp, elsewhere, "CA") == []
