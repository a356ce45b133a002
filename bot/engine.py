"""The answering engine: the one entry point every transport (Telegram, console, `ask`) uses.

It understands a question, remembers a little of each chat's conversation so that short
follow-ups work ("och i Tyresö?", "vem talar?"), and renders the answer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from pathlib import Path

from bot.answers import greeting, render
from bot.answers.bot_info import Operator
from bot.answers.common import Answer
from bot.answers.reading import about, quote
from bot.knowledge.model import KnowledgeBase, Meeting
from bot.knowledge.store import load_kb
from bot.nlu.question import Question, Slots
from bot.nlu.understand import MEETING_INTENTS, Parse, Understander
from bot.reading.select import Found, Reader
from bot.texts import say

log = logging.getLogger(__name__)
CONTEXT_TTL = timedelta(minutes=15)
MAX_CONTEXTS = 10000
# what a bare name asks about when there is no conversation to continue
_DEFAULT_FOR_SLOT = (
    ("municipality", "next_meeting"),
    ("when", "meeting_details"),
    ("provider", "open_places"),
    ("group", "open_places"),
    ("person", "person"),
    ("project", "project"),
    ("role", "role_holder"),
    ("other_place", "federations"),  # "Sundbyberg": a place the newsletters know as another federation's
)


@dataclass
class Reply:
    text: str
    lang: str  # "sv" / "en"
    intent: str | None
    confidence: float
    meetings: list[Meeting] = field(default_factory=list)  # meetings the answer is about (for buttons)
    choices: list[str] = field(default_factory=list)  # e.g. municipality names when asking which one
    watch: list[str] = field(default_factory=list)  # providers or kinds of place one could watch
    answered: bool = True  # False when the bot said it does not know


@dataclass
class _Context:
    question: Question
    meetings: list[Meeting]
    lang: str
    at: datetime


class Engine:
    def __init__(self, kb: KnowledgeBase, operator: Operator | None = None) -> None:
        self.kb = kb
        self.understander = Understander(kb)
        self.catalogue = self.understander.catalogue
        self.answers = render.Answers(self.catalogue, operator)
        self.reader = Reader(kb)
        names = [joint.join(name) for name in self.understander.gazetteer.names for joint in (" ", "-")]  # Pre-Ester
        phrasing = self.catalogue.words()
        self._intent_terms = self.reader.terms_of(phrasing + self.understander.vocabulary.words() + names)
        self.reader.index.normaliser.protect(phrasing)
        self._contexts: dict[str, _Context] = {}

    @classmethod
    def load(cls, kb_dir: Path | None = None, operator: Operator | None = None) -> Engine:
        """The engine of the knowledge base in `kb_dir`; `operator` (who runs the bot) for questions about it."""
        return cls(load_kb(kb_dir), operator)

    def answer(
        self, text: str, *, today: date, chat: str = "console", lang: str | None = None, now: datetime | None = None
    ) -> Reply:
        try:
            return self._answer(text, today=today, chat=chat, lang=lang, now=now)
        except Exception:  # a question must never take the bot down; the log keeps the bug
            log.exception("answering failed for chat %s", chat)
            reply_lang = _hint(lang) or "sv"
            return Reply(say(reply_lang, "failed"), reply_lang, None, 0.0)

    def _answer(self, text: str, *, today: date, chat: str, lang: str | None, now: datetime | None) -> Reply:
        now = now or datetime.now(UTC)
        if now.tzinfo is None:  # contexts compare times: keep every one of them aware
            now = now.replace(tzinfo=UTC)
        text = _clean(text)
        context = self._context(chat, now)
        if not text:
            reply_lang = _hint(lang) or (context.lang if context else "sv")
            return Reply(say(reply_lang, "empty"), reply_lang, None, 0.0)
        parse = self.understander.parse(text, today, hint=lang)
        reply_lang = parse.lang
        if context and not parse.lang_sure and not _hint(lang):
            reply_lang = context.lang
        question = self._resolve(parse, context)
        if question.intent is None and question.slots.project and self.reader.kind_of(text) == "define":
            question = Question("project", question.slots)  # "vad handlar X om?", "what is X about?": what X is
        reading = _Reading(self.reader, text, today, parse.lang)  # read as written, answered in the chat's language
        guessed = question.intent == parse.intent and parse.confidence < self.reader.doubted_intent
        found = reading.found if guessed else None
        if found and found.squarely and found.coverage >= self.reader.min_coverage_over_intent:
            answer = quote(found, self.kb, reply_lang, today)  # a guessed intent, and a sentence that answers squarely
            return Reply(answer.text, reply_lang, "reading", round(found.coverage, 3))
        if question.intent == parse.intent and parse.confidence < self.reader.unsure_intent:
            if self.reader.strange(text, parse.lang, self._intent_terms):  # not sure, and about a word nothing knows
                question = Question(None, question.slots)
        if question.intent is None:
            found = reading.found
            if found:
                answer = quote(found, self.kb, reply_lang, today)
                return Reply(answer.text, reply_lang, "reading", round(found.coverage, 3))
            # near misses (rejected only for the margin) are offered as "did you mean"
            maybe = (
                [name for name in (parse.ranking.best, parse.ranking.second) if name]
                if parse.ranking and parse.ranking.score >= self.understander.threshold
                else []
            )
            answer = greeting.unknown(reply_lang, self.catalogue, maybe, self.kb, today)
            return Reply(answer.text, reply_lang, None, parse.confidence, answered=False)
        answer = self._with_about(
            question, self.answers.answer(question, self.kb, today, reply_lang), text, today, reply_lang
        )
        passed_over = self._passed_over(parse, reading)
        # how to reach someone: their records tell all the newsletters give, a sentence naming an address never more
        found = None if question.slots.reach else self._articles_after(answer, passed_over, reading)
        if found:
            return Reply(quote(found, self.kb, reply_lang, today).text, reply_lang, "reading", round(found.coverage, 3))
        if guessed and passed_over:  # only guessed, and about something the answer does not hold
            answer = greeting.unknown(reply_lang, self.catalogue, [], self.kb, today)
            return Reply(answer.text, reply_lang, None, parse.confidence, answered=False)
        self._remember(chat, question, answer, reply_lang, now)
        return self._reply(answer, reply_lang, question.intent, parse.confidence, today)

    def _passed_over(self, parse: Parse, reading: _Reading) -> list[tuple[str, ...]]:
        """The question's words the articles use that an intent's answer passes over: neither the intents'
        words nor its slots' ("mötet om tillit")."""
        passed_over = self.reader.unknown_to(reading.text, parse.lang, self._intent_terms)
        if passed_over:
            slots = parse.slots
            used = self.reader.terms_of([*slots.topic, *(v for v in slots.named().values() if isinstance(v, str))])
            passed_over = [group for group in passed_over if not used.intersection(group)]
        return passed_over

    def _articles_after(self, answer: Answer, passed_over: list[tuple[str, ...]], reading: _Reading) -> Found | None:
        """What the articles say instead of an intent's answer: when the answer passes over a word of the question
        the articles use, the sentence holding it and another of the question's words ("VärNa (kommunerna …)")
        or what a telling question asks for ("hur länge pågår utvecklingsarbetet?": "… till december 2017");
        when the intent found nothing, or not what was asked, a sentence matching better than usual."""
        found = reading.found if passed_over else None
        held = [set(group) for group in found.held] if found else []  # a word's group may hold its acronym's too
        if (
            found
            and all(any(held_group & set(group) for held_group in held) for group in passed_over)
            and (len(found.held) > len(passed_over) or found.telling)
        ):
            return found
        if (not answer.answered or answer.lacking) and not answer.choices:
            return self.reader.find(reading.text, reading.today, reading.lang, self.reader.min_coverage_after_intent)
        return None

    def answer_intent(
        self, intent: str, slots: Slots | None = None, *, today: date, chat: str = "console", lang: str | None = None
    ) -> Reply:
        """A question asked by a command or a button: the intent is known, the municipality as typed."""
        reply_lang = _hint(lang) or "sv"
        slots = slots or Slots()
        if slots.municipality is not None:
            slots = slots.replace(municipality=self.understander.vocabulary.resolve_municipality(slots.municipality))
        question = Question(intent, slots)
        answer = self.answers.answer(question, self.kb, today, reply_lang)
        self._remember(chat, question, answer, reply_lang, datetime.now(UTC))
        return self._reply(answer, reply_lang, intent, 1.0, today)

    def forget(self, *chats: str) -> None:
        """Drop what the engine remembers of these conversations (a chat's data deleted at its request)."""
        for chat in chats:
            self._contexts.pop(chat, None)

    def _with_about(self, question: Question, answer: Answer, asked: str, today: date, lang: str) -> Answer:
        """ "Vem är X?" / "Vad är X?": a short answer about a person or project gets the reading layer's most
        informative sentences about X, first those holding the question's other words."""
        name = {"person": question.slots.person, "project": question.slots.project}.get(question.intent or "")
        if not name or not answer.answered or question.slots.succession:  # the successor's answer is not about X
            return answer
        return about(answer, self.reader.about(name, today, answer.text, asked, lang), self.kb, lang)

    def _reply(self, answer: Answer, lang: str, intent: str | None, confidence: float, today: date) -> Reply:
        upcoming = [meeting for meeting in answer.meetings if meeting.date >= today]
        return Reply(
            answer.text,
            lang,
            intent,
            confidence,
            meetings=upcoming,
            choices=answer.choices,
            watch=answer.watch,
            answered=answer.answered,
        )

    def _resolve(self, parse: Parse, context: _Context | None) -> Question:
        intent, slots = parse.intent, parse.slots
        if intent == "followup" or (intent is None and _only_names(parse)):
            named = slots.named()
            default = next((name for slot, name in _DEFAULT_FOR_SLOT if slot in named), None)
            # "och hos Bönorna?" after a meeting: no meeting is at a provider, person, project or role
            if context and not (context.question.intent in MEETING_INTENTS and named.keys() & _NOT_OF_MEETINGS):
                return Question(context.question.intent, context.question.slots.followed_by(slots))
            return Question(default, slots)
        asked_someones = slots.reach and intent in (None, "person") and not slots.named().keys() & _REACHED
        if asked_someones and context is not None and context.question.intent in ("person", "role_holder"):
            # "hennes mejl?", "her phone number?" after an answer about a person or a role: theirs
            return Question(context.question.intent, context.question.slots.followed_by(slots))
        if intent == "federations" and slots.person and not (slots.other_place or slots.municipality or slots.county):
            intent = "person"  # "which party does X belong to?": X's, not a place's federation
        if slots.succession and slots.person and intent in (None, "person", "role_holder"):
            return Question("person", slots)  # "vem efterträder X?": the holder of X's role after X
        if intent in (None, "meeting_details") and slots.reach and not slots.kind and slots.named().keys() & _REACHED:
            # "vilken adress har Stationen?", "Rosarios e-post": how to reach someone or something, not a meeting
            return Question("person" if slots.person else "project", slots)
        if intent is None and slots.aspect and _points_at_meeting(slots, context):
            intent = "meeting_details"  # "vad handlar det om?" after a meeting; "where is the seminar on 5/4"
        if intent == "meeting_details" and context and context.meetings and not (slots.when or slots.municipality):
            slots = slots.replace(meeting_id=context.meetings[0].id)
        return Question(intent, slots)

    def _context(self, chat: str, now: datetime) -> _Context | None:
        context = self._contexts.get(chat)
        if context and now - context.at > CONTEXT_TTL:
            del self._contexts[chat]
            return None
        return context

    def _remember(self, chat: str, question: Question, answer: Answer, lang: str, now: datetime) -> None:
        if question.intent in ("greeting", "thanks", "help"):
            return
        if len(self._contexts) >= MAX_CONTEXTS:
            oldest = min(self._contexts, key=lambda key: self._contexts[key].at)
            del self._contexts[oldest]
        if answer.choices:  # "which municipality?" was asked: the answer to it names one
            question = Question(question.intent, question.slots.replace(ask_place=False))
        self._contexts[chat] = _Context(question, list(answer.meetings), lang, now)


