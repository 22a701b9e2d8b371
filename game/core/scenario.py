"""Pydantic models of a scenario file: parties, threats, agenda, principles, groups, time."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from game.core.references import Problem, check_references

PartyId = Annotated[str, Field(pattern=r"^[A-Z]{2,3}$", examples=["US", "MX", "CA"])]
"""A party's short code: two or three capital letters."""

Slug = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
"""An identifier: lower case letters, digits and underscores, starting with a letter."""

Share = Annotated[float, Field(ge=0.0, le=1.0)]
"""A fraction between 0 and 1."""

Percent = Annotated[float, Field(ge=0.0, le=100.0)]
"""A number between 0 and 100."""

Source = Annotated[str, Field(min_length=1, examples=["B) Threats", "Policies B) US-MX"])]
"""Where a fact comes from: the chapter section it rests on (e.g. "B) Threats")."""


class Model(BaseModel):
    """Base of every scenario model: frozen, unknown keys rejected, docstrings as descriptions."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


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
    """Priority from 0 (no concern) to 100 (the gravest concern)."""

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
    """Points (on the 0-100 score scale) added to the value of the status-quo package because
    the party has bilateral alternatives; side deals during the game raise it further."""

    source: Source
    """Chapter section."""


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
    """Weighted approval of the domestic groups needed to ratify a deal at home."""

    attention: Percent = 100.0
    """The leader's attention to the trilateral agenda (events move it)."""

    reservation: Reservation
    """The party's reservation value: what it has without a trilateral deal."""


class Analogue(Model):
    """The real instrument or proposal an option is modelled on."""

    name: str
    """Name of the instrument or proposal (e.g. "Mérida Initiative, 2007-2010")."""

    source: Source
    """Chapter section that describes it."""


class Option(Model):
    """One way to settle an issue; a package picks one option per issue."""

    id: Slug
    """Identifier, unique within its issue; referred to elsewhere as ISSUE.OPTION."""

    label: str
    """Short name shown on the agenda."""

    description: str = ""
    """What the option commits the parties to."""

    status_quo: bool = False
    """True for the option that keeps things as they are; each issue has exactly one, and an
    issue left out of a package stays at it."""

    addresses: dict[Slug, Share] = {}
    """How much the option addresses each threat, by threat id, from 0 to 1."""

    binds: list[PartyId] = []
    """The parties the option commits; empty means every party (trilateral). Only the parties it
    binds gain from it, pay for it, or react to its tags."""

    cost: dict[PartyId, Annotated[float, Field(ge=0)]] = {}
    """What the option costs each party it binds, in value points."""

    tags: list[Slug] = []
    """Tags that principles and domestic groups react to (ids from the scenario's tag list)."""

    analogue: Analogue | None = None
    """The historical instrument or proposal the option is modelled on."""

    inferred: bool = False
    """True when the option itself is the scenario author's design (not in the chapter)."""

    source: Source
    """Chapter section the option and its numbers rest on."""


class Issue(Model):
    """An item on the agenda (border management, intelligence sharing...)."""

    id: Slug
    """Identifier used by packages and stances."""

    name: str
    """Name shown on the agenda."""

    short: str = Field("", max_length=12)
    """A short name for narrow screens (at most 12 characters); the name is used when empty."""

    pillar: Literal["security", "prosperity"] = "security"
    """Which pillar the issue belongs to; the outcome counts changes on security issues."""

    description: str = ""
    """What is at stake."""

    source: Source
    """Chapter section."""

    options: list[Option] = Field(min_length=2)
    """The ways to settle the issue, one of them the status quo."""


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

    penalty: Annotated[float, Field(ge=0)] = 0.0
    """Value points lost for each option that triggers it."""

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
    """Approval change in points (negative: the group objects)."""

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

    weight: Annotated[float, Field(gt=0)]
    """Relative weight in the party's ratification vote."""

    approval: Percent
    """Approval of the government's course at the start, 0-100."""

    stances: list[Stance] = []
    """How the group reacts to tags and options."""

    source: Source
    """Chapter section."""


