"""The loader treats scenario files as untrusted: every problem positioned, nothing else raised."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from game.core.scenario import yamlsafe
from game.core.scenario.errors import LoadError
from game.core.scenario.loader import load_scenario, read_document
from tests.conftest import DATA, ROOT

BAD = DATA / "bad_scenarios"

# file, line, column (None: any), words the message must contain
CASES = [
    ("python_tag.yaml", 3, 8, ["title", "Python tags are refused"]),
    ("duplicate_key.yaml", 5, 1, ["title", "duplicate key 'title'", "line 3"]),
    ("syntax_error.yaml", 79, None, ["YAML syntax error"]),
    ("empty.yaml", 1, 1, ["empty"]),
    ("not_a_mapping.yaml", 1, 1, ["is a list", "expected a mapping"]),
    ("non_utf8.yaml", 29, None, ["not UTF-8", "0xe7"]),
    ("alias_bomb.yaml", None, None, ["expands to more than"]),
    ("alias_cycle.yaml", 2, None, ["cycle"]),
    ("unknown_key.yaml", 25, None, ["parties.0.priorities.crime.wieght", "did you mean 'weight'"]),
    (
        "unknown_threat.yaml",
        43,
        None,
        ["issues.0.options.1.addresses.terrorism", "did you mean 'terror'"],
    ),
    ("unknown_tag.yaml", 45, None, ["unknown tag 'joint_patrol'", "did you mean 'joint_patrols'"]),
    ("unknown_party.yaml", 44, None, ["issues.0.options.1.binds.1", "unknown party 'CC'"]),
    ("missing_field.yaml", 28, None, ["parties.1.name", "required key 'name' is missing"]),
    ("wrong_type.yaml", 26, None, ["parties.0.ratification_threshold", "a number", "'high'"]),
    ("out_of_range.yaml", 76, None, ["dyads.0.trust", "from 0 to 100", "(got 150)"]),
    ("two_status_quo.yaml", 52, None, ["2 status-quo options", "exactly one"]),
    ("bad_effect_kind.yaml", 86, None, ["events.0.effects.0", "'mood'", "'trust'"]),
    ("bad_party_code.yaml", 28, None, ["parties.1.id", "two or three capital letters"]),
    (
        "unknown_group_in_effect.yaml",
        86,
        None,
        ["unknown domestic group", "did you mean 'bb_public'"],
    ),
    ("round_out_of_order.yaml", 79, None, ["rounds.1.date", "date order"]),
    ("unknown_party_in_action.yaml", 92, 14, ["actions.0.by.1", "unknown party 'CA'"]),
    ("unknown_party_in_leverage.yaml", 89, 23, ["negotiation.leverage.US", "unknown party"]),
    ("bad_date.yaml", 6, None, ["deadline", "month must be in 1..12", "YYYY-MM-DD"]),
    # Issue 13: the YAML reader's complaints in plain words.
    ("bad_indentation.yaml", 22, None, ["check the indentation of this line", "briefing"]),
    ("unquoted_colon.yaml", 4, None, ['put this text in quotes: "Two parties: two issues."']),
    ("tab_indent.yaml", 22, 1, ["a tab indents this line", "spaces"]),
    ("date_not_iso.yaml", 6, 11, ["deadline", "YYYY-MM-DD", "'01/01/2006'"]),
    ("non_ascii_id.yaml", 11, 9, ["threats.0.id", "lowercase ASCII letters, digits and _", "'é'"]),
    ("space_in_id.yaml", 81, 9, ["events.0.id", "lowercase ASCII letters", "no spaces"]),
    ("raw_control_character.yaml", 4, 22, ["control character #x0007 (U+0007)"]),
    # Issue 13: what the engine cannot use, refused with the allowed range.
    ("infinite_cost.yaml", 44, 20, ["issues.0.options.1.cost.AA", "from 0 to 1000", "(got inf)"]),
    ("nan_event_delta.yaml", 86, 46, ["events.0.effects.0.delta", "from -100 to 100", "nan"]),
    ("overflowing_threat_scale.yaml", 5, None, ["scoring.threat_scale", "from 0.001 to 10"]),
    ("control_character.yaml", 3, None, ["title", "control characters (found U+001B)"]),
    (
        "share_weights.yaml",
        24,
        16,
        ["priorities.terror.weight", "0 to 100, not 0 to 1", "write 80"],
    ),
    ("consult_partner.yaml", 92, 5, ["actions.0.target", "consult", "target: group"]),
    ("stage_delta_fraction.yaml", 93, None, ["actions.0.effects.0.delta", "whole levels"]),
    ("effect_needs_partner.yaml", 94, None, ["convergence", "needs target: partner"]),
    ("format_version_true.yaml", 2, None, ["format_version", "should be 1", "(got True)"]),
    ("format_version_float.yaml", 2, None, ["format_version", "should be 1", "(got 1.0)"]),
]


@pytest.mark.parametrize(("name", "line", "column", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_scenario_reports_file_line_and_words(
    name: str, line: int | None, column: int | None, words: list[str]
) -> None:
    with pytest.raises(LoadError) as caught:
        load_scenario(BAD / name)
    first = caught.value.problems[0]
    text = str(first)
    assert text.startswith(f"{BAD / name}:"), text
    assert ": error: " in text
    if line is not None:
        assert first.line == line, text
    else:
        assert first.line is not None and first.line >= 1, text
    if column is not None:
        assert first.column == column, text
    for word in words:
        assert word in text, f"{word!r} not in {text!r}"


def test_every_bad_fixture_has_a_case() -> None:
    assert sorted(p.name for p in BAD.glob("*.yaml")) == sorted(
        [c[0] for c in CASES] + ["several_problems.yaml", "type_and_reference_errors.yaml"]
    )


def test_all_problems_are_reported_at_once() -> None:
    with pytest.raises(LoadError) as caught:
        load_scenario(BAD / "several_problems.yaml")
    paths = [p.path for p in caught.value.problems]
    assert "parties.1.name" in paths and "dyads.0.trust" in paths


def test_type_and_reference_errors_are_reported_together_in_file_order() -> None:
    """Issue 13: "`validate` reports all problems at once (structure and references in one
    pass)"; the tester saw 1 of 5."""
    with pytest.raises(LoadError) as caught:
        load_scenario(BAD / "type_and_reference_errors.yaml")
    found = [(p.line, p.path) for p in caught.value.problems]
    assert found == [
        (3, "title"),
        (24, "parties.0.priorities.terrorism"),
        (26, "parties.0.ratification_threshold"),
        (45, "issues.0.options.1.tags.0"),
        (73, "domestic_groups.1.approval"),
    ]
    assert all(p.column for p in caught.value.problems)


