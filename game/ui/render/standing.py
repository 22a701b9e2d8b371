"""The instructor's view of a class game, drawn to project: the turn and clock, every party's
numbers for the package on the table, the zone of agreement, the last lines of the log."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from game.core.classroom import PartyStanding, Standing
from game.core.engine.numbers import SCORE_PLACES, SUPPORT_PLACES, compared, fixed
from game.core.engine.wording import possessive
from game.core.scenario.model import Scenario
from game.ui.render.agenda import scope_words
from game.ui.render.marks import yes_no
from game.ui.render.table import log_style, round_date


def standing_status(scenario: Scenario, standing: Standing, outcome: str | None = None) -> Text:
    """Round and date, whose turn, and PAUSED or GAME OVER in words (never colour alone);
    at the end, the `outcome` in a sentence."""
    text = Text()
    text.append(f"Round {standing.round} of {standing.rounds} · {standing.date}", style="bold")
    if standing.finished:
        text.append(" · GAME OVER", style="bold")
        if outcome:
            text.append("\nOutcome: ", style="bold").append(outcome)
    elif standing.to_move is not None:
        party = next(p for p in standing.parties if p.party == standing.to_move)
        who = "a team" if party.seat == "human" else "the computer"
        text.append(f" · {party.name} to move ({who})")
    if standing.paused:
        text.append(" · PAUSED", style="bold reverse")
    return text


def standing_offer(scenario: Scenario, standing: Standing) -> Text:
    """What lies on the table: who tabled it, whom it binds, who has accepted it."""
    offer = standing.offer
    if standing.finished:
        return Text("The game is over: the debrief (d) gives what was signed or last on the table.")
    if offer is None:
        return Text("Nothing on the table: each country's needs are for a trilateral package.")
    name = scenario.party(offer.proposer).name
    binds = scope_words(offer.scope, scenario.party_ids)
    text = Text(f"On the table: {possessive(name)} package, binding {binds}")
    accepted = ", ".join(offer.accepted) or "nobody yet"
    text.append(f"; accepted by {accepted}")
    return text


def standing_parties(standing: Standing) -> Table:
    """One row per party: its score of the package on the table against what it needs,
    whether it would accept it, its support at home against the threshold (and whether that
    is enough), and whether it has accepted."""
    table = Table(box=None, padding=(0, 1), show_edge=False, expand=False)
    # Narrow headers and no wrapping: the whole table fits in 80 columns.
    table.add_column("Country", no_wrap=True, overflow="ellipsis")
    table.add_column("Seat", no_wrap=True)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Needs", justify="right", no_wrap=True)
    table.add_column("Accepts", no_wrap=True)
    table.add_column("Home support", no_wrap=True)
    table.add_column("Accepted", no_wrap=True)
    for party in standing.parties:
        table.add_row(*_row(party))
    return table


def _row(party: PartyStanding) -> tuple[Text | str, ...]:
    country = Text().append(f"{party.party} ", style="bold").append(party.name, style="")
    seat = "team" if party.seat == "human" else "computer"
    if party.score is None or party.support is None:
        needed = fixed(party.needed, SCORE_PLACES)
        return country, seat, "—", needed, "—", "—", "—"
    score, needed = compared(party.score, party.needed, SCORE_PLACES)
    support, threshold = compared(party.support, party.threshold, SUPPORT_PLACES)
    home = Text(f"{support}/{threshold} ").append_text(yes_no(bool(party.ratifies)))
    return (
        country,
        seat,
        score,
        needed,
        yes_no(bool(party.acceptable)),
        home,
        yes_no(party.accepted),
    )


def standing_zone(standing: Standing) -> Text:
    """The zone of agreement now, and as each round opened."""
    at_least = "" if standing.zone_exact else "at least "
    text = Text().append("Zone of agreement now: ", style="bold")
    text.append(f"{at_least}{standing.zone_now} trilateral packages ")
    text.append("every country would accept and support at home", style="dim")
    if standing.zone_by_round:
        by_round = " ".join(str(n) for n in standing.zone_by_round)
        text.append(f"\nAs each round opened: {by_round}", style="dim")
    return text


def standing_log(scenario: Scenario, standing: Standing, width: int) -> Text:
    """The last lines of the log, each cut to one line of `width` so the newest always show
    (the whole record, with every reason, is in each team's log)."""
    text = Text()
    for n, entry in enumerate(standing.log):
        line = Text(f"{round_date(scenario, entry)[:7]} ", style="dim")
        line.append(" ".join(entry.text.split()), style=log_style(entry.kind))
        line.truncate(max(width, 20), overflow="ellipsis")
        if n:
            text.append("\n")
        text.append_text(line)
    return text