class Dyad(Model):
    """The relationship between two parties."""

    parties: tuple[PartyId, PartyId]
    """The two parties."""

    trust: Percent
    """Trust between them, 0-100."""

    stage: Annotated[int, Field(ge=0, le=3)] = 0
    """Levels of transformation passed: 1 breakdown of consensus, 2 critical examination,
    3 new practices [Fragmented Region]."""

    note: str = ""
    """How the chapter characterises the relationship."""

    source: Source
    """Chapter section."""


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

    delta: float = 0.0
    """Change in points (levels for stage)."""

    share: Share = 0.0
    """For convergence: the fraction of the gap between the two priorities closed."""

    chance: Share = 1.0
    """Probability that the effect happens (drawn from the game's seed)."""

    at_stage: Annotated[int, Field(ge=0, le=2)] | None = None
    """For stage: the effect applies only when the dyad is at this level, so each action moves
    the dyad through one particular level of transformation."""

    after_rounds: Annotated[int, Field(ge=0, le=10)] = 0
    """Rounds before the effect lands (a unilateral act pays now and costs trust later)."""


class Action(Model):
    """A diplomatic action a party may take once per round, besides its move at the table."""

    id: Slug
    """Identifier."""

    name: str
    """Name shown to players."""

    kind: Literal["confidence_building", "consult", "joint_assessment", "side_deal", "unilateral"]
    """Which of the design's five diplomatic actions this is."""

    description: str = ""
    """What the action is, for the help and the log."""

    target: Literal["partner", "group", "none"] = "partner"
    """What the actor chooses: a partner country, one of its own domestic groups, or nothing."""

    effects: list[ActionEffect] = Field(min_length=1)
    """What the action changes."""

    inferred: bool = False
    """True when the action and its effects are the scenario author's design."""

    source: Source
    """Chapter section."""


class OutcomeRules(Model):
    """How the end of a game is classified (a design choice)."""

    security_community_min: Annotated[int, Field(ge=1)] = 2
    """A ratified trilateral package that moves at least this many security issues off the
    status quo is a security community; fewer makes it a prosperity-only partnership."""

    breakdown_trust_below: Percent = 25.0
    """Without a trilateral deal, a game that ends with any dyad's trust below this is a
    breakdown; otherwise it is dual-bilateralism."""


class NegotiationRules(Model):
    """Constants of the negotiation itself (design choices)."""

    attention_premium: Annotated[float, Field(ge=0, le=100)] = 20.0
    """Points above its reservation value a party demands when its leader's attention is 0
    (scaled down linearly to nothing at attention 100)."""

    bilateral_gain_share: Share = 0.5
    """Share of a ratified bilateral package's gain that is added to each signatory's
    bilateral alternatives (it weakens the trilateral track)."""


class Round(Model):
    """A dated summit at which the parties negotiate."""

    date: dt.date
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

    delta: float
    """Change in priority points (the result stays within 0-100)."""


class TrustEffect(Model):
    """An event changes trust in a dyad."""

    kind: Literal["trust"]
    """Effect type."""

    dyad: tuple[PartyId, PartyId]
    """The two parties."""

    delta: float
    """Change in trust points (the result stays within 0-100)."""


class StageEffect(Model):
    """An event moves a dyad along the three levels of transformation."""

    kind: Literal["stage"]
    """Effect type."""

    dyad: tuple[PartyId, PartyId]
    """The two parties."""

    delta: Annotated[int, Field(ge=-3, le=3)]
    """Levels gained (or lost); the result stays within 0-3."""


class AttentionEffect(Model):
    """An event changes a leader's attention to the trilateral agenda."""

    kind: Literal["attention"]
    """Effect type."""

    party: PartyId
    """Whose leader."""

    delta: float
    """Change in attention points (the result stays within 0-100)."""


class ApprovalEffect(Model):
    """An event changes a domestic group's approval."""

    kind: Literal["approval"]
    """Effect type."""

    group: Slug
    """Which domestic group."""

    delta: float
    """Change in approval points (the result stays within 0-100)."""


class ReservationEffect(Model):
    """An event changes a party's bilateral alternatives (e.g. a bilateral deal is signed)."""

    kind: Literal["reservation"]
    """Effect type."""

    party: PartyId
    """Whose reservation value."""

    delta: float
    """Change in points on the 0-100 score scale."""


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

    dyad: tuple[PartyId, PartyId]
    """The two parties."""

    value: Percent
    """Threshold."""


