"""The trigger lexicon: statements, complements and two-word nouns load and extend."""

from __future__ import annotations

from pathlib import Path

from bilat.nlp.events.lexicon import TriggerLexicon
from bilat.records import EventType


def test_shipped_lexicon_marks_appeals_and_comments_as_statements() -> None:
    lexicon = TriggerLexicon.load()
    assert {"urge", "appeal"} <= lexicon.statements
    assert lexicon.phrasal[("call", "on")] is None
    assert lexicon.complements["decline"]["comment"] is None
    assert lexicon.complements["lift"]["sanction"] == (EventType.RETREAT, None)
    assert lexicon.nouns["hunger strike"] == (EventType.PROTEST, "hunger")
    assert "say" in lexicon.reporting
    assert lexicon.verbs["balk"] == lexicon.verbs["refuse"] == (EventType.REJECT, None)
    assert lexicon.support["exchange"]["spy"] == (EventType.RETREAT, "release")
    assert lexicon.complements["arrive"]["pope"] == lexicon.complements["arrive"]["king"]
    assert "wonder" in lexicon.statements
    assert lexicon.support["reintroduce"]["control"] == (EventType.SANCTION, None)


def test_a_rejected_accusation_is_a_rejection_for_documents_and_a_statement_for_cameo() -> None:
    cameo = TriggerLexicon.load()
    news = cameo.with_rebuttals_as_rejections()
    reject = (EventType.REJECT, None)
    assert news.complements["reject"]["charge"] == news.complements["dismiss"]["claim"] == reject
    assert cameo.complements["reject"]["charge"] is None
    # Denying one's own part is still no rejection of anyone.
    assert news.complements["reject"]["responsibility"] is None
    assert news.complements["deny"]["charge"] is None


def test_appeals_are_requests_for_documents_and_statements_for_cameo() -> None:
    cameo = TriggerLexicon.load()
    news = cameo.with_appeals_as_requests()
    request = (EventType.REQUEST, None)
    assert news.verbs["urge"] == news.verbs["ask"] == request and "urge" not in news.statements
    assert news.phrasal[("call", "on")] == request
    assert "urge" not in cameo.verbs and "urge" in cameo.statements
    # Statements that are no appeal stay statements.
    assert "comment" in news.statements and news.phrasal[("call", "for")] is None


def test_a_user_file_extends_statements_and_complements(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "statements: [muse]\ncomplements:\n  shrug: {criticism: null, blame: [ACCUSE, null]}\n"
    )
    lexicon = TriggerLexicon.load(extra)
    assert "muse" in lexicon.statements and "urge" in lexicon.statements
    assert lexicon.complements["shrug"] == {"criticism": None, "blame": (EventType.ACCUSE, None)}
    assert "decline" in lexicon.complements


def test_a_user_file_extends_insistent_appeals(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("insistent:\n  lobby for: [REQUEST, null]\ninsistent_adverbs: [doggedly]\n")
    lexicon = TriggerLexicon.load(extra)
    assert lexicon.insistent[("lobby", "for")] == (EventType.REQUEST, None)
    assert ("push", "for") in lexicon.insistent
    assert {"doggedly", "hard"} <= lexicon.insistent_adverbs
