"""A game move by move: every state from its start, where each round begins, and branches.

A game is its seed and its moves (the engine has no other chance), so replaying `state.moves`
from `start` with the same seed, seats, switched-off causes and difficulty gives every state
the game passed through. A step of the engine costs well under a millisecond and the states
share almost everything they hold, so a whole game is kept in memory and stepping back and
forward through it is a lookup.

A branch is a new game from the state as a round opened: the moves before it replayed, with
the person at the same or another country and, if asked, one more cause switched off.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from game.core.engine.mechanism import seats_for, start, step
from game.core.engine.moves import IllegalMove, Move
from game.core.engine.state import LogEntry, Seat, State
from game.core.engine.wording import a_deal_kind, name
from game.core.game import Game, SeatView
from game.core.scenario.loader import ScenarioFile
from game.core.scenario.problems import did_you_mean

MOVE_WORDS = {
    "propose": "tabling a package",
    "accept": "accepting",
    "reject": "rejecting",
    "counter": "countering",
    "act": "a diplomatic action",
    "pass": "passing",
}
"""A move's kind in words, for saying which move a branch could not replay."""


@dataclass(frozen=True)
class Steps:
    """Every state of a game, from its start to its last move."""

    states: tuple[State, ...]
    """`states[0]` is the game as it started (the first round open, its events fired);
    `states[i]` the game after its first i moves. The last is the game replayed."""
    round_starts: tuple[int, ...]
    """The indices in `states` where a round begins: the game as the round opened, before its
    first move. `round_starts[r]` is round r's opening while every round opened with a move
    still to make; a move that ran on through several rounds (a package ratified, say, and the
    rounds after it opened until the game ended) gives one entry, for the round it reached, and
    that entry may be the finished game (`opening` finds a given round's)."""

    @property
    def last(self) -> int:
        """The index of the last state (the number of moves)."""
        return len(self.states) - 1

    @property
    def moves(self) -> tuple[Move, ...]:
        """Every move of the game, in order."""
        return self.states[-1].moves

    def round_start(self, i: int) -> int:
        """The index of the state as the round of state i opened (the state the move that
        reached that round led to)."""
        return max(n for n in self.round_starts if n <= i)

    def opening(self, round_: int) -> int | None:
        """The index of the state as round `round_` (0 for the first) opened, or None if the
        game never stood there: a move ran on through that round, or the game ended before
        it."""
        return next((n for n in self.round_starts if self.states[n].round == round_), None)

    def stood_at(self, round_: int) -> int:
        """The index of the state as round `round_` opened, as `opening`; ValueError saying
        why when the game never stood there (it ended before, or a move ran through it)."""
        final = self.states[-1]
        if not 0 <= round_ <= final.round:
            raise ValueError(
                f"the game reached rounds 1 to {final.round + 1}, not round {round_ + 1}"
            )
        n = self.opening(round_)
        if n is None:
            after = next(n for n in self.round_starts if self.states[n].round > round_)
            made = self.states[after - 1].round
            raise ValueError(
                f"round {round_ + 1} opened and closed within one move (the move made in round "
                f"{made + 1} ran on through it): nothing can start from its opening"
            )
        return n

    def news(self, i: int) -> tuple[LogEntry, ...]:
        """What the log recorded at step i: the move's own line (with its reasons) and what it
        led to (votes at home, the next round and its events); for the start, the opening
        lines."""
        before = len(self.states[i - 1].log) if i > 0 else 0
        return self.states[i].log[before:]

    def view(self, i: int, party: str) -> SeatView:
        """What one party could see of the game at step i: the public table and its own
        numbers, never another party's (the controller's `SeatView`)."""
        return Game(self.states[i]).view(party)


def replay(state: State) -> Steps:
    """Every state the game passed through, replayed from its seed and moves (the last one has
    the same digest as `state`: the engine is deterministic)."""
    now = start(
        state.scenario, state.seed, dict(state.seats), state.disabled_causes, state.difficulty
    )
    states = [now]
    for move in state.moves:
        now = step(now, move)
        states.append(now)
    starts = [n for n, s in enumerate(states) if n == 0 or s.round != states[n - 1].round]
    return Steps(tuple(states), tuple(starts))


