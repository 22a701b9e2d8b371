"""Saved games: a versioned file format, atomic writes, and loading by replaying the moves."""
