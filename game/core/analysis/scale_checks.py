"""Teaching warnings about the 0-100 scale: reservation values no package can reach, and score
breakdowns whose lines pass the whole scale.

A package scores 0 (the party's worst on the agenda) to 100 (its best), but a reservation value
is the status quo's score plus the party's bilateral alternatives (`engine.scoring`), so it can
pass 100: the party then accepts no package at all, and `score` says "needs 200.0" of a score
that stops at 100. The engine keeps these numbers as written (clamping them would change games);
`validate` names them.

A breakdown line is a raw value times the scale's points per point of value (100 over the gap
between the party's best and worst packages). Where the effects of the options largely cancel
one another (a threat addressed against its cost, its trust discount or a principle), that gap
is small, and each line is magnified to hundreds or thousands of points on a score of 0 to 100.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.core.engine.conditions import Conditions
from game.core.engine.effects import reservation_reached, with_alternatives
from game.core.engine.scoring import EPSILON, PartyScorer, scorer
from game.core.engine.values import values_for
from game.core.engine.wording import possessive
from game.core.scenario.actions import Action, ActionEffect
from game.core.scenario.index import index
from game.core.scenario.model import Scenario
from game.core.scenario.problems import Problem

LINE_LIMIT = 300.0
"""The largest a breakdown line (in score points, either way) may be before `validate` warns:
three times the whole score's 0 to 100, so that other lines cancel two thirds of it or more.
The audit's eight-party agenda showed "+1259.8 Threat: Terror" on a score of 84.3 (its largest
line: 2,344). Small agendas pass 100 as a matter of course: one threat addressed at trust 50 (a
quarter of its value lost to doubts) shows 133, and the starting scenario `new` writes, where
a cost, a principle and a group at home take most of the value of joint patrols, 276. The
built-in scenarios' largest lines are under 70."""


def out_of_reach(s: Scenario, rounds: Sequence[Conditions]) -> list[Problem]:
    """Parties whose reservation value reaches what their best package is worth (100; 0 for a
    party the agenda changes nothing for): at the start, as a round opens after the events
    (`rounds`: the conditions as each opens), or after one taking of an action that raises
    bilateral alternatives. Each party is named at the first of these that holds (for an
    action, at its first effect that does); an action taken more than once is not followed
    (that is play, not the scenario)."""
    start = Conditions.initial(s)
    found = []
    named: set[str] = set()
    for n, party in enumerate(s.party_ids):
        view = scorer(s, start).parties[party]
        bilateral = start.bilateral[n]
        if _beyond(view.reservation, _best(view.per_point)):
            path: tuple[str | int, ...] = ("parties", n, "reservation")
            if bilateral:
                path = (*path, "bilateral_alternatives")
            found.append(
                Problem(
                    path,
                    _said(
                        f"{possessive(party)} reservation value at the start is", view, bilateral
                    ),
                )
            )
            named.add(party)
            continue
        for r, conditions in enumerate(rounds):
            view = scorer(s, conditions).parties[party]
            if _beyond(view.reservation, _best(view.per_point)):
                date = s.rounds[r].date.isoformat()
                opening = (
                    f"as round {r + 1} ({date}) opens, after the events so far, "
                    f"{possessive(party)} reservation value is"
                )
                found.append(Problem(("rounds", r), _said(opening, view, conditions.bilateral[n])))
                named.add(party)
                break
    every = (start, *rounds)
    taken: set[tuple[int, str]] = set()  # an action named for a party, by one of its effects
    for a, action in enumerate(s.actions):
        for e, effect in enumerate(action.effects):
            if effect.kind != "reservation" or effect.delta <= 0 or effect.chance <= 0:
                continue
            for party in _reached(s, action, effect):
                if party in named or (a, party) in taken:
                    continue
                n = index(s).parties[party]
                for conditions in every:
                    # The action's effect as the engine applies it (alternatives stop at 100).
                    after = with_alternatives(s, conditions, party, effect.delta)
                    view = scorer(s, after).parties[party]
                    if _beyond(view.reservation, _best(view.per_point)):
                        opening = (
                            f"taking {action.id!r} once can bring {possessive(party)} "
                            "reservation value to"
                        )
                        found.append(
                            Problem(
                                ("actions", a, "effects", e, "delta"),
                                _said(opening, view, after.bilateral[n]),
                            )
                        )
                        taken.add((a, party))
                        break
    return found


def _best(per_point: float) -> float:
    """What the party's best package is worth to it: 100, or 0 where the agenda changes
    nothing for it (every package scores 0)."""
    return 100.0 if per_point else 0.0


