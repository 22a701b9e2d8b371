"""The moves a party can make, as pydantic models: one vocabulary for the engine, saves and UI.

Every subclass of `Move` is registered by its `type` tag when it is defined, so the save format
(a discriminated union over the registered types) and the state digest know a new move type
without a second copy of it. What a move does is its rule, in `rules`.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from game.core.scenario.base import PartyId, Slug

OptionIndex = Annotated[int, Field(strict=True, ge=0)]
"""Position of an option in its issue's list of options (0 is the first)."""


class IllegalMove(ValueError):
    """A move the rules do not allow in this state; the message says why."""


class Move(BaseModel):
    """Something one party does on its turn. Subclasses set `type` to a Literal tag."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str
    """The kind of move, as the save file writes it."""

    party: PartyId
    """The party that makes the move."""

    ends_turn: ClassVar[bool] = True
    """Whether the turn passes to the next party after this move."""

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """Register the new move type under its tag (called once pydantic has built it)."""
        super().__pydantic_init_subclass__(**kwargs)
        tag = cls.model_fields["type"].default
        if not isinstance(tag, str):
            raise TypeError(f"{cls.__name__}.type needs a default: its Literal tag")
        known = _REGISTRY.get(tag)
        if known is not None and known.__qualname__ != cls.__qualname__:
            raise TypeError(f"move type {tag!r} is taken by {known.__name__}")
        _REGISTRY[tag] = cls


_REGISTRY: dict[str, type[Move]] = {}


class Propose(Move):
    """Put a package on the table (the proposer accepts it by proposing it)."""

    type: Literal["propose"] = "propose"

    package: tuple[OptionIndex, ...]
    """The option chosen for every issue, in agenda order (0 is an issue's first option)."""

    scope: tuple[PartyId, ...]
    """The parties the package would bind."""


class Accept(Move):
    """Accept the offer on the table."""

    type: Literal["accept"] = "accept"

    note: str = ""
    """What the party said, if anything (a computer says why it accepts)."""


class Reject(Move):
    """Reject the offer on the table; the engine derives the reasons."""

    type: Literal["reject"] = "reject"

    note: str = ""
    """What the party said, if anything."""


class Counter(Move):
    """Reject the offer on the table and propose another package in its place."""

    type: Literal["counter"] = "counter"

    package: tuple[OptionIndex, ...]
    """The option chosen for every issue, in agenda order (0 is an issue's first option)."""

    scope: tuple[PartyId, ...]
    """The parties the counter-offer would bind."""

    note: str = ""
    """What the party said, if anything."""


class Act(Move):
    """Take a diplomatic action (at most one per round); the turn goes on."""

    type: Literal["act"] = "act"
    ends_turn: ClassVar[bool] = False

    action: Slug
    """The id of the scenario's action."""

    target: Annotated[str, Field(max_length=60)] | None = None
    """The partner country or own domestic group the action is aimed at, if it takes one."""


class Pass(Move):
    """End the turn without a move at the table."""

    type: Literal["pass"] = "pass"

    note: str = ""
    """What the party said, if anything (a computer says what it holds out for)."""


def move_types() -> tuple[type[Move], ...]:
    """Every registered move type, in the order they were defined."""
    return tuple(_REGISTRY.values())


_UNIONS: dict[tuple[type[Move], ...], tuple[Any, TypeAdapter[Any]]] = {}


def _union_and_adapter() -> tuple[Any, TypeAdapter[Any]]:
    types = move_types()
    found = _UNIONS.get(types)
    if found is None:
        # Built at run time from the registry, so no static type checker can follow it.
        union = Annotated[Union[types], Field(discriminator="type")]  # type: ignore[valid-type]  # noqa: UP007
        found = _UNIONS[types] = (union, TypeAdapter(union))
    return found


def move_union() -> Any:
    """The discriminated union of every registered move type, told apart by `type` (the same
    object until another type is registered, so validators built from it can be reused)."""
    return _union_and_adapter()[0]


def dump_move(move: Move) -> dict[str, Any]:
    """A move as plain data (JSON types): its tag, then its fields, leaving out defaults."""
    data: dict[str, Any] = move.model_dump(mode="json", exclude_defaults=True)
    return {"type": move.type, **data}


def load_move(data: Any) -> Move:
    """The move a plain mapping describes (raises pydantic's ValidationError)."""
    move: Move = _union_and_adapter()[1].validate_python(data)
    return move
