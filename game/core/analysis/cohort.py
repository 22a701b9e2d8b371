"""The class roll-up: many groups' games of one scenario, their totals, and computer-only games.

Each group's game becomes one row (who played, seed, difficulty, the causes switched off, rounds,
outcome, each party's result and gain, and the verdict of each country a group played). The
totals count finished games only: an unfinished game is listed, marked, and left out, since its
outcome is not decided yet. The class is compared with computer-only games (`simulate`) in the
same world: games played with different causes switched off are totalled and compared per set
of causes (a *world*), never against another world's baseline. The roll-up is of one scenario;
`same_scenario` sets the others aside, and `distinct_games` keeps one save of each game (a
game's autosave and its saves by hand are one group, not several).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from game.core.analysis.debrief import Verdict, verdict
from game.core.analysis.outcomes import OUTCOMES, Outcome, PartyResult, classify, results
from game.core.analysis.simulation import PartySummary, Summary, simulate
from game.core.engine.state import Difficulty, State
from game.core.saves.store import humans_of
from game.core.scenario.model import Scenario

AUTOSAVE_PREFIX = "autosave-"
"""How the names of autosaves begin (`saves.store.autosave`)."""

Baseline = Callable[[frozenset[str]], Summary]
"""Computer-only games of the roll-up's scenario in a world (the causes switched off)."""


@dataclass(frozen=True)
class Played:
    """One group's game, as read from its save."""

    name: str
    """How the group is named in the table (its save's file name)."""
    state: State
    started: dt.datetime | None = None
    """When the game was started, if its save says: with the seed and seats it tells one game
    from another."""


@dataclass(frozen=True)
class GroupRow:
    """One group's game in the table."""

    name: str
    humans: tuple[str, ...]
    """The countries the group played, in party order (none: a computer-only game)."""
    seed: int
    difficulty: Difficulty
    without: tuple[str, ...]
    """The causes whose events the game ran without, sorted."""
    rounds: int
    """Rounds played, counted as `simulate` counts them: to the trilateral deal, or to the end
    (for an unfinished game, to the round it was saved in)."""
    finished: bool
    outcome: Outcome
    """For an unfinished game, the outcome as the game stood when it was saved."""
    agreed: bool
    """Whether a trilateral deal was signed (what the agreement rate counts)."""
    results: dict[str, PartyResult]
    """Each party's result, in party order."""
    verdicts: dict[str, Verdict]
    """Won, even or lost against the reservation value, for the countries the group played."""


@dataclass(frozen=True)
class Totals:
    """What the finished games among some groups came to."""

    games: int
    agreements: int
    outcomes: dict[Outcome, int]
    """Games of each outcome, every outcome listed."""
    mean_rounds: float
    parties: dict[str, PartySummary]
    """Each party's mean result and mean gain over its reservation value."""
    human_seats: int
    """Countries played by groups, counted once a game."""
    human_wins: int
    """Of those, the ones that beat their reservation value (verdict won)."""

    @property
    def agreement_rate(self) -> float:
        """The share of games in which a trilateral deal was signed (0 without games)."""
        return self.agreements / self.games if self.games else 0.0


@dataclass(frozen=True)
class World:
    """The groups that played with one set of causes switched off, against computer-only games
    with the same causes switched off."""

    without: tuple[str, ...]
    groups: tuple[GroupRow, ...]
    totals: Totals
    baseline: Summary


@dataclass(frozen=True)
class Cohort:
    """A class's games of one scenario: a row per group, totals, and a comparison per world."""

    scenario: Scenario
    groups: tuple[GroupRow, ...]
    totals: Totals
    """Over every finished game, whatever its world."""
    worlds: tuple[World, ...]
    """History as it happened first (no cause switched off), then by the causes' names."""

    @property
    def unfinished(self) -> int:
        """Games listed but left out of the totals because they were not over."""
        return sum(not g.finished for g in self.groups)


def group_row(name: str, state: State) -> GroupRow:
    """One game's row."""
    deal = state.trilateral
    ends = results(state)
    humans = humans_of(state)
    return GroupRow(
        name=name,
        humans=humans,
        seed=state.seed,
        difficulty=state.difficulty,
        without=tuple(sorted(state.disabled_causes)),
        rounds=(deal.round if deal else state.round) + 1,
        finished=state.finished,
        outcome=classify(state),
        agreed=deal is not None,
        results=ends,
        verdicts={p: verdict(ends[p]) for p in humans},
    )


