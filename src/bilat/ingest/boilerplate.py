"""bilat's own boilerplate filter for scraped plain text.

Scraped text keeps the page furniture that an HTML extractor would drop: share
bars, "Read more:" links, donation appeals, sidebars listing other articles,
author bios. The rules below are general line shapes, not strings from any one
site. The text is read in three zones:

- head, before the first body paragraph: masthead and navigation, then the
  title, a byline and perhaps a standfirst; title and author are lifted out;
- middle: only lines a rule names are dropped, plus sidebar runs;
- tail, after the last body paragraph: closing sentences, citations and a lone
  heading survive up to the first piece of furniture or list of headlines.

Before that, the article's end is found: a disclaimer, republication note or
copyright line near the end, "(The End)", or a bio of someone the article never
mentions ("Jane Doe is a research associate at ..."). Nothing after it is kept.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bilat.ingest.rules import (
    END_RULES,
    WORD,
    bio_name,
    boilerplate_rule,
    byline_name,
    is_author_bio,
    is_citation,
    is_sentence,
    is_sidebar_marker,
    is_title_like,
)


@dataclass(frozen=True, slots=True)
class CleanText:
    """A cleaned body with what was learnt while cleaning it."""

    body: str
    removed_lines: int
    title: str | None = None
    author: str | None = None


# A body paragraph: long enough, and a sentence, so headings and link lists are not.
_PARAGRAPH_WORDS = 15
_LONG_PARAGRAPH_WORDS = 30
# Share of the text, from the end, where a bio ends the article.
_END_ZONE = 0.35
# A run this long of short lines around a sidebar marker is a sidebar.
_SIDEBAR_RUN = 3
_END_MARKER = re.compile(r"\s*[(\[]\s*(?:the end|end|ends)\s*[)\]]\s*(?=[.!]?\s*$)", re.I)


def clean_text(text: str) -> CleanText:
    """Strip boilerplate from scraped article text; lift out the title and byline."""
    raw = text.splitlines()
    lines = [_END_MARKER.sub("", line).strip() for line in raw]
    kinds = _classify(lines)
    end = _article_end(lines, raw, kinds)
    flags = [kind is not None for kind in kinds[:end]]
    lines = lines[:end]
    paragraphs = [i for i, line in enumerate(lines) if not flags[i] and _is_paragraph(line)]
    if not paragraphs:
        kept = [i for i, line in enumerate(lines) if line and not flags[i]]
        return _assemble(raw, lines, kept)
    first, last = paragraphs[0], paragraphs[-1]
    head = _read_head(lines[:first], flags[:first])
    middle = [i for i in range(first, last + 1) if lines[i] and not flags[i]]
    middle = _drop_sidebar_runs(lines, flags, middle)
    tail = _read_tail(lines, flags, last + 1)
    author = head.author or _bio_author(raw, end)
    lifted = (head.title is not None) + (head.author is not None)
    return _assemble(
        raw, lines, [*head.kept, *middle, *tail], title=head.title, author=author, lifted=lifted
    )


def strip_lines(text: str) -> CleanText:
    """Drop only lines a rule names; for text an HTML extractor already trimmed."""
    lines = [line.strip() for line in text.splitlines()]
    kept = [i for i, line in enumerate(lines) if line and boilerplate_rule(line) is None]
    return _assemble(lines, lines, kept)


def word_count(text: str) -> int:
    """Words with at least one letter: what min_words counts."""
    return len(WORD.findall(text))


@dataclass(frozen=True, slots=True)
class _Head:
    kept: tuple[int, ...]
    title: str | None
    author: str | None


def _classify(lines: list[str]) -> list[str | None]:
    """The rule naming each line, if any."""
    return [boilerplate_rule(line) if line else None for line in lines]


def _end_zone(lines: list[str]) -> int:
    """Index where the last _END_ZONE share of the non-blank lines begins."""
    nonblank = [i for i, line in enumerate(lines) if line]
    return nonblank[int(len(nonblank) * (1 - _END_ZONE))] if nonblank else 0


def _article_end(lines: list[str], raw: list[str], kinds: list[str | None]) -> int:
    """Cut-off after which nothing is article text."""
    for i in range(_end_zone(lines), len(lines)):
        if kinds[i] in END_RULES:
            return i
        if _END_MARKER.search(raw[i]):
            return i + 1
        if _is_closing_bio(lines, i):
            return i
    return len(lines)


def _is_closing_bio(lines: list[str], i: int) -> bool:
    """ "Jane Doe is a research associate at ...", about someone the text never names.

    "Imran Khan is a former cricketer" in a paragraph about Imran Khan is article text.
    The name may appear in a byline, so only lines that are not headline-shaped count.
    """
    name = bio_name(lines[i]) if is_author_bio(lines[i]) else None
    if name is None:
        return False
    return not any(name in line for line in lines[:i] if not is_title_like(line))


def _bio_author(raw: list[str], end: int) -> str | None:
    """The author a closing bio names ("Jane Doe is a freelancer."), when it opens the tail."""
    opening = next((raw[i].strip() for i in range(end, len(raw)) if raw[i].strip()), "")
    is_bio = boilerplate_rule(opening) == "author bio" or is_author_bio(opening)
    return bio_name(opening) if opening and is_bio else None


def _is_paragraph(line: str) -> bool:
    words = word_count(line)
    return words >= _LONG_PARAGRAPH_WORDS or (words >= _PARAGRAPH_WORDS and is_sentence(line))


def _read_head(lines: list[str], flags: list[bool]) -> _Head:
    """Find title and byline above the first paragraph; drop the masthead above the title.

    With a byline, the title is the headline-shaped line just above it and the short
    lines above that are masthead and navigation. Without one, the title is the first
    line when it is headline-shaped, and lines repeated in the head are navigation.
    """
    counts = Counter(line.casefold() for line in lines if line)
    usable = [
        i for i, line in enumerate(lines) if line and not flags[i] and counts[line.casefold()] == 1
    ]
    bylines = [i for i in usable if byline_name(lines[i])]
    byline = bylines[-1] if bylines else None
    if byline is not None:
        before = [i for i in usable if i < byline and _is_headline(lines[i])]
        title = before[-1] if before else None
    else:
        title = usable[0] if usable and _is_headline(lines[usable[0]]) else None
    kept = [
        i
        for i in usable
        if i not in (title, byline) and (title is None or i > title or not is_title_like(lines[i]))
    ]
    return _Head(
        kept=tuple(kept),
        title=lines[title] if title is not None else None,
        author=byline_name(lines[byline]) if byline is not None else None,
    )


def _is_headline(line: str) -> bool:
    # An all-capitals line is a kicker or shouted heading more often than the title.
    return is_title_like(line) and word_count(line) >= 2 and not line.isupper()


def _read_tail(lines: list[str], flags: list[bool], start: int) -> list[int]:
    """Keep what follows the last paragraph until the first furniture or list of titles.

    Closing sentences, citations and a lone heading stay; a run of headline-shaped
    lines after the article is a sidebar of other articles.
    """
    kept: list[int] = []
    run: list[int] = []
    for i in range(start, len(lines)):
        line = lines[i]
        if not line:
            continue
        if flags[i] or is_author_bio(line):
            break
        if is_sentence(line) or is_citation(line):
            kept.extend(run)
            run = []
            kept.append(i)
        else:
            run.append(i)
            if len(run) >= _SIDEBAR_RUN:
                return kept
    return kept + run


def _drop_sidebar_runs(lines: list[str], flags: list[bool], kept: list[int]) -> list[int]:
    """Drop runs of short lines around a sidebar marker (issue numbers, pipe bios)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i in range(kept[0], kept[-1] + 1) if kept else ():
        if not lines[i]:
            continue
        if not flags[i] and _is_paragraph(lines[i]):
            runs.append(current)
            current = []
        else:
            current.append(i)
    runs.append(current)
    dropped = {
        i
        for run in runs
        if len(run) >= _SIDEBAR_RUN and any(is_sidebar_marker(lines[j]) for j in run)
        for i in run
    }
    return [i for i in kept if i not in dropped]


def _assemble(
    raw: list[str],
    lines: list[str],
    kept: list[int],
    *,
    title: str | None = None,
    author: str | None = None,
    lifted: int = 0,
) -> CleanText:
    """Join kept lines, one blank line between paragraphs; count the lines dropped.

    ``lifted`` lines (title, byline) moved into metadata and are not counted as dropped.
    """
    chosen = sorted(set(kept))
    removed = sum(1 for line in raw if line.strip()) - len(chosen) - lifted
    paragraphs = [lines[i] for i in chosen]
    return CleanText(
        body="\n\n".join(paragraphs),
        removed_lines=max(removed, 0),
        title=title,
        author=author,
    )
