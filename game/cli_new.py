"""`new ID [--from SCENARIO]`: a starting scenario that validates, commented field by field, or
a copy of an existing one under a new id, for an instructor to edit."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from game.exit_codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

TEMPLATE = """\
# yaml-language-server: $schema=./scenario.schema.json
# A starting scenario written by `python main.py new {id}`. It validates and plays as it is:
# change it a part at a time and run `python main.py validate {id}` after each change, then
# `python main.py analyze {id}` to balance it. scenarios/AUTHORING.md explains every field.
# Text may be in any language; the game's own words stay in English.
format_version: 1
id: {id}                        # lowercase ASCII letters, digits and -; `play {id}` finds it
title: {title}
summary: >-
  One paragraph the New game screen shows: who negotiates what, and when.
reference: The work this scenario is built from (author, title).
source_noun: the source         # how game text names that work ("in the source's words")
history: >-
  What actually happened, shown at the end of a game (cite the sections you rely on).
start: 2005-01-01               # dates are YYYY-MM-DD
deadline: 2006-12-31

tags:                           # what options are, for principles and groups to react to
  joint_patrols: foreign officers patrol on national soil

threats:                        # what the parties fear; options address them (0-1 each)
  - id: crime
    name: Organized crime
    kind: soft                  # hard or soft
    source: "Section of your source"

parties:                        # two to eight; ids are 2-3 capital letters
  - id: AA
    name: Alphaland
    briefing: What Alphaland wants and fears, in a few sentences.
    priorities:                 # 0-100: how much the party fears each threat
      crime: {{weight: 80, source: "Section"}}
    ratification_threshold: 50  # 0-100: weighted approval at home a deal needs
    attention: 100              # 0-100: below 100 the leader asks a premium to bother
    reservation: {{description: What Alphaland has without a deal., source: "Section"}}
  - id: BB
    name: Betaland
    briefing: What Betaland wants and fears.
    priorities:
      crime: {{weight: 60, source: "Section"}}
    ratification_threshold: 50
    reservation: {{description: What Betaland has without a deal., source: "Section"}}

issues:                         # each with exactly one status_quo option
  - id: border
    name: Border
    short: Border               # at most 12 characters, for narrow screens
    source: "Section"
    options:
      - {{id: apart, label: Each country polices its side, status_quo: true, source: "Section"}}
      - id: patrols
        label: Joint patrols
        addresses: {{crime: 0.6}}  # 0-1: how much of the threat the option addresses
        cost: {{AA: 2, BB: 2}}     # value points each bound party pays (0-1000)
        tags: [joint_patrols]
        source: "Section"
      - id: intelligence
        label: Shared intelligence on crime
        addresses: {{crime: 0.3}}
        source: "Section"

principles:                     # a penalty (points per option) and/or a red line
  - id: sovereignty
    party: BB
    name: Sovereignty
    tags: [joint_patrols]
    penalty: 4
    source: "Section"

domestic_groups:                # every party needs one; approval 0-100; stances -100..100
  - id: aa_public
    party: AA
    name: Public opinion
    weight: 1
    approval: 60
    source: "Section"
  - id: bb_nationalists
    party: BB
    name: Nationalists
    reason: Why they object, in their own stated words (with its section).
    weight: 1
    approval: 60
    stances:
      - {{tag: joint_patrols, delta: -20, source: "Section"}}
    source: "Section"

dyads:                          # every pair; trust 0-100, stage 0-3 (levels of transformation)
  - {{parties: [AA, BB], trust: 50, source: "Section"}}

rounds:                         # in date order, the last on or before the deadline
  - {{date: 2005-03-01, name: First round}}
  - {{date: 2005-09-01, name: Second round}}
  - {{date: 2006-03-01, name: Third round}}

events:                         # dated between start and the last round
  - id: scandal
    date: 2005-06-01
    title: A border scandal
    text: A smuggling case strains relations.
    cause: scandal              # `--without scandal` plays the world without it
    effects:
      - {{kind: trust, dyad: [AA, BB], delta: -5}}
    source: "Section"

actions:                        # one a round before its move at the table, if the player wishes
  - id: build_trust
    name: Confidence-building measure
    kind: confidence_building
    effects:
      - {{kind: trust, delta: 3}}
    source: "Section"

outcomes:                       # how a game's end is named (scenarios/AUTHORING.md, Outcome)
  security_arrangement_min: 1   # security issues a deal must move to be a security arrangement
"""


def cmd_new(scenario_id: str, template: str | None, output: str | None) -> int:
    """Write the starting scenario (or a copy of `template` under the new id) and its schema
    beside it; refuse to overwrite a file."""
    from game.cli import schema_text
    from game.core.scenario.errors import LoadError
    from game.core.scenario.loader import find_scenario, load_scenario

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", scenario_id):
        print(
            f"error: new {scenario_id!r}: an id is lowercase ASCII letters, digits and -, "
            "e.g. revive-spp-2012",
            file=sys.stderr,
        )
        return EXIT_USAGE
    path = Path(output) if output else Path("scenarios") / f"{scenario_id}.yaml"
    if path.exists():
        print(_exists_line(path), file=sys.stderr)
        return EXIT_PROBLEMS
    if template is None:
        text = TEMPLATE.format(id=scenario_id, title=scenario_id.replace("-", " ").capitalize())
    else:
        source = find_scenario(template)
        text = source.path.read_text(encoding="utf-8")
        old = source.scenario.id
        # Only the id line changes: every comment and section pointer of the original stays.
        text, changed = re.subn(
            rf"^id:\s*['\"]?{re.escape(old)}['\"]?", f"id: {scenario_id}", text, count=1, flags=re.M
        )
        if not changed:
            print(f"{source.path}: error: no top-level `id: {old}` line to change", file=sys.stderr)
            return EXIT_PROBLEMS
    try:
        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        _create(path, text)
    except FileExistsError:  # written since the check above
        print(_exists_line(path), file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as err:  # e.g. a file where the folder should be
        print(f"{path}: error: cannot write the scenario: {err.strerror or err}", file=sys.stderr)
        return EXIT_PROBLEMS
    schema = path.parent / "scenario.schema.json"
    try:
        if not schema.exists():
            _create(schema, schema_text())
    except FileExistsError:
        pass  # written since the check: the same schema
    except OSError as err:
        print(f"{schema}: error: cannot write the schema: {err.strerror or err}", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        load_scenario(path)
    except LoadError as err:  # a template that does not validate is our bug: say so
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote {path}; check it with: python main.py validate {path}")
    return EXIT_OK


def _exists_line(path: Path) -> str:
    """The refusal to write over a file."""
    return f"{path}: error: the file exists already; choose another id or -o FILE"


def _create(path: Path, text: str) -> None:
    """Write a new file: FileExistsError if there is one (never written over, even one made
    a moment ago), OSError if it cannot be written (what was written of it is removed)."""
    handle = path.open("x", encoding="utf-8")
    try:
        with handle:  # closing writes the rest, and may fail too
            handle.write(text)
    except OSError:
        path.unlink(missing_ok=True)
        raise
