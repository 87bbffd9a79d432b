"""Pages of other trades: on sport pages events between national teams are fixtures, not
relations; market pages tell prices, not relations."""

from __future__ import annotations

from bilat.nlp.events.pages import off_topic_dropped, reports_markets, reports_sport
from bilat.records import Event, EventType, Mention
from factories import event, mention

REPORT = (
    "Spain will be back in action on Wednesday against defending champion Croatia. "
    "The tournament's singles and doubles matches start at noon; the coach named his lineup."
)
TALKS = "Spain and Croatia signed a border agreement; the foreign ministers met in Zagreb."


def _fixture(source: Mention, target: Mention) -> Event:
    return event(EventType.SUPPORT, source, target, intensity=1.0)


def test_a_page_speaks_sport_with_enough_different_sport_words() -> None:
    assert reports_sport(REPORT)
    assert not reports_sport(TALKS)
    # One word is not enough: politics has stadiums and golf courses too.
    assert not reports_sport("Leaders met at the stadium; the stadium was full.")


def test_on_a_sport_page_only_fixtures_between_teams_go() -> None:
    teams = _fixture(mention("ESP", "Spain"), mention("HRV", "Croatia"))
    office = _fixture(mention("RUS", "President Putin", sector="GOV"), mention("HRV", "Croatia"))
    assert off_topic_dropped([teams, office], REPORT) == [office]
    assert off_topic_dropped([teams, office], TALKS) == [teams, office]


MARKETS = (
    "Stocks fell on Wall Street as the Dow and the Nasdaq slid; traders said the greenback "
    "weakened after Trump said he would raise tariffs on Chinese imports."
)


def test_a_page_speaks_markets_with_enough_different_market_words() -> None:
    assert reports_markets(MARKETS)
    assert not reports_markets(TALKS)
    # Politics has markets and investors too: those words are no sign.
    assert not reports_markets("Investors and markets welcomed the trade agreement.")


def test_a_markets_page_keeps_no_events() -> None:
    threat = event(
        EventType.THREATEN, mention("USA", "Trump", sector="GOV"), mention("CHN", "China")
    )
    assert off_topic_dropped([threat], MARKETS) == []
    assert off_topic_dropped([threat], TALKS) == [threat]
