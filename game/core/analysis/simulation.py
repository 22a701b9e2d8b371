"""Computer-only games in bulk: outcome distribution, agreement rate, each party's mean result."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from game.core.analysis.outcomes import OUTCOMES, Outcome, classify, results
from game.core.analysis.zone_timeline import ZoneRound, zone_timeline
from game.core.engine.state import State, rng
from game.core.game import Game
from game.core.players.negotiator import negotiator_for
from game.core.players.style import seat_style
from game.core.scenario.model import Scenario


@dataclass(frozen=True)
class PartySummary:
    """A party's average result over the runs."""

    mean_score: float
    mean_vs_reservation: float


@dataclass(frozen=True)
class Summary:
    """What many computer-only games of one scenario came to."""

    scenario: str
    runs: int
    seed: int
    outcomes: dict[Outcome, int]
    agreement_rate: float
    mean_rounds: float
    parties: dict[str, PartySummary]
    disabled_causes: tuple[str, ...] = ()
    zone: tuple[ZoneRound, ...] = ()
    """The zone of agreement round by round, as the events alone leave it."""
    blocked: dict[str, int] = field(default_factory=dict)
    """Packages every party in scope had accepted that failed at home, by each party whose
    groups would not support them (a package sunk in two countries counts for both)."""
    votes_lost: int = 0
    """Packages every party in scope had accepted that failed at home."""
    lapsed: dict[str, int] = field(default_factory=dict)
    """Trilateral agreements that lapsed, by the party that walked away."""
    bilateral: dict[str, int] = field(default_factory=dict)
    """Bilateral agreements banked, by pair (e.g. "US-CA")."""
    seats: dict[str, str] = field(default_factory=dict)
    """What plays each seat where not the scenario's personality at normal difficulty."""

    def as_json(self) -> dict[str, object]:
        """The JSON the command line promises."""
        result: dict[str, object] = {
            "scenario": self.scenario,
            "runs": self.runs,
            "seed": self.seed,
            "outcomes": dict(self.outcomes),
            "agreement_rate": round(self.agreement_rate, 4),
            "mean_rounds": round(self.mean_rounds, 4),
            "parties": {
                p: {
                    "mean_score": round(s.mean_score, 4),
                    "mean_vs_reservation": round(s.mean_vs_reservation, 4),
                }
                for p, s in self.parties.items()
            },
        }
        if self.disabled_causes:
            result["without"] = list(self.disabled_causes)
        result["zone"] = [r.as_json() for r in self.zone]
        result["blocked_at_home"] = dict(self.blocked)
        result["packages_failed_at_home"] = self.votes_lost
        result["lapsed_by"] = dict(self.lapsed)
        result["bilateral_deals"] = dict(self.bilateral)
        if self.seats:
            result["seats"] = dict(self.seats)
        return result


def run_seed(seed: int, run: int) -> int:
    """The seed of one run of a simulation (fixed by the simulation's seed)."""
    return rng(seed, "run", run).getrandbits(32)


def play_computer_game(
    scenario: Scenario,
    seed: int,
    disabled_causes: frozenset[str] = frozenset(),
    seats: Mapping[str, str] | None = None,
) -> State:
    """One game with the computer at every seat, played to its end (each seat plays the
    scenario's personality at normal difficulty, or what `seats` names for it: a difficulty
    or a strategy)."""
    negotiators = {
        p: negotiator_for(seat_style(scenario, p, spec)) for p, spec in (seats or {}).items()
    }
    return Game.new(scenario, seed, disabled_causes=disabled_causes, negotiators=negotiators).state


@dataclass(frozen=True)
class RunResult:
    """What one computer-only game came to: all a summary needs of it."""

    outcome: Outcome
    rounds: int
    """Rounds played until the trilateral deal (it ends the negotiation, even where it must
    then hold), or until the deadline."""
    agreed: bool
    scores: tuple[float, ...]
    gains: tuple[float, ...]
    """Each party's result and its gain over its reservation value, in party order."""
    blocked: tuple[str, ...]
    """Each party whose groups sank a package at home, failure by failure, in order."""
    votes_lost: int
    """Packages that failed at home."""
    lapsed: str | None
    bilateral: tuple[str, ...]
    """The pair of each bilateral agreement, e.g. "US-CA"."""


