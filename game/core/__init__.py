"""The pure game engine: models, loading, scoring. No UI imports, no I/O outside loader and saves."""
