"""Words for full-text search: one tokeniser for the stored index and for queries.

Both backends keep the same inverted index (tables ``article_terms`` and
``event_terms``: word, document, occurrences), filled by the store on every
write, so a query finds the same documents in the same order on DuckDB and on
PostgreSQL. A word is a run of letters, digits or underscores, casefolded;
words longer than ``MAX_TERM`` characters are cut there, in the index and in
queries alike.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from bilat.records import Article, Event

MAX_TERM = 64
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of ``text`` as the index holds them, in order, repeats kept."""
    return [w.casefold()[:MAX_TERM] for w in _WORD.findall(text)]


def query_terms(q: str) -> tuple[str, ...]:
    """The distinct words of a query, in order."""
    return tuple(dict.fromkeys(words(q)))


def first_match(text: str, terms: Iterable[str]) -> int:
    """Where in ``text`` the first word among ``terms`` starts (0 when none does)."""
    wanted = set(terms)
    for m in _WORD.finditer(text):
        if m.group().casefold()[:MAX_TERM] in wanted:
            return m.start()
    return 0


def article_terms(article: Article) -> list[tuple[str, str, int]]:
    """Index rows (word, article id, occurrences) of an article's title and body."""
    counts = Counter(words(article.title or "")) + Counter(words(article.body))
    return [(term, article.id, n) for term, n in sorted(counts.items())]


def event_terms(event: Event) -> list[tuple[str, str, int]]:
    """Index rows (word, event id, occurrences) of an event's evidence sentence."""
    counts = Counter(words(event.evidence.sentence))
    return [(term, event.id, n) for term, n in sorted(counts.items())]