@dataclass(frozen=True)
class Branch:
    """A new game branched from an old one as a round opened."""

    game: Game
    round: int
    """The round asked for (0 for the first)."""
    replayed: int
    """How many of the old game's moves the new one begins with."""
    wanted: int
    """How many moves the old game had made before that round opened."""
    stopped: str | None = None
    """Why the replay stopped before that round, in words; None when it reached it."""

    @property
    def summary(self) -> str:
        """The branch in a sentence or two: the round, the person's country, the cause
        switched off, and where the replay stopped, if it did."""
        state = self.game.state
        who = ", ".join(state.scenario.party(p).name for p in self.game.humans) or "nobody"
        said = f"A new game from round {self.round + 1}, as {who}"
        off = sorted(state.disabled_causes)
        said += f", without {', '.join(off)}." if off else "."
        return f"{said} {self.stopped} The new game starts there." if self.stopped else said


def branch(
    state: State,
    round_: int,
    humans: Iterable[str],
    without: str | None = None,
    *,
    source: ScenarioFile | None = None,
    saves_dir: Path | None = None,
) -> Branch:
    """A new game from the state as round `round_` (0 for the first) opened, with people at the
    `humans` seats and the computer at the others; `without` switches one more cause off.

    The old game's moves before that round are replayed from its seed, under the new seats and
    causes; then the computer seats move until a person is due, as in a new game. With the same
    causes the replay reaches exactly the old game's state as the round opened (the seats
    aside). With a cause switched off the world differs (its events do not happen, so trust,
    priorities and support at home may differ), and a replayed move may no longer be allowed,
    or the game may already be over (a package that failed at home passes without the cause).
    The replay then stops at the first move the changed world refuses: the branch starts there,
    earlier than the round asked for, the moves after it are dropped (they answered a game that
    no longer exists), and `Branch.stopped` says which move and why. A game already over is a
    finished branch (its end screen shows what came of it), and `stopped` says so too. The old
    game is untouched.

    `source` is the scenario file, for saving the branch; `saves_dir` where it is autosaved.
    Raises ValueError for a round the game never reached, an unknown party or cause, or a cause
    already switched off.
    """
    steps = replay(state)
    wanted = steps.stood_at(round_)
    scenario = state.scenario
    seats = seats_for(scenario, humans)
    causes = set(state.disabled_causes)
    if without is not None:
        check_cause(state, without)
        causes.add(without)
    done = replay_moves(state, steps.moves[:wanted], seats, frozenset(causes))
    game = Game(done.state, source, saves_dir=saves_dir)
    game.advance()
    return Branch(game, round_, len(done.state.moves), wanted, done.why(without))


def check_cause(state: State, cause: str) -> None:
    """Raise ValueError unless the game's scenario has events of this cause and the game runs
    with them."""
    known = state.scenario.causes
    if cause not in known:
        raise ValueError(f"no event has the cause {cause!r}; {did_you_mean(cause, known)}")
    if cause in state.disabled_causes:
        raise ValueError(f"this game already runs without {cause}")


@dataclass(frozen=True)
class Replayed:
    """Moves replayed in a world that may differ from the one they were made in."""

    state: State
    """The game after the moves replayed."""
    refused: Move | None = None
    """The first move the world refused (the replay stopped there), or None."""
    error: str = ""
    """What the rules said of it."""

    def why(self, without: str | None) -> str | None:
        """Why the replay ended before its last move, or with the game over where the old game
        went on, in words (None if neither); `without` names the cause switched off, if one
        was."""
        state, move = self.state, self.refused
        world = f"without {without}" if without else "in the branch"
        who = name(state, move.party) if move else ""
        kind = MOVE_WORDS.get(move.type, move.type) if move else ""
        if state.finished:
            deal = state.trilateral
            how = (
                f"with {a_deal_kind(state.scenario)} agreement in round {deal.round + 1}"
                if deal
                else f"in round {state.round + 1}"
            )
            later = f", before a move of {who} ({kind})" if move else ""
            return f"{world.capitalize()} the game was already over, {how}{later}."
        if move is None:
            return None
        where = f"in round {state.round + 1}"
        return f"A move of {who} ({kind}) {where} is not allowed {world}: {self.error}."


def replay_moves(
    state: State, moves: Iterable[Move], seats: Mapping[str, Seat], causes: frozenset[str]
) -> Replayed:
    """`moves` replayed from the start of `state`'s game (its seed and difficulty) with these
    seats and switched-off causes, up to the first move the rules refuse there. The moves are
    those of a game that was still going after them: a game over at the end of the replay is
    a difference the changed world made (`Replayed.why` says so)."""
    now = start(state.scenario, state.seed, dict(seats), causes, state.difficulty)
    for move in moves:
        try:
            now = step(now, move)
        except IllegalMove as err:
            return Replayed(now, move, str(err))
    return Replayed(now)
