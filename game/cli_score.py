"""The `score` command: every party's score of a package file, with its breakdown, as text
or as the JSON the README promises."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from game.core.scenario.errors import FileProblem, LoadError
from game.exit_codes import EXIT_OK

if TYPE_CHECKING:
    from game.core.engine.scoring import PartyScore
    from game.core.scenario.model import Scenario


def cmd_score(scenario_name: str, package_files: Sequence[str], as_json: bool) -> int:
    """Score each package for every party in its scope. With one package the JSON is
    `{"parties": ...}`; with several, `{"packages": [{"file": ..., "parties": ...}, ...]}`."""
    from game.core.engine.scoring import score_package_file
    from game.core.scenario.loader import find_scenario, load_package_file

    scenario = find_scenario(scenario_name).scenario
    missing = [name for name in package_files if not Path(name).exists()]
    if missing:
        # A first try is often an option's id or "1,2,3" typed where the file should be.
        raise LoadError(
            [
                FileProblem(
                    name,
                    None,
                    None,
                    "(file)",
                    "no such package file; a package is a YAML file naming an option per issue, "
                    "e.g. 'options: {ISSUE: OPTION}' (README, \"Scoring a package\")",
                )
                for name in missing
            ]
        )
    # Every file read (and checked) before anything is printed: one bad file, no half output.
    packages = [(name, load_package_file(name, scenario)) for name in package_files]
    scored = [(name, score_package_file(scenario, package)) for name, package in packages]
    if as_json:
        parts = [
            {"file": name, "parties": {p: score_json(s) for p, s in scores.items()}}
            for name, scores in scored
        ]
        body: dict[str, object] = (
            {"parties": parts[0]["parties"]} if len(parts) == 1 else {"packages": parts}
        )
        print(json.dumps(body, indent=2))
        return EXIT_OK
    for n, (name, scores) in enumerate(scored):
        if len(scored) > 1:
            print(f"{'' if n == 0 else chr(10)}== {name}")
        print(render_scores(scenario, scores), end="")
    return EXIT_OK


def score_json(score: PartyScore) -> dict[str, object]:
    """One party's score as the JSON the command line promises (plus a few extra keys)."""
    from game.core.engine.numbers import apportion, fixed, reading_order

    need = score.requirement
    # Four decimals, the breakdown in the order the text shows it and apportioned so that its
    # values add up to the total as printed.
    lines = reading_order(score)
    values = apportion([t.value for t in lines], score.total, 4)
    return {
        "total": float(fixed(score.total, 4)),
        "reservation": round(score.reservation, 4),
        "needed": round(need.total, 4),
        "premiums": [
            {"name": p.name, "points": round(p.points, 4), "source": p.source}
            for p in need.premiums
        ],
        "acceptable": score.acceptable,
        "ratifies": score.ratifies,
        "red_lines": list(score.red_lines),
        "home_support": round(score.support, 4),
        "ratification_threshold": score.threshold,
        "breakdown": [
            {"label": t.label, "value": float(v), "source": t.source, "kind": t.kind}
            for t, v in zip(lines, values, strict=True)
        ],
    }


def _yes(flag: bool) -> str:
    return "yes" if flag else "NO"


def render_scores(scenario: Scenario, scores: dict[str, PartyScore]) -> str:
    """Scores as plain text: per party, its score against what it needs, the verdicts, then
    its breakdown from the status quo, in the numbers of the game's Score panel."""
    from game.core.engine.numbers import figures
    from game.core.engine.scoring import BREAKDOWN_NOTE

    lines = []
    for party_id, s in scores.items():
        f = figures(s)
        lines.append(
            f"{party_id}  {scenario.party(party_id).name}: score {f.total} / 100, "
            f"needs {f.needed} ({f.needs})"
        )
        lines.append(
            f"    acceptable {_yes(s.acceptable)}   ratifies {_yes(s.ratifies)} "
            f"(support {f.support}, needs {f.threshold})"
        )
        for red in s.red_lines:
            lines.append(f"    RED LINE crossed: {red}")
        for term, value in f.lines:
            lines.append(f"    {value:>7}  {term.label}  [{term.source}]")
        for vote in s.blockers:
            lines.append(f"    home: {vote.name} approval {vote.before:.0f} -> {vote.after:.0f}")
        lines.append("")
    lines += textwrap.wrap(BREAKDOWN_NOTE, 88)
    return "\n".join(lines).rstrip() + "\n"
