"""Time in a scenario: dated rounds, and the events between them, their effects and conditions."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from game.core.scenario.base import Day, Delta, Model, Pair, PartyId, Percent, Share, Slug, Source


class Round(Model):
    """A dated summit at which the parties negotiate."""

    date: Day
    """When the round takes place."""

    name: str
    """Name shown to players."""

    note: str = ""
    """Context for the round."""

    inferred: bool = False
    """True when the date is the scenario author's choice."""


class PriorityEffect(Model):
    """An event changes how much a party fears a threat."""

    kind: Literal["priority"]
    """Effect type."""

    party: PartyId
    """Whose priority changes."""

    threat: Slug
    """Which threat."""

    delta: Delta
    """Change in priority points, from -100 to 100 (the result stays within 0-100)."""


class TrustEffect(Model):
    """An event changes trust in a dyad."""

    kind: Literal["trust"]
    """Effect type."""

    dyad: Pair
    """The two parties."""

    delta: Delta
    """Change in trust points, from -100 to 100 (the result stays within 0-100)."""


class StageEffect(Model):
    """An event moves a dyad along the three levels of transformation."""

    kind: Literal["stage"]
    """Effect type."""

    dyad: Pair
    """The two parties."""

    delta: Annotated[int, Field(ge=-3, le=3)]
    """Levels gained (or lost), a whole number from -3 to 3; the result stays within 0-3."""


class AttentionEffect(Model):
    """An event changes a leader's attention to the trilateral agenda."""

    kind: Literal["attention"]
    """Effect type."""

    party: PartyId
    """Whose leader."""

    delta: Delta
    """Change in attention points, from -100 to 100 (the result stays within 0-100)."""


class ApprovalEffect(Model):
    """An event changes a domestic group's approval."""

    kind: Literal["approval"]
    """Effect type."""

    group: Slug
    """Which domestic group."""

    delta: Delta
    """Change in approval points, from -100 to 100 (the result stays within 0-100)."""


class ReservationEffect(Model):
    """An event changes a party's bilateral alternatives (e.g. a bilateral deal is signed)."""

    kind: Literal["reservation"]
    """Effect type."""

    party: PartyId
    """Whose reservation value."""

    delta: Delta
    """Change in points on the 0-100 score scale, from -100 to 100 (the result stays within
    0-100)."""


Effect = Annotated[
    PriorityEffect
    | TrustEffect
    | StageEffect
    | AttentionEffect
    | ApprovalEffect
    | ReservationEffect,
    Field(discriminator="kind"),
]
"""What an event changes."""


class TrustBelow(Model):
    """Holds while trust in a dyad is below a value."""

    kind: Literal["trust_below"]
    """Condition type."""

    dyad: Pair
    """The two parties."""

    value: Percent
    """Threshold, from 0 to 100."""


class TrustAbove(Model):
    """Holds while trust in a dyad is at or above a value."""

    kind: Literal["trust_above"]
    """Condition type."""

    dyad: Pair
    """The two parties."""

    value: Percent
    """Threshold, from 0 to 100."""


class ApprovalBelow(Model):
    """Holds while a domestic group's approval is below a value."""

    kind: Literal["approval_below"]
    """Condition type."""

    group: Slug
    """The domestic group."""

    value: Percent
    """Threshold, from 0 to 100."""


class AttentionBelow(Model):
    """Holds while a leader's attention is below a value."""

    kind: Literal["attention_below"]
    """Condition type."""

    party: PartyId
    """Whose leader."""

    value: Percent
    """Threshold, from 0 to 100."""


Condition = Annotated[
    TrustBelow | TrustAbove | ApprovalBelow | AttentionBelow, Field(discriminator="kind")
]
"""A test on the state of the game that a conditional event waits for."""


class Event(Model):
    """Something that happens between rounds: a leader change, a crisis, a scandal..."""

    id: Slug
    """Identifier."""

    date: Day
    """When it happens; it fires before the first round on or after this date."""

    title: str
    """Headline shown to players."""

    text: str
    """The chapter's context for the event, in the scenario author's words."""

    cause: Slug | None = None
    """A label grouping events by cause (e.g. leader_change), so analysts can switch a cause
    off in counterfactual runs."""

    effects: list[Effect] = []
    """What the event changes."""

    when: list[Condition] = []
    """Conditions that must all hold for the event to fire (checked from its date on); an
    event without conditions is scripted and fires on its date."""

    chance: Share = 1.0
    """Probability that the event fires once due, from 0 to 1 (drawn from the game's seed)."""

    inferred: bool = False
    """True when the date or effects are the scenario author's design choice."""

    source: Source
    """Chapter section."""
