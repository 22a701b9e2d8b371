"""What a party is not told yet: a unilateral act, taken without telling, till it comes to light."""

from __future__ import annotations

from game.core.engine.state import State


def untold(state: State, viewer: str) -> frozenset[int]:
    """The positions in the log of the lines the viewer is not told of yet: another party's
    unilateral act (an action of kind `unilateral`, taken without telling its target) while an
    effect of it is still due. It comes to light when that effect lands, as the chapter's
    covert operations did before Mexico protested [Policies B) US-MX]; once the game is over,
    everything is told."""
    if state.finished or not state.pending:
        return frozenset()
    scenario = state.scenario
    # (actor, target, round taken) of each unilateral act with an effect still to land.
    due = {
        (p.actor, p.partner, p.taken)
        for p in state.pending
        if p.actor != viewer and scenario.action(p.action).kind == "unilateral"
    }
    return frozenset(
        n
        for n, e in enumerate(state.log)
        if e.kind == "action" and len(e.parties) == 2 and (e.party, e.parties[1], e.round) in due
    )
