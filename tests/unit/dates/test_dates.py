"""Date expressions: finding, normalising, and what must not become a date."""

from __future__ import annotations

import itertools
import string
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.dates import DateMatch, find_dates, parse_date
from bilat.dates.calendar import Part, easter, part_of, season_of, year_span
from bilat.records import DateSpan, Granularity

ANCHOR = date(2022, 3, 10)  # a Thursday
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
D = Granularity.DAY
W = Granularity.WEEK
M = Granularity.MONTH
S = Granularity.SEASON
Q = Granularity.QUARTER
Y = Granularity.YEAR
DEC = Granularity.DECADE


def only(text: str, anchor: date | None = ANCHOR) -> DateMatch:
    found = find_dates(text, anchor)
    assert len(found) == 1, found
    return found[0]


def span_of(text: str, anchor: date | None = ANCHOR) -> tuple[str, date, date, Granularity]:
    m = only(text, anchor)
    return m.text, m.span.start, m.span.end, m.span.granularity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was signed on 1 December 2021.", ("1 December 2021", date(2021, 12, 1), None, D)),
        ("It was signed on December 1, 2021.", ("December 1, 2021", date(2021, 12, 1), None, D)),
        ("the 1st of December 2021", ("the 1st of December 2021", date(2021, 12, 1), None, D)),
        ("Filed 2021-09-30 in court", ("2021-09-30", date(2021, 9, 30), None, D)),
        ("Signed on 30.09.2021.", ("30.09.2021", date(2021, 9, 30), None, D)),
        ("Signed on 30/09/2021.", ("30/09/2021", date(2021, 9, 30), None, D)),
        ("Signed on 09/30/2021.", ("09/30/2021", date(2021, 9, 30), None, D)),
        ("talks in September 2021", ("September 2021", date(2021, 9, 1), date(2021, 9, 30), M)),
        ("talks in Sept 2021", ("Sept 2021", date(2021, 9, 1), date(2021, 9, 30), M)),
        ("talks in June of 1998", ("June of 1998", date(1998, 6, 1), date(1998, 6, 30), M)),
        (
            "met in late September 2021",
            ("late September 2021", date(2021, 9, 21), date(2021, 9, 30), M),
        ),
        (
            "the last week of February 2022",
            ("the last week of February 2022", date(2022, 2, 22), date(2022, 2, 28), M),
        ),
        ("in early 2022", ("early 2022", date(2022, 1, 1), date(2022, 4, 30), Y)),
        ("by mid-2021", ("mid-2021", date(2021, 5, 1), date(2021, 8, 31), Y)),
        ("in 2021, talks", ("2021", date(2021, 1, 1), date(2021, 12, 31), Y)),
        ("2021's budget", ("2021's", date(2021, 1, 1), date(2021, 12, 31), Y)),
        ("the 1996 law", ("1996", date(1996, 1, 1), date(1996, 12, 31), Y)),
        ("in the fifties", ("the fifties", date(1950, 1, 1), date(1959, 12, 31), DEC)),
        ("in the 1950s", ("the 1950s", date(1950, 1, 1), date(1959, 12, 31), DEC)),
        ("in the '90s", ("the '90s", date(1990, 1, 1), date(1999, 12, 31), DEC)),
        ("the early 1990s", ("the early 1990s", date(1990, 1, 1), date(1993, 12, 31), DEC)),
        ("in summer 2020", ("summer 2020", date(2020, 6, 1), date(2020, 8, 31), S)),
        ("the spring of 2021", ("the spring of 2021", date(2021, 3, 1), date(2021, 5, 31), S)),
        (
            "the third quarter of 2021",
            ("the third quarter of 2021", date(2021, 7, 1), date(2021, 9, 30), Q),
        ),
        ("in Q1 2020", ("Q1 2020", date(2020, 1, 1), date(2020, 3, 31), Q)),
        (
            "the first half of 2021",
            ("the first half of 2021", date(2021, 1, 1), date(2021, 6, 30), Y),
        ),
        ("in 1998-99", ("1998-99", date(1998, 1, 1), date(1999, 12, 31), Y)),
        ("Christmas 2019", ("Christmas 2019", date(2019, 12, 25), None, D)),
    ],
)
def test_absolute_expressions(
    text: str, expected: tuple[str, date, date | None, Granularity]
) -> None:
    want_text, start, end, granularity = expected
    assert span_of(text) == (want_text, start, end or start, granularity)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened yesterday.", ("yesterday", date(2022, 3, 9), None, D)),
        ("It happens today.", ("today", ANCHOR, None, D)),
        ("It happens tomorrow.", ("tomorrow", date(2022, 3, 11), None, D)),
        ("They met on Wednesday.", ("Wednesday", date(2022, 3, 9), None, D)),
        ("They met on Thursday.", ("Thursday", ANCHOR, None, D)),
        ("They met Friday.", ("Friday", date(2022, 3, 4), None, D)),
        ("They will meet Friday.", ("Friday", date(2022, 3, 11), None, D)),
        ("They met last Thursday.", ("last Thursday", date(2022, 3, 3), None, D)),
        ("They meet next Monday.", ("next Monday", date(2022, 3, 14), None, D)),
        ("said Sunday night", ("Sunday night", date(2022, 3, 6), None, D)),
        ("It was signed last week.", ("last week", date(2022, 2, 28), date(2022, 3, 6), W)),
        ("It is due this week.", ("this week", date(2022, 3, 7), date(2022, 3, 13), W)),
        ("in the past week", ("the past week", date(2022, 3, 4), ANCHOR, W)),
        ("It was signed last month.", ("last month", date(2022, 2, 1), date(2022, 2, 28), M)),
        ("It is due next month.", ("next month", date(2022, 4, 1), date(2022, 4, 30), M)),
        ("It was signed last year.", ("last year", date(2021, 1, 1), date(2021, 12, 31), Y)),
        ("It is due this year.", ("this year", date(2022, 1, 1), date(2022, 12, 31), Y)),
        ("two years ago", ("two years ago", date(2020, 1, 1), date(2020, 12, 31), Y)),
        ("11 days ago", ("11 days ago", date(2022, 2, 27), None, D)),
        ("a decade ago", ("a decade ago", date(2012, 1, 1), date(2012, 12, 31), Y)),
        ("two months ago", ("two months ago", date(2022, 1, 1), date(2022, 1, 31), M)),
        ("earlier this month", ("earlier this month", date(2022, 3, 1), date(2022, 3, 9), M)),
        ("later this year", ("later this year", date(2022, 3, 11), date(2022, 12, 31), Y)),
        (
            "by the end of the year",
            ("the end of the year", date(2022, 11, 1), date(2022, 12, 31), Y),
        ),
        ("in early next year", ("early next year", date(2023, 1, 1), date(2023, 4, 30), Y)),
        ("last November", ("last November", date(2021, 11, 1), date(2021, 11, 30), M)),
        ("in February this year", ("February this year", date(2022, 2, 1), date(2022, 2, 28), M)),
        ("last fall", ("last fall", date(2021, 9, 1), date(2021, 11, 30), S)),
        ("the weekend", ("the weekend", date(2022, 3, 5), date(2022, 3, 6), D)),
        ("Easter week", ("Easter week", date(2022, 4, 11), date(2022, 4, 17), W)),
    ],
)
def test_relative_expressions(
    text: str, expected: tuple[str, date, date | None, Granularity]
) -> None:
    want_text, start, end, granularity = expected
    assert span_of(text) == (want_text, start, end or start, granularity)