class TrustAbove(Model):
    """Holds while trust in a dyad is at or above a value."""

    kind: Literal["trust_above"]
    """Condition type."""

    dyad: tuple[PartyId, PartyId]
    """The two parties."""

    value: Percent
    """Threshold."""


class ApprovalBelow(Model):
    """Holds while a domestic group's approval is below a value."""

    kind: Literal["approval_below"]
    """Condition type."""

    group: Slug
    """The domestic group."""

    value: Percent
    """Threshold."""


class AttentionBelow(Model):
    """Holds while a leader's attention is below a value."""

    kind: Literal["attention_below"]
    """Condition type."""

    party: PartyId
    """Whose leader."""

    value: Percent
    """Threshold."""


Condition = Annotated[
    TrustBelow | TrustAbove | ApprovalBelow | AttentionBelow, Field(discriminator="kind")
]
"""A test on the state of the game that a conditional event waits for."""


class Event(Model):
    """Something that happens between rounds: a leader change, a crisis, a scandal..."""

    id: Slug
    """Identifier."""

    date: dt.date
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
    """Probability that the event fires once due (drawn from the game's seed)."""

    inferred: bool = False
    """True when the date or effects are the scenario author's design choice."""

    source: Source
    """Chapter section."""


class Scenario(Model):
    """A negotiation: who sits at the table, what they fear, what is on the agenda, and when."""

    format_version: Literal[1] = 1
    """Version of this file format."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    """Scenario identifier used on the command line (e.g. spp-2005)."""

    title: str
    """Title shown to players."""

    summary: str
    """A paragraph on what the scenario is about."""

    reference: str = ""
    """The work the scenario is built from."""

    history: str = ""
    """What actually happened; hidden from players until the end of the game."""

    start: dt.date
    """Date the scenario begins."""

    deadline: dt.date
    """Date the negotiation ends, deal or no deal."""

    scoring: ScoringRules = ScoringRules()
    """Constants of the scoring engine."""

    wendt: WendtThresholds = WendtThresholds()
    """How trust maps to Wendt's security systems."""

    tags: dict[Slug, str]
    """The tags options may carry, each with what it means."""

    threats: list[Threat] = Field(min_length=1)
    """The threats the parties weigh."""

    parties: list[Party] = Field(min_length=2)
    """The parties at the table."""

    issues: list[Issue] = Field(min_length=1)
    """The agenda."""

    principles: list[Principle] = []
    """Principles of action that penalise or forbid options."""

    domestic_groups: list[DomesticGroup] = []
    """Groups whose approval decides ratification at home."""

    dyads: list[Dyad]
    """Trust and transformation stage for every pair of parties."""

    rounds: list[Round] = Field(min_length=1)
    """The summits, in date order."""

    events: list[Event] = []
    """Scripted and conditional events between rounds."""

    actions: list[Action] = []
    """Diplomatic actions the parties may take, once per round each."""

    outcomes: OutcomeRules = OutcomeRules()
    """How the end of the game is classified."""

    negotiation: NegotiationRules = NegotiationRules()
    """Constants of the negotiation."""

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> Scenario:
        problems = check_references(self)
        sink = info.context.get("reference_problems") if isinstance(info.context, dict) else None
        if isinstance(sink, list):
            # The loader collects the problems itself so it can position each one in the file.
            sink.extend(problems)
        elif problems:
            raise ValueError("; ".join(p.describe() for p in problems))
        return self

    # Look-ups used by the engine and the UI.
    def party(self, party_id: str) -> Party:
        """The party with this id."""
        return next(p for p in self.parties if p.id == party_id)

    def issue(self, issue_id: str) -> Issue:
        """The issue with this id."""
        return next(i for i in self.issues if i.id == issue_id)

    def group(self, group_id: str) -> DomesticGroup:
        """The domestic group with this id."""
        return next(g for g in self.domestic_groups if g.id == group_id)

    def action(self, action_id: str) -> Action:
        """The diplomatic action with this id."""
        return next(a for a in self.actions if a.id == action_id)

    def threat(self, threat_id: str) -> Threat:
        """The threat with this id."""
        return next(t for t in self.threats if t.id == threat_id)

    @cached_property
    def party_ids(self) -> tuple[str, ...]:
        """Party ids in file order."""
        return tuple(p.id for p in self.parties)


__all__ = ["Problem", "Scenario"]
