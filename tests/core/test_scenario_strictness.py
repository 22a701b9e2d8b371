"""A scenario file means what it says: no key silently ignored, no value of the wrong type taken
for another. Each problem is refused at its line, saying what would be right."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core.scenario.errors import LoadError
from game.core.scenario.loader import load_scenario
from tests.conftest import DATA

MINIMAL = (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8")


def written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def refused(tmp_path: Path, text: str) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_scenario(written(tmp_path, text))
    return caught.value


def line_of(text: str, words: str) -> int:
    """The line (from 1) of the first line of the text holding these words."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if words in line)


@pytest.mark.parametrize(("old", "new"), [(3, 1), (1, 3), (2, 2)])
def test_the_old_and_new_name_of_the_security_threshold_together_are_refused_at_the_old_one(
    tmp_path: Path, old: int, new: int
) -> None:
    """An instructor's audit: `security_arrangement_min: 1` with `security_community_min: 3`
    (its name in older files) was accepted without a word, the old key ignored."""
    text = MINIMAL + f"outcomes:\n  security_arrangement_min: {new}\n"
    text += f"  security_community_min: {old}\n"
    error = refused(tmp_path, text)
    [problem] = error.problems
    assert (problem.line, problem.column) == (line_of(text, "security_community_min"), 3)
    assert problem.path == "outcomes.security_community_min"
    assert "older name of security_arrangement_min" in problem.message
    assert "keep security_arrangement_min" in problem.message


def test_both_names_of_the_security_threshold_are_reported_with_the_file_s_other_problems(
    tmp_path: Path,
) -> None:
    """Every problem comes out in one run: the two names of one key beside a wrong type."""
    text = MINIMAL.replace("title: Minimal test scenario", "title: [a, b]")
    text += "outcomes:\n  security_arrangement_min: 1\n  security_community_min: 3\n"
    paths = [p.path for p in refused(tmp_path, text).problems]
    assert paths == ["title", "outcomes.security_community_min"]


def test_the_old_name_of_the_security_threshold_alone_is_still_read(tmp_path: Path) -> None:
    """Files written before the key was renamed keep loading, as AUTHORING.md promises."""
    text = MINIMAL + "outcomes:\n  security_community_min: 1\n"
    assert load_scenario(written(tmp_path, text)).outcomes.security_arrangement_min == 1


# Each case: what the minimal scenario writes, what the audit wrote instead, the field's path,
# and the words that say what is right.
WRONG_TYPES = [
    (
        "terror: {weight: 80,",
        "terror: {weight: true,",
        "parties.0.priorities.terror.weight",
        "expected a number from 0 to 100, not true or false (got True)",
    ),
    (
        "trust: 50,",
        'trust: "45",',
        "dyads.0.trust",
        "expected a number from 0 to 100; write it without quotes: 45 (got '45')",
    ),
    (
        "    red_line: true",
        '    red_line: "true"',
        "principles.0.red_line",
        "expected true or false, without quotes (got 'true')",
    ),
    (
        "{id: keep, label: Keep, status_quo: true,",
        "{id: keep, label: Keep, status_quo: yes,",
        "issues.0.options.0.status_quo",
        "expected true or false (got 'yes')",
    ),
    (
        "    weight: 1\n    approval: 60",
        "    weight: 1\n    approval: '60'",
        "domestic_groups.0.approval",
        "write it without quotes: 60",
    ),
    (
        "trust: 50,",
        "trust: 50, stage: 2.0,",
        "dyads.0.stage",
        "expected a whole number from 0 to 3 (got 2.0)",
    ),
    (
        "{date: 2005-02-01, name: First round}",
        "{date: 2005-02-01, name: First round, inferred: 1}",
        "rounds.0.inferred",
        "expected true or false, not a number (got 1)",
    ),
]


@pytest.mark.parametrize(
    ("right", "wrong", "path", "words"), WRONG_TYPES, ids=[c[2] for c in WRONG_TYPES]
)
def test_a_number_or_a_flag_of_the_wrong_type_is_refused_saying_what_type_is_right(
    tmp_path: Path, right: str, wrong: str, path: str, words: str
) -> None:
    """An instructor's audit: `weight: true`, `trust: "45"` and `red_line: "true"` all
    validated, read as 1, 45 and true; and `status_quo: yes` (YAML 1.2 reads yes as text)."""
    assert MINIMAL.count(right) == 1
    text = MINIMAL.replace(right, wrong)
    [problem] = refused(tmp_path, text).problems
    assert problem.path == path
    assert problem.line == line_of(text, wrong.splitlines()[-1].strip())
    assert words in problem.message, problem.message


def test_whole_numbers_in_number_fields_and_quoted_dates_still_load(tmp_path: Path) -> None:
    """Strict types refuse what is written wrong, not what is written plainly: `trust: 50`
    (a whole number where any number goes), `weight: 0.5` and a date in quotes."""
    text = MINIMAL.replace("deadline: 2006-01-01", 'deadline: "2006-01-01"')
    scenario = load_scenario(written(tmp_path, text))
    assert scenario.dyads[0].trust == 50.0
    assert scenario.deadline.isoformat() == "2006-01-01"
