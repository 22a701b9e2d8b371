"""The negotiation engine: state, moves and their rules, effects, scoring; seeded, no I/O."""
