"""The words the newsletter reader recognises (bot/ingest/reading.yaml): kinds of meeting, field
labels, deadlines and notices of change."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.folding import fold
from bot.knowledge.serde import KnowledgeError, read_yaml

READING_PATH = Path(__file__).with_name("reading.yaml")


def _starts(words: list[str], inside_words: bool = False) -> re.Pattern[str]:
    """Any of the folded `words` at the start of a word of a folded text (or anywhere in one:
    Swedish compounds put the kind of meeting last, "kunskapsseminarier"); " … " in a word stands for
    up to two words ("ställer … in" finds "ställer tyvärr in"), and a word ending in "$" must end there
    ("före$" is not "företag")."""
    alternatives = "|".join(
        r"(?:\s+\w+){0,2}\s+".join(re.escape(fold(part)) for part in word.removesuffix("$").split(" … "))
        + (r"(?![a-z])" if word.endswith("$") else "")
        for word in sorted(words, key=len, reverse=True)
    )
    return re.compile(alternatives if inside_words else rf"(?<![a-z0-9])(?:{alternatives})")


def as_written(folded: str) -> str:
    """A folded word as a pattern that matches it as written ("motet" -> "m[oö]tet")."""
    swaps = {"a": "[aåä]", "o": "[oö]", "e": "[eé]"}
    return "".join(swaps.get(char, re.escape(char)) for char in folded)


def _as_written_phrases(phrases: list[str]) -> str:
    """Phrases as one pattern that matches them as written, any space between their words."""
    return "|".join(r"\s+".join(as_written(fold(word)) for word in str(phrase).split()) for phrase in phrases)


@dataclass(frozen=True)
class Lexicon:
    kinds: dict[str, re.Pattern[str]]  # kind of meeting -> its words
    meeting: re.Pattern[str]  # at the start of a word, or ending a compound ("Tyresömötet")
    not_meeting: re.Pattern[str]  # "sammanträder", "publicerades": the day is another kind of event
    labels: dict[str, str]  # folded label -> field
    deadline: re.Pattern[str]
    contents: re.Pattern[str]  # "Innehåll:": a paragraph opening so lists the issue's articles
    deadline_opening: re.Pattern[str]  # "Sista anmälningsdag": a sentence opening so gives deadlines only
    other_event: re.Pattern[str]  # "publiceras", "började": next to a date, the day of something else
    changes: dict[str, re.Pattern[str]]  # cancelled, moved, topic, venue -> words
    any_change: re.Pattern[str]  # the words of every change: most texts have none, found in one search
    old_date: re.Pattern[str]
    new_date: re.Pattern[str]  # "i stället": the date after these is the one a meeting moves to
    moved_to: re.Pattern[str]  # "till": just before a notice's only date, the day the meeting moves to
    move_arrow: re.Pattern[str]  # "26/1 → 2/2": a meeting moved from one day to the other
    held: re.Pattern[str]  # "samlade", "hölls": a meeting told of as held
    others_held: re.Pattern[str]  # "höll sin konferens": a meeting someone else held, their own
    same_times: re.Pattern[str]  # "Samma tider som i vår": meetings that keep the times of those before
    compound_end: re.Pattern[str]  # "mötet" ending a word: "Tyresömötet" is "Tyresö" + "mötet"
    unchanged: str  # a pattern: "detsamma", "oförändrat": what a topic "är" when it stays as it was, as written
    topic_placeholders: re.Pattern[str]  # "Tema meddelas senare": no topic yet
    occasions: list[tuple[str, re.Pattern[str]]]  # "julfrukost": a meeting named for its occasion, its topic when
    # it has none; each with its pattern in a folded text
    topic_verbs: re.Pattern[str]  # "pratar", "handlar": the topic follows "om" after one of these
    topic_leads: re.Pattern[str]  # "går vi igenom": the topic follows these at once; group 1, as written
    told_topic: re.Pattern[str]  # "... börjar 8.15 och handlar om X": a topic verb, "om", the topic (group 1)
    open_ends: frozenset[str]  # "på", "och": words a line does not end on unless it goes on in the next
    moved_from: re.Pattern[str]  # "var först planerat till": the day before these was the meeting's old day
    issue_number: re.Pattern[str]  # "nr 5": group 1 is the number
    numbers: dict[str, int]  # "tre" -> 3
    ordinal_days: dict[str, int]  # "tolfte" -> 12
    spoken_time: re.Pattern[str]  # "börjar halv nio": group "shift" (halv, kvart i, ...) and "hour" (a number word)
    clock_shifts: dict[str, int]  # "halv" -> -30 minutes
    spoken_span: re.Pattern[str]  # "halv nio till tio": a span said in words, its start shifted ("shift", "hour")
    clock_halves: dict[str, int]  # "pm" -> 12: hours added to a twelve-hour clock's time, lower case
    clock_end: re.Pattern[str]  # "slutar": just before a time said in words, the end, not the start; at a text's end
    start_verbs: str  # a pattern: "börjar", "kör igång" before the time a programme starts, as written
    venue_end: str  # a pattern: the end of a word naming a venue ("kulturhus", "Stora salen")
    online: re.Pattern[str]  # "Teams", "Zoom", "digitalt": a venue online, matched in the text as written
    ordinals: dict[str, int]  # "sjatte" -> 6 (folded)
    issue_ordinal: re.Pattern[str]  # "sjatte numret": group 1 is the ordinal
    places: re.Pattern[str]
    no_places: re.Pattern[str]
    each: re.Pattern[str]
    figure_leads: re.Pattern[str]  # "totalt", "varav", "vecka": a number after one is no count of places, folded
    figure_units: tuple[str, ...]  # "personer", "procent": a number before one is no count of places, as written
    places_at: tuple[str, ...]  # "på", "hos": between a count and its provider, as written
    list_joins: tuple[str, ...]  # "och", "samt": between the items of a list, as written
    clause_joins: tuple[str, ...]  # "medan", "men": between clauses about different providers, as written
    having: tuple[str, ...]  # "har", "finns": a verb between a provider and its count, as written
    takes_in: tuple[str, ...]  # "kan ta emot": before a count of participants a provider can take in, as written
    count_fillers: tuple[str, ...]  # "enda": a word between a count and "plats" ("en enda plats kvar"), as written
    takes_in_nouns: tuple[str, ...]  # "deltagare": the participants counted after takes_in, as written
    contact_labels: re.Pattern[str]  # "tel.", "e-post:" before a phone number or address, folded
    phone_leads: re.Pattern[str]  # "Name på 070-…": a word between a name and its phone number, as written
    switchboard: re.Pattern[str]  # "Växel", "Kansliet": a number after one of these is nobody's own, folded
    former_titles: re.Pattern[str]  # "tidigare", "senast": a title after these was held before
    elsewhere_titles: tuple[str, ...]  # "i dag", "till vardags som": a title right after these is a job elsewhere
    unnamed_titles: tuple[str, ...]  # "en ny": a title right after these is no one's in particular
    not_holder_gaps: str  # a pattern: "och", "efter" between a title and a name that does not hold it, as written
    holder_copulas: str  # a pattern: "är", "blir" between a title and its holder ("T är fortsatt X"), as written
    title_joins: str  # a pattern: "och" between two titles of one name ("Förbundschef och ansvarig utgivare: X")
    start_day: re.Pattern[str]  # "Första arbetsdag": a sentence opening so dates the start of the one just named
    appointment: re.Pattern[str]  # "Valet", "Förordnandet": a sentence opening so goes on about the appointment
    organisation_before: re.Pattern[str]  # "i", "vid" ending a text: the name after it is a workplace's
    provider_nouns: frozenset[str]  # folded: "Insatsen" before a provider's name is no part of it
    board: re.Pattern[str]  # "styrelse": a section about the board
    vacancies: re.Pattern[str]  # "vakant", "utses": a seat without a member
    position_aliases: dict[str, str]  # folded "vice ordf" -> "vice ordförande"
    successor: re.Pattern[str]  # "efterträdare": a noun standing for the title its predecessor leaves, as written
    chosen: re.Pattern[str]  # "Valet föll på": opening a sentence that names whom the one before recruits
    since: str  # a pattern: "sedan", "från och med" before the day a title was taken up, as written
    appointed_to: str  # a pattern: "till" between a name and the title it is appointed to ("T1 X till T2"), as written
    not_names: frozenset[str]  # "Kontakta", "Tema": capitalised words never part of a name, folded
    organisation_openers: frozenset[str]  # "Samordningsförbundet": the words after it name no person, folded

    def is_former_title(self, before: str) -> bool:
        """Whether the words just before a title make it one held before ("tidigare ekonom",
        "senast arbetat som samordnare") or one held elsewhere ("är i dag enhetschef på …")."""
        last = " " + fold(" ".join(before.split()[-3:]))
        return bool(self.former_titles.search(last)) or last.endswith(self.elsewhere_titles)

    def is_unnamed_title(self, before: str) -> bool:
        """Whether the words just before a title make it no one's in particular ("tills en ny förbundschef är på
        plats"), unless a name stands right after it ("en ny ekonom, Lovisa Brandt")."""
        return (" " + fold(" ".join(before.split()[-3:]))).endswith(self.unnamed_titles)

    def tells_start_day(self, sentence: str) -> bool:
        """Whether a sentence opens on the day someone starts ("Första arbetsdag blir 7 januari")."""
        return bool(self.start_day.match(fold(sentence.lstrip())))

    def speaks_of_board(self, text: str) -> bool:
        return bool(self.board.search(fold(text)))

    def is_vacancy(self, text: str) -> bool:
        """Whether a seat's text is a placeholder ("Vakant", "(Utses i februari)"), not a name."""
        return bool(self.vacancies.match(fold(text).strip("( ")))

    def without_contact_labels(self, text: str) -> str:
        return self.contact_labels.sub("", fold(text))

    def online_venue(self, text: str) -> str | None:
        """The word that names an online venue in `text` ("via Teams" -> "Teams"), as written."""
        match = self.online.search(text)
        return match.group(0) if match else None

    def speaks_of_places(self, text: str) -> bool:
        return bool(self.places.search(fold(text)))

    def kind_in(self, text: str) -> str | None:
        """The kind of meeting a heading or sentence names, the first listed winning."""
        folded = fold(text)
        return next((kind for kind, words in self.kinds.items() if words.search(folded)), None)

    def occasion_in(self, text: str) -> str | None:
        """ "julfrukost" in "I Haninge bjuder vi på julfrukost …", "Julfrukosten i Tyresö …": the occasion a text
        names a meeting for."""
        folded = fold(text)
        return next((word for word, pattern in self.occasions if pattern.search(folded)), None)

    def speaks_of_meeting(self, text: str) -> bool:
        return self.kind_in(text) is not None or bool(self.meeting.search(fold(text)))

    def tells_of_held(self, text: str) -> bool:
        return bool(self.held.search(fold(text)))

    def change_in(self, text: str) -> str | None:
        folded = fold(text)
        said = None
        if self.any_change.search(folded):
            said = next((change for change, words in self.changes.items() if words.search(folded)), None)
        return said or ("moved" if self.move_arrow.search(text) else None)

    def is_deadline(self, before: str) -> bool:
        """Whether the words just before a date make it a deadline ("anmälan senast 24/5"), or the opening of
        its sentence does ("Sista anmälningsdag till mötet i Haninge är 16 maj")."""
        sentence = before[max(before.rfind(". "), before.rfind("! "), before.rfind("? ")) + 1 :]
        opening = self.deadline_opening.match(fold(sentence[:_OPENING]).lstrip(" •*–-"))
        return bool(opening or self.deadline.search(fold(" ".join(_last_words(before, 3)))))

    def is_other_event(self, before: str, after: str) -> bool:
        """Whether the words around a date make it the day of something else ("publiceras på hemsidan den
        15 december", "Den 15 januari började X som ...", "16/6 nästa styrelsesammanträde"), or a deadline's
        opening words follow it ("mån 15 mar  Sista dag att ansöka …")."""
        next_words = fold(" ".join(after.split(None, 2)[:2]))
        return bool(
            self.other_event.search(fold(" ".join(_last_words(before, 4))) + " " + next_words.split(" ")[0])
            or self.not_meeting.search(next_words)
            or self.deadline_opening.match(fold(after[:_ROW_OPENING]).lstrip(" •*–-:"))
        )

    def split_compounds(self, text: str) -> str:
        """ "Tyresömötet får nytt datum" -> "Tyresö mötet får nytt datum": the place in a compound found."""
        return self.compound_end.sub(r" \1", text)

    def ends_open(self, line: str) -> bool:
        """Whether a line stops mid-sentence: on a comma or on a word like "på" ("... den 19 maj, på")."""
        words = line.rstrip().split()
        return bool(words) and (line.rstrip().endswith(",") or words[-1].lower() in self.open_ends)

    def was_moved_from(self, before: str) -> bool:
        return bool(self.moved_from.search(fold(" ".join(_last_words(before, 5)))))

    def is_old_date(self, before: str) -> bool:
        return bool(self.old_date.search(fold(" ".join(_last_words(before, 4)))))

    def is_moved_to(self, before: str) -> bool:
        """ "flyttas en vecka, till fredag 10 november": the date after these words is the new one."""
        return not self.is_old_date(before) and bool(self.moved_to.search(fold(" ".join(_last_words(before, 3)))))

    def is_new_date(self, before: str) -> bool:
        """ "hålls i stället den 29/2", not "i stället för den 22/2" (the old one)."""
        return not self.is_old_date(before) and bool(self.new_date.search(fold(" ".join(_last_words(before, 4)))))