def _beyond(value: float, best: float) -> bool:
    """Whether a reservation value leaves no package, or only the best, acceptable (a party
    the agenda changes nothing for accepts every package at a reservation value of 0)."""
    return value > best + EPSILON or (best > 0 and value >= best - EPSILON)


def _said(opening: str, view: PartyScorer, bilateral: float) -> str:
    """The warning: the reservation value, what it is made of, and what it leaves."""
    status_quo = view.status_quo
    best = _best(view.per_point)
    value = view.reservation
    made = (
        f"{opening} {value:.1f} (the status quo's score, {status_quo:.1f}, plus bilateral "
        f"alternatives of {bilateral:g})"
    )
    if value > best + EPSILON:
        left = f", above {best:g}, what its best package is worth to it: no package can satisfy it"
    else:
        left = ", what its best package is worth to it: only a package as good as its best can"
        left += " satisfy it"
    if not best:
        why = "the agenda changes nothing for it, so every package scores 0"
    elif status_quo >= best - EPSILON:
        why = "the status quo is already its best package, so no change can be worth more to it"
    else:
        why = (
            "a score runs from 0 (its worst package) to 100 (its best), while a reservation "
            "value adds the alternatives to the status quo's score: keep the two together below "
            "100"
        )
    return f"{made}{left}; {why}"


def _reached(s: Scenario, action: Action, effect: ActionEffect) -> list[str]:
    """The parties some taking of the action raises the alternatives of, in party order: the
    engine's `reservation_reached` for every actor allowed and every partner it may target."""
    ids = s.party_ids
    reached: set[str] = set()
    for actor in action.by or ids:
        targets: list[str | None] = (
            [*action.partners_of(actor, ids)] if action.target == "partner" else [None]
        )
        for target in targets:
            reached.update(reservation_reached(s, effect, actor, target))
    return [q for q in ids if q in reached]


def largest_line(s: Scenario, conditions: Conditions, party: str) -> tuple[float, str]:
    """The largest line, in size, that the party's breakdown shows for any package under the
    conditions, and its label. A line is the sum over issues of what the chosen option adds to
    it less what the status quo adds, so its extremes are sums of each issue's extremes: no
    package is scored."""
    values = values_for(s, party, conditions)
    if not values.per_point:
        return 0.0, ""
    status_quo = index(s).status_quo
    low: dict[str, float] = {}
    high: dict[str, float] = {}
    labels: dict[str, str] = {}
    for i, row in enumerate(values.raw):
        sums = []
        for k in range(len(row)):
            line: dict[str, float] = {}
            for key, raw, (label, _, _) in values.lines(i, k):
                line[key] = line.get(key, 0.0) + raw
                labels.setdefault(key, label)
            sums.append(line)
        base = sums[status_quo[i]]
        for key in {key for line in sums for key in line}:
            changes = [line.get(key, 0.0) - base.get(key, 0.0) for line in sums]
            low[key] = low.get(key, 0.0) + min(changes)
            high[key] = high.get(key, 0.0) + max(changes)
    if not labels:
        return 0.0, ""
    key = max(labels, key=lambda k: max(high[k], -low[k]))
    return max(high[key], -low[key]) * values.per_point, labels[key]


def magnified_lines(s: Scenario, rounds: Sequence[Conditions]) -> list[Problem]:
    """Parties whose breakdown can show a line larger than LINE_LIMIT, at the start or as a
    round opens after the events (`rounds`), each named once with its largest line."""
    every = dict.fromkeys((Conditions.initial(s), *rounds))
    found = []
    for n, party in enumerate(s.party_ids):
        size, label, conditions = max(
            ((*largest_line(s, c, party), c) for c in every), key=lambda found: found[0]
        )
        if size <= LINE_LIMIT + EPSILON:
            continue
        values = values_for(s, party, conditions)
        gap = values.high - values.low
        raw = size / values.per_point
        found.append(
            Problem(
                ("parties", n),
                f"{possessive(party)} score breakdown can show a line of {_points(size)} points "
                f"({label}) "
                f"on a score of 0 to 100: in raw value (before the 0-100 scale) this line alone "
                f"is {_points(raw)}, while its best package is worth only {_points(gap)} more "
                "to it than its worst, so other lines cancel most of it (on its scale a point of "
                f"raw value is {values.per_point:.3g} points of score); make the effects that "
                "cancel one another smaller (a threat addressed against its cost, its trust "
                "discount or a principle), or let the options differ more in what they are "
                f"worth to {party}",
            )
        )
    return found


def _points(x: float) -> str:
    """A number of points as a reader takes it in: "6,000", "1,130", "45", "0.75"."""
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.3g}"
