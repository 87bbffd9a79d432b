"""Render a Brief as Markdown or self-contained HTML from the Jinja2 templates beside this module.

Article text is untrusted: HTML autoescapes everything, and Markdown
backslash-escapes the characters that would start markup or a raw HTML tag.
"""

from __future__ import annotations

import re

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from bilat.report.model import Brief
from bilat.report.svg import trend_chart

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown; the same brief always gives the same text."""
    return _environment(autoescape=False).get_template("brief.md.j2").render(brief=brief)


def render_html(brief: Brief) -> str:
    """One HTML page with inline CSS and an inline SVG chart; it loads nothing else."""
    title = f"Events per {brief.series_freq} by quad: {brief.a.name} and {brief.b.name}"
    chart = Markup(trend_chart(brief.series, title=title))  # built from numbers, labels escaped
    template = _environment(autoescape=True).get_template("brief.html.j2")
    return template.render(brief=brief, chart=chart)


def md_escape(text: str) -> str:
    """One line of untrusted text made inert in Markdown: whitespace collapsed, markup escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _signed(value: float) -> str:
    return f"{value:+.2f}"


def _environment(*, autoescape: bool) -> Environment:
    # Built per call: cheap next to rendering, and no module-level state.
    env = Environment(
        loader=PackageLoader("bilat.report", "templates"),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["signed"] = _signed
    return env
