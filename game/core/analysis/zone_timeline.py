"""The zone of agreement round by round, as the scenario's events alone would leave it.

No one moves: each round opens, its events fire, and the trilateral packages that every party
would accept and support at home are counted. What narrows the zone here is history (leader
changes, a crisis, bilateral instruments, a visa); what widens it in a game is the players'
trust-building and consultation at home.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.core.engine.conditions import Conditions
from game.core.engine.mechanism import start
from game.core.engine.state import State, evolve
from game.core.engine.timeline import open_round
from game.core.engine.zone import BUDGET, Zone, zone
from game.core.scenario.model import Scenario
from game.core.scenario.timeline import Event


@dataclass(frozen=True)
class ZoneRound:
    """The zone of agreement as one round opens."""

    round: int
    """Counted from 1, as players see rounds."""
    date: str
    packages: int
    exact: bool
    """False when the count stopped at the search's budget (it is then a lower bound), or was
    not made (0: at least none)."""
    events: tuple[str, ...]
    """Titles of the events that fired as the round opened."""
    causes: tuple[str, ...]
    """Their causes (the labels `--without` switches off), in the same order; "" for none."""

    def as_json(self) -> dict[str, object]:
        """The JSON `simulate --json` reports for the round."""
        return {
            "round": self.round,
            "date": self.date,
            "packages": self.packages,
            "exact": self.exact,
            "events": list(self.events),
        }


def round_conditions(
    scenario: Scenario, seed: int, disabled_causes: frozenset[str] = frozenset()
) -> tuple[Conditions, ...]:
    """The conditions as each round opens when no one moves: what the events alone make of the
    world (chance events drawn from the seed, as in a game)."""
    state = start(scenario, seed, disabled_causes=disabled_causes)
    found = [state.conditions]
    while state.round + 1 < len(scenario.rounds):
        state = open_round(evolve(state, round=state.round + 1, turn=0, acted=frozenset()))
        found.append(state.conditions)
    return tuple(found)


def zone_timeline(
    scenario: Scenario,
    seed: int,
    disabled_causes: frozenset[str] = frozenset(),
    budget: int | None = None,
    enough: int | None = None,
) -> tuple[ZoneRound, ...]:
    """The zone of agreement at each round, with the events that moved it (chance events are
    drawn from the seed, as in a game). With a `budget`, the counts take that much work at most
    in all (see `counted`), each stopping once it finds `enough` packages: a round left
    uncounted reads 0 packages, not exact (at least none)."""
    state = start(scenario, seed, disabled_causes=disabled_causes)
    by_text = {f"{e.title}: {e.text}": e for e in scenario.events}
    opened: list[tuple[State, list[Event]]] = []
    seen = 0
    while True:
        # The events logged as this round opened (one that lost its chance draw left no entry).
        happened = [
            by_text[e.text] for e in state.log[seen:] if e.kind == "event" and e.text in by_text
        ]
        seen = len(state.log)
        opened.append((state, happened))
        if state.round + 1 >= len(scenario.rounds):
            break
        state = open_round(evolve(state, round=state.round + 1, turn=0, acted=frozenset()))
    rounds = [state.conditions for state, _ in opened]
    if budget is None:
        zones: tuple[Zone | None, ...] = tuple(zone(scenario, c) for c in rounds)
    else:
        zones = counted(scenario, rounds, budget, enough)[0]
    return tuple(
        ZoneRound(
            state.round + 1,
            state.date,
            found.count if found else 0,
            found.exact if found else False,
            tuple(e.title for e in happened),
            tuple(e.cause or "" for e in happened),
        )
        for (state, happened), found in zip(opened, zones, strict=True)
    )


TABLES = 16
"""What setting up a count's tables (a scenario's scores under its conditions) weighs in a
budget of packages examined, per party and option: on 8 parties x 240 options it takes as long
as examining some 25,000 packages, on spp-2005 (3 x 38) some 1,300."""


def counted(
    scenario: Scenario, rounds: Sequence[Conditions], budget: int, enough: int | None = None
) -> tuple[tuple[Zone | None, ...], int]:
    """The zone under each of these conditions, counted within `budget` in all, and the work
    it took: packages examined, and TABLES per party and option for each count's tables. A count
    that stops short of finishing (or of `enough` packages) ends the counting: the conditions
    left read None, as do those left when the budget is spent. Conditions that come back are
    counted once; a count the cache held costs its work again (the budget is spent sooner)."""
    tables = TABLES * len(scenario.parties) * sum(len(i.options) for i in scenario.issues)
    zones: dict[Conditions, Zone] = {}
    spent = 0
    for conditions in rounds:
        if conditions in zones:
            continue
        spent += tables
        if spent >= budget:
            break
        found = zone(scenario, conditions, min(BUDGET, budget - spent), enough)
        spent += found.visited
        zones[conditions] = found
        if not found.exact and (enough is None or found.count < enough):
            break
    return tuple(zones.get(c) for c in rounds), spent


def zone_counts(scenario: Scenario, seed: int, budget: int) -> tuple[tuple[int, ...] | None, int]:
    """The zone's count as each round opens (the packages of `zone_timeline`), counted exactly
    within `budget` (see `counted`), and the work it took; None for the counts when they would
    take more (the zone is too large to count, or the budget too small)."""
    zones, spent = counted(scenario, round_conditions(scenario, seed), budget)
    if any(z is None or not z.exact for z in zones):
        return None, spent
    return tuple(z.count for z in zones if z is not None), spent
