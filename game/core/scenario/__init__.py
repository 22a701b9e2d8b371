"""A scenario: its pydantic models, the safe YAML loader with positions, cross-reference checks."""
