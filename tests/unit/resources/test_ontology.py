"""The PLOVER ontology: shipped data against the manual, lookups, and load-time validation."""

from __future__ import annotations

import dataclasses
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bilat.errors import ResourceInvalid
from bilat.records import EventType
from bilat.resources import Ontology, load_ontology
from bilat.resources.ontology import CAMEO_FILE, PLOVER_FILE

PLOVER_DIR = Path(__file__).resolve().parents[4] / "shared" / "eval" / "plover"
MANUAL = PLOVER_DIR / "PLOVER_MANUAL.tex"
CAMEO_SOURCE = PLOVER_DIR / "CAMEO2PLOVER-2021.txt"

# Where bilat's data knowingly differs from the manual's score table (see plover.yaml).
ACCUSE_SIGN_FIX = ("ACCUSE", None)
# The one conflict-quad score above zero that the manual really gives.
POSITIVE_CONFLICT = {("REQUEST", "assist")}


def _shipped(name: str) -> str:
    return resources.files("bilat.resources").joinpath(name).read_text("utf-8")


def _plover_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(_shipped(PLOVER_FILE))
    return data


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False)


# --- shipped data --------------------------------------------------------------------


def test_ontology_has_every_type_with_its_records_quad() -> None:
    ontology = load_ontology()
    assert set(ontology.types) == set(EventType)
    for type_ in EventType:
        assert ontology.quad(type_) == type_.quad
        assert ontology.describe(type_)


def test_ontology_scores_have_the_sign_of_their_quad() -> None:
    ontology = load_ontology()
    for type_ in EventType:
        cooperation = type_.quad <= 2
        assert (ontology.intensity(type_) > 0) == cooperation, type_
        for mode in ontology.modes(type_):
            score = ontology.intensity(type_, mode)
            if cooperation:
                assert score > 0, (type_, mode)
            elif (type_.value, mode) not in POSITIVE_CONFLICT:
                assert score <= 0, (type_, mode)


@pytest.mark.parametrize(
    ("type_", "mode", "score"),
    [
        (EventType.CONSULT, "visit", 4.0),
        (EventType.CONSULT, "phone", 1.5),
        (EventType.CONSULT, "third-party", 1.0),
        (EventType.CONSULT, None, 2.5),
        (EventType.AID, None, 10.0),
        (EventType.COOPERATE, None, 9.5),
        (EventType.RETREAT, "disarm", 10.0),
        (EventType.REQUEST, "assist", 0.5),
        (EventType.ACCUSE, None, -3.0),  # the manual prints 3: see plover.yaml
        (EventType.THREATEN, "territory", -4.0),
        (EventType.COERCE, "martial-law", -7.5),
        (EventType.ASSAULT, None, -9.0),
        (EventType.ASSAULT, "unconventional", -10.0),
    ],
)
def test_ontology_intensity_matches_the_manual(
    type_: EventType, mode: str | None, score: float
) -> None:
    assert load_ontology().intensity(type_, mode) == score


def _manual_scores() -> dict[tuple[str, str | None], float]:
    """Every "TYPE: Mode & score" cell of the manual's score table."""
    text = MANUAL.read_text("utf-8")
    start = text.index(r"\textbf{CATEGORY: Mode}")
    table = text[start : text.index(r"\end{tabular}", start)]
    cell = re.compile(
        r"(?:\\cellcolor\{gray!25\})?([A-Z]+)(?::\s*([A-Za-z-]+))?\s*&\s*"
        r"(?:\\cellcolor\{gray!25\})?\s*(-?\d+(?:\.\d+)?)"
    )
    return {(m[1], m[2].lower() if m[2] else None): float(m[3]) for m in cell.finditer(table)}


@pytest.mark.skipif(not MANUAL.exists(), reason="../shared/eval/plover is absent")
def test_ontology_scores_equal_the_manual_table_cell_for_cell() -> None:
    manual = _manual_scores()
    assert len(manual) == 16 + 66  # bare types plus scored modes
    ontology = load_ontology()
    shipped: dict[tuple[str, str | None], float] = {}
    for type_ in EventType:
        shipped[type_.value, None] = ontology.intensity(type_)
        for mode in ontology.modes(type_):
            if mode != "vandalize":  # in the manual's mode list, not in its score table
                shipped[type_.value, mode] = ontology.intensity(type_, mode)
    assert manual.pop(ACCUSE_SIGN_FIX) == -shipped.pop(ACCUSE_SIGN_FIX)
    assert shipped == manual


def test_ontology_modes_are_the_manuals_in_order() -> None:
    ontology = load_ontology()
    assert ontology.modes(EventType.CONSULT) == ("visit", "third-party", "multilateral", "phone")
    assert ontology.modes(EventType.REQUEST) == ontology.modes(EventType.REJECT)
    assert "vandalize" in ontology.modes(EventType.PROTEST)
    for type_ in (EventType.AGREE, EventType.SUPPORT, EventType.CONCEDE, EventType.AID):
        assert ontology.modes(type_) == ()


