"""Place names of several states: the schema checks and the resolution by context."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.errors import ResourceInvalid
from bilat.nlp.actors import ActorResolver
from bilat.nlp.actors.kb import load_kb

# Two invented states that share a town name, "Marrow"; Zembla also goes by its full
# name "Republic of Marrow", which a bare "Marrow" must not take over.
ZEMBLA = """
actors:
  - {code: ZZL, name: Zembla, aliases: [Republic of Marrow], demonyms: [Zemblan]}
  - {code: ZZR, name: Ruritania, demonyms: [Ruritanian]}
ambiguous_places:
  - {name: Marrow, candidates: [ZZL, ZZR], default: ZZR, note: invented}
"""


def _resolver(tmp_path: Path, text: str = ZEMBLA) -> ActorResolver:
    path = tmp_path / "zembla.yaml"
    path.write_text(text, encoding="utf-8")
    return ActorResolver.build(load_kb(path))


def _codes(resolver: ActorResolver, text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.code) for m in resolver.find_mentions(text)]


def test_an_ambiguous_place_takes_the_state_its_sentence_names(tmp_path: Path) -> None:
    text = "Zemblan gunners shelled Marrow at dawn."
    assert _codes(_resolver(tmp_path), text) == [("Zemblan", "ZZL"), ("Marrow", "ZZL")]


def test_an_ambiguous_place_takes_the_state_its_text_names(tmp_path: Path) -> None:
    text = "Floods cut off Marrow. Zembla sent boats."
    assert _codes(_resolver(tmp_path), text) == [("Marrow", "ZZL"), ("Zembla", "ZZL")]


def test_an_ambiguous_place_named_alone_takes_its_default(tmp_path: Path) -> None:
    assert _codes(_resolver(tmp_path), "Floods cut off Marrow.") == [("Marrow", "ZZR")]


def test_an_ambiguous_place_between_both_candidates_takes_its_default(tmp_path: Path) -> None:
    text = "Zembla and Ruritania both claim Marrow."
    assert ("Marrow", "ZZR") in _codes(_resolver(tmp_path), text)


def test_a_qualified_name_wins_over_the_ambiguous_one(tmp_path: Path) -> None:
    text = "Ruritanian envoys reached the Republic of Marrow."
    assert _codes(_resolver(tmp_path), text) == [
        ("Ruritanian", "ZZR"),
        ("Republic of Marrow", "ZZL"),
    ]


@pytest.mark.parametrize(
    ("entry", "fragment"),
    [
        ("{name: Marrow, candidates: [ZZL, ZZR], default: ZZR, size: 3}", "unknown key"),
        ("{name: Marrow, candidates: [ZZL, ZZR], default: ZZX}", "not among the candidates"),
        ("{name: Marrow, candidates: [ZZL], default: ZZL}", "at least two"),
        ("{name: Marrow, candidates: [ZZL, ZZQ], default: ZZL}", "unknown code"),
        ("{name: Zembla, candidates: [ZZL, ZZR], default: ZZL}", "already the name of ZZL"),
    ],
)
def test_a_broken_ambiguous_place_is_rejected(tmp_path: Path, entry: str, fragment: str) -> None:
    head = ZEMBLA.split("ambiguous_places:", maxsplit=1)[0]
    with pytest.raises(ResourceInvalid, match=fragment):
        _resolver(tmp_path, f"{head}ambiguous_places:\n  - {entry}\n")


def test_shipped_ambiguous_places_leave_a_bare_congo_to_the_democratic_republic() -> None:
    resolver = ActorResolver.load()
    assert [m.code for m in resolver.find_mentions("Rebels crossed into Congo.")] == ["COD"]
    found = resolver.find_mentions("Congo-Brazzaville closed its border.")
    assert [m.code for m in found] == ["COG"]


def test_agent_lists_are_read_in_lower_case_and_must_be_lists(tmp_path: Path) -> None:
    head = ZEMBLA.split("ambiguous_places:", maxsplit=1)[0]
    kb = load_kb(_write(tmp_path, f"{head}agents: [Herders]\nboundaries: [Marches]\n"))
    assert "herders" in kb.agents and "marches" in kb.boundaries
    with pytest.raises(ResourceInvalid, match="must be a list"):
        load_kb(_write(tmp_path, f"{head}counterpart_acts: parley\n"))


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lists.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_ambiguous_place_looked_up_alone_is_its_default(tmp_path: Path) -> None:
    assert _resolver(tmp_path).lookup("marrow").code == "ZZR"
