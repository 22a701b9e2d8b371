"""What a party needs before it accepts a package: its reservation value plus named premiums."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.core.engine.conditions import Conditions
from game.core.scenario.index import index
from game.core.scenario.model import Scenario

ATTENTION_SOURCE = "design: a distracted leader asks for more (negotiation.attention_premium)"

PremiumKind = Literal["attention"]


@dataclass(frozen=True)
class Premium:
    """Points a party asks for above its reservation value, and why."""

    name: PremiumKind
    points: float
    source: str


@dataclass(frozen=True)
class Requirement:
    """What a package must be worth before a party accepts it: the reservation value plus
    each premium, under one set of conditions. Every front end and the engine read this one
    number (`required_value`, `PartyScore.acceptable`, the Score panel, `score`)."""

    party: str
    reservation: float
    premiums: tuple[Premium, ...]
    total: float


def requirement(
    scenario: Scenario,
    conditions: Conditions,
    party: str,
    reservation: float,
    trilateral: bool = True,
) -> Requirement:
    """A party's requirement under the conditions, given its reservation value under them.

    The attention premium is the leader's attention to the partnership, the trilateral deal:
    a bilateral deal needs the reservation value alone (the chapter's distracted leaders let
    the trilateral partnership lapse while bilateral instruments went on, Policies D)
    Trilateral)."""
    if not trilateral:
        return Requirement(party, reservation, (), reservation)
    attention = conditions.attention[index(scenario).parties[party]]
    premiums = (
        Premium(
            "attention",
            scenario.negotiation.attention_premium * (100.0 - attention) / 100.0,
            ATTENTION_SOURCE,
        ),
    )
    # reservation + sum(...) is bit for bit the sum the engine always compared against, so no
    # computer negotiator's decision moves.
    return Requirement(party, reservation, premiums, reservation + sum(p.points for p in premiums))
