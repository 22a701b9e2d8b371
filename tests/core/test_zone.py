"""The zone of agreement is counted exactly, and the best package in it is the true best."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

import game.core.engine.zone as zone_module
from game.bench import generated_scenario
from game.core.engine.conditions import Conditions
from game.core.engine.scoring import EPSILON, scorer
from game.core.engine.zone import best_in_zone, zone
from game.core.scenario.index import index
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package


def _in_zone(s: Scenario, c: Conditions, package: Package, margins: dict[str, float]) -> bool:
    scores = scorer(s, c)
    for p in s.party_ids:
        view = scores.parties[p]
        if any(view.red[i][k] for i, k in enumerate(package)):
            return False
        if view.total(package) < view.requirement.total + margins.get(p, 0.0) - EPSILON:
            return False
        if view.support(package) < view.threshold - EPSILON:
            return False
    return True


def _all_packages(s: Scenario) -> list[Package]:
    return list(itertools.product(*(range(len(i.options)) for i in s.issues)))


def _conditions(s: Scenario) -> list[Conditions]:
    """The start, and harder worlds: groups at home less approving, alternatives better, until
    nothing is left in the zone."""
    start = Conditions.initial(s)
    return [start] + [
        replace(
            start,
            approval=tuple(a - lower for a in start.approval),
            bilateral=tuple(b + raise_ for b in start.bilateral),
        )
        for lower, raise_ in ((10, 3), (15, 8), (25, 15))
    ]


@pytest.fixture(scope="module")
def small() -> Scenario:
    """A generated agenda small enough to check every package: 6 issues x 4 options."""
    return generated_scenario(issues=6, options=4, parties=3, seed=4)


def test_the_zone_counts_exactly_the_packages_every_party_accepts_and_supports(
    small: Scenario,
) -> None:
    """The zone of agreement: packages that cross no red line, that every party values at
    least at what it needs, and that every government's groups at home would support (the
    status quo aside: no one can table it)."""
    status_quo = index(small).status_quo  # no one can table it (see the next test)
    for c in _conditions(small):
        expected = [
            p for p in _all_packages(small) if p != status_quo and _in_zone(small, c, p, {})
        ]
        found = zone(small, c)
        assert found.exact
        assert found.count == len(expected)
        assert set(found.packages) <= set(expected)
        # The examples are the search's first KEEP, the status quo taken out if among them.
        kept = min(len(expected), zone_module.KEEP)
        assert kept - 1 <= len(found.packages) <= kept


def test_the_zone_leaves_out_the_status_quo_which_no_one_can_table() -> None:
    """The game refuses to table a package that changes nothing, so the status quo is no deal
    to be found: in the two-party starting scenario `new` writes (no attention premium, so the
    status quo is worth exactly what each party needs), the zone read 2 where one package could
    be signed, and `analyze` reported a number "moving the zone" from 2 to 1."""
    import yaml

    from game.cli_new import TEMPLATE

    data = yaml.safe_load(TEMPLATE.format(id="starting", title="Starting"))
    s = Scenario.model_validate(data)
    c = Conditions.initial(s)
    status_quo = index(s).status_quo
    assert _in_zone(s, c, status_quo, {})
    expected = [p for p in _all_packages(s) if p != status_quo and _in_zone(s, c, p, {})]
    found = zone(s, c)
    assert found.count == len(expected) == 1
    assert status_quo not in found.packages


def test_the_zone_of_the_spp_at_its_start_holds_the_packages_it_names(spp: Scenario) -> None:
    """Each package the zone keeps as an example is one that all three accept and support."""
    c = Conditions.initial(spp)
    found = zone(spp, c)
    assert found.count >= len(found.packages) > 0
    assert all(_in_zone(spp, c, p, {}) for p in found.packages)


@pytest.mark.parametrize("margin", [0.0, 4.0])
def test_the_best_package_in_the_zone_is_the_partys_favourite_there(
    small: Scenario, margin: float
) -> None:
    """A proposer in the closing rounds looks for the package worth most to it that the others
    would accept (with a safety margin for distrust) and that ratifies everywhere."""
    for c in _conditions(small):
        for party in small.party_ids:
            margins = {q: margin for q in small.party_ids if q != party}
            pool = [p for p in _all_packages(small) if _in_zone(small, c, p, margins)]
            found = best_in_zone(small, c, party, margins)
            if not pool:
                assert found is None
                continue
            assert found is not None and found in pool
            best = max(scorer(small, c).total(party, p) for p in pool)
            assert scorer(small, c).total(party, found) == pytest.approx(best)


def test_the_best_package_respects_the_floor_the_party_sets(small: Scenario) -> None:
    """A negotiator holding out for its aspiration asks for nothing below it."""
    c = Conditions.initial(small)
    party = small.party_ids[0]
    best = best_in_zone(small, c, party)
    assert best is not None
    top = scorer(small, c).total(party, best)
    assert best_in_zone(small, c, party, floor=top + 0.5) is None
    assert best_in_zone(small, c, party, floor=top - 0.5) == best


def test_a_search_stopped_by_its_budget_says_its_count_is_a_lower_bound(
    small: Scenario,
) -> None:
    """A generated agenda can hold more packages than could ever be counted: the search stops
    at its budget and says so instead of taking minutes."""
    c = replace(
        Conditions.initial(small),
        bilateral=tuple(b - 1 for b in Conditions.initial(small).bilateral),
    )
    full = zone(small, c)
    partial = zone_module._search(small, c).count(budget=50)
    assert not partial.exact
    assert partial.count <= full.count
