"""Which agenda options a tag, a stance or a principle reaches for one party.

A scenario links principles and domestic groups to the agenda through tags and ISSUE.OPTION
keys; a player sees only the agenda. These lookups follow the links the way scoring does (an
option counts for a party only when it binds that party), so a briefing can name the options
a group opposes or a red line forbids instead of showing tags or raw ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.scenario.agenda import Issue, Option
from game.core.scenario.model import Scenario
from game.core.scenario.parties import DomesticGroup, Principle, Stance


@dataclass(frozen=True)
class Placed:
    """An option with the issue it settles."""

    issue: Issue
    option: Option

    @property
    def key(self) -> str:
        """The option as the scenario writes it: ISSUE.OPTION."""
        return f"{self.issue.id}.{self.option.id}"


def binds(option: Option, party: str) -> bool:
    """Whether an option commits the party (an option binding nobody in particular binds all)."""
    return not option.binds or party in option.binds


def options_binding(scenario: Scenario, party: str) -> list[Placed]:
    """Every option of the agenda that binds the party, in agenda order."""
    return [
        Placed(issue, option)
        for issue in scenario.issues
        for option in issue.options
        if binds(option, party)
    ]


def tagged_options(scenario: Scenario, tags: list[str] | str, party: str) -> list[Placed]:
    """The options that carry any of the tags and bind the party, in agenda order."""
    wanted = {tags} if isinstance(tags, str) else set(tags)
    return [p for p in options_binding(scenario, party) if wanted & set(p.option.tags)]


def stance_options(scenario: Scenario, stance: Stance, party: str) -> list[Placed]:
    """The options a domestic group's stance reacts to (only those binding its party)."""
    if stance.tag is not None:
        return tagged_options(scenario, stance.tag, party)
    return [p for p in options_binding(scenario, party) if p.key == stance.option]


def principle_options(scenario: Scenario, principle: Principle) -> list[Placed]:
    """The options that trigger a principle: they bind its party and carry one of its tags."""
    return tagged_options(scenario, principle.tags, principle.party)


def group_reactions(scenario: Scenario, group: DomesticGroup) -> list[tuple[Placed, float]]:
    """How far each option moves a group's approval, all its stances added up, as scoring
    adds them; options that leave the group unmoved are left out. Agenda order."""
    reactions = []
    for placed in options_binding(scenario, group.party):
        delta = sum(
            s.delta
            for s in group.stances
            if (s.tag in placed.option.tags if s.tag is not None else s.option == placed.key)
        )
        if delta:
            reactions.append((placed, delta))
    return reactions