def test_a_refused_id_is_not_reported_again_through_what_refers_to_it() -> None:
    """A party code in the wrong form is one problem, not one more per reference to it."""
    with pytest.raises(LoadError) as caught:
        load_scenario(BAD / "bad_party_code.yaml")
    assert [p.path for p in caught.value.problems] == ["parties.1.id"]


SCHEMA_JARGON = (
    "after validation",
    "instance of",
    "discriminator",
    "Value error",
    "Field required",
)


@pytest.mark.parametrize("name", sorted(p.name for p in BAD.glob("*.yaml")))
def test_no_message_speaks_the_validation_library_s_words(name: str) -> None:
    """Issue 13: plain words, no "after validation" or other library jargon."""
    try:
        load_scenario(BAD / name)
    except LoadError as err:
        text = str(err)
    else:  # pragma: no cover - every fixture is bad
        raise AssertionError(f"{name} loaded")
    for word in SCHEMA_JARGON:
        assert word not in text, text


@pytest.mark.parametrize(
    ("yaml_text", "words"),
    [
        ("title: x\nsummary: Two parties: two issues.\n", 'put this text in quotes: "Two'),
        ("tags:\n  - a: b: c\n", 'put this text in quotes: "b: c"'),
        ("parties:\n  - id: US\n    name: x\n   leader: y\n", "indentation of this line: 'leader"),
        ("a:\n  b: 1\n c: 2\n", "check the indentation of this line: 'c: 2'"),
        ("a:\n\t- 1\n", "a tab indents this line"),
        ('a: "abc\nb: 2\n', "a quote opened here is never closed"),
        ("a: [1, 2\nb: 3\n", "not closed"),
        ("a: - b\n", "must start a line of its own"),
        ("a: 'it's'\n", "double a ' inside"),
    ],
)
def test_yaml_syntax_errors_are_said_in_an_author_s_words(yaml_text: str, words: str) -> None:
    """Issue 13: wrong indentation and an unquoted colon "never say 'indentation' or 'quote
    this'"; they now do, at the line in question."""
    with pytest.raises(yamlsafe.YamlRefused) as caught:
        yamlsafe.parse(yaml_text)
    (problem,) = caught.value.problems
    assert words in problem.message
    assert problem.mark is not None


