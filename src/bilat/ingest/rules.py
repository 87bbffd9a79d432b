"""Line shapes of page furniture, shared by the plain-text and HTML cleaners.

Each rule looks at one stripped line and is general: words a share bar is made
of, the form of a "Read more:" link, the phrasing of a donation appeal. Rules
that could hit a real sentence ("donation", "subscribe to the view") ask for a
second signal, such as first- or second-person address, before they fire.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def _words(text: str) -> frozenset[str]:
    """A word set written as one string, to keep long lists readable."""
    return frozenset(text.split())


WORD = re.compile(r"\w*[^\W\d_]\w*")
_LOWER_WORD = re.compile(r"[a-z]+")

# A share bar or widget is made only of these words and names at least one core one.
_SOCIAL_CORE = _words(
    "share shares facebook twitter tweet whatsapp linkedin email mail print bookmark "
    "pinterest reddit telegram messenger pocket tumblr flipboard"
)
_SOCIAL_FILLER = _words(
    "on this the article story post page via us with a an friend friends it to and or like "
    "your link url copy pdf version friendly sms more options icon button close open save "
    "x e by send"
)
_SOCIAL_MAX_WORDS = 12

_LINK_PREFIX = re.compile(
    r"^(?:read more|read also|also read|read next|see also|related(?: \w+)?|more on this(?: story)?"
    r"|recommended(?: for you)?|you (?:may|might) also like|don['’]?t miss|must read"
    r"|further reading|more from [\w .'’-]{1,40}|editor['’]?s picks?|watch|listen)"
    r"(?:\s*[:|»>]|\s+[—–-]\s)",
    re.I,
)
_ALSO_ON_SITE = re.compile(r"^also on [\w-]+(?:\.[\w-]+)+\b", re.I)
_LABEL = re.compile(
    r"^(?:latest(?: news| stories| posts| articles| updates)?|most (?:read|popular|viewed|shared)"
    r"|top stories|more stories|related(?: articles| stories| posts| news| content)?"
    r"|trending(?: now)?|recommended(?: for you)?|you (?:may|might) also like|read next|up next"
    r"|advertisement|advertising|sponsored(?: content)?|loading|tags?|topics?|categories"
    r"|filed under|home|menu|search|log ?in|sign ?in|sign ?up|register|subscribe"
    r"|skip to(?: main)? content"
    r"|back to top|go to top|next(?: article| post| story)?|previous(?: article| post| story)?"
    r"|show more|load more|view all|see all|share this|follow us)\W*$",
    re.I,
)
_NAV_TRAIL = re.compile(r"^(?:tags?|topics?|categories|filed under|keywords)\s*:", re.I)
_BREADCRUMB = re.compile(r"^home\s*[>»›/|]", re.I)

_APPEAL = re.compile(
    r"\b(?:support (?:us|our (?:work|journalism|reporting|mission)|independent journalism)"
    r"|would you support|please (?:consider )?(?:support|donat)|donate (?:now|today|here|to us)"
    r"|make a (?:donation|contribution)|become a (?:member|patron|supporter|subscriber)"
    r"|subscribe (?:now|today|here"
    r"|to (?:our|the|[\w-]+) (?:newsletter|alerts?|channel|podcast|updates))"
    r"|(?:or|and) to subscribe|to subscribe (?:to (?:our|[\w-]+) (?:alerts?|newsletters?|updates))"
    r"|sign up (?:for|to) our|(?:our|free|daily|weekly) newsletter"
    r"|delivered (?:to your inbox|through your letterbox|to your door)"
    r"|(?:we are|as) an independent|independent non-?profit"
    r"|the article you['’]ve just|you['’]ve just (?:finished|read)|already a subscriber"
    r"|reader[- ]funded|send an email to|click here)\b",
    re.I,
)
# Appeals that no single phrase gives away: talk of the outlet's journalism and of
# paying for it, addressed to "you" or from "we". "Our journalists were detained",
# an agency said: that is news, and names no support.
_APPEAL_MEDIA = _words("journalism journalists journalist newsroom outlet reporting")
_APPEAL_SUPPORT = _words(
    "support donate donation donations subscribe subscription subscriptions contribute "
    "contribution membership independent nonprofit paywall funded funding"
)
_APPEAL_PERSON = _words("we our us you your")
_APPEAL_MAX_WORDS = 120
_PHOTO = re.compile(
    r"^[(\[]?(?:file )?(?:photo|image|picture|photograph|illustration|graphic|video|pic|cover|"
    r"featured image)s?(?: source| credits?| courtesy| by)?\s*[:|/-]",
    re.I,
)
_AGENCY_CREDIT = re.compile(
    r"(?:/|\||\bvia\b|\bby\b|:)\s*(?:getty images|afp|reuters|ap photo|ap|shutterstock|epa|xinhua"
    r"|anadolu(?: agency)?|file)\W*$",
    re.I,
)
_CREDIT_MAX_WORDS = 15
_ISSUE_NUMBER = re.compile(r"\b[A-Z]{1,6} ?# ?\d{1,6}\b")
_MONTH_PIPE = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4}\s*\|", re.I
)
_SIDEBAR_MAX_WORDS = 12
# A disclaimer speaks of the piece itself: "views expressed" in news ("the views
# expressed at the summit") is not one, so the line must also name the piece or author.
_DISCLAIMER = re.compile(
    r"\b(?:views|opinions) (?:and opinions )?expressed\b|\bdo(?:es)? not necessarily "
    r"(?:reflect|represent)\b",
    re.I,
)
_DISCLAIMER_SUBJECT = re.compile(
    r"\b(?:author|authors|writer|article|column|columnist|piece|op-ed|blog|post|contributor)"
    r"(?:['’]s)?\b",
    re.I,
)
_CONTACT = re.compile(
    r"\b(?:can|may) be (?:reached|contacted) at\b|\btweets (?:at|as) @|\bfollow (?:him|her|them)"
    r" on (?:twitter|x|facebook|instagram|linkedin)\b",
    re.I,
)
_AUTHOR_IS = re.compile(
    r"^[(\[]?(?:the )?(?:author|writer|columnist|contributor)s? (?:is|are|was|has|can|holds"
    r"|teaches|works|serves|writes)\b",
    re.I,
)
_CONTACT_MAX_WORDS = 40
# A republication note speaks of this piece ("This article was first published in"),
# not of a report a paragraph cites ("the study, first published in 2019, found").
_REPUBLISHED = re.compile(
    r"^[*(\[]?\s*(?:note:\s*)?(?:first|originally) (?:published|appeared)\b"
    r"|\b(?:re)?published (?:here )?with (?:kind )?permission\b"
    r"|\b(?:this|the) (?:article|piece|story|note|post|column|commentary|op-ed|report) "
    r"(?:was|is|has been) (?:first |originally )?"
    r"(?:published|republished|reproduced|cross-posted|appeared)\b",
    re.I,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b", re.I)
_FOOTER_LINK = re.compile(
    r"\bterms (?:of|and) (?:use|service|conditions)\b|\bprivacy policy\b"
    r"|\bcookie (?:policy|settings)\b",
    re.I,
)
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?comments?\s*(?:\(\d+\))?$|^(?:leave|post|add|write) a (?:comment|reply)"
    r"|^tell us what you think|^(?:view|show|read) (?:all )?(?:\d+ )?comments"
    r"|^join the (?:conversation|discussion)",
    re.I,
)
_SHORTCODE = re.compile(r"\[(\w+)\b[^\]]*\].*\[/\1\]")

_NAME_PART = (
    r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.|(?:bin|bint|al|el|de|da|van|von|der|ibn))"
)
_NAME = rf"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?: {_NAME_PART}){{1,4}}"
_BYLINE = re.compile(rf"^(?i:by):?\s+({_NAME})(?:\s*(?:,|\||and\b|-|–|—).*)?$")
_BARE_NAME = re.compile(rf"^({_NAME})$")
_PIPE_BIO = re.compile(rf"^({_NAME}) \| \1\b")
_NAMED_BIO = re.compile(
    rf"^({_NAME}),? (?:is|was|has been|serves as|works as)"
    r" (?:a|an|the|currently|presently|former)\b"
)
_BIO_ROLE = re.compile(
    r"\b(?:professor|associate|fellow|analyst|journalist|freelancer|writer|author|researcher"
    r"|student|scholar|candidate|faculty|lecturer|director|editor|correspondent|columnist"
    r"|consultant|ambassador|diplomat|expert|retired|former|graduate|postgraduate|doctoral"
    r"|member of|head of)\b",
    re.I,
)
_BIO_MAX_WORDS = 50
_DISCLAIMER_MAX_WORDS = 80
# Words in a name-shaped line that show it names a publication or team, not a person.
_NOT_A_PERSON = _words(
    "reader news team desk staff times post daily week weekly today review institute university "
    "course campus global politics world report journal magazine online press agency media "
    "network service services bureau editorial editors opinion analysis the of and in for "
    "on at"
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_TITLE_MAX_WORDS = 15
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_QUOTE_MARK = re.compile(r"[“”\"]")


def boilerplate_rule(line: str) -> str | None:
    """The name of the first rule that calls this line page furniture, or None."""
    words = len(WORD.findall(line))
    for name, test in _RULES:
        if test(line, words):
            return name
    return None


def _is_share_bar(line: str, words: int) -> bool:
    if words > _SOCIAL_MAX_WORDS:
        return False
    tokens = _LOWER_WORD.findall(line.casefold())
    return (
        bool(tokens)
        and bool(_SOCIAL_CORE.intersection(tokens))
        and all(w in _SOCIAL_CORE or w in _SOCIAL_FILLER for w in tokens)
    )


def _is_link_line(line: str, words: int) -> bool:
    return bool(_LINK_PREFIX.match(line) or _ALSO_ON_SITE.match(line))


def _is_navigation(line: str, words: int) -> bool:
    return bool(
        _LABEL.match(line)
        or _NAV_TRAIL.match(line)
        or _BREADCRUMB.match(line)
        or _SHORTCODE.search(line)
    )


def _is_appeal(line: str, words: int) -> bool:
    if words > _APPEAL_MAX_WORDS:
        return False
    if _APPEAL.search(line):
        return True
    tokens = set(_LOWER_WORD.findall(line.casefold()))
    return bool(tokens & _APPEAL_MEDIA and tokens & _APPEAL_SUPPORT and tokens & _APPEAL_PERSON)


def _is_photo_credit(line: str, words: int) -> bool:
    return bool(_PHOTO.match(line)) or (
        words <= _CREDIT_MAX_WORDS and bool(_AGENCY_CREDIT.search(line))
    )


def _is_sidebar(line: str, words: int) -> bool:
    dated = words <= _SIDEBAR_MAX_WORDS and bool(
        _ISSUE_NUMBER.search(line) or _MONTH_PIPE.match(line)
    )
    return dated or bool(_PIPE_BIO.match(line))


def is_sidebar_marker(line: str) -> bool:
    """An issue number ("CWA # 1189") or "Month YYYY |" line: a list of other articles."""
    return _is_sidebar(line, len(WORD.findall(line)))


def is_author_bio(line: str) -> bool:
    """ "Jane Doe is a research associate at ...": a bio when it sits at the end of a text."""
    return (
        bool(_NAMED_BIO.match(line))
        and len(WORD.findall(line)) <= _BIO_MAX_WORDS
        and bool(_BIO_ROLE.search(line))
    )


def _is_disclaimer(line: str, words: int) -> bool:
    if words > _DISCLAIMER_MAX_WORDS:
        return False
    return (
        bool(_AUTHOR_IS.match(line))
        or bool(_DISCLAIMER.search(line) and _DISCLAIMER_SUBJECT.search(line))
        or (words <= _CONTACT_MAX_WORDS and bool(_CONTACT.search(line)))
    )


def _is_republication(line: str, words: int) -> bool:
    return words <= _DISCLAIMER_MAX_WORDS and bool(_REPUBLISHED.search(line))


def _is_copyright(line: str, words: int) -> bool:
    # "Privacy Policy | Terms of Use" is a link list, never a sentence.
    footer = words <= _SOCIAL_MAX_WORDS and not is_sentence(line) and _FOOTER_LINK.search(line)
    return words <= _DISCLAIMER_MAX_WORDS and bool(_COPYRIGHT.search(line) or footer)


def _is_comments_widget(line: str, words: int) -> bool:
    return words <= _SOCIAL_MAX_WORDS and bool(_COMMENTS.search(line))


# Each test sees the line and its word count; furniture is short, so long lines
# fail the length checks before any costly search.
_RULES: tuple[tuple[str, Callable[[str, int], bool]], ...] = (
    ("share bar", _is_share_bar),
    ("link line", _is_link_line),
    ("navigation", _is_navigation),
    ("appeal", _is_appeal),
    ("photo credit", _is_photo_credit),
    ("sidebar", _is_sidebar),
    ("author bio", _is_disclaimer),
    ("republication note", _is_republication),
    ("copyright", _is_copyright),
    ("comments", _is_comments_widget),
)


# Furniture that only ever follows the article: nothing after it is article text.
END_RULES = frozenset({"author bio", "republication note", "copyright"})


def is_sentence(line: str) -> bool:
    """Ends like a sentence (full stop, question or exclamation mark, maybe quoted)."""
    return bool(_SENTENCE_END.search(line))


def is_title_like(line: str) -> bool:
    """Short and not a sentence: a headline, heading or link title."""
    return 0 < len(WORD.findall(line)) < _TITLE_MAX_WORDS and not is_sentence(line)


def is_citation(line: str) -> bool:
    """A reference such as: Jane Doe, “Title,” Paper, 2 December 2021."""
    return bool(_QUOTE_MARK.search(line) and _YEAR.search(line) and "," in line)


def byline_name(line: str) -> str | None:
    """The person a byline names ("By Jane Doe, Reuters" or a bare "Jane Doe"), else None."""
    match = _BYLINE.match(line) or _BARE_NAME.match(line)
    if match is None:
        return None
    name = match.group(1)
    if _NOT_A_PERSON.intersection(w.casefold() for w in name.split()):
        return None
    return name


def bio_name(line: str) -> str | None:
    """The person an author bio opens with ("Jane Doe is a ..."), else None."""
    match = _NAMED_BIO.match(line)
    return match.group(1) if match else None
