"""Bounded caches of what is worked out again and again, most recently used kept: the engine's
tables and searches, shared by the games of a simulation and by a front end's worker thread."""

from __future__ import annotations

from typing import Generic, TypeVar

from game.core.scenario.model import Scenario

K = TypeVar("K")
V = TypeVar("V")


class Memo(Generic[K, V]):
    """Values by key (never None, which `get` means as "not kept"), at most `size` of them:
    the least recently used goes first.

    A plain dictionary, in the order of last use: a hit is popped and put back at the end
    (quicker than an OrderedDict's, and safe where `move_to_end` would raise on a key that a
    front end's worker thread, sharing the memo, had just dropped); an eviction that finds
    the memo changed meanwhile by that thread leaves it to the next.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        """The value kept for the key (now the most recently used), or None."""
        kept = self._kept
        found = kept.pop(key, None)
        if found is not None:
            kept[key] = found
        return found

    def put(self, key: K, value: V) -> V:
        """Keep the value for the key, dropping the least recently used beyond the size."""
        kept = self._kept
        kept[key] = value
        while len(kept) > self.size:
            try:
                del kept[next(iter(kept))]  # the least recently used
            except (KeyError, RuntimeError, StopIteration):  # changed by another thread
                break
        return value

    def __len__(self) -> int:
        return len(self._kept)


class ScenarioMemo(Memo[tuple[int, K], tuple[Scenario, V]]):
    """A `Memo` of values worked out from a scenario object (and a key): keyed by the object's
    identity, as hashing a whole model would be slow, and checked against the object itself
    on every hit, since an identity may be reused once its scenario is gone."""

    def find(self, scenario: Scenario, key: K) -> V | None:
        """The value kept for the scenario and key, or None (`Memo.get` written out: the
        engine asks hundreds of times a game)."""
        full = (id(scenario), key)
        kept = self._kept
        hit = kept.pop(full, None)
        if hit is None:
            return None
        kept[full] = hit
        return hit[1] if hit[0] is scenario else None

    def keep(self, scenario: Scenario, key: K, value: V) -> V:
        """Keep the value for the scenario and key."""
        self.put((id(scenario), key), (scenario, value))
        return value
