"""How a game ended, in the chapter's terms, and what it was worth to each party."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from game.core.analysis.option_effect import option_effect
from game.core.engine.state import State
from game.core.engine.wording import a_deal_kind, counted, deal_kind, every_country
from game.core.scenario.index import index
from game.core.scenario.model import Scenario
from game.core.scenario.packages import Package

Outcome = Literal[
    "security_arrangement", "prosperity_only", "lapsed", "dual_bilateralism", "breakdown"
]
OUTCOMES: tuple[Outcome, ...] = (
    "security_arrangement",
    "prosperity_only",
    "lapsed",
    "dual_bilateralism",
    "breakdown",
)

# "Security community" keeps the chapter's meaning (identity and trust between two countries,
# [Fragmented Region]); no outcome is called that.


def outcome_text(scenario: Scenario, outcome: Outcome, deal: Package | None = None) -> str:
    """The outcome in a sentence, for the end screen and the debrief: the scenario's own
    wording (its `outcomes.text`, which may say what actually happened), else the game's, which
    names no history and counts the parties, so that a two-party game never reads
    "trilateral". Given the `deal` signed, a prosperity-only partnership that moves some
    security issues says how many, against how many the scenario asks."""
    own = getattr(scenario.outcomes.text, outcome)
    if own:
        return " ".join(own.split())
    kind, two = deal_kind(scenario), len(scenario.party_ids) == 2
    if outcome == "security_arrangement":
        every = every_country(scenario)
        held = " and still in force at the deadline" if scenario.outcomes.lapses else ""
        return f"{a_deal_kind(scenario)} security arrangement, supported at home in {every}{held}"
    if outcome == "prosperity_only":
        moved = security_changes(scenario, deal) if deal is not None else 0
        if moved:
            asked = scenario.outcomes.security_arrangement_min
            have = security_issues(scenario)
            short = f" (its agenda has only {have})" if have < asked else ""
            return (
                f"a prosperity-only partnership: {a_deal_kind(scenario)} deal that moves "
                f"{counted(moved, 'security issue')}, fewer than the {asked} the scenario asks "
                f"of a security arrangement{short}"
            )
        return (
            f"a prosperity-only partnership: {a_deal_kind(scenario)} deal that leaves security "
            "practically out"
        )
    if outcome == "lapsed":
        return "a partnership signed and then left to lapse before the deadline"
    if outcome == "dual_bilateralism":
        if two:
            return "no agreement: the two countries keep the status quo"
        # Pastor's "dual-bilateralism" names the region's two bilateral relationships, each with
        # Washington [Fragmented Region; Policies C) MX-CA]: a word for three parties only.
        dual = " (dual-bilateralism)" if len(scenario.party_ids) == 3 else ""
        return f"no {kind} deal: cooperation stays bilateral{dual}"
    if two:
        return "no agreement, and the relationship has broken down into mistrust"
    return f"no {kind} deal, and a relationship has broken down into mistrust"


def fitted_name(scenario: Scenario, outcome: Outcome, names: Mapping[Outcome, str]) -> str:
    """An outcome's name from a table of names (a paragraph's words, a table cell's label),
    fitted to the scenario's parties: a game without a deal is "dual-bilateralism" only at a
    table of three (the region's two bilateral tracks with Washington); with two parties it is
    no agreement, and with more, no deal among them all."""
    if outcome == "dual_bilateralism" and len(scenario.party_ids) != 3:
        if len(scenario.party_ids) == 2:
            return "no agreement"
        return f"no {deal_kind(scenario)} deal"
    return names[outcome]


LABELS: dict[Outcome, str] = {o: o.replace("_", " ") for o in OUTCOMES}
"""Each outcome's name in a table of outcomes."""


def outcome_label(scenario: Scenario, outcome: Outcome) -> str:
    """The outcome in a word or two, for a table of outcomes (`simulate`): its name, fitted to
    the scenario's parties as everywhere else (`fitted_name`)."""
    return fitted_name(scenario, outcome, LABELS)


def security_issues(scenario: Scenario) -> int:
    """How many issues of the agenda are on the security pillar."""
    return sum(1 for issue in scenario.issues if issue.pillar == "security")


def security_changes(scenario: Scenario, package: Package) -> int:
    """How many security-pillar issues a package moves off the status quo: those where it
    chooses an option that does something the status quo does not (an option the same in
    effect, the status quo under another name, moves nothing)."""
    status_quo = index(scenario).status_quo
    return sum(
        1
        for issue, chosen, sq in zip(scenario.issues, package, status_quo, strict=True)
        if issue.pillar == "security"
        and chosen != sq
        and option_effect(scenario, issue, issue.options[chosen])
        != option_effect(scenario, issue, issue.options[sq])
    )


def classify(state: State) -> Outcome:
    """The outcome by the scenario's rule (its `outcomes` block)."""
    rules = state.scenario.outcomes
    deal = state.trilateral
    if deal is not None:
        if state.lapsed is not None:
            return "lapsed"
        if security_changes(state.scenario, deal.package) >= rules.security_arrangement_min:
            return "security_arrangement"
        return "prosperity_only"
    if min(state.conditions.trust) < rules.breakdown_trust_below:
        return "breakdown"
    return "dual_bilateralism"


@dataclass(frozen=True)
class PartyResult:
    """What the end of the game is worth to a party, against its reservation value."""

    party: str
    score: float
    reservation: float

    @property
    def gain(self) -> float:
        """Score above (or below) the reservation value."""
        return self.score - self.reservation


def results(state: State) -> dict[str, PartyResult]:
    """Each party's result at the end: the trilateral deal's value or, without one (or once it
    has lapsed), its reservation value (the status quo of dual-bilateralism, with any bilateral
    gains)."""
    scores = state.scorer
    deal = state.trilateral if state.lapsed is None else None
    return {
        p: PartyResult(
            p,
            scores.total(p, deal.package) if deal else scores.reservation(p),
            scores.reservation(p),
        )
        for p in state.scenario.party_ids
    }
