"""Opening a round: delayed action effects land, then the events that are due fire."""

from __future__ import annotations

import datetime as dt

from game.core.engine.effects import apply_action_effect, apply_event_effect
from game.core.engine.state import State, evolve, rng
from game.core.engine.wording import effect_text, logged, name
from game.core.scenario.index import index
from game.core.scenario.timeline import (
    ApprovalBelow,
    AttentionBelow,
    Condition,
    Event,
    TrustAbove,
    TrustBelow,
)


def open_round(state: State) -> State:
    """Apply due delayed effects and fire due events, then record the round's conditions."""
    rnd = state.scenario.rounds[state.round]
    state = logged(
        state,
        "round",
        None,
        f"{rnd.name} ({rnd.date.isoformat()}); {name(state, state.chair)} chairs.",
    )
    due = [p for p in state.pending if p.due <= state.round]
    if due:
        conditions = state.conditions
        for p in due:
            action = state.scenario.action(p.action)
            conditions, said = apply_action_effect(
                state.scenario, conditions, p.effect, p.actor, p.partner
            )
            text = f"Delayed consequence of {action.name} by {name(state, p.actor)}."
            if action.inferred:
                said = [*said, "its size is a design choice"]
            state = logged(state, "event", p.actor, text, tuple(said), action.source)
        state = evolve(
            state,
            conditions=conditions,
            pending=tuple(p for p in state.pending if p.due > state.round),
        )
    # The first due event in date order (one date: the scenario's order) fires, then the
    # search starts again: a conditional event may be waiting on the one that just fired.
    events = sorted(state.scenario.events, key=lambda e: e.date)
    while (event := next((e for e in events if _due(state, e, rnd.date)), None)) is not None:
        state = evolve(state, fired=state.fired | {event.id})
        if event.chance < 1 and rng(state.seed, "event", event.id).random() >= event.chance:
            continue
        state = _fire(state, event)
    offered = state.offer.package if state.offer else None
    return evolve(
        state, snapshots=(*state.snapshots, state.conditions), offered=(*state.offered, offered)
    )


def _due(state: State, event: Event, date: dt.date) -> bool:
    """Whether an event fires now: not yet fired, dated by now, its cause on, its test met."""
    if event.id in state.fired or event.date > date:
        return False
    if event.cause and event.cause in state.disabled_causes:
        return False
    return all(holds(state, c) for c in event.when)


def holds(state: State, condition: Condition) -> bool:
    """Whether a conditional event's test holds now."""
    c = state.conditions
    ix = index(state.scenario)
    if isinstance(condition, TrustBelow):
        return c.trust[ix.dyad(*condition.dyad)] < condition.value
    if isinstance(condition, TrustAbove):
        return c.trust[ix.dyad(*condition.dyad)] >= condition.value
    if isinstance(condition, ApprovalBelow):
        return c.approval[ix.groups[condition.group]] < condition.value
    if isinstance(condition, AttentionBelow):
        return c.attention[ix.parties[condition.party]] < condition.value
    raise TypeError(condition)  # pragma: no cover - the union is closed


def _fire(state: State, event: Event) -> State:
    conditions = state.conditions
    for effect in event.effects:
        conditions = apply_event_effect(state.scenario, conditions, effect)
    changes = tuple(effect_text(state.scenario, e) for e in event.effects)
    return logged(
        evolve(state, conditions=conditions),
        "event",
        None,
        f"{event.title}: {event.text}",
        changes,
        source=event.source,
    )
