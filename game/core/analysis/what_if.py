"""What if a cause had not been: simulated continuations of a game, with and without its events.

**Where the continuations start.** A game in progress is continued from where it was saved. A
finished game has nothing left to continue, so it is continued from the opening of the round
in which the first event of the cause came due (or of its last round, if that came first, or
no event of the cause ever came due): up to there the two worlds shared their whole past, so
the comparison is of the cause alone. `from_round` chooses the opening of another round.

**The two worlds.** *With* the cause, the continuations start from the game as it was at that
point. *Without* it, the game's moves up to that point are replayed from its seed with the
cause switched off, as a branch replays them (`steps.branch`): a move that world refuses, or a
game already over there, stops the replay, and those continuations start from there.

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
    before: tuple[str, ...]
    """Those of them that had happened before the last move made before the starting point
    (so the replay without them may differ)."""
    opening: tuple[str, ...]
    """Those of them that happened as the starting point's round opened (the continuations
    with the cause have them, those without do not)."""
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
    fewer than one run, or a round the game never reached."""
    scenario = state.scenario
    check_cause(state, cause)
    if runs < 1:
        raise ValueError("a what-if needs at least one run")
    steps = replay(state)
    ids = {e.id for e in scenario.events if e.cause == cause}
    k = _starting_point(steps, ids, from_round)
    here = steps.states[k]
    there, stopped = _without(steps, k, cause)
    dated = sorted((e for e in scenario.events if e.cause == cause), key=lambda e: e.date)
    words = {e.id: f"{e.title} ({e.date.isoformat()})" for e in dated}
    past = _happened(steps.states[k - 1], dated) if k > 0 else []
    now = [e for e in _happened(here, dated) if e not in past]
    return WhatIf(
        cause,
        runs,
        seed,
        k,
        k in steps.round_starts,
        tuple(words[e] for e in words),
        tuple(words[e] for e in past),
        tuple(words[e] for e in now),
        _world(here, runs, seed),
        _world(there, runs, seed, stopped),
    )


def _starting_point(steps: Steps, ids: set[str], from_round: int | None) -> int:
    """The index of the state the continuations start from."""
    if from_round is not None:
        if not 0 <= from_round < len(steps.round_starts):
            raise ValueError(
                f"the game reached rounds 1 to {len(steps.round_starts)}, "
                f"not round {from_round + 1}"
            )
        return steps.round_starts[from_round]
    final = steps.states[-1]
    if not final.finished:
        return steps.last
    due = (r for r, n in enumerate(steps.round_starts) if ids & steps.states[n].fired)
    return steps.round_starts[min(next(due, final.round), final.round)]


def _happened(state: State, events: list[Event]) -> list[str]:
    """The ids of these events that have happened in a game (the log has them: an event that
    chance passed over has not)."""
    return [
        e.id
        for e in events
        if any(x.kind == "event" and x.text.startswith(f"{e.title}: ") for x in state.log)
    ]


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
        still = "" if w.before or w.opening else ", all still to come"
        parts.append(f"The events of {w.cause}{still}: {'; '.join(w.events)}.")
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
    if w.without_cause.stopped:
        parts.append(f"{w.without_cause.stopped} The continuations without them start there.")
    parts.append(
        "Each continuation has the computer at every seat, yours included, and draws what was "
        "still uncertain (events left to chance, support at home, each computer's temperament) "
        f"from its own seed, the same with and without them (seed {w.seed})."
    )
    return " ".join(parts)


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
