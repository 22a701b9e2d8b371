"""The pure game engine: models, loading, scoring; no UI imports, no I/O outside the loader."""