def test_month_alone_takes_the_anchor_year_or_the_previous_one() -> None:
    # Past by default: a month later in the year than the anchor is last year's ...
    assert only("The deal was signed in October.").span.start == date(2021, 10, 1)
    assert only("The deal was signed in February.").span.start == date(2022, 2, 1)
    # ... unless a future marker says otherwise, or it is just ahead.
    assert only("The summit will be held in October.").span.start == date(2022, 10, 1)
    assert only("They met in April.").span.start == date(2022, 4, 1)


def test_month_day_without_year_is_the_nearest_in_the_tense() -> None:
    assert only("They met on Nov. 25.").span.start == date(2021, 11, 25)
    assert only("They will meet on March 25.").span.start == date(2022, 3, 25)
    assert only("the March 14 deadline passed").span.start == date(2022, 3, 14)


def test_month_and_day_continuations_are_separate_matches() -> None:
    found = find_dates("at the summit on April 24 and 25, 1999.", ANCHOR)
    assert [m.text for m in found] == ["April 24", "25, 1999"] or [m.text for m in found] == [
        "April 24",
        "25",
    ]
    assert [m.span.start.day for m in found] == [24, 25]


def test_vague_references_are_marked() -> None:
    found = find_dates("Now the future looks bright; recently it did not.", ANCHOR)
    assert [(m.text, m.vague) for m in found] == [
        ("Now", True),
        ("the future", True),
        ("recently", True),
    ]
    now, future, recent = (m.span for m in found)
    assert now.start == now.end == ANCHOR
    assert future.start > ANCHOR
    assert recent.end == ANCHOR > recent.start


