"""Reciprocity at the close: a negotiator does not reward a partner that never moved from its
opening demand with the concessions its own deadline would otherwise make."""

from __future__ import annotations

from game.core.engine.legal import required_value
from game.core.engine.moves import Accept, Counter, Propose
from game.core.engine.state import State
from game.core.engine.wording import name
from game.core.players import search
from game.core.players.beliefs import Beliefs
from game.core.scenario.packages import Package

RESOLVE = 0.5
"""The share of its hopes above what it needs that a negotiator keeps against a stonewaller."""

ROOM = 5.0
"""How much more, in its own score points, a negotiator must believe a partner could give it
before it calls the partner's unmoving demand greedy."""

GREED = 0.8
"""The share of a partner's hopes above its need, as a negotiator believes them, that a package
must give it to count as that partner's maximum."""


def tabled(state: State, party: str) -> tuple[list[Package], bool]:
    """Every package the party has tabled, in order, and whether it has accepted anything."""
    packages: list[Package] = []
    accepted = False
    for move in state.moves:
        if move.party == party:
            if isinstance(move, Propose | Counter):
                packages.append(move.package)
            accepted = accepted or isinstance(move, Accept)
    return packages, accepted


def _unmoved(packages: list[Package], accepted: bool) -> bool:
    """Whether a record of tabling (`tabled`) is a stonewaller's: one package only, at least
    twice, and nothing accepted."""
    return not accepted and len(packages) >= 2 and len(set(packages)) == 1


def stonewalling(state: State, partner: str) -> bool:
    """Whether the partner has tabled one package only, at least twice, and accepted
    nothing: it has not moved at all."""
    return _unmoved(*tabled(state, partner))


def would_stonewall(state: State, party: str, package: Package) -> bool:
    """Whether the party, tabling the package (or leaving it on the table), is a stonewaller
    in its partners' eyes when they answer it."""
    packages, accepted = tabled(state, party)
    offer = state.offer
    if offer is None or offer.proposer != party or offer.package != package:
        packages.append(package)
    return _unmoved(packages, accepted) and packages[0] == package


def holds_firm(state: State, party: str, b: Beliefs, partner: str) -> bool:
    """Whether the party holds firm against the partner: a stonewaller whose one package, the
    party believes, demands nearly all the partner hopes for while it had room to give more."""
    packages, accepted = tabled(state, partner)
    return _unmoved(packages, accepted) and demands_most(state, party, b, partner, packages[0])


def only_package(state: State, party: str) -> Package | None:
    """The one package the party has tabled so far, if it has tabled exactly one (tabling it
    again would make it a stonewaller in its partners' eyes)."""
    distinct = set(tabled(state, party)[0])
    return next(iter(distinct)) if len(distinct) == 1 else None


def demands_most(state: State, party: str, b: Beliefs, partner: str, package: Package) -> bool:
    """Whether the package gives the partner nearly all it could hope for while it could
    give the party clearly more, as the party believes (a negotiator that stays on a middling
    package, or that has no room to move, is not punished for it)."""
    ids = state.scenario.party_ids
    found = search.candidates(state, party, b, ids)
    best = max(b.value(partner, p) for p in found)
    need = b.needs[partner]
    if best > need and b.value(partner, package) - need < GREED * (best - need):
        return False
    own = state.scorer.parties[party]
    room = [own.total(p) for p in found if b.value(partner, p) >= need]
    return max(room, default=0.0) >= own.total(package) + ROOM


def resolve(state: State, party: str, scope: tuple[str, ...]) -> float:
    """What the party holds out for against a stonewaller: what it needs, and RESOLVE of its
    hopes above that."""
    need = required_value(state, party, scope)
    return need + RESOLVE * max(0.0, search.best_possible(state, party) - need)


def complaint(state: State, partner: str) -> str:
    """Why a negotiator holds firm against a stonewaller, in a refusal's words."""
    return f"{name(state, partner)} has tabled the same package every time and accepted nothing"
