"""The full briefing's parts on what every country faces: each threat and each issue of the
agenda, as the scenario describes them (the rest of the briefing is about the player's own
country)."""

from __future__ import annotations

from rich.text import Text

from game.core.scenario.model import Scenario


def described(description: str, source: str) -> str:
    """A description on one line and its source in brackets (the source alone when the
    scenario gives no description, with no gap before it)."""
    return " ".join([*description.split(), f"[{source}]"])


def threats_described(scenario: Scenario) -> Text:
    """Every threat of the scenario: its name, the chapter's split (hard or soft) and its
    reach, and the scenario's description of it with its section."""
    text = Text().append("What each threat is\n", style="bold underline")
    for threat in scenario.threats:
        text.append(f"• {threat.name}", style="bold")
        text.append(f" ({threat.kind}, {threat.reach}): ")
        text.append(f"{described(threat.description, threat.source)}\n")
    return text


def agenda_described(scenario: Scenario) -> Text:
    """Every issue of the agenda with what is at stake in it, as the scenario says, and its
    section; an issue of the prosperity pillar says so (a deal's changes to it do not count
    towards a security arrangement)."""
    text = Text().append("The agenda: what each issue is about\n", style="bold underline")
    for issue in scenario.issues:
        text.append(f"• {issue.name}", style="bold")
        if issue.pillar != "security":
            text.append(f" ({issue.pillar})")
        text.append(f": {described(issue.description, issue.source)}\n")
    return text
