from __future__ import annotations

import pytest

from bilat.errors import InputRejected
from bilat.ingest.language import check_language, guess_language

FRENCH = (
    "Le Pakistan et la Russie ont tenu des discussions à Moscou sur la sécurité régionale. "
    "Les deux pays se sont mis d'accord pour renforcer leur coopération dans le domaine de "
    "l'énergie et de la défense, et ils ont annoncé que la prochaine réunion aura lieu dans "
    "la capitale pakistanaise avant la fin de cette année."
)
GERMAN = (
    "Pakistan und Russland haben in Moskau über die regionale Sicherheit gesprochen. Die "
    "beiden Länder wollen ihre Zusammenarbeit bei der Energie und der Verteidigung ausbauen, "
    "und das nächste Treffen wird in Islamabad stattfinden, wie es in einer Erklärung hieß."
)
RUSSIAN = (
    "Пакистан и Россия провели переговоры в Москве по вопросам региональной безопасности "
    "и торговли. Стороны договорились расширить сотрудничество в энергетике и обороне."
)
CHINESE = "巴基斯坦和俄罗斯在莫斯科举行了关于地区安全和贸易的会谈。双方同意扩大能源和国防合作。"
ARABIC = "أجرت باكستان وروسيا محادثات في موسكو حول الأمن الإقليمي والتجارة والتعاون في مجال الطاقة."


def test_guess_english(prose: str) -> None:
    assert guess_language(prose).code == "en"


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (GERMAN, "de")])
def test_guess_latin_script_languages(text: str, code: str) -> None:
    assert guess_language(text).code == code


@pytest.mark.parametrize(
    ("text", "script"), [(RUSSIAN, "Cyrillic"), (CHINESE, "Han"), (ARABIC, "Arabic")]
)
def test_guess_names_script(text: str, script: str) -> None:
    assert guess_language(text).script.startswith(script)


def test_check_language_accepts_english(prose: str) -> None:
    assert check_language(prose, ("en",)) == "en"


def test_check_language_rejection_names_language() -> None:
    with pytest.raises(InputRejected, match=r"not English: looks like French"):
        check_language(FRENCH, ("en",))


def test_check_language_rejection_names_script() -> None:
    with pytest.raises(InputRejected, match="Cyrillic script"):
        check_language(RUSSIAN, ("en",))


def test_check_language_honours_languages_setting() -> None:
    assert check_language(FRENCH, ("en", "fr")) == "fr"
    assert check_language(RUSSIAN, ("ru",)) == "und"


def test_check_language_rejects_gibberish() -> None:
    with pytest.raises(InputRejected, match="an unknown language"):
        check_language("xq zzv brrt klop " * 20, ("en",))


def test_english_with_foreign_names_stays_english(prose: str) -> None:
    text = prose + " Sergey Lavrov met Shah Mahmood Qureshi and Nikolai Patrushev."
    assert guess_language(text).code == "en"


@pytest.mark.parametrize(
    "brief",
    [
        "Houthi rebels release six foreign hostages; three Americans, two Saudis, and a Briton.",
        "Islamic Front rebels seize Abu al-Duhur military airport.",
    ],
)
def test_a_short_brief_of_names_is_english(brief: str) -> None:
    # Mostly names and no function word of another language: too short to be judged by
    # its share of English function words.
    assert check_language(brief, ("en",)) == "en"


def test_a_short_text_in_another_language_is_still_rejected() -> None:
    with pytest.raises(InputRejected, match=r"Portuguese|Spanish|Italian"):
        check_language("Os rebeldes libertaram os reféns e o governo do Brasil.", ("en",))
