"""The class roll-up written out: a Markdown table for the class, and CSV for a spreadsheet."""

from __future__ import annotations

import csv
import io

from game.core.analysis.cohort import Cohort, GroupRow, Totals, World
from game.core.analysis.outcomes import OUTCOMES, Outcome, fitted_name
from game.core.analysis.simulation import PartySummary, Summary
from game.core.engine.numbers import fixed
from game.core.engine.wording import a_deal_kind, counted
from game.core.scenario.model import Scenario

OUTCOME_LABEL: dict[Outcome, str] = {
    "security_arrangement": "security arrangement",
    "prosperity_only": "prosperity-only",
    "lapsed": "lapsed",
    "dual_bilateralism": "dual-bilateralism",
    "breakdown": "breakdown",
}
"""An outcome in a table cell (`OUTCOME_TEXT` says it in full; `outcomes.fitted_name` fits it
to the scenario's parties)."""


CSV_PLACES = 4
"""Decimals of the numbers in the CSV (the JSON of `score` and `simulate` keeps as many)."""


def to_markdown(cohort: Cohort) -> str:
    """The roll-up: a row per group, then each world's totals next to its computer-only games."""
    parts = [_head(cohort), _groups(cohort), _comparison(cohort)]
    return "\n\n".join(parts) + "\n"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell (file names may hold anything)."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _signed(value: float) -> str:
    text = fixed(value, 1)
    return text if text.startswith("-") else "+" + text


def _result(score: float, gain: float) -> str:
    return f"{fixed(score, 1)} ({_signed(gain)})"


def _share(count: int, total: int) -> str:
    return f"{count}/{total} ({_percent(count, total)})" if total else "–"


def _percent(count: int, total: int) -> str:
    """A share in per cent: whole for a class, one decimal from 100 games on (as `simulate`
    prints it), and never 0% or 100% for a share that is neither."""
    places = 0 if total < 100 else 1
    text = f"{count / total:.{places}%}"
    step = 10.0**-places
    if count > 0 and float(text[:-1]) == 0:
        return f"<{step:g}%"
    if count < total and float(text[:-1]) == 100:
        return f">{100 - step:g}%"
    return text


def _world_name(without: tuple[str, ...]) -> str:
    return "without " + ", ".join(without) if without else "history as it happened"


def _head(cohort: Cohort) -> str:
    s = cohort.scenario
    done = cohort.totals.games
    count = len(cohort.groups)
    whose = counted(count, "group") + ("'s" if count == 1 else "'")
    lines = [
        f"# Class roll-up: {s.title}",
        "",
        f"Scenario `{s.id}`: {whose} games, {done} finished. "
        "Each country's result is its score at the end (0-100: the deal signed, or without "
        "one what it has anyway), with its gain over its reservation value in brackets; the "
        "countries a group played are in bold, with their verdict against that value: won, "
        "even or lost.",
    ]
    if cohort.unfinished:
        one = cohort.unfinished == 1
        lines += [
            "",
            f"{counted(cohort.unfinished, 'game')} {'was' if one else 'were'} not over when "
            f"saved: the table shows where {'it' if one else 'they'} stood, and the totals "
            f"leave {'it' if one else 'them'} out.",
        ]
    names = ", ".join(f"{p.id} {p.name}" for p in s.parties)
    lines += ["", f"Countries: {names}."]
    return "\n".join(lines)


def _groups(cohort: Cohort) -> str:
    s = cohort.scenario
    head = ["Group", "Played by", "Seed", "Difficulty", "Without", "Rounds", "Outcome"]
    head += [f"{p} result (gain)" for p in s.party_ids]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * 7 + "---:|" * len(s.party_ids)]
    for g in cohort.groups:
        lines.append("| " + " | ".join(_group_cells(s, g)) + " |")
    return "\n".join(lines)


def _group_cells(s: Scenario, g: GroupRow) -> list[str]:
    of = len(s.rounds)
    outcome = fitted_name(s, g.outcome, OUTCOME_LABEL)
    cells = [
        _cell(g.name),
        ", ".join(g.humans) or "computers only",
        str(g.seed),
        g.difficulty,
        _cell(", ".join(g.without)) or "–",
        f"{g.rounds} of {of}" if g.finished else f"{g.rounds} of {of} so far",
        outcome if g.finished else f"*unfinished* (so far: {outcome})",
    ]
    for p, r in g.results.items():
        text = _result(r.score, r.gain)
        cells.append(f"**{text} {g.verdicts[p]}**" if p in g.verdicts else text)
    return cells


def _comparison(cohort: Cohort) -> str:
    lines = ["## The class against computer-only games"]
    base = cohort.worlds[0].baseline
    each = " in each world" if len(cohort.worlds) > 1 else ""
    lines += [
        "",
        f"Computers: {counted(base.runs, 'game')}{each} with the computer at every seat, each "
        f"country played by the scenario's personality at normal difficulty, seed {base.seed}, "
        "with the same causes switched off as the groups.",
    ]
    if len(cohort.worlds) == 1:
        return "\n".join(lines + _world(cohort.scenario, cohort.worlds[0], ""))
    t = cohort.totals
    lines += [
        "",
        f"The groups played in {len(cohort.worlds)} worlds (different causes switched off); "
        "each is compared with computer-only games in its own world. All finished games "
        f"together: agreement rate {_share(t.agreements, t.games)}.",
    ]
    for world in cohort.worlds:
        lines += _world(cohort.scenario, world, "###")
    return "\n".join(lines)


