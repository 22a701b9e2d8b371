"""The computer's diplomatic habits: which action it takes, if any, before it moves at the table.

In order: mend the home front after a package failed there; answer a partner's joint threat
assessment in kind (breaking the old consensus takes both); act alone towards a partner it
hardly trusts, as the chapter's U.S. agencies did towards Mexico (as often as the country's
appetite for unilateral moves, set in the scenario, says), though not while a package worth
what it needs waits for its answer, nor on hard while it believes a trilateral deal is in
sight; settle something with a trusted partner when it sees no trilateral deal
(dual-bilateralism); and otherwise, now and then, work on the relationship it trusts least.
On hard, before it decides that no trilateral deal is in sight (to act alone or to settle
on the side), it looks through the whole zone of agreement as it believes it to be, as every
computer does in the closing rounds.
Every chance is drawn from the game's seed. These habits are the design's reading of the
chapter, not the chapter's findings.
"""

from __future__ import annotations

from game.core.engine.legal import acceptance_problems
from game.core.engine.moves import Act
from game.core.engine.state import State
from game.core.players.beliefs import beliefs
from game.core.players.draws import first_draw
from game.core.players.style import Style
from game.core.players.tactics import no_trilateral_deal_in_sight
from game.core.scenario.index import index

HABIT = 0.3
"""Chance per turn that a computer negotiator works on a relationship."""

WARY = 10.0
"""Trust points above the competitive threshold below which a party is wary of a partner: it
may then act alone towards it ("cautious and unilateral policies", Policies B) US-MX)."""

SIDE_DEAL_TRUST = 60.0
"""Trust a party needs in a partner before it settles something with it on the side."""

SIDE_DEAL = 0.5
"""Chance per turn that a party with no trilateral deal in sight signs a side deal."""


def choose_action(state: State, party: str, actions: tuple[Act, ...], style: Style) -> Act | None:
    """The diplomatic action the party takes this turn, if any (see the module's docstring)."""
    if not actions:
        return None
    for habit in (_mend, _answer, _act_alone, _side_deal, _build):
        chosen = habit(state, party, actions, style)
        if chosen is not None:
            return chosen
    return None


def _kind(state: State, act: Act) -> str:
    return state.scenario.action(act.action).kind


def _of_kind(state: State, actions: tuple[Act, ...], kind: str) -> list[Act]:
    return [a for a in actions if _kind(state, a) == kind]


def _chance(state: State, party: str, habit: str, p: float) -> bool:
    return first_draw(state.seed, habit, state.round, party) < p


def _trust(state: State, a: str, b: str) -> float:
    return state.conditions.trust[index(state.scenario).dyad(a, b)]


def _mend(state: State, party: str, actions: tuple[Act, ...], style: Style) -> Act | None:
    """After a package failed at home, consult the least approving group."""
    last_block = next((e for e in reversed(state.log) if e.kind == "blocked"), None)
    if last_block is None or last_block.round < state.round - 1:
        return None
    consult = _of_kind(state, actions, "consult")
    if not consult:
        return None
    ix = index(state.scenario)
    return min(consult, key=lambda a: state.conditions.approval[ix.groups[a.target or ""]])


def _answer(state: State, party: str, actions: tuple[Act, ...], style: Style) -> Act | None:
    """Answer a partner's joint assessment of last round or this one, at the first level, with
    the same chance as any relationship work, unless wary of it (breaking the old consensus
    takes both, and trust)."""
    ix = index(state.scenario)
    asked = [
        p
        for r, p, a, t in state.acts
        if t == party
        and r >= state.round - 1
        and state.scenario.action(a).kind == "joint_assessment"
        and state.conditions.stage[ix.dyad(party, p)] == 0
    ]
    wary_below = state.scenario.wendt.competitive_below + WARY
    asked = [p for p in asked if _trust(state, party, p) >= wary_below]
    if not asked or not _chance(state, party, "answer", HABIT):
        return None
    wanted = _of_kind(state, actions, "joint_assessment")
    return next((a for a in wanted if a.target in asked), None)