@pytest.mark.parametrize("spelling", ["third-party", "third_party", "Third_Party", "THIRD PARTY"])
def test_ontology_mode_lookup_ignores_case_and_separators(spelling: str) -> None:
    ontology = load_ontology()
    assert ontology.intensity(EventType.CONSULT, spelling) == 1.0
    assert ontology.canonical_mode(EventType.CONSULT, spelling) == "third-party"


def test_ontology_unknown_or_unscored_mode_falls_back_to_the_type_score() -> None:
    ontology = load_ontology()
    assert ontology.intensity(EventType.CONSULT, "telepathy") == 2.5
    assert ontology.intensity(EventType.CONSULT, "") == 2.5
    assert ontology.intensity(EventType.AID, "visit") == 10.0  # a mode of another type
    assert ontology.intensity(EventType.PROTEST, "vandalize") == -5.0
    assert ontology.canonical_mode(EventType.COERCE, "ban") is None


@given(st.sampled_from(list(EventType)), st.none() | st.text(max_size=20))
def test_ontology_intensity_is_total_and_in_range(type_: EventType, mode: str | None) -> None:
    assert -10.0 <= load_ontology().intensity(type_, mode) <= 10.0


def test_ontology_contexts_are_the_manuals_general_contexts() -> None:
    contexts = load_ontology().contexts
    assert len(contexts) == 37
    assert contexts[0] == "military"
    assert contexts[-1] == "trafficking"
    assert all(re.fullmatch(r"[a-z_]+", c) for c in contexts)
    assert len(set(contexts)) == len(contexts)


def test_ontology_covers_the_context_cues_file() -> None:
    cues: dict[str, Any] = yaml.safe_load(_shipped("contexts.yaml"))
    assert set(cues) <= set(load_ontology().contexts)


def test_ontology_is_cached_and_immutable() -> None:
    ontology = load_ontology()
    assert load_ontology() is ontology
    with pytest.raises(dataclasses.FrozenInstanceError):
        ontology.types = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        ontology.types[EventType.AID] = ontology.types[EventType.AID]  # type: ignore[index]


# --- CAMEO -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("042", (EventType.CONSULT, "visit", None)),
        ("043", (EventType.CONSULT, "visit", None)),
        ("041", (EventType.CONSULT, "phone", None)),
        ("0311", (EventType.AGREE, None, "economic")),
        ("0874", (EventType.RETREAT, "disarm", "military")),
        ("1724", (EventType.COERCE, "martial-law", "pro_autocracy")),
        ("186", (EventType.ASSAULT, "targeted", None)),  # 2021 mode "assassinate"
        ("2042", (EventType.ASSAULT, "unconventional", "cbrn")),
        (" 042 ", (EventType.CONSULT, "visit", None)),
    ],
)
def test_ontology_from_cameo(code: str, expected: tuple[EventType, str | None, str | None]) -> None:
    assert load_ontology().from_cameo(code) == expected


@pytest.mark.parametrize(
    ("code", "parent"), [("0429", "042"), ("0415", "041"), ("1389", "138"), ("089", "08")]
)
def test_ontology_unknown_cameo_code_falls_back_to_its_parent(code: str, parent: str) -> None:
    ontology = load_ontology()
    assert code not in ontology.cameo_table
    assert ontology.from_cameo(code) == ontology.from_cameo(parent)


@pytest.mark.parametrize("code", ["01", "0211", "999", "", "abc", "4x2"])
def test_ontology_unmapped_cameo_code_raises_lookup_error(code: str) -> None:
    with pytest.raises(LookupError, match="no PLOVER mapping"):
        load_ontology().from_cameo(code)


def test_ontology_cameo_mapping_keeps_every_context_and_the_cameo_wording() -> None:
    found = load_ontology().lookup_cameo("091")
    assert found.contexts == ("crime", "corruption")
    assert found.description == "Investigate crime, corruption"
    assert load_ontology().from_cameo("091")[2] == "crime"


def test_ontology_cameo_modes_and_contexts_are_plover_ones() -> None:
    ontology = load_ontology()
    for code, found in ontology.cameo_table.items():
        assert found.mode is None or found.mode in ontology.modes(found.type), code
        assert set(found.contexts) <= set(ontology.contexts), code


@pytest.mark.skipif(not CAMEO_SOURCE.exists(), reason="../shared/eval/plover is absent")
def test_ontology_cameo_table_has_every_source_code_with_its_type() -> None:
    source: dict[str, set[str]] = {}
    for line in CAMEO_SOURCE.read_text("utf-8").splitlines():
        match = re.match(r"(\d{2,4}):\s*([A-Z]+)", line)
        if match:
            source.setdefault(match[1], set()).add(match[2])
    table = load_ontology().cameo_table
    assert set(table) == set(source)
    for code, types in source.items():
        assert table[code].type in types, code
    assert table["08"].type is EventType.CONCEDE  # heads both CONCEDE and RETREAT


# --- validation ------------------------------------------------------------------------


def _invalid_plover(text: str) -> str:
    with pytest.raises(ResourceInvalid) as caught:
        Ontology.from_yaml_text(text, "broken.yaml")
    message = str(caught.value)
    assert message.startswith("broken.yaml: ")
    return message


