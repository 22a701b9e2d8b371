"""Rich renderables of the game state: agenda, scores, partners, home front, trust, log."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from game.core.analysis.debrief import Debrief
from game.core.analysis.outcomes import OUTCOME_TEXT
from game.core.engine.scoring import PartyScore
from game.core.engine.state import LogEntry
from game.core.game import SeatView
from game.core.players.estimates import Estimate
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package

BAR = "█"
EMPTY = "░"


def bar(value: float, width: int = 10, maximum: float = 100.0) -> str:
    """A horizontal bar of `width` cells for a value out of `maximum`."""
    filled = max(0, min(width, round(width * value / maximum)))
    return BAR * filled + EMPTY * (width - filled)


def clip(text: str, width: int) -> str:
    """Text cut to a width with an ellipsis."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def yes_no(flag: bool) -> Text:
    """A yes/no that does not rely on colour alone (a mark and a word)."""
    return Text("✔ yes", style="green") if flag else Text("✘ no", style="bold red")


def agenda(
    scenario: Scenario, draft: Package, cursor: int, width: int, offered: Package | None
) -> Text:
    """The issues, each with the option chosen in the draft; the cursor line is marked.

    A star marks an issue where the draft differs from the package on the table.
    """
    names = [issue.short or issue.name for issue in scenario.issues]
    name_width = min(12, max(len(n) for n in names))
    room = max(8, width - name_width - 6)
    lines = []
    for n, (issue, k) in enumerate(zip(scenario.issues, draft, strict=True)):
        option = issue.options[k]
        here = n == cursor
        line = Text("▸" if here else " ", style="bold")
        line.append(f"{clip(names[n], name_width):<{name_width}} ", style="bold" if here else "")
        label = clip(option.label, room)
        if here:
            line.append(f"◂{label:<{room}}▸", style="reverse")
        else:
            line.append(f" {label}", style="dim" if option.status_quo else "")
        if offered is not None and offered[n] != k:
            line.append("*", style="bold yellow")
        lines.append(line)
    return Text("\n").join(lines)


def option_detail(scenario: Scenario, draft: Package, cursor: int, width: int) -> Text:
    """The selected option in four lines: its name, the start of its description, whom it
    binds; `i` opens it in full."""
    issue = scenario.issues[cursor]
    option = issue.options[draft[cursor]]
    text = Text()
    text.append(
        f"{issue.short or issue.name} {draft[cursor] + 1}/{len(issue.options)}: ", style="bold"
    )
    text.append(clip(option.label, max(10, width - len(issue.short or issue.name) - 6)) + "\n")
    description = " ".join(option.description.split()) or "(no description)"
    # Two screen lines, allowing for what word wrapping loses at line ends.
    text.append(clip(description, int(width * 1.6)) + "\n")
    binds = ", ".join(option.binds) if option.binds else "all parties"
    design = ", a design inference" if option.inferred else ""
    text.append(clip(f"Binds {binds} · [{option.source}]{design} · i: more", width), style="dim")
    return text


def option_markdown(scenario: Scenario, issue_index: int, option_index: int) -> str:
    """An option in full, for its information window."""
    issue = scenario.issues[issue_index]
    option = issue.options[option_index]
    lines = [f"# {issue.name}: {option.label}", "", " ".join(option.description.split()), ""]
    binds = (
        ", ".join(scenario.party(p).name for p in option.binds) if option.binds else "all parties"
    )
    lines.append(f"- **Binds**: {binds}")
    if option.addresses:
        threats = ", ".join(
            f"{scenario.threat(t).name} ({a:.0%})" for t, a in option.addresses.items()
        )
        lines.append(f"- **Addresses**: {threats}")
    if option.cost:
        lines.append("- **Costs**: " + ", ".join(f"{p} {c:g}" for p, c in option.cost.items()))
    for tag in option.tags:
        lines.append(f"- **Tag** `{tag}`: {scenario.tags.get(tag, '')}")
    if option.analogue:
        lines.append(f"- **Modelled on**: {option.analogue.name} [{option.analogue.source}]")
    lines.append(
        f"- **Source**: [{option.source}]"
        + (" — the option is a design inference" if option.inferred else "")
    )
    if option.status_quo:
        lines.append("- This is the **status quo**: choosing it changes nothing.")
    return "\n".join(lines) + "\n"


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


