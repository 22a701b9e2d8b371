"""The negotiation engine: state, moves, the rules of each move, effects, scoring; seeded, no I/O."""
