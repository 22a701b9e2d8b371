"""The loader treats scenario files as untrusted: every problem positioned, nothing else raised."""

from __future__ import annotations

import contextlib
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
    ("wrong_type.yaml", 26, None, ["parties.0.ratification_threshold", "valid number", "'high'"]),
    ("out_of_range.yaml", 76, None, ["dyads.0.trust", "less than or equal to 100"]),
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
    ("bad_date.yaml", 6, None, ["deadline", "month must be in 1..12"]),
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
        [c[0] for c in CASES] + ["several_problems.yaml"]
    )


def test_all_problems_are_reported_at_once() -> None:
    with pytest.raises(LoadError) as caught:
        load_scenario(BAD / "several_problems.yaml")
    paths = [p.path for p in caught.value.problems]
    assert "parties.1.name" in paths and "dyads.0.trust" in paths


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
