"""A class game: one game shared by several processes (a team's browser each, the instructor's)
through one file, with moves written atomically and in one order, and the instructor's view.

Each process holds a `ClassGame` for its seat, a `Game` whose state is rebuilt from the file's
moves: `refresh` applies the moves other processes wrote since, and `play` re-reads, checks and
writes a move (and the computer seats' answers) in one transaction, so two teams moving at once
get one move each in turn or a clear refusal, never a corrupt game. Screens see a team's game
through `view(party)` as in solo play; the instructor sees `standing()`, every party's numbers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from game.core.engine.legal import required_value
from game.core.engine.mechanism import seats_for, start, step
from game.core.engine.moves import IllegalMove, Move, Pass
from game.core.engine.state import Difficulty, LogEntry, Offer, Seat, State
from game.core.engine.wording import possessive
from game.core.engine.zone import zone
from game.core.game import Game, SeatView
from game.core.players.negotiator import choose_move
from game.core.saves.replay import ENGINE_ERRORS, LoadedGame, load_game
from game.core.saves.shared import (
    FORMAT_VERSION,
    INSTRUCTOR,
    INSTRUCTOR_CODE_LENGTH,
    ClassHeader,
    SharedStore,
    StoreBusy,
    StoredMove,
    is_class_game_file,
    new_code,
    problem_in,
)
from game.core.saves.store import humans_of
from game.core.scenario.errors import LoadError
from game.core.scenario.loader import ScenarioFile, files_of, open_scenario

__all__ = ["INSTRUCTOR", "ClassGame", "JoinRefused", "PartyStanding", "Standing"]

LOG_LINES = 6
"""Lines of the log the instructor's view shows."""

ENDED_ROUND = "the instructor ended the round"
"""The reason a team's pass gives when the instructor's `n` made it (the team did not move)."""


class JoinRefused(Exception):
    """A code that opens no seat; the message says so in one line."""


@dataclass(frozen=True)
class PartyStanding:
    """One party as the instructor sees it: its numbers for the package on the table."""

    party: str
    name: str
    seat: Seat
    needed: float
    """What a package of the offer's scope (everyone's if the table is empty) must be worth now."""
    score: float | None = None
    """What the package on the table is worth to it; None when nothing binding it is there."""
    acceptable: bool | None = None
    support: float | None = None
    """Support at home for the package on the table, against `threshold`."""
    threshold: float = 0.0
    ratifies: bool | None = None
    accepted: bool = False
    """Whether it has accepted the package on the table."""


@dataclass(frozen=True)
class Standing:
    """Where the class game stands, for the instructor's projected view."""

    round: int
    """The round, 1 for the first summit."""
    rounds: int
    date: str
    to_move: str | None
    paused: bool
    finished: bool
    offer: Offer | None
    parties: tuple[PartyStanding, ...]
    zone_now: int
    """Trilateral packages every party would accept and support at home now."""
    zone_exact: bool
    zone_by_round: tuple[int, ...]
    """The same count as each round opened."""
    log: tuple[LogEntry, ...]
    """The last lines of the log (rounds opening left out)."""
    moves: int
    """Moves made so far."""


