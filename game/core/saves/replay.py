"""Loading a save: find its scenario, check the header, replay every move, check the digest."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from game.core.engine.mechanism import start, step
from game.core.engine.moves import Act, IllegalMove, Move, move_union
from game.core.engine.state import State
from game.core.engine.wording import joined, possessive
from game.core.saves import legacy
from game.core.saves.format import SavedDraft, SaveFile, problem_at, read_save
from game.core.saves.store import humans_of
from game.core.scenario.errors import FileProblem, LoadError
from game.core.scenario.loader import (
    ScenarioFile,
    builtin_scenarios,
    files_of,
    open_scenario,
)
from game.core.scenario.model import Scenario
from game.core.scenario.problems import PathPart, did_you_mean
from game.core.scenario.validation import validate
from game.core.scenario.yamlsafe import MAX_BYTES, Document


@dataclass(frozen=True)
class LoadedGame:
    """A save file read, checked and replayed to the state it was saved in."""

    state: State
    path: Path
    source: ScenarioFile
    """The scenario file the game was replayed on (the saved path, or where it was found)."""
    started: dt.datetime | None = None
    """When the game was started, if the save says."""
    note: str | None = None
    """A line to show as `FILE: note: ...` whoever opens the game, or None: the scenario file
    changed since the save, though every move replays to the saved game (so it goes on with the
    file as it is)."""
    draft: SavedDraft | None = None
    """The draft at the table when the game was saved, checked against the scenario."""


def load_game(path: Path | str) -> LoadedGame:
    """Read a save, find its scenario, replay every move and check the result.

    The scenario is looked for at the saved `scenario_file`, then beside the save, then by its
    id (built-in or ./scenarios); the first whose bytes match `scenario_digest` is used. When
    none does (the file was edited: a comment, a typo, a rule), the files found are tried in
    that order, and the game loads on the first on which every move replays to the saved digest
    (with a note saying so); if none gives the saved game, the save is refused at
    `scenario_digest` with the first place the replay departs. Every problem is raised as a
    LoadError positioned in the save file.
    """
    doc, save = read_save(path)
    try:
        return _load(doc, save, Path(path))
    except LoadError as err:
        if save.format_version == 1:
            raise LoadError([legacy.in_old_names(p) for p in err.problems]) from None
        raise


def _load(doc: Document, save: SaveFile, path: Path) -> LoadedGame:
    file = str(path)
    found = _candidates(save, path)
    exact = next((c for c, digest in found if digest == save.scenario_digest), None)
    if exact is not None:
        source = open_scenario(exact)
        state = _replay_on(doc, file, save, source)
        _check_reached(doc, file, save, state)
        _check_draft(doc, file, save, state)
        return LoadedGame(state, path, source, save.started_at, draft=save.draft)
    if not found:
        raise LoadError(
            [
                problem_at(
                    doc,
                    file,
                    ("scenario_file",),
                    f"cannot find the scenario: no file {save.scenario_file!r} and no scenario "
                    f"with id {save.scenario!r}; put the scenario file beside the save",
                )
            ]
        )
    # The scenario file changed since the save. Its digest only says that some byte did: the
    # game goes on if the moves still replay to the saved game on it (a comment or a reworded
    # text changes no move, condition, score or outcome), and is refused if they do not.
    refusal: LoadError | None = None
    for candidate, _ in found:
        try:
            source = open_scenario(candidate)
            state = _replay_on(doc, file, save, source)
        except LoadError as err:
            refusal = refusal or _departed(doc, file, candidate, err)
            continue
        _check_reached(doc, file, save, state)
        _check_draft(doc, file, save, state)
        note = (
            f"the scenario file {candidate} has changed since this game was saved; every "
            "move replays to the same game on it, so the game goes on with the file as it is now"
        )
        return LoadedGame(state, path, source, save.started_at, note, save.draft)
    assert refusal is not None
    raise refusal


def _replay_on(doc: Document, file: str, save: SaveFile, source: ScenarioFile) -> State:
    """The saved game replayed on this scenario file, checked against the saved digest."""
    scenario = source.scenario
    if scenario.id != save.scenario:
        raise LoadError(
            [
                problem_at(
                    doc,
                    file,
                    ("scenario",),
                    f"the scenario file {source.path} holds scenario {scenario.id!r}, "
                    f"not {save.scenario!r}",
                )
            ]
        )
    _check_header(doc, file, save, scenario)
    state = _replay(doc, file, save, scenario)
    digest = legacy.digest(state) if save.format_version == 1 else state.digest()
    if digest != save.digest:
        raise LoadError(
            [
                problem_at(
                    doc,
                    file,
                    ("digest",),
                    "replaying the moves does not give the saved game: the file was edited, "
                    "or saved by a version of Perimeter whose rules differ",
                )
            ]
        )
    return state


def _check_reached(doc: Document, file: str, save: SaveFile, state: State) -> None:
    """The header's round, date and end (what the list of saves shows) against the replay."""
    problems = []
    if save.round != state.round + 1:
        problems.append(
            problem_at(
                doc, file, ("round",), f"the moves reach round {state.round + 1}, not {save.round}"
            )
        )
    if save.date.isoformat() != state.date:
        problems.append(
            problem_at(doc, file, ("date",), f"the moves reach {state.date}, not {save.date}")
        )
    # Saves written before `finished` existed leave it out, which claims nothing.
    said = isinstance(doc.data, dict) and "finished" in doc.data
    if said and save.finished != state.finished:
        message = (
            f"the moves leave the game in progress at round {state.round + 1}, not finished"
            if save.finished
            else "the moves end the game, so it is finished: write true"
        )
        problems.append(problem_at(doc, file, ("finished",), message))
    if problems:
        raise LoadError(problems)


