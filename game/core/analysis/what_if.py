"""What if a cause had not been: simulated continuations of a game, with and without its events.

**Where the continuations start.** A game in progress is continued from where it was saved. A
finished game has nothing left to continue, so it is continued from the opening of the round
in which the first event of the cause came due (or of its last round, if that came first, or
no event of the cause ever came due): up to there the two worlds shared their whole past, so
the comparison is of the cause alone. That opening must find the game still undecided. A move
can run on through several rounds (a package ratified, then the rounds after it open one by
one), and the game can end at a round's opening, as its events come (a lapse, the deadline):
then the opening is the finished game, and continuing it would count one finished game as
many runs. The continuations then start from the opening of the round in which that move was
made, the last point before it at which the game was undecided. `from_round` chooses the
opening of another round (one the game stood at, undecided).

**The two worlds.** *With* the cause, the continuations start from the game as it was at that
point. *Without* it, the game's moves up to that point are replayed from its seed with the
cause switched off, as a branch replays them (`steps.branch`): a move that world refuses, or a
game already over there, stops the replay, and those continuations start from there. An event
of the cause that chance passed over before the starting point (it came due and did not
happen) happens in neither world; the paragraph says so, and when every event of the cause was
passed over, that the cause cannot change the continuation.

**How the runs vary.** The engine draws all its chance from `state.seed`: the events left to
chance, the swing of support at home, whether a diplomatic action succeeds, each computer's
private temperament and its misjudgement of its partners. Continuing under the saved seed would
play the same game every run. So each run swaps its own seed, `run_seed(seed, run)` as
`simulate` uses, into the state at the starting point: the past stays exactly as it was (it is
held in the state, not drawn from the seed), and what was still unknown there is drawn afresh.
The computer then plays every seat to the end, the person's too (the scenario's personality for
that country, at the game's difficulty). Run r uses the same seed in both worlds (common random
numbers), so the two sides differ by the cause, not by luck; and the same seed always gives the
same result.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from game.core.analysis.outcomes import OUTCOMES, Outcome, classify, fitted_name, results
from game.core.analysis.simulation import run_seed
from game.core.analysis.steps import Steps, check_cause, replay, replay_moves
from game.core.engine.state import Seat, State, evolve
from game.core.engine.wording import counted, joined
from game.core.game import Game
from game.core.scenario.model import Scenario
from game.core.scenario.timeline import Event

OUTCOME_WORDS: dict[Outcome, str] = {
    "security_arrangement": "a security arrangement",
    "prosperity_only": "a prosperity-only partnership",
    "lapsed": "a partnership that lapsed",
    "dual_bilateralism": "dual-bilateralism (no trilateral deal)",
    "breakdown": "a breakdown",
}
"""Each outcome in a few plain words, for the paragraph (`outcome_words` fits them to the
scenario's parties)."""


def outcome_words(scenario: Scenario, outcome: Outcome) -> str:
    """OUTCOME_WORDS fitted to the scenario's parties (see `outcomes.fitted_name`)."""
    return fitted_name(scenario, outcome, OUTCOME_WORDS)


@dataclass(frozen=True)
class World:
    """The continuations in one world: with the cause or without it."""

    outcomes: dict[Outcome, int]
    """How many continuations ended in each outcome (every outcome named, zeros too)."""
    mean_gain: dict[str, float]
    """Each party's mean result over its reservation value, by party id."""
    start: State
    """Where its continuations started."""
    stopped: str | None = None
    """Why the replay of the saved moves stopped early in this world, or None."""


@dataclass(frozen=True)
class WhatIf:
    """Continuations of a game with and without a cause, and what they came to."""

    cause: str
    runs: int
    seed: int
    moves: int
    """How many of the saved game's moves precede the starting point."""
    at_opening: bool
    """Whether the starting point is a round's opening (else a saved position within one)."""
    events: tuple[str, ...]
    """The cause's events, "title (date)", in date order."""
    ended: int | None
    """When the game was over at the opening the continuations would have started from, that
    round (0 for the first): the move made in the starting round ran on through its opening,
    and they start from the opening of the move's round instead. None otherwise."""
    ended_with: tuple[str, ...]
    """The cause's events that happened in that move, before the game ended."""
    before: tuple[str, ...]
    """Those of them that had happened before the last move made before the starting point
    (so the replay without them may differ)."""
    opening: tuple[str, ...]
    """Those of them that happened as the starting point's round opened (the continuations
    with the cause have them, those without do not)."""
    passed_before: tuple[str, ...]
    """Those of them that chance passed over (they came due and did not happen) before the
    starting point's round opened: they happen in neither world."""
    passed_opening: tuple[str, ...]
    """Those of them that chance passed over as the starting point's round opened."""
    with_cause: World
    without_cause: World

    @property
    def round(self) -> int:
        """The round of the starting point (0 for the first)."""
        return self.with_cause.start.round

    @property
    def paragraph(self) -> str:
        """The comparison in plain words, with the numbers."""
        return paragraph(self)


def what_if(
    state: State, cause: str, runs: int, seed: int, from_round: int | None = None
) -> WhatIf:
    """`runs` continuations of the game with the computer at every seat, with the events of
    `cause` and without them, summarised (see the module's docstring for where they start and
    how they vary). Raises ValueError for an unknown cause, one the game already runs without,
    fewer than one run, or a round the game never stood at undecided."""
    scenario = state.scenario
    check_cause(state, cause)
    if runs < 1:
        raise ValueError("a what-if needs at least one run")
    steps = replay(state)
    ids = {e.id for e in scenario.events if e.cause == cause}
    k, over = _starting_point(steps, ids, from_round)
    here = steps.states[k]
    there, stopped = _without(steps, k, cause)
    dated = sorted((e for e in scenario.events if e.cause == cause), key=lambda e: e.date)
    words = {e.id: f"{e.title} ({e.date.isoformat()})" for e in dated}
    past = _happened(steps.states[k - 1], dated) if k > 0 else []
    now = [e for e in _happened(here, dated) if e not in past]
    opened = steps.round_start(k)
    passed = _passed_over(here, dated)
    earlier = _passed_over(steps.states[opened - 1], dated) if opened > 0 else []
    ended_with: list[str] = []
    if over is not None:
        # What the move that ended the game brought with it, of the cause's events.
        before_end = _happened(steps.states[over - 1], dated)
        ended_with = [e for e in _happened(steps.states[over], dated) if e not in before_end]
    return WhatIf(
        cause,
        runs,
        seed,
        k,
        k in steps.round_starts,
        tuple(words[e] for e in words),
        None if over is None else steps.states[over].round,
        tuple(words[e] for e in ended_with),
        tuple(words[e] for e in past),
        tuple(words[e] for e in now),
        tuple(words[e] for e in earlier),
        tuple(words[e] for e in passed if e not in earlier),
        _world(here, runs, seed),
        _world(there, runs, seed, stopped),
    )


def _starting_point(steps: Steps, ids: set[str], from_round: int | None) -> tuple[int, int | None]:
    """The index of the state the continuations start from, and, when the game was over at
    the opening they would have started from, that opening's index (else None)."""
    final = steps.states[-1]
    if from_round is not None:
        return _opening(steps, from_round), None
    if not final.finished:
        return steps.last, None
    due = next(
        (n for n in steps.round_starts if ids & steps.states[n].fired),
        steps.round_start(steps.last),
    )
    if not steps.states[due].finished:
        return due, None
    if due == 0:
        raise ValueError("the game was over before its first move: there is nothing to continue")
    return steps.round_start(due - 1), due


def _opening(steps: Steps, round_: int) -> int:
    """The index of the state as round `round_` opened, if the game stood there undecided;
    else ValueError, saying why not."""
    n = steps.stood_at(round_)
    if steps.states[n].finished:
        raise ValueError(
            f"the game was already over as round {round_ + 1} opened: nothing is left to "
            "continue from there"
        )
    return n


def _happened(state: State, events: list[Event]) -> list[str]:
    """The ids of these events that have happened in a game (the log has them: an event that
    chance passed over has not)."""
    return [
        e.id
        for e in events
        if any(x.kind == "event" and x.text.startswith(f"{e.title}: ") for x in state.log)
    ]


def _passed_over(state: State, events: list[Event]) -> list[str]:
    """The ids of these events that chance has passed over in a game: due (in `state.fired`)
    but never in its log."""
    happened = _happened(state, events)
    return [e.id for e in events if e.id in state.fired and e.id not in happened]


def _without(steps: Steps, k: int, cause: str) -> tuple[State, str | None]:
    """The game's first k moves replayed from its seed with the cause switched off, and why
    the replay stopped early, if it did."""
    first = steps.states[0]
    done = replay_moves(first, steps.moves[:k], dict(first.seats), first.disabled_causes | {cause})
    return done.state, done.why(cause)


def _world(position: State, runs: int, seed: int, stopped: str | None = None) -> World:
    """Play `runs` continuations from a position, each under its own run seed."""
    scenario = position.scenario
    seats: tuple[tuple[str, Seat], ...] = tuple((p, "computer") for p in scenario.party_ids)
    outcomes: Counter[Outcome] = Counter(dict.fromkeys(OUTCOMES, 0))
    gains = dict.fromkeys(scenario.party_ids, 0.0)
    for run in range(runs):
        game = Game(evolve(position, seed=run_seed(seed, run), seats=seats))
        game.advance()
        outcomes[classify(game.state)] += 1
        for party, result in results(game.state).items():
            gains[party] += result.gain
    mean = {p: g / runs for p, g in gains.items()}
    return World(dict(outcomes), mean, position, stopped)


def paragraph(w: WhatIf) -> str:
    """What the continuations came to, in plain words: the lead sentence, the outcomes on each
    side, each party's mean gain, the cause's events, and how the runs were played."""
    s = w.with_cause.start.scenario
    start_ = w.with_cause.start
    n = w.runs
    yes = w.with_cause.outcomes["security_arrangement"]
    no = w.without_cause.outcomes["security_arrangement"]
    date = start_.date
    where = (
        f"From round {start_.round + 1} ({date}) on"
        if w.at_opening
        else f"From the saved position (round {start_.round + 1}, {date}) on"
    )
    parts = [
        f"{where}, with the events of {w.cause}, {yes} of {counted(n, 'continuation')} reached "
        f"a security arrangement; without them, {no} of {n}."
    ]
    parts.append(
        f"With them, {_spread(w.with_cause, n)}; without them, {_spread(w.without_cause, n)}."
    )
    gains = ", ".join(
        f"{s.party(p).name} {w.with_cause.mean_gain[p]:+.1f} / {w.without_cause.mean_gain[p]:+.1f}"
        for p in s.party_ids
    )
    parts.append(f"Mean gain over the reservation value, with / without them: {gains}.")
    if w.events:
        due = w.before or w.opening or w.passed_before or w.passed_opening
        still = "" if due else ", all still to come"
        parts.append(f"The events of {w.cause}{still}: {'; '.join(w.events)}.")
    if w.ended is not None:
        date = s.rounds[w.ended].date.isoformat()
        brought = f", which brought {joined(w.ended_with)}," if w.ended_with else ""
        parts.append(
            f"The move made in round {start_.round + 1} ran on through the opening of round "
            f"{w.ended + 1} ({date}){brought} and the game ended there: so the continuations "
            f"start from the opening of round {start_.round + 1}, the last point before that at "
            "which the game was still undecided."
        )
    if w.before:
        parts.append(
            f"{joined(w.before)} had already happened by then: without them, the game's first "
            f"{counted(w.moves, 'move')} {'was' if w.moves == 1 else 'were'} replayed in a world "
            "where they never happened."
        )
    if w.opening:
        parts.append(
            f"Round {start_.round + 1} opened with {joined(w.opening)}: with the cause the "
            "continuations start just after it; without it, it never happens."
        )
    parts.extend(_passed_over_words(w))
    if w.without_cause.stopped:
        parts.append(f"{w.without_cause.stopped} The continuations without them start there.")
    parts.append(
        "Each continuation has the computer at every seat, yours included, and draws what was "
        "still uncertain (events left to chance, support at home, each computer's temperament) "
        f"from its own seed, the same with and without them (seed {w.seed})."
    )
    return " ".join(parts)


def _passed_over_words(w: WhatIf) -> list[str]:
    """The sentences on the cause's events that chance passed over before the continuations
    start; when that is every one of them, the cause cannot change the continuation."""
    r = w.round + 1
    said = [
        f"{joined(events)} {'was' if len(events) == 1 else 'were'} passed over by chance {when}: "
        f"{'it happens' if len(events) == 1 else 'they happen'} in neither world"
        for events, when in (
            (w.passed_before, f"before round {r}"),
            (w.passed_opening, f"as round {r} opened"),
        )
        if events
    ]
    if said and len(w.passed_before) + len(w.passed_opening) == len(w.events):
        said[-1] += f", so {w.cause} cannot change the continuation"
    return [f"{x}." for x in said]


def _spread(world: World, n: int) -> str:
    """The outcomes that came up, most frequent first: "30 of 40 ended in dual-bilateralism,
    10 of 40 in a security arrangement"."""
    seen = sorted(
        ((o, c) for o, c in world.outcomes.items() if c),
        key=lambda oc: (-oc[1], OUTCOMES.index(oc[0])),
    )
    scenario = world.start.scenario
    said = [f"{c} of {n} in {outcome_words(scenario, o)}" for o, c in seen]
    return said[0].replace(" in ", " ended in ", 1) + "".join(f", {x}" for x in said[1:])
