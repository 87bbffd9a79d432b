"""When an event happened: the date its own clause names, else the time the text is at.

"The leaders recalled their conversation that took place in August and discussed trade":
August dates the conversation (the date sits in a clause hanging off it), not the
discussion, which sits in another clause. A sentence without a date of its own
continues the reference time of the paragraph it is in ("On 1 December the advisers
met in Moscow. They reviewed ..."), and a definite description of an event already
reported ("the meeting was held ...") refers back to it and takes its date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span, Token

from bilat.dates.calendar import last_day, month_span, shift_years
from bilat.dates.lexicon import MONTHS
from bilat.nlp.events.modality import told_in_future, told_in_present
from bilat.nlp.words import Words
from bilat.records import DateSpan, Granularity

WORDS = Words("events")  # resources/words.yaml, section events

SAME_PERIOD = re.compile(
    r"\b(?:the same (?:day|week|month|year)|that (?:day|week|month|year)|later that \w+)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PlacedDate:
    """A date expression of a sentence: where it starts and the word that heads it."""

    start: int
    head: Token
    span: DateSpan


def _date_words(sent: Span, start: int, end: int) -> Span | None:
    """The tokens of the date expression at ``start:end``, or None when none align."""
    words = sent.doc.char_span(start, end, alignment_mode="expand")
    return words if words is not None and len(words) else None


def place_dates(sent: Span, dates: Sequence[tuple[int, int, DateSpan]]) -> list[PlacedDate]:
    """Attach each (start, end, span) of the sentence to the token that heads its text."""
    placed: list[PlacedDate] = []
    for start, end, span in dates:
        words = _date_words(sent, start, end)
        if words is not None:
            placed.append(PlacedDate(start, words.root, span))
    return placed


# Dependencies of a date that premodifies a noun: "the 1923 Treaty", "the 2015 deal".
ATTRIBUTIVE_DEPS = frozenset({"nummod", "compound", "amod", "nmod"})


def names_a_thing(sent: Span, start: int, end: int) -> bool:
    """Whether the date expression at ``start:end`` premodifies a noun ("the 1923 Treaty of
    Lausanne"): it is part of a name or description, not the time the text moves to, so
    the next sentence's "in January" is not January 1923."""
    words = _date_words(sent, start, end)
    if words is None:
        return False
    root = words.root
    return _attributive(root) and root.head.i >= words.end


def _attributive(date_head: Token) -> bool:
    """Whether a date modifies a noun as an attribute ("the 2015 deal", "his 2009 conviction")."""
    return date_head.dep_ in ATTRIBUTIVE_DEPS and date_head.head.pos_ in ("NOUN", "PROPN")


def _deadline(date_head: Token) -> bool:
    """Whether a date is the object of "by", "until": a deadline or an end."""
    return date_head.dep_ == "pobj" and date_head.head.lower_ in WORDS.DEADLINES


def sets_a_deadline(sent: Span, start: int, end: int) -> bool:
    """Whether the date expression at ``start:end`` is a deadline or an end ("by 2022"):
    the text does not move to it."""
    words = _date_words(sent, start, end)
    return words is not None and _deadline(words.root)


def bounds_a_duration(sent: Span, start: int, end: int) -> bool:
    """Whether the date expression at ``start:end`` only says since when something has
    lasted: it dates no act, and the text does not move to it ("troops have fought there
    since 2011. Ethiopia met the commanders in May" is May of the story's year)."""
    words = _date_words(sent, start, end)
    if words is None:
        return False
    root = words.root
    if root.head.lower_ in WORDS.DURATION_STARTS or root.lower_ in WORDS.DURATION_STARTS:
        return True
    verb = clause_head(root)
    return any(c.dep_ == "mark" and c.lower_ in WORDS.DURATION_STARTS for c in verb.children)


def clause_head(token: Token) -> Token:
    """The verb of the clause a word is in (the sentence root when none is above it)."""
    current = token
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
        current = current.head
    return current


def dates_the_trigger(trigger: Token, date_head: Token) -> bool:
    """Whether a date expression can date the event ``trigger`` states: it is inside the
    trigger's own phrase, or in the trigger's clause or a clause that governs it; not in
    a relative clause below the trigger, which dates its own verb ("agreed to reopen the
    crossing, which has been closed since 2021")."""
    if trigger.i == date_head.i:
        return True
    if trigger in date_head.ancestors:
        return not _in_relative_clause(date_head, trigger) and not _dates_another(
            date_head, trigger
        )
    if _attributive(date_head):  # "the 1923 Treaty", in a clause over the trigger's
        return False
    own = clause_head(trigger)
    theirs = clause_head(date_head)
    return theirs.i == own.i or theirs in own.ancestors


# Dependencies of a verb that heads a predicate of its own below the trigger: a date in
# it dates that verb ("reopens its embassy, after closing it in 2011").
NESTED_PREDICATES = frozenset({"pcomp", "advcl", "acl"})


def _dates_another(date_head: Token, trigger: Token) -> bool:
    """Whether the date, below ``trigger``, belongs to another word on the way: a nested
    predicate, or a noun it premodifies ("refuses entry because of his 2009 conviction").
    A date in parentheses is the writer dating the clause ("signed an MoU for conducting a
    study (September 2018)")."""
    first = date_head.left_edge
    if first.i > 0 and first.nbor(-1).text == "(":
        return False
    if _attributive(date_head) and date_head.head.i != trigger.i:
        return True
    current = date_head.head
    while current.i not in (trigger.i, current.head.i):
        if current.pos_ in ("VERB", "AUX") and current.dep_ in NESTED_PREDICATES:
            return True
        current = current.head
    return False


def _in_relative_clause(token: Token, above: Token) -> bool:
    """Whether a relative clause of another noun lies between ``token`` and its ancestor
    ``above`` (a clause on ``above`` itself dates it: "the talks that took place in May")."""
    current = token
    while current.i not in (above.i, current.head.i):
        if current.dep_ == "relcl" and current.head.i != above.i:
            return True
        current = current.head
    return False


def _dates_its_noun(noun: Token | None, date_head: Token) -> bool:
    """Whether the date is in a relative clause on the event noun a light verb took its
    sense from that tells when the event happened: "recalled their earlier conversation
    *that took place in August*" (a clause that tells something else, "the deal, which
    expires in 2025", dates that)."""
    if noun is None:
        return False
    clause = next((t for t in date_head.ancestors if t.dep_ == "relcl"), None)
    return (
        clause is not None
        and clause.head.i == noun.i
        and clause.lemma_.lower() in WORDS.OCCURRENCE_VERBS
    )


def is_definite(trigger: Token, obj: Token | None) -> bool:
    """ "the meeting was held", "during the visit": the event noun names a known event."""
    noun = obj if obj is not None else trigger
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "det" and c.lower_ in WORDS.DEFINITE for c in noun.children
    )


