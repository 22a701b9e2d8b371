"""Opening a round: delayed action effects land, then the events that are due fire."""

from __future__ import annotations

from game.core.engine.effects import apply_action_effect, apply_event_effect
from game.core.engine.state import LogEntry, Pending, State, evolve, rng
from game.core.engine.wording import action_phrase, effect_text, logged, name, possessive
from game.core.scenario.index import index
from game.core.scenario.memo import ScenarioMemo
from game.core.scenario.model import Scenario
from game.core.scenario.timeline import (
    ApprovalBelow,
    AttentionBelow,
    Condition,
    Event,
    TrustAbove,
    TrustBelow,
)

DELAYED = "Delayed consequence of "
"""How the log opens the line of an action's effect that lands rounds later."""


def scenario_event(scenario: Scenario, entry: LogEntry) -> Event | None:
    """The scenario's event that a log entry records, or None (a delayed consequence of an
    action, a move, a vote): `_fire` logs an event as "Title: text", so the title finds it."""
    if entry.kind != "event":
        return None
    return next((e for e in scenario.events if entry.text.startswith(f"{e.title}: ")), None)


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
            text = delayed_text(state, p)
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
    # Only the events not yet fired, dated by now and with their cause on can be due, and
    # firing one changes that for no other, so the search runs over those alone (still
    # asking whether each has fired: two events could share an id).
    waiting = [
        e
        for e in _by_date(state.scenario)
        if e.id not in state.fired
        and e.date <= rnd.date
        and not (e.cause and e.cause in state.disabled_causes)
    ]
    while True:
        j = next(
            (j for j, e in enumerate(waiting) if e.id not in state.fired and _holds_all(state, e)),
            None,
        )
        if j is None:
            break
        event = waiting.pop(j)
        fired = state.fired | {event.id}
        if event.chance < 1 and rng(state.seed, "event", event.id).random() >= event.chance:
            state = evolve(state, fired=fired)
            continue
        state = _fire(state, event, fired)
    offered = state.offer.package if state.offer else None
    return evolve(
        state, snapshots=(*state.snapshots, state.conditions), offered=(*state.offered, offered)
    )


def delayed_text(state: State, p: Pending) -> str:
    """The log's line of an action's effect that lands rounds after the act: who acted, in
    which round and month, then the act with its target as the act's own line said it
    ("Delayed consequence of United States' action in round 5 (2007-05): Act unilaterally,
    without telling Mexico."). A play-test read "Delayed consequence of Act unilaterally by
    United States." and could not tell towards whom, or when."""
    month = state.scenario.rounds[p.taken].date.isoformat()[:7]
    act = action_phrase(state.scenario, p.action, p.partner)
    who = possessive(name(state, p.actor))
    return f"{DELAYED}{who} action in round {p.taken + 1} ({month}): {act}."


def _holds_all(state: State, event: Event) -> bool:
    """Whether every test of an event holds now (an event without tests: always)."""
    return not event.when or all(holds(state, c) for c in event.when)


_BY_DATE: ScenarioMemo[None, tuple[Event, ...]] = ScenarioMemo(64)


def _by_date(scenario: Scenario) -> tuple[Event, ...]:
    """The scenario's events in date order, same-day events in the scenario's order (sorted
    once per scenario object, not every round)."""
    found = _BY_DATE.find(scenario, None)
    if found is None:
        found = _BY_DATE.keep(scenario, None, tuple(sorted(scenario.events, key=lambda e: e.date)))
    return found


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


def _fire(state: State, event: Event, fired: frozenset[str]) -> State:
    """The state once the event has fired (`fired`: the events due so far, this one too)."""
    conditions = state.conditions
    for effect in event.effects:
        conditions = apply_event_effect(state.scenario, conditions, effect)
    changes = tuple(effect_text(state.scenario, e) for e in event.effects)
    return logged(
        state,
        "event",
        None,
        f"{event.title}: {event.text}",
        changes,
        source=event.source,
        conditions=conditions,
        fired=fired,
    )
