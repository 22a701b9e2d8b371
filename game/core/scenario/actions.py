"""Diplomatic actions a party may take once per round, and what each changes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import Field

from game.core.scenario.base import Delta, Model, PartyId, Percent, Share, Slug, Source


class ActionEffect(Model):
    """What a diplomatic action changes, relative to the party that takes it."""

    kind: Literal["trust", "stage", "approval", "reservation", "convergence"]
    """trust: trust in a dyad; stage: a dyad's level of transformation; approval: the chosen
    domestic group's approval; reservation: bilateral alternatives; convergence: both parties'
    threat priorities move toward each other."""

    who: Literal["actor", "partner", "both", "others"] = "both"
    """Whom it touches. For trust and stage: 'both' or 'partner' is the actor-partner dyad,
    'others' the actor's dyads with everyone else. For reservation: the actor, the partner,
    both, or the others."""

    delta: Delta = 0.0
    """Change in points, from -100 to 100; for stage, levels: a whole number from -3 to 3.
    Every kind but convergence moves by it (0, the default, changes nothing)."""

    share: Share = 0.0
    """For convergence, and only it: the fraction of the gap between the two priorities
    closed, from 0 to 1 (0, the default, changes nothing)."""

    chance: Share = 1.0
    """Probability that the effect happens, from 0 to 1 (drawn from the game's seed)."""

    at_stage: Annotated[int, Field(ge=0, le=2)] | None = None
    """For stage: the effect applies only when the dyad is at this level, so each action moves
    the dyad through one particular level of transformation."""

    after_rounds: Annotated[int, Field(ge=0, le=10)] = 0
    """Rounds before the effect lands, from 0 to 10 (a unilateral act pays now and costs trust
    later)."""

    min_trust: Percent | None = None
    """The effect lands only when trust between the actor and the partner is at least this
    (from 0 to 100; the action needs target: partner): a step distrust forbids, such as
    breaking the old consensus with a partner one doubts."""

    mutual: bool = False
    """The effect lands only when the partner has taken the same action towards the actor in
    this round or the one before: a step two countries must both take, such as breaking the
    old consensus together (the action needs target: partner). A one-sided attempt is logged
    as waiting for the partner."""


class Action(Model):
    """A diplomatic action a party may take once per round, besides its move at the table."""

    id: Slug
    """Identifier."""

    name: str
    """Name shown to players."""

    kind: Literal["confidence_building", "consult", "joint_assessment", "side_deal", "unilateral"]
    """Which of the design's five diplomatic actions this is."""

    description: str = ""
    """What the action is, in a sentence or two: the diplomatic-action window shows it under
    the action a player highlights."""

    target: Literal["partner", "group", "none"] = "partner"
    """What the actor chooses: a partner country, one of its own domestic groups, or nothing.
    A consult action, and only it, targets a group; an effect on the partner (trust or stage
    with who: partner or both, convergence, reservation with who: partner or both) needs
    target: partner, and an approval effect needs target: group."""

    by: list[PartyId] = []
    """The parties that may take the action; empty: every party. For an act the chapter
    describes of one country only (U.S. agencies' operations in Mexico, for instance)."""

    toward: list[PartyId] = []
    """The partners the action may be taken towards (target: partner only); empty: every
    partner. For an act the chapter describes towards one country only (those operations were
    in Mexico); a party it leaves no partner cannot take the action."""

    effects: list[ActionEffect] = Field(min_length=1)
    """What the action changes."""

    inferred: bool = False
    """True when the action and its effects are the scenario author's design."""

    source: Source
    """Chapter section."""

    def partners_of(self, actor: str, parties: Sequence[str]) -> list[str]:
        """The partners `actor` may take the action towards, in the order of `parties` (the
        scenario's): every other party, or those `toward` names."""
        return [q for q in parties if q != actor and (not self.toward or q in self.toward)]