def _world(s: Scenario, w: World, heading: str) -> list[str]:
    t, b = w.totals, w.baseline
    lines = [""]
    if heading:
        count = len(w.groups)
        games = counted(count, "game")
        lines += [f"{heading} {_world_name(w.without).capitalize()} ({games})", ""]
    else:
        lines += [f"The groups played {_world_name(w.without)}.", ""]
    rate = f"class {_share(t.agreements, t.games)}" if t.games else "class: no finished game"
    agreed = round(b.agreement_rate * b.runs)
    games = counted(b.runs, "game")
    lines += [
        f"**Agreement rate: {rate} — computers {_percent(agreed, b.runs)} ({games})**",
        "",
        f"| | Class ({t.games} finished) | Computers ({games}) |",
        "|---|---:|---:|",
    ]
    lines.append(
        f"| Agreement rate ({a_deal_kind(s)} deal signed) | {_share(t.agreements, t.games)} "
        f"| {_share(agreed, b.runs)} |"
    )
    for o in OUTCOMES:
        lines.append(
            f"| Outcome: {fitted_name(s, o, OUTCOME_LABEL)} | {_share(t.outcomes[o], t.games)} "
            f"| {_share(b.outcomes.get(o, 0), b.runs)} |"
        )
    of = len(s.rounds)
    rounds = f"{t.mean_rounds:.1f} of {of}" if t.games else "–"
    lines.append(f"| Mean rounds played | {rounds} | {b.mean_rounds:.1f} of {of} |")
    for p in s.party_ids:
        ours, theirs = t.parties[p], b.parties[p]
        mine = _result(ours.mean_score, ours.mean_vs_reservation) if t.games else "–"
        lines.append(
            f"| {_cell(s.party(p).name)} ({p}): mean result (gain) | {mine} "
            f"| {_result(theirs.mean_score, theirs.mean_vs_reservation)} |"
        )
    lines.append(
        "| Countries played by a group that beat their reservation value "
        f"| {_share(t.human_wins, t.human_seats)} | – |"
    )
    return lines


def csv_header(scenario: Scenario) -> list[str]:
    """The CSV's columns: who and what, then an indicator (or share) per outcome, then each
    party's result, gain and verdict."""
    head = ["kind", "group", "without", "humans", "seed", "difficulty", "finished", "games"]
    head += ["rounds", "outcome", "agreement", *OUTCOMES, "human_seats", "human_wins"]
    for p in scenario.party_ids:
        head += [f"{p}_result", f"{p}_gain", f"{p}_verdict"]
    return head


def csv_rows(cohort: Cohort) -> list[dict[str, str]]:
    """One row per group (kind `group`), then per world the mean of its finished groups (kind
    `class`) and its computer-only games (kind `computers`). A group's agreement and outcome
    columns are 1 or 0, so a `class` row is the mean of its world's finished `group` rows."""
    rows = [_group_csv(g) for g in cohort.groups]
    for w in cohort.worlds:
        rows += [_class_csv(w.without, w.totals), _computers_csv(w.without, w.baseline)]
    return rows


def to_csv(cohort: Cohort) -> str:
    """The roll-up as CSV text: a header row, then `csv_rows` (numbers plain, '.' decimals)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, csv_header(cohort.scenario))
    writer.writeheader()
    writer.writerows(csv_rows(cohort))
    return out.getvalue()


def _number(value: float) -> str:
    return fixed(value, CSV_PLACES)


def _parties_csv(parties: dict[str, PartySummary]) -> dict[str, str]:
    row: dict[str, str] = {}
    for p, s in parties.items():
        row[f"{p}_result"] = _number(s.mean_score)
        row[f"{p}_gain"] = _number(s.mean_vs_reservation)
    return row


def _group_csv(g: GroupRow) -> dict[str, str]:
    row = {
        "kind": "group",
        "group": g.name,
        "without": ";".join(g.without),
        "humans": ";".join(g.humans),
        "seed": str(g.seed),
        "difficulty": g.difficulty,
        "finished": str(int(g.finished)),
        "games": "1",
        "rounds": str(g.rounds),
        "outcome": g.outcome,
        "agreement": str(int(g.agreed)),
        "human_seats": str(len(g.verdicts)),
        "human_wins": str(sum(v == "won" for v in g.verdicts.values())),
    }
    row |= {o: str(int(g.outcome == o)) for o in OUTCOMES}
    for p, r in g.results.items():
        row[f"{p}_result"] = _number(r.score)
        row[f"{p}_gain"] = _number(r.gain)
        row[f"{p}_verdict"] = g.verdicts.get(p, "")
    return row


def _class_csv(without: tuple[str, ...], t: Totals) -> dict[str, str]:
    row = {
        "kind": "class",
        "without": ";".join(without),
        "games": str(t.games),
        "human_seats": str(t.human_seats),
        "human_wins": str(t.human_wins),
    }
    if t.games:
        row |= {
            "rounds": _number(t.mean_rounds),
            "agreement": _number(t.agreement_rate),
            **{o: _number(t.outcomes[o] / t.games) for o in OUTCOMES},
            **_parties_csv(t.parties),
        }
    return row


def _computers_csv(without: tuple[str, ...], b: Summary) -> dict[str, str]:
    return {
        "kind": "computers",
        "without": ";".join(without),
        "seed": str(b.seed),
        "difficulty": "normal",
        "finished": "1",
        "games": str(b.runs),
        "rounds": _number(b.mean_rounds),
        "agreement": _number(b.agreement_rate),
        **{o: _number(b.outcomes.get(o, 0) / max(1, b.runs)) for o in OUTCOMES},
        **_parties_csv(b.parties),
    }
