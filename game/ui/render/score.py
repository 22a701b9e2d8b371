"""The seat's own numbers: what the draft is worth and why, and the groups at home."""

from __future__ import annotations

from rich.text import Text

from game.core.engine.numbers import figures
from game.core.engine.scoring import BREAKDOWN_NOTE, EPSILON, PartyScore
from game.core.scenario.model import Scenario
from game.ui.render.marks import bar, yes_no

BEST = 100.0
"""The top of every party's 0-100 scale: its best package on the agenda (NORMALISATION_SOURCE)."""


def score(s: PartyScore, needed: float) -> Text:
    """The player's own score against what it needs, whether the groups at home back it, and
    the breakdown, with the numbers and rounding of the `score` command (core numbers.figures).

    `needed` is what SeatView.needed() returns; it equals s.requirement.total (both are the
    core's Requirement under the game's conditions), and the panel shows s.requirement, which
    also names the parts, so the argument is only kept for the screens that pass it.
    """
    f = figures(s)
    text = Text()
    text.append(f"Your score {f.total:>5} ", style="bold")
    text.append(bar(s.total, 14))
    text.append(f"\nYou need   {f.needed:>5} ")
    text.append(bar(s.requirement.total, 14), style="dim")
    text.append(f"\n{f.needs}\n", style="dim")  # unindented: 32 columns beside a scrollbar
    if s.requirement.total > BEST + EPSILON:
        text.append(
            f"No package binding these partners can be worth that much to you ({BEST:g} at "
            "most), so none can satisfy you now.\n",
            style="bold red",
        )
    text.append("Acceptable to you  ")
    text.append_text(yes_no(s.acceptable))
    # "Backed", not "ratified": the chapter describes opposition at home, not votes.
    text.append("\nBacked at home     ")
    text.append_text(yes_no(s.ratifies))
    text.append(f" (support {f.support}, needs {f.threshold})\n")
    for red in s.red_lines:
        text.append(f"RED LINE: {red}\n", style="bold red")
    groups = {
        "scale": "Status quo",
        "threat": "Threats",
        "trust": "Trust",
        "cost": "Costs",
        "principle": "Principles",
        "domestic": "At home",
    }
    last = ""
    # Every line is shown, the status quo's first, so that the lines add up to the score.
    for term, value in f.lines:
        if term.kind != last:
            text.append(f"{groups[term.kind]}\n", style="bold underline")
            last = term.kind
        label = term.label.split(": ", 1)[-1]
        colour = "" if term.kind == "scale" else "green" if term.value > 0 else "red"
        text.append(f" {value:>6} {label}", style=colour if term.value else "")
        text.append(f" [{term.source}]\n", style="dim")
    text.append(BREAKDOWN_NOTE, style="dim italic")
    return text


def home(scenario: Scenario, s: PartyScore) -> Text:
    """The player's domestic groups: approval now and after the draft, and the forecast.

    Names and descriptions wrap in the panel instead of being cut; support and threshold use
    the `score` command's rounding rule, so a vote decided by a decimal shows it."""
    f = figures(s)
    text = Text()
    for v in s.votes:
        group = scenario.group(v.group)
        text.append(f"{v.name}\n", style="bold")
        change = v.after - v.before
        text.append(f"  {bar(v.after, 12)} {v.after:3.0f}")
        if abs(change) > 0.5:
            text.append(f" ({change:+.0f})", style="green" if change > 0 else "red")
        text.append(f"  weight {v.share:.0%}\n", style="dim")
        if group.description:
            text.append(f"  {' '.join(group.description.split())}\n", style="dim")
    text.append(f"Support {f.support}, needs {f.threshold}: ")
    text.append_text(yes_no(s.ratifies))
    return text
