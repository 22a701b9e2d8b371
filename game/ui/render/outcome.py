"""The outcome of a game: the verdict, each party's result against its reservation value, the
package signed or last on the table, why a deal failed, and the constraints that bound."""

from __future__ import annotations

from decimal import Decimal

from rich.table import Table
from rich.text import Text

from game.core.analysis.constraints import Constraint
from game.core.analysis.debrief import Debrief, Lapse, unpassable
from game.core.analysis.empty_zone import Reason
from game.core.analysis.outcomes import outcome_text
from game.core.analysis.record import EventNote, Refusal, Tabled
from game.core.engine.numbers import difference
from game.core.engine.wording import deal_kind, every_country, joined, possessive
from game.core.scenario.model import Scenario


def outcome_summary(scenario: Scenario, report: Debrief) -> Table:
    """Each party's result against its reservation value."""
    grid = Table(box=None, expand=False, pad_edge=False)
    grid.add_column("Party")
    grid.add_column("Result", justify="right")
    grid.add_column("Reservation", justify="right")
    grid.add_column("Gain", justify="right")
    for r in report.results:
        grid.add_row(
            scenario.party(r.party).name,
            f"{r.score:.1f}",
            f"{r.reservation:.1f}",
            difference(r.score, r.reservation),
        )
    return grid


def joint_gain(report: Debrief) -> str:
    """The parties' gains added up as `outcome_summary` shows them, so that a reader who adds
    the column finds the same number."""
    total = sum(Decimal(difference(r.score, r.reservation)) for r in report.results)
    return f"Joint gain {total:+.1f}"


def outcome_title(scenario: Scenario, report: Debrief) -> str:
    """The outcome in words (the scenario's own, where it gives them)."""
    return outcome_text(scenario, report.outcome, report.deal.package if report.deal else None)


def verdict(scenario: Scenario, report: Debrief, party: str) -> Text:
    """Won or lost, in plain words: your result against your reservation value."""
    mine = report.parties[party]
    r = mine.result
    text = Text()
    if mine.verdict == "won":
        text.append("You won.", style="bold green")
        text.append(
            f" Your result is {r.score:.1f} against your reservation value of "
            f"{r.reservation:.1f}: you gained {difference(r.score, r.reservation)} over what you "
            "had without a deal."
        )
    elif mine.verdict == "lost":
        text.append("You lost.", style="bold red")
        text.append(
            f" Your result is {r.score:.1f} against your reservation value of "
            f"{r.reservation:.1f}: {difference(r.score, r.reservation)}, below what you had "
            "without a deal."
        )
    elif report.deal is None or report.lapse is not None:
        text.append("You neither won nor lost.", style="bold")
        lead = (
            "The partnership you signed lapsed, so"
            if report.lapse
            else f"With no {deal_kind(scenario)} deal"
        )
        text.append(
            f" {lead} your result is your reservation value, {r.reservation:.1f}:"
            " what you have without a deal"
        )
        start = mine.reservation_at_start
        moved = difference(r.reservation, start)
        if Decimal(moved):
            # Side deals and events move it: a team that banked one gained, one that lost
            # ground lost, though the trilateral table gives both +0.0.
            way = "up" if Decimal(moved) > 0 else "down"
            signed = any(party in t.tabled.scope for t in report.side_deals)
            # Who moved it, as the game's record has it: the rest came with the game's events
            # (a delayed consequence of an act among them).
            actors = {actor for moved_, actor in report.moved if moved_ == party}
            causes = ["the side deals you signed"] if signed else []
            causes += ["your own diplomatic actions"] if party in actors else []
            causes += ["the other countries' moves"] if actors - {party} else []
            why = joined([*causes, "the game's events"])
            text.append(
                f", {way} {moved[1:]} from {start:.1f} when the game began (moved by {why})"
            )
        text.append(".")
        nash = report.nash
        if report.lapse is None and report.empty_zone is not None:
            # The Nash package is reckoned against reservation values alone; where no package
            # could pass at the end (a leader's attention, support at home), it was no deal.
            if not report.empty_throughout:
                text.append(" A deal could have passed earlier in the game, though not at the end.")
        elif report.lapse is None and nash is not None and nash.score(party) > r.reservation:
            text.append(
                f" A deal was possible: the Nash bargaining package would have given you "
                f"{nash.score(party):.1f}."
            )
    else:
        text.append("You broke even.", style="bold")
        text.append(f" The deal is worth {r.score:.1f} to you, your reservation value.")
    return text


def _names(scenario: Scenario, parties: tuple[str, ...] | list[str], party: str) -> str:
    """Countries in words, "you" marked: "Mexico (you) and Canada"."""
    return joined([scenario.party(p).name + (" (you)" if p == party else "") for p in parties])