def totals(scenario: Scenario, rows: Sequence[GroupRow]) -> Totals:
    """The totals of the finished games among these rows."""
    done = [r for r in rows if r.finished]
    n = max(1, len(done))
    outcomes: Counter[Outcome] = Counter(dict.fromkeys(OUTCOMES, 0))
    outcomes.update(r.outcome for r in done)
    return Totals(
        games=len(done),
        agreements=sum(r.agreed for r in done),
        outcomes=dict(outcomes),
        mean_rounds=sum(r.rounds for r in done) / n,
        parties={
            p: PartySummary(
                sum(r.results[p].score for r in done) / n,
                sum(r.results[p].gain for r in done) / n,
            )
            for p in scenario.party_ids
        },
        human_seats=sum(len(r.verdicts) for r in done),
        human_wins=sum(v == "won" for r in done for v in r.verdicts.values()),
    )


def same_scenario(played: Sequence[Played]) -> tuple[list[Played], list[tuple[str, str]]]:
    """The games of the scenario most of them are of (the first one's, on a tie), and a
    problem in words for each of the others, by name. A game of a different version of that
    scenario (same id, other content) is one of the others: its scores are not comparable."""
    if not played:
        return [], []
    counts = Counter(p.state.scenario.id for p in played)
    top = max(counts.values())
    chosen = next(p.state.scenario for p in played if counts[p.state.scenario.id] == top)
    kept: list[Played] = []
    others: list[tuple[str, str]] = []
    for p in played:
        s = p.state.scenario
        if s.id != chosen.id:
            others.append(
                (
                    p.name,
                    f"a game of scenario {s.id!r}, not {chosen.id!r} like the others; "
                    "roll up each scenario's saves on their own",
                )
            )
        elif s is not chosen and s != chosen:
            others.append(
                (
                    p.name,
                    f"a game of another version of scenario {s.id!r} (the scenario file "
                    "was changed); roll it up with the saves of that version",
                )
            )
        else:
            kept.append(p)
    return kept, others


def distinct_games(played: Sequence[Played]) -> tuple[list[Played], list[tuple[str, str]]]:
    """One save of each game: the one furthest along (a save by hand over the autosave when
    they are as far along). Two saves are of one game when they name the same start time,
    scenario, seed, seats, difficulty and causes, and the moves of one begin the moves of the
    other (a game's autosave and a save by hand, say). Returns the saves kept, in their order,
    and for each save set aside, the name of the one kept instead. Saves that do not say when
    their game started are always kept."""

    def key(p: Played) -> tuple[object, ...]:
        s = p.state
        return (p.started, s.scenario.id, s.seed, s.seats, s.difficulty, s.disabled_causes)

    def one_game(a: Played, b: Played) -> bool:
        if a.started is None or key(a) != key(b):
            return False
        shorter, longer = sorted((a.state.moves, b.state.moves), key=len)
        return longer[: len(shorter)] == shorter

    kept: list[Played] = []
    # Each save set aside, with the place in `kept` of the save that stands for its game (a
    # later save of the game may still take that place).
    replaced: list[tuple[str, int]] = []
    for p in played:
        at = next((n for n, k in enumerate(kept) if one_game(k, p)), None)
        if at is None:
            kept.append(p)
        elif _further(p, kept[at]):
            replaced.append((kept[at].name, at))
            kept[at] = p
        else:
            replaced.append((p.name, at))
    return kept, [(name, kept[at].name) for name, at in replaced]


def _further(a: Played, b: Played) -> bool:
    """Whether save `a` of a game is to be kept over save `b`: it has more moves or, with as
    many, it is a save by hand where `b` is the autosave (its name is the one the class chose)."""
    if len(a.state.moves) != len(b.state.moves):
        return len(a.state.moves) > len(b.state.moves)
    return _autosave(b) and not _autosave(a)


def _autosave(p: Played) -> bool:
    return PurePath(p.name).name.startswith(AUTOSAVE_PREFIX)


def cohort(played: Sequence[Played], baseline: Baseline) -> Cohort:
    """The roll-up of games of one scenario (see `same_scenario`), with `baseline` giving the
    computer-only games of each world the groups played in. Raises ValueError for no games or
    games of more than one scenario."""
    if not played:
        raise ValueError("no games to roll up")
    scenario = played[0].state.scenario
    if any(p.state.scenario.id != scenario.id for p in played):
        raise ValueError("the games are of more than one scenario")
    rows = tuple(group_row(p.name, p.state) for p in played)
    worlds = sorted({r.without for r in rows}, key=lambda w: (len(w) > 0, w))
    return Cohort(
        scenario=scenario,
        groups=rows,
        totals=totals(scenario, rows),
        worlds=tuple(
            World(
                w,
                tuple(r for r in rows if r.without == w),
                totals(scenario, [r for r in rows if r.without == w]),
                baseline(frozenset(w)),
            )
            for w in worlds
        ),
    )


def simulated(scenario: Scenario, runs: int, seed: int) -> Baseline:
    """The baseline `simulate` gives, in this process: `runs` computer-only games from `seed`."""
    return lambda without: simulate(scenario, runs, seed, without)
