"""What an option does, as the engine reads it: one reading for every check that asks whether
two options differ, or whether an option moves its issue off the status quo.

The engine (`engine.values`) reads of an option, for each party it binds: the threats it
addresses, discounted by trust in the partners it binds with them; its cost to that party; the
party's principles its tags trigger; and how the party's groups at home react to its tags or to
its name. Labels, descriptions, sources and tags nothing reacts to are words, not effects; an
option bound on a party but doing nothing to it is as good as not binding it.
"""

from __future__ import annotations

from game.core.scenario.agenda import Issue, Option
from game.core.scenario.model import Scenario

PartyEffect = tuple[
    tuple[tuple[str, float], ...], frozenset[str], float, frozenset[int], tuple[float, ...]
]
"""What an option does to one party: the threats it addresses (by how much), the partners the
party relies on for them, its cost, the principles it triggers (by position in the scenario)
and how it moves each of the party's groups at home."""

Effect = tuple[PartyEffect | None, ...]
"""What an option does to each party, by position (None: nothing)."""


def option_effect(scenario: Scenario, issue: Issue, option: Option) -> Effect:
    """What an option does to each party, as scoring and support at home read it."""
    key = f"{issue.id}.{option.id}"
    tags = set(option.tags)
    bound = option.binds or scenario.party_ids
    threats = tuple(sorted((t, a) for t, a in option.addresses.items() if a))
    found: list[PartyEffect | None] = []
    for party in scenario.party_ids:
        if party not in bound:
            found.append(None)
            continue
        cost = option.cost.get(party, 0.0)
        principles = frozenset(
            n
            for n, pr in enumerate(scenario.principles)
            if pr.party == party and tags & set(pr.tags)
        )
        groups = tuple(
            sum(st.delta for st in g.stances if (st.tag in tags if st.tag else st.option == key))
            for g in scenario.domestic_groups
            if g.party == party
        )
        if not (threats or cost or principles or any(groups)):
            found.append(None)
            continue
        # Joint measures are discounted by trust in the partners: with other partners, the
        # same threats addressed are worth something else.
        partners = frozenset(bound) - {party} if threats else frozenset()
        found.append((threats, partners, cost, principles, groups))
    return tuple(found)
