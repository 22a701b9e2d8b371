"""Computer-only games in bulk: outcome distribution, agreement rate, each party's mean result."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from game.core.analysis.outcomes import OUTCOMES, Outcome, classify, results
from game.core.analysis.zone_timeline import ZoneRound, zone_timeline
from game.core.engine.state import State, rng
from game.core.game import Game
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
    """Packages every party in scope had accepted that failed at home, by the party whose
    groups would not support them."""
    lapsed: dict[str, int] = field(default_factory=dict)
    """Trilateral agreements that lapsed, by the party that walked away."""
    bilateral: dict[str, int] = field(default_factory=dict)
    """Bilateral agreements banked, by pair (e.g. "US-CA")."""

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
        result["lapsed_by"] = dict(self.lapsed)
        result["bilateral_deals"] = dict(self.bilateral)
        return result


def run_seed(seed: int, run: int) -> int:
    """The seed of one run of a simulation (fixed by the simulation's seed)."""
    return rng(seed, "run", run).getrandbits(32)


def play_computer_game(
    scenario: Scenario, seed: int, disabled_causes: frozenset[str] = frozenset()
) -> State:
    """One game with the computer at every seat, played to its end."""
    return Game.new(scenario, seed, disabled_causes=disabled_causes).state


def simulate(
    scenario: Scenario,
    runs: int,
    seed: int,
    disabled_causes: frozenset[str] = frozenset(),
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Play `runs` computer-only games and summarise them; the same seed gives the same result."""
    outcomes: Counter[Outcome] = Counter({o: 0 for o in OUTCOMES})
    rounds = 0
    scores = {p: 0.0 for p in scenario.party_ids}
    gains = {p: 0.0 for p in scenario.party_ids}
    agreements = 0
    ids = scenario.party_ids
    blocked: Counter[str] = Counter({p: 0 for p in ids})
    lapsed: Counter[str] = Counter({p: 0 for p in ids})
    pairs = [f"{a}-{b}" for n, a in enumerate(ids) for b in ids[n + 1 :]]
    bilateral: Counter[str] = Counter(dict.fromkeys(pairs, 0))
    for run in range(runs):
        state = play_computer_game(scenario, run_seed(seed, run), disabled_causes)
        outcomes[classify(state)] += 1
        for entry in state.log:
            if entry.kind == "blocked" and entry.party is not None:
                blocked[entry.party] += 1
            elif entry.kind == "lapsed" and entry.party is not None:
                lapsed[entry.party] += 1
        for agreement in state.agreements:
            if len(agreement.scope) < len(ids):
                bilateral["-".join(agreement.scope)] += 1
        deal = state.trilateral
        # The negotiation ends with the trilateral deal, even where the deal must then hold.
        rounds += (deal.round if deal else state.round) + 1
        agreements += deal is not None
        for p, result in results(state).items():
            scores[p] += result.score
            gains[p] += result.gain
        if progress is not None:
            progress(run + 1, runs)
    n = max(1, runs)
    return Summary(
        scenario=scenario.id,
        runs=runs,
        seed=seed,
        outcomes=dict(outcomes),
        agreement_rate=agreements / n,
        mean_rounds=rounds / n,
        parties={p: PartySummary(scores[p] / n, gains[p] / n) for p in scenario.party_ids},
        disabled_causes=tuple(sorted(disabled_causes)),
        zone=zone_timeline(scenario, seed, disabled_causes),
        blocked=dict(blocked),
        lapsed=dict(lapsed),
        bilateral=dict(bilateral),
    )
