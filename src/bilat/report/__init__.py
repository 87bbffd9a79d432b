"""Briefs (Markdown and HTML) and inline SVG charts."""

from bilat.article_info import ArticleInfo
from bilat.report.brief import build_brief
from bilat.report.model import Brief, BriefItem, Citation, Driver, Party, SourceEntry
from bilat.report.render import render_html, render_markdown
from bilat.report.svg import trend_chart

__all__ = [
    "ArticleInfo",
    "Brief",
    "BriefItem",
    "Citation",
    "Driver",
    "Party",
    "SourceEntry",
    "build_brief",
    "render_html",
    "render_markdown",
    "trend_chart",
]
