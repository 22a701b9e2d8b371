"""Bounded caches of what is worked out again and again, most recently used kept: the engine's
tables and searches, shared by the games of a simulation and by a front end's worker thread."""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

from game.core.scenario.model import Scenario

K = TypeVar("K")
V = TypeVar("V")


class Memo(Generic[K, V]):
    """Values by key (never None, which `get` means as "not kept"), at most `size` of them:
    the least recently used goes first.

    An OrderedDict in the order of last use (a plain dict would be quicker to reorder, but it
    finds its oldest key by skipping every key dropped before it, which at the size limit,
    where each new key drops one, made a game 10% slower). A front end's worker thread may
    share a memo with the screen's thread: a key it drops between the look-up and the move to
    the end is simply not kept, and an eviction that finds the memo emptied leaves it.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        """The value kept for the key (now the most recently used), or None."""
        kept = self._kept
        found = kept.get(key)
        if found is not None:
            try:  # noqa: SIM105 (a hot path: suppress() makes an object each call)
                kept.move_to_end(key)
            except KeyError:  # dropped meanwhile by another thread
                pass
        return found

    def put(self, key: K, value: V) -> V:
        """Keep the value for the key, dropping the least recently used beyond the size."""
        kept = self._kept
        kept[key] = value
        while len(kept) > self.size:
            try:
                kept.popitem(last=False)
            except KeyError:  # emptied meanwhile by another thread
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
        hit = kept.get(full)
        if hit is None:
            return None
        try:  # noqa: SIM105 (a hot path: suppress() makes an object each call)
            kept.move_to_end(full)
        except KeyError:  # dropped meanwhile by another thread
            pass
        return hit[1] if hit[0] is scenario else None

    def keep(self, scenario: Scenario, key: K, value: V) -> V:
        """Keep the value for the scenario and key."""
        self.put((id(scenario), key), (scenario, value))
        return value
