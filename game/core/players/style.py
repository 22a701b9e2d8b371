"""How a computer seat plays: the country's personality from the scenario, adjusted by difficulty.

The scenario sets each country's strategy, concession, patience and appetites (`negotiator` in
its YAML). Difficulty then changes what the counterparts know and how they concede:

- easy: they see partners through twice the haze, learn nothing from the table, concede three
  times as readily and hold firm half as long;
- normal: as the scenario says;
- hard: half the haze, they learn from every offer and reply, concede half as readily and hold
  firm longer, counting time to their own final say (see `clock`); and they do not act alone
  while they believe a trilateral deal is in sight (see `diplomacy`).

A negotiator's exact temperament is private: its concession exponent is drawn per game from
half to twice the scenario's (the forecast a person reads spans that range).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, get_args

from game.core.engine.difficulty import DIFFICULTIES, Difficulty, is_difficulty
from game.core.engine.state import State
from game.core.players.beliefs import Knowledge
from game.core.players.draws import first_draw
from game.core.scenario.model import Scenario
from game.core.scenario.parties import Personality

StrategyName = Literal[
    "boulware",
    "linear",
    "conceder",
    "tit_for_tat",
    "modeller",
    "omniscient",
    "accept_first",
    "greedy",
]
STRATEGIES: tuple[StrategyName, ...] = get_args(StrategyName)
"""Every strategy a seat can play. The first five are what scenarios choose from; omniscient
sees every partner's exact scores (for analyses, labelled as such); accept_first and greedy are
scripted players for measuring the others (the first takes the first acceptable offer, the
second always demands its maximum)."""

CONCESSION: dict[StrategyName, float] = {
    "boulware": 0.2,
    "linear": 1.0,
    "conceder": 3.0,
    "tit_for_tat": 1.0,
    "modeller": 0.5,
    "omniscient": 0.5,
    "accept_first": 10.0,
    "greedy": 0.01,
}
"""Each strategy's own concession exponent, where the scenario sets none."""

TEMPERAMENT = 2.0
"""A game's concession exponent lies between the style's divided and multiplied by this."""


@dataclass(frozen=True)
class Adjustment:
    """What a difficulty changes in a personality."""

    concession: float
    patience: float
    patience_added: float
    knowledge: Knowledge
    plays_deadline: bool = False
    """Counts time to its own final say and makes its last real offer there, and in the
    last round tables its best bet rather than the likeliest package (`clock`, `tactics`)."""
    minds_the_deal: bool = False
    """Does not act alone while it believes a trilateral deal is in sight: acting alone
    raises what it needs and costs its partner's trust, which sinks the deal (`diplomacy`)."""


ADJUSTMENTS: dict[Difficulty, Adjustment] = {
    "easy": Adjustment(3.0, 0.5, 0.0, Knowledge(haze=2.0, learns=False)),
    "normal": Adjustment(1.0, 1.0, 0.0, Knowledge(haze=1.0, learns=True)),
    "hard": Adjustment(
        0.5,
        1.0,
        0.15,
        Knowledge(haze=0.5, learns=True),
        plays_deadline=True,
        minds_the_deal=True,
    ),
}


@dataclass(frozen=True)
class Style:
    """Everything that decides how one seat negotiates in a game."""

    strategy: StrategyName
    concession: float
    """The concession exponent before the game's private draw."""
    patience: float
    unilateral: float
    bilateral: float
    knowledge: Knowledge
    difficulty: Difficulty = "normal"
    plays_deadline: bool = False
    """See `Adjustment.plays_deadline` (set by the difficulty)."""
    minds_the_deal: bool = False
    """See `Adjustment.minds_the_deal` (set by the difficulty)."""

    def exponent(self, state: State, party: str) -> float:
        """The concession exponent for this game: the style's, times a private draw between
        1/TEMPERAMENT and TEMPERAMENT (fixed by the seed)."""
        draw = first_draw(state.seed, "temperament", party) * 2 - 1
        return float(self.concession * TEMPERAMENT**draw)

    def exponent_range(self) -> tuple[float, float]:
        """The least and the most the game's exponent can be (public: the forecast uses it)."""
        return self.concession / TEMPERAMENT, self.concession * TEMPERAMENT


def style_for(
    scenario: Scenario,
    party: str,
    difficulty: Difficulty = "normal",
    strategy: StrategyName | None = None,
) -> Style:
    """How the computer plays a country: the scenario's personality (or another strategy,
    with its own concession), adjusted by the difficulty."""
    personality: Personality = scenario.party(party).negotiator
    chosen: StrategyName = strategy or personality.strategy
    own = personality.concession if strategy is None else None
    base = Style(
        strategy=chosen,
        concession=own or CONCESSION[chosen],
        patience=personality.patience,
        unilateral=personality.unilateral,
        bilateral=personality.bilateral,
        knowledge=Knowledge(),
        difficulty=difficulty,
    )
    return adjusted(base, difficulty)


SEAT_SPECS = (*DIFFICULTIES, *STRATEGIES)
"""What a seat may be set to: a difficulty (the scenario's personality at it) or a strategy."""


def seat_style(scenario: Scenario, party: str, spec: str) -> Style:
    """The style a seat spec names: a difficulty, or a strategy (at normal difficulty)."""
    if is_difficulty(spec):
        return style_for(scenario, party, spec)
    if spec in STRATEGIES:
        return style_for(scenario, party, "normal", spec)
    raise ValueError(f"{spec!r} is neither a difficulty nor a strategy")


def adjusted(style: Style, difficulty: Difficulty) -> Style:
    """A style as a difficulty changes it (scripted players and omniscience stay as they are)."""
    a = ADJUSTMENTS[difficulty]
    if style.strategy in ("accept_first", "greedy"):
        return replace(
            style,
            knowledge=Knowledge(learns=False),
            difficulty=difficulty,
            plays_deadline=a.plays_deadline,
            minds_the_deal=a.minds_the_deal,
        )
    knowledge = a.knowledge
    if style.strategy == "omniscient":
        knowledge = Knowledge(omniscient=True)
    elif style.strategy in ("boulware", "linear", "conceder"):
        # Time-dependent strategies in the strict sense: they do not model their partners.
        knowledge = replace(knowledge, learns=False)
    return replace(
        style,
        concession=style.concession * a.concession,
        patience=min(0.9, style.patience * a.patience + a.patience_added),
        knowledge=knowledge,
        difficulty=difficulty,
        plays_deadline=a.plays_deadline,
        minds_the_deal=a.minds_the_deal,
    )
