"""The rule of each move type: whether it is allowed now, and the state it leads to.

A rule is registered for its move type with `@rule(MoveType)`; `mechanism.step` looks it up,
so a new move type needs its class (in `moves`) and its rule, nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from game.core.engine.effects import apply_action_effect, off_level
from game.core.engine.legal import (
    acceptance_problems,
    action_allowed,
    legal_moves,
    offer_problem,
    reasons_against,
)
from game.core.engine.moves import Accept, Act, Counter, IllegalMove, Move, Pass, Propose, Reject
from game.core.engine.ratification import ratify
from game.core.engine.scoring import EPSILON
from game.core.engine.state import LogKind, Offer, Pending, Revealed, State, rng
from game.core.engine.wording import (
    action_phrase,
    counted,
    describe,
    logged,
    milestones,
    name,
)
from game.core.scenario.index import index
from game.core.scenario.packages import Package

M = TypeVar("M", bound=Move)
Rule = Callable[[State, Any], State]
"""Checks that a move is allowed (raising IllegalMove) and returns the state after it. The
mechanism has already checked that it is the party's turn and will pass the turn on afterwards
when the move type `ends_turn`."""

_RULES: dict[type[Move], Rule] = {}


def rule(
    move_type: type[M],
) -> Callable[[Callable[[State, M], State]], Callable[[State, M], State]]:
    """Register the decorated function as the rule of a move type."""

    def register(function: Callable[[State, M], State]) -> Callable[[State, M], State]:
        _RULES[move_type] = function
        return function

    return register


def rule_for(move: Move) -> Rule:
    """The rule of a move's type."""
    found = _RULES.get(type(move))
    if found is None:
        raise IllegalMove(f"no rule for moves of type {move.type!r}")
    return found


@rule(Pass)
def _pass(state: State, move: Pass) -> State:
    said = (move.note,) if move.note else ()
    return logged(state, "pass", move.party, f"{name(state, move.party)} passes.", said)


@rule(Propose)
def _propose(state: State, move: Propose) -> State:
    if not legal_moves(state, move.party).propose:
        raise IllegalMove("a package is already on the table; accept, reject or counter it")
    return _put_on_table(state, move.party, move.package, move.scope, "propose")


@rule(Accept)
def _accept(state: State, move: Accept) -> State:
    legal = legal_moves(state, move.party)
    if not legal.accept:
        offer = state.offer
        # Said about the party (a save's move, a script's), not to it as the table says it.
        why = (
            acceptance_problems(state, move.party, offer.package, offer.scope)
            if offer is not None and legal.accept_blocked
            else []
        )
        raise IllegalMove("cannot accept: " + ("; ".join(why) or "nothing to accept"))
    offer = state.offer
    assert offer is not None
    offer = Offer(offer.proposer, offer.package, offer.scope, (*offer.accepted, move.party))
    said = (move.note,) if move.note else ()
    state = logged(
        state, "accept", move.party, f"{name(state, move.party)} accepts.", said, offer=offer
    )
    if set(offer.accepted) == set(offer.scope):
        return ratify(state, offer)
    return state


@rule(Reject)
def _reject_rule(state: State, move: Reject) -> State:
    if not legal_moves(state, move.party).reject:
        raise IllegalMove("there is no package before you to reject")
    return _reject(state, move.party, move.note)


@rule(Counter)
def _counter(state: State, move: Counter) -> State:
    if not legal_moves(state, move.party).counter:
        raise IllegalMove("there is no package before you to counter")
    rejected = _reject(state, move.party, move.note, countering=True)
    return _put_on_table(rejected, move.party, move.package, move.scope, "counter")


@rule(Act)
def _act(state: State, move: Act) -> State:
    if not action_allowed(state, move):
        raise IllegalMove("that diplomatic action is not available (one per round)")
    s = state.scenario
    action = s.action(move.action)
    # The partner's answer in kind, this round or the last, for effects both must take.
    answered = any(
        r >= state.round - 1 and p == move.target and a == move.action and t == move.party
        for r, p, a, t in state.acts
    )
    changes: list[str] = []
    pending = list(state.pending)
    conditions = state.conditions
    partner = name(state, move.target) if move.target in s.party_ids else "the partner"
    for n, effect in enumerate(action.effects):
        if effect.min_trust is not None and move.target in s.party_ids:
            trust = state.conditions.trust[index(s).dyad(move.party, move.target)]
            if trust < effect.min_trust:
                changes.append(
                    f"no {effect.kind} effect: it needs trust with {partner} of at least "
                    f"{effect.min_trust:.0f} ({trust:.0f} before this action)"
                )
                continue
        if effect.mutual and not answered:
            changes.append(f"{effect.kind} effect waits for {partner} to do the same")
            continue
        if (
            effect.kind == "stage"
            and effect.who != "others"
            and not effect.after_rounds
            and move.target in s.party_ids
        ):
            # Said before the chance: at another level, it could not have worked at all.
            off = off_level(s, conditions, effect, move.party, move.target)
            if off is not None:
                changes.append(off)
                continue
        if (
            effect.chance < 1
            and rng(state.seed, "action", state.round, move.party, action.id, n).random()
            >= effect.chance
        ):
            # Said, as a missed threshold is: a player who did everything asked sees why
            # nothing moved.
            changes.append(
                f"no {effect.kind} effect this time: it had a {effect.chance:.0%} chance"
            )
            continue
        if effect.after_rounds:
            pending.append(
                Pending(
                    state.round + effect.after_rounds, move.party, move.target, effect, action.id
                )
            )
            changes.append(f"{effect.kind} effect due in {counted(effect.after_rounds, 'round')}")
            continue
        conditions, said = apply_action_effect(s, conditions, effect, move.party, move.target)
        changes += said
    text = f"{name(state, move.party)}: {action_phrase(s, move.action, move.target)}."
    after = logged(
        state,
        "action",
        move.party,
        text,
        tuple(changes),
        action.source,
        # Whom the act was towards, for what the other parties are told of it (`secrecy`).
        parties=(move.party, move.target) if move.target in s.party_ids else (),
        acted=state.acted | {move.party},
        acts=(*state.acts, (state.round, move.party, move.action, move.target)),
        conditions=conditions,
        pending=tuple(pending),
    )
    return milestones(after, state.conditions)


def _put_on_table(
    state: State, party: str, package: Package, scope: tuple[str, ...], kind: LogKind
) -> State:
    scope = tuple(p for p in state.scenario.party_ids if p in scope)
    problem = offer_problem(state, party, package, scope)
    if problem:
        raise IllegalMove(problem)
    verb = "tables" if kind == "propose" else "counters with"
    text = f"{name(state, party)} {verb}: {describe(state, package, scope)}"
    return logged(state, kind, party, text, offer=Offer(party, package, scope, (party,)))


def _reject(state: State, party: str, note: str, countering: bool = False) -> State:
    offer = state.offer
    assert offer is not None
    reasons = reasons_against(state, party, offer.package, offer.scope)
    if note:
        reasons = (*reasons, note)
    verb = "rejects the package to counter it" if countering else "rejects the package"
    # A package worth less than the party needs is refused with both numbers, for all to read.
    score = state.scorer.score(party, offer.package, offer.scope)
    revealed: tuple[Revealed, ...] = ()
    if score.total < score.requirement.total - EPSILON:
        revealed = (Revealed(party, offer.package, score.total, score.requirement.total),)
    return logged(
        state,
        "reject",
        party,
        f"{name(state, party)} {verb}.",
        reasons or ("no stated reason",),
        revealed=revealed,
        offer=None,
    )