def _changes(tabled: Tabled) -> Text:
    text = Text()
    for c in tabled.changes:
        # Short issue names keep most lines to one line at 80 columns.
        text.append("  • ").append(f"{c.short}: ", style="bold").append(f"{c.option}\n")
    if not tabled.changes:
        text.append("  • no change from the status quo\n")
    return text


def package(scenario: Scenario, report: Debrief, party: str) -> Text:
    """The package signed or last on the table, issue by issue, and the side deals."""
    text = Text()
    final = report.package
    everyone = len(scenario.party_ids)
    if final is None:
        text.append("Nothing was ever put on the table.\n", style="bold")
    else:
        t = final.tabled
        by = f", tabled by {scenario.party(t.proposer).name} on {t.date}" if t.proposer else ""
        if final.fate == "signed" and len(t.scope) == everyone:
            text.append("Signed: ", style="bold")
            text.append(
                f"the {deal_kind(scenario)} package{by}, backed at home in "
                f"{every_country(scenario)}:\n"
            )
        else:
            if len(t.scope) < everyone:
                text.append(f"No {deal_kind(scenario)} package was ever tabled. ", style="bold")
                what = f"The last package on the table, between {_names(scenario, t.scope, party)}"
            else:
                what = f"The last {deal_kind(scenario)} package on the table"
            text.append(f"{what}{by}", style="bold")
            if final.fate == "signed":
                text.append(", was signed between them:\n")
            elif final.fate == "rejected":
                text.append(", was rejected")
                refusal = next((r for r in report.refusals if r.offer is t), None)
                if refusal is not None:
                    who = _names(scenario, [refusal.party], party)
                    text.append(f" by {who} on {refusal.date}")
                text.append(":\n")
            else:
                waiting = [p for p in t.scope if p not in final.accepted]
                text.append(", was still there at the deadline")
                if final.fate == "blocked":
                    text.append(" after it lacked support at home")
                if final.accepted:
                    text.append(f"; accepted by {_names(scenario, final.accepted, party)}")
                    text.append(f", not by {_names(scenario, waiting, party)}:\n")
                else:
                    text.append(
                        "; nobody had accepted it"
                        + (" again" if final.fate == "blocked" else "")
                        + ":\n"
                    )
        text.append_text(_changes(t))
    for deal in report.side_deals:
        if final is not None and deal.tabled is final.tabled:
            continue
        pair = _names(scenario, deal.tabled.scope, party)
        text.append(f"Also signed, between {pair} on {deal.date}:\n")
        text.append_text(_changes(deal.tabled))
    text.rstrip()
    return text


def _source(source: str) -> str:
    return f" [{source}]" if source else ""


def _refusal(scenario: Scenario, r: Refusal, party: str, shown: set[EventNote]) -> Text:
    who = _names(scenario, [r.party], party)
    offer = r.offer
    text = Text().append(f"{r.date}  ", style="bold")
    tabled = f"the package {scenario.party(offer.proposer).name} tabled on {offer.date}"
    if r.kind == "blocked":
        # The chapter describes opposition at home, not votes.
        text.append(f"{who}: its groups at home would not back {tabled}.\n")
    else:
        text.append(f"{who} rejected {tabled}")
        text.append(", to counter with its own.\n" if r.countered else ".\n")
        if r.held_out:
            text.append("  It could have accepted it: it held out for more.\n", style="italic")
        elif r.could_accept:
            text.append("  It could have accepted it.\n", style="italic")
    for reason in r.reasons:
        text.append(f"  - {reason.text}{_source(reason.source)}\n")
    if r.against and not r.could_accept:
        text.append("  What weighed most against it: ", style="dim")
        text.append("; ".join(_constraint_short(c) for c in r.against[:2]) + "\n", style="dim")
    fresh = [e for e in r.events if e not in shown]
    shown.update(fresh)
    for e in fresh:
        text.append(f"  Just before, {e.date}: {e.title}{_source(e.source)}\n")
    return text


def why(scenario: Scenario, report: Debrief, party: str) -> Text | None:
    """For a failed deal: who refused a trilateral package, when and why, and what happened
    just before: each country's last refusal in full, its earlier ones by date; for a signed
    partnership that lapsed, who walked away, when and why (None when a trilateral agreement
    held)."""
    if report.lapse is not None:
        return _lapse(scenario, report.lapse, party)
    if report.deal is not None:
        return None
    text = Text().append("Why there is no deal\n", style="bold underline")
    unpassed = unpassable(report)
    if not report.refusals:
        if report.package is None or len(report.package.tabled.scope) < len(scenario.party_ids):
            text.append(f"No {deal_kind(scenario)} package was ever put on the table")
            text.append(f", and none could have passed {unpassed}.\n" if unpassed else ".\n")
            unpassed = ""
        else:
            text.append(
                "Nobody refused the package at the table, but not everyone in it accepted it "
                "before the deadline (see above).\n"
            )
    last = {r.party: r for r in report.refusals}
    shown: set[EventNote] = set()
    for r in sorted(last.values(), key=report.refusals.index):
        text.append_text(_refusal(scenario, r, party, shown))
        earlier = [x.date for x in report.refusals if x.party == r.party and x is not r]
        if earlier:
            text.append(f"  It had refused before on {', '.join(earlier)}.\n", style="dim")
    if unpassed:
        text.append(f"No package could have passed {unpassed}.\n")
    if report.empty_zone is not None and report.package is not None:
        # What bound hardest is shown against the package on the table: what left no package
        # at all is said here.
        for line in report.empty_zone.reasons:
            text.append_text(_empty_reason(scenario, line, party))
    text.rstrip()
    return text


