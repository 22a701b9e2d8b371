"""What the seat can foresee of each partner's reply to the draft."""

from __future__ import annotations

import textwrap

from rich.text import Text

from game.core.players.estimates import Estimate, Verdict
from game.core.scenario.model import Scenario

WIDTH = 32
"""Columns a line may take: the panel's text is 34 wide at 80x24, 32 when its scrollbar shows."""

STYLES: dict[Verdict, str] = {
    "likely yes": "green",
    "uncertain": "yellow",
    "likely no": "red",
    "red line": "bold red",
}


def partners(scenario: Scenario, estimates: list[Estimate]) -> Text:
    """Each partner's likely reply, by its own rule, as precisely as trust allows."""
    text = Text()
    for e in estimates:
        text.append(scenario.party(e.partner).name, style="bold")
        text.append(" · ")
        text.append(f"{e.verdict}\n", style=STYLES[e.verdict])
        text.append(f"  worth to them    {worth_seen(e)}\n")
        text.append(f"  {aim_words(e):<16} {range_seen(e.target_low, e.target_high)}\n")
        # The chapter describes opposition at home, not votes in a parliament.
        home = {None: "can't tell", True: "enough", False: "NOT enough"}[e.ratifies]
        text.append(f"  support at home: {home}\n", style="dim")
        _wrapped(text, e.reason, "  ", "italic", hang="  ")
        for red in e.red_lines:
            _wrapped(text, red, "    ", "red", hang="  ")
    _wrapped(
        text,
        "They accept only what is worth what they hold out for. Ranges widen with distrust; "
        "red lines, and what a partner states when it refuses, are public.",
        "",
        "dim italic",
    )
    text.rstrip()
    return text


def aim_words(e: Estimate) -> str:
    """What the range of the least a partner accepts is called: what a computer holds out for
    (its strategy's aim), what a team of people needs (the rules' floor)."""
    return "needing at least" if e.person else "holding out for"


def worth_seen(e: Estimate) -> str:
    """What the package is worth to the partner, as the seat can tell: its worth as it is
    now, known since the partner's refusal made it public ("known", not "stated": the refusal
    gave it in whole numbers, and events move it since), or a range."""
    return f"{e.low:.1f} (known)" if e.stated else range_seen(e.low, e.high)


def range_seen(low: float, high: float) -> str:
    """An estimated range in whole numbers, as the panels show it ("about 68–88")."""
    # A partner whose need outgrew the agenda holds out past the 0-100 scale: no package is
    # worth more than 100 to anyone, so the panel says "100+", not a number off the scale.
    top = f"{high:.0f}" if high <= 100.0 else "100+"
    if low > 100.0:
        return "over 100"
    bottom = f"{low:.0f}"
    # Ends that round alike are one number: "about 90", not "about 90–90".
    return f"about {bottom}" if bottom == top else f"about {bottom}–{top}"


def _wrapped(text: Text, words: str, indent: str, style: str, hang: str = "") -> None:
    """Append words wrapped to the panel, the lines after the first indented by `hang` more
    (never a word cut)."""
    lines = textwrap.wrap(
        words,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent + hang,
        break_long_words=False,
        break_on_hyphens=False,
    )
    text.append("\n".join(lines) + "\n", style=style)
