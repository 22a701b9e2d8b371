"""The root of a scenario file: who sits at the table, what they fear, the agenda, and time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Annotated, Any, Literal, Protocol, TypeVar

from pydantic import Field, ValidationInfo, model_validator

from game.core.scenario.actions import Action
from game.core.scenario.agenda import Issue
from game.core.scenario.base import Day, Model, Slug, whole_number
from game.core.scenario.parties import DomesticGroup, Dyad, Party, Principle, Threat
from game.core.scenario.problems import Problem
from game.core.scenario.references import check_references
from game.core.scenario.rules import NegotiationRules, OutcomeRules, ScoringRules, WendtThresholds
from game.core.scenario.timeline import Event, Round
from game.core.scenario.usable import check_usable


def data_problems(data: Mapping[str, Any]) -> list[Problem]:
    """Every problem of a scenario's data beyond its schema: cross-references, and what the
    engine could not play. Reads a validated scenario's dump, or the file's data as written
    when the schema refused part of it (so that every problem comes out in one run)."""
    return check_references(data) + check_usable(data)


MAX_PARTIES = 8
"""The most parties a scenario may seat. A computer player's search and the debrief's frontier
stay polynomial in the number of parties, but their cost still grows with it; eight keep a
computer move well under the bar (python -m game.bench --agendas measures eight)."""


CHAPTER = "the chapter"
"""How game text names the work of the built-in scenarios, Domínguez and Velázquez's chapter:
the default `source_noun`."""


class Scenario(Model):
    """A negotiation: who sits at the table, what they fear, what is on the agenda, and when."""

    format_version: Annotated[Literal[1], whole_number("1")] = 1
    """Version of this file format: 1."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    """Scenario identifier used on the command line (e.g. spp-2005)."""

    title: str
    """Title shown to players."""

    summary: str
    """A paragraph on what the scenario is about."""

    reference: str = ""
    """The work the scenario is built from."""

    source_noun: Annotated[str, Field(min_length=1, max_length=40)] = CHAPTER
    """How game text names that work, as in "in the chapter's words" or "not a fact from the
    chapter": e.g. "the report" (the built-in scenarios are built from the chapter)."""

    history: str = ""
    """What actually happened; hidden from players until the end of the game."""

    theory: str = ""
    """The chapter's frame, conclusion and forecast, for a one-screen theory card (Markdown)."""

    start: Day
    """Date the scenario begins."""

    deadline: Day
    """Date the negotiation ends, deal or no deal."""

    scoring: ScoringRules = ScoringRules()
    """Constants of the scoring engine."""

    wendt: WendtThresholds = WendtThresholds()
    """How trust maps to Wendt's security systems."""

    tags: dict[Slug, str]
    """The tags options may carry, each with what it means."""

    threats: list[Threat] = Field(min_length=1)
    """The threats the parties weigh."""

    parties: list[Party] = Field(min_length=2, max_length=MAX_PARTIES)
    """The parties at the table (2 to 8: the computer players' search grows with them)."""

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
        problems = data_problems(self.model_dump())
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
        return _find(self._parties, party_id, "party")

    def issue(self, issue_id: str) -> Issue:
        """The issue with this id."""
        return _find(self._issues, issue_id, "issue")

    def group(self, group_id: str) -> DomesticGroup:
        """The domestic group with this id."""
        return _find(self._groups, group_id, "domestic group")

    def action(self, action_id: str) -> Action:
        """The diplomatic action with this id."""
        return _find(self._actions, action_id, "action")

    def threat(self, threat_id: str) -> Threat:
        """The threat with this id."""
        return _find(self._threats, threat_id, "threat")

    # Items by id, worked out once: computer players look actions up at every turn.
    @cached_property
    def _parties(self) -> dict[str, Party]:
        return _by_id(self.parties)

    @cached_property
    def _issues(self) -> dict[str, Issue]:
        return _by_id(self.issues)

    @cached_property
    def _groups(self) -> dict[str, DomesticGroup]:
        return _by_id(self.domestic_groups)

    @cached_property
    def _actions(self) -> dict[str, Action]:
        return _by_id(self.actions)

    @cached_property
    def _threats(self) -> dict[str, Threat]:
        return _by_id(self.threats)

    @cached_property
    def party_ids(self) -> tuple[str, ...]:
        """Party ids in file order."""
        return tuple(p.id for p in self.parties)

    @cached_property
    def causes(self) -> frozenset[str]:
        """The causes its events name: what a game may run without (`--without CAUSE`)."""
        return frozenset(e.cause for e in self.events if e.cause)

    @cached_property
    def sections(self) -> frozenset[str]:
        """Every section pointer its `source` and `reason_source` fields cite (pointers
        joined with "; " counted one by one): the sections of the work it is built from."""
        return frozenset(_pointers(self.model_dump()))

    @property
    def from_the_chapter(self) -> bool:
        """Whether the scenario says it is built from the chapter (its `source_noun`, left at
        the default): the game's own words may then speak of the chapter."""
        return self.source_noun == CHAPTER


def _pointers(value: Any) -> list[str]:
    """The section pointers of every `source` and `reason_source` in a scenario's dump."""
    found: list[str] = []
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key in ("source", "reason_source") and isinstance(item, str):
                found += [part.strip() for part in item.split(";") if part.strip()]
            else:
                found += _pointers(item)
    elif isinstance(value, list | tuple):
        for item in value:
            found += _pointers(item)
    return found


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_HasId)


def _by_id(items: Sequence[_Item]) -> dict[str, _Item]:
    """Items by id, the first of any that share one (as a scan in file order finds)."""
    table: dict[str, _Item] = {}
    for item in items:
        table.setdefault(item.id, item)
    return table


def _find(table: Mapping[str, _Item], item_id: str, kind: str) -> _Item:
    """An item by id, or a KeyError naming what is missing."""
    found = table.get(item_id)
    if found is None:
        raise KeyError(f"the scenario has no {kind} with id {item_id!r}")
    return found
