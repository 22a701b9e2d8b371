"""Packages: one option per issue, as the engine holds them and as a package file writes them."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from game.core.scenario.agenda import Option
from game.core.scenario.base import Model, PartyId, Slug
from game.core.scenario.model import Scenario
from game.core.scenario.problems import Problem, did_you_mean

Package = tuple[int, ...]
"""A package as the engine holds it: the position of the chosen option in each issue, in agenda
order (NegMAS calls this an outcome; here "outcome" is how a game ends)."""


class PackageFile(Model):
    """A package written by hand (for `score`): option ids by issue, and the parties it binds.

    Every issue left out stays at its status-quo option.
    """

    scope: list[PartyId] = Field(default_factory=list)
    """The parties it is tabled between; empty means all of them (trilateral)."""

    options: dict[Slug, Slug] = Field(default_factory=dict)
    """The chosen option for each issue, as ISSUE: OPTION."""


def fits_scope(option: Option, scope: Iterable[str], parties: Iterable[str]) -> bool:
    """Whether an option may be part of a package tabled between these parties.

    The status quo always fits: keeping things as they are commits nobody to anything new.
    """
    return option.status_quo or set(option.binds or parties) <= set(scope)


def check_package_file(package: PackageFile, scenario: Scenario) -> list[Problem]:
    """Every way the package file does not fit the scenario's agenda and parties."""
    problems: list[Problem] = []
    parties = set(scenario.party_ids)
    for position, party in enumerate(package.scope):
        if party not in parties:
            problems.append(
                Problem(
                    ("scope", position), f"unknown party {party!r}; {did_you_mean(party, parties)}"
                )
            )
    scope = set(package.scope) or parties
    if package.scope and len(scope) < 2:
        problems.append(Problem(("scope",), "a package is tabled between at least two parties"))
    issues = {i.id: i for i in scenario.issues}
    for issue_id, option_id in package.options.items():
        issue = issues.get(issue_id)
        if issue is None:
            problems.append(
                Problem(
                    ("options", issue_id),
                    f"unknown issue {issue_id!r}; {did_you_mean(issue_id, issues)}",
                )
            )
            continue
        option = next((o for o in issue.options if o.id == option_id), None)
        if option is None:
            known = [o.id for o in issue.options]
            problems.append(
                Problem(
                    ("options", issue_id),
                    f"issue {issue_id!r} has no option {option_id!r}; "
                    + did_you_mean(option_id, known),
                )
            )
            continue
        outside = sorted(set(option.binds or parties) - scope)
        if not fits_scope(option, scope, parties):
            problems.append(
                Problem(
                    ("options", issue_id),
                    f"option {option_id!r} binds {', '.join(outside)}, who are not in this "
                    f"package's scope ({', '.join(sorted(scope))})",
                )
            )
    return problems


def to_package(package: PackageFile, scenario: Scenario) -> Package:
    """The package file as option positions (the status quo where an issue is left out)."""
    result = []
    for issue in scenario.issues:
        chosen = package.options.get(issue.id)
        position = next(
            (
                k
                for k, o in enumerate(issue.options)
                if (o.id == chosen if chosen else o.status_quo)
            ),
            None,
        )
        if position is None:
            raise KeyError(f"{issue.id}.{chosen}")
        result.append(position)
    return tuple(result)
