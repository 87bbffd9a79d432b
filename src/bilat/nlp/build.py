"""The spaCy pipeline: the model plus bilat's components, registered in this one place.

No `from __future__ import annotations` here: spaCy reads the factory signatures at run time.

Components, in order, and what each reads and writes:

- ``bilat_lines`` (before the parser): a line break starts a sentence, so headings and
  list items never run into the next paragraph
- the model's own (tok2vec, tagger, parser, lemmatizer): tokens, parse, lemmas
- ``bilat_facts``: reads ``doc.text``, ``doc._.anchor``; writes ``doc._.facts``
  (actor mentions, date expressions, amounts)
- ``bilat_events``: reads the parse and ``doc._.facts``; writes ``doc._.events``
- ``bilat_learned`` (unless ``settings.event_model`` is "off"): reads the sentences,
  ``doc._.facts`` and ``doc._.events``; writes ``doc._.events`` as the fine-tuned event
  model judges them (``bilat.nlp.learned.layer``)
- ``bilat_relations`` (unless sentences are coded or one-sided events kept): keeps the
  events between two different actor codes, on pages about politics
- ``bilat_confidence``: writes each event's confidence, the fitted probability that it
  is right (``bilat.nlp.learned.confidence``)
"""

import weakref
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from bilat.config import Settings
from bilat.dates import find_dates
from bilat.errors import BilatError, ModelMissing
from bilat.nlp.actors.eras import Eras
from bilat.nlp.actors.resolver import ActorResolver
from bilat.nlp.events.contexts import ContextCues
from bilat.nlp.events.lexicon import TriggerLexicon
from bilat.nlp.events.money import find_amounts
from bilat.nlp.events.pages import off_topic_dropped
from bilat.nlp.extract import Extractor
from bilat.nlp.facts import DatedText, DocFacts, FoundAmount
from bilat.nlp.learned.confidence import ConfidenceModel
from bilat.nlp.learned.encoder import EventEncoder, SentenceReading
from bilat.nlp.learned.layer import LearnedLayer, SentenceFacts, words_of
from bilat.nlp.learned.reader import SentenceReader
from bilat.nlp.patterns import load_patterns, matcher_for
from bilat.nlp.words import load_words
from bilat.records import Event
from bilat.resources import load_ontology

EVENT_MODEL_MODES = ("on", "off")
# Components the model ships that bilat does not use.
UNUSED_MODEL_PARTS = ("ner",)


@dataclass(frozen=True, slots=True)
class Annotated:
    """One document after the pipeline: its facts and events."""

    doc: Doc
    facts: DocFacts
    events: tuple[Event, ...]