_NOT_OF_MEETINGS = {"provider", "group", "person", "project", "role"}  # subjects a follow-up on a meeting cannot keep
_REACHED = {"person", "project", "provider"}  # whom or what a question about an address or a phone number can be about


def _points_at_meeting(slots: Slots, context: _Context | None) -> bool:
    """A question naming a meeting by day or kind, or following an answer about one."""
    named = (slots.when is not None and slots.when.is_day) or bool(slots.kind)
    subject = any((slots.provider, slots.person, slots.project, slots.role, slots.group))
    return not subject and (named or bool(context and context.meetings))


def _only_names(parse: Parse) -> bool:
    """A question that is nothing but a name or a date ("Tyresö?", "28/9")."""
    return bool(parse.tokens) and all(token.startswith("<") for token in parse.tokens)


class _Reading:
    """The reading layer's answer to one question, looked up once however many ways of answering ask for it."""

    def __init__(self, reader: Reader, text: str, today: date, lang: str) -> None:
        self.reader, self.text, self.today, self.lang = reader, text, today, lang

    @cached_property
    def found(self) -> Found | None:
        return self.reader.find(self.text, self.today, self.lang)


def _hint(lang: str | None) -> str | None:
    if lang and lang[:2].lower() in ("sv", "en"):
        return lang[:2].lower()
    return None


def _clean(text: object) -> str:
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = "".join(char for char in text if char.isprintable() or char in "\n\t")
    return text.strip()
