"""The agenda: issues and the options that settle them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from game.core.scenario.base import Model, PartyId, Points, Share, ShortName, Slug, Source


class Analogue(Model):
    """The real instrument or proposal an option is modelled on."""

    name: str
    """Name of the instrument or proposal (e.g. "Mérida Initiative, 2007-2010")."""

    source: Source
    """Chapter section that describes it."""


class Option(Model):
    """One way to settle an issue; a package picks one option per issue."""

    id: Slug
    """Identifier, unique within its issue; referred to elsewhere as ISSUE.OPTION."""

    label: str
    """Short name shown on the agenda."""

    description: str = ""
    """What the option commits the parties to."""

    status_quo: bool = False
    """True for the option that keeps things as they are; each issue has exactly one, and an
    issue left out of a package stays at it."""

    addresses: dict[Slug, Share] = {}
    """How much the option addresses each threat, by threat id, from 0 to 1."""

    binds: list[PartyId] = []
    """The parties the option commits; empty means every party (trilateral). Only the parties it
    binds gain from it, pay for it, or react to its tags."""

    cost: dict[PartyId, Points] = {}
    """What the option costs each party it binds, in value points from 0 to 1000."""

    tags: list[Slug] = []
    """Tags that principles and domestic groups react to (ids from the scenario's tag list)."""

    analogue: Analogue | None = None
    """The historical instrument or proposal the option is modelled on."""

    inferred: bool = False
    """True when the option itself is the scenario author's design (not in the chapter)."""

    source: Source
    """Chapter section the option and its numbers rest on."""


class Issue(Model):
    """An item on the agenda (border management, intelligence sharing...)."""

    id: Slug
    """Identifier used by packages and stances."""

    name: str
    """Name shown on the agenda."""

    short: ShortName = ""
    """A short name for narrow screens, at most 12 columns wide (a Chinese, Japanese or Korean
    character or an emoji takes two); the name is used when empty."""

    pillar: Literal["security", "prosperity"] = "security"
    """Which pillar the issue belongs to; the outcome counts changes on security issues."""

    description: str = ""
    """What is at stake."""

    source: Source
    """Chapter section."""

    options: list[Option] = Field(min_length=2)
    """The ways to settle the issue, one of them the status quo."""