def _candidates(save: SaveFile, path: Path) -> list[tuple[Path, str]]:
    """Each scenario file where the save may find its scenario, in the order tried, with the
    digest of its bytes (files that cannot be read are left out)."""
    given = Path(save.scenario_file)
    candidates = [given]
    if not given.is_absolute():
        candidates.append(path.parent / given)
    candidates.append(path.parent / given.name)
    candidates.extend(files_of(save.scenario))  # every file of its id: the digest tells
    found: dict[str, tuple[Path, str]] = {}
    for candidate in candidates:
        digest = _file_digest(candidate)
        if digest is not None:
            found.setdefault(os.path.abspath(candidate), (candidate, digest))
    return list(found.values())


def _departed(doc: Document, file: str, scenario_file: Path, err: LoadError) -> LoadError:
    """The refusal of a save whose moves no longer give its game on the changed scenario file,
    with the first place the replay departs."""
    first = err.problems[0]
    if first.file != file:
        return err  # the scenario file itself has problems: they are its author's to fix
    if first.path == "digest":
        where = (
            "every move still replays, but to another game than the one saved (its "
            "conditions, scores or outcomes differ)"
        )
    else:
        where = f"the replay departs at {first.path} (line {first.line}): {first.message}"
    more = len(err.problems) - 1
    if more:
        where += f" (and {more} more {'problem' if more == 1 else 'problems'})"
    remedy = (
        "it is a built-in scenario, updated since: to continue this game, put the scenario file "
        "of the Perimeter version it was saved with beside the save, or start a new game"
        if _is_builtin(scenario_file)
        else "to continue this game, restore the scenario file as it was, or put a copy of it "
        "as it was beside the save"
    )
    message = (
        f"the scenario's rules have changed since this game was saved ({scenario_file}): "
        f"on the file as it is now, {where}; {remedy}"
    )
    return LoadError([problem_at(doc, file, ("scenario_digest",), message)])


def _is_builtin(path: Path) -> bool:
    """Whether the file is one of the scenarios shipped with the game."""
    try:
        return any(os.path.samefile(path, b) for b in builtin_scenarios())
    except (OSError, ValueError):
        return False


def _file_digest(path: Path) -> str | None:
    """sha256 of a regular file no larger than a scenario may be, or None."""
    try:
        if not path.is_file():
            return None
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except (OSError, ValueError):  # ValueError: a path with a NUL character
        return None
    return hashlib.sha256(raw).hexdigest() if len(raw) <= MAX_BYTES else None


