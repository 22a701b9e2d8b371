"""Shared fixtures and the hypothesis profile for the whole suite."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import settings

from game.core.engine.moves import Accept, Pass, Propose
from game.core.engine.state import Seat
from game.core.game import Game
from game.core.scenario.loader import ScenarioFile, find_scenario, load_scenario
from game.core.scenario.model import Scenario

# Shared, noisy machines: no per-example deadline; a fixed database-free profile under CI.
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")

ROOT = Path(__file__).resolve().parents[1]
WITHOUT_CAUSES = frozenset({"leader_change", "visa_2009", "domestic_opposition"})
"""spp-2005 without the three causes the chapter blames: the leader changes, Canada's visa on
Mexicans and domestic opposition (where deals come within reach and hold)."""
DATA = ROOT / "tests" / "data"
HUMANS: dict[str, Seat] = {"AA": "human", "BB": "human", "CC": "human"}
"""People at every seat of the three-party test scenario, tests/data/good/engine.yaml."""


@pytest.fixture(scope="session")
def minimal() -> Scenario:
    """The tiny two-party scenario in tests/data/good."""
    return load_scenario(DATA / "good" / "minimal.yaml")


@functools.cache
def minimal_with_a_deal() -> Scenario:
    """The minimal scenario with its hawks indifferent to open borders: its one package besides
    the status quo (the border kept, the borders opened) is then worth exactly what each party
    needs, a zone of one package that a point less attention closes (the zone leaves out the
    status quo, which no one can table)."""
    data = yaml.safe_load((DATA / "good" / "minimal.yaml").read_text("utf-8"))
    hawks = next(g for g in data["domestic_groups"] if g["id"] == "aa_hawks")
    hawks["stances"] = []
    return Scenario.model_validate(data)


@functools.cache
def spp_file() -> ScenarioFile:
    """The built-in SPP 2005 scenario as read from its file, read once per test run (it is
    frozen, and sharing one object lets the engine's caches serve every test)."""
    return find_scenario("spp-2005")


@pytest.fixture(scope="session")
def spp() -> Scenario:
    """The built-in SPP 2005 scenario."""
    return load_scenario(ROOT / "scenarios" / "spp-2005.yaml")


FAILS_AT_HOME_IN_MEXICO = (0, 0, 1, 3, 0, 2, 0, 0, 0)
"""An spp-2005 package every country may accept at the start, but Mexico's groups at home vote
down (Nationalistic and leftist groups)."""


def blocked_game() -> Game:
    """People at every seat: the United States tables a package, Mexico and Canada accept it,
    Mexico's groups at home vote it down; then everyone passes to the deadline."""
    game = Game.new(spp_file(), 1, ["US", "MX", "CA"])
    everyone = ("US", "MX", "CA")
    game.play(Propose(party="US", package=FAILS_AT_HOME_IN_MEXICO, scope=everyone))
    game.play(Accept(party="MX"))
    game.play(Accept(party="CA"))
    while not game.finished:
        game.play(Pass(party=game.to_move or ""))
    return game


REVIVED_AFTER_A_FAILED_VOTE = (
    {
        "type": "propose",
        "party": "US",
        "package": [0, 0, 0, 0, 1, 0, 1],
        "scope": ["US", "MX", "CA"],
    },
    {"type": "act", "party": "MX", "action": "confidence_building", "target": "CA"},
    {"type": "reject", "party": "MX"},
    {
        "type": "propose",
        "party": "CA",
        "package": [0, 0, 3, 0, 2, 0, 0],
        "scope": ["US", "MX", "CA"],
    },
    {
        "type": "counter",
        "party": "MX",
        "package": [0, 0, 2, 1, 2, 0, 0],
        "scope": ["US", "MX", "CA"],
    },
    {
        "type": "counter",
        "party": "CA",
        "package": [0, 0, 2, 0, 2, 0, 1],
        "scope": ["US", "MX", "CA"],
    },
    {
        "type": "counter",
        "party": "US",
        "package": [0, 1, 2, 0, 2, 0, 1],
        "scope": ["US", "MX", "CA"],
    },
    {"type": "accept", "party": "CA"},
    {"type": "act", "party": "US", "action": "confidence_building", "target": "CA"},
    {"type": "pass", "party": "US"},
    {"type": "act", "party": "MX", "action": "confidence_building", "target": "US"},
    {"type": "accept", "party": "MX"},
    {
        "type": "act",
        "party": "US",
        "action": "consult_domestic_group",
        "target": "us_security_agencies",
    },
    {"type": "accept", "party": "US"},
    {"type": "accept", "party": "MX"},
    {"type": "accept", "party": "CA"},
)
"""A student's revive-spp hot seat (seed 282592, every country at the keyboard): in round 3
(2012-07-01) Mexico and Canada accept the United States' package and its groups at home sink it
by the swing (support 49.8, needs 50.0, where the government expected 50.5); in round 4 the
United States consults its security agencies and the package is signed."""


@functools.cache
def revived_after_a_failed_vote() -> Game:
    """The student's revive-spp hot seat of `REVIVED_AFTER_A_FAILED_VOTE`, played to its end."""
    from game.core.engine.moves import load_move

    game = Game.new(find_scenario("revive-spp"), 282592, ["US", "MX", "CA"])
    for move in REVIVED_AFTER_A_FAILED_VOTE:
        game.play(load_move(move))
    assert game.finished
    return game
