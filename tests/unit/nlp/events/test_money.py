"""Amounts: money with ISO currencies and scale words, counted things, and non-amounts."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.nlp.events.money import SCALES, USD_PER_UNIT, AmountMatch, find_amounts


def only(text: str) -> AmountMatch:
    found = find_amounts(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("$2 billion", "2000000000", "USD"),
        ("US$ 989.23 million", "989230000", "USD"),
        ("USD 1.5bn", "1500000000", "USD"),
        ("USD1.5bn", "1500000000", "USD"),
        ("Rs 5 billion", "5000000000", "INR"),
        ("Rs.5 billion", "5000000000", "INR"),
        ("PKR 500 million", "500000000", "PKR"),
        ("€3m", "3000000", "EUR"),
        ("£10,000", "10000", "GBP"),
        ("2 billion dollars", "2000000000", "USD"),
        ("2 billion US dollars", "2000000000", "USD"),
        ("rupees 300 crore", "3000000000", "INR"),
        ("300 crore rupees", "3000000000", "INR"),
        ("Rs 5 lakh", "500000", "INR"),
        ("$1.2 trillion", "1200000000000", "USD"),
        ("1.5 billion USD", "1500000000", "USD"),
        ("5 million euros", "5000000", "EUR"),
        ("50 billion roubles", "50000000000", "RUB"),
        ("10 billion yuan", "10000000000", "CNY"),
        ("RMB 10 billion", "10000000000", "CNY"),
        ("SAR 2bn", "2000000000", "SAR"),
        ("a billion dollars", "1000000000", "USD"),
        ("two billion dollars", "2000000000", "USD"),
        ("$5k", "5000", "USD"),
        ("$2-3 billion", "2000000000", "USD"),  # a range reads as its lower bound
        ("1 trillion Turkish lira", "1000000000000", "TRY"),
        ("5 billion Pakistani rupees", "5000000000", "PKR"),
        ("A$300 million", "300000000", "AUD"),
    ],
)
def test_money(text: str, value: str, unit: str) -> None:
    m = only(f"The deal is worth {text}, officials said.")
    assert m.text == text
    assert (m.amount.value, m.amount.unit, m.amount.text) == (Decimal(value), unit, text)


def test_value_usd_exact_for_dollars_and_converted_from_the_table() -> None:
    assert only("$2 billion").amount.value_usd == Decimal(2_000_000_000)
    eur = only("€3m").amount
    assert eur.value_usd == Decimal(3_000_000) * USD_PER_UNIT["EUR"]
    assert only("Rs 100").amount.value_usd == Decimal("1.35")
    # Currencies outside the table keep no conversion.
    assert "XOF" not in USD_PER_UNIT


def test_rupees_follow_the_country_the_text_talks_about() -> None:
    text = "Pakistan and Islamabad agreed; Pakistan will pay Rs 5 billion to India."
    assert only(text).amount.unit == "PKR"
    assert only("India will pay Rs 5 billion.").amount.unit == "INR"
    assert only("They will pay Rs 5 billion.").amount.unit == "INR"
    assert only("Sri Lanka will pay 5 billion rupees.").amount.unit == "LKR"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("50,000 doses", "50000", "doses"),
        ("1,200 MW", "1200", "MW"),
        ("1,200MW", "1200", "MW"),
        ("400 megawatts", "400", "MW"),
        ("3,000 troops", "3000", "troops"),
        ("two million barrels", "2000000", "barrels"),
        ("50 tonnes", "50", "tonnes"),
        ("5 metric tons", "5", "tonnes"),
        ("1.5 tonnes", "1.5", "tonnes"),
        ("10 aircraft", "10", "aircraft"),
        ("4 helicopters", "4", "helicopters"),
        ("one helicopter", "1", "helicopters"),
        ("fifty thousand troops", "50000", "troops"),
        ("twenty-five tanks", "25", "tanks"),
        ("three hundred thousand refugees", "300000", "refugees"),
        ("half a million doses", "500000", "doses"),
        ("50,000 Covid-19 vaccine doses", "50000", "doses"),
        ("3,000 US troops", "3000", "troops"),
        ("10 F-16 fighter jets", "10", "jets"),
        ("100,000 barrels per day", "100000", "barrels/day"),
        ("5 lakh doses", "500000", "doses"),
        ("2 buses", "2", "buses"),
        ("12 MoUs", "12", "MoUs"),
    ],
)
def test_counted_quantities(text: str, value: str, unit: str) -> None:
    m = only(f"They sent {text} last year.")
    assert m.text == text
    assert (m.amount.value, m.amount.unit, m.amount.value_usd) == (Decimal(value), unit, None)


@pytest.mark.parametrize(
    "text",
    [
        "in 2021",
        "since 1998 troops have",
        "CWA # 1189",
        "issue No. 12",
        "growth of 5%",
        "5 percent of voters",
        "a 44-year-old man",
        "aged 44",
        "the 5th round",
        "section 7",
        "page 12",
        "a helicopter crashed",
        "1.5 troops",
        "one of the jets",
        "3 real threats",
        "Mrs 5",
        "on 5 May 2021",
        "A4 paper",
        "Mi-35 helicopters",
    ],
)
def test_non_amounts(text: str) -> None:
    assert find_amounts(text) == []


def test_several_amounts_sorted_and_disjoint() -> None:
    text = (
        "Russia offered $2 billion and 3,000 troops; Pakistan paid Rs 5 billion for 4 helicopters."
    )
    found = find_amounts(text)
    assert [a.text for a in found] == [
        "$2 billion",
        "3,000 troops",
        "Rs 5 billion",
        "4 helicopters",
    ]
    assert all(text[a.start : a.end] == a.text == a.amount.text for a in found)


# --- properties ------------------------------------------------------------------

SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "PKR ": "PKR", "USD ": "USD"}
WORD_SCALES = ["", " thousand", " million", " billion", " trillion", " crore", " lakh", "bn", "m"]
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999.99"), places=2)


def grouped(value: Decimal) -> str:
    whole, _, frac = f"{value:.2f}".partition(".")
    digits = f"{int(whole):,}"
    return digits if frac == "00" else f"{digits}.{frac}"


@settings(max_examples=300, deadline=None)
@given(amounts, st.sampled_from(sorted(SIGNS)), st.sampled_from(WORD_SCALES))
def test_money_formatting_round_trips(value: Decimal, sign: str, scale: str) -> None:
    text = f"{sign}{grouped(value)}{scale}"
    m = only(f"The fund holds {text} in reserves.")
    factor = SCALES[scale.strip()] if scale else Decimal(1)
    assert m.text == text
    assert m.amount.value == value * factor
    assert m.amount.unit == SIGNS[sign]
    if m.amount.unit == "USD":
        assert m.amount.value_usd == m.amount.value


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=2, max_value=10**9), st.sampled_from(["troops", "doses", "MW"]))
def test_count_formatting_round_trips(n: int, noun: str) -> None:
    m = only(f"They pledged {n:,} {noun} to the mission.")
    assert (m.amount.value, m.amount.unit) == (Decimal(n), noun)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_sorted_disjoint_matches(text: str) -> None:
    found = find_amounts(text)
    assert all(text[a.start : a.end] == a.text for a in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
