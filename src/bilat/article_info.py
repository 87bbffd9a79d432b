"""What fusion and briefs need to know about an article, without its body."""

from __future__ import annotations

from dataclasses import dataclass

from bilat.dedup import signature
from bilat.records import Article


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """Citation metadata plus a MinHash ``fingerprint`` of the body (empty when unknown).

    ``published`` is an ISO date or prefix (2021-09-30, 2021-09, 2021).
    """

    id: str
    source: str = ""
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    fingerprint: tuple[int, ...] = ()

    @classmethod
    def from_article(cls, article: Article) -> ArticleInfo:
        return cls(
            id=article.id,
            source=article.source,
            title=article.title,
            publisher=article.publisher,
            url=article.url,
            published=article.published.iso() if article.published else None,
            fingerprint=signature(article.body),
        )
