"""The game controller: the one way to run a game, for any mix of human and computer seats.

It starts, loads and saves games, takes the human seats' moves, lets the computer seats move
until a person is due, autosaves each round, and gives each party a `SeatView`: the public
table plus that party's own numbers and its estimates of its partners, never another party's
private scores. The terminal game, the command line, the report, the class roll-up and the
class game that `serve` runs in browsers (a `ClassGame` is a `Game`) all go through it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from game.core.engine.conditions import WendtSystem, wendt_system
from game.core.engine.legal import Legal, legal_moves, required_value
from game.core.engine.mechanism import seats_for, start, step
from game.core.engine.moves import IllegalMove, Move
from game.core.engine.requirement import Requirement
from game.core.engine.scoring import PartyScore
from game.core.engine.secrecy import untold
from game.core.engine.state import Agreement, Difficulty, LogEntry, Offer, State
from game.core.players.estimates import Estimate, estimate
from game.core.players.negotiator import Negotiator, choose_move, seat_negotiator
from game.core.saves.format import SavedDraft
from game.core.saves.replay import load_game
from game.core.saves.store import (
    SaveFailed,
    autosave,
    autosave_path,
    holds_more,
    humans_of,
    same_file,
    save_game,
)
from game.core.scenario.index import index
from game.core.scenario.loader import ScenarioFile
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package


class Game:
    """A game in progress. Its state is immutable; the controller swaps in the next one."""

    paused = False
    """Whether no move may be taken for now (only a class game's instructor pauses one)."""

    def __init__(
        self,
        state: State,
        source: ScenarioFile | None = None,
        *,
        saves_dir: Path | None = None,
        negotiators: Mapping[str, Negotiator] | None = None,
    ) -> None:
        self.state = state
        self.source = source
        """The scenario file, for saving; None for games that are never saved (simulations)."""
        self.saves_dir = saves_dir
        """Where the game is autosaved each round; None: no autosave."""
        # Each computer seat: the scenario's personality for the country at the game's
        # difficulty, unless the caller seats another negotiator there.
        self.negotiators: dict[str, Negotiator] = {
            p: (negotiators or {}).get(p) or seat_negotiator(state.scenario, p, state.difficulty)
            for p in state.scenario.party_ids
        }
        self._autosaved_round: int | None = None
        self.last_autosave: Path | None = None
        """The file the game was last autosaved to."""
        self.autosave_failure: SaveFailed | None = None
        """Why the last autosave could not be written (the file, the reason, what to do); None
        when it was, or none was tried."""
        self.started = dt.datetime.now().replace(microsecond=0)
        """When the game was started (a loaded game keeps its own): names its save files."""
        self.note: str | None = None
        """What to tell the players of a loaded game before they play on, or None (its
        scenario file changed since the save, though the moves replay to the same game)."""
        self.saved_draft: SavedDraft | None = None
        """The draft at the table in the save this game was loaded from, if any: the table
        gives it back to its country."""
        self.kept_apart: Path | None = None
        """The file, holding more of this game, that a game loaded from an earlier save goes on
        beside instead of over (see `load`); None for every other game."""

    # --- starting -----------------------------------------------------------------------

    @classmethod
    def new(
        cls,
        scenario: ScenarioFile | Scenario,
        seed: int,
        humans: Iterable[str] = (),
        *,
        difficulty: Difficulty = "normal",
        disabled_causes: Iterable[str] = (),
        saves_dir: Path | None = None,
        negotiators: Mapping[str, Negotiator] | None = None,
    ) -> Game:
        """A new game with people at the `humans` seats and the computer at the others; the
        computer seats before the first person's turn have already moved."""
        source = scenario if isinstance(scenario, ScenarioFile) else None
        model = scenario.scenario if isinstance(scenario, ScenarioFile) else scenario
        seats = seats_for(model, humans)
        state = start(model, seed, seats, frozenset(disabled_causes), difficulty)
        game = cls(state, source, saves_dir=saves_dir, negotiators=negotiators)
        game.advance()
        return game

    @classmethod
    def load(cls, path: Path | str, *, saves_dir: Path | None = None) -> Game:
        """A saved game, replayed and checked (raises LoadError, positioned in the file).

        It goes on in its own autosave unless that is another file holding more of the game (a
        later or finished autosave, a game continued from the same save): then, as a branch,
        it goes on under a start time of its own, so its autosave and saves are new files, and
        `kept_apart` names the file it leaves as it was."""
        loaded = load_game(path)
        game = cls(loaded.state, loaded.source, saves_dir=saves_dir)
        if loaded.started is not None:
            game.started = loaded.started
        game.kept_apart = game._keep_apart(Path(path))
        game._autosaved_round = loaded.state.round
        game.note = loaded.note
        game.saved_draft = loaded.draft
        game.advance()
        return game

    def _keep_apart(self, loaded: Path) -> Path | None:
        """Give the game a start time of its own when its autosave would write over a file
        holding more of it (see `load`); return that file, or None when it goes on in it."""
        own = self.autosave_file
        if own is None or same_file(own, loaded) or not holds_more(own, self.state):
            return None
        second = dt.timedelta(seconds=1)
        started = max(dt.datetime.now().replace(microsecond=0), self.started + second)
        while holds_more(autosave_path(self.state, own.parent, started), self.state):
            started += second
        self.started = started
        return own

    # --- whose turn ---------------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        """The scenario played."""
        return self.state.scenario

    @property
    def humans(self) -> tuple[str, ...]:
        """The parties played by people, in party order."""
        return humans_of(self.state)

    @property
    def to_move(self) -> str | None:
        """The party whose turn it is (None once the game is over)."""
        return self.state.to_move

    @property
    def finished(self) -> bool:
        """Whether the game is over."""
        return self.state.finished

    # --- moving -------------------------------------------------------------------------

    def play(self, move: Move) -> None:
        """A person's move (raises IllegalMove), then the computer seats' until a person is due."""
        party = self.state.to_move
        if party is not None and self.state.seat(party) != "human":
            raise IllegalMove(f"{party} is played by the computer")
        self.state = step(self.state, move)
        self.advance()

    def advance(self) -> None:
        """Let computer seats move until a person is due or the game is over; autosave when a
        round has passed."""
        state = self.state
        while not state.finished:
            party = state.to_move
            assert party is not None
            if state.seat(party) == "human":
                break
            state = step(state, choose_move(state, party, self.negotiators[party]))
        self.state = state
        if state.finished or state.round != self._autosaved_round:
            self.autosave()

    # --- what a seat sees ----------------------------------------------------------------

    def view(self, party: str) -> SeatView:
        """What one party may see of the game."""
        if party not in self.scenario.party_ids:
            raise ValueError(f"no party {party!r} in {self.scenario.id}")
        return SeatView(self, party)

    # --- saving ---------------------------------------------------------------------------

    def save(
        self, folder: Path | None = None, name: str | None = None, draft: SavedDraft | None = None
    ) -> Path:
        """Save the game now, with the `draft` at the table if any (raises SaveFailed, an
        OSError naming the file, when it cannot be written)."""
        return save_game(
            self.state,
            self._folder(folder),
            name,
            source=self._source(),
            started=self.started,
            draft=draft,
        )

    @property
    def autosave_file(self) -> Path | None:
        """The file the game autosaves to; None when it is not autosaved."""
        if self.saves_dir is None or self.source is None:
            return None
        return autosave_path(self.state, self.saves_dir, self.started)

    def autosave(self) -> Path | None:
        """Keep the game's one autosave file up to date. A failure never ends the game (the
        player can still save by hand, elsewhere if need be): it returns None instead, and
        `autosave_failure` says why until an autosave works again."""
        if self.saves_dir is None or self.source is None:
            return None
        self._autosaved_round = self.state.round
        try:
            self.last_autosave = autosave(
                self.state, self.saves_dir, source=self.source, started=self.started
            )
        except SaveFailed as err:
            self.autosave_failure = err
            return None
        self.autosave_failure = None
        return self.last_autosave

    def _folder(self, folder: Path | None) -> Path:
        chosen = folder or self.saves_dir
        if chosen is None:
            raise ValueError("no folder to save the game in")
        return chosen

    def _source(self) -> ScenarioFile:
        if self.source is None:
            raise ValueError("this game was not started from a scenario file and cannot be saved")
        return self.source


@dataclass(frozen=True)
class DyadView:
    """A relationship as everyone at the table sees it (trust is public in this game)."""

    parties: tuple[str, str]
    trust: float
    stage: int
    system: WendtSystem


@dataclass(frozen=True)
class SeatView:
    """One party's view of a game: the public table, its own numbers, estimates of the others.

    Screens and other front ends read a game through a view; it offers no way to read another
    party's scores, reservation value or votes at home except as estimates.
    """

    _game: Game
    party: str

    # --- public ---------------------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        """The scenario (public: briefings of the others are in it, but not their numbers)."""
        return self._game.scenario

    @property
    def round(self) -> int:
        """The round, 0 for the first summit."""
        return self._game.state.round

    @property
    def date(self) -> str:
        """The date of the current round."""
        return self._game.state.date

    @property
    def chair(self) -> str:
        """The party chairing this round."""
        return self._game.state.chair

    @property
    def to_move(self) -> str | None:
        """The party whose turn it is (None once the game is over)."""
        return self._game.state.to_move

    @property
    def my_turn(self) -> bool:
        """Whether this party is to move."""
        return self._game.state.to_move == self.party

    @property
    def paused(self) -> bool:
        """Whether the game is paused (a class game's instructor's doing): nobody may move."""
        return self._game.paused

    @property
    def finished(self) -> bool:
        """Whether the game is over."""
        return self._game.state.finished

    @property
    def offer(self) -> Offer | None:
        """The offer on the table."""
        return self._game.state.offer

    @property
    def agreements(self) -> tuple[Agreement, ...]:
        """Agreements ratified so far."""
        return self._game.state.agreements

    @property
    def log(self) -> tuple[LogEntry, ...]:
        """The negotiation's record: moves, replies with their stated reasons, events, votes;
        less another party's unilateral act until it comes to light (`secrecy.untold`)."""
        state = self._game.state
        hidden = untold(state, self.party)
        if not hidden:
            return state.log
        return tuple(e for n, e in enumerate(state.log) if n not in hidden)

    @property
    def status_quo(self) -> Package:
        """The package that changes nothing."""
        return index(self.scenario).status_quo

    def dyads(self) -> list[DyadView]:
        """Every relationship at the table: trust, levels of transformation, Wendt's label."""
        scenario, conditions = self.scenario, self._game.state.conditions
        ix = index(scenario)
        ids = scenario.party_ids
        return [
            DyadView(
                (a, b),
                conditions.trust[ix.dyad(a, b)],
                conditions.stage[ix.dyad(a, b)],
                wendt_system(scenario, conditions, a, b),
            )
            for i, a in enumerate(ids)
            for b in ids[i + 1 :]
        ]

    def dyad(self, partner: str) -> DyadView:
        """This party's relationship with a partner."""
        return next(d for d in self.dyads() if set(d.parties) == {self.party, partner})

    # --- this party's own ---------------------------------------------------------------

    def score(self, package: Package, scope: tuple[str, ...] | None = None) -> PartyScore:
        """What a package binding this scope (None: everyone) is worth to this party, with the
        breakdown, its votes at home and what the party needs."""
        return self._game.state.scorer.score(self.party, package, scope)

    def needed(self, scope: tuple[str, ...] | None = None) -> float:
        """What a package binding this scope (None: everyone) must be worth for this party to
        accept it now."""
        return required_value(self._game.state, self.party, scope)

    def requirement(self, scope: tuple[str, ...] | None = None) -> Requirement:
        """What this party needs now, in parts: its reservation value and each premium (the
        attention premium is for the trilateral partnership alone)."""
        return self._game.state.scorer.requirement(self.party, scope)

    def legal(self) -> Legal:
        """The moves open to this party now (nothing when it is not its turn)."""
        return legal_moves(self._game.state, self.party)

    def approval(self) -> list[tuple[str, str, float, float]]:
        """This party's domestic groups now: id, name, share of the home vote, approval."""
        conditions = self._game.state.conditions
        return [
            (g.id, g.name, share, conditions.approval[i])
            for i, g, share in index(self.scenario).groups_of[self.party]
        ]

    def estimate(
        self, partner: str, package: Package, scope: tuple[str, ...] | None = None
    ) -> Estimate:
        """This party's estimate of a partner's reaction to a package binding this scope (None:
        everyone), as precise as its trust allows."""
        return estimate(self._game.state, self.party, partner, package, scope)

    def play(self, move: Move) -> None:
        """Make a move for this party (raises IllegalMove, also for another party's move)."""
        if move.party != self.party:
            raise IllegalMove(f"this seat plays {self.party}, not {move.party}")
        self._game.play(move)
