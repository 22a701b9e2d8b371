"""The zone of agreement round by round, as the scenario's events alone would leave it.

No one moves: each round opens, its events fire, and the trilateral packages that every party
would accept and support at home are counted. What narrows the zone here is history (leader
changes, a crisis, bilateral instruments, a visa); what widens it in a game is the players'
trust-building and consultation at home.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.engine.conditions import Conditions
from game.core.engine.mechanism import start
from game.core.engine.state import evolve
from game.core.engine.timeline import open_round
from game.core.engine.zone import zone
from game.core.scenario.model import Scenario


@dataclass(frozen=True)
class ZoneRound:
    """The zone of agreement as one round opens."""

    round: int
    """Counted from 1, as players see rounds."""
    date: str
    packages: int
    exact: bool
    """False when the count stopped at the search's budget (it is then a lower bound)."""
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
    scenario: Scenario, seed: int, disabled_causes: frozenset[str] = frozenset()
) -> tuple[ZoneRound, ...]:
    """The zone of agreement at each round, with the events that moved it (chance events are
    drawn from the seed, as in a game)."""
    state = start(scenario, seed, disabled_causes=disabled_causes)
    by_text = {f"{e.title}: {e.text}": e for e in scenario.events}
    rows: list[ZoneRound] = []
    seen = 0
    while True:
        found = zone(scenario, state.conditions)
        # The events logged as this round opened (one that lost its chance draw left no entry).
        happened = [
            by_text[e.text] for e in state.log[seen:] if e.kind == "event" and e.text in by_text
        ]
        seen = len(state.log)
        rows.append(
            ZoneRound(
                state.round + 1,
                state.date,
                found.count,
                found.exact,
                tuple(e.title for e in happened),
                tuple(e.cause or "" for e in happened),
            )
        )
        if state.round + 1 >= len(scenario.rounds):
            return tuple(rows)
        state = open_round(evolve(state, round=state.round + 1, turn=0, acted=frozenset()))
