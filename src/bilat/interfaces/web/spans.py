"""Text cut into pieces for highlighting: actors and event sentences, never markup.

Templates escape each piece; nothing here builds HTML, so article text can
never become markup however it is cut.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from bilat.records import Event, Mention


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text with what covers it: event ids, an actor code, whether it is a trigger."""

    text: str
    events: tuple[str, ...] = ()
    actor: str | None = None
    actor_name: str | None = None
    trigger: bool = False


def article_pieces(body: str, events: Sequence[Event], mentions: Sequence[Mention]) -> list[Piece]:
    """The body cut where an evidence sentence or a resolved actor mention starts or ends."""
    sentences = [(e.evidence.start, e.evidence.end, e.id) for e in events]
    sentences = [(max(s, 0), min(t, len(body)), i) for s, t, i in sentences if s < t]
    names = [
        (m.start, m.end, m.actor.code, m.actor.name)
        for m in mentions
        if m.actor is not None and 0 <= m.start < m.end <= len(body)
    ]
    cuts = {0, len(body)}
    cuts.update(p for s, t, _ in sentences for p in (s, t))
    cuts.update(p for s, t, _, _ in names for p in (s, t))
    bounds = sorted(cuts)
    pieces = []
    for start, end in itertools.pairwise(bounds):
        covering = tuple(dict.fromkeys(i for s, t, i in sentences if s <= start and end <= t))
        actor = next(((c, n) for s, t, c, n in names if s <= start and end <= t), None)
        pieces.append(
            Piece(
                body[start:end],
                events=covering,
                actor=actor[0] if actor else None,
                actor_name=actor[1] if actor else None,
            )
        )
    return _merge(pieces)


def sentence_pieces(event: Event) -> list[Piece]:
    """The evidence sentence with its trigger and its two actors' mentions marked."""
    sentence, offset = event.evidence.sentence, event.evidence.start
    marks: list[tuple[int, int, str | None, str | None, bool]] = []
    for mention in (event.source, event.target):
        if mention is None or mention.actor is None:
            continue
        s, t = mention.start - offset, mention.end - offset
        if 0 <= s < t <= len(sentence) and sentence[s:t] == mention.text:
            marks.append((s, t, mention.actor.code, mention.actor.name, False))
    trigger = event.evidence.trigger
    at = sentence.find(trigger) if trigger else -1
    if at >= 0:
        marks.append((at, at + len(trigger), None, None, True))
    cuts = {0, len(sentence)} | {p for s, t, *_ in marks for p in (s, t)}
    bounds = sorted(cuts)
    pieces = []
    for start, end in itertools.pairwise(bounds):
        over = [m for m in marks if m[0] <= start and end <= m[1]]
        actor = next((m for m in over if m[2] is not None), None)
        pieces.append(
            Piece(
                sentence[start:end],
                actor=actor[2] if actor else None,
                actor_name=actor[3] if actor else None,
                trigger=any(m[4] for m in over),
            )
        )
    return _merge(pieces)


def snippet(text: str, at: int, terms: Sequence[str], width: int = 90) -> list[Piece]:
    """About ``2 * width`` characters around ``at``, words with the stem of one of ``terms``
    marked as triggers (the words search matched)."""
    import re

    from bilat.store.search import MAX_TERM, stem

    start, end = max(at - width, 0), min(at + width, len(text))
    window = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    wanted = {stem(t.casefold()[:MAX_TERM]) for t in terms}
    pieces, last = [], 0
    for m in re.finditer(r"\w+", window):
        if stem(m.group().casefold()[:MAX_TERM]) in wanted:
            pieces.append(Piece(window[last : m.start()]))
            pieces.append(Piece(m.group(), trigger=True))
            last = m.end()
    pieces.append(Piece(window[last:]))
    return [p for p in pieces if p.text]


def _merge(pieces: list[Piece]) -> list[Piece]:
    """Join neighbours covered alike, so the page has fewer elements."""
    out: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if out and _same(out[-1], piece):
            prev = out[-1]
            out[-1] = Piece(
                prev.text + piece.text, prev.events, prev.actor, prev.actor_name, prev.trigger
            )
        else:
            out.append(piece)
    return out


def _same(a: Piece, b: Piece) -> bool:
    return (a.events, a.actor, a.trigger) == (b.events, b.actor, b.trigger) and a.actor is None
