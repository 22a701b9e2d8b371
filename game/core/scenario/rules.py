"""The scenario's constants of scoring, negotiation and outcome: every one a design choice."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, ValidationInfo, model_validator

from game.core.scenario.base import Model, PartyId, Percent, Share
from game.core.scenario.problems import Problem


class ScoringRules(Model):
    """The constants that turn a package into a value; every one is a design choice."""

    threat_scale: float = Field(1.0, ge=0.001, le=10)
    """Value points for fully addressing a threat of priority 1 (priorities run 0-100), from
    0.001 to 10 (at 10, a priority-100 threat fully addressed is worth 1000 points, as much as
    the largest cost)."""

    domestic_scale: float = Field(0.5, ge=0, le=10)
    """Value points per point of approval change, times the group's share of the home vote,
    from 0 to 10."""

    trust_discount: Share = 0.5
    """Share of a joint measure's threat value a party expects to lose with a partner it does
    not trust at all (trust 0), from 0 to 1; at trust 100 nothing is lost."""


class WendtThresholds(Model):
    """How trust maps to Wendt's three security systems (a design choice)."""

    competitive_below: Percent = 30.0
    """Trust below this is a competitive system; it must be below `cooperative_from` (the
    individualistic system lies between)."""

    cooperative_from: Percent = 70.0
    """Trust at or above this is cooperative, but only once the dyad has passed all three
    levels of transformation; otherwise it stays individualistic."""

    floor: Literal["competitive", "individualistic"] = "competitive"
    """The lowest system a dyad can fall to. 'individualistic' keeps trust from sinking below
    `competitive_below` (the chapter names the competitive system but applies it to no North
    American dyad); 'competitive' lets trust fall all the way."""


class NegotiationRules(Model):
    """Constants of the negotiation itself (design choices)."""

    attention_premium: Annotated[float, Field(ge=0, le=100)] = 20.0
    """Points above its reservation value a party demands when its leader's attention is 0
    (scaled down linearly to nothing at attention 100)."""

    bilateral_gain_share: Share = 0.5
    """Share of a ratified bilateral package's gain that is added to each signatory's
    bilateral alternatives (it weakens the trilateral track)."""

    ratification_swing: Annotated[float, Field(ge=0, le=50)] = 0.0
    """How unsure a government is of its support at home once opposition has mobilised: for
    every 10 points of approval its groups have lost since the start (weighted by their share
    of the vote at home), support may turn out up to this many points above or below what the
    government expected when it accepted a package (drawn from the game's seed). 0: support is
    exactly as expected, and a package a government accepted never fails at home."""

    leverage: dict[PartyId, Share] = {}
    """Extra share of a ratified bilateral package's gain that a party banks in its bilateral
    alternatives, taken from its partner's share: the chapter's Washington, which makes "its
    security interests prevail" in each bilateral relationship, gains more from dual-
    bilateralism than its partners do."""


class OutcomeTexts(Model):
    """How the end screen and the debrief word each outcome of this scenario, in a sentence
    that may name what actually happened with its section. Empty: the game's own wording, which
    names no history (it only counts the parties: bilateral, trilateral...)."""

    security_arrangement: str = ""
    """A deal supported at home, in force at the end, that moves enough security issues."""

    prosperity_only: str = ""
    """A deal supported at home that moves too few security issues."""

    lapsed: str = ""
    """A deal signed and then left to lapse before the deadline."""

    dual_bilateralism: str = ""
    """No deal among all the parties (with two parties: no deal at all)."""

    breakdown: str = ""
    """No deal among all the parties, and a pair's trust below `breakdown_trust_below`."""


class OutcomeRules(Model):
    """How the end of a game is classified (a design choice)."""

    security_arrangement_min: Annotated[int, Field(ge=1)] = 2
    """A ratified trilateral package that moves at least this many security issues off the
    status quo is a trilateral security arrangement; fewer makes it a prosperity-only
    partnership. (Files written before version 0.2 call this key `security_community_min`;
    it is read as this one, and refused beside it. "Security community" keeps the chapter's
    meaning: a matter of identity and trust between two countries, not an outcome.)"""

    lapses: bool = False
    """Whether a ratified trilateral agreement must hold until the deadline: the game then
    runs on through the remaining events, and the agreement lapses (the partnership is no
    longer active) as soon as a party values it below what it needs, for example when a new
    leader has lost interest. False: a ratified trilateral agreement ends the game."""

    breakdown_trust_below: Percent = 25.0
    """Without a trilateral deal, a game that ends with any dyad's trust below this is a
    breakdown; otherwise it is dual-bilateralism."""

    text: OutcomeTexts = OutcomeTexts()
    """The scenario's own wording of each outcome (optional, outcome by outcome)."""

    @model_validator(mode="before")
    @classmethod
    def _old_key(cls, data: Any, info: ValidationInfo) -> Any:
        """Read the key older files use for the security threshold; refuse it beside the new
        one, which would otherwise win without a word (an author who changed one of the two
        would not know which the game reads)."""
        if not (isinstance(data, dict) and OLD_KEY in data):
            return data
        data = dict(data)
        old = data.pop(OLD_KEY)
        if "security_arrangement_min" not in data:
            data["security_arrangement_min"] = old
            return data
        new = data["security_arrangement_min"]
        message = (
            f"{OLD_KEY} is the older name of security_arrangement_min, and this file writes "
            f"both ({OLD_KEY}: {old!r}, security_arrangement_min: {new!r}): keep "
            f"security_arrangement_min, with the value you mean, and delete {OLD_KEY}"
        )
        sink = info.context.get("reference_problems") if isinstance(info.context, dict) else None
        if not isinstance(sink, list):
            raise ValueError(message)
        # The loader positions it at the old key's own line (the rules sit under `outcomes`).
        sink.append(Problem(("outcomes", OLD_KEY), message))
        return data


OLD_KEY = "security_community_min"
"""The name files written before version 0.2 give `security_arrangement_min`."""