def _lapse(scenario: Scenario, lapse: Lapse, party: str) -> Text:
    """Who walked away from the signed partnership, when, why, and what came just before."""
    text = Text().append("Why the partnership lapsed\n", style="bold underline")
    text.append(f"{lapse.date}  ", style="bold")
    text.append(f"{lapse.text}{_source(lapse.source)}\n")
    for reason in lapse.reasons:
        text.append(f"  - {reason}\n")
    for e in lapse.events:
        text.append(f"  Just before, {e.date}: {e.title}{_source(e.source)}\n")
    text.rstrip()
    return text


def _empty_reason(scenario: Scenario, reason: Reason, party: str) -> Text:
    """A line of what left no package, the player's own marked."""
    words, name = reason.text, scenario.party(party).name
    if reason.party == party and words.startswith(f"{possessive(name)} "):
        words = "Your " + words.removeprefix(f"{possessive(name)} ")
    elif reason.party == party:
        words = words.replace(name, f"{name} (you)", 1)
    return Text(f"- {words}{_source(reason.source)}\n")


def _constraint_short(c: Constraint) -> str:
    sign = "+" if c.kind == "attention" else "-"
    blocks = ", blocks the deal" if c.blocks else ""
    return f"{c.label} ({sign}{c.points:.1f}{blocks}){_source(c.source)}"


def _reason(scenario: Scenario, c: Constraint) -> str:
    """The stated reason, in the chapter's words, of the group a constraint names ("" when it
    names none, or the chapter states none)."""
    if c.kind != "domestic":
        return ""
    name = c.label.removeprefix("At home: ")
    group = next((g for g in scenario.domestic_groups if g.name == name), None)
    if group is None or not group.reason:
        return ""
    return " ".join(group.reason.split()) + f" [{group.reason_source or group.source}]"


def _constraint_line(scenario: Scenario, c: Constraint) -> Text:
    text = Text().append(c.label, style="bold")
    if c.blocks:
        text.append(" (blocks the deal)", style="bold red")
    if c.kind == "attention":
        text.append(f": asks {c.points:.1f} points above the reservation value")
    else:
        text.append(f": -{c.points:.1f} points")
    if c.detail:
        text.append(f"; {c.detail}")
    text.append(_source(c.source) or " (a design choice of the scenario)", style="dim")
    reason = _reason(scenario, c)
    if reason:
        text.append("\n   Their stated reason: ", style="italic").append(reason)
    return text


def constraints(scenario: Scenario, report: Debrief, party: str) -> Text:
    """The constraints that bound you hardest against the package, then the others' worst."""
    final = report.package
    text = Text().append("What bound you hardest", style="bold underline")
    if final is None:
        empty = report.empty_zone
        if empty is None:
            return text.append("\nNothing was tabled, so nothing bound.")
        if not empty.reasons:
            return text.append(f"\nNothing was tabled; {report.empty_at}, {empty.summary}.")
        every = every_country(scenario)
        text.append(f"\nNothing was tabled. What left no package {every} would accept and ")
        text.append(f"back at home {report.empty_at}:\n")
        for line in empty.reasons:
            text.append_text(_empty_reason(scenario, line, party))
        text.rstrip()
        return text
    against = "the package signed" if final.fate == "signed" else "that package"
    text.append(f" (against {against}, as the game ended)\n", style="dim")
    mine = report.parties[party].constraints
    if not mine:
        text.append("Nothing in it cost you points.\n")
    for n, c in enumerate(mine, 1):
        text.append(f"{n}. ").append_text(_constraint_line(scenario, c)).append("\n")
    for other, p in report.parties.items():
        if other != party and p.constraints:
            text.append(f"For {scenario.party(other).name}: ", style="bold")
            worst = p.constraints[0]
            text.append(_constraint_short(worst) + "\n")
            reason = _reason(scenario, worst)
            if reason:
                text.append("   Their stated reason: ", style="italic").append(reason + "\n")
    text.rstrip()
    return text
