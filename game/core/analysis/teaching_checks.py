"""Teaching warnings for a valid scenario: what plays, but would teach little or mislead.

None of these stops a game (`validate` exits 0 unless `--strict`): a scenario with an empty
zone of agreement in 2009 is history, not a mistake. But an author balancing a scenario wants
to know when no round leaves a deal possible, when one point of one number decides the outcome,
or when an option, a threat, an event, a stance or an outcome can never matter. Each warning is
a path in the scenario file (so the command line can position it) and a sentence saying what to
look at. The checks that search (empty zones, knife edges) work within budgets, so that
`validate` answers in seconds on any agenda; what they could not check within them, they name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.core.analysis.identical_options import identical_options
from game.core.analysis.outcomes import security_issues
from game.core.analysis.scale_checks import magnified_lines, out_of_reach
from game.core.analysis.simulation import play_computer_game, run_seed
from game.core.analysis.zone_timeline import round_conditions, zone_counts, zone_timeline
from game.core.engine.conditions import Conditions
from game.core.engine.scoring import EPSILON, scorer
from game.core.engine.wording import counted, joined
from game.core.engine.zone import zone
from game.core.scenario.index import index
from game.core.scenario.model import Scenario
from game.core.scenario.packages import fits_scope
from game.core.scenario.problems import Problem

KNIFE_EDGE = 0.20
"""How far one point of one number may move the agreement rate before it is a knife edge (the
issue's measure: Canada's attention at 77, 78, 79, 80 gave 0, 11.5, 47.5 and 65.5% deals)."""

KNIFE_RUNS = 100
"""Computer-only games on each side of a number the zone marks as sensitive."""

EMPTY_BUDGET = 1_000_000
"""The work the counts telling whether each round's zone is empty may take in all, in
packages examined (with their tables: see `zone_timeline.counted`): spp-2005's take 14,000;
unbounded, 40 rounds of 8 parties x 240 options, each after an event, took 23 s."""

KNIFE_BUDGET = 1_500_000
"""The work the zone counts of the knife-edge check may take, for all the numbers moved
together, in packages examined (with their tables: see `zone_timeline.counted`): spp-2005's
take 1.23 million, about 1 s; unbounded, an agenda of 8 parties x 30 issues x 8 options (each
count stopping at the search's budget) took 72 s."""

KNIFE_GAMES = 1_000_000
"""The computer moves the games confirming knife edges may make in all, each weighed by the
agenda's size (parties x options): spp-2005's KNIFE_RUNS games make 4,000 moves on 3 x 38
(0.46 million, about 1.2 s); unbounded, 100 games on 8 parties x 240 options took 18 to 45 s."""


@dataclass(frozen=True)
class Knob:
    """A documented number an author sets: where it is, what it is, how to move it."""

    path: tuple[str | int, ...]
    label: str
    value: float

    def movable(self, by: float) -> bool:
        """Whether the number moved by `by` stays in its 0-100 range (`moved` makes it then)."""
        return 0.0 <= self.value + by <= 100.0


def teaching_warnings(scenario: Scenario, seed: int = 1, knife_edges: bool = True) -> list[Problem]:
    """Every teaching warning, in the order of the file's sections. `knife_edges` runs the
    (slower) search for numbers one point of which decides the outcome."""
    rounds = round_conditions(scenario, seed)
    found = [
        *_threats_unaddressed(scenario),
        *out_of_reach(scenario, rounds),
        *magnified_lines(scenario, rounds),
        *_red_lines_block_everything(scenario),
        *_no_bilateral_package(scenario),
        *_dominated_options(scenario, seed),
        *identical_options(scenario),
        *_stances_on_status_quo(scenario),
        *_events_that_never_fire(scenario),
        *_security_arrangement_out_of_reach(scenario),
        *_empty_zones(scenario, seed),
    ]
    if knife_edges:
        found += _knife_edges(scenario, seed)
    return found


def _threats_unaddressed(s: Scenario) -> list[Problem]:
    addressed = {t for issue in s.issues for o in issue.options for t in o.addresses}
    return [
        Problem(
            ("threats", n, "id"),
            f"no option addresses the threat {t.id!r}: its priority can never change a score",
        )
        for n, t in enumerate(s.threats)
        if t.id not in addressed
    ]


def _red_lines_block_everything(s: Scenario) -> list[Problem]:
    """A party with a red line on every option of some issue can accept no package at all."""
    views = scorer(s).parties
    found = []
    for party in s.party_ids:
        for i, issue in enumerate(s.issues):
            if all(views[party].red[i][k] for k in range(len(issue.options))):
                found.append(
                    Problem(
                        ("issues", i, "options"),
                        f"every option of {issue.id!r} crosses a red line of {party}: it can "
                        f"accept no package at all",
                    )
                )
    return found


def _no_bilateral_package(s: Scenario) -> list[Problem]:
    """At a table of three or more, an agenda whose every option binds every party (or keeps
    the status quo) leaves no bilateral package to table: negotiators' bilateral appetite and
    dual-bilateralism at the table never come into play."""
    ids = s.party_ids
    if len(ids) < 3:
        return []
    pairs = [(a, b) for n, a in enumerate(ids) for b in ids[n + 1 :]]
    if any(
        not o.status_quo and fits_scope(o, pair, ids)
        for pair in pairs
        for issue in s.issues
        for o in issue.options
    ):
        return []
    return [
        Problem(
            ("issues",),
            "every option binds every party (or keeps the status quo), so no bilateral package "
            "can be tabled and the negotiators' bilateral appetite never plays; list the two "
            "parties an option commits in its `binds` to allow one",
        )
    ]


def _dominated_options(s: Scenario, seed: int) -> list[Problem]:
    """An option (other than the status quo) that another option of its issue beats for every
    party in every round, as the events leave the world: as much value, as much support at
    home, no red line it lacks, and more of one."""
    rounds = [list(scorer(s, c).parties.values()) for c in round_conditions(s, seed)]
    status_quo = index(s).status_quo
    found = []
    for i, issue in enumerate(s.issues):
        for k, option in enumerate(issue.options):
            if k == status_quo[i]:
                continue
            for j, other in enumerate(issue.options):
                if j != k and all(_beats(views, i, j, k) for views in rounds):
                    found.append(
                        Problem(
                            ("issues", i, "options", k, "id"),
                            f"{option.id!r} is dominated: in every round every party prefers "
                            f"{other.id!r} (as much value and support at home, no red line "
                            f"more), so no one has a reason to table it",
                        )
                    )
                    break
    return found


def _beats(views: list[Any], i: int, j: int, k: int) -> bool:
    """Whether option j of issue i is at least as good as option k for every party, and
    better for one."""
    better = False
    for v in views:
        if v.red[i][j] and not v.red[i][k]:
            return False
        a, b = v.raw[i][j], v.raw[i][k]
        da, db = v.fixed[i][j].deltas, v.fixed[i][k].deltas
        if a < b - EPSILON or any(x < y - EPSILON for x, y in zip(da, db, strict=True)):
            return False
        if a > b + EPSILON or any(x > y + EPSILON for x, y in zip(da, db, strict=True)):
            better = True
    return better


def _stances_on_status_quo(s: Scenario) -> list[Problem]:
    """A group's stance on a status-quo option (or a tag only status-quo options carry) moves
    its approval of no change at all: every package starts from it, so it only shifts the
    group's baseline, which `approval` already sets."""
    status_quo = index(s).status_quo
    sq_ids = {f"{issue.id}.{issue.options[status_quo[i]].id}" for i, issue in enumerate(s.issues)}
    sq_tags: set[str] = set()
    other_tags: set[str] = set()
    for i, issue in enumerate(s.issues):
        for k, o in enumerate(issue.options):
            (sq_tags if k == status_quo[i] else other_tags).update(o.tags)
    found = []
    for g, group in enumerate(s.domestic_groups):
        for n, stance in enumerate(group.stances):
            on_option = stance.option is not None and stance.option in sq_ids
            on_tag = stance.tag is not None and stance.tag in sq_tags - other_tags
            if on_option or on_tag:
                what = stance.option if on_option else f"tag {stance.tag!r}"
                found.append(
                    Problem(
                        ("domestic_groups", g, "stances", n),
                        f"a stance on a status-quo option ({what}): it changes the group's "
                        f"baseline, not how it sees any change; set its approval instead",
                    )
                )
    return found


def _events_that_never_fire(s: Scenario) -> list[Problem]:
    last = s.rounds[-1].date
    return [
        Problem(
            ("events", n, "date"),
            f"dated {e.date.isoformat()}, after the last round ({last.isoformat()}): it never "
            f"happens in a game",
        )
        for n, e in enumerate(s.events)
        if e.date > last
    ]


def _security_arrangement_out_of_reach(s: Scenario) -> list[Problem]:
    """A deal is a security arrangement only if it moves `security_arrangement_min` security
    issues: an agenda with fewer makes every deal a prosperity-only partnership."""
    need = s.outcomes.security_arrangement_min
    have = security_issues(s)
    if have >= need:
        return []
    fix = (
        f"; set it to {have} or put more issues on the security pillar"
        if have
        else "; put an issue on the security pillar"
    )
    return [
        Problem(
            ("outcomes", "security_arrangement_min"),
            f"a deal must move {counted(need, 'security issue')} to be a security "
            f"arrangement, but the agenda has {have}: every deal will read as a prosperity-only "
            f"partnership{fix}",
        )
    ]


def _empty_zones(s: Scenario, seed: int) -> list[Problem]:
    """Rounds that open with no package every party would accept and back at home, as the
    events alone leave the world (trust-building may still open one). Each round's search stops
    at the first package it finds, and all of them share EMPTY_BUDGET: a round whose zone could
    not be told empty or not within it is named as not checked."""
    rows = zone_timeline(s, seed, budget=EMPTY_BUDGET, enough=1)
    empty = [r for r in rows if r.exact and r.packages == 0]
    unknown = [r for r in rows if not r.exact and r.packages == 0]
    found = []
    if unknown:
        first, last = unknown[0], unknown[-1]
        which = (
            f"round {first.round} ({first.date})"
            if first is last
            else f"{counted(len(unknown), 'round')}, from round {first.round} ({first.date}) to "
            f"round {last.round} ({last.date}),"
        )
        found.append(
            Problem(
                ("rounds", first.round - 1),
                f"{which} not checked for an empty zone of agreement: the agenda is too large "
                "to tell within the check's budget whether any package is acceptable to every "
                "party and backed at home",
            )
        )
    if not empty:
        return found
    if len(empty) == len(rows):
        return [
            Problem(
                ("rounds",),
                "no round has a zone of agreement: no package is acceptable to every party and "
                "backed at home, so computer games never end in a deal unless trust-building "
                "opens one (check reservation values, red lines and approval)",
            )
        ]
    return [
        Problem(
            ("rounds", r.round - 1),
            f"round {r.round} ({r.date}) opens with an empty zone of agreement"
            + (f", after {'; '.join(r.events)}" if r.events else ""),
        )
        for r in empty
    ] + found


def knobs(s: Scenario) -> list[Knob]:
    """The documented numbers an author tunes that a point can move: each party's attention
    and ratification threshold, each group's approval, each dyad's trust."""
    found = []
    for n, p in enumerate(s.parties):
        found.append(Knob(("parties", n, "attention"), f"{p.id} attention", p.attention))
        found.append(
            Knob(
                ("parties", n, "ratification_threshold"),
                f"{p.id} ratification threshold",
                p.ratification_threshold,
            )
        )
    for n, g in enumerate(s.domestic_groups):
        found.append(Knob(("domestic_groups", n, "approval"), f"{g.id} approval", g.approval))
    for n, d in enumerate(s.dyads):
        found.append(Knob(("dyads", n, "trust"), f"{'-'.join(d.parties)} trust", d.trust))
    return found


def moved(s: Scenario, knob: Knob, by: float) -> Scenario | None:
    """The scenario with one number moved (None when that would leave its range)."""
    if not knob.movable(by):
        return None
    data = s.model_dump(mode="python")
    target: Any = data
    for part in knob.path[:-1]:
        target = target[part]
    target[knob.path[-1]] = knob.value + by
    try:
        return Scenario.model_validate(data)
    except ValueError:
        return None


def sensitive(before: tuple[int, ...], after: tuple[int, ...]) -> bool:
    """Whether a zone changed enough to be worth simulating: a round opens or closes, or its
    count changes by half."""
    for a, b in zip(before, after, strict=True):
        if (a == 0) != (b == 0) or abs(a - b) > max(a, b) / 2:
            return True
    return False


def agreement_rates(seed: int, budget: int) -> Callable[[Scenario], float | None]:
    """The agreement rate of KNIFE_RUNS computer-only games of a scenario (as `simulate` gives
    it), the games of every scenario asked for sharing `budget` computer moves, each weighed by
    the agenda's size (parties x options); None once the budget is spent (a game under way is
    played to its end)."""
    left = budget

    def rate(s: Scenario) -> float | None:
        nonlocal left
        size = len(s.parties) * sum(len(issue.options) for issue in s.issues)
        agreed = 0
        for run in range(KNIFE_RUNS):
            if left <= 0:
                return None
            state = play_computer_game(s, run_seed(seed, run))
            left -= len(state.moves) * size
            agreed += state.trilateral is not None
        return agreed / KNIFE_RUNS

    return rate


def _knife_edges(
    s: Scenario,
    seed: int,
    rate: Callable[[Scenario], float | None] | None = None,
    budget: int = KNIFE_BUDGET,
) -> list[Problem]:
    """Numbers one point of which moves the agreement rate by more than KNIFE_EDGE. The zone
    picks the candidates (counted exactly, within `budget` for all the numbers moved), and
    computer games confirm them (`rate`: None where they would take more than their budget).
    A zone too large to count checks nothing; the numbers left unchecked are named."""
    measure = rate or agreement_rates(seed, KNIFE_GAMES)
    base_zone, spent = zone_counts(s, 1, budget)
    if base_zone is None:
        return [
            Problem(
                ("issues",),
                "knife edges not checked: the zone of agreement of the scenario as written cannot "
                "be counted within the check's budget (its agenda is too large, or its rounds too "
                "many), so no number was moved a point to see whether the outcome hangs on it",
            )
        ]
    base_rate: float | None = None
    measured = False
    found = []
    unchecked: list[Knob] = []
    left = budget - spent
    every = knobs(s)
    for knob in every:
        checked = True
        for by in (-1.0, 1.0):
            if left <= 0 and knob.movable(by):
                checked = False  # a number `moved` would move: the budget is spent
                break
            other = moved(s, knob, by) if left > 0 else None
            if other is None:
                continue
            counts, spent = zone_counts(other, 1, left)
            left -= spent
            if counts is None:
                checked = False
                continue
            if not sensitive(base_zone, counts):
                continue
            if not measured:
                base_rate, measured = measure(s), True
            now = measure(other) if base_rate is not None else None
            if base_rate is None or now is None:
                checked = False
                continue
            if abs(now - base_rate) > KNIFE_EDGE:
                found.append(
                    Problem(
                        knob.path,
                        f"a knife edge: {knob.label} at {knob.value + by:g} instead of "
                        f"{knob.value:g} moves computer games' agreement rate from "
                        f"{base_rate:.0%} to {now:.0%} ({KNIFE_RUNS} games each); a class's "
                        f"result may hang on this one number",
                    )
                )
                checked = True
                break
        if not checked:
            unchecked.append(knob)
    if unchecked:
        done = len(every) - len(unchecked)
        names = [k.label for k in unchecked]
        which = (
            "every number"
            if not done
            else joined(names, "or")
            if len(names) <= 4
            else f"{', '.join(names[:3])} or {counted(len(names) - 3, 'other number')}"
        )
        found.append(
            Problem(
                unchecked[0].path,
                (
                    "knife edges not checked"
                    if not done
                    else f"knife edges checked for {done} of {counted(len(every), 'number')} only"
                )
                + f": counting the zone of agreement, or playing the computer games, with {which} "
                "moved a point would take more than the check's budget, so whether the outcome "
                f"hangs on {'it' if len(unchecked) == 1 else 'them'} is not known",
            )
        )
    return found


def zone_now(s: Scenario) -> int:
    """The zone of agreement as the game starts (for `analyze`)."""
    return zone(s, Conditions.initial(s)).count