def test_future_as_an_adjective_is_not_a_date() -> None:
    assert find_dates("They discussed future talks.", ANCHOR) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on 5 May 2021. The next day they signed.", date(2021, 5, 6)),
        ("They met on 5 May 2021. Later that day they signed.", date(2021, 5, 5)),
        ("It began in June 1998 and ended later that year.", date(1998, 9, 1)),
        ("They met on 5 May 2021. Two weeks later they signed.", date(2021, 5, 19)),
        ("Profit in the third quarter rose from a year earlier.", date(2021, 7, 1)),
    ],
)
def test_anaphora_resolve_against_the_previous_date(text: str, expected: date) -> None:
    assert find_dates(text, ANCHOR)[-1].span.start == expected


@pytest.mark.parametrize(
    "text",
    [
        "in the past twenty-three years",
        "in nine years",
        "for two weeks",
        "CWA # 1189",
        "2,000 troops",
        "section seven",
        "page 12 of 40",
        "a bare 1189 is not a year",
        "it cost 1998 dollars",
        "they deployed 2000 troops",
        "he is in his sixties",
        "the Arab Spring",
        "the fall of Kabul",
        "Theresa May said",
        "they may march",
        "the 2020-member force",
        "version 2.1.3",
        "at 1930 GMT",
        "the days before the shooting",
        "Bloody Sunday",
        "read Africa This Week",
        "01/02/2021",  # ambiguous and no anchor to choose by
    ],
)
def test_non_dates(text: str) -> None:
    anchor = None if text == "01/02/2021" else ANCHOR
    assert find_dates(text, anchor) == []


def test_without_anchor_only_absolute_dates_are_found() -> None:
    found = find_dates("Yesterday, on 5 May 2021, not on Friday or in April.", None)
    assert [m.text for m in found] == ["5 May 2021"]


def test_ambiguous_slashed_date_takes_the_reading_nearer_the_anchor() -> None:
    assert only("on 03/02/2022", ANCHOR).span.start == date(2022, 3, 2)
    assert only("on 03/02/2022", date(2022, 2, 5)).span.start == date(2022, 2, 3)


def test_longest_match_wins_and_offsets_slice_back() -> None:
    text = "Talks were held in late September 2021 and again in the fifties."
    found = find_dates(text, ANCHOR)
    assert [m.text for m in found] == ["late September 2021", "the fifties"]
    assert all(text[m.start : m.end] == m.text == m.span.text for m in found)


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("2021", (date(2021, 1, 1), date(2021, 12, 31), Y)),
        ("2021-09", (date(2021, 9, 1), date(2021, 9, 30), M)),
        ("2021-09-30", (date(2021, 9, 30), date(2021, 9, 30), D)),
        ("late September 2021", (date(2021, 9, 21), date(2021, 9, 30), M)),
        ("since 2021-09", (date(2021, 9, 1), date(2021, 9, 30), M)),
        ("Sept 30 2021", (date(2021, 9, 30), date(2021, 9, 30), D)),
        ("the fifties", (date(1950, 1, 1), date(1959, 12, 31), DEC)),
    ],
)
def test_parse_date(expr: str, expected: tuple[date, date, Granularity]) -> None:
    span = parse_date(expr)
    assert span is not None
    assert (span.start, span.end, span.granularity) == expected