def minimal_with(tmp_path: Path, field: str, value: str) -> LoadError:
    """The error loading the minimal test scenario with one top-level field written as
    `value` (the scenario must refuse it)."""
    text = (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if not line.startswith(f"{field}:")]
    path = tmp_path / "s.yaml"
    path.write_text("\n".join([*lines, f"{field}: {value}"]), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_scenario(path)
    return caught.value


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("title", "[a, b]", "expected text, not a list"),
        ("title", "1984", 'put it in quotes: "1984"'),
        # A teacher's audit: `true` was told to quote "True", then refused as an id.
        ("title", "true", 'put it in quotes: "true"'),
        ("title", "False", 'put it in quotes: "false"'),
        ("start", "2005-1-32", "YYYY-MM-DD"),
        ("deadline", "tomorrow", "YYYY-MM-DD"),
        ("scoring", "[a, b]", "expected a mapping"),
        ("actions", "{a: 1}", "expected a list"),
        ("id", "Minimal Scenario", "lowercase ASCII letters, digits and hyphens"),
    ],
)
def test_schema_errors_are_said_in_an_author_s_words(
    tmp_path: Path, field: str, value: str, words: str
) -> None:
    refused = minimal_with(tmp_path, field, value)
    assert words in str(refused)
    for word in SCHEMA_JARGON:
        assert word not in str(refused)


