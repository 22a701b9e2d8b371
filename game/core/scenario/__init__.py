"""A scenario: its pydantic models, the safe YAML loader with positions, and cross-reference checks."""
