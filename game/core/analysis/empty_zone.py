"""Why the zone of agreement is empty: what the engine can show leaves no package.

The zone (engine/zone.py) holds the packages that change something (no one can table the
status quo), cross no red line, are worth what every party needs and would pass the vote at
home in every country. When it is empty, each limit is first tried on its own, and each one
that leaves nothing proves the zone empty by itself:

* red lines: every option that changes an issue crosses some party's red line (or an issue has
  no option left at all), so the status quo is all that is left;
* a party's needs: the package worth most to it, of those that change something and cross no
  red line, is worth less than it needs (its reservation value, plus what a leader with limited
  attention to the deal asks on top). Exact: a package's worth is a sum over its issues;
* a party's vote at home: the most support its groups could give such a package, each group
  at its own best, is below what the vote needs. A ceiling (the groups may want different
  packages), so the check claims no more than the ceiling shows.

When no limit leaves nothing on its own, the zone is counted again with every vote at home
set aside (each threshold at 0), and that count tells the rest: no package is worth what every
party needs at once (where it finds none, exactly), or some are, but none of them passes every
vote at home. Otherwise only that the limits together leave nothing is said.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from game.core.engine.conditions import Conditions
from game.core.engine.numbers import SCORE_PLACES, SUPPORT_PLACES, apportion, compared
from game.core.engine.scoring import EPSILON, PartyScorer, scorer
from game.core.engine.wording import counted, joined, possessive
from game.core.engine.zone import zone
from game.core.scenario.index import index
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package

ReasonKind = Literal["red_line", "need", "home", "together"]

LISTED = 6
"""The most options a red line's reason names (the rest are counted)."""


@dataclass(frozen=True)
class Reason:
    """One thing that leaves no package, in plain words."""

    kind: ReasonKind
    party: str | None
    """The party it belongs to (None: no one party)."""
    text: str
    """A sentence without its full stop, naming the party."""
    source: str
    """The sections it rests on ("" for none)."""


@dataclass(frozen=True)
class EmptyZone:
    """Why no package is in the zone under some conditions."""

    summary: str
    """What leaves no package, as a clause ("every package that changes something crosses a
    red line")."""
    reasons: tuple[Reason, ...]
    """The limits behind it, party by party (empty where the summary says all there is)."""


def empty_zone(scenario: Scenario, conditions: Conditions) -> EmptyZone | None:
    """Why the zone of agreement is empty under these conditions; None when it is not (or
    the search could not finish counting it)."""
    found = zone(scenario, conditions)
    if found.count or not found.exact:
        return None
    views = [scorer(scenario, conditions).parties[p] for p in scenario.party_ids]
    sq = index(scenario).status_quo
    allowed = _allowed(views)
    if not all(allowed) or all(a == [s] for a, s in zip(allowed, sq, strict=True)):
        return _red_lines(scenario, views, allowed, sq)
    red = any(v.any_red for v in views)
    needs = [r for v in views if (r := _need(scenario, v, allowed, sq, red)) is not None]
    home = [r for v in views if (r := _home(scenario, v, allowed, sq)) is not None]
    if needs or home:
        parts = []
        if needs:
            who = joined([_name(scenario, r.party) for r in needs])
            each = " each" if len(needs) > 1 else ""
            parts.append(f"no package is worth what {who}{each} need{'' if each else 's'}")
        if home:
            where = joined([_name(scenario, r.party) for r in home], "or")
            parts.append(
                f"{'none' if needs else 'no package'} could pass the vote at home in {where}"
            )
        return EmptyZone(", and ".join(parts), (*needs, *home))
    return _together(scenario, conditions, views)


def _allowed(views: Sequence[PartyScorer]) -> list[list[int]]:
    """Each issue's options that cross no party's red line."""
    return [
        [k for k in range(len(row)) if not any(v.red[i][k] for v in views)]
        for i, row in enumerate(views[0].red)
    ]


def _name(scenario: Scenario, party: str | None) -> str:
    return scenario.party(party).name if party else ""