def test_one_party_s_weights_on_a_0_1_scale_are_refused_among_others_on_0_100(
    tmp_path: Path,
) -> None:
    """Issue 13: "weights on a 0-1 scale are accepted ... silently"."""
    text = (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "s.yaml"
    path.write_text(
        text.replace("weight: 80,", "weight: 0.8,").replace("weight: 20,", "weight: 0.2,")
    )
    with pytest.raises(LoadError) as caught:
        load_scenario(path)
    assert [p.path for p in caught.value.problems] == [
        "parties.0.priorities.terror.weight",
        "parties.0.priorities.crime.weight",
    ]
    assert "not 0 to 1: 0.8 looks like a share; write 80" in str(caught.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    """Issue 13: non-regular files (FIFOs, devices) are refused "without blocking"."""
    fifo = tmp_path / "scenario.yaml"
    os.mkfifo(fifo)
    with pytest.raises(LoadError) as caught:
        load_scenario(fifo)
    assert "not a regular file" in str(caught.value)


def test_a_mistyped_key_is_reported_once_with_a_hint() -> None:
    with pytest.raises(LoadError) as caught:
        load_scenario(BAD / "unknown_key.yaml")
    assert len(caught.value.problems) == 1


def test_python_tags_are_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    bad = tmp_path / "evil.yaml"
    bad.write_text(f'id: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    with pytest.raises(LoadError):
        load_scenario(bad)
    assert not marker.exists()


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("id: x\n" + "# padding\n" * (yamlsafe.MAX_BYTES // 10 + 10), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_scenario(big)
    assert "larger than" in str(caught.value)


@pytest.mark.parametrize("depth", [500, 5000])
def test_deep_nesting_is_refused(tmp_path: Path, depth: int) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_scenario(deep)
    assert "nest" in str(caught.value)


def test_missing_file_is_reported_by_name(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load_scenario(tmp_path / "nope.yaml")
    assert str(caught.value).startswith(str(tmp_path / "nope.yaml"))


def test_keys_stay_text_even_when_yaml_would_read_a_boolean(tmp_path: Path) -> None:
    f = tmp_path / "keys.yaml"
    f.write_text("NO: 1\non: 2\n", encoding="utf-8")
    assert read_document(f).data == {"NO": 1, "on": 2}


def test_the_c_loader_is_used_when_present() -> None:
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML built without libyaml")
    assert yamlsafe.YAML_LOADER is yaml.CSafeLoader


def test_every_shipped_scenario_loads() -> None:
    files = sorted((ROOT / "scenarios").glob("*.yaml"))
    assert files, "no built-in scenarios"
    for path in files:
        load_scenario(path)


@given(st.text(max_size=400))
def test_loader_raises_only_its_own_error_on_arbitrary_text(text: str) -> None:
    with contextlib.suppress(yamlsafe.YamlRefused):
        yamlsafe.parse(text)


@given(st.binary(max_size=400))
def test_loader_raises_only_load_error_on_arbitrary_bytes(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "f.yaml"
    path.write_bytes(data)
    try:
        load_scenario(path)
    except LoadError as err:
        assert err.problems


def test_only_true_and_false_are_booleans_so_a_party_code_like_no_stays_text(
    tmp_path: Path,
) -> None:
    """A teacher gave a party the code NO: YAML 1.1 reads NO, yes, on and off as booleans, so
    `id: NO` was refused with 'expected text; put it in quotes: "False"', advice that made it
    worse. As in YAML 1.2, only true and false are booleans; the rest stay as written."""
    f = tmp_path / "values.yaml"
    f.write_text("id: NO\nids: [NO, SU, yes, off]\nflag: true\nother: False\n", encoding="utf-8")
    assert read_document(f).data == {
        "id": "NO",
        "ids": ["NO", "SU", "yes", "off"],
        "flag": True,
        "other": False,
    }
    scenario = tmp_path / "norland.yaml"
    text = (DATA / "good" / "engine.yaml").read_text(encoding="utf-8")
    scenario.write_text(text.replace("CC", "NO"), encoding="utf-8")
    assert "NO" in load_scenario(scenario).party_ids


def test_a_mistyped_kind_gets_a_did_you_mean(tmp_path: Path) -> None:
    """A teacher's audit: `unknown kind 'aproval'` got no "did you mean 'approval'?", unlike
    every other typo of a name the scenario knows."""
    text = (ROOT / "scenarios" / "spp-2005.yaml").read_text(encoding="utf-8")
    assert "kind: approval" in text
    typo = tmp_path / "typo.yaml"
    typo.write_text(text.replace("kind: approval", "kind: aproval", 1), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_scenario(typo)
    assert "unknown kind 'aproval'; did you mean 'approval'?" in str(caught.value)


@pytest.mark.parametrize(
    ("old", "new", "path", "words"),
    [
        (  # the audit's mut/when_kind_missing, as the guide's words suggested
            "      - {kind: trust_below, dyad: [AA, BB], value: 35}",
            "      - {trust_below: {dyad: [AA, BB], value: 35}}",
            "events.2.when.0",
            [
                "required key 'kind' is missing",
                "one of 'trust_below', 'trust_above', 'approval_below' or 'attention_below'",
                "this entry writes trust_below as a key: write kind: trust_below with its "
                "fields beside it, as in {kind: trust_below, dyad: ..., value: ...}",
            ],
        ),
        (
            "      - {kind: approval, group: cc_public, delta: 10}",
            "      - {group: cc_public, delta: 10}",
            "events.3.effects.0",
            ["one of 'priority', 'trust', 'stage', 'attention', 'approval' or 'reservation'"],
        ),
        (  # the audit's mut/action_effect_kind_missing
            "      - {kind: trust, delta: 5}",
            "      - {delta: 5}",
            "actions.1.effects.0.kind",
            [
                "required key 'kind' is missing",
                "one of 'trust', 'stage', 'approval', 'reservation' or 'convergence'",
            ],
        ),
    ],
)
def test_a_missing_kind_is_said_with_the_kinds_allowed_there(
    tmp_path: Path, old: str, new: str, path: str, words: list[str]
) -> None:
    """An instructor's audit: a `when:` condition written as the guide's words suggested,
    `- {trust_below: {dyad: [US, MX], value: 40}}`, got "required key 'kind' is missing: it
    says which kind of entry this is", with no word of the kinds there are. The message lists
    them, and says where the kind went when it was written as a key."""
    text = (DATA / "good" / "engine.yaml").read_text(encoding="utf-8")
    assert text.count(old + "\n") == 1, old
    changed = tmp_path / "engine.yaml"
    changed.write_text(text.replace(old + "\n", new + "\n"), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_scenario(changed)
    [problem] = caught.value.problems
    assert problem.path == path and problem.line is not None
    for word in words:
        assert word in problem.message, problem.message


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        (
            "title",
            "null",
            "expected text; YAML reads null as nothing: put it in quotes if you meant the word",
        ),
        ("title", "Null", "YAML reads Null as nothing: put it in quotes if you meant the word"),
        ("title", "~", "expected text; YAML reads ~ as nothing: put it in quotes if you meant it"),
        ("title", "", "expected text (nothing is written here)"),
        ("scoring", "{threat_scale: NULL}", "from 0.001 to 10; YAML reads NULL as nothing"),
    ],
)
def test_a_null_written_out_is_named_as_written(
    tmp_path: Path, field: str, value: str, words: str
) -> None:
    """A teacher's audit: `id: null` (or `reference: null`) was refused with "expected text
    (nothing is written here)", though the author wrote `null`: YAML reads null, Null, NULL
    and ~ as nothing, and the message now says so, and how to write the word; a value left
    empty is still nothing written."""
    (problem,) = minimal_with(tmp_path, field, value).problems
    assert words in problem.message
    if value:
        assert "nothing is written here" not in problem.message


def test_a_null_in_a_list_is_named_as_written(tmp_path: Path) -> None:
    """The same for an entry of a list: `tags: [null]`."""
    text = (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "s.yaml"
    path.write_text(text.replace("tags: [free_movement]", "tags: [null]"), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_scenario(path)
    messages = [p.message for p in caught.value.problems]
    assert any(m.startswith("expected text; YAML reads null as nothing") for m in messages)
