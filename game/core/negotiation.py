"""The negotiation as a state machine: start a game, ask for legal moves, step(move) -> new state.

A game is a series of dated rounds (summits). In each round every party gets one turn, the
chair first (the chair rotates). On its turn a party may take one diplomatic action and then
makes one move at the table: table a package, accept / reject / counter the package on the
table, or pass. A package every party in its scope accepts goes home for ratification (the
two-level game); failure reopens it and the table learns which group blocked it. Events fire
between rounds. Chance comes only from the seed, so the same seed and moves give the same game.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field, replace
from typing import Literal

from game.core.conditions import Conditions, index, wendt_system
from game.core.package import fits_scope
from game.core.scenario import (
    ActionEffect,
    ApprovalBelow,
    ApprovalEffect,
    AttentionBelow,
    AttentionEffect,
    Condition,
    Effect,
    Event,
    PriorityEffect,
    Scenario,
    StageEffect,
    TrustAbove,
    TrustBelow,
    TrustEffect,
)
from game.core.scoring import EPSILON, PartyScore, Scorer, scorer

Choice = tuple[int, ...]
Seat = Literal["human", "computer"]
Difficulty = Literal["easy", "normal", "hard"]


class IllegalMove(ValueError):
    """A move the rules do not allow in this state; the message says why."""


# ---------------------------------------------------------------------------------------------
# Moves


@dataclass(frozen=True)
class Table:
    """Put a package on the table (the proposer accepts it by tabling it)."""

    party: str
    options: Choice
    scope: tuple[str, ...]


@dataclass(frozen=True)
class Accept:
    """Accept the package on the table."""

    party: str


@dataclass(frozen=True)
class Reject:
    """Reject the package on the table; the engine derives the reasons."""

    party: str
    note: str = ""


@dataclass(frozen=True)
class Counter:
    """Reject the package on the table and table another in its place."""

    party: str
    options: Choice
    scope: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Act:
    """Take a diplomatic action (at most one per round), then still make a move."""

    party: str
    action: str
    target: str | None = None


@dataclass(frozen=True)
class Pass:
    """End the turn without a move at the table."""

    party: str


Move = Table | Accept | Reject | Counter | Act | Pass

# ---------------------------------------------------------------------------------------------
# State


@dataclass(frozen=True)
class Proposal:
    """The package on the table and who has accepted it so far."""

    proposer: str
    options: Choice
    scope: tuple[str, ...]
    accepted: tuple[str, ...]


@dataclass(frozen=True)
class Agreement:
    """A package ratified at home by every party in its scope."""

    options: Choice
    scope: tuple[str, ...]
    round: int


@dataclass(frozen=True)
class Pending:
    """An action effect that lands in a later round (e.g. the trust cost of a unilateral act)."""

    due: int
    actor: str
    partner: str | None
    effect: ActionEffect
    action: str


LogKind = Literal[
    "table",
    "accept",
    "reject",
    "counter",
    "action",
    "pass",
    "event",
    "ratified",
    "blocked",
    "round",
    "end",
]


@dataclass(frozen=True)
class LogEntry:
    """One line of the negotiation's record."""

    round: int
    kind: LogKind
    party: str | None
    text: str
    reasons: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class State:
    """A whole game at one moment; never changed in place, step() returns a new one."""

    scenario: Scenario = field(compare=False, repr=False)
    seed: int
    seats: tuple[tuple[str, Seat], ...]
    round: int
    turn: int
    conditions: Conditions
    table: Proposal | None = None
    acted: frozenset[str] = frozenset()
    fired: frozenset[str] = frozenset()
    pending: tuple[Pending, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    snapshots: tuple[Conditions, ...] = ()
    """The conditions as each round opened, in order."""
    offers: tuple[Choice | None, ...] = ()
    """The package on the table as each round opened (None: nothing on the table)."""
    log: tuple[LogEntry, ...] = ()
    finished: bool = False
    disabled_causes: frozenset[str] = frozenset()
    difficulty: Difficulty = "normal"
    moves: tuple[Move, ...] = ()
    """Every move made so far, in order: replaying them from the start gives this state."""

    @property
    def order(self) -> tuple[str, ...]:
        """Parties in turn order this round, the chair first."""
        ids = self.scenario.party_ids
        k = self.round % len(ids)
        return ids[k:] + ids[:k]

    @property
    def chair(self) -> str:
        """The party chairing this round."""
        return self.order[0]

    @property
    def to_move(self) -> str | None:
        """The party whose turn it is (None once the game is over)."""
        return None if self.finished else self.order[self.turn]

    @property
    def date(self) -> str:
        """The date of the current round."""
        rounds = self.scenario.rounds
        return rounds[min(self.round, len(rounds) - 1)].date.isoformat()

    @property
    def scorer(self) -> Scorer:
        """Scores under the current conditions."""
        return scorer(self.scenario, self.conditions)

    @property
    def trilateral(self) -> Agreement | None:
        """The ratified agreement binding every party, if any."""
        everyone = set(self.scenario.party_ids)
        return next((a for a in self.agreements if set(a.scope) == everyone), None)

    def seat(self, party: str) -> Seat:
        """Who plays a party."""
        return dict(self.seats)[party]

    def digest(self) -> str:
        """A stable hash of the game (for determinism checks and save files).

        It covers everything that decides the game, not the wording of its log, so improving a
        message does not invalidate saved games.
        """
        fields = (
            self.scenario.id,
            self.seed,
            self.seats,
            self.round,
            self.turn,
            self.conditions,
            self.table,
            sorted(self.acted),
            sorted(self.fired),
            self.pending,
            self.agreements,
            self.snapshots,
            self.offers,
            self.finished,
            sorted(self.disabled_causes),
            self.difficulty,
            self.moves,
        )
        return hashlib.sha256(repr(fields).encode()).hexdigest()


def rng(seed: int, *parts: object) -> random.Random:
    """A random stream fixed by the seed and a label (string seeding is stable across runs)."""
    return random.Random("|".join([str(seed), *map(str, parts)]))


# ---------------------------------------------------------------------------------------------
# Starting


def start(
    scenario: Scenario,
    seed: int,
    seats: dict[str, Seat] | None = None,
    disabled_causes: frozenset[str] | set[str] = frozenset(),
    difficulty: Difficulty = "normal",
) -> State:
    """A new game at its first round, with the events due by then already fired."""
    seats = seats or {p: "computer" for p in scenario.party_ids}
    unknown = set(seats) ^ set(scenario.party_ids)
    if unknown:
        raise ValueError(f"seats must name every party exactly: {sorted(unknown)}")
    state = State(
        scenario=scenario,
        seed=seed,
        seats=tuple((p, seats[p]) for p in scenario.party_ids),
        round=0,
        turn=0,
        conditions=Conditions.initial(scenario),
        disabled_causes=frozenset(disabled_causes),
        difficulty=difficulty,
    )
    return _open_round(state)


# ---------------------------------------------------------------------------------------------
# What a party may do


@dataclass(frozen=True)
class Legal:
    """The moves open to a party now: move kinds at the table and concrete actions."""

    table: bool = False
    accept: bool = False
    reject: bool = False
    counter: bool = False
    pass_: bool = False
    actions: tuple[Act, ...] = ()
    accept_blocked: tuple[str, ...] = ()
    """Why accepting is not allowed, when the package is on the table but unacceptable."""


def legal_moves(state: State, party: str) -> Legal:
    """What the party may do now; nothing when it is not its turn."""
    if state.finished or party != state.to_move:
        return Legal()
    actions: tuple[Act, ...] = ()
    if party not in state.acted:
        actions = tuple(_action_moves(state, party))
    table = state.table
    if table is None:
        return Legal(table=True, pass_=True, actions=actions)
    if party in table.scope and party not in table.accepted:
        blocked = acceptance_problems(state, party, table.options)
        return Legal(
            accept=not blocked,
            reject=True,
            counter=True,
            pass_=True,
            actions=actions,
            accept_blocked=tuple(blocked),
        )
    return Legal(pass_=True, actions=actions)


def _action_moves(state: State, party: str) -> list[Act]:
    moves = []
    for action in state.scenario.actions:
        if action.target == "partner":
            moves += [Act(party, action.id, q) for q in state.scenario.party_ids if q != party]
        elif action.target == "group":
            moves += [
                Act(party, action.id, g.id)
                for g in state.scenario.domestic_groups
                if g.party == party
            ]
        else:
            moves.append(Act(party, action.id, None))
    return moves


def required_value(state: State, party: str) -> float:
    """What a package must be worth for the party to accept: reservation plus attention premium."""
    p = index(state.scenario).parties[party]
    premium = (
        state.scenario.negotiation.attention_premium
        * (100.0 - state.conditions.attention[p])
        / 100.0
    )
    return state.scorer.reservation(party) + premium


def acceptance_problems(state: State, party: str, options: Choice) -> list[str]:
    """Why the party may not accept (or table) a package: red lines, too little value."""
    table = state.scorer.tables[party]
    red = dict.fromkeys(r for i, k in enumerate(options) for r in table.red[i][k])
    problems = [f"it crosses a red line: {name}" for name in red]
    total = table.total(options)
    needed = required_value(state, party)
    if total < needed - EPSILON:
        problems.append(_shortfall(total, table.reservation, needed))
    return problems


def _shortfall(total: float, reservation: float, needed: float) -> str:
    premium = needed - reservation
    if premium > 0.5:
        return (
            f"it is worth {total:.0f}, and it needs {needed:.0f}: its reservation value "
            f"{reservation:.0f} + {premium:.0f} for its leader's limited attention"
        )
    return f"it is worth {total:.0f}, below its reservation value of {reservation:.0f}"


def reasons_against(state: State, party: str, options: Choice) -> tuple[str, ...]:
    """Every reason the engine sees for a party to refuse a package, most serious first."""
    reasons = acceptance_problems(state, party, options)
    s = state.scorer.score(party, options)
    if not s.ratifies:
        reasons.append(_blocked_text(state, s))
    if s.total < required_value(state, party) - EPSILON:
        # Distrust explains part of a shortfall: joint measures are worth less with doubts.
        trust_cost = [t for t in s.breakdown if t.kind == "trust" and t.value < -3]
        for term in sorted(trust_cost, key=lambda t: t.value):
            reasons.append(f"{term.label.removeprefix('Trust: ')} ({term.value:.0f} points)")
    return tuple(reasons)


def _blocker_source(state: State, s: PartyScore) -> str:
    """The chapter section of the group that did most to block ratification."""
    if not s.blockers:
        return ""
    blocker = s.blockers[0].group
    return state.scenario.group(blocker).source


def _blocked_text(state: State, s: PartyScore) -> str:
    who = s.blockers[0] if s.blockers else None
    text = f"it would not ratify at home (support {s.support:.0f}, needs {s.threshold:.0f})"
    if who is not None:
        text += f": {who.name} approval {who.before:.0f} -> {who.after:.0f}"
    return text


def check_package(state: State, party: str, options: Choice, scope: tuple[str, ...]) -> str | None:
    """Why a package cannot be tabled by this party, or None when it can."""
    s = state.scenario
    if len(options) != len(s.issues) or any(
        not 0 <= i < len(issue.options) for i, issue in zip(options, s.issues, strict=False)
    ):
        return "the package must choose one existing option for every issue"
    if party not in scope or len(set(scope)) < 2 or not set(scope) <= set(s.party_ids):
        return "the scope must name at least two parties, the proposer among them"
    status_quo = index(s).status_quo
    if options == status_quo:
        return "the package changes nothing (every issue at its status quo)"
    for issue, i in zip(s.issues, options, strict=True):
        if not fits_scope(issue.options[i], scope, s.party_ids):
            return f"{issue.name}: {issue.options[i].label} binds parties outside the scope"
    problems = acceptance_problems(state, party, options)
    if problems:
        return "the proposer could not accept it: " + "; ".join(problems)
    return None


# ---------------------------------------------------------------------------------------------
# Stepping


def step(state: State, move: Move) -> State:
    """The state after a move; raises IllegalMove when the rules forbid it."""
    after = _step(state, move)
    return replace(after, moves=(*state.moves, move))


def _step(state: State, move: Move) -> State:
    if state.finished:
        raise IllegalMove("the game is over")
    if move.party != state.to_move:
        raise IllegalMove(f"it is {state.to_move}'s turn, not {move.party}'s")
    legal = legal_moves(state, move.party)
    if isinstance(move, Act):
        if move not in legal.actions:
            raise IllegalMove("that diplomatic action is not available (one per round)")
        return _act(state, move)
    if isinstance(move, Pass):
        return _advance(_log(state, "pass", move.party, f"{_name(state, move.party)} passes."))
    if isinstance(move, Table):
        if not legal.table:
            raise IllegalMove("a package is already on the table; accept, reject or counter it")
        return _advance(
            _table(state, move.party, move.options, _ordered(state, move.scope), "table")
        )
    if isinstance(move, Accept):
        if not legal.accept:
            raise IllegalMove(
                "cannot accept: " + ("; ".join(legal.accept_blocked) or "nothing to accept")
            )
        return _advance(_accept(state, move.party))
    if isinstance(move, Reject):
        if not legal.reject:
            raise IllegalMove("there is no package before you to reject")
        return _advance(_reject(state, move.party, move.note))
    if isinstance(move, Counter):
        if not legal.counter:
            raise IllegalMove("there is no package before you to counter")
        rejected = _reject(state, move.party, move.note, countering=True)
        return _advance(
            _table(rejected, move.party, move.options, _ordered(state, move.scope), "counter")
        )
    raise IllegalMove(f"unknown move {move!r}")


def _ordered(state: State, scope: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p for p in state.scenario.party_ids if p in scope)


def _name(state: State, party: str) -> str:
    return state.scenario.party(party).name


def _log(
    state: State,
    kind: LogKind,
    party: str | None,
    text: str,
    reasons: tuple[str, ...] = (),
    source: str = "",
) -> State:
    entry = LogEntry(state.round, kind, party, text, reasons, source)
    return replace(state, log=(*state.log, entry))


def describe(state: State, options: Choice, scope: tuple[str, ...] | None = None) -> str:
    """A package in words: the options that leave the status quo, and its scope."""
    s = state.scenario
    status_quo = index(s).status_quo
    parts = [
        f"{issue.name}: {issue.options[i].label}"
        for issue, i, q in zip(s.issues, options, status_quo, strict=True)
        if i != q
    ]
    body = "; ".join(parts) or "no change"
    if scope is not None and len(scope) < len(s.party_ids):
        body += f" (between {' and '.join(scope)})"
    return body


def _table(
    state: State, party: str, options: Choice, scope: tuple[str, ...], kind: LogKind
) -> State:
    problem = check_package(state, party, options, scope)
    if problem:
        raise IllegalMove(problem)
    proposal = Proposal(party, options, scope, (party,))
    verb = "tables" if kind == "table" else "counters with"
    state = _log(
        state, kind, party, f"{_name(state, party)} {verb}: {describe(state, options, scope)}"
    )
    return replace(state, table=proposal)


def _accept(state: State, party: str) -> State:
    table = state.table
    assert table is not None
    table = replace(table, accepted=(*table.accepted, party))
    state = _log(replace(state, table=table), "accept", party, f"{_name(state, party)} accepts.")
    if set(table.accepted) == set(table.scope):
        return _ratify(state, table)
    return state


def _reject(state: State, party: str, note: str, countering: bool = False) -> State:
    table = state.table
    assert table is not None
    reasons = reasons_against(state, party, table.options)
    if note:
        reasons = (*reasons, note)
    verb = "rejects the package to counter it" if countering else "rejects the package"
    state = _log(
        state, "reject", party, f"{_name(state, party)} {verb}.", reasons or ("no stated reason",)
    )
    return replace(state, table=None)


def _ratify(state: State, table: Proposal) -> State:
    """Every party in scope puts the accepted package to its domestic groups."""
    scores = {p: state.scorer.score(p, table.options) for p in table.scope}
    failed = [p for p, s in scores.items() if not s.ratifies]
    if failed:
        reasons = tuple(f"{_name(state, p)}: {_blocked_text(state, scores[p])}" for p in failed)
        state = _log(
            state,
            "blocked",
            failed[0],
            "Ratification failed at home; the package is reopened.",
            reasons,
            source=_blocker_source(state, scores[failed[0]]),
        )
        return replace(state, table=replace(table, accepted=()))
    agreement = Agreement(table.options, table.scope, state.round)
    conditions = state.conditions
    rules = state.scenario.negotiation
    everyone = len(table.scope) == len(state.scenario.party_ids)
    ix = index(state.scenario)
    if not everyone:
        # A bilateral deal is banked: it raises both signatories' alternatives to a trilateral one.
        bilateral = list(conditions.bilateral)
        for p, s in scores.items():
            bilateral[ix.parties[p]] = min(
                100.0,
                bilateral[ix.parties[p]]
                + rules.bilateral_gain_share * max(0.0, s.total - s.reservation),
            )
        conditions = replace(conditions, bilateral=tuple(bilateral))
    # Working together is the "new practices" level: a dyad that has examined its consensus
    # critically moves to the last level when it ratifies a deal [Fragmented Region].
    for i, a in enumerate(table.scope):
        for b in table.scope[i + 1 :]:
            if conditions.stage[ix.dyad(a, b)] == 2:
                conditions = conditions.with_stage(state.scenario, (a, b), 1)
    text = "Ratified at home by " + ", ".join(_name(state, p) for p in table.scope) + "."
    state = _log(
        replace(
            state, table=None, conditions=conditions, agreements=(*state.agreements, agreement)
        ),
        "ratified",
        None,
        text,
    )
    if everyone:
        state = _log(
            replace(state, finished=True),
            "end",
            None,
            "A trilateral agreement is ratified; the negotiation ends.",
        )
    return state


def _act(state: State, move: Act) -> State:
    action = state.scenario.action(move.action)
    state = replace(state, acted=state.acted | {move.party})
    target = (
        f" with {_name(state, move.target)}" if action.target == "partner" and move.target else ""
    )
    if action.target == "group" and move.target:
        target = f" with {state.scenario.group(move.target).name}"
    changes: list[str] = []
    pending = list(state.pending)
    conditions = state.conditions
    for n, effect in enumerate(action.effects):
        if (
            effect.chance < 1
            and rng(state.seed, "action", state.round, move.party, action.id, n).random()
            >= effect.chance
        ):
            continue
        if effect.after_rounds:
            pending.append(
                Pending(
                    state.round + effect.after_rounds, move.party, move.target, effect, action.id
                )
            )
            changes.append(f"{effect.kind} effect due in {effect.after_rounds} round(s)")
            continue
        conditions, said = _apply_action_effect(state, conditions, effect, move.party, move.target)
        changes += said
    state = replace(state, conditions=conditions, pending=tuple(pending))
    text = f"{_name(state, move.party)}: {action.name}{target}."
    return _log(state, "action", move.party, text, tuple(changes), action.source)


def _apply_action_effect(
    state: State,
    conditions: Conditions,
    effect: ActionEffect,
    actor: str,
    target: str | None,
) -> tuple[Conditions, list[str]]:
    s = state.scenario
    ix = index(s)
    others = [q for q in s.party_ids if q not in (actor, target)]
    said: list[str] = []
    if effect.kind in ("trust", "stage"):
        partners = others if effect.who == "others" else ([target] if target else [])
        for q in partners:
            if q == actor:
                continue
            if effect.kind == "trust":
                conditions = conditions.with_trust(s, (actor, q), effect.delta)
                said.append(f"trust {actor}-{q} {effect.delta:+.0f}")
            elif effect.at_stage is None or conditions.stage[ix.dyad(actor, q)] == effect.at_stage:
                conditions = conditions.with_stage(s, (actor, q), int(effect.delta))
                level = conditions.stage[ix.dyad(actor, q)]
                said.append(f"{actor}-{q} moves to level {level} of transformation")
    elif effect.kind == "approval" and target in ix.groups:
        group = ix.groups[target]
        approval = list(conditions.approval)
        approval[group] = max(0.0, min(100.0, approval[group] + effect.delta))
        conditions = replace(conditions, approval=tuple(approval))
        said.append(f"approval {effect.delta:+.0f}")
    elif effect.kind == "reservation":
        targets: dict[str, list[str | None]] = {
            "actor": [actor],
            "partner": [target],
            "both": [actor, target],
            "others": list(others),
        }
        who = targets[effect.who]
        bilateral = list(conditions.bilateral)
        for party in who:
            if party is not None:
                pos = ix.parties[party]
                bilateral[pos] = max(0.0, min(100.0, bilateral[pos] + effect.delta))
                said.append(f"{party} reservation {effect.delta:+.0f}")
        conditions = replace(conditions, bilateral=tuple(bilateral))
    elif effect.kind == "convergence" and target:
        a, b = ix.parties[actor], ix.parties[target]
        rows = [list(r) for r in conditions.priorities]
        for t in range(len(s.threats)):
            gap = rows[b][t] - rows[a][t]
            rows[a][t] += gap * effect.share / 2
            rows[b][t] -= gap * effect.share / 2
        conditions = replace(conditions, priorities=tuple(tuple(r) for r in rows))
        said.append("threat priorities converge")
    return conditions, said


def _advance(state: State) -> State:
    """Pass the turn; after the last party, close the round and open the next one."""
    if state.finished:
        return state
    if state.turn + 1 < len(state.order):
        return replace(state, turn=state.turn + 1)
    if state.round + 1 >= len(state.scenario.rounds):
        outcome = "The deadline has passed without a trilateral agreement."
        return _log(replace(state, finished=True, turn=0), "end", None, outcome)
    return _open_round(replace(state, round=state.round + 1, turn=0, acted=frozenset()))


def _open_round(state: State) -> State:
    """Apply due delayed effects and fire due events, then record the round's conditions."""
    rnd = state.scenario.rounds[state.round]
    state = _log(
        state,
        "round",
        None,
        f"{rnd.name} ({rnd.date.isoformat()}); {_name(state, state.chair)} chairs.",
    )
    due = [p for p in state.pending if p.due <= state.round]
    if due:
        conditions = state.conditions
        for p in due:
            action = state.scenario.action(p.action)
            conditions, said = _apply_action_effect(state, conditions, p.effect, p.actor, p.partner)
            text = f"Delayed consequence of {action.name} by {_name(state, p.actor)}."
            state = _log(state, "event", p.actor, text, tuple(said), action.source)
        state = replace(
            state,
            conditions=conditions,
            pending=tuple(p for p in state.pending if p.due > state.round),
        )
    for event in state.scenario.events:
        if event.id in state.fired or event.date > rnd.date:
            continue
        if event.cause and event.cause in state.disabled_causes:
            continue
        if not all(_holds(state, c) for c in event.when):
            continue
        state = replace(state, fired=state.fired | {event.id})
        if event.chance < 1 and rng(state.seed, "event", event.id).random() >= event.chance:
            continue
        state = _fire(state, event)
    offer = state.table.options if state.table else None
    return replace(
        state, snapshots=(*state.snapshots, state.conditions), offers=(*state.offers, offer)
    )


def _holds(state: State, condition: Condition) -> bool:
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
        conditions = conditions.apply(state.scenario, effect)
    changes = tuple(effect_text(state.scenario, e) for e in event.effects)
    return _log(
        replace(state, conditions=conditions),
        "event",
        None,
        f"{event.title}: {event.text}",
        changes,
        source=event.source,
    )


def effect_text(scenario: Scenario, effect: Effect) -> str:
    """What an event effect changes, in words."""
    name = {p.id: p.name for p in scenario.parties}
    if isinstance(effect, PriorityEffect):
        threat = scenario.threat(effect.threat).name
        return f"{name[effect.party]}: priority of {threat} {effect.delta:+g}"
    if isinstance(effect, TrustEffect):
        return f"trust {'-'.join(effect.dyad)} {effect.delta:+g}"
    if isinstance(effect, StageEffect):
        return f"{'-'.join(effect.dyad)}: levels of transformation {effect.delta:+d}"
    if isinstance(effect, AttentionEffect):
        return f"{name[effect.party]}: the leader's attention to the partnership {effect.delta:+g}"
    if isinstance(effect, ApprovalEffect):
        group = scenario.group(effect.group)
        return f"approval of {group.name} {effect.delta:+g}"
    return f"{name[effect.party]}: bilateral alternatives (reservation value) {effect.delta:+g}"


def dyad_labels(state: State) -> dict[tuple[str, str], str]:
    """Wendt's label for every dyad now."""
    ids = state.scenario.party_ids
    return {
        (a, b): wendt_system(state.scenario, state.conditions, a, b)
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
    }
