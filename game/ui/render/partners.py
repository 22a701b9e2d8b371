"""What the seat can estimate of each partner's reaction to the draft."""

from __future__ import annotations

from rich.text import Text

from game.core.players.estimates import Estimate
from game.core.scenario.model import Scenario


def partners(scenario: Scenario, estimates: list[Estimate]) -> Text:
    """Each partner's likely reaction, as precisely as trust allows."""
    text = Text()
    for e in estimates:
        name = scenario.party(e.partner).name
        text.append(f"{name}\n", style="bold")
        text.append(f"  worth to them {e.low:3.0f}–{e.high:.0f}\n")
        text.append(f"  they need     {e.needed_low:3.0f}–{e.needed_high:.0f}\n", style="dim")
        style = {
            "likely yes": "green",
            "uncertain": "yellow",
            "likely no": "red",
            "red line": "bold red",
        }[e.verdict]
        text.append(f"  → {e.verdict}", style=style)
        if e.ratifies is None:
            text.append("\n  their parliament: can't tell", style="dim")
        else:
            text.append(
                "\n  their parliament: " + ("would ratify" if e.ratifies else "would NOT ratify"),
                style="dim",
            )
        text.append("\n")
        for red in e.red_lines:
            text.append(f"  crosses their red line: {red}\n", style="red")
    text.append("Ranges widen with distrust; principles are public.", style="dim italic")
    return text
