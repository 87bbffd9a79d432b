"""Rule 2: source and target actor spans of a sentence's events.

Gold: a CoNLL file, ``token tag`` a line, a blank line between sentences; tags
``B-S``/``I-S`` (source), ``B-T``/``I-T`` (target), ``B-R``/``I-R``
(reciprocal: an actor that is both, e.g. "Erdogan will meet his counterpart")
and ``O``. The sentence text is the tokens joined by single spaces.

Predicted spans are the ``source`` and ``target`` mentions of the events bilat
finds in the sentence, mapped to the tokens their characters overlap, with
identical spans of one role kept once. A predicted span is correct when its
token range overlaps a gold span of the same role and ends on the same (head)
token; matching is one-to-one (maximum matching). Reciprocal spans are not
scored as S or T: a predicted span of either role that overlaps one is set
aside (neither right nor wrong), and the share of reciprocal spans so found is
reported as ``reciprocal``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilat.errors import ResourceInvalid
from bilat.evaluation.classes import SentencePredictor, predict_all
from bilat.evaluation.metrics import PRF, max_matching, micro, ratio
from bilat.records import Event, Mention

ROLES = ("S", "T", "R")
Span = tuple[int, int]
"""Token range, first and last token inclusive."""


@dataclass(frozen=True, slots=True)
class RoleSentence:
    """One gold sentence: its tokens, their character ranges, and the gold spans per role."""

    tokens: tuple[str, ...]
    offsets: tuple[Span, ...]
    source: tuple[Span, ...]
    target: tuple[Span, ...]
    reciprocal: tuple[Span, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def token_span(self, start: int, end: int) -> Span | None:
        """The tokens that characters ``start:end`` of ``text`` overlap, or None."""
        hit = [i for i, (a, b) in enumerate(self.offsets) if a < end and b > start]
        return (hit[0], hit[-1]) if hit else None


def sentence_from_tagged(pairs: Sequence[tuple[str, str]]) -> RoleSentence:
    """Build a sentence from (token, tag) pairs; an I- tag without its B- starts a span."""
    spans: dict[str, list[Span]] = {role: [] for role in ROLES}
    offsets: list[Span] = []
    position = 0
    open_role: str | None = None
    for index, (token, tag) in enumerate(pairs):
        offsets.append((position, position + len(token)))
        position += len(token) + 1
        prefix, _, role = tag.partition("-")
        if prefix == "I" and role == open_role:
            first, _ = spans[role][-1]
            spans[role][-1] = (first, index)
        elif prefix in ("B", "I") and role in spans:
            spans[role].append((index, index))
            open_role = role
        else:
            open_role = None
    return RoleSentence(
        tokens=tuple(token for token, _ in pairs),
        offsets=tuple(offsets),
        source=tuple(spans["S"]),
        target=tuple(spans["T"]),
        reciprocal=tuple(spans["R"]),
    )


def load_roles(path: Path) -> list[RoleSentence]:
    """Read the CoNLL file into sentences."""
    sentences: list[RoleSentence] = []
    pairs: list[tuple[str, str]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate([*lines, ""], 1):
        if not line.strip():
            if pairs:
                sentences.append(sentence_from_tagged(pairs))
                pairs = []
            continue
        token, sep, tag = line.rpartition(" ")
        if not sep or not token or not (tag == "O" or tag[:2] in ("B-", "I-")):
            raise ResourceInvalid(f"{path}:{number}: expected 'token tag'")
        pairs.append((token, tag))
    return sentences


def _spans(sentence: RoleSentence, mentions: Iterable[Mention | None]) -> list[Span]:
    """Token spans of the mentions, identical ones once, in first-seen order."""
    out: list[Span] = []
    for mention in mentions:
        span = sentence.token_span(mention.start, mention.end) if mention else None
        if span is not None and span not in out:
            out.append(span)
    return out


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _correct(predicted: Span, gold: Span) -> bool:
    return _overlaps(predicted, gold) and predicted[1] == gold[1]


def _score_role(predicted: list[Span], gold: Sequence[Span]) -> PRF:
    tp = len(max_matching(predicted, gold, _correct))
    return PRF(tp, len(predicted) - tp, len(gold) - tp)


@dataclass(frozen=True, slots=True)
class RolesResult:
    """Figures of rule 2."""

    n: int
    source: PRF
    target: PRF
    reciprocal_found: int = 0
    reciprocal_total: int = 0

    @property
    def micro(self) -> PRF:
        return micro((self.source, self.target))

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "source": self.source.as_dict(),
            "target": self.target.as_dict(),
            "micro": self.micro.as_dict(),
            "reciprocal": {
                "n": self.reciprocal_total,
                "recall": ratio(self.reciprocal_found, self.reciprocal_total),
            },
        }


def score_sentence(sentence: RoleSentence, events: Sequence[Event]) -> tuple[PRF, PRF, int]:
    """Source and target scores of one sentence, and how many reciprocal spans were found."""
    source = _spans(sentence, (e.source for e in events))
    target = _spans(sentence, (e.target for e in events))
    recip = sentence.reciprocal
    found = sum(1 for r in recip if any(_overlaps(r, p) for p in (*source, *target)))
    source = [p for p in source if not any(_overlaps(p, r) for r in recip)]
    target = [p for p in target if not any(_overlaps(p, r) for r in recip)]
    return _score_role(source, sentence.source), _score_role(target, sentence.target), found


def score_roles(sentences: Sequence[RoleSentence], predict: SentencePredictor) -> RolesResult:
    """Score ``predict`` on ``sentences`` (one call with every sentence text)."""
    found = predict_all(predict, [s.text for s in sentences])
    source, target, recip_found = PRF(), PRF(), 0
    for sentence, events in zip(sentences, found, strict=True):
        s, t, r = score_sentence(sentence, events)
        source, target, recip_found = source + s, target + t, recip_found + r
    return RolesResult(
        n=len(sentences),
        source=source,
        target=target,
        reciprocal_found=recip_found,
        reciprocal_total=sum(len(s.reciprocal) for s in sentences),
    )