def _done(state: State, party: str, act: Act) -> bool:
    """Whether the party has already taken this action towards this target in the game."""
    return any(p == party and a == act.action and t == act.target for _, p, a, t in state.acts)


def _act_alone(state: State, party: str, actions: tuple[Act, ...], style: Style) -> Act | None:
    """Towards a partner it hardly trusts, a party sometimes acts alone, once: it pays now and
    costs trust when it comes to light. Not while a package worth what it needs waits for its
    answer: acting alone raises what it needs. In merida-2007 the United States, moving last,
    used to act alone and then refuse a package it would have taken (20 of 1,000 normal games
    ended without a deal while one was there; 9 without this). On hard, not while it believes
    a trilateral deal is in sight either: in revive-spp the United States' habit sank the deal
    it wanted (with every seat hard, 178 trilateral deals in 1,000 games before this rule, 327
    with it)."""
    wary_below = state.scenario.wendt.competitive_below + WARY
    distrusted = [
        a
        for a in _of_kind(state, actions, "unilateral")
        if a.target is not None
        and _trust(state, party, a.target) < wary_below
        and not _done(state, party, a)
    ]
    if not distrusted or not _chance(state, party, "unilateral", style.unilateral):
        return None
    if _deal_waiting(state, party):
        return None
    if style.minds_the_deal and deal_in_sight(state, party, style):
        return None
    return min(distrusted, key=lambda a: (_trust(state, party, a.target or ""), a.target or ""))


def _deal_waiting(state: State, party: str) -> bool:
    """Whether a package the party may accept now (the engine's check: no red line of its,
    worth what it needs) and its groups at home back waits for its answer: acting alone would
    raise what it needs and could sink it."""
    offer = state.offer
    if offer is None or party not in offer.awaited:
        return False
    if acceptance_problems(state, party, offer.package, offer.scope):
        return False
    return state.scorer.score(party, offer.package, offer.scope).ratifies


def deal_in_sight(state: State, party: str, style: Style) -> bool:
    """Whether the party believes a trilateral deal is in sight (`tactics`, its own beliefs)."""
    b = beliefs(state, party, style.knowledge)
    return not no_trilateral_deal_in_sight(state, party, b, thorough=style.minds_the_deal)


def _side_deal(state: State, party: str, actions: tuple[Act, ...], style: Style) -> Act | None:
    """With no trilateral deal in sight, settle something with the partner it trusts most
    (once with each partner: what two countries could settle alone, they settle once)."""
    deals = [
        a
        for a in _of_kind(state, actions, "side_deal")
        if a.target is not None
        and _trust(state, party, a.target) >= SIDE_DEAL_TRUST
        and not any(_done(state, q, b) for q, b in _both_ways(state, party, a))
    ]
    if not deals or not _chance(state, party, "side deal", SIDE_DEAL):
        return None
    if deal_in_sight(state, party, style):
        return None
    return max(deals, key=lambda a: (_trust(state, party, a.target or ""), a.target or ""))


def _both_ways(state: State, party: str, act: Act) -> list[tuple[str, Act]]:
    """The action by the party towards its target, and the same by the target towards it."""
    target = act.target or ""
    return [(party, act), (target, Act(party=target, action=act.action, target=party))]


def _build(state: State, party: str, actions: tuple[Act, ...], style: Style) -> Act | None:
    """Now and then, work on the relationship with the partner it trusts least, at the level
    of transformation the two have reached: joint assessments break the old consensus,
    confidence-building examines it critically."""
    if not _chance(state, party, "habit", HABIT):
        return None
    partners = [q for q in state.scenario.party_ids if q != party]
    weakest = min(partners, key=lambda q: (_trust(state, party, q), q))
    stage = state.conditions.stage[index(state.scenario).dyad(party, weakest)]
    wanted = "joint_assessment" if stage == 0 else "confidence_building"
    return next((a for a in _of_kind(state, actions, wanted) if a.target == weakest), None)