def event_date(
    trigger: Token,
    dates: Sequence[PlacedDate],
    reference: DateSpan | None,
    previous: DateSpan | None,
    obj: Token | None = None,
) -> DateSpan | None:
    """The nearest date of the trigger's own clauses (or of the clause telling when its
    event noun ``obj`` happened); else the paragraph's reference time; else the nearest
    date of the sentence; "the same month" refers back to the last date."""
    own = [d for d in dates if dates_the_trigger(trigger, d.head) or _dates_its_noun(obj, d.head)]
    if own:
        return min(own, key=lambda d: abs(d.start - trigger.idx)).span
    if reference is not None:
        return reference if reference.inferred else replace(reference, inferred=True)
    # a date that premodifies another noun is part of its name ("the 1923 Treaty of
    # Lausanne"); one in a relative clause of another noun dates that clause's verb
    # nor does a deadline ("pledged that output would double *by 2022*")
    named = [d for d in dates if not _attributive(d.head) and not _deadline(d.head)]
    if named:
        free = [d for d in named if not _in_relative_clause(d.head, d.head.sent.root)] or named
        return min(free, key=lambda d: abs(d.start - trigger.idx)).span
    if previous is not None and SAME_PERIOD.search(trigger.sent.text):
        return previous
    return None


# How near the publication date the text's last date must be for the text to be at the
# time of the report (a news story), not recalling another time (an analysis of history).
REPORT_TIME_DAYS = 31


def report_month(previous: DateSpan | None, anchor: date | None) -> DateSpan | None:
    """The publication month, as the inferred date of an act nothing else dates, when the
    text is at the time of its report: the last date it named lies within a month of the
    publication date ("agreed on Saturday ... \n\n The two leaders held talks" in a
    September story: September). None when the text recalls another time or names none."""
    if previous is None or anchor is None:
        return None
    if abs((previous.start - anchor).days) > REPORT_TIME_DAYS:
        return None
    return publication_month(anchor)


def news_month(root: Token, anchor: date | None) -> DateSpan | None:
    """The publication month, as the inferred date of an undated act in a sentence whose
    main verb tells the news of the day ("Germany reopens train services from Austria
    *after reintroducing border controls*": the controls came this month, before today)."""
    if anchor is None or not told_in_present(root) or told_in_future(root):
        return None
    return publication_month(anchor)


def publication_month(anchor: date) -> DateSpan:
    """The publication month, inferred."""
    return replace(month_span(anchor.year, anchor.month), inferred=True)


def publication_day(anchor: date) -> DateSpan:
    """The publication date as the inferred day of an act the report tells as news."""
    return DateSpan(anchor, anchor, Granularity.DAY, "", inferred=True)


def same_paragraph(text: str, previous_end: int, start: int) -> bool:
    """Whether no line break separates the end of one sentence's text from the next
    sentence (headings and paragraphs end lines)."""
    return "\n" not in text[previous_end:start]


# Words that fix which year a month named without one is ("last June", "next March",
# "June 2021", "June '21"); a day of the month ("June 3") does not.
_YEAR_FIXED = re.compile(
    r"\b\d{4}\b|'\d\d\b|\b(?:last|next|this|past|coming|ago|previous|following)\b", re.I
)


def plan_ahead(when: DateSpan | None, anchor: date | None) -> DateSpan | None:
    """A plan's month named without its year lies ahead: "will hold an exercise in June"
    in a September story is next June. The date finder reads only the words near a date
    and took the last June when the plan's "will" stood far before it."""
    if when is None or anchor is None or when.end >= anchor:
        return when
    return _year_moved(when, 1)


def done_before(when: DateSpan | None, anchor: date | None) -> DateSpan | None:
    """An act told as done, on a month named without its year, lies behind the report:
    "held talks in November" in a January story is last November. The date finder gives
    a month with no year the report's own year, whatever the tense. A date after the
    report that the act only took from the text before it (a plan's "in May") is not
    its date at all."""
    if when is None or anchor is None or when.start <= anchor:
        return when
    return None if when.inferred else _year_moved(when, -1)


def _year_moved(when: DateSpan, years: int) -> DateSpan:
    """``when`` ``years`` years on, if it is a month named without its year."""
    if _YEAR_FIXED.search(when.text):
        return when
    if not any(word in MONTHS for word in re.findall(r"[a-z]+", when.text.lower())):
        return when  # "on Monday": no month named
    end = shift_years(when.end, years)
    if when.end.day == last_day(when.end.year, when.end.month):
        end = end.replace(day=last_day(end.year, end.month))  # to the end of February
    return replace(when, start=shift_years(when.start, years), end=end)
