"""A tiny store for the web tests, written as records: no spaCy model needed."""

from __future__ import annotations

from pathlib import Path

from bilat.records import Article, DateSpan, Event, EventType, Mention, event_id
from bilat.store.duckdb import DuckDBStore
from factories import NAMES, article, day, event, mention, month

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


def _side(body: str, code: str, after: int) -> Mention:
    """The first mention of ``code``'s name in ``body`` at or after ``after``."""
    text = NAMES[code]
    return mention(code, text, body.index(text, after))


def _event(
    article: Article, sentence: str, type_: EventType, when: DateSpan, trigger: str
) -> Event:
    start = article.body.index(sentence)
    source_code = "PAK" if sentence.startswith("Pakistan") else "RUS"
    target_code = "RUS" if source_code == "PAK" else "PAK"
    source = _side(article.body, source_code, start)
    target = _side(article.body, target_code, source.end)
    agree = type_ is EventType.AGREE
    return event(
        type_,
        source,
        target,
        id_=event_id(article.id, start, type_.value, source_code, target_code),
        article=article.id,
        sentence=sentence,
        start=start,
        trigger=trigger,
        when=when,
        intensity=3.0 if agree else -2.0,
        confidence=0.9,
        symmetric=agree,
        rule="joint-subjects" if agree else "subject-object",
    )


def articles() -> list[tuple[Article, list[Event]]]:
    main = article(
        BODY,
        source="seed/pipeline.txt",
        title="Pakistan and Russia sign pipeline deal",
        publisher="Example Times",
        url="https://example.invalid/pipeline",
        published=day(2022, 3, 20),
    )
    sept, march = month(2021, 9, "September 2021"), month(2022, 3, "March 2022")
    hostile = article(
        SCRIPT_BODY,
        source="seed/<script>.html",
        title=SCRIPT_TITLE,
        url="javascript:alert(3)",
    )
    may = month(2022, 5, "May 2022")
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