def _red_lines(
    scenario: Scenario, views: list[PartyScorer], allowed: list[list[int]], sq: Package
) -> EmptyZone:
    """Red lines leave the status quo alone (or nothing at all): each red line, with the
    options it rules out that matter (every option of an issue none is left of, else the
    options that change something)."""
    closed = [i for i, a in enumerate(allowed) if not a]
    if closed:
        names = joined([scenario.issues[i].name for i in closed])
        summary = (
            f"every package crosses a red line: on {names}, every option does, the status quo too"
        )
    else:
        summary = "every package that changes something crosses a red line"
    ruled: dict[tuple[str, str], list[str]] = {}
    for i, issue in enumerate(scenario.issues):
        if closed and i not in closed:
            continue
        for k, option in enumerate(issue.options):
            if not closed and k == sq[i]:
                continue
            for v in views:
                for name in v.red[i][k]:
                    ruled.setdefault((v.party, name), []).append(f"{issue.name}: {option.label}")
    reasons = []
    for (party, name), options in ruled.items():
        shown = _listed(options, "more option")
        principle = next(p for p in scenario.principles if p.party == party and p.name == name)
        text = f"{possessive(_name(scenario, party))} red line {name} rules out {joined(shown)}"
        reasons.append(Reason("red_line", party, text, principle.source))
    return EmptyZone(summary, tuple(reasons))


def _best_moved(
    allowed: list[list[int]],
    sq: Package,
    values: Sequence[Sequence[float]],
    total: Callable[[Package], float],
) -> Package:
    """The package that changes something, crossing no red line, whose options' `values`
    (values[i][k]: option k of issue i) add up to the most, as `total` adds them (exact: a
    total is a sum over issues): each issue at its best allowed option, or, when that is the
    status quo, the best with one issue moved."""
    best = [max(a, key=values[i].__getitem__) for i, a in enumerate(allowed)]
    if any(b != s for b, s in zip(best, sq, strict=True)):
        return tuple(best)
    moved: list[Package] = []
    for i, a in enumerate(allowed):
        others = [k for k in a if k != sq[i]]
        if others:
            package = list(best)
            package[i] = max(others, key=values[i].__getitem__)
            moved.append(tuple(package))
    return max(moved, key=total)


def _need(
    scenario: Scenario, v: PartyScorer, allowed: list[list[int]], sq: Package, red: bool
) -> Reason | None:
    """The party's needs, when no package that changes something gives it enough."""
    best = v.total(_best_moved(allowed, sq, v.points, v.total))
    if best >= v.requirement.total - EPSILON:
        return None
    worth, needed = compared(best, v.requirement.total, SCORE_PLACES)
    crossing = " and crosses no red line" if red else ""
    text = (
        f"{_needs(scenario, v, needed)}; the best package for it that changes "
        f"something{crossing} is worth {worth} to it"
    )
    return Reason("need", v.party, text, scenario.party(v.party).reservation.source)


def _needs(scenario: Scenario, v: PartyScorer, needed: str) -> str:
    """What a party needs to accept, and why: "Land AA needs 100.0 points to accept (its
    reservation value 0.0, and 100.0 more its leader asks, with limited attention to the
    deal)", the parts adding up to the total as shown."""
    need = v.requirement
    premium = need.total - need.reservation
    if premium > EPSILON:
        places = len(needed.partition(".")[2])
        own, more = apportion([need.reservation, premium], need.total, places)
        why = f"its reservation value {own:f}, and {more:f} more its leader asks, with limited "
        why += "attention to the deal"
    else:
        why = "its reservation value: what it has without a deal"
    return f"{_name(scenario, v.party)} needs {needed} points to accept ({why})"