_OPENING = 200  # characters of a sentence enough for its opening words ("Sista anmälningsdag ...")
_ROW_OPENING = 40  # characters after a calendar row's day enough for a deadline's opening words


def _last_words(text: str, count: int) -> list[str]:
    """The last `count` words of `text`, found from its end: a date's words before it are looked at for every
    date in a paragraph, which may be long (a line of 50,000 characters without a stop)."""
    return text.rsplit(None, count)[-count:]


@cache
def lexicon(path: Path = READING_PATH) -> Lexicon:
    data = read_yaml(path)
    try:
        return Lexicon(
            kinds={kind: _starts(words, inside_words=True) for kind, words in data["meeting_kinds"].items()},
            meeting=re.compile(
                rf"{_starts(data['meeting_words']).pattern}|"
                rf"(?<![a-z])(?!{'|'.join(map(re.escape, map(fold, data['other_meetings'])))})"
                rf"[a-z]+(?:{'|'.join(map(re.escape, map(fold, data['meeting_compound_ends'])))})(?![a-z])"
            ),
            not_meeting=re.compile(  # "sammanträder", or a compound naming another kind: "nästa styrelsesammanträde"
                rf"{_starts(data['not_meeting_words']).pattern}|"
                rf"(?<![a-z])(?:{'|'.join(map(re.escape, map(fold, data['other_meetings'])))})[a-z]*?"
                rf"(?:{'|'.join(map(re.escape, map(fold, data['not_meeting_words'] + data['meeting_words'])))})"
            ),
            labels={fold(label): name for name, labels in data["labels"].items() for label in labels},
            deadline=_starts(data["deadline_words"]),
            deadline_opening=_starts(data["deadline_openings"]),
            contents=_starts(data["contents_openings"]),
            other_event=_starts(data["other_event_words"]),
            changes={change: _starts(words) for change, words in data["changes"].items()},
            any_change=_starts([word for words in data["changes"].values() for word in words]),
            old_date=_starts(data["old_date_words"]),
            new_date=_starts(data["new_date_words"]),
            moved_to=re.compile(rf"(?:{_starts(data['moved_to_words']).pattern})(?:\s+\w+){{0,2}}\s*$"),
            move_arrow=re.compile(
                rf"\d(?:\s+[a-zåäö]+\.?)?\s*"  # "26/1 → 2/2", "fredag 12 december → fredag 19 december"
                rf"(?:{'|'.join(map(re.escape, map(str, data['move_arrows'])))})\s*(?:\w+\.?\s+)?\d"
            ),
            held=_starts(data["held_words"]),
            others_held=_starts(data["others_held"]),
            same_times=_starts(data["same_times"]),
            moved_from=_starts(data["moved_from_words"]),
            compound_end=re.compile(
                rf"(?<=[a-zåäö])s?((?:{'|'.join(as_written(str(end)) for end in data['meeting_compound_ends'])}))\b"
            ),
            topic_verbs=_starts(data["topic_verbs"]),
            told_topic=re.compile(
                rf"\b(?:{_as_written_phrases(data['topic_verbs'])})\s+(?:\w+\s+){{0,2}}?om\s+([^,.]+)", re.I
            ),
            topic_leads=re.compile(rf"\b(?:{_as_written_phrases(data['topic_leads'])})\s+([^,.]+)", re.I),
            unchanged="|".join(re.escape(str(word)).replace(r"\ ", r"\s+") for word in data["unchanged"]),
            topic_placeholders=_starts(data["topic_placeholders"]),
            occasions=[
                (str(word), re.compile(rf"(?<![a-z]){re.escape(fold(str(word)))}")) for word in data["occasions"]
            ],
            open_ends=frozenset(str(word).lower() for word in data["open_ends"]),
            ordinals={fold(str(word)): int(value) for word, value in data["ordinal_words"].items()},
            issue_ordinal=re.compile(
                rf"\b({'|'.join(map(re.escape, (fold(str(w)) for w in data['ordinal_words'])))})\s+"
                rf"(?:{'|'.join(map(re.escape, (fold(str(w)) for w in data['issue_words'])))})\b"
            ),
            venue_end="(?:" + "|".join(map(re.escape, (str(word) for word in data["venue_words"]))) + ")",
            online=re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, map(str, data['online_venues'])))})\w*", re.I),
            numbers={fold(str(word)): int(value) for word, value in data["number_words"].items()},
            ordinal_days={fold(str(word)): int(value) for word, value in data["ordinal_days"].items()},
            spoken_time=re.compile(
                rf"\b(?:{'|'.join(map(re.escape, data['clock_leads'] + data['start_verbs']))})\.?\s+"
                rf"(?:(?P<shift>{'|'.join(map(re.escape, data['clock_words']))})\s+)?"
                rf"(?P<hour>{'|'.join(map(re.escape, (str(w) for w in data['number_words'])))})\b",
                re.I,
            ),
            start_verbs="(?:"
            + "|".join(re.escape(str(verb)).replace(r"\ ", r"\s+") for verb in data["start_verbs"])
            + ")",
            clock_shifts={str(word): int(minutes) for word, minutes in data["clock_words"].items()},
            spoken_span=re.compile(
                rf"\b(?P<shift>{'|'.join(map(re.escape, data['clock_words']))})\s+"
                rf"(?P<hour>{'|'.join(map(re.escape, (str(w) for w in data['number_words'])))})\s+"
                rf"(?:{'|'.join(map(re.escape, data['clock_span_words']))})\s+"
                rf"(?:(?:{'|'.join(map(re.escape, data['clock_words']))})\s+)?"
                rf"(?:{'|'.join(map(re.escape, (str(w) for w in data['number_words'])))})\b",
                re.I,
            ),
            clock_halves={str(word).lower(): int(hours) for word, hours in data["clock_halves"].items()},
            clock_end=re.compile(rf"\b(?:{_as_written_phrases(data['clock_ends'])})\s*$", re.I),
            issue_number=re.compile(rf"{_starts(data['issue_number_words']).pattern}\s*(\d{{1,2}})\b"),
            places=_starts(data["places_headings"], inside_words=True),
            no_places=_starts(data["no_places"]),
            each=_starts(data["each"]),
            figure_leads=_starts([f"{word}$" for word in data["not_place_counts_after"]]),
            figure_units=tuple(str(word) for word in data["not_place_counts_before"]),
            places_at=tuple(str(word) for word in data["places_at"]),
            list_joins=tuple(str(word) for word in data["list_joins"]),
            clause_joins=tuple(str(word) for word in data["clause_joins"]),
            having=tuple(str(word) for word in data["having"]),
            takes_in=tuple(str(words) for words in data["takes_in"]),
            count_fillers=tuple(str(word) for word in data["count_fillers"]),
            takes_in_nouns=tuple(str(word) for word in data["takes_in_nouns"]),
            former_titles=_starts(data["former_titles"]),
            elsewhere_titles=tuple(f" {fold(str(words))}" for words in data["elsewhere_titles"]),
            unnamed_titles=tuple(f" {fold(str(words))}" for words in data.get("unnamed_titles") or ()),
            not_holder_gaps="(?:" + "|".join(map(re.escape, map(str, data["not_holder_gaps"]))) + ")",
            holder_copulas="(?:" + "|".join(map(re.escape, map(str, data["holder_copulas"]))) + ")",
            title_joins="(?:" + "|".join(map(re.escape, map(str, data["title_joins"]))) + ")",
            start_day=_starts(data["start_day_openings"]),
            appointment=_starts([f"{word}$" for word in data["appointment_openings"]]),
            provider_nouns=frozenset(fold(str(word)) for word in data["provider_nouns"]),
            organisation_before=re.compile(
                rf"\b(?:{'|'.join(map(re.escape, map(str, data['organisation_before'])))})\s+(?:[A-ZÅÄÖ]{{2,}}\s+)?$"
            ),
            board=_starts(data["board_words"]),
            vacancies=_starts(data["board_vacancies"]),
            position_aliases={
                fold(str(alias)): str(position) for alias, position in data["board_position_aliases"].items()
            },
            successor=re.compile(rf"\b(?:{'|'.join(map(re.escape, map(str, data['successor_nouns'])))})\b", re.I),
            chosen=re.compile(rf"^\s*(?:{_as_written_phrases(data['chosen_leads'])})\s+", re.I),
            since="(?:" + "|".join(re.escape(str(word)).replace(r"\ ", r"\s+") for word in data["since_words"]) + ")",
            appointed_to="(?:" + "|".join(map(re.escape, map(str, data["appointed_to"]))) + ")",
            not_names=frozenset(fold(str(word)) for word in data["not_names"]),
            organisation_openers=frozenset(fold(str(word)) for word in data["organisation_openers"]),
            phone_leads=re.compile(rf"\s+(?:{'|'.join(map(re.escape, map(str, data['phone_leads'])))})\s+$"),
            switchboard=_starts(data["switchboard"]),
            contact_labels=re.compile(rf"{_starts(data['contact_labels']).pattern}(?![a-z])\.?"),
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise KnowledgeError(f"{path}: needs meeting_kinds, labels, deadline_words, changes ({error})") from error
