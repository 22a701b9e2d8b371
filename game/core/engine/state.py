"""A game at one moment: the offer on the table, agreements, pending effects, the log, the moves."""

from __future__ import annotations

import functools
import hashlib
import json
import random
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

from game.core.engine.conditions import Conditions
from game.core.engine.difficulty import Difficulty as Difficulty
from game.core.engine.moves import Move, dump_move
from game.core.engine.scoring import Scorer, scorer
from game.core.scenario.actions import ActionEffect
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package

Seat = Literal["human", "computer"]
"""Who plays a party."""


@dataclass(frozen=True)
class Offer:
    """The package on the table, the parties it would bind, and who has accepted it so far."""

    proposer: str
    package: Package
    scope: tuple[str, ...]
    accepted: tuple[str, ...]

    @property
    def awaited(self) -> list[str]:
        """The parties in its scope still to answer it, in scope order."""
        return [p for p in self.scope if p not in self.accepted]


@dataclass(frozen=True)
class Agreement:
    """An offer ratified at home by every party in its scope."""

    package: Package
    scope: tuple[str, ...]
    round: int


@dataclass(frozen=True)
class Pending:
    """An action effect that lands in a later round (e.g. the trust cost of a unilateral act)."""

    due: int
    actor: str
    partner: str | None
    effect: ActionEffect
    action: str

    @property
    def taken(self) -> int:
        """The round the act was taken in."""
        return self.due - self.effect.after_rounds


LogKind = Literal[
    "propose",
    "accept",
    "reject",
    "counter",
    "action",
    "pass",
    "event",
    "ratified",
    "blocked",
    "lapsed",
    "round",
    "end",
]


@dataclass(frozen=True)
class LogEntry:
    """One line of the negotiation's record."""

    round: int
    kind: LogKind
    party: str | None
    text: str
    reasons: tuple[str, ...] = ()
    source: str = ""
    revealed: tuple[Revealed, ...] = ()
    """What the line's reasons tell everyone of a party's numbers, as data (a refusal that
    says "it is worth 79, and it needs 85" reveals both)."""
    parties: tuple[str, ...] = ()
    """Every party the line is about when it may be several (the countries whose groups at
    home sank a package together), `party` first; empty for a line about one party."""


@dataclass(frozen=True)
class Revealed:
    """A party's value of a package and what it needed, as a refusal stated them publicly."""

    party: str
    package: Package
    worth: float
    needs: float


@dataclass(frozen=True)
class State:
    """A whole game at one moment; never changed in place: `step` returns a new one."""

    scenario: Scenario = field(compare=False, repr=False)
    seed: int
    seats: tuple[tuple[str, Seat], ...]
    round: int
    turn: int
    conditions: Conditions
    offer: Offer | None = None
    """The offer on the table, if any."""
    acted: frozenset[str] = frozenset()
    """The parties that have taken their diplomatic action this round."""
    fired: frozenset[str] = frozenset()
    """The events already due (fired, or passed over by chance)."""
    pending: tuple[Pending, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    snapshots: tuple[Conditions, ...] = ()
    """The conditions as each round opened, in order."""
    offered: tuple[Package | None, ...] = ()
    """The package on the table as each round opened (None: nothing on the table)."""
    log: tuple[LogEntry, ...] = ()
    finished: bool = False
    disabled_causes: frozenset[str] = frozenset()
    difficulty: Difficulty = "normal"
    moves: tuple[Move, ...] = ()
    """Every move made so far, in order: replaying them from the start gives this state."""
    lapsed: int | None = None
    """The round in which the trilateral agreement lapsed (when the scenario's agreements must
    hold until the deadline), or None."""
    acts: tuple[tuple[int, str, str, str | None], ...] = ()
    """Every diplomatic action taken: round, party, action id, target."""

    @property
    def order(self) -> tuple[str, ...]:
        """Parties in turn order this round, the chair first."""
        return turn_order(self.scenario.party_ids, self.round)

    @property
    def chair(self) -> str:
        """The party chairing this round."""
        return self.order[0]

    @property
    def to_move(self) -> str | None:
        """The party whose turn it is (None once the game is over)."""
        if self.finished:
            return None
        # order[turn], without building the order: asked for several times a move.
        ids = self.scenario.party_ids
        n = len(ids)
        if not -n <= self.turn < n:
            raise IndexError("turn out of range")
        return ids[(self.round % n + self.turn) % n]

    @property
    def date(self) -> str:
        """The date of the current round."""
        rounds = self.scenario.rounds
        return rounds[min(self.round, len(rounds) - 1)].date.isoformat()

    @functools.cached_property
    def scorer(self) -> Scorer:
        """Scores under the current conditions (kept on the state: a computer move asks for
        them hundreds of times, and looking them up by conditions each time cost a tenth of a
        game; `evolve` drops them when the conditions change, so a state evolved with other
        conditions looks them up again)."""
        return scorer(self.scenario, self.conditions)

    @property
    def trilateral(self) -> Agreement | None:
        """The ratified agreement binding every party, if any."""
        everyone = set(self.scenario.party_ids)
        return next((a for a in self.agreements if set(a.scope) == everyone), None)

    def seat(self, party: str) -> Seat:
        """Who plays a party."""
        return dict(self.seats)[party]

    def record(self) -> dict[str, Any]:
        """Everything that decides the game, as plain data (not the wording of its log)."""
        return {
            "scenario": self.scenario.id,
            "seed": self.seed,
            "seats": [list(s) for s in self.seats],
            "round": self.round,
            "turn": self.turn,
            "conditions": asdict(self.conditions),
            "offer": asdict(self.offer) if self.offer else None,
            "acted": sorted(self.acted),
            "fired": sorted(self.fired),
            "pending": [
                {**asdict(p), "effect": p.effect.model_dump(mode="json")} for p in self.pending
            ],
            "agreements": [asdict(a) for a in self.agreements],
            "snapshots": [asdict(c) for c in self.snapshots],
            "offered": [list(p) if p is not None else None for p in self.offered],
            "finished": self.finished,
            "disabled_causes": sorted(self.disabled_causes),
            "difficulty": self.difficulty,
            "moves": [dump_move(m) for m in self.moves],
            "lapsed": self.lapsed,
        }

    def digest(self) -> str:
        """sha256 of the state's record as canonical JSON (for save files and determinism checks).

        Improving a log message or renaming a class does not change it; a different game does.
        """
        text = json.dumps(self.record(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()


_STATE_FIELDS = frozenset(f.name for f in fields(State))


def turn_order(ids: tuple[str, ...], round_index: int) -> tuple[str, ...]:
    """The parties in turn order in a round (0-based): the chair first, the chair's seat
    moving one place round the table each round."""
    k = round_index % len(ids)
    return ids[k:] + ids[:k]


def evolve(state: State, **changes: Any) -> State:
    """The state with these fields changed: `dataclasses.replace` for states, five times
    quicker (it copies the fields instead of running the constructor; a game takes hundreds)."""
    unknown = changes.keys() - _STATE_FIELDS
    if unknown:
        raise TypeError(f"State has no field {', '.join(sorted(unknown))}")
    new = object.__new__(State)
    new.__dict__.update(state.__dict__)
    new.__dict__.update(changes)
    if "conditions" in changes or "scenario" in changes:
        # The scores kept by `State.scorer` were for the old conditions.
        new.__dict__.pop("scorer", None)
    return new


def rng(seed: int, *parts: object) -> random.Random:
    """A random stream fixed by the seed and a label (string seeding is stable across runs)."""
    return random.Random("|".join([str(seed), *map(str, parts)]))
