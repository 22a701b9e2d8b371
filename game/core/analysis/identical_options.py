"""A teaching warning for options of one issue that are identical in every effect.

The dominance check (`teaching_checks`) names an option another of its issue beats for every
party, but two options that tie are beaten by neither: five options with the same threats
addressed and the same costs, or an option that does just what its issue's status quo does,
passed without a word. A player choosing among them chooses a name, not an outcome; an option
identical to the status quo changes no score and no support at home and moves no issue
(`outcomes.security_changes`), yet a deal choosing it lists it among its changes.

An option's effects are what the engine reads of it (`option_effect`, the one reading the
outcome's count of moved issues uses too): what it does to each party it binds. Labels,
descriptions, sources and tags nothing reacts to are words, not effects.
"""

from __future__ import annotations

from game.core.analysis.option_effect import Effect, option_effect
from game.core.engine.wording import joined
from game.core.scenario.index import index
from game.core.scenario.model import Scenario
from game.core.scenario.problems import Problem


def identical_options(s: Scenario) -> list[Problem]:
    """Options of one issue identical in every effect, each set named once at its first
    option; an option identical to its issue's status quo, named against it."""
    status_quo = index(s).status_quo
    found = []
    for i, issue in enumerate(s.issues):
        alike: dict[Effect, list[int]] = {}
        for k, option in enumerate(issue.options):
            alike.setdefault(option_effect(s, issue, option), []).append(k)
        for same in alike.values():
            if len(same) < 2:
                continue
            others = [k for k in same if k != status_quo[i]]
            names = joined([repr(issue.options[k].id) for k in others])
            path = ("issues", i, "options", others[0], "id")
            if len(others) < len(same):
                sq = issue.options[status_quo[i]].id
                one = len(others) == 1
                it, fix = ("it", "it an effect") if one else ("one", "them effects")
                found.append(
                    Problem(
                        path,
                        f"{names} {'is' if one else 'are'} identical in effect to the status quo "
                        f"of {issue.id!r}, {sq!r}: choosing {it} changes no score and no support "
                        f"at home, yet a deal choosing {it} lists {it} among its changes; give "
                        f"{fix} of {'its' if one else 'their'} own, or remove "
                        f"{'it' if one else 'them'}",
                    )
                )
            else:
                found.append(
                    Problem(
                        path,
                        f"{names} of {issue.id!r} are identical in every effect (what they do to "
                        "each party they bind: the threats they address, their costs, the "
                        "principles and groups at home they move), so a player choosing among "
                        "them chooses a name, not an outcome; keep one, or make them differ",
                    )
                )
    return found