def _check_header(doc: Document, file: str, save: SaveFile, scenario: Scenario) -> None:
    """Seats and switched-off causes against the scenario, every problem at once."""
    parties = scenario.party_ids
    problems = []
    for party in save.seats:
        if party not in parties:
            problems.append(
                problem_at(
                    doc,
                    file,
                    ("seats", party),
                    f"unknown party {party!r}; {did_you_mean(party, parties)}",
                )
            )
    missing = [p for p in parties if p not in save.seats]
    if missing:
        problems.append(
            problem_at(
                doc,
                file,
                ("seats",),
                f"every party needs a seat; missing {', '.join(missing)}",
            )
        )
    for i, cause in enumerate(save.disabled_causes):
        if cause not in scenario.causes:
            problems.append(
                problem_at(
                    doc,
                    file,
                    ("disabled_causes", i),
                    f"no event has the cause {cause!r}; {did_you_mean(cause, scenario.causes)}",
                )
            )
    if problems:
        raise LoadError(problems)


ENGINE_ERRORS = (IllegalMove, LookupError, ValueError, TypeError, ArithmeticError, AssertionError)
"""What the engine may raise on a hand-edited move it was never meant to see (in a save, or in
a class game's file)."""


def _replay(doc: Document, file: str, save: SaveFile, scenario: Scenario) -> State:
    """The state after every saved move, or a LoadError at the first move that fails."""
    try:
        state = start(
            scenario,
            save.seed,
            dict(save.seats),
            frozenset(save.disabled_causes),
            save.difficulty,
        )
    except ENGINE_ERRORS as err:
        raise LoadError(
            [problem_at(doc, file, ("seats",), f"cannot start the game: {err}")]
        ) from None
    moves = _read_moves(doc, file, save, scenario)
    for n, move in enumerate(moves):
        try:
            state = step(state, move)
        except IllegalMove as err:
            raise LoadError(
                [problem_at(doc, file, ("moves", n), f"not a legal move ({_where(state)}): {err}")]
            ) from None
        except ENGINE_ERRORS as err:
            raise LoadError(
                [
                    problem_at(
                        doc,
                        file,
                        ("moves", n),
                        f"the move cannot be replayed ({_where(state)}): "
                        f"{type(err).__name__}: {err}",
                    )
                ]
            ) from None
    return state


def _read_moves(doc: Document, file: str, save: SaveFile, scenario: Scenario) -> list[Move]:
    """Every saved move as the engine's move, or a LoadError with the problems of all of them."""
    moves: list[Move] = []
    problems: list[FileProblem] = []
    for n in range(len(save.moves)):
        try:
            move: Move = validate(doc, move_union(), file, at=("moves", n))
        except LoadError as err:
            problems += err.problems
            continue
        problems += _move_problems(doc, file, n, move, scenario)
        moves.append(move)
    if problems:
        raise LoadError(problems)
    return moves


def _where(state: State) -> str:
    if state.finished:
        return "after the end of the game"
    return f"round {state.round + 1}, {state.date}, {state.to_move} to move"


def _move_problems(
    doc: Document, file: str, n: int, move: Move, scenario: Scenario
) -> list[FileProblem]:
    """Names and indexes in a move that the scenario does not know."""
    parties = scenario.party_ids
    at: tuple[PathPart, ...] = ("moves", n)
    problems = []

    def unknown_party(party: str, where: tuple[PathPart, ...]) -> None:
        if party not in parties:
            message = f"unknown party {party!r}; {did_you_mean(party, parties)}"
            problems.append(problem_at(doc, file, (*at, *where), message))

    unknown_party(move.party, ("party",))
    package = getattr(move, "package", None)
    scope = getattr(move, "scope", None)
    if isinstance(scope, tuple):
        for i, party in enumerate(scope):
            unknown_party(party, ("scope", i))
    if isinstance(package, tuple):
        problems += _package_problems(doc, file, (*at, "package"), package, scenario)
    if isinstance(move, Act):
        problems += _act_problems(doc, file, n, move, scenario)
    return problems


