"""Hypothesis strategies for every record in ``bilat.records``, shared by all tests.

Import as ``import strategies`` (pytest puts tests/ on sys.path). Values are
realistic where a stage would reject the unrealistic (confidence in [0, 1],
coherent date spans, content ids from bodies), and otherwise as wide as the
types allow, so stores and serialisers see awkward text and Decimals.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import strategies as st

from bilat.records import (
    Actor,
    Amount,
    Article,
    DateSpan,
    Event,
    EventCluster,
    EventType,
    Evidence,
    Granularity,
    Mention,
    Rejection,
    RunSummary,
    Status,
    article_id,
    event_id,
)

# Any text but NUL (PostgreSQL refuses it) and lone surrogates (not encodable).
_CHARS = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")


def texts(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    return st.text(_CHARS, min_size=min_size, max_size=max_size)


# A few codes, so generated events share actors and dyads.
CODES = ("PAK", "RUS", "USA", "IND", "CHN", "UN", "SCO", "SUN")
codes = st.sampled_from(CODES)
offsets = st.integers(min_value=0, max_value=10**9)
anchors = st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@st.composite
def date_spans(draw: st.DrawFn, granularity: Granularity | None = None) -> DateSpan:
    """A span that fits its granularity, e.g. a whole month or its last ten days."""
    g = granularity or draw(st.sampled_from(Granularity))
    d = draw(anchors)
    if g is Granularity.DAY:
        start = end = d
    elif g is Granularity.WEEK:
        start = d - timedelta(days=d.weekday())
        end = start + timedelta(days=6)
    elif g is Granularity.MONTH:
        first, last = d.replace(day=1), _month_end(d.year, d.month)
        # "late September" is a part of the month at month granularity.
        start = draw(st.sampled_from([first, d]))
        end = draw(st.sampled_from([last, max(start, d)]))
    elif g is Granularity.SEASON:
        # Meteorological seasons: winter is December to February, so December
        # opens the winter of the next year.
        base = date(d.year + (d.month == 12), 1, 1)
        start = _add_months(base, (d.month % 12) // 3 * 3 - 1)
        end = _add_months(start, 3) - timedelta(days=1)
    elif g is Granularity.QUARTER:
        start = date(d.year, (d.month - 1) // 3 * 3 + 1, 1)
        end = _add_months(start, 3) - timedelta(days=1)
    elif g is Granularity.YEAR:
        start, end = date(d.year, 1, 1), date(d.year, 12, 31)
    else:
        start, end = date(d.year // 10 * 10, 1, 1), date(d.year // 10 * 10 + 9, 12, 31)
    return DateSpan(start, end, g, draw(texts(max_size=20)), draw(st.booleans()))


actors = st.builds(
    Actor,
    code=codes,
    name=texts(min_size=1),
    sector=st.none() | st.sampled_from(["GOV", "MIL", "BUS", "MED"]),
)


@st.composite
def mentions(draw: st.DrawFn, resolved: bool | None = None) -> Mention:
    text = draw(texts(min_size=1, max_size=20))
    start = draw(offsets)
    choice = {None: st.none() | actors, True: actors, False: st.none()}[resolved]
    actor = draw(choice)
    return Mention(text, start, start + len(text), actor)


decimals = st.decimals(allow_nan=False, allow_infinity=False)
amounts = st.builds(
    Amount,
    value=decimals,
    unit=st.sampled_from(["USD", "EUR", "PKR", "doses", "MW", "troops"]) | texts(1, 8),
    text=texts(),
    value_usd=st.none() | decimals,
)


@st.composite
def evidences(draw: st.DrawFn, article: str) -> Evidence:
    sentence = draw(texts(min_size=1, max_size=80))
    start = draw(offsets)
    return Evidence(article, sentence, start, start + len(sentence), draw(texts(max_size=12)))


@st.composite
def events(draw: st.DrawFn, article: str | None = None) -> Event:
    """An event with every field drawn; its id is derived as the extractor derives it."""
    article = article if article is not None else article_id(draw(texts(min_size=1)))
    type_ = draw(st.sampled_from(EventType))
    source = draw(mentions())
    target = draw(st.none() | mentions())
    evidence = draw(evidences(article))
    target_code = target.code if target else None
    id_ = event_id(article, evidence.start, type_.value, source.code or "", target_code or "")
    return Event(
        id=id_,
        type=type_,
        source=source,
        evidence=evidence,
        target=target,
        mode=draw(st.none() | texts(min_size=1, max_size=12)),
        contexts=tuple(draw(st.lists(texts(min_size=1, max_size=12), max_size=4))),
        symmetric=draw(st.booleans()),
        date=draw(st.none() | date_spans()),
        status=draw(st.sampled_from(Status)),
        amounts=tuple(draw(st.lists(amounts, max_size=3))),
        intensity=draw(st.floats(min_value=-10, max_value=10)),
        confidence=draw(st.floats(min_value=0, max_value=1)),
        extractor_version=draw(texts(max_size=8)),
        rule=draw(st.sampled_from(["", "subject-object", "between+other-side"])),
    )


@st.composite
def articles(draw: st.DrawFn) -> Article:
    body = draw(texts(min_size=1, max_size=200))
    optional = st.none() | texts(max_size=30)
    return Article(
        id=article_id(body),
        source=draw(texts(min_size=1, max_size=30)),
        body=body,
        title=draw(optional),
        author=draw(optional),
        publisher=draw(optional),
        url=draw(st.none() | texts(max_size=30).map(lambda s: "https://example.org/" + s)),
        published=draw(st.none() | date_spans()),
        language=draw(st.sampled_from(["en", "fr", "ur", "ru"])),
        boilerplate_removed=draw(st.integers(min_value=0, max_value=2**31 - 1)),
    )


@st.composite
def articles_with_events(draw: st.DrawFn, max_events: int = 5) -> tuple[Article, list[Event]]:
    """An article and events citing it, with distinct ids as a store requires."""
    article = draw(articles())
    found = draw(st.lists(events(article.id), max_size=max_events, unique_by=lambda e: e.id))
    return article, found


def batches(max_size: int = 4) -> st.SearchStrategy[list[tuple[Article, list[Event]]]]:
    """Batches of distinct articles (event ids embed the article id, so they are distinct too)."""
    return st.lists(articles_with_events(), max_size=max_size, unique_by=lambda item: item[0].id)


rejections = st.builds(
    Rejection,
    stage=st.sampled_from(["ingest", "nlp", "extract", "store"]),
    reason=texts(min_size=1),
    source=texts(min_size=1),
)

counts = st.integers(min_value=0, max_value=2**31 - 1)
run_summaries = st.builds(
    RunSummary,
    seen=counts,
    stored=counts,
    unchanged=counts,
    events=counts,
    rejections=st.lists(rejections, max_size=4).map(tuple),
)


@st.composite
def event_clusters(draw: st.DrawFn) -> EventCluster:
    members = draw(st.lists(events(), min_size=1, max_size=4, unique_by=lambda e: e.id))
    sources = len({e.evidence.article_id for e in members})
    return EventCluster(draw(texts(min_size=1, max_size=20)), tuple(members), sources)
