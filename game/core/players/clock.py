"""When a negotiator concedes: the game's clock, a party's own last chance to table a package,
and the concession curve between them.

On hard, a negotiator counts time to its own final say (the last round in which every partner
can still answer what it tables) rather than to the game's end, so it makes its last real offer
while there is time to take it.
"""

from __future__ import annotations

from game.core.engine.legal import required_value
from game.core.engine.state import State, turn_order
from game.core.players.style import Style
from game.core.scenario.packages import Package

CLOSING = 3
"""The last rounds, in which a negotiator searches the whole zone of agreement (as it believes
it to be) when its usual search finds nothing."""


TOO_LATE = "a partner still to answer could not accept it in time"
"""The reason a negotiator gives for countering, in the last round, an offer it would accept
(the debrief tells this apart from holding out for more)."""


def progress(state: State) -> float:
    """How far the game has gone, from 0 (first round) to 1 (last round)."""
    return state.round / max(1, len(state.scenario.rounds) - 1)


def closing(state: State) -> bool:
    """Whether the game is in its closing rounds, when time is short (see CLOSING)."""
    return state.round >= len(state.scenario.rounds) - CLOSING


def carried_into_last_round(state: State, package: Package) -> bool:
    """Whether the package is the offer on the table since before the game's last round
    opened: time for it has nearly run out, and what does not pass now never will."""
    offer = state.offer
    return (
        state.round >= len(state.scenario.rounds) - 1
        and offer is not None
        and offer.package == package
        and bool(state.offered)
        and state.offered[-1] == package
    )


def concede(t: float, exponent: float, patience: float) -> float:
    """The share of the way from its best towards what it needs that a negotiator has
    conceded at time t: nothing while patient, then t' ** (1/e) over what is left."""
    if t <= patience:
        return 0.0
    rest = (t - patience) / (1.0 - patience)
    return float(rest ** (1.0 / exponent))


def aspiration(
    state: State, party: str, style: Style, best: float, exponent: float | None = None
) -> float:
    """The value the party holds out for now: from its best towards what it needs."""
    floor = required_value(state, party)
    e = style.exponent(state, party) if exponent is None else exponent
    t = own_progress(state, party) if style.plays_deadline else progress(state)
    return floor + max(0.0, best - floor) * (1.0 - concede(t, e, style.patience))


def final_say(state: State, party: str) -> int:
    """The last round in which a package the party tables can still be answered by every
    partner: the last round if it chairs it (it moves first), else the one before."""
    last = len(state.scenario.rounds) - 1
    chairs_last = turn_order(state.scenario.party_ids, last)[0] == party
    return last if chairs_last else max(0, last - 1)


def own_progress(state: State, party: str) -> float:
    """How far the game has gone towards the party's own final say, from 0 to 1."""
    return min(1.0, state.round / max(1, final_say(state, party)))


def last_round(state: State) -> bool:
    """Whether this is the game's last round."""
    return state.round >= len(state.scenario.rounds) - 1


def too_late(state: State, party: str, scope: tuple[str, ...]) -> bool:
    """Whether a package of this scope tabled now could no longer be accepted by everyone in
    it: in the game's last round, a partner in it has had its turn (the package would stand
    unanswered at the deadline, so the negotiator does not table it)."""
    moved = state.order[: state.turn]
    return last_round(state) and any(q in moved for q in scope if q != party)


def waits_into_last_round(state: State, party: str, scope: tuple[str, ...]) -> bool:
    """Whether a package of this scope that leaves a party out, tabled now, would wait into
    the game's last round for a partner that has had its turn in this round, the one before
    the last, while the party could table it there itself before that partner's last turn.
    Waiting there, it holds the table: the party left out, which may not answer it, could
    not table a trilateral package in the game's last round (revive-spp, all hard: 590 of
    1,000 games made a trilateral deal while such packages were tabled, 626 once they were
    kept until the last round)."""
    ids = state.scenario.party_ids
    last = len(state.scenario.rounds) - 1
    if len(scope) == len(ids) or state.round != last - 1:
        return False
    moved = state.order[: state.turn]
    in_last = turn_order(ids, last)
    return any(q in moved and in_last.index(q) > in_last.index(party) for q in scope if q != party)
