"""The base of every scenario model and the small field types they share."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

PartyId = Annotated[str, Field(pattern=r"^[A-Z]{2,3}$", examples=["US", "MX", "CA"])]
"""A party's short code: two or three capital letters."""

Slug = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
"""An identifier: lower case letters, digits and underscores, starting with a letter."""

Share = Annotated[float, Field(ge=0.0, le=1.0)]
"""A fraction between 0 and 1."""

Percent = Annotated[float, Field(ge=0.0, le=100.0)]
"""A number between 0 and 100."""

Source = Annotated[str, Field(min_length=1, examples=["B) Threats", "Policies B) US-MX"])]
"""Where a fact comes from: the chapter section it rests on (e.g. "B) Threats")."""


class Model(BaseModel):
    """Base of every scenario model: frozen, unknown keys rejected, docstrings as descriptions."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)
