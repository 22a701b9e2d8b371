"""A teaching warning for options of one issue that are identical in every effect.

The dominance check (`teaching_checks`) names an option another of its issue beats for every
party, but two options that tie are beaten by neither: five options with the same threats
addressed and the same costs, or an option that does just what its issue's status quo does,
passed without a word. A player choosing among them chooses a name, not an outcome; an option
identical to the status quo changes no score and no support at home, yet a package choosing it
counts the issue as moved (`outcomes.security_arrangement_min` counts such moves).

An option's effects are what the engine reads of it (`engine.values`): the parties it binds,
the threats it addresses, its costs, the principles and the groups at home its tags (or its
name, for a stance naming it) move. Labels, descriptions, sources and tags nothing reacts to
are words, not effects.
"""

from __future__ import annotations

from game.core.engine.wording import joined
from game.core.scenario.agenda import Issue, Option
from game.core.scenario.index import index
from game.core.scenario.model import Scenario
from game.core.scenario.problems import Problem

Effect = tuple[
    frozenset[str],
    frozenset[tuple[str, float]],
    frozenset[tuple[str, float]],
    frozenset[int],
    frozenset[tuple[int, float]],
]
"""What an option does: the parties it binds, the threats it addresses (by how much), its cost
to each party, the principles it triggers and how it moves each group at home (by position)."""


def identical_options(s: Scenario) -> list[Problem]:
    """Options of one issue identical in every effect, each set named once at its first
    option; an option identical to its issue's status quo, named against it."""
    status_quo = index(s).status_quo
    found = []
    for i, issue in enumerate(s.issues):
        alike: dict[Effect, list[int]] = {}
        for k, option in enumerate(issue.options):
            alike.setdefault(_effect(s, issue, option), []).append(k)
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
                        f"at home, yet a package choosing {it} counts the issue as moved; give "
                        f"{fix} of {'its' if one else 'their'} own, or remove "
                        f"{'it' if one else 'them'}",
                    )
                )
            else:
                found.append(
                    Problem(
                        path,
                        f"{names} of {issue.id!r} are identical in every effect (the parties "
                        "they bind, the threats they address, their costs, the principles and "
                        "groups at home they move), so a player choosing among them chooses a "
                        "name, not an outcome; keep one, or make them differ",
                    )
                )
    return found


def _effect(s: Scenario, issue: Issue, option: Option) -> Effect:
    """What the engine reads of an option, as `engine.values` reads it."""
    bound = frozenset(option.binds or s.party_ids)
    key = f"{issue.id}.{option.id}"
    tags = set(option.tags)
    groups = []
    for g, group in enumerate(s.domestic_groups):
        if group.party not in bound:
            continue
        delta = sum(
            st.delta for st in group.stances if (st.tag in tags if st.tag else st.option == key)
        )
        if delta:
            groups.append((g, delta))
    return (
        bound,
        frozenset((t, a) for t, a in option.addresses.items() if a),
        frozenset((p, c) for p, c in option.cost.items() if c and p in bound),
        frozenset(
            n for n, pr in enumerate(s.principles) if pr.party in bound and tags & set(pr.tags)
        ),
        frozenset(groups),
    )