class ClassGame(Game):
    """One process's hold on a class game, as one seat: a team's country or the instructor."""

    def __init__(self, store: SharedStore, source: ScenarioFile, seat: str) -> None:
        header = store.header
        _check_header(store, source)
        try:
            state = start(
                source.scenario,
                header.seed,
                dict(header.seats),
                frozenset(header.disabled_causes),
                header.difficulty,
            )
        except ENGINE_ERRORS as err:
            raise problem_in(store.path, "game", f"cannot start the game: {err}") from None
        # No saves folder: the shared file is the save, written at every move.
        super().__init__(state, source)
        self.store = store
        self.seat = seat
        """The party this process plays, or INSTRUCTOR."""
        self.seq = 0
        """The position in the file of the last move applied to `state`."""
        self.paused = False
        """Whether the instructor has paused the game (no move is taken meanwhile)."""
        self.started = header.created_at

    # --- creating and joining ---------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        source: ScenarioFile,
        seed: int,
        humans: Iterable[str],
        *,
        difficulty: Difficulty = "normal",
        disabled_causes: Iterable[str] = (),
    ) -> ClassGame:
        """A new class game in a new file, with a join code for each team's country and one
        for the instructor; the computer seats before the first team's turn have moved. It is
        returned held by the instructor (raises ValueError for unknown or no countries,
        FileExistsError when the file exists, OSError when it cannot be written)."""
        scenario = source.scenario
        seats = seats_for(scenario, humans, "country")
        teams = [p for p, seat in seats.items() if seat == "human"]
        if not teams:
            raise ValueError("a class game needs at least one country played by a team")
        header = ClassHeader(
            format_version=FORMAT_VERSION,
            scenario=scenario.id,
            scenario_file=str(Path(source.path).absolute()),
            scenario_digest=source.digest,
            seed=seed,
            seats=seats,
            difficulty=difficulty,
            disabled_causes=sorted(set(disabled_causes)),
            created_at=dt.datetime.now().replace(microsecond=0),
        )
        state = start(scenario, seed, seats, frozenset(disabled_causes), difficulty)
        opening = _computers(Game(state), state)
        codes = {p: new_code() for p in teams}
        codes[INSTRUCTOR] = new_code(INSTRUCTOR_CODE_LENGTH)
        store = SharedStore.create(path, header, codes, [(m, s.digest()) for m, s in opening])
        game = cls(store, source, INSTRUCTOR)
        game.refresh()
        return game

    @classmethod
    def join(cls, path: Path | str, code: str) -> ClassGame:
        """The class game in a file, held by the seat whose code this is (raises JoinRefused
        for a code of no seat, LoadError for a file that is not a usable class game)."""
        with _closed_on_failure(SharedStore.open(path)) as store:
            seat = store.seat_of(code)
            if seat is None:
                raise JoinRefused(
                    "no seat has that code: check it with your instructor (letters and "
                    "digits; dashes and spaces do not matter)"
                )
            game = _opened(cls, store, seat)
        return game

    @classmethod
    def open_as_instructor(cls, path: Path | str) -> ClassGame:
        """The class game in a file, held by the instructor (for `serve`, which created it or
        resumes it on the instructor's own machine)."""
        with _closed_on_failure(SharedStore.open(path)) as store:
            game = _opened(cls, store, INSTRUCTOR)
        return game

    # --- who plays here -----------------------------------------------------------------------

    @property
    def instructor(self) -> bool:
        """Whether this process is the instructor's."""
        return self.seat == INSTRUCTOR

    @property
    def humans(self) -> tuple[str, ...]:
        """The parties people play through this process: the team's own country (each team
        plays at its own screen; `teams` names them all), none for the instructor."""
        return () if self.instructor else (self.seat,)

    @property
    def teams(self) -> tuple[str, ...]:
        """Every country a team plays, in party order."""
        return humans_of(self.state)

    def view(self, party: str) -> SeatView:
        """What one party may see; a team's process sees only its own country."""
        if not self.instructor and party != self.seat:
            raise ValueError(f"this seat plays {self.seat}, not {party}")
        return super().view(party)

    def codes(self) -> dict[str, str]:
        """Every seat's join code (the instructor's alone)."""
        self._instructor_only("the join codes")
        return self.store.codes()

    # --- reading the file ---------------------------------------------------------------------

    def refresh(self) -> bool:
        """Apply the moves other processes wrote since, and the pause; whether anything
        changed (raises LoadError when the file holds something that is not this game)."""
        paused = self.store.paused()
        applied = self._catch_up()
        changed = applied or paused != self.paused
        self.paused = paused
        return changed

    def advance(self) -> None:
        """The computer seats move in the same transaction as the move they answer (see
        `play`), so here there is only the file to read."""
        self.refresh()

    def _catch_up(self) -> bool:
        rows = self.store.moves_after(self.seq)
        if not rows:
            return False
        self.state = _replayed(self.store.path, self.state, rows)
        self.seq = rows[-1].seq
        return True

    # --- writing moves ------------------------------------------------------------------------

    def play(self, move: Move) -> None:
        """This team's move, checked against the latest game in the file and written with the
        computer seats' answers in one transaction (raises IllegalMove saying why not)."""
        if self.instructor:
            raise IllegalMove("the instructor does not play a country")
        if move.party != self.seat:
            raise IllegalMove(f"this seat plays {self._name(self.seat)}, not {move.party}")

        def made() -> list[tuple[Move, State]]:
            if self.paused:
                raise IllegalMove("the instructor has paused the game: wait until it goes on")
            due = self.state.to_move
            if due is not None and due != self.seat:
                raise IllegalMove(f"it is {possessive(self._name(due))} turn, not yours")
            after = step(self.state, move)
            return [(move, after), *_computers(self, after)]

        self._transact(made)

    def end_round(self) -> int:
        """The instructor advances the clock: every seat still to move this round passes,
        then the computer seats move until a team is due; returns how many passed."""
        self._instructor_only("the clock")
        passes: list[tuple[Move, State]] = []

        def made() -> list[tuple[Move, State]]:
            state = self.state
            if state.finished:
                raise IllegalMove("the game is over")
            round_ = state.round
            while not state.finished and state.round == round_:
                party = state.to_move
                assert party is not None
                move = Pass(party=party, note=ENDED_ROUND)
                state = step(state, move)
                passes.append((move, state))
            return [*passes, *_computers(self, state)]

        self._transact(made)
        return len(passes)

    def set_paused(self, paused: bool) -> None:
        """The instructor pauses the game (no move is taken) or lets it go on."""
        self._instructor_only("the pause")

        def made() -> list[tuple[Move, State]]:
            if paused and self.state.finished:
                raise IllegalMove("the game is over")
            self.store.set_paused(paused)
            return []

        self._transact(made)
        self.paused = paused

    def _transact(self, work: Callable[[], list[tuple[Move, State]]]) -> None:
        """One write transaction on the latest game: the moves others wrote are applied first,
        then `work` says which moves to append, each written with the digest of the state
        after it; this process's state moves on only once they are committed. Anything that
        fails leaves the file as it was (raises IllegalMove saying why)."""
        try:
            with self.store.writing():
                self._catch_up()
                self.paused = self.store.paused()
                made = work()
                last = self.store.append([(m, s.digest()) for m, s in made]) if made else None
        except StoreBusy as err:
            raise IllegalMove(f"nothing was recorded: {err}") from None
        except LoadError as err:
            raise IllegalMove(f"nothing was recorded: {err.problems[0]}") from None
        if made and last is not None:
            self.state, self.seq = made[-1][1], last

    # --- saving -------------------------------------------------------------------------------

    def save(
        self, folder: Path | None = None, name: str | None = None, draft: object = None
    ) -> Path:
        """Every move is in the class game's file as soon as it is made: that file is the
        save (`serve --store FILE` continues it; a team's draft stays in its browser)."""
        return self.store.path

    def autosave(self) -> Path | None:
        """Nothing to do: the file is written at every move."""
        return None

    def close(self) -> None:
        """Let go of the file."""
        self.store.close()

    # --- the instructor's view ----------------------------------------------------------------

    def standing(self) -> Standing:
        """Where the game stands, every party's numbers included (the instructor's alone)."""
        self._instructor_only("every party's numbers")
        state = self.state
        scenario = state.scenario
        offer = state.offer
        parties = []
        for party in scenario.party_ids:
            name = scenario.party(party).name
            if offer is not None and party in offer.scope:
                s = state.scorer.score(party, offer.package, offer.scope)
                parties.append(
                    PartyStanding(
                        party,
                        name,
                        state.seat(party),
                        required_value(state, party, offer.scope),
                        s.total,
                        s.acceptable,
                        s.support,
                        s.threshold,
                        s.ratifies,
                        party in offer.accepted,
                    )
                )
            else:
                parties.append(
                    PartyStanding(party, name, state.seat(party), required_value(state, party))
                )
        now = zone(scenario, state.conditions)
        entries = [e for e in state.log if e.kind != "round"]
        return Standing(
            round=state.round + 1,
            rounds=len(scenario.rounds),
            date=state.date,
            to_move=state.to_move,
            paused=self.paused,
            finished=state.finished,
            offer=offer,
            parties=tuple(parties),
            zone_now=now.count,
            zone_exact=now.exact,
            zone_by_round=tuple(zone(scenario, c).count for c in state.snapshots),
            log=tuple(entries[-LOG_LINES:]),
            moves=len(state.moves),
        )

    def _instructor_only(self, what: str) -> None:
        if not self.instructor:
            raise PermissionError(f"{what}: the instructor's alone")

    def _name(self, party: str) -> str:
        return self.scenario.party(party).name


