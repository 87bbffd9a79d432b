"""A tiny store for the web tests, written as records: no spaCy model needed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bilat.records import (
    Actor,
    Article,
    DateSpan,
    Event,
    EventType,
    Evidence,
    Granularity,
    Mention,
    Status,
    article_id,
    event_id,
)
from bilat.store.duckdb import DuckDBStore

PAKISTAN, RUSSIA = Actor("PAK", "Pakistan"), Actor("RUS", "Russia")
AGREE_SENTENCE = "Pakistan and Russia signed a gas pipeline agreement in Moscow in September 2021."
ACCUSE_SENTENCE = "Russia accused Pakistan of delaying the pipeline in March 2022."
BODY = (
    "ISLAMABAD: Officials met again this week. "
    f"{AGREE_SENTENCE} "
    "The talks lasted two days. "
    f"{ACCUSE_SENTENCE} "
    "Both sides said more meetings would follow."
)
# Untrusted text: it must show as text, never run.
SCRIPT_SENTENCE = "Russia thanked Pakistan <script>document.title='pwned'</script> for the aid."
SCRIPT_BODY = (
    "Officials spoke on Monday about many matters of interest. "
    f"{SCRIPT_SENTENCE} <img src=x onerror=\"document.title='pwned'\"> Nothing else was said."
)
SCRIPT_TITLE = "<b>Bold</b> <script>alert(1)</script> claims"


def _mention(body: str, text: str, actor: Actor, after: int) -> Mention:
    start = body.index(text, after)
    return Mention(text, start, start + len(text), actor)


def _event(
    article: Article, sentence: str, type_: EventType, when: DateSpan, trigger: str
) -> Event:
    start = article.body.index(sentence)
    source_text = sentence.split(maxsplit=1)[0]
    source_actor = PAKISTAN if source_text == "Pakistan" else RUSSIA
    target_actor = RUSSIA if source_actor is PAKISTAN else PAKISTAN
    source = _mention(article.body, source_text, source_actor, start)
    target = _mention(article.body, target_actor.name, target_actor, source.end)
    return Event(
        id=event_id(article.id, start, type_.value, source_actor.code, target_actor.code),
        type=type_,
        source=source,
        target=target,
        evidence=Evidence(article.id, sentence, start, start + len(sentence), trigger),
        date=when,
        status=Status.OCCURRED,
        intensity=3.0 if type_ is EventType.AGREE else -2.0,
        confidence=0.9,
        symmetric=type_ is EventType.AGREE,
        rule="joint-subjects" if type_ is EventType.AGREE else "subject-object",
    )


def articles() -> list[tuple[Article, list[Event]]]:
    main = Article(
        id=article_id(BODY),
        source="seed/pipeline.txt",
        body=BODY,
        title="Pakistan and Russia sign pipeline deal",
        publisher="Example Times",
        url="https://example.invalid/pipeline",
        published=DateSpan(date(2022, 3, 20), date(2022, 3, 20), Granularity.DAY),
    )
    sept = DateSpan(date(2021, 9, 1), date(2021, 9, 30), Granularity.MONTH, "September 2021")
    march = DateSpan(date(2022, 3, 1), date(2022, 3, 31), Granularity.MONTH, "March 2022")
    hostile = Article(
        id=article_id(SCRIPT_BODY),
        source="seed/<script>.html",
        body=SCRIPT_BODY,
        title=SCRIPT_TITLE,
        url="javascript:alert(3)",
    )
    may = DateSpan(date(2022, 5, 1), date(2022, 5, 31), Granularity.MONTH, "May 2022")
    return [
        (
            main,
            [
                _event(main, AGREE_SENTENCE, EventType.AGREE, sept, "signed"),
                _event(main, ACCUSE_SENTENCE, EventType.ACCUSE, march, "accused"),
            ],
        ),
        (hostile, [_event(hostile, SCRIPT_SENTENCE, EventType.SUPPORT, may, "thanked")]),
    ]


def make_store(path: Path) -> Path:
    with DuckDBStore(path) as store:
        store.write_batch(articles())
    return path
