"""Which actors an event's argument phrases name: parse heads -> resolved Mentions."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from bilat.nlp.actors.agents import shipped_agents
from bilat.nlp.sides.one_country import (
    framework,
    locative,
)
from bilat.nlp.syntax.antecedents import (
    PASSIVE_SUBJECTS,
    SUBJECTS,
    antecedent,
)
from bilat.nlp.syntax.mention_phrases import (
    MODIFIER_DEPS,
    NOMINAL,
    coordination,
    distance,
    distinct,
    ethnic,
    mention_root,
    whole_phrase,
)
from bilat.nlp.syntax.recipients import (
    OBJECTS,
    aimed_heads,
    object_targets,
    recipients_of,
)
from bilat.nlp.syntax.role_spans import act_agent, core_span, is_saying, naming_tokens, role_span
from bilat.nlp.syntax.roles import Arguments, clause_tokens
from bilat.nlp.words import Words
from bilat.records import Actor, Mention

SYNTAX_WORDS = Words("syntax")  # resources/words.yaml, section syntax
WORDS = Words("sides")  # resources/words.yaml, section sides


class SidePhrases:
    """Resolves argument heads against the actor mentions of one sentence: what the side
    rules (``rules``) read an act's sides from."""

    def __init__(
        self,
        mentions: Sequence[Mention],
        pair: tuple[Actor, Actor] | None,
        blocked: Sequence[tuple[int, int]] = (),
        context: Sequence[Mention] = (),
    ) -> None:
        self.mentions = [m for m in mentions if m.actor is not None]
        # the mentions of the sentence's paragraph: what a pronoun may stand for
        self.context = [m for m in context if m.actor is not None]
        self.pair = pair
        # Character ranges that cannot be actors (date expressions: "On 1 December").
        self.blocked = blocked
        actors = {m.code: m.actor for m in self.mentions}
        self.domestic = next(iter(actors.values())) if len(actors) == 1 else None
        self.agents = shipped_agents()

    def third_party(
        self, args: Arguments, joint: Sequence[Mention], trigger: Token
    ) -> Mention | None:
        """The named subject of an act between two others ("Kuwait mediated between A and
        B"), when it is neither side; None when the sides act themselves, or when the act
        is only a phrase in a clause about something else ("agreed to talks *during the
        war between A and B*")."""
        if trigger.pos_ in NOMINAL and trigger.dep_ not in OBJECTS:
            return None
        sources = [m for m in self.phrases(args.source) if m.code]
        if not sources or any(s.code in {j.code for j in joint} for s in sources):
            return None
        if any(
            j.start <= s.start < j.end or s.start <= j.start < s.end for s in sources for j in joint
        ):
            return None
        return sources[0]

    def recipient_heads(self, heads: Sequence[Token]) -> list[Token]:
        """The target heads, a thing whose own words name nobody replaced by whom its
        phrase says it is for: "suspended *aid* to Chad" is aimed at Chad."""
        out: list[Token] = []
        for head in heads:
            named_itself = self.mentions_in(naming_tokens(antecedent(head)))
            # "information *on* X" is about X, not for it
            inner = [] if named_itself or is_saying(head) else recipients_of(head)
            named = [r for r in inner if self.mentions_in(naming_tokens(r))]
            out += named or [head]
        return out

    def aimed_at(self, args: Arguments) -> bool:
        """Whether coordinated actors act on the target rather than with each other: it is
        their own object, or their infinitive's object named by its own words or by its
        recipient ("Mexico and Canada agreed to lift tariffs on *American* products"); not
        the subject of the clause they agree on ("agreed that the US should ...") nor a
        phrase that mentions an actor further on ("to tackle threats in the region")."""
        if not args.indirect:
            return True
        head = args.target[0] if args.target else None
        if head is None or head.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
            return False
        return bool(self.coded_in(aimed_heads(head)))

    def recipients_in_clause(self, trigger: Token, source: Mention) -> list[Mention]:
        """The other actor named in the trigger's clause, nearest the trigger (or the
        states of one coordination: "to help people in Somalia, Ethiopia and Kenya");
        failing that, a place of the source's own country the act happens in ("Turkish
        police imposed a curfew in Cizre": the target is Turkey), unless the act is done
        with a counterpart, whose venue it is ("X met Y in X's capital": Y is unnamed)."""
        doc = trigger.doc
        named = [m for m in self.mentions_in(clause_tokens(trigger)) if not framework(m, doc)]
        # "Moscow-Islamabad partnership": the other side may sit in the source's own words
        # ... but "ethnic Albanians in Serbia" are Serbia's, not a second side
        others = [
            m
            for m in named
            if m.code != source.code
            and not (source.start <= m.start and m.end <= source.end and ethnic(m, doc))
        ]
        clause = [m for m in named if not (source.start <= m.start and m.end <= source.end)]
        if len({m.code for m in others}) > 1:
            coordinated = coordination(others, doc) if source.code else []
            if coordinated:
                return [whole_phrase(m, doc, trigger) for m in coordinated]
            # Several: the one the act is aimed at ("blocked streets in Hong Kong in
            # defiance of Beijing"), else the one it happens in ("strengthened its forces
            # in Lebanon after the discovery of Russian-made rockets").
            if aimed := self.aim(trigger, source, WORDS.OPPOSING):
                return aimed
            others = [m for m in others if locative(m, doc)]
            if len({m.code for m in others}) != 1:
                return []
        if others:
            return [whole_phrase(min(others, key=lambda m: distance(m, trigger)), doc, trigger)]
        if source.code is None:
            # "Strikers fasted to demand the resignation of the Chadian president"
            return self.aim(trigger, source)
        places = [m for m in clause if locative(m, doc)] or self.places_when(trigger)
        if places and not self.agents.counterpart_act(trigger):
            return [whole_phrase(min(places, key=lambda m: distance(m, trigger)), doc, trigger)]
        return self.aim(trigger, source)

    def places_when(self, trigger: Token) -> list[Mention]:
        """ "killed 23 people when they blew themselves up in Tel Aviv": the place named
        in a clause saying when the act happened."""
        clauses = [
            c
            for c in trigger.children
            if c.dep_ == "advcl" and any(m.lower_ in WORDS.WHEN_MARKS for m in c.children)
        ]
        tokens = [t for c in clauses for t in c.subtree]
        return [m for m in self.mentions_in(tokens) if locative(m, trigger.doc)]

    def aim(
        self, trigger: Token, source: Mention, aims: frozenset[str] | None = None
    ) -> list[Mention]:
        """Whom an act is aimed at when its purpose says so: "began a hunger strike *to
        demand the resignation of President X*", "rioted *in protest against* Y",
        "provided money *to help people in Chad and Mali*" (``aims``: the nouns of a
        purpose phrase, SYNTAX_WORDS.AIMS unless given)."""
        aims = SYNTAX_WORDS.AIMS if aims is None else aims
        purposes = [
            c
            for c in trigger.children
            if (c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in c.children))
            or (c.dep_ == "prep" and any(p.lemma_.lower() in aims for p in c.children))
        ]
        tokens = [t for p in purposes for t in p.subtree]
        named = [
            m
            for m in self.mentions_in(tokens)
            if not (source.start <= m.start and m.end <= source.end)
        ]
        if len({m.code for m in named}) > 1:
            # "provided money to help people in Chad, Niger and Mali": one event each
            # ... else the one the purpose is itself aimed at ("to protest against *X's*
            # decision to send them to Y")
            named = coordination(named, trigger.doc) or self.purpose_objects(purposes)
        if not named and source.code:
            # "police fired to disperse protesters": an unnamed crowd, coded later if the
            # sentence names one country only
            crowds = [
                role_span(c)
                for p in purposes
                for c in p.children
                if c.dep_ == "dobj" and c.lemma_.lower() in WORDS.CROWDS
            ]
            return [Mention(c.text, c.start_char, c.end_char, None) for c in crowds[:1]]
        return [whole_phrase(m, trigger.doc, trigger) for m in distinct(named)]

    def purpose_objects(self, purposes: Sequence[Token]) -> list[Mention]:
        """The first actor a purpose verb's own objects name ("to protest *against X*")."""
        heads = [h for p in purposes if p.pos_ == "VERB" for h in object_targets([p], None)]
        return [m for m in self.phrases(heads) if m.code][:1]

    def phrases(self, heads: Sequence[Token]) -> list[Mention]:
        found = [m for h in heads if (m := self.phrase(h)) is not None]
        found += [c for m in found for c in self.coordinated(m, heads[0].doc)]
        return distinct(found)

    def coordinated(self, phrase: Mention, doc: Doc) -> list[Mention]:
        """Actors coordinated with the one a phrase names: "aid for *Romania and Poland*"
        names Poland as well (one event each)."""
        if phrase.actor is None:
            return []
        inside = [m for m in self.mentions if phrase.start <= m.start and m.end <= phrase.end]
        named = [m for m in inside if m.code == phrase.code]
        if not named:
            return []
        root = mention_root(named[0], doc)
        if root is None:
            return []
        out = []
        for conjunct in root.conjuncts:
            # "Chadian and Malian refugees" may parse as "Chadian" and "Malian refugees"
            spots = [conjunct, *(c for c in conjunct.children if c.dep_ in MODIFIER_DEPS)]
            for m in inside:
                if m.code != phrase.code and any(m.start <= t.idx < m.end for t in spots):
                    out.append(whole_phrase(m, doc))
        return distinct(out)

    def phrase(self, head: Token) -> Mention | None:
        """The argument phrase as a Mention, resolved to the actor named nearest its head."""
        head = antecedent(head)
        # "a court in Lima" needs its place to say whose court; "the Peruvian envoy in
        # Lima" does not.
        span = role_span(head, located=not self.mentions_in(list(core_span(head))))
        if self.is_blocked(span.start_char, span.end_char):
            return None
        # Words that name the head first; else any actor in the phrase ("relations with
        # Congo", "crimes committed by Croat forces").
        named = self.mentions_in(naming_tokens(head)) or self.mentions_in(list(span))
        agent = act_agent(head)
        if agent is not None and (doers := self.mentions_in(naming_tokens(agent))):
            # "Serbia's crackdown on X", "crimes committed by Y": whoever does the act
            named, head = doers, agent
        actor = None
        if named:
            nearest = min(named, key=lambda m: distance(m, head))
            actor = nearest.actor
            if ethnic(nearest, head.doc):
                # "ethnic Albanians in Serbia": a people, coded by the state they live in
                actor = self.home_of(nearest, span, head) or actor
            elif nearest.start <= head.idx < nearest.end and head.tag_ in ("NNS", "NNPS"):
                # "the Albanians of southern Serbia": the same, when their phrase says where
                actor = self.home_of(nearest, span, head, sentence=False) or actor
        elif any(t.lower_ in WORDS.POSSESSIVE for t in span):
            # "the withdrawal of its troops": the first actor the sentence names before it.
            before = [m for m in self.mentions if m.end <= span.start_char]
            actor = before[0].actor if before else None
        return Mention(span.text, span.start_char, span.end_char, actor)

    def home_of(
        self, people: Mention, span: Span, head: Token, sentence: bool = True
    ) -> Actor | None:
        """The state a people named as "ethnic X" lives in: a place "in"/"of" their phrase,
        else one the sentence locates the act in."""
        doc = head.doc
        inside = [
            m
            for m in self.mentions_in(list(span))
            if m.code != people.code and locative(m, doc, WORDS.LOCATIVE_PREPS | {"of"})
        ]
        if inside or not sentence:
            return inside[0].actor if inside else None
        around = [
            m
            for m in self.mentions
            if m.code != people.code
            and head.sent.start_char <= m.start < head.sent.end_char
            and locative(m, doc)
        ]
        codes = {m.code for m in around}
        return around[0].actor if len(codes) == 1 else None

    def coded_in(self, heads: Sequence[Token]) -> list[Mention]:
        tokens = [t for h in heads for t in naming_tokens(h)]
        return distinct(self.mentions_in(tokens))

    def mentions_in(self, tokens: Sequence[Token]) -> list[Mention]:
        """The mentions among ``tokens``, less names of a border another noun's place is
        near ("a village near the *Syrian* border" is nobody's village)."""
        spans = [(t.idx, t.idx + len(t.text)) for t in tokens]
        named = [m for m in self.mentions if any(s < m.end and m.start < e for s, e in spans)]
        return [m for m in named if not (tokens and self.border(m, tokens[0].doc))]

    def border(self, mention: Mention, doc: Doc) -> bool:
        root = mention_root(mention, doc)
        return root is not None and self.agents.nested_border(root)

    def is_blocked(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.blocked)
