"""The seat's own numbers: what the draft is worth and why, and the groups at home."""

from __future__ import annotations

from rich.text import Text

from game.core.engine.scoring import PartyScore
from game.core.scenario.model import Scenario
from game.ui.render.marks import bar, clip, yes_no


def score(s: PartyScore, needed: float) -> Text:
    """The player's own score: total against what it needs, the ratification forecast, breakdown."""
    text = Text()
    text.append(f"Your score {s.total:5.1f} ", style="bold")
    text.append(bar(s.total, 14))
    text.append(f"\nYou need   {needed:5.1f} ")
    text.append(bar(needed, 14), style="dim")
    premium = needed - s.reservation
    extra = f" + {premium:.0f} attention" if premium > 0.5 else ""
    text.append(f"\n  (reservation {s.reservation:.0f}{extra})\n", style="dim")
    text.append("Acceptable to you  ")
    text.append_text(yes_no(not s.red_lines and s.total >= needed - 1e-9))
    text.append("\nRatifies at home   ")
    text.append_text(yes_no(s.ratifies))
    text.append(f" (support {s.support:.0f}, needs {s.threshold:.0f})\n")
    for red in s.red_lines:
        text.append(f"RED LINE: {red}\n", style="bold red")
    groups = {
        "threat": "Threats",
        "trust": "Trust",
        "cost": "Costs",
        "principle": "Principles",
        "domestic": "At home",
    }
    last = ""
    for term in s.breakdown:
        if term.kind == "scale":
            continue
        if term.kind != last:
            text.append(f"{groups[term.kind]}\n", style="bold underline")
            last = term.kind
        label = term.label.split(": ", 1)[-1]
        text.append(
            f" {term.value:+6.1f} {label}",
            style="green" if term.value > 0 else ("red" if term.value < 0 else ""),
        )
        text.append(f" [{term.source}]\n", style="dim")
    return text


def home(scenario: Scenario, s: PartyScore) -> Text:
    """The player's domestic groups: approval now and after the draft, and the forecast."""
    text = Text()
    for v in s.votes:
        group = scenario.group(v.group)
        text.append(f"{clip(v.name, 34)}\n", style="bold")
        change = v.after - v.before
        text.append(f"  {bar(v.after, 12)} {v.after:3.0f}")
        if abs(change) > 0.5:
            text.append(f" ({change:+.0f})", style="green" if change > 0 else "red")
        text.append(f"  weight {v.share:.0%}\n", style="dim")
        if group.description:
            text.append(f"  {clip(group.description.strip(), 70)}\n", style="dim")
    text.append(f"Support {s.support:.0f}, needed {s.threshold:.0f}: ")
    text.append_text(yes_no(s.ratifies))
    return text
