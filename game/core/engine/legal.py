"""What a party may do now: the moves open to it, what it needs to accept, why it would refuse."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from game.core.engine.moves import Act
from game.core.engine.numbers import SUPPORT_PLACES, apportion, compared
from game.core.engine.requirement import Requirement
from game.core.engine.scoring import EPSILON, PartyScore
from game.core.engine.state import State
from game.core.engine.wording import joined
from game.core.scenario.index import index
from game.core.scenario.memo import ScenarioMemo
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package, fits_scope


@dataclass(frozen=True)
class Legal:
    """The moves open to a party now: move kinds at the table and concrete actions."""

    propose: bool = False
    accept: bool = False
    reject: bool = False
    counter: bool = False
    pass_: bool = False
    actions: tuple[Act, ...] = ()
    accept_blocked: tuple[str, ...] = ()
    """Why accepting is not allowed, when an offer is before the party but unacceptable, said
    to the party itself ("it is worth 90 to you, and you need 96": the table shows it after
    "You cannot accept: "); `acceptance_problems` says it about a party, for the log."""


def legal_moves(state: State, party: str) -> Legal:
    """What the party may do now; nothing when it is not its turn."""
    if state.finished or party != state.to_move:
        return Legal()
    actions: tuple[Act, ...] = ()
    if party not in state.acted:
        actions = action_moves(state, party)
    offer = state.offer
    if offer is None:
        return Legal(propose=True, pass_=True, actions=actions)
    if party in offer.scope and party not in offer.accepted:
        blocked = acceptance_problems(state, party, offer.package, offer.scope, to_you=True)
        return Legal(
            accept=not blocked,
            reject=True,
            counter=True,
            pass_=True,
            actions=actions,
            accept_blocked=tuple(blocked),
        )
    return Legal(pass_=True, actions=actions)


def action_moves(state: State, party: str) -> tuple[Act, ...]:
    """Every diplomatic action the party could take, with each possible target."""
    found = _ACTIONS.find(state.scenario, party)
    if found is None:
        found = _ACTIONS.keep(state.scenario, party, _all_actions(state.scenario, party))
    return found


# The actions open to a party depend on the scenario alone, so they are built once per party
# instead of on every turn.
_ACTIONS: ScenarioMemo[str, tuple[Act, ...]] = ScenarioMemo(256)


def action_allowed(state: State, move: Act) -> bool:
    """Whether the action is among the party's legal moves now (`legal_moves(...).actions`),
    without working out the rest of them, such as why it could not accept the offer."""
    party = move.party
    if state.finished or party != state.to_move or party in state.acted:
        return False
    pairs = _PAIRS.find(state.scenario, party)
    if pairs is None:
        made = frozenset((a.action, a.target) for a in action_moves(state, party))
        pairs = _PAIRS.keep(state.scenario, party, made)
    if type(move) is Act:
        # Two actions of one party are equal when their action and target are: a set look-up
        # in place of comparing the models one by one.
        return (move.action, move.target) in pairs
    return move in action_moves(state, party)


_PAIRS: ScenarioMemo[str, frozenset[tuple[str, str | None]]] = ScenarioMemo(256)


def _all_actions(scenario: Scenario, party: str) -> tuple[Act, ...]:
    moves: list[Act] = []
    for action in scenario.actions:
        if action.by and party not in action.by:
            continue
        if action.target == "partner":
            moves += [
                Act(party=party, action=action.id, target=q)
                for q in action.partners_of(party, scenario.party_ids)
            ]
        elif action.target == "group":
            moves += [
                Act(party=party, action=action.id, target=g.id)
                for g in scenario.domestic_groups
                if g.party == party
            ]
        else:
            moves.append(Act(party=party, action=action.id, target=None))
    return tuple(moves)


def required_value(state: State, party: str, scope: tuple[str, ...] | None = None) -> float:
    """What a package binding this scope (None: everyone) must be worth for the party to
    accept: reservation plus premiums (the leader's attention, for the trilateral partnership),
    as `Requirement` names them."""
    return state.scorer.requirement(party, scope).total


def acceptance_problems(
    state: State,
    party: str,
    package: Package,
    scope: tuple[str, ...] | None = None,
    *,
    to_you: bool = False,
) -> list[str]:
    """Why the party may not accept (or propose) a package binding this scope (None:
    everyone): red lines, too little value. Said about the party ("it needs 96: its
    reservation value"), or with `to_you` to the party itself ("you need 96: your reservation
    value"; a play-test read "it" of the player's own country)."""
    scores = state.scorer.parties[party]
    problems = []
    if scores.any_red:
        red = dict.fromkeys(r for i, k in enumerate(package) for r in scores.red[i][k])
        problems = [f"it crosses a red line: {name}" for name in red]
    total = scores.total(package)
    need = scores.requirement_for(scope)
    if total < need.total - EPSILON:
        problems.append(_shortfall(total, need, to_you))
    return problems


PREMIUM_WORDS = {"attention": "leader's limited attention"}
"""What each premium on top of a reservation value is for, after "for its" or "for your"."""


@functools.lru_cache(maxsize=1024)
def _shortfall(total: float, need: Requirement, to_you: bool = False) -> str:
    """Why a package is worth too little, in whole numbers unless a decimal decides it, about
    the party or (`to_you`) to it (remembered: the same offer is checked on every turn it waits
    on the table, and the decimal arithmetic of the text costs more than the rest of the
    check)."""
    worth, needed = compared(total, need.total, 0)
    if to_you:
        worth_to, needs, its = f"{worth} to you", "you need", "your"
    else:
        worth_to, needs, its = worth, "it needs", "its"
    premiums = [p for p in need.premiums if p.points > EPSILON]
    if not premiums:
        return f"it is worth {worth_to}, below {its} reservation value of {needed}"
    places = len(needed.partition(".")[2])
    parts = apportion([need.reservation, *(p.points for p in premiums)], need.total, places)
    extra = " + ".join(
        f"{v:f} for {its} {PREMIUM_WORDS[p.name]}" for p, v in zip(premiums, parts[1:], strict=True)
    )
    return (
        f"it is worth {worth_to}, and {needs} {needed}: {its} reservation value {parts[0]:f} + "
        f"{extra}"
    )


def blocked_text(s: PartyScore, swing: float = 0.0) -> str:
    """Why a party's groups at home would not support a package, naming the heaviest loser;
    `swing` is how far support turned out from what the government expected."""
    who = s.blockers[0] if s.blockers else None
    support, threshold = compared(s.support + swing, s.threshold, SUPPORT_PLACES)
    text = f"its groups at home would not support it (support {support}, needs {threshold}"
    if abs(swing) >= 0.5:
        # With the decimals that tell it from the threshold: 50.5, not "50" beside "needs 50".
        text += (
            f"; the government had expected {compared(s.support, s.threshold, SUPPORT_PLACES)[0]}"
        )
    text += ")"
    if who is not None:
        text += f": {who.name} approval {who.before:.0f} -> {who.after:.0f}"
    return text


def reasons_against(
    state: State, party: str, package: Package, scope: tuple[str, ...] | None = None
) -> tuple[str, ...]:
    """Every reason the engine sees for a party to refuse a package binding this scope (None:
    everyone), most serious first."""
    reasons = acceptance_problems(state, party, package, scope)
    s = state.scorer.score(party, package, scope)
    if not s.ratifies:
        reasons.append(blocked_text(s))
    if s.total < s.requirement.total - EPSILON:
        # Distrust explains part of a shortfall: joint measures are worth less with doubts.
        trust_cost = [t for t in s.breakdown if t.kind == "trust" and t.value < -3]
        for term in sorted(trust_cost, key=lambda t: t.value):
            reasons.append(f"{term.label.removeprefix('Trust: ')} ({term.value:.0f} points)")
    return tuple(reasons)


def offer_problem(state: State, party: str, package: Package, scope: tuple[str, ...]) -> str | None:
    """Why this party cannot put the package on the table, or None when it can."""
    s = state.scenario
    if len(package) != len(s.issues) or any(
        not 0 <= i < len(issue.options) for i, issue in zip(package, s.issues, strict=False)
    ):
        return "the package must choose one existing option for every issue"
    if party not in scope or len(set(scope)) < 2 or not set(scope) <= set(s.party_ids):
        return "the scope must name at least two parties, the proposer among them"
    if package == index(s).status_quo:
        return "the package changes nothing (every issue at its status quo)"
    if any(a.package == package and a.scope == scope for a in state.agreements):
        return "that package is already in force between these parties"
    outside = [
        f"{issue.name}: {issue.options[i].label}"
        for issue, i in zip(s.issues, package, strict=True)
        if not fits_scope(issue.options[i], scope, s.party_ids)
    ]
    if outside:
        verb = "binds" if len(outside) == 1 else "bind"
        return f"{joined(outside)} {verb} parties outside the scope"
    problems = acceptance_problems(state, party, package, scope)
    if problems:
        return "the proposer could not accept it: " + "; ".join(problems)
    return None
