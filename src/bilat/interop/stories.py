"""Articles for event files that carry no article text (POLECAT, ICEWS, PLOVER JSON).

Each row of such a file is a ``CodedRow``. Rows of one story (the same story id,
or the same citation) become one ``Article`` whose body holds one line per
event, under a heading that names the story: the dataset's own sentence when it
has one (PLOVER JSON ``text``), else a line built from the row ("Russian
Federation Make statement (CAMEO 010) Ukraine."). Every event cites its
line, and its actor mentions point into it, so the dashboard, search and briefs
treat an imported event like any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bilat.records import (
    Actor,
    Article,
    DateSpan,
    Event,
    EventType,
    Evidence,
    Mention,
    Status,
    article_id,
)


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a row: the name as the dataset writes it and the actor it resolved to."""

    text: str
    actor: Actor | None


@dataclass(frozen=True, slots=True)
class Story:
    """What a dataset says about the article a row came from."""

    key: str
    source: str
    heading: str = ""
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: DateSpan | None = None
    language: str = "en"


@dataclass(frozen=True, slots=True)
class CodedRow:
    """One event of a dataset that ships no article body."""

    story: Story
    id: str
    type: EventType
    source: Side
    target: Side | None
    date: DateSpan | None
    verb: str
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    intensity: float = 0.0
    confidence: float = 1.0
    status: Status = Status.OCCURRED
    coder: str = ""
    sentence: str | None = None


def articles_of(rows: Iterable[CodedRow]) -> list[tuple[Article, list[Event]]]:
    """One article per story, with its events, in order of first appearance."""
    stories: dict[str, list[CodedRow]] = {}
    for row in rows:
        stories.setdefault(row.story.key, []).append(row)
    return [_article(group) for group in stories.values()]


def _article(rows: Sequence[CodedRow]) -> tuple[Article, list[Event]]:
    # The heading names the story, so two stories with the same lines stay two articles.
    story = rows[0].story
    lines = [story.heading or story.key]
    starts: dict[str, int] = {}
    at = len(lines[0]) + 1
    placed: list[tuple[int, str, Mention, Mention | None]] = []
    for row in rows:
        line, source, target = _line(row)
        if line not in starts:
            starts[line] = at
            lines.append(line)
            at += len(line) + 1
        start = starts[line]
        moved = None if target is None else _shift(target, start)
        placed.append((start, line, _shift(source, start), moved))
    body = "\n".join(lines)
    article = Article(
        id=article_id(body),
        source=story.source,
        body=body,
        title=story.title,
        publisher=story.publisher,
        url=story.url,
        published=story.published,
        language=story.language,
    )
    events = [
        Event(
            id=row.id,
            type=row.type,
            source=source,
            target=target,
            evidence=Evidence(article.id, line, start, start + len(line), row.verb),
            mode=row.mode,
            contexts=row.contexts,
            date=row.date,
            status=row.status,
            intensity=row.intensity,
            confidence=row.confidence,
            extractor_version=row.coder,
        )
        for row, (start, line, source, target) in zip(rows, placed, strict=True)
    ]
    return article, events


def _line(row: CodedRow) -> tuple[str, Mention, Mention | None]:
    """The row's line and its mentions, offsets into the line."""
    if row.sentence:
        return row.sentence, _find(row.sentence, row.source), _find_opt(row.sentence, row.target)
    parts = [row.source.text, row.verb]
    source = Mention(row.source.text, 0, len(row.source.text), row.source.actor)
    target = None
    if row.target is not None:
        begin = len(" ".join(parts)) + 1
        target = Mention(row.target.text, begin, begin + len(row.target.text), row.target.actor)
        parts.append(row.target.text)
    return " ".join(parts) + ".", source, target


def _find(text: str, side: Side) -> Mention:
    """The side's name where the sentence first says it (or an empty span at 0)."""
    at = text.find(side.text) if side.text else -1
    if at < 0:
        return Mention(side.text, 0, 0, side.actor)
    return Mention(side.text, at, at + len(side.text), side.actor)


def _find_opt(text: str, side: Side | None) -> Mention | None:
    return None if side is None else _find(text, side)


def _shift(m: Mention, by: int) -> Mention:
    return Mention(m.text, m.start + by, m.end + by, m.actor)
