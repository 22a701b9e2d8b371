"""Who sits at the table: parties, the threats they fear, principles, domestic groups, dyads."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from game.core.scenario.base import Model, Pair, PartyId, Percent, Points, Share, Slug, Source


class Threat(Model):
    """Something the parties may fear: terrorism, organized crime, climate change..."""

    id: Slug
    """Identifier used by priorities and options."""

    name: str
    """Name shown to players."""

    kind: Literal["hard", "soft"]
    """The chapter's split: global 'hard' security or 'soft' and local security [B) Threats]."""

    reach: Literal["global", "regional", "local"] = "global"
    """Where the threat comes from, as the chapter frames it."""

    description: str = ""
    """One or two sentences for the briefing."""

    source: Source
    """Chapter section this threat comes from."""


class Priority(Model):
    """How much one party fears one threat."""

    weight: Percent
    """Priority from 0 (no concern) to 100 (the gravest concern); a share such as 0.8 is
    refused as a slip for 80."""

    figure: str = ""
    """The survey figure behind the weight, as the briefing shows it (e.g. "82% 'grave threat'")."""

    source: Source
    """Chapter section of the figure."""

    inferred: bool = False
    """True when the weight is the scenario author's design choice rather than a stated figure
    (e.g. U.S. survey ranks turned into weights)."""


class Document(Model):
    """A guiding document or tenet of a party's security policy, for the briefing."""

    name: str
    """Title of the document or tenet."""

    summary: str
    """What it says that matters for the negotiation."""

    source: Source
    """Chapter section."""


class Reservation(Model):
    """A party's best alternative to a trilateral deal: the status quo of dual-bilateralism."""

    description: str
    """What the status quo means for this party."""

    bilateral_alternatives: Percent = 0.0
    """Points (on the 0-100 score scale, from 0 to 100) added to the value of the status-quo
    package because the party has bilateral alternatives; side deals during the game raise it
    further."""

    source: Source
    """Chapter section."""


class Personality(Model):
    """How the computer negotiates for a country: the scenario author's reading of the chapter
    (mark it `inferred` where the chapter does not say so). Difficulty adjusts it per game."""

    strategy: Literal["boulware", "linear", "conceder", "tit_for_tat", "modeller"] = "modeller"
    """boulware, linear, conceder: time-dependent concession, holding out long, steadily, or
    giving ground early; tit_for_tat: concedes as its partners concede and answers their trust
    in kind; modeller: learns what its partners value from their offers and replies and seeks
    the package that gives everyone most."""

    concession: Annotated[float, Field(ge=0.01, le=10)] | None = None
    """The concession exponent, from 0.01 to 10: below 1 it holds out (Boulware), 1 is linear,
    above 1 it gives ground early. Empty: the strategy's own."""

    patience: Annotated[float, Field(ge=0, le=0.9)] = 0.0
    """Share of the game it holds firm before it starts to concede, from 0 to 0.9."""

    unilateral: Share = 0.25
    """Appetite for unilateral moves: the chance per turn that it acts alone (once) towards a
    partner it distrusts, where the scenario lets it."""

    bilateral: Share = 0.15
    """Appetite for bilateral deals: the chance per round that it settles something with one
    partner although a trilateral deal is in sight."""

    inferred: bool = True
    """True when this reading is the scenario author's design (as it usually is)."""

    source: str = ""
    """Chapter section the reading rests on."""


class Party(Model):
    """A country at the table."""

    id: PartyId
    """Short code used everywhere else (US, MX, CA)."""

    name: str
    """Full name shown to players."""

    leader: str = ""
    """Leader of the era at the start of the scenario (empty where the chapter names none)."""

    briefing: str
    """Opening paragraph of the country briefing."""

    documents: list[Document] = []
    """Guiding documents and principles of action, for the briefing."""

    priorities: dict[Slug, Priority]
    """Threat priorities by threat id; a threat left out has priority 0."""

    ratification_threshold: Percent
    """Weighted approval of the domestic groups needed to ratify a deal at home, from 0 to 100
    (a share such as 0.5 is refused as a slip for 50)."""

    attention: Percent = 100.0
    """The leader's attention to the trilateral agenda, from 0 to 100 (events move it; a share
    such as 0.7 is refused as a slip for 70)."""

    reservation: Reservation
    """The party's reservation value: what it has without a trilateral deal."""

    negotiator: Personality = Personality()
    """How the computer negotiates for this country when it holds the seat."""


class Principle(Model):
    """A party's principle of action: a penalty or red line triggered by option tags."""

    id: Slug
    """Identifier."""

    party: PartyId
    """The party that holds the principle."""

    name: str
    """Name shown in the breakdown (e.g. "Non-intervention")."""

    description: str = ""
    """What the principle forbids and why."""

    tags: list[Slug] = Field(min_length=1)
    """An option binding the party and carrying any of these tags triggers the principle."""

    penalty: Points = 0.0
    """Value points lost for each option that triggers it, from 0 to 1000."""

    red_line: bool = False
    """True when the party cannot accept any package that triggers it."""

    inferred: bool = False
    """True when applying the principle to these tags is the scenario author's inference."""

    source: Source
    """Chapter section."""

    @model_validator(mode="after")
    def _bites(self) -> Principle:
        if not self.red_line and self.penalty == 0:
            raise ValueError("a principle needs a penalty above 0 or red_line: true")
        return self


class Stance(Model):
    """How a domestic group's approval moves when a package contains a tag or an option."""

    tag: Slug | None = None
    """React to every option (binding the group's party) with this tag..."""

    option: str | None = Field(None, pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
    """...or to this one option, written ISSUE.OPTION."""

    delta: Annotated[float, Field(ge=-100, le=100)]
    """Approval change in points, from -100 to 100 (negative: the group objects)."""

    inferred: bool = False
    """True when the stance is the scenario author's inference."""

    source: Source
    """Chapter section."""

    @model_validator(mode="after")
    def _one_trigger(self) -> Stance:
        if (self.tag is None) == (self.option is None):
            raise ValueError("a stance names exactly one of 'tag' or 'option'")
        return self


class DomesticGroup(Model):
    """A group at home whose approval decides ratification (the two-level game)."""

    id: Slug
    """Identifier."""

    party: PartyId
    """The party whose ratification the group takes part in."""

    name: str
    """Name shown to players."""

    description: str = ""
    """What the group wants and opposes."""

    reason: str = ""
    """What the group says it opposes, in the chapter's words (a short quote), as the chapter
    reports it; empty where the chapter states no reason. Kept apart from `stances`, which are
    the author's reading of it."""

    reason_source: str = ""
    """Chapter section of `reason` when it differs from the group's `source`."""

    weight: Annotated[float, Field(gt=0, le=1000)]
    """Relative weight in the party's ratification vote: above 0, at most 1000 (only the
    ratio between a party's groups counts)."""

    approval: Percent
    """Approval of the government's course at the start, from 0 to 100 (a share such as 0.6 is
    refused as a slip for 60)."""

    stances: list[Stance] = []
    """How the group reacts to tags and options."""

    source: Source
    """Chapter section."""


class Dyad(Model):
    """The relationship between two parties."""

    parties: Pair
    """The two parties."""

    trust: Percent
    """Trust between them, from 0 to 100 (a share such as 0.5 is refused as a slip for 50)."""

    stage: Annotated[int, Field(ge=0, le=3)] = 0
    """Levels of transformation passed: 1 breakdown of consensus, 2 critical examination,
    3 new practices [Fragmented Region]."""

    note: str = ""
    """How the chapter characterises the relationship."""

    source: Source
    """Chapter section."""