def test_ontology_parses_the_shipped_text_without_a_cameo_table() -> None:
    ontology = Ontology.from_yaml_text(_shipped(PLOVER_FILE))
    assert ontology.intensity(EventType.CONSULT, "visit") == 4.0
    with pytest.raises(LookupError):
        ontology.from_cameo("042")


def test_ontology_rejects_an_unknown_type() -> None:
    data = _plover_data()
    data["types"]["HUG"] = data["types"]["AID"]
    assert "types.HUG: not a PLOVER 2.0 type" in _invalid_plover(_dump(data))


def test_ontology_rejects_a_missing_type() -> None:
    data = _plover_data()
    del data["types"]["AID"]
    assert "types: missing AID" in _invalid_plover(_dump(data))


def test_ontology_rejects_a_mode_without_score() -> None:
    data = _plover_data()
    del data["types"]["CONSULT"]["modes"]["visit"]["score"]
    assert "types.CONSULT.modes.visit: missing score" in _invalid_plover(_dump(data))


def test_ontology_rejects_a_duplicate_mode() -> None:
    text = _shipped(PLOVER_FILE).replace(
        "      phone:", '      visit: {score: 3, description: "again"}\n      phone:', 1
    )
    assert "duplicate key 'visit'" in _invalid_plover(text)


def test_ontology_rejects_a_second_spelling_of_a_mode() -> None:
    data = _plover_data()
    data["types"]["CONSULT"]["modes"]["third_party"] = {"score": 1, "description": "again"}
    assert "types.CONSULT.modes.third_party" in _invalid_plover(_dump(data))


def test_ontology_rejects_a_context_name_with_spaces() -> None:
    data = _plover_data()
    data["contexts"]["human rights"] = "with a space"
    assert "contexts.human rights: context names are lower_snake_case" in _invalid_plover(
        _dump(data)
    )


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        (("ACCUSE", "score"), 3, "wrong sign"),  # the manual's own typo
        (("AID", "score"), "ten", "score must be a number"),
        (("AID", "score"), True, "score must be a number"),
        (("AID", "score"), 12, "outside -10..10"),
        (("AID", "quad"), 1, "records.EventType says 2"),
        (("AID", "description"), "", "non-empty description"),
        (("AID", "modes"), ["visit"], "expected a mapping"),
    ],
)
def test_ontology_rejects_a_bad_type_field(
    path: tuple[str, str], value: object, problem: str
) -> None:
    data = _plover_data()
    data["types"][path[0]][path[1]] = value
    message = _invalid_plover(_dump(data))
    assert f"types.{path[0]}" in message
    assert problem in message


def test_ontology_rejects_an_unknown_field() -> None:
    data = _plover_data()
    data["types"]["AID"]["mode"] = {}
    assert "types.AID: unknown field mode" in _invalid_plover(_dump(data))


@pytest.mark.parametrize("text", ["types: [", "- a list", "just text"])
def test_ontology_rejects_text_that_is_not_a_yaml_mapping(text: str) -> None:
    _invalid_plover(text)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ('"042": {type: CONSULT, mode: visit, contexts: []}', None),
        ("042: {type: CONSULT, mode: visit, contexts: []}", "keys must be strings"),
        ('"0x2": {type: CONSULT, mode: null, contexts: []}', "2 to 4 digits"),
        ('"042": {type: MEET, mode: null, contexts: []}', "not a PLOVER 2.0 type"),
        ('"042": {type: CONSULT, mode: assault, contexts: []}', "not a mode of CONSULT"),
        ('"042": {type: CONSULT, mode: null, contexts: [humanitarian]}', "not a PLOVER context"),
        ('"042": {type: CONSULT, mode: null, contexts: [legal, legal]}', "listed twice"),
        ('"042": {type: CONSULT, mode: null}', "missing contexts"),
        ('"042": {type: CONSULT, mode: null, contexts: [], note: x}', "unknown field note"),
        (
            '"042": {type: CONSULT, mode: null, contexts: []}\n'
            '  "042": {type: CONSULT, mode: null, contexts: []}',
            "duplicate key '042'",
        ),
    ],
)
def test_ontology_validates_the_cameo_table(entry: str, problem: str | None) -> None:
    text = f"codes:\n  {entry}\n"
    if problem is None:
        ontology = Ontology.from_yaml_text(_shipped(PLOVER_FILE), cameo_text=text)
        assert ontology.from_cameo("042") == (EventType.CONSULT, "visit", None)
        return
    with pytest.raises(ResourceInvalid, match=re.escape(problem)) as caught:
        Ontology.from_yaml_text(_shipped(PLOVER_FILE), cameo_text=text, cameo_where="c.yaml")
    assert str(caught.value).startswith("c.yaml: ")


def test_ontology_cameo_file_name_is_the_default_where() -> None:
    with pytest.raises(ResourceInvalid, match=f"^{re.escape(CAMEO_FILE)}: "):
        Ontology.from_yaml_text(_shipped(PLOVER_FILE), cameo_text="codes: []")
