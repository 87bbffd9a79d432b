"""The dependency shapes the rules look for (resources/dependency_patterns.yaml), checked,
compiled into one spaCy ``DependencyMatcher`` and matched once per Doc.

Each pattern is ``about`` (what it finds), ``read_by`` (the module that asks for it),
``example`` (a sentence the shipped model parses into the shape) and ``pattern`` (a spaCy
DependencyMatcher pattern: a list of nodes, the first ``RIGHT_ID`` and ``RIGHT_ATTRS``
alone, every other ``LEFT_ID``, ``REL_OP``, ``RIGHT_ID`` and ``RIGHT_ATTRS``; every node
names at least one attribute, since a node that may be any word makes the matcher walk
up the tree from every token). An ``IN`` or ``NOT_IN`` list written ``$stage.NAME`` is
that list of words.yaml.

The file is read and checked on first use, or when the pipeline factory
(``bilat.nlp.build.make_nlp``) calls ``load_patterns``, so a broken pattern fails before
any text is read. A rule asks for a pattern's matches in a token's Doc, each a mapping of
node names to tokens, ordered by their tokens in node order: ``below(name, word)``, those
whose first node is a child of ``word``; ``matches(name, token, role)``, those whose node
``role`` is ``token``.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from bilat.errors import ResourceInvalid
from bilat.nlp.words import STAGES, WordLists, load_words
from bilat.resources.lexicons import read_yaml

PATTERNS_FILE = "dependency_patterns.yaml"
_KEYS = frozenset({"about", "read_by", "example", "pattern"})
_FIRST = frozenset({"RIGHT_ID", "RIGHT_ATTRS"})
_NODE = frozenset({"LEFT_ID", "REL_OP", "RIGHT_ID", "RIGHT_ATTRS"})
# The operators of spaCy's DependencyMatcher (spacy.io/api/dependencymatcher#operators).
REL_OPS = frozenset(
    {".", ".*", ";", ";*", "<", ">", "<<", ">>", "$+", "$-", "$++", "$--"}
    | {">+", ">-", ">++", ">--", "<+", "<-", "<++", "<--"}
)
_CACHE = "bilat.dependency_patterns"  # the key of a Doc's matches in doc.user_data
_BELOW = -1  # the index's "node" for the head of a match's first node


@dataclass(frozen=True, slots=True)
class DependencyPattern:
    """One named shape: what it finds, who asks, an example and the spaCy pattern (word
    list references resolved); ``lists`` are the (stage, name) lists it refers to."""

    name: str
    about: str
    read_by: str
    example: str
    pattern: tuple[Mapping[str, Any], ...]
    lists: tuple[tuple[str, str], ...]

    @property
    def nodes(self) -> tuple[str, ...]:
        return tuple(str(node["RIGHT_ID"]) for node in self.pattern)


Patterns = Mapping[str, DependencyPattern]


@functools.cache
def load_patterns() -> Patterns:
    """The shipped patterns by name (read, checked and compiled once per process)."""
    text = resources.files("bilat.resources").joinpath(PATTERNS_FILE).read_text(encoding="utf-8")
    return parse_patterns(PATTERNS_FILE, text, load_words())


def parse_patterns(source: str, text: str, words: WordLists) -> Patterns:
    """Patterns from YAML text; ResourceInvalid naming the file and pattern, in one line,
    when a pattern is not what the schema (or spaCy) says."""
    try:
        raw = read_yaml(source, text)
    except ResourceInvalid as exc:  # YAML's own message runs over several lines
        raise ResourceInvalid(" ".join(str(exc).split())) from exc
    if not isinstance(raw, dict) or not raw:
        raise ResourceInvalid(f"{source}: expected a mapping of named patterns")
    found = {}
    for name, entry in raw.items():
        where = f"{source}: {name}"
        if not isinstance(entry, dict) or set(entry) != _KEYS:
            raise ResourceInvalid(f"{where}: expected exactly the keys {sorted(_KEYS)}")
        for key in ("about", "read_by", "example"):
            if not isinstance(entry[key], str) or not entry[key].strip():
                raise ResourceInvalid(f"{where}: {key} must be a non-empty string")
        lists: list[tuple[str, str]] = []
        nodes = tuple(_node(where, i, node, words, lists) for i, node in _nodes(where, entry))
        found[name] = DependencyPattern(
            name, entry["about"], entry["read_by"], entry["example"], nodes, tuple(lists)
        )
    _compile(source, Vocab(), found)
    return MappingProxyType(found)


def _nodes(where: str, entry: dict[str, Any]) -> list[tuple[int, Any]]:
    pattern = entry["pattern"]
    if not isinstance(pattern, list) or not pattern:
        raise ResourceInvalid(f"{where}: pattern must be a non-empty list of nodes")
    seen: set[Any] = set()
    for i, node in enumerate(pattern):
        at, keys = f"{where}: node {i}", _FIRST if i == 0 else _NODE
        if not isinstance(node, dict) or set(node) != keys:
            raise ResourceInvalid(f"{at}: expected exactly the keys {sorted(keys)}")
        if not isinstance(node["RIGHT_ID"], str) or node["RIGHT_ID"] in seen:
            raise ResourceInvalid(f"{at}: RIGHT_ID must be a new name")
        if i and node["LEFT_ID"] not in seen:
            raise ResourceInvalid(f"{at}: LEFT_ID {node['LEFT_ID']!r} is no earlier node")
        if i and node["REL_OP"] not in REL_OPS:
            raise ResourceInvalid(f"{at}: REL_OP {node['REL_OP']!r} is no operator")
        seen.add(node["RIGHT_ID"])
    return list(enumerate(pattern))


def _node(
    where: str, i: int, node: dict[str, Any], words: WordLists, lists: list[tuple[str, str]]
) -> Mapping[str, Any]:
    attrs = node["RIGHT_ATTRS"]
    if not isinstance(attrs, dict) or not attrs:
        raise ResourceInvalid(
            f"{where}: node {i}: RIGHT_ATTRS must name at least one attribute of the word"
        )
    return {**node, "RIGHT_ATTRS": _resolved(f"{where}: node {i}", attrs, words, lists)}


def _resolved(where: str, value: Any, words: WordLists, lists: list[tuple[str, str]]) -> Any:
    """``value`` with each ``$stage.NAME`` list reference replaced by that word list."""
    if isinstance(value, dict):
        return {k: _resolved(where, v, words, lists) for k, v in value.items()}
    if not (isinstance(value, str) and value.startswith("$")):
        return value
    stage, _, name = value[1:].partition(".")
    if stage not in STAGES or name not in words[stage]:
        raise ResourceInvalid(f"{where}: {value} names no list of words.yaml")
    if (stage, name) not in lists:
        lists.append((stage, name))
    return sorted(words[stage][name])


def _compile(source: str, vocab: Vocab, patterns: Patterns) -> DependencyMatcher:
    matcher = DependencyMatcher(vocab, validate=True)
    for name, found in patterns.items():
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # spaCy only warns of an unknown key
                matcher.add(name, [[dict(node) for node in found.pattern]])
        except Exception as exc:  # spaCy raises ValueError or its MatchPatternError
            reason = " ".join(str(exc).split())
            raise ResourceInvalid(f"{source}: {name}: spaCy rejects the pattern: {reason}") from exc
    return matcher


@functools.lru_cache(maxsize=8)
def matcher_for(vocab: Vocab) -> DependencyMatcher:
    """The shipped patterns compiled over ``vocab`` (the pipeline's, or a test's)."""
    return _compile(PATTERNS_FILE, vocab, load_patterns())


Match = Mapping[str, Token]


def matches(name: str, token: Token, role: str) -> list[Match]:
    """The matches of pattern ``name`` in ``token``'s Doc whose node ``role`` is ``token``."""
    return _found(name, token, load_patterns()[name].nodes.index(role))


def below(name: str, word: Token) -> list[Match]:
    """The matches of pattern ``name`` whose first node is a child of ``word``."""
    return _found(name, word, _BELOW)


def _found(name: str, token: Token, at: int) -> list[Match]:
    nodes = load_patterns()[name].nodes
    doc = token.doc
    found = _doc_matches(doc).get((name, at, token.i), ())
    return [MappingProxyType(dict(zip(nodes, (doc[i] for i in ids), strict=True))) for ids in found]


def _doc_matches(doc: Doc) -> Mapping[tuple[str, int, int], list[tuple[int, ...]]]:
    """Every pattern's matches in ``doc``, by (name, node, token), found once per Doc."""
    cached = doc.user_data.get(_CACHE)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    strings = doc.vocab.strings
    found = sorted((strings[key], tuple(ids)) for key, ids in matcher_for(doc.vocab)(doc))
    index: dict[tuple[str, int, int], list[tuple[int, ...]]] = {}
    for name, ids in found:
        for at, i in enumerate(ids):
            index.setdefault((name, at, i), []).append(ids)
        head = doc[ids[0]].head.i
        if head != ids[0]:
            index.setdefault((name, _BELOW, head), []).append(ids)
    doc.user_data[_CACHE] = index
    return index
