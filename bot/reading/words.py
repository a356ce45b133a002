"""The reading layer's words and settings (bot/reading/reading.yaml) and the lexicon (knowledge/lexicon.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from bot.folding import fold
from bot.knowledge.serde import KnowledgeError, read_yaml
from bot.paths import LEXICON_PATH, READING_WORDS_PATH

KINDS = (
    "when",
    "number",
    "age",
    "person",
    "organisation",
    "name",
    "origin",
    "place",
    "reason",
    "opinion",
    "define",
    "way",
    "frequency",
    "duration",
    "ordinal",
    "target",
    "role",
    "speaker",
    "outcome",
    "finding",
    "party",
)


@dataclass(frozen=True)
class ReadingWords:
    settings: dict[str, float]
    min_stem: int
    stem_rounds: int
    suffixes: tuple[str, ...]
    stop_words: frozenset[str]
    kinds: dict[str, tuple[re.Pattern[str], ...]]  # what a question asks for, on its folded text
    markers: dict[str, tuple[re.Pattern[str], ...]]  # what a sentence holds, on its own text
    asking: dict[str, tuple[str, ...]]  # words that, in a question of that kind, name what is sought ("andel")
    about: tuple[re.Pattern[str], ...] = ()  # what makes a sentence about a person or project informative
    disagree: tuple[str, ...] = ()  # kinds whose answers from two issues are compared (another number, name)
    telling_kinds: tuple[str, ...] = ()  # kinds whose markers few sentences hold (a number, a date, a reason)
    list_kinds: tuple[str, ...] = ()  # kinds of question a list of names answers (who, which)
    near_kinds: tuple[str, ...] = ()  # kinds whose answer must stand by the question's words for the full bonus
    required_kinds: tuple[str, ...] = ()  # kinds only a sentence holding what is sought answers ("how do I ...?")
    follow_kinds: tuple[str, ...] = ()  # kinds a sentence's next ones may give for it ("... Mejla X, x@y.se.")
    whole_kinds: tuple[str, ...] = ()  # kinds a sentence holding what is sought answers whole ("sju båtplatser")
    nearby_kinds: tuple[str, ...] = ()  # kinds only a sentence by one holding what is sought answers (a finding)
    role_asked_kinds: tuple[str, ...] = ()  # kinds whose question's role word an answer must hold ("vem är rektor")
    synonyms: tuple[tuple[str, ...], ...] = ()  # Swedish words a question may use for one another (jobba, arbeta)
    continues: re.Pattern[str] | None = None  # a sentence opening so goes on from the one before ("och ...")
    points_back: re.Pattern[str] | None = None  # ... and is about what the one before names ("Där ...", "Hon ...")
    said_by: re.Pattern[str] | None = None  # the verb before who says a quote ("– ..., säger X")
    reason_before: re.Pattern[str] | None = None  # a reason marker pointing back ("därför"): the reason is before
    refers_up: re.Pattern[str] | None = None  # a sentence pointing to one before it ("e-postadress, se ovan")
    refers_down: re.Pattern[str] | None = None  # ... after it ("se nedan")
    counting: re.Pattern[str] | None = None  # "hur många X": X, what a number answering must stand by
    second_part: re.Pattern[str] | None = None  # where a question's second part begins ("... och när ...?")
    determiners: frozenset[str] = frozenset()  # English words before a noun ("the", "which", a genitive's "s")
    to_the_bot: tuple[re.Pattern[str], ...] = ()  # a question about the bot's own mind ("vad tycker du om ...")
    name_particles: frozenset[str] = frozenset()  # small words within a name ("Björn von Sydow")
    time_words: tuple[str, ...] = ()  # a time of year or a relative time ("i höst", "this year"): any date meets it
    asking_endings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "startdatum": a date, of "start"
    met_by_kind: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "vilken titel": any role meets "titel"
    source_words: re.Pattern[str] | None = None  # words pointing to the newsletters themselves ("enligt artikeln")
    year: re.Pattern[str] | None = None  # a year as written ("2017"): one a question names bounds its answer
    no_count: re.Pattern[str] | None = None  # where a number counts nothing (an address's: "Handenterminalen 5")
    unlisted_kinds: tuple[str, ...] = ()  # kinds a sentence that is mostly names never answers (what someone said)
    past: re.Pattern[str] | None = None  # a question in the past tense ("avslutades", "blev"), on its folded text
    thing_asked: re.Pattern[str] | None = None  # the word a question asks for as a thing ("vilka öppettider")


def _patterns(data: Any, where: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    found = {kind: tuple(re.compile(str(p)) for p in data.get(kind) or ()) for kind in KINDS}
    unknown = set(data) - set(KINDS)
    if unknown:
        raise ValueError(f"{where}: unknown kind {sorted(unknown)[0]!r}")
    return found


@cache
def load_words(path: Path = READING_WORDS_PATH) -> ReadingWords:
    """The reading layer's words; a pattern that does not compile or a kind that does not exist is a
    KnowledgeError naming the file."""
    data = read_yaml(path)
    try:
        return _words(data, path)
    except re.error as error:
        raise KnowledgeError(f"{path}: a pattern does not compile: {error} in {error.pattern!r}") from error
    except (ValueError, TypeError, AttributeError) as error:
        raise KnowledgeError(f"{path}: {error}") from error


def _words(data: Any, path: Path) -> ReadingWords:
    stop = {fold(str(word)) for words in (data.get("stop_words") or {}).values() for word in words}
    return ReadingWords(
        settings={str(key): float(value) for key, value in (data.get("settings") or {}).items()},
        min_stem=int(data.get("min_stem", 4)),
        stem_rounds=int(data.get("stem_rounds", 1)),
        suffixes=tuple(sorted((fold(str(s)) for s in data.get("suffixes") or ()), key=len, reverse=True)),
        stop_words=frozenset(stop),
        kinds=_patterns(data.get("kinds") or {}, f"{path}: kinds"),
        markers=_patterns(data.get("markers") or {}, f"{path}: markers"),
        asking=_asking(data.get("asking_words") or {}, f"{path}: asking_words"),
        about=tuple(re.compile(str(pattern)) for pattern in data.get("about_markers") or ()),
        disagree=_kinds(data.get("disagree_kinds") or (), f"{path}: disagree_kinds"),
        telling_kinds=_kinds(data.get("telling_kinds") or (), f"{path}: telling_kinds"),
        list_kinds=_kinds(data.get("list_kinds") or (), f"{path}: list_kinds"),
        near_kinds=_kinds(data.get("near_kinds") or (), f"{path}: near_kinds"),
        required_kinds=_kinds(data.get("required_kinds") or (), f"{path}: required_kinds"),
        follow_kinds=_kinds(data.get("follow_kinds") or (), f"{path}: follow_kinds"),
        whole_kinds=_kinds(data.get("whole_kinds") or (), f"{path}: whole_kinds"),
        nearby_kinds=_kinds(data.get("nearby_kinds") or (), f"{path}: nearby_kinds"),
        role_asked_kinds=_kinds(data.get("role_asked_kinds") or (), f"{path}: role_asked_kinds"),
        synonyms=tuple(tuple(str(word) for word in group) for group in data.get("synonyms") or ()),
        continues=_pattern(data.get("continues")),
        points_back=_pattern(data.get("points_back")),
        said_by=_pattern(data.get("said_by")),
        reason_before=_pattern(data.get("reason_before")),
        refers_up=_pattern(data.get("refers_up")),
        refers_down=_pattern(data.get("refers_down")),
        counting=_pattern(data.get("counting")),
        second_part=_pattern(data.get("second_part")),
        determiners=frozenset(str(word).lower() for word in data.get("determiners") or ()),
        to_the_bot=tuple(re.compile(str(pattern)) for pattern in data.get("to_the_bot") or ()),
        time_words=tuple(str(word) for word in data.get("time_words") or ()),
        asking_endings=_asking(data.get("asking_endings") or {}, f"{path}: asking_endings"),
        met_by_kind=_asking(data.get("met_by_kind") or {}, f"{path}: met_by_kind"),
        name_particles=frozenset(str(word) for word in data.get("name_particles") or ()),
        year=_pattern(data.get("year")),
        source_words=_pattern(data.get("source_words")),
        no_count=_pattern(data.get("no_count")),
        unlisted_kinds=_kinds(data.get("unlisted_kinds") or (), f"{path}: unlisted_kinds"),
        past=_pattern(data.get("past")),
        thing_asked=_pattern(data.get("thing_asked")),
    )


def _pattern(data: Any) -> re.Pattern[str] | None:
    return re.compile(str(data)) if data else None


def _kinds(data: Any, where: str) -> tuple[str, ...]:
    kinds = tuple(str(kind) for kind in data)
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"{where}: unknown kind {sorted(unknown)[0]!r}")
    return kinds


def _asking(data: Any, where: str) -> dict[str, tuple[str, ...]]:
    unknown = set(data) - set(KINDS)
    if unknown:
        raise ValueError(f"{where}: unknown kind {sorted(unknown)[0]!r}")
    return {kind: tuple(str(word) for word in data.get(kind) or ()) for kind in KINDS}


@cache
def load_lexicon(path: Path = LEXICON_PATH) -> dict[str, tuple[str, ...]]:
    """English word (lower case) -> the Swedish words the newsletters use for it."""
    data = read_yaml(path) or {}
    lexicon: dict[str, tuple[str, ...]] = {}
    try:
        for entries in (data.get("words") or {}).values():  # grouped by theme for the people who edit it
            for english, swedish in (entries or {}).items():
                words = [swedish] if isinstance(swedish, str) else list(swedish or ())
                lexicon[str(english).lower()] = tuple(str(word) for word in words)
    except (AttributeError, TypeError) as error:
        raise KnowledgeError(f"{path}: needs words: theme: english: swedish ({error})") from error
    return lexicon
