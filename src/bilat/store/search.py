"""Words for full-text search: one tokeniser for the stored index and for queries.

Both backends keep the same inverted index (tables ``article_terms`` and
``event_terms``: term, document, occurrences), filled by the store on every
write, so a query finds the same documents in the same order on DuckDB and on
PostgreSQL. A word is a run of letters, digits or underscores, casefolded;
words longer than ``MAX_TERM`` characters are cut there. The index holds each
word's English Snowball stem, so "pipelines", "pipeline" and "Pipeline" are one
term. A query's words in double quotes form a phrase, which matches where its
words' stems follow each other in the text ("gas pipelines" matches the phrase
"gas pipeline", but "pipeline for gas" does not).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, TypeVar

from bilat.errors import SearchTooBroad
from bilat.records import Article, Event

MAX_TERM = 64
_WORD = re.compile(r"\w+")
_PHRASE = re.compile(r"[\"“”„]([^\"“”„]*)[\"“”„]")


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: every distinct word in order (phrases' too) and the phrases."""

    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...] = ()


def words(text: str) -> list[str]:
    """The words of ``text``, casefolded and cut to ``MAX_TERM``, in order, repeats kept."""
    return [w.casefold()[:MAX_TERM] for w in _WORD.findall(text)]


@cache
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index term of a word (already casefolded): its English Snowball stem."""
    return str(_stemmer().stemWord(word))


def terms(text: str) -> list[str]:
    """The index terms of ``text``, in order, repeats kept."""
    return [stem(w) for w in words(text)]


def parse_query(q: str) -> Query:
    """Words and "quoted phrases" of a query; a phrase of one word is just that word."""
    phrases = []
    for m in _PHRASE.finditer(q):
        found = tuple(words(m.group(1)))
        if len(found) > 1:
            phrases.append(found)
    return Query(tuple(dict.fromkeys(words(q))), tuple(dict.fromkeys(phrases)))


def query_terms(q: str) -> tuple[str, ...]:
    """The distinct words of a query, in order."""
    return parse_query(q).words


def holds_phrases(text: str, phrases: Iterable[Sequence[str]]) -> bool:
    """True when every phrase's stems follow each other somewhere in ``text``."""
    seen = terms(text)
    for phrase in phrases:
        wanted = [stem(w) for w in phrase]
        n = len(wanted)
        if not any(seen[i : i + n] == wanted for i in range(len(seen) - n + 1)):
            return False
    return True


def first_match(text: str, query_words: Iterable[str]) -> int:
    """Where in ``text`` the first word with the stem of one of ``query_words`` starts
    (0 when none does)."""
    wanted = {stem(w) for w in query_words}
    for m in _WORD.finditer(text):
        if stem(m.group().casefold()[:MAX_TERM]) in wanted:
            return m.start()
    return 0


def article_terms(article: Article) -> list[tuple[str, str, int]]:
    """Index rows (term, article id, occurrences) of an article's title and body."""
    counts = Counter(terms(article.title or "")) + Counter(terms(article.body))
    return [(term, article.id, n) for term, n in sorted(counts.items())]


def event_terms(event: Event) -> list[tuple[str, str, int]]:
    """Index rows (term, event id, occurrences) of an event's evidence sentence."""
    counts = Counter(terms(event.evidence.sentence))
    return [(term, event.id, n) for term, n in sorted(counts.items())]


T = TypeVar("T")
PHRASE_CHUNK = 500  # candidates read at a time when checking phrases
PHRASE_CANDIDATES = 20_000  # more than this and a phrase search asks for another word


def phrase_page(
    chunk: Callable[[int], list[tuple[T, int]]],
    holds: Callable[[T], bool],
    total: int,
    limit: int,
    offset: int,
) -> tuple[list[tuple[T, int]], int]:
    """One page of the candidates (every word found) that hold the query's phrases, and how
    many do; candidates are read a chunk at a time, so only the page is kept."""
    if total > PHRASE_CANDIDATES:
        raise SearchTooBroad(
            f"the words of this phrase search occur in {total:,} documents, more than the "
            f"{PHRASE_CANDIDATES:,} a phrase is checked in: add a word to narrow it"
        )
    page: list[tuple[T, int]] = []
    matched = 0
    for at in range(0, total, PHRASE_CHUNK):
        for doc, score in chunk(at):
            if holds(doc):
                if offset <= matched < offset + limit:
                    page.append((doc, score))
                matched += 1
    return page, matched
