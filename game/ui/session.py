"""A game in progress as the UI sees it: the engine state, the human's seat, computer turns."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from game.core.ai import choose_move
from game.core.negotiation import Difficulty, LogEntry, Move, Seat, State, start, step
from game.core.scenario import Scenario


@dataclass
class Session:
    """Holds the current engine state and plays the computer seats between human moves.

    The state itself is immutable; the session only swaps in the next one, so widgets always
    render from `session.state` and never keep game state of their own.
    """

    scenario: Scenario
    scenario_file: Path
    human: str
    state: State
    saves_dir: Path
    seen: int = 0
    """How many log entries the UI has already shown."""
    autosaves: list[Path] = field(default_factory=list)

    @classmethod
    def new(
        cls,
        scenario: Scenario,
        scenario_file: Path,
        human: str,
        seed: int,
        difficulty: Difficulty,
        saves_dir: Path,
    ) -> Session:
        """A new game with the human at one seat and the computer at the others."""
        seats: dict[str, Seat] = {
            p: ("human" if p == human else "computer") for p in scenario.party_ids
        }
        state = start(scenario, seed, seats, difficulty=difficulty)
        session = cls(scenario, scenario_file, human, state, saves_dir)
        session.run_computers()
        return session

    def play(self, move: Move) -> None:
        """The human's move (raises IllegalMove), then the computers' until the human is due."""
        self.state = step(self.state, move)
        self.run_computers()

    def run_computers(self) -> None:
        """Let computer seats move until it is the human's turn or the game is over."""
        round_before = self.state.round
        while not self.state.finished and self.state.to_move != self.human:
            party = self.state.to_move
            assert party is not None
            self.state = step(self.state, choose_move(self.state, party))
        if self.state.round != round_before or self.state.finished:
            self.autosave()

    def autosave(self) -> None:
        """Keep an autosave of the game each round (nothing lost if the terminal closes)."""
        from game.core.saves import autosave

        # A full disk or read-only folder must not end the game; the player can still save.
        with contextlib.suppress(OSError):
            self.autosaves.append(
                autosave(
                    self.state, self.saves_dir, human=self.human, scenario_file=self.scenario_file
                )
            )

    def unseen(self) -> list[LogEntry]:
        """Log entries the UI has not shown yet, marking them shown."""
        entries = list(self.state.log[self.seen :])
        self.seen = len(self.state.log)
        return entries
