"""How often the partner forecast comes true, measured over computer-only games."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import get_args

from game.core.analysis.simulation import run_seed
from game.core.engine.mechanism import start, step
from game.core.engine.moves import Accept, Propose, Reject
from game.core.engine.moves import Counter as CounterMove
from game.core.engine.state import Difficulty, State
from game.core.players.estimates import Verdict, estimate
from game.core.players.negotiator import choose_move
from game.core.scenario.model import Scenario

VERDICTS: tuple[Verdict, ...] = get_args(Verdict)


@dataclass(frozen=True)
class Tally:
    """Forecasts of a partner's reply, by verdict: how many were given, how many accepted."""

    given: dict[Verdict, int] = field(default_factory=dict)
    accepted: dict[Verdict, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Every forecast counted."""
        return sum(self.given.values())

    def share(self, verdict: Verdict) -> float:
        """How often this verdict was given, of all forecasts (0 when there were none)."""
        return self.given.get(verdict, 0) / self.total if self.total else 0.0

    def acceptance(self, verdict: Verdict) -> float | None:
        """How often the partner accepted after this verdict (None: never given)."""
        given = self.given.get(verdict, 0)
        return self.accepted.get(verdict, 0) / given if given else None

    def hit_rate(self, verdict: Verdict) -> float | None:
        """How often this verdict came true: the partner accepted after "likely yes", refused
        after "likely no" or "red line" (None: never given, or "uncertain", which foretells
        nothing)."""
        rate = self.acceptance(verdict)
        if rate is None or verdict == "uncertain":
            return None
        return rate if verdict == "likely yes" else 1.0 - rate


@dataclass(frozen=True)
class ForecastCheck:
    """The forecasts checked over computer-only games of one scenario and difficulty."""

    scenario: str
    runs: int
    seed: int
    difficulty: Difficulty
    replies: int
    """Replies to an offer (accept, reject or counter) by a computer party."""
    at_reply: Tally
    """What each other party in the offer's scope was told just before the reply."""
    when_tabled: Tally
    """What each other party in the offer's scope was told just before the offer was tabled:
    what a player reads before pressing t (conditions and rounds may change before the reply;
    replies to a package reopened after failing at home are not counted here)."""


def check_forecasts(
    scenario: Scenario,
    runs: int,
    seed: int,
    difficulty: Difficulty = "normal",
    disabled_causes: frozenset[str] = frozenset(),
) -> ForecastCheck:
    """Play `runs` computer-only games (the same games as `simulate` with this seed) and, at
    every reply to an offer, compare the reply with the forecast every other party in the
    offer's scope had of it. The same seed gives the same result."""
    given: dict[str, Counter[Verdict]] = {"reply": Counter(), "tabled": Counter()}
    accepted: dict[str, Counter[Verdict]] = {"reply": Counter(), "tabled": Counter()}
    replies = 0
    for run in range(runs):
        state = start(scenario, run_seed(seed, run), None, disabled_causes, difficulty)
        tabled: State | None = None
        while not state.finished:
            party = state.to_move
            assert party is not None
            move = choose_move(state, party)
            if isinstance(move, Accept | Reject | CounterMove) and state.offer is not None:
                replies += 1
                offer = state.offer
                yes = isinstance(move, Accept)
                for when, before in (("reply", state), ("tabled", tabled)):
                    if before is None:
                        continue
                    for viewer in offer.scope:
                        if viewer == party:
                            continue
                        verdict = estimate(
                            before, viewer, party, offer.package, offer.scope
                        ).verdict
                        given[when][verdict] += 1
                        accepted[when][verdict] += yes
            if isinstance(move, Propose | CounterMove):
                tabled = state
            before_move = len(state.log)
            state = step(state, move)
            if any(e.kind == "blocked" for e in state.log[before_move:]):
                # The package failed at home and is reopened: what was foreseen when it was
                # tabled no longer speaks to the replies that follow.
                tabled = None

    def tally(when: str) -> Tally:
        return Tally(
            {v: given[when][v] for v in VERDICTS}, {v: accepted[when][v] for v in VERDICTS}
        )

    return ForecastCheck(
        scenario.id, runs, seed, difficulty, replies, tally("reply"), tally("tabled")
    )