def trust(view: SeatView) -> Text:
    """The trust triangle: every dyad with its trust, level of transformation and Wendt label."""
    text = Text()
    steps = ["breakdown of consensus", "critical examination", "new practices"]
    for dyad in view.dyads():
        a, b = dyad.parties
        text.append(f"{a}–{b} ", style="bold" if view.party in dyad.parties else "")
        text.append(f"{bar(dyad.trust, 10)} {dyad.trust:3.0f} ")
        style = {"cooperative": "green", "individualistic": "yellow", "competitive": "red"}
        text.append(f"{dyad.system}\n", style=style[dyad.system])
        passed = ", ".join(steps[: dyad.stage]) or "none yet"
        text.append(f"   levels passed: {passed}\n", style="dim")
    text.append("Cooperative only after all three levels [Fragmented Region].", style="dim italic")
    return text


def log_line(scenario: Scenario, entry: LogEntry) -> Text:
    """One log entry with its reasons."""
    rounds = scenario.rounds
    when = rounds[min(entry.round, len(rounds) - 1)].date.isoformat()[:7]
    style = {
        "event": "cyan",
        "ratified": "bold green",
        "blocked": "bold red",
        "reject": "red",
        "accept": "green",
        "end": "bold",
    }.get(entry.kind, "")
    text = Text().append(f"{when} ", style="dim")
    text.append(entry.text, style=style)
    for reason in entry.reasons:
        text.append(f"\n    · {reason}", style="dim")
    if entry.source:
        text.append(f" [{entry.source}]", style="dim")
    return text


def log(view: SeatView) -> Text:
    """The whole negotiation record, oldest first."""
    text = Text()
    for entry in view.log:
        text.append_text(log_line(view.scenario, entry))
        text.append("\n")
    return text


def status(view: SeatView) -> Text:
    """Date, round, deadline, chair and whose turn it is."""
    s = view.scenario
    text = Text()
    text.append(f"Round {view.round + 1}/{len(s.rounds)} · {view.date} · deadline {s.deadline} · ")
    text.append(f"chair {s.party(view.chair).name}")
    if view.finished:
        text.append(" · game over", style="bold")
    elif view.my_turn:
        text.append(" · your turn", style="bold reverse")
    return text


def table_summary(view: SeatView) -> Text:
    """The offer on the table in two lines: whose, how big, who has accepted."""
    offer = view.offer
    if offer is None:
        return Text(
            "Nothing on the table: assemble a package and press t to table it.", style="dim"
        )
    s = view.scenario
    changed = sum(1 for k, q in zip(offer.package, view.status_quo, strict=True) if k != q)
    scope = "trilateral" if len(offer.scope) == len(s.party_ids) else "-".join(offer.scope)
    text = Text().append(
        f"On the table: {s.party(offer.proposer).name}'s {scope} package", style="bold"
    )
    text.append(f" ({changed} changes; * = your draft differs)\n")
    waiting = [p for p in offer.scope if p not in offer.accepted]
    accepted = ", ".join(offer.accepted) or "nobody"
    text.append(f"Accepted: {accepted} · waiting: {', '.join(waiting) or '—'}")
    if view.party in waiting:
        text.append(" (a/r/c)", style="bold")
    return text


def outcome_summary(scenario: Scenario, report: Debrief) -> Table:
    """Each party's result against its reservation value."""
    grid = Table(box=None, expand=False, pad_edge=False)
    grid.add_column("Party")
    grid.add_column("Result", justify="right")
    grid.add_column("Reservation", justify="right")
    grid.add_column("Gain", justify="right")
    for r in report.results:
        grid.add_row(
            scenario.party(r.party).name, f"{r.score:.1f}", f"{r.reservation:.1f}", f"{r.gain:+.1f}"
        )
    return grid


def outcome_title(report: Debrief) -> str:
    """The outcome in words."""
    return OUTCOME_TEXT[report.outcome]