def _package_problems(
    doc: Document, file: str, at: tuple[PathPart, ...], package: Sequence[int], scenario: Scenario
) -> list[FileProblem]:
    """A package's length and option indexes against the scenario's agenda."""
    issues = scenario.issues
    problems = []
    if len(package) != len(issues):
        problems.append(
            problem_at(
                doc,
                file,
                at,
                f"the package must choose an option for each of the {len(issues)} issues; "
                f"it has {len(package)}",
            )
        )
    for i, (issue, k) in enumerate(zip(issues, package, strict=False)):
        if k >= len(issue.options):
            problems.append(
                problem_at(
                    doc,
                    file,
                    (*at, i),
                    f"issue {issue.id!r} has options 0 to {len(issue.options) - 1}; got {k}",
                )
            )
    return problems


def _check_draft(doc: Document, file: str, save: SaveFile, state: State) -> None:
    """The saved draft, if any, must be a human seat's, fit the agenda and bind the country
    with everyone or with one partner, as a draft at the table can (raises LoadError)."""
    draft = save.draft
    if draft is None:
        return
    scenario = state.scenario
    parties = scenario.party_ids
    humans = list(humans_of(state))
    problems = []
    if draft.party not in humans:
        message = f"the draft must be of a country played by people: {joined(humans, 'or')}"
        problems.append(problem_at(doc, file, ("draft", "party"), message))
    problems += _package_problems(doc, file, ("draft", "package"), draft.package, scenario)
    scope = draft.scope
    unknown = [p for p in scope if p not in parties]
    if unknown or draft.party not in scope or len(set(scope)) not in (2, len(parties)):
        message = (
            f"a draft binds {joined(list(parties))}, or {draft.party} and one partner, each "
            f"named once; got {', '.join(scope)}"
        )
        problems.append(problem_at(doc, file, ("draft", "scope"), message))
    if problems:
        raise LoadError(problems)


def _act_problems(
    doc: Document, file: str, n: int, move: Act, scenario: Scenario
) -> list[FileProblem]:
    """An action the scenario does not have, or does not let the party take towards that
    target, at the action or the target (the engine would only say it is not available)."""
    actions = {a.id: a for a in scenario.actions}
    action = actions.get(move.action)
    if action is None:
        message = f"unknown action {move.action!r}; {did_you_mean(move.action, actions)}"
        return [problem_at(doc, file, ("moves", n, "action"), message)]
    party, target = move.party, move.target
    if action.by and party not in action.by:
        message = f"only {joined(action.by, 'or')} may take the action {action.id!r}, not {party}"
        return [problem_at(doc, file, ("moves", n, "action"), message)]
    if action.target == "partner":
        partners = [p for p in scenario.party_ids if p != party]
        if target is None:
            message = f"the action {action.id!r} needs a target: {joined(partners, 'or')}"
        elif target == party:
            message = (
                f"{party} cannot take this action towards itself; "
                f"its target is a partner: {joined(partners, 'or')}"
            )
        elif target not in partners:
            message = f"unknown party {target!r}; {did_you_mean(target, partners)}"
        elif target not in (allowed := action.partners_of(party, scenario.party_ids)):
            message = (
                f"{party} may take the action {action.id!r} towards "
                f"{joined(allowed, 'or')} only, not {target}"
            )
        else:
            return []
    elif action.target == "group":
        groups = [g.id for g in scenario.domestic_groups if g.party == party]
        if target in groups:
            return []
        message = (
            f"the action {action.id!r} needs a target: one of {possessive(party)} groups at home, "
            f"{joined(groups, 'or')}"
            if target is None
            else f"{target!r} is not one of {possessive(party)} groups at home; "
            f"{did_you_mean(target, groups)}"
        )
    elif target is not None:
        message = f"the action {action.id!r} takes no target; leave `target` out"
    else:
        return []
    return [problem_at(doc, file, ("moves", n, "target"), message)]