def test_parse_date_relative_needs_the_anchor_and_rejects_junk() -> None:
    assert parse_date("yesterday", ANCHOR) == DateSpan(
        date(2022, 3, 9), date(2022, 3, 9), D, "yesterday"
    )
    assert parse_date("2021-13") is None
    assert parse_date("not a date at all") is None
    assert parse_date("") is None


def test_calendar_helpers() -> None:
    assert easter(2000) == date(2000, 4, 23)
    assert easter(2024) == date(2024, 3, 31)
    assert season_of(date(2021, 1, 15)) == (2020, "winter")
    assert season_of(date(2021, 12, 15)) == (2021, "winter")
    assert season_of(date(2021, 10, 1)) == (2021, "autumn")
    assert part_of(year_span(2021), Part.LATE) == DateSpan(date(2021, 9, 1), date(2021, 12, 31), Y)


# --- properties ------------------------------------------------------------------

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
anchors = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), anchors)
def test_any_text_gives_sorted_disjoint_valid_matches(text: str, anchor: date) -> None:
    found = find_dates(text, anchor)
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.span.start <= m.span.end
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


words = st.text(alphabet=string.ascii_lowercase + " ,.", min_size=0, max_size=80)


@settings(max_examples=300, deadline=None)
@given(dates, words, words, st.sampled_from(["{d} {M} {y}", "{M} {d}, {y}", "{y}-{m:02d}-{d:02d}"]))
def test_formatted_dates_parse_back_exactly(
    day: date, before: str, after: str, pattern: str
) -> None:
    expr = pattern.format(d=day.day, m=day.month, M=MONTH_NAMES[day.month - 1], y=day.year)
    assert parse_date(expr) == DateSpan(day, day, D, expr)
    text = f"{before} on {expr} {after}"
    found = [m for m in find_dates(text, None) if m.text == expr]
    assert [m.span.start for m in found] == [day]


@settings(max_examples=200, deadline=None)
@given(dates)
def test_month_year_parses_to_the_whole_month(day: date) -> None:
    span = parse_date(f"{MONTH_NAMES[day.month - 1]} {day.year}")
    assert span is not None
    assert span.granularity is M
    assert span.start == day.replace(day=1)
    assert (span.end + timedelta(days=1)).day == 1


@settings(max_examples=200, deadline=None)
@given(anchors, st.integers(min_value=0, max_value=6))
def test_weekdays_fall_in_the_week_before_the_anchor(anchor: date, weekday: int) -> None:
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday]
    past = only(f"The minister said {name} that talks failed.", anchor).span.start
    assert past.weekday() == weekday
    assert anchor - timedelta(days=6) <= past <= anchor
    ahead = only(f"The minister will travel {name} to Moscow.", anchor).span.start
    assert ahead.weekday() == weekday
    assert anchor <= ahead <= anchor + timedelta(days=6)


@settings(max_examples=200, deadline=None)
@given(anchors, st.integers(min_value=1, max_value=12))
def test_bare_months_stay_near_the_anchor(anchor: date, month: int) -> None:
    span = only(f"The treaty was ratified in {MONTH_NAMES[month - 1]}.", anchor).span
    assert span.start.month == month
    assert anchor - timedelta(days=366) < span.start < anchor + timedelta(days=214)


@settings(max_examples=100, deadline=None)
@given(anchors)
def test_relative_periods_are_consistent(anchor: date) -> None:
    yesterday = only("It happened yesterday.", anchor).span
    assert yesterday.start == yesterday.end == anchor - timedelta(days=1)
    last_week = only("It happened last week.", anchor).span
    assert (last_week.end - last_week.start).days == 6
    assert last_week.start.weekday() == 0
    assert last_week.end < anchor <= last_week.end + timedelta(days=7)
    last_year = only("It happened last year.", anchor).span
    assert last_year == DateSpan(
        date(anchor.year - 1, 1, 1), date(anchor.year - 1, 12, 31), Y, "last year"
    )