def play_runs(
    scenario: Scenario,
    seed: int,
    runs: Iterable[int],
    disabled_causes: frozenset[str] = frozenset(),
    seats: Mapping[str, str] | None = None,
) -> list[RunResult]:
    """Play the computer-only games of these runs of a simulation (a part of them can be
    played elsewhere, and the summary is the same)."""
    ids = scenario.party_ids
    played = []
    for run in runs:
        state = play_computer_game(scenario, run_seed(seed, run), disabled_causes, seats)
        deal = state.trilateral
        ends = results(state)
        played.append(
            RunResult(
                classify(state),
                (deal.round if deal else state.round) + 1,
                deal is not None,
                tuple(ends[p].score for p in ids),
                tuple(ends[p].gain for p in ids),
                tuple(p for e in state.log if e.kind == "blocked" for p in e.parties),
                sum(1 for e in state.log if e.kind == "blocked"),
                next((e.party for e in state.log if e.kind == "lapsed"), None),
                tuple("-".join(a.scope) for a in state.agreements if len(a.scope) < len(ids)),
            )
        )
    return played


def summarise(
    scenario: Scenario,
    seed: int,
    played: Sequence[RunResult],
    disabled_causes: frozenset[str] = frozenset(),
    seats: Mapping[str, str] | None = None,
) -> Summary:
    """The summary of a simulation's games, in run order (sums are taken in that order, so
    the summary does not depend on how the games were shared out)."""
    ids = scenario.party_ids
    outcomes: Counter[Outcome] = Counter({o: 0 for o in OUTCOMES})
    outcomes.update(r.outcome for r in played)
    blocked: Counter[str] = Counter(dict.fromkeys(ids, 0))
    blocked.update(p for r in played for p in r.blocked)
    lapsed: Counter[str] = Counter(dict.fromkeys(ids, 0))
    lapsed.update(r.lapsed for r in played if r.lapsed)
    pairs = [f"{a}-{b}" for n, a in enumerate(ids) for b in ids[n + 1 :]]
    bilateral: Counter[str] = Counter(dict.fromkeys(pairs, 0))
    bilateral.update(pair for r in played for pair in r.bilateral)
    n = max(1, len(played))

    def mean(values: Sequence[float]) -> float:
        total = 0.0
        for value in values:
            total += value
        return total / n

    return Summary(
        scenario=scenario.id,
        runs=len(played),
        seed=seed,
        outcomes=dict(outcomes),
        agreement_rate=sum(r.agreed for r in played) / n,
        mean_rounds=sum(r.rounds for r in played) / n,
        parties={
            p: PartySummary(mean([r.scores[i] for r in played]), mean([r.gains[i] for r in played]))
            for i, p in enumerate(ids)
        },
        disabled_causes=tuple(sorted(disabled_causes)),
        zone=zone_timeline(scenario, seed, disabled_causes),
        blocked=dict(blocked),
        votes_lost=sum(r.votes_lost for r in played),
        lapsed=dict(lapsed),
        bilateral=dict(bilateral),
        seats=dict(seats or {}),
    )


def simulate(
    scenario: Scenario,
    runs: int,
    seed: int,
    disabled_causes: frozenset[str] = frozenset(),
    progress: Callable[[int, int], None] | None = None,
    seats: Mapping[str, str] | None = None,
) -> Summary:
    """Play `runs` computer-only games and summarise them; the same seed gives the same result."""
    played: list[RunResult] = []
    for run in range(runs):
        played += play_runs(scenario, seed, range(run, run + 1), disabled_causes, seats)
        if progress is not None:
            progress(run + 1, runs)
    return summarise(scenario, seed, played, disabled_causes, seats)