def _computers(game: Game, state: State) -> list[tuple[Move, State]]:
    """The computer seats' moves from this state until a team is due or the game is over,
    each with the state after it (as `Game.advance` plays them)."""
    made = []
    while not state.finished:
        party = state.to_move
        assert party is not None
        if state.seat(party) == "human":
            break
        move = choose_move(state, party, game.negotiators[party])
        state = step(state, move)
        made.append((move, state))
    return made


def _replayed(path: Path, state: State, rows: list[StoredMove]) -> State:
    """The state after the stored moves, checked against the digest stored with the last."""
    for row in rows:
        try:
            state = step(state, row.move)
        except ENGINE_ERRORS as err:
            raise problem_in(
                path, f"moves.{row.seq}", f"the move cannot be replayed: {err}"
            ) from None
    if state.digest() != rows[-1].digest:
        raise problem_in(
            path,
            f"moves.{rows[-1].seq}",
            "replaying the moves does not give the game that was played: the file was edited, "
            "or written by a version of Perimeter whose rules differ",
        )
    return state


@contextlib.contextmanager
def _closed_on_failure(store: SharedStore) -> Iterator[SharedStore]:
    """The store, closed again if what is done with it fails (a join that is refused or a
    file that is no class game leaves no connection open)."""
    try:
        yield store
    except BaseException:
        store.close()
        raise