def _home(
    scenario: Scenario, v: PartyScorer, allowed: list[list[int]], sq: Package
) -> Reason | None:
    """The party's vote at home, when even each group at its best leaves support short."""
    if not v.groups:
        return None
    ceiling = 0.0
    for g, (_, _, share, before) in enumerate(v.groups):
        # The group's approval change of each option, and the most a package adds up to.
        deltas = [[f.deltas[g] for f in row] for row in v.fixed]

        def change(package: Package, deltas: list[list[float]] = deltas) -> float:
            return sum(row[k] for row, k in zip(deltas, package, strict=True))

        best = _best_moved(allowed, sq, deltas, change)
        ceiling += share * max(0.0, min(100.0, before + change(best)))
    if ceiling >= v.threshold - EPSILON:
        return None
    most_shown, needs = compared(ceiling, v.threshold, SUPPORT_PLACES)
    names = joined([name for _, name, _, _ in v.groups])
    text = (
        f"at home in {_name(scenario, v.party)}, no package that changes something could win "
        f"more than {most_shown} support from {names}, and the vote needs {needs}"
    )
    groups = [g for g in scenario.domestic_groups if g.party == v.party]
    source = "; ".join(dict.fromkeys(g.source for g in groups if g.source))
    return Reason("home", v.party, text, source)


def _together(
    scenario: Scenario, conditions: Conditions, views: Sequence[PartyScorer]
) -> EmptyZone:
    """No limit leaves nothing on its own: the zone counted again without the votes at home
    (every threshold at 0) tells whether the needs together leave nothing, or the votes do."""
    free = scenario.model_copy(
        update={
            "parties": [
                p.model_copy(update={"ratification_threshold": 0.0}) for p in scenario.parties
            ]
        }
    )
    found = zone(free, conditions)
    if found.count == 0 and found.exact:
        allowed = _allowed(views)
        sq = index(scenario).status_quo
        reasons = [
            Reason(
                "need",
                v.party,
                _needs(scenario, v, f"{v.requirement.total:.{SCORE_PLACES}f}"),
                scenario.party(v.party).reservation.source,
            )
            for v in views
            if v.requirement.total - v.requirement.reservation > EPSILON
        ]
        for v in views:
            best = _best_moved(allowed, sq, v.points, v.total)
            short = [
                f"{_name(scenario, w.party)} {x} of the {n} points it needs"
                for w in views
                if w.total(best) < w.requirement.total - EPSILON
                for x, n in (compared(w.total(best), w.requirement.total, SCORE_PLACES),)
            ]
            text = (
                f"the package best for {_name(scenario, v.party)} "
                f"({_changes(scenario, best, sq)}) gives {joined(short)}"
            )
            reasons.append(Reason("together", v.party, text, ""))
        return EmptyZone(
            "each country could find a package worth what it needs, but none is worth what "
            "every country needs at once",
            tuple(reasons),
        )
    if found.count:
        examples = found.packages
        whole = found.exact and len(examples) == found.count
        votes = []
        for v in views:
            down = sum(1 for p in examples if v.support(p) < v.threshold - EPSILON)
            if down:
                of = f"{down:,} of them" if whole else "some of them"
                text = f"{possessive(_name(scenario, v.party))} groups at home would vote down {of}"
                votes.append(Reason("home", v.party, text, ""))
        many = f"{found.count:,}{'' if found.exact else ' or more'}"
        return EmptyZone(
            f"{many} package{'' if found.count == 1 and found.exact else 's'} "
            f"{'is' if found.count == 1 and found.exact else 'are'} worth what every country "
            "needs, but none would pass the vote at home in every country",
            tuple(votes),
        )
    return EmptyZone(
        "no one limit leaves nothing on its own: together, what each country needs and its "
        "vote at home leave no package that every country would accept and back at home",
        (),
    )


def _changes(scenario: Scenario, package: Package, sq: Package) -> str:
    """What a package changes, in words ("Border: Patrols and Defense: Pact")."""
    changed = [
        f"{issue.name}: {issue.options[k].label}"
        for issue, k, s in zip(scenario.issues, package, sq, strict=True)
        if k != s
    ]
    return joined(_listed(changed, "more change"))


def _listed(words: list[str], more: str) -> list[str]:
    """At most LISTED of the words, the rest counted ("3 more options")."""
    if len(words) <= LISTED:
        return words
    return [*words[: LISTED - 1], counted(len(words) - LISTED + 1, more)]
