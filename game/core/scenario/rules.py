"""The scenario's constants of scoring, negotiation and outcome: every one a design choice."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from game.core.scenario.base import Model, Percent, Share


class ScoringRules(Model):
    """The constants that turn a package into a value; every one is a design choice."""

    threat_scale: float = Field(1.0, gt=0)
    """Value points for fully addressing a threat of priority 1 (priorities run 0-100)."""

    domestic_scale: float = Field(0.5, ge=0)
    """Value points per point of approval change, times the group's share of the home vote."""

    trust_discount: Share = 0.5
    """Share of a joint measure's threat value a party expects to lose with a partner it does
    not trust at all (trust 0); at trust 100 nothing is lost."""


class WendtThresholds(Model):
    """How trust maps to Wendt's three security systems (a design choice)."""

    competitive_below: Percent = 30.0
    """Trust below this is a competitive system."""

    cooperative_from: Percent = 70.0
    """Trust at or above this is cooperative, but only once the dyad has passed all three
    levels of transformation; otherwise it stays individualistic."""


class NegotiationRules(Model):
    """Constants of the negotiation itself (design choices)."""

    attention_premium: Annotated[float, Field(ge=0, le=100)] = 20.0
    """Points above its reservation value a party demands when its leader's attention is 0
    (scaled down linearly to nothing at attention 100)."""

    bilateral_gain_share: Share = 0.5
    """Share of a ratified bilateral package's gain that is added to each signatory's
    bilateral alternatives (it weakens the trilateral track)."""


class OutcomeRules(Model):
    """How the end of a game is classified (a design choice)."""

    security_community_min: Annotated[int, Field(ge=1)] = 2
    """A ratified trilateral package that moves at least this many security issues off the
    status quo is a security community; fewer makes it a prosperity-only partnership."""

    breakdown_trust_below: Percent = 25.0
    """Without a trilateral deal, a game that ends with any dyad's trust below this is a
    breakdown; otherwise it is dual-bilateralism."""
