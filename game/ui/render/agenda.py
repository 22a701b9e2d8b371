"""The agenda as the table screen draws it: the draft issue by issue, and the selected option."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from game.core.engine.wording import joined
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package, fits_scope
from game.ui.render.marks import clip, pad


def agenda(
    scenario: Scenario,
    draft: Package,
    cursor: int,
    width: int,
    offered: Package | None,
    rows: int | None = None,
    scope: tuple[str, ...] | None = None,
) -> Text:
    """The issues, each with the option chosen in the draft; the cursor line is marked (a
    pointer and reverse video, not colour alone).

    A star marks an issue where the draft differs from the package on the table, a cross an
    option that binds a party outside the draft's `scope` (it cannot be tabled so). An agenda
    longer than `rows` lines shows a window of them that keeps the cursor away from its edges,
    with ↑ (↓) on its first (last) line where more issues lie above (below).
    """
    names = [issue.short or issue.name for issue in scenario.issues]
    # In columns on screen, not characters: a CJK character or an emoji takes two.
    name_width = min(12, max(cell_len(n) for n in names))
    room = max(8, width - name_width - 6)
    first, last = window(len(names), cursor, rows)
    lines = []
    for n in range(first, last):
        issue, k = scenario.issues[n], draft[n]
        option = issue.options[k]
        here = n == cursor
        line = Text().append(_mark(n, cursor, first, last, len(names)), style="bold")
        line.append(f"{pad(clip(names[n], name_width), name_width)} ", style="bold" if here else "")
        label = clip(option.label, room)
        if here:
            line.append(f"◂{pad(label, room)}▸", style="reverse")
        else:
            line.append(f" {label}", style="dim" if option.status_quo else "")
        if offered is not None and offered[n] != k:
            line.append("*", style="bold yellow")
        if scope is not None and not fits_scope(option, scope, scenario.party_ids):
            line.append("✗", style="bold red")
        lines.append(line)
    return Text("\n").join(lines)


def _mark(n: int, cursor: int, first: int, last: int, issues: int) -> str:
    """The first column of issue n's line: the cursor's pointer, or an arrow where the window
    leaves issues out above or below."""
    if n == cursor:
        return "▸"
    if n == first > 0:
        return "↑"
    if n == last - 1 and last < issues:
        return "↓"
    return " "


def window(issues: int, cursor: int, rows: int | None) -> tuple[int, int]:
    """The issues an agenda of `rows` lines shows, first and past the last: all of them when
    they fit; else a run that has the cursor in its middle, or as near as the agenda's ends
    allow (so the cursor is on an edge line only at an end of the agenda, and the edges' arrows
    never take its line). At least three lines: one for each arrow and the cursor's."""
    if rows is None or issues <= rows:
        return 0, issues
    rows = max(3, rows)
    first = min(max(0, cursor - rows // 2), issues - rows)
    return first, first + rows


def scope_words(scope: tuple[str, ...], everyone: tuple[str, ...]) -> str:
    """Whom a package binds, in words ("all three" when it is everyone)."""
    if set(scope) == set(everyone):
        return {2: "both", 3: "all three"}.get(len(everyone), "everyone")
    return joined(scope)


def option_detail(
    scenario: Scenario, draft: Package, cursor: int, scope: tuple[str, ...], width: int
) -> Text:
    """The selected option in full (its label wraps), whom it binds, its section and the key
    for the whole text; then whom the draft binds, the line `s` changes."""
    issue = scenario.issues[cursor]
    option = issue.options[draft[cursor]]
    everyone = scenario.party_ids
    text = Text()
    text.append(
        f"{issue.short or issue.name} {draft[cursor] + 1}/{len(issue.options)}", style="bold"
    )
    # An option binding every party reads as a draft binding them does ("both" at a table of
    # two, where "binds all" stood beside "Your draft binds: both").
    binds = scope_words(tuple(option.binds) or everyone, everyone)
    text.append(f" · binds {binds}", style="dim")
    if not fits_scope(option, scope, everyone):
        text.append(" · outside your draft's scope", style="bold red")
    text.append("\n")
    text.append(option.label + "\n")
    design = ", a design inference" if option.inferred else ""
    text.append(clip(f"i: full text · [{option.source}]{design}", width) + "\n", style="dim")
    text.append(f"Your draft binds: {scope_words(scope, everyone)}", style="bold")
    text.append(" (s: change)", style="dim")
    return text


def option_markdown(scenario: Scenario, issue_index: int, option_index: int) -> str:
    """An option in full, for its information window, and what its issue is about."""
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
    if issue.description:
        # What the whole issue is about (the scenario's words), after the option's own facts.
        lines.append(f"- **The issue**: {' '.join(issue.description.split())} [{issue.source}]")
    return "\n".join(lines) + "\n"
