"""The engine's caches (`Memo`, `ScenarioMemo`): bounded, the least recently used dropped
first, and never a value worked out from another scenario object."""

from __future__ import annotations

from game.core.scenario.memo import Memo, ScenarioMemo
from game.core.scenario.model import Scenario
from tests.conftest import minimal_with_a_deal, spp_file


def scenarios() -> tuple[Scenario, Scenario]:
    return minimal_with_a_deal(), spp_file().scenario


def test_a_memo_keeps_at_most_its_size_dropping_the_least_recently_used() -> None:
    memo: Memo[str, int] = Memo(2)
    memo.put("a", 1)
    memo.put("b", 2)
    assert memo.get("a") == 1  # "a" is now the most recently used
    memo.put("c", 3)
    assert len(memo) == 2
    assert memo.get("b") is None
    assert (memo.get("a"), memo.get("c")) == (1, 3)


def test_a_scenario_memo_keeps_each_scenario_s_values_apart() -> None:
    one, other = scenarios()
    memo: ScenarioMemo[str, int] = ScenarioMemo(8)
    memo.keep(one, "k", 1)
    assert memo.find(one, "k") == 1
    assert memo.find(other, "k") is None
    memo.keep(other, "k", 2)
    assert (memo.find(one, "k"), memo.find(other, "k")) == (1, 2)


def test_a_scenario_memo_ignores_a_value_kept_for_a_scenario_gone_whose_identity_is_reused() -> (
    None
):
    """Kept by the scenario object's identity, which Python may give a new object once the old
    one is gone: a hit counts only if it was worked out from this very object."""
    gone, now = scenarios()
    memo: ScenarioMemo[str, int] = ScenarioMemo(8)
    memo.put((id(now), "k"), (gone, 1))  # what an entry of the gone object would look like
    assert memo.find(now, "k") is None
