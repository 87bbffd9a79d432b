"""Render a Brief as Markdown or self-contained HTML from the Jinja2 templates beside this module.

Article text is untrusted: HTML autoescapes everything, and Markdown
backslash-escapes the characters that would start markup or a raw HTML tag.
"""

from __future__ import annotations

import re

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from bilat.report.model import Brief
from bilat.report.svg import network_chart, trend_chart

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown; the same brief always gives the same text."""
    template = _environment(autoescape=False).get_template("brief.md.j2")
    return template.render(brief=brief, names=_names(brief))


def render_html(brief: Brief) -> str:
    """One HTML page with inline CSS and inline SVG charts; it loads nothing else."""
    title = f"Events per {brief.series_freq} by quad: {brief.a.name} and {brief.b.name}"
    chart = Markup(trend_chart(brief.series, title=title))  # built from numbers, labels escaped
    picture = Markup(  # codes and names are escaped by network_chart
        network_chart(
            [(p.code, p.name) for p in brief.neighbourhood],
            [(link.a, link.b, link.weight) for link in brief.links],
            title=f"Network around {brief.a.name} and {brief.b.name}",
        )
    )
    template = _environment(autoescape=True).get_template("brief.html.j2")
    return template.render(brief=brief, chart=chart, picture=picture, names=_names(brief))


def _names(brief: Brief) -> dict[str, str]:
    return {p.code: p.name for p in brief.neighbourhood}


def md_escape(text: str) -> str:
    """One line of untrusted text made inert in Markdown: whitespace collapsed, markup escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def md_cell(text: str) -> str:
    """Untrusted text made inert in a Markdown table cell: ``md_escape`` and pipes escaped."""
    return md_escape(text).replace("|", "\\|")


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
    env.filters["cell"] = md_cell
    env.filters["signed"] = _signed
    return env
