"""Fingerprints of computer games, to check that a change meant only to be faster changes nothing.

`python -m game.fingerprint save FILE` plays computer-only games of every built-in scenario at
each difficulty, and of spp-2005 with each strategy at one seat, and writes a digest of each
game's moves, log (its wording included) and final state; `check FILE` plays them again and
names every game whose digest differs. A speed-up keeps `check` silent; a deliberate change of
behaviour shows here first, and then in the golden files of the test suite.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import get_args

from game.core.analysis.simulation import play_computer_game
from game.core.engine.state import Difficulty, State
from game.core.game import Game
from game.core.players.style import STRATEGIES
from game.core.scenario.loader import builtin_scenarios, load_scenario


def digest(state: State) -> str:
    """sha256 of a finished game: its state's record, every log line and every move."""
    h = hashlib.sha256(state.digest().encode())
    for e in state.log:
        h.update(repr((e.round, e.kind, e.party, e.text, e.reasons, e.revealed)).encode())
    for m in state.moves:
        h.update(repr(m).encode())
    return h.hexdigest()


def fingerprints(seeds: int) -> dict[str, str]:
    """The digest of each game, by a key that names it (scenario/difficulty/seed, or
    seats/strategy/seed for spp-2005 with that strategy at the U.S. seat)."""
    found: dict[str, str] = {}
    for path in builtin_scenarios():
        scenario = load_scenario(path)
        difficulty: Difficulty
        for difficulty in get_args(Difficulty):
            for seed in range(seeds):
                game = Game.new(scenario, seed, difficulty=difficulty)
                found[f"{scenario.id}/{difficulty}/{seed}"] = digest(game.state)
    spp = load_scenario(next(p for p in builtin_scenarios() if p.stem == "spp-2005"))
    for strategy in STRATEGIES:
        for seed in range(seeds):
            state = play_computer_game(spp, seed, seats={"US": strategy})
            found[f"seats/{strategy}/{seed}"] = digest(state)
    return found


def main(argv: list[str] | None = None) -> int:
    """Save or check the fingerprints; exit 1 when a check finds a difference."""
    parser = argparse.ArgumentParser(prog="python -m game.fingerprint", description=__doc__)
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--seeds", type=int, default=25, help="games per case (default 25)")
    args = parser.parse_args(argv)
    now = fingerprints(args.seeds)
    if args.action == "save":
        args.file.write_text(json.dumps(now, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(now)} games fingerprinted into {args.file}")
        return 0
    before: dict[str, str] = json.loads(args.file.read_text(encoding="utf-8"))
    changed = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    if not changed:
        print(f"identical: {len(now)} games")
        return 0
    print(f"{len(changed)} of {len(now)} games differ:")
    for key in changed:
        print(f"  {key}")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
