"""Sport pages: events between national teams are fixtures, not relations."""

from __future__ import annotations

from bilat.nlp.events.sport import SportCues, without_fixtures
from bilat.records import Actor, Event, EventType, Evidence, Mention

CUES = SportCues.load()
REPORT = (
    "Spain will be back in action on Wednesday against defending champion Croatia. "
    "The tournament's singles and doubles matches start at noon; the coach named his lineup."
)
TALKS = "Spain and Croatia signed a border agreement; the foreign ministers met in Zagreb."


def _side(text: str, code: str, sector: str | None = None) -> Mention:
    return Mention(text, 0, len(text), Actor(code, code, sector))


def _event(source: Mention, target: Mention) -> Event:
    return Event(
        id=f"{source.text}-{target.text}",
        type=EventType.SUPPORT,
        source=source,
        target=target,
        intensity=1.0,
        evidence=Evidence("a1", "s", 0, 1),
    )


def test_a_page_speaks_sport_with_enough_different_sport_words() -> None:
    assert CUES.reports_sport(REPORT)
    assert not CUES.reports_sport(TALKS)
    # One word is not enough: politics has stadiums and golf courses too.
    assert not CUES.reports_sport("Leaders met at the stadium; the stadium was full.")


def test_on_a_sport_page_only_fixtures_between_teams_go() -> None:
    teams = _event(_side("Spain", "ESP"), _side("Croatia", "HRV"))
    office = _event(_side("President Putin", "RUS", "GOV"), _side("Croatia", "HRV"))
    assert without_fixtures([teams, office], REPORT, CUES) == [office]
    assert without_fixtures([teams, office], TALKS, CUES) == [teams, office]