def _opened(cls: type[ClassGame], store: SharedStore, seat: str) -> ClassGame:
    """The class game in the store, held by `seat`, on its scenario file (at its path, or by
    its id): the same bytes, or, as for a save, a changed file on which every move so far
    replays to the game played (with a note); else refused, naming the file."""
    header = store.header
    candidates = [Path(header.scenario_file), *files_of(header.scenario)]
    changed: list[ScenarioFile] = []
    for candidate in candidates:
        try:
            source = open_scenario(candidate)
        except LoadError:
            continue
        if source.digest == header.scenario_digest:
            game = cls(store, source, seat)
            game.refresh()
            return game
        changed.append(source)
    for source in changed:
        try:
            game = cls(store, source, seat)
            game.refresh()
        except LoadError:  # the moves played do not replay on it
            continue
        game.note = (
            f"the scenario file {source.path} has changed since this class game started; "
            "every move so far replays to the same game on it, so the game goes on with the "
            "file as it is now"
        )
        return game
    message = f"cannot find the scenario {header.scenario!r} ({header.scenario_file})"
    if changed:
        message = (
            f"the scenario file has changed since this class game started ({changed[0].path}), "
            "and the moves played do not replay on it; restore it as it was to continue the game"
        )
    raise problem_in(store.path, "game.scenario_file", message)


def _check_header(store: SharedStore, source: ScenarioFile) -> None:
    """The header's parties and causes against its scenario."""
    header, scenario = store.header, source.scenario
    if header.scenario != scenario.id:
        raise problem_in(store.path, "game.scenario", f"the file is of {scenario.id!r}")
    if set(header.seats) != set(scenario.party_ids):
        raise problem_in(
            store.path, "game.seats", f"the seats must be {', '.join(scenario.party_ids)}"
        )
    unknown = sorted(set(header.disabled_causes) - scenario.causes)
    if unknown:
        raise problem_in(store.path, "game.disabled_causes", f"no event has the cause {unknown[0]}")


def load_saved(path: Path | str) -> LoadedGame:
    """A saved game, or a class game's file read as one (the game as the instructor sees it,
    replayed and checked): what `report` and `class` take. Raises LoadError for either."""
    if not is_class_game_file(path):
        return load_game(path)
    game = ClassGame.open_as_instructor(path)
    try:
        assert game.source is not None  # a class game is always played on its file
        return LoadedGame(game.state, Path(path), game.source, game.started, game.note)
    finally:
        game.close()