def _register_extensions() -> None:
    for name in ("article_id", "anchor", "facts", "events"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class FactsComponent:
    """Finds actor mentions, dates and amounts in the raw text."""

    def __init__(self, resolver: ActorResolver) -> None:
        self.resolver = resolver

    def __call__(self, doc: Doc) -> Doc:
        anchor: date | None = doc._.anchor
        text = doc.text
        doc._.facts = DocFacts(
            article_id=doc._.article_id or "",
            anchor=anchor,
            mentions=tuple(self.resolver.find_mentions(text, when=anchor)),
            # "now", "recently": too vague to date an event by.
            dates=tuple(
                DatedText(d.start, d.end, d.span) for d in find_dates(text, anchor) if not d.vague
            ),
            amounts=tuple(FoundAmount(a.start, a.end, a.amount) for a in find_amounts(text)),
        )
        return doc


class EventsComponent:
    """Codes the events of the parsed, annotated Doc."""

    def __init__(self, extractor: Extractor, keep_uncoded: bool) -> None:
        self.extractor = extractor
        self.keep_uncoded = keep_uncoded

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = tuple(self.extractor.extract(doc, doc._.facts, self.keep_uncoded))
        return doc


# A doc's sentences to read, as (start, words), and their reading, under way.
_Reading = tuple[list[tuple[int, list[str]]], "Future[list[SentenceReading]]"]


class LearnedComponent:
    """Lets the fine-tuned event model judge the rules' events, sentence by sentence."""

    def __init__(self, layer: LearnedLayer) -> None:
        self.layer = layer
        self._reader: SentenceReader | None = None

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = tuple(self.layer.decide_all(self._sentences(doc)))
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """The docs in order, judged as ``__call__`` judges them; the model reads a doc's
        sentences in the background (``reader``) while this thread parses the next docs,
        up to ``batch_size`` docs ahead."""
        reader = self.reader()
        waiting: deque[tuple[Doc, list[SentenceFacts], _Reading]] = deque()
        for doc in stream:
            sentences = self._sentences(doc)
            todo = self.layer.to_read(sentences)
            waiting.append((doc, sentences, (todo, reader.submit([w for _, w in todo]))))
            if len(waiting) > batch_size:
                yield self._judged(*waiting.popleft())
        while waiting:
            yield self._judged(*waiting.popleft())

    def reader(self) -> SentenceReader:
        """The background reader, started on first use and kept for later streams (a
        reading process costs a second to start); stopped when the component goes. One
        whose process ended is replaced: the stream it failed fails, and the pipeline
        parses that batch's articles again one by one, with the new one."""
        if self._reader is not None and not self._reader.alive:
            self._reader.close()
            self._reader = None
        if self._reader is None:
            self._reader = SentenceReader(self.layer.encoder)
            weakref.finalize(self, self._reader.close)
        return self._reader

    def _judged(self, doc: Doc, sentences: list[SentenceFacts], reading: _Reading) -> Doc:
        todo, future = reading
        doc._.events = tuple(self.layer.apply(sentences, todo, future.result()))
        return doc

    @staticmethod
    def _sentences(doc: Doc) -> list[SentenceFacts]:
        facts: DocFacts = doc._.facts
        by_start: dict[int, list[Event]] = {}
        for event in doc._.events:
            by_start.setdefault(event.evidence.start, []).append(event)
        # sorted once and cut by bisection: a long report has thousands of mentions
        mentions = sorted(facts.mentions, key=lambda m: m.start)
        mention_starts = [m.start for m in mentions]
        dates = sorted(facts.dates, key=lambda d: d.start)
        date_starts = [d.start for d in dates]
        out = []
        for sent in doc.sents:
            first, end = sent.start_char, sent.end_char
            in_mentions = mentions[
                bisect_left(mention_starts, first) : bisect_left(mention_starts, end)
            ]
            in_dates = dates[bisect_left(date_starts, first) : bisect_left(date_starts, end)]
            out.append(
                SentenceFacts(
                    sent=sent,
                    words=words_of(sent),
                    events=tuple(by_start.get(first, ())),
                    mentions=tuple(in_mentions),
                    dates=tuple(d.span for d in in_dates),
                    article_id=facts.article_id,
                    anchor=facts.anchor,
                )
            )
        return out


# What each component reads and writes, declared so ``nlp.analyze_pipes()`` checks the
# order (``doc._.anchor`` and ``doc._.article_id`` are set by ``annotate``, not a component).
SENTENCE_ENDS = frozenset({".", "!", "?", "…", ";", ":", "...", "?!"})
PARSE = ["doc.sents", "token.dep", "token.head", "token.lemma", "token.tag"]


@Language.component("bilat_relations", assigns=["doc._.events"], requires=["doc._.events"])
def relations_only(doc: Doc) -> Doc:
    """Keep the events between two different actor codes: an act with one side unknown,
    or between parts of one state, is no relation between actors; nor is a fixture
    between two national teams on a page that reports sport, nor anything a markets page
    tells (``bilat.nlp.events.pages``)."""
    related = [e for e in doc._.events if e.dyad is not None]
    doc._.events = tuple(off_topic_dropped(related, doc.text))
    return doc


class ConfidenceComponent:
    """Gives each event the fitted probability that it is right as its confidence."""

    def __init__(self, model: ConfidenceModel) -> None:
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = tuple(self.model.weighed(e) for e in doc._.events)
        return doc


@Language.factory("bilat_confidence", assigns=["doc._.events"], requires=["doc._.events"])
def make_confidence(nlp: Language, name: str) -> ConfidenceComponent:
    return ConfidenceComponent(ConfidenceModel.load())


@Language.component("bilat_lines", assigns=["token.is_sent_start"])
def split_lines(doc: Doc) -> Doc:
    """Start a sentence after every line break, and nowhere a sentence cannot end: the
    parser would otherwise cut "Gunmen | abduct a resort manager" after a heading."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
        elif not _may_end_sentence(previous):
            token.is_sent_start = False
    return doc


def _may_end_sentence(token: Token) -> bool:
    """Whether a sentence may end after ``token``: final punctuation, or a closing quote
    or bracket (after which the parser decides)."""
    return token.is_punct and (
        token.text in SENTENCE_ENDS or token.is_quote or token.is_right_punct
    )


@Language.factory("bilat_facts", default_config={"actors_file": None}, assigns=["doc._.facts"])
def make_facts(nlp: Language, name: str, actors_file: str | None) -> FactsComponent:
    return FactsComponent(ActorResolver.load(Path(actors_file) if actors_file else None))


@Language.factory(
    "bilat_events",
    default_config={"keep_uncoded": False, "actors_file": None},
    assigns=["doc._.events"],
    requires=["doc._.facts", *PARSE],
)
def make_events(
    nlp: Language, name: str, keep_uncoded: bool, actors_file: str | None
) -> EventsComponent:
    ontology = load_ontology()
    kb = ActorResolver.load(Path(actors_file) if actors_file else None).kb
    lexicon = TriggerLexicon.load()
    # Sentence coding follows CAMEO, where appeals and rebuttals are statements; documents
    # the news gold.
    if not keep_uncoded:
        lexicon = lexicon.with_appeals_as_requests().with_rebuttals_as_rejections()
    extractor = Extractor(lexicon, ContextCues.load(), ontology.intensity, Eras.from_kb(kb))
    return EventsComponent(extractor, keep_uncoded)


@Language.factory(
    "bilat_learned",
    default_config={"keep_uncoded": False},
    assigns=["doc._.events"],
    requires=["doc._.facts", "doc._.events", "doc.sents"],
)
def make_learned(nlp: Language, name: str, keep_uncoded: bool) -> LearnedComponent:
    layer = LearnedLayer(EventEncoder.load(), load_ontology().intensity, keep_uncoded)
    return LearnedComponent(layer)


def make_nlp(settings: Settings, keep_uncoded: bool = False) -> Language:
    """Load the model and add bilat's components. ``keep_uncoded`` keeps events whose
    actors resolve to no code (the sentence-level evaluations need them)."""
    _register_extensions()
    load_words()  # a broken word list fails here, before any text is read
    load_patterns()  # and so does a broken dependency pattern
    try:
        nlp = spacy.load(settings.model, exclude=list(UNUSED_MODEL_PARTS))
    except OSError as exc:
        raise ModelMissing(
            f"spaCy model {settings.model!r} is not installed; run `make` to install it"
        ) from exc
    matcher_for(nlp.vocab)  # the dependency patterns compiled once, over the model's vocab
    nlp.add_pipe("bilat_lines", before="parser")
    nlp.add_pipe("bilat_facts", config={"actors_file": settings.actors_file})
    nlp.add_pipe(
        "bilat_events",
        config={"keep_uncoded": keep_uncoded, "actors_file": settings.actors_file},
    )
    if settings.event_model not in EVENT_MODEL_MODES:
        raise BilatError(
            f"setting event_model: {settings.event_model!r} is not one of {EVENT_MODEL_MODES}"
        )
    if settings.event_model == "on":
        nlp.add_pipe("bilat_learned", config={"keep_uncoded": keep_uncoded})
    if not (keep_uncoded or settings.one_sided):
        nlp.add_pipe("bilat_relations")
    nlp.add_pipe("bilat_confidence")
    return nlp


def annotate(
    nlp: Language,
    items: Iterable[tuple[str, str, date | None]],
    batch_size: int = 32,
) -> Iterator[Annotated]:
    """Run the pipeline over (article_id, text, anchor) triples, streaming."""

    def docs() -> Iterator[Doc]:
        for article_id, text, anchor in items:
            doc = nlp.make_doc(text)
            doc._.article_id = article_id
            doc._.anchor = anchor
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield Annotated(doc, doc._.facts, doc._.events)
