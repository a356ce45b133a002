"""People and organisations to contact: names next to role titles, e-mail addresses, phone numbers,
and what the newsletter says to contact them for."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from bot.folding import fold
from bot.ingest.dates import MONTH_PATTERN, MONTHS, resolve_past_year, resolve_year
from bot.ingest.document import Section, sentences
from bot.ingest.lexicon import lexicon
from bot.ingest.people import EMAIL, PHONE, Names, Titles
from bot.knowledge.model import Contact, Purpose, Role, Source
from bot.knowledge.vocabulary import load_vocabulary

_FULL_DATE = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_PATTERN})\s+(\d{{4}})\b", re.I)
_ISO_DATE = re.compile(r"(?<![\d-])\d{4}-\d\d-\d\d(?![\d-])")
_DAY_MONTH = re.compile(r"(?<![\d/.-])(\d{1,2})/(\d{1,2})(?![\d/])")
_LEAVING = "|".join(map(re.escape, load_vocabulary().role_leaves))


def _verbs(words: tuple[str, ...]) -> str:
    """`words` as alternatives; the two words of a verb may stand around a name ("tog Lars Öhman (M) över")."""
    return "|".join(r"\s+(?:[^.;:]{1,40}?\s+)?".join(map(re.escape, word.split())) for word in words)


_JOINING = _verbs(load_vocabulary().role_joins)
_LEAVES = re.compile(rf"\b({_LEAVING})\b", re.I)
_JOINS = re.compile(rf"\b({_JOINING})\b", re.I)
_TAKES_UP = re.compile(rf"\b({_verbs(load_vocabulary().role_takes_up)})\b", re.I)
_PAST = re.compile(rf"\b({_verbs(load_vocabulary().role_past)})\b", re.I)
_SUCCEEDS = re.compile(rf"\s+(?:{'|'.join(map(re.escape, load_vocabulary().role_succeeds))})\s+", re.I)
_SEASON = re.compile(rf"\b(?:{_JOINING})\s+(i\s+(?:vår|höst|sommar|vinter)|efter\s+\w+|till\s+\w+)", re.I)
# a sentence that goes on about the person just named (or about the appointment: `appointment_openings`)
_CONTINUES = re.compile(r"^(?:hon|han|hen|hans|hennes|hens|den nya|den nye|hon/han|båda|bägge|de)\b", re.I)
# "anställt en ny ekonom, Gustav Berg", "får en ny projektledare efter sommaren: Nils Carlberg": a new one's title
# names the person it introduces; so does one joining ("förstärks med en utredare, Elias Berg", not "regeringen
# har tillsatt en utredare, X")
_INDEFINITE = re.compile(r"\b(?:en|ett|an|a)\s+(?P<new>(?:ny|nye|new)\s+)?$", re.I)
_INTRODUCED = re.compile(r",\s+|[^.;:!?]{0,50}:\s+")
_BOTH = re.compile(r"^(?:båda|bägge)\b", re.I)  # "Båda tillträder den 1 januari": everyone just named
_PRONOUN = re.compile(r"^\s*(?:hon|han|hen)\b", re.I)
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w-])([A-ZÅÄÖ][a-zåäöé]+),\s*$")  # "(Linnea, kommunikatör)": a first name
_POSSESSIVE = re.compile(r"^(?:hans|hennes|hens)\b", re.I)
_QUOTED = re.compile(r"^\s*[–—\"”»]")  # a paragraph quoting someone: "– Jag ser fram emot ..."
_NEW = {fold(word) for word in ("ny", "nya", "nye", "nyanställd", "nyanställda", "tillträdande")}
_FEDERATION = re.compile(r"Samordningsförbundet\s+([A-ZÅÄÖ][\wåäö]*(?:\s+(?:[A-ZÅÄÖ][\wåäö]*|stad))*)")
_ORG_AFTER = re.compile(
    r"^\s+(?:hos|på|vid|inom|för|i)\s+(?P<org>[A-ZÅÄÖ][^,.;]*?|förbundet)(?=\s+(?:och|som|samt|sedan)\b|\s+(?:den\s+)?\d|[,.;]|$)"
)
_GAP_BEFORE = re.compile(
    r"^(?:\s*\([A-ZÅÄÖ]{1,3}\))?(?:,\s+[A-ZÅÄÖ][\w ]{1,40},)?"  # "Name (C), Haninge kommun, ny title"
    r"(?:,\s*|\s*[·|–]\s*|,?\s+(?:som\s+)?(?:är\s+)?(?:\w+\s+){0,4}?|\s+heter\s+\S+\s+(?:\w+\s+)?"
    r"|,\s+som\s+(?:den\s+\d{1,2}\s+\w+\s+)?\w+\s+som\s+|\s+\w+\s+(?:den\s+)?\d{1,2}\s+\w+\s+som\s+"
    r"|\s+(?:\w+\s+){1,2}som\s+(?:\w+s\s+)?(?:\w+\s+)?)$"
)  # what may stand between a name and its title: "Name, title", "Name · title", "Name (M) är förbundets title",
# "Name har utsetts till ny title", "Name, som den 12 april börjar som title", "Name började den 18 augusti som title",
# "Name har anställts som förbundets nya title"
_SINCE_DAY = (
    rf"(?:den\s+)?(?:\d{{1,2}}\s+(?:{MONTH_PATTERN})\b(?:\s+\d{{4}})?|(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})\b"
    r"|\d{4}-\d\d-\d\d\b)"  # "fr.o.m. 2085-01-08"
)
_SINCE = re.compile(rf"^\s*\(?{lexicon().since}\s+{_SINCE_DAY}", re.I)
# between a title and the name of its holder: "Förbundschef: X", "ordförande är X", "Vice ordförande är fortsatt X"
_HOLDER_GAP = re.compile(
    rf"[:\s]*(?:(?!{lexicon().not_holder_gaps}\b)[a-zåäö.]+\s+)?|\s+{lexicon().holder_copulas}\s+[a-zåäö]+\s+"
)
_NOT_HOLDER_BEFORE = re.compile(rf"\b{lexicon().not_holder_gaps}\s+$")  # "tar över efter": X after it holds nothing
_APPOINTED_TO = re.compile(rf"\s+{lexicon().appointed_to}\s+")  # "T1 X till T2"
_SINCE_BETWEEN = re.compile(rf"\s+{lexicon().since}\s+{_SINCE_DAY}", re.I)  # "X och är sedan den 1 november T"


People = list[tuple[int, int, str]]  # (start, end, name) of the names in a sentence


@dataclass
class Mention:
    """One thing a sentence says about a person or organisation."""

    name: str
    source: Source
    kind: str = "person"
    email: str | None = None
    phone: str | None = None
    role: Role | None = None
    purpose: Purpose | None = None
    tentative: bool = False  # a name guessed from an address: kept only for someone named elsewhere


class ContactReader:
    def __init__(self, names: Names, own_federation: str) -> None:
        self.names = names
        self.own_federation = own_federation
        self._article: tuple[str, ...] = ()
        self._first_names_found: tuple[dict[str, str], re.Pattern[str] | None] | None = None
        self._issue: list[Section] = []
        self._issue_first_names: dict[str, str] | None = None

    def start_issue(self, sections: list[Section]) -> None:
        """The issue the paragraphs read next belong to: a person it names in full anywhere may be called by first
        name ("Själv går jag (Linnea, kommunikatör) …" above "Linnea Sjöberg, 070-…" in the contacts)."""
        self._issue, self._issue_first_names = sections, None

    def _issue_first_name(self, first: str) -> str | None:
        """The one person the issue names in full with this first name (their names found once per issue, and only
        for an issue that calls someone by first name next to a title)."""
        if self._issue_first_names is None:
            texts = [text for section in self._issue for text in section.paragraphs]
            self._issue_first_names = _by_first_name(texts, self.names)
        return self._issue_first_names.get(first)

    def read(
        self,
        text: str,
        source: Source,
        section_federation: str | None = None,
        published: date | None = None,
        after: list[str] | None = None,
        before: list[str] | None = None,
        article: tuple[str, ...] = (),
    ) -> list[Mention]:
        """What `text` (a paragraph) says of people; `after` and `before`: the section's paragraphs that follow
        and precede it; `article`: its heading and paragraphs, whose people it may call by first name."""
        mentions: list[Mention] = []
        if article is not self._article:
            self._article, self._first_names_found = article, None
        parts = sentences(text)
        # "X blir ny förbundschef." / "– Jag ser fram emot ..., säger X." / "Hon tillträder den 3 maj.": a quote between
        self._after = [paragraph for paragraph in after or [] if not _QUOTED.match(paragraph)]
        self._beyond_sentences: list[str] | None = None
        for index, sentence in enumerate(parts):
            self._later = parts[index + 1 : index + 3]  # the sentences that may date what this one says
            self._earlier = [*(before or []), *parts[:index]]
            self._paragraph_before = parts[:index]
            self._published = published
            mentions.extend(self._sentence(sentence, source, section_federation))
        return mentions

    def _first_names(self) -> tuple[dict[str, str], re.Pattern[str] | None]:
        """First name -> full name of the people the article names in full, each first name of only one of them,
        and a pattern finding those first names standing alone (made once per article)."""
        if self._first_names_found is None:
            full = _by_first_name(self._article, self.names)
            alone = "|".join(map(re.escape, sorted(full, key=len, reverse=True)))
            pattern = re.compile(rf"(?<![\w-])(?:{alone})(?![\w-])(?!\s+[A-ZÅÄÖ])") if full else None
            self._first_names_found = (full, pattern)
        return self._first_names_found

    def _people(self, sentence: str) -> People:
        """The names in a sentence, and in one that gives a title or an address, the first name alone of someone
        the article names in full ("FEM FRÅGOR TILL Rasmus Lind" over "Rasmus är ny projektledare …") as that
        person."""
        people = self.names.people(sentence)
        if not (self.names.any_title.search(fold(sentence)) or "@" in sentence or PHONE.search(sentence)):
            return people
        full, pattern = self._first_names()
        for match in pattern.finditer(sentence) if pattern else ():
            if not any(start <= match.start() < end for start, end, _ in people):
                people.append((match.start(), match.end(), full[match.group()]))
        return sorted(people)

    def _sentence(self, sentence: str, source: Source, section_federation: str | None) -> list[Mention]:
        people = self._people(sentence)
        mentions = []
        for match in EMAIL.finditer(sentence) if "@" in sentence else ():
            mention = self._email(sentence, match, people, source)
            if mention:
                mentions.append(mention)
        owners = {mention.name for mention in mentions if mention.kind == "person"}
        for match in PHONE.finditer(sentence) if "0" in sentence else ():
            # "Name, 08-…", or "Hon nås på name@… eller 08-…": the one person the sentence gives an address
            lead = lexicon().phone_leads.search(sentence[: match.start()])  # "Name på 070-…"
            person = _just_before(people, sentence, lead.start() if lead else match.start(), self.names.role)
            tentative = False
            if person is None and len(owners) == 1:
                owner = next(m for m in mentions if m.name in owners)
                person, tentative = owner.name, owner.tentative
            if person is None and not people and _PRONOUN.match(sentence):  # "X ... . Han nås på 070-…"
                person = self._last_named()
            if person:
                mentions.append(Mention(name=person, source=source, phone=match.group(0), tentative=tentative))
        read_as = self._as_chosen(self._as_successor(sentence, people))
        sentence, people = (read_as, self.names.people(read_as)) if read_as != sentence else (sentence, people)
        titles = self.names.role.finditer(sentence) if self.names.any_title.search(fold(sentence)) else iter(())
        for match in titles:
            mention = self._role(sentence, match, people, source, section_federation)
            if mention:
                mentions.append(mention)
                mentions.extend(self._predecessor(sentence, people, match, mention))
        return mentions

    def _last_named(self) -> str | None:
        """The person the paragraph named last before this sentence, if any."""
        named = (self.names.people(sentence) for sentence in reversed(self._paragraph_before))
        return next((found[-1][2] for found in named if found), None)

    def _as_successor(self, sentence: str, people: People) -> str:
        """ "Hennes efterträdare heter X", "anställt X som hans efterträdare": X takes up the title the article
        named last (the one the predecessor leaves), so the sentence is read with that title in the noun's
        place; a sentence that names a title of its own is read as written."""
        noun = lexicon().successor.search(sentence)
        if not noun or self.names.role.search(sentence):
            return sentence
        gap = r"[\s*]+(?:[a-zåäö]+\s+){0,2}"  # "efterträdare heter X", "X som hans efterträdare"
        named = any(
            re.fullmatch(gap, sentence[noun.end() : start]) or re.fullmatch(gap, sentence[end : noun.start()] + " ")
            for start, end, _ in people
        )
        titles = (list(self.names.role.finditer(text)) for text in reversed(self._earlier))
        last = next((found[-1].group("title") for found in titles if found), None)
        return f"{sentence[: noun.start()]}{last}{sentence[noun.end() :]}" if named and last else sentence

    def _as_chosen(self, sentence: str) -> str:
        """ "Projektet har rekryterat en processledare. Valet föll på X, …": X takes up the title the sentence before
        recruits (or creates new: "en ny tjänst: samordnare … Den har gått till X"), naming nobody, so the sentence is
        read as "processledare blir X, …"."""
        lead = lexicon().chosen.match(sentence)
        if not self._paragraph_before:
            return sentence
        before = self._paragraph_before[-1]
        new = _JOINS.search(before) or any(fold(word) in _NEW for word in before.split())  # "fått en ny tjänst:"
        titles = list(self.names.role.finditer(before)) if new else []
        if len(titles) != 1 or self.names.people(before):
            return sentence
        if lead is None:
            # "Förbundet har fått en ny ekonom. Hanna Berglund kommer från …": the new one is the person the next
            # sentence opens on, when it names no title of its own
            opening = self.names.people(sentence)[:1]
            introduced = _INDEFINITE.search(before[: titles[0].start()]) and opening and opening[0][0] == 0
            if not introduced or self.names.role.search(sentence):
                return sentence
            return f"{titles[0].group('title')} blir {sentence}"
        return f"{titles[0].group('title')} blir {sentence[lead.end() :]}"

    def _predecessor(self, sentence: str, people: People, match: re.Match[str], successor: Mention) -> list[Mention]:
        """ "A efterträder B som T från den 1 december": B holds T until that day."""
        for (_, end, name), (start, after_end, other) in zip(people, people[1:], strict=False):
            if name != successor.name or not _SUCCEEDS.fullmatch(sentence[end:start]):
                continue
            if not re.fullmatch(r"\s+som\s+(?:ny\s+)?", sentence[after_end : match.start()]) or successor.role is None:
                return []
            held = Role(title=successor.role.title, organisation=successor.role.organisation, source=successor.source)
            held.end = successor.role.start
            return [Mention(name=other, source=successor.source, role=held)]
        return []

    def _email(self, sentence: str, match: re.Match[str], people: People, source: Source) -> Mention | None:
        address = match.group(0)
        purpose = Purpose(kind=_purpose_kind(sentence), text=sentence.strip(), source=source)
        person = _just_before(people, sentence, match.start(), self.names.role)
        if person:
            return Mention(name=person, source=source, email=address, purpose=purpose)
        local = address.split("@")[0]
        spelt = next((name for _, _, name in people if fold(name) == fold(local)), None)
        if spelt is None and "." in local:  # "Ronja Edholm Insatsen Vägvisaren | ronja.edholm@…": the words it spells
            words = local.count(".") + 1
            spelt = next(
                (
                    " ".join(name.split()[:words])
                    for _, _, name in people
                    if len(name.split()) > words and fold(" ".join(name.split()[:words])) == fold(local)
                ),
                None,
            )
        if spelt:  # "Anmälan till Mikael Sandström på Nynäshamns kommun, mikael.sandstrom@…": the address spells it
            return Mention(name=spelt, source=source, email=address, purpose=purpose)
        first = fold(local.split(".")[0]) if "." in local else None
        for name in re.findall(r"\b[A-ZÅÄÖ][\wåäö-]{3,}\b", sentence):
            if fold(name) == first:  # "Eva nås på eva.ek@…": a person by first name, not an organisation
                break
            if not self.names.is_label(name) and fold(name).replace(" ", "") in fold(address).replace(" ", ""):
                return Mention(name=name, source=source, kind="organisation", email=address, purpose=purpose)
        if "." in local:  # firstname.lastname@, if such a person is named elsewhere
            return Mention(
                name=local.replace(".", " ").title(), source=source, email=address, purpose=purpose, tentative=True
            )
        return None

    def _role(
        self, sentence: str, match: re.Match[str], people: People, source: Source, section_federation: str | None
    ) -> Mention | None:
        if lexicon().is_former_title(sentence[: match.start()]):
            return None
        written = match.group("title")
        title = next((t for t in self.names.vocabulary.role_titles if fold(t) == fold(written)), written.lower())
        # "Kerstin Fahl, projektledare Nya Vägar": the name the title is set apart from by a comma is its holder
        set_apart = any(
            end <= match.start() and re.fullmatch(r",\s*", sentence[end : match.start()]) for _, end, _ in people
        )
        title_end = self._joined_titles_end(sentence, match)
        after = next(
            (
                name
                for start, _, name in people
                if not set_apart
                and 0 <= start - title_end <= 20
                and _HOLDER_GAP.fullmatch(sentence[title_end:start])
                or _chosen(sentence[title_end:start])
                or (_INTRODUCED.fullmatch(sentence[title_end:start]) and _introduced(sentence[: match.start()]))
            ),
            None,
        )
        if after is None and lexicon().is_unnamed_title(sentence[: match.start()]):
            return None  # "… tills en ny förbundschef är på plats": no one named holds it
        before = None
        definite = match.end() > match.end("title")  # "förbundschefen": someone the text refers to, not named here
        if after is None and not definite:
            gaps = [
                (index, _without_apposition(sentence[end : match.start()])) for index, (_, end, _) in enumerate(people)
            ]
            candidates = [
                index
                for index, gap in gaps
                if people[index][1] <= match.start()
                and _GAP_BEFORE.match(_SINCE_BETWEEN.sub("", gap)) is not None
                and not self.names.role.search(gap)  # "X, vice ordförande ersättare:"
            ]
            before = _successor(people, sentence, candidates[-1]) if candidates else None
            before = before or _chained(people, sentence, match.start())
        person = after or before
        if person is None and not people:
            alone = _FIRST_NAME_BEFORE.search(sentence, 0, match.start())  # "(Linnea, kommunikatör)"
            person = self._issue_first_name(alone.group(1)) if alone else None
        if person is None:
            return None
        words_before = sentence[: match.start()].split()
        is_new = bool(words_before) and fold(words_before[-1]) in _NEW
        organisation = self._organisation(sentence, match, words_before, section_federation, title)
        role = Role(title=title, organisation=organisation, source=source)
        following_title = next((m.start() for m in self.names.role.finditer(sentence, match.end())), len(sentence))
        named_at, named_end = next(
            ((start, end) for start, end, name in people if name == person), (match.start(),) * 2
        )
        # "har utsett biträdande förbundschef X till tillförordnad förbundschef": X holds the first title and is
        # appointed to the second, whose appointment reaches back to the title in front of the name
        if _held_before(sentence, match, named_at, named_end, self.names.role):
            return Mention(name=person, source=source, role=role)
        anchor = _appointment_start(sentence, match, named_at, named_end, self.names.role)
        near = sentence[max(0, anchor - 15) : following_title].rstrip()  # "har anställt X som T"
        if near.split() and fold(near.split()[-1]) in _NEW:  # "... och tillträdande <next title>"
            near = near.rsplit(None, 1)[0]
        only_title = len(list(self.names.role.finditer(sentence))) == 1
        leaves = _LEAVES.search(_without_others_clauses(sentence, people, person))
        joins = _JOINS.search(near) or is_new or (only_title and not leaves and _JOINS.search(sentence))
        when_date = self._date_in(sentence)
        since = (
            _SINCE.match(sentence[match.end() :])
            or _SINCE.match(" " + sentence)
            or _SINCE_BETWEEN.search(sentence[named_at : match.start()])
        )
        if since and not leaves:  # "... är förbundets ordförande sedan den 1 januari", "(från 14/2)"
            joins, when_date = True, self._since_day(since)
        following = self._following_about(person, self._later)
        if not (following and _TAKES_UP.search(following)):
            # a paragraph of its own that goes on: "Hon tillträder den 3 maj."
            beyond = self._following_about(person, self._beyond())
            # ... or opens on the day: "Sedan den 2 maj leder Farida Noor projektet."
            starts = beyond and (
                _TAKES_UP.search(beyond) or lexicon().tells_start_day(beyond) or _SINCE.match(beyond) is not None
            )
            following = beyond if starts else following
        dated_since = following and _on_appointment(following) and _SINCE_BETWEEN.search(following)
        if following and only_title and not leaves and (_TAKES_UP.search(following) or dated_since):
            # "X är på plats som förbundschef. Hon tillträdde den 7 januari.", "… går X in som tillförordnad
            # förbundschef. Förordnandet gäller från och med den 15 september."
            joins = True
        if joins and following and _TAKES_UP.search(following) and not _TAKES_UP.search(sentence):
            # "Styrelsen har den 30 november utsett X till förbundschef. Hon tillträder 12 mars 2024."
            when_date = self._date_in(following) or when_date
        elif when_date is None and (joins or leaves) and following:
            when_date = self._date_in(following)  # "... till ny förbundschef. X börjar 12 mars"
        if joins and when_date is None and title in self.names.vocabulary.board_positions:
            when_date = self._board_took_office()  # "Den nya styrelsen tillträdde den 1 januari. … X är ny ordförande"
        if leaves and when_date:
            role.end = when_date
        elif joins:
            role.start = when_date
            season = _SEASON.search(near)
            role.note = season.group(0) if season else ("tillträdande" if _JOINS.search(near) else "ny")
        purpose = Purpose("publisher", sentence.strip(), source) if fold(title) == "ansvarig utgivare" else None
        return Mention(name=person, source=source, role=role, purpose=purpose)

    def _board_took_office(self) -> date | None:
        """The day an earlier sentence of the paragraph says the board took office, if one does."""
        for sentence in reversed(self._paragraph_before):
            if lexicon().board.search(fold(sentence)) and _TAKES_UP.search(sentence):
                return self._date_in(sentence)
        return None

    def _joined_titles_end(self, sentence: str, match: re.Match[str]) -> int:
        """Where the titles joined to this one end: "Förbundschef och ansvarig utgivare: X" are both X's."""
        end = match.end()
        while joined := re.match(rf"\s+{lexicon().title_joins}\s+", sentence[end:]):
            following = self.names.role.match(sentence, end + joined.end())
            if following is None:
                break
            end = following.end()
        return end

    def _beyond(self) -> list[str]:
        """The sentences of the paragraphs after this one (quotes left out): "Hennes första arbetsdag är ..." may
        come after a paragraph about the person's past."""
        if self._beyond_sentences is None:
            self._beyond_sentences = [part for paragraph in self._after for part in sentences(paragraph)]
        return self._beyond_sentences

    def _following_about(self, person: str, later_sentences: list[str]) -> str | None:
        """The next sentence that goes on about `person` ("Hon ...", "Jonatan ...", "Toves första arbetsdag
        ...", "Första arbetsdag blir ..."), before one about someone else ("Hennes vikarie X börjar ..."), and
        after a sentence about something else only by name; one that takes up a role on a day first, then one that
        takes up a role."""
        about: list[str] = []
        digressed = False  # after a sentence about something else, "Hon ..." may be someone it named
        for later in later_sentences:
            if lexicon().successor.search(later):
                break
            named = re.match(rf"{re.escape(person.split()[0])}s?\b", later)  # "Jonatan ...", "Toves första ..."
            if named or _BOTH.match(later) or person in later:
                about.append(later)
                digressed = False  # "Valet föll på X, …. Hon tillträder …": named again, "Hon" is X
            elif (
                _CONTINUES.match(later) or _on_appointment(later) or lexicon().tells_start_day(later)
            ) and not digressed:
                about.append(later)
            else:
                digressed = True
        taking_up = [later for later in about if _TAKES_UP.search(later)]
        dated = [later for later in taking_up if self._date_in(later)]
        start_days = [later for later in about if lexicon().tells_start_day(later) and self._date_in(later)]
        return next(iter(dated + taking_up + start_days + about), None)

    def _since_day(self, since: re.Match[str]) -> date | None:
        """The day of "sedan den 1 januari" or "från 14/2" (in the issue's year, or the next)."""
        if since.group("day") is None or self._published is None:
            return self._date_in(since.group(0))
        try:
            return resolve_year(int(since.group("day")), int(since.group("month")), self._published)
        except ValueError:
            return None

    def _date_in(self, sentence: str) -> date | None:
        """The first full date of a sentence ("1 april 2019"), or a named day and month ("Den 1 juni")
        in the issue's year."""
        when = _FULL_DATE.search(sentence)
        if when:
            try:
                return date(int(when.group(3)), MONTHS[fold(when.group(2))], int(when.group(1)))
            except ValueError as error:  # "31 april 2024": build.py names the file and line
                raise ImpossibleDate(f"impossible date {when.group(0)}") from error
        written = _ISO_DATE.search(sentence)  # "Fr.o.m. 2085-01-08 är X ansvarig …"
        if written:
            try:
                return date.fromisoformat(written.group(0))
            except ValueError:
                return None
        if self._published is None:
            return None
        named = re.search(rf"\b(\d{{1,2}})(?::[ae])?\s+({MONTH_PATTERN})\b", sentence, re.I)  # "den 1:a december"
        when = named or _DAY_MONTH.search(sentence)  # "Mira börjar hos oss 3/5."
        if not when:
            return None
        # the clause of the day: "Hon tillträder den 1 februari och efterträder B, som gick i pension" lies ahead
        clause = re.split(r",\s|;\s|\s(?:och|men)\s", sentence[: when.start()])[-1]
        clause += re.split(r",\s|;\s|\s(?:och|men)\s", sentence[when.start() :])[0]
        if named:
            day, month = int(named.group(1)), MONTHS[fold(named.group(2))]
        elif _TAKES_UP.search(clause):  # a day written in figures only as the day someone starts
            day, month = int(when.group(1)), int(when.group(2))
        else:
            return None
        try:
            if _PAST.search(clause):  # "Den 1 juni tillträdde X": this year's June, or last year's
                return date(resolve_past_year(month, self._published), month, day)
            return resolve_year(day, month, self._published)
        except ValueError:
            return None

    def _organisation(
        self, sentence: str, match: re.Match[str], words_before: list[str], section_federation: str | None, title: str
    ) -> str | None:
        following = _ORG_AFTER.match(sentence[match.end() :])
        if following:
            organisation: str = following.group("org").strip()
            return self.own_federation if fold(organisation) == "forbundet" else organisation
        genitive = next((w for w in reversed(words_before[-3:]) if fold(w) not in _NEW), None)
        if genitive and _POSSESSIVE.match(genitive):  # "hans förbundschef": no organisation's
            return None
        if (
            genitive
            and genitive.endswith("s")
            and genitive[0].islower()
            or (genitive and "-" in genitive and genitive.endswith("s"))
        ):
            return genitive[:-1]
        if "forbund" in fold(title):
            named = _FEDERATION.search(sentence)
            if named and fold(named.group(0)) in (fold(self.own_federation), fold(self.own_federation) + "s"):
                return self.own_federation  # "Samordningsförbundet Östra Södertörns nya förbundschef"
            if named:
                return str(named.group(0))
            return section_federation or self.own_federation
        return None


def _on_appointment(sentence: str) -> bool:
    """ "Valet skedde …", "Förordnandet gäller från och med …": a sentence about the appointment just told of."""
    return lexicon().appointment.match(fold(sentence.lstrip())) is not None


def _by_first_name(texts: Iterable[str], names: Names) -> dict[str, str]:
    """First name -> full name of the people the texts name in full, for first names only one of them has."""
    named = dict.fromkeys(name for text in texts for _, _, name in names.people(text))
    firsts = Counter(name.split()[0] for name in named)
    return {name.split()[0]: name for name in named if firsts[name.split()[0]] == 1}


def new_holder_of_heading(heading: str, paragraphs: list[str], names: Names) -> str | None:
    """ "Ny projektledare för Jobbspåret" over "Sedan den 2 maj leder Farida Noor projektet.": a heading that announces
    someone new in a title and names nobody gives the title to the first person named in a sentence of the article's
    opening paragraph that tells of someone joining or opens on the day ("valdes", "börjar", "Från och med den 1
    januari"), unless it tells of one leaving or names them after "efterträder" or "efter" (a predecessor); None for any
    other heading, and the caller reads it only for an article that gives no one the heading's title."""
    if not names.any_title.search(fold(heading)) or names.people(heading):
        return None
    title = names.role.search(heading)
    before = heading[: title.start()].split() if title else []
    if not before or fold(before[-1]) not in _NEW:
        return None
    for sentence in sentences(paragraphs[0]) if paragraphs else ():
        people = names.people(sentence) if _JOINS.search(sentence) or _SINCE.match(sentence) else []
        if not people:
            continue  # "Som vi berättade lämnade X styrelsen i oktober": the predecessor, told of first
        start, _, person = people[0]
        after_gap = _NOT_HOLDER_BEFORE.search(sentence[:start])  # "tar över efter X"
        if _LEAVES.search(sentence) or _SUCCEEDS.search(sentence[:start] + " ") or after_gap:
            return None
        return person
    return None


def _just_before(people: People, sentence: str, position: int, titles: Titles) -> str | None:
    """A name that the e-mail or phone number follows directly ("Name, address"), or after the
    person's other particulars ("Name, title, 070-…, address")."""
    for start, end, name in reversed(people):
        if end > position:
            continue
        if lexicon().organisation_before.search(sentence[:start]):
            continue  # "Name, samordnare i MIA Östra Södertörn, address": where the person works, not who
        gap = PHONE.sub("", EMAIL.sub("", sentence[end:position]))
        # a title with the words of its part ("samordnare för arbetsträning i MIA …") stands between them too
        parts = [part for part in re.split(r"([,:])", gap) if not titles.match(part.strip())]
        rest = lexicon().without_contact_labels(titles.sub("", "".join(parts)))
        return name if re.fullmatch(r"[\s,:]*", rest) else None
    return None


_APPOSITION = re.compile(r",\s+(?P<clause>[a-zåäö][^,]{1,80}),")  # ", som suttit i styrelsen sedan 2079,"


def _held_before(sentence: str, match: re.Match[str], named_at: int, named_end: int, titles: Titles) -> bool:
    """ "T1 X till T2": whether this title is T1, the one X holds until appointed to T2."""
    moves_on = _APPOINTED_TO.match(sentence, named_end) if match.end() <= named_at else None
    return bool(moves_on and titles.match(sentence, moves_on.end()))


def _appointment_start(sentence: str, match: re.Match[str], named_at: int, named_end: int, titles: Titles) -> int:
    """Where the words about this title's appointment start: for T2 of "T1 X till T2", at T1 (what stands before it
    tells whether X is appointed); else at the title or the name, whichever comes first."""
    if named_at < match.start() and _APPOINTED_TO.fullmatch(sentence, named_end, match.start()):
        before = [
            title for title in titles.finditer(sentence[:named_at]) if not sentence[title.end() : named_at].strip()
        ]
        if before:
            return before[-1].start()
    return min(match.start(), named_at)


def _without_apposition(gap: str) -> str:
    """The words between a name and a title without a clause set apart about the person's past ("X, som suttit i
    styrelsen sedan 2079, tog över som T", "X, tidigare utredare på kansliet, till T")."""
    clause = _APPOSITION.search(gap)
    if clause and (
        clause.group("clause").startswith("som ") or lexicon().former_titles.match(fold(clause.group("clause")))
    ):
        return gap[: clause.start()] + gap[clause.end() :]
    return gap


def _introduced(before_title: str) -> bool:
    """Whether a title is that of someone new the sentence introduces after it ("en ny ekonom, X")."""
    article = _INDEFINITE.search(before_title)
    return bool(article and (article.group("new") or _JOINS.search(before_title)))


def _chosen(gap: str) -> bool:
    """ "Till ordförande har styrelsen valt X": a few words with a join word between the title and the name."""
    return bool(re.fullmatch(r"\s+(?:[\wåäöÅÄÖ]+\s+){1,5}", gap)) and _JOINS.search(gap) is not None


_RELATIVE_CLAUSE = re.compile(r",\s+som\s+[^,.;]*")


_ITS_OWN = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*")  # "Kerstin Lund (S) lämnade": the party or place between


def _leaving_after(sentence: str, end: int) -> re.Match[str] | None:
    """A word of leaving right after a name (and its party or place in brackets)."""
    gap = _ITS_OWN.match(sentence, end)
    return _LEAVES.match(sentence, gap.end()) if gap else None


def _without_others_clauses(sentence: str, people: People, person: str) -> str:
    """The sentence without the clauses about other people ("efterträdare till Kjell Ahl, som lämnar vid
    årsskiftet"): what it tells of them, such as leaving, is not the person's."""
    for _, end, name in reversed(people):
        clause = _RELATIVE_CLAUSE.match(sentence, end) if name != person else None
        if clause:
            sentence = sentence[:end] + sentence[clause.end() :]
        elif name != person and (left := _leaving_after(sentence, end)):
            sentence = sentence[:end] + sentence[left.end() :]  # "då Kerstin Lund (S) lämnade posten": hers
    return sentence


def _successor(people: People, sentence: str, index: int) -> str:
    """The name before "efterträder" takes up the role of the name after it ("A efterträder B som T")."""
    if index > 0 and _SUCCEEDS.fullmatch(sentence[people[index - 1][1] : people[index][0]]):
        return people[index - 1][2]
    return people[index][2]


def _chained(people: People, sentence: str, position: int) -> str | None:
    """ "Eva Ek, huvudsekreterare i X och tillträdande förbundschef": the title joined by
    "och" to another description of the same name."""
    for _, end, name in reversed(people):
        if end <= position:
            between = sentence[end:position]
            if " och " in between and len(between) < 120 and not EMAIL.search(between):
                return name
            return None
    return None


def _purpose_kind(sentence: str) -> str:
    folded = fold(sentence)
    if "avsluta prenumeration" in folded and "prenumerera" not in folded:
        return "unsubscribe"
    if "prenumer" in folded:
        return "subscribe"
    if "anmalan" in folded or "anmal" in folded:
        return "registration"
    if "foresla" in folded or "deltagare att" in folded:
        return "proposal"
    return "information"


def merge_mentions(mentions: list[tuple[Mention, int]]) -> list[Contact]:
    """Contacts from mentions across issues (each with its issue's order), one per person."""
    contacts: dict[str, Contact] = {}
    for mention, _ in sorted(mentions, key=lambda item: (item[0].tentative, item[1])):
        key = _key(mention, contacts)
        if mention.tentative and key not in contacts:
            continue
        contact = contacts.setdefault(key, Contact(name=mention.name, kind=mention.kind))
        source = mention.source
        if mention.email and not contact.email:
            contact.email, contact.email_from = mention.email, source
        if mention.phone and not contact.phone:
            contact.phone, contact.phone_from = mention.phone, source
        if source and source not in contact.sources:
            contact.sources.append(source)
        if mention.role and not _has_role(contact, mention.role):
            contact.roles.append(mention.role)
        if mention.purpose and all(p.text != mention.purpose.text for p in contact.contact_for):
            contact.contact_for.append(mention.purpose)
            if mention.purpose.kind == "subscribe" and "avsluta" in fold(mention.purpose.text):
                contact.contact_for.append(Purpose("unsubscribe", mention.purpose.text, mention.purpose.source))
    return list(contacts.values())


def _key(mention: Mention, contacts: dict[str, Contact]) -> str:
    key = fold(mention.name)
    if mention.email:
        for existing_key, contact in contacts.items():
            if contact.email == mention.email:
                return existing_key
        local = fold(mention.email.split("@")[0])
        if local in contacts:
            return local
    return key


def _has_role(contact: Contact, role: Role) -> bool:
    for existing in contact.roles:
        # "processledare för Unga Vägar" in the article and "processledare" on the card: one role
        organisations = {existing.organisation, role.organisation} - {None}
        if load_vocabulary().same_title(existing.title, role.title) and len(organisations) <= 1:
            existing.organisation = existing.organisation or role.organisation
            adds = (
                (role.start and not existing.start)
                or (role.end and not existing.end)
                or (role.note and not existing.note)
            )
            if adds and role.source != existing.source:
                existing.dates_from = role.source
            existing.start = existing.start or role.start
            existing.end = existing.end or role.end
            existing.note = existing.note or role.note
            return True
    return False


def infer_successions(contacts: list[Contact], published: dict[str, date]) -> None:
    """A role someone leaves on a known date is taken over that day by whoever the newsletters
    call its new or incoming holder (without a date of their own) in an issue published after the one
    leaving took it up: one called new in an issue before that was a predecessor (issue id -> publication
    day in `published`)."""
    roles = [(contact, role) for contact in contacts for role in contact.roles]
    for _, leaving in roles:
        if not leaving.end:
            continue
        taken = leaving.start or published.get(leaving.source.issue)
        for _, joining in roles:
            if (
                joining is not leaving
                and joining.start is None
                and joining.note
                and fold(joining.title) == fold(leaving.title)
                and joining.organisation == leaving.organisation
                and (taken is None or published.get(joining.source.issue, taken) >= taken)
            ):
                joining.start = leaving.end


_MARKUP = re.compile(r"^[\s>•*|#\-–]*")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-ZÅÄÖ]|[!?]")


class ImpossibleDate(ValueError):
    """A full date in a sentence about a person that no calendar has ("31 april 2024")."""


def card_mentions(lines: list[str], names: Names, source: Source) -> list[Mention]:
    """A contact written as a card: "Name, title – address, phone" on one line, or the name on one line and
    the addresses alone on the lines under it, with up to two lines of description between ("Name" /
    "Kommunikatör, Samordningsförbundet X" / "08-… · name@…"); a description that opens with a title is the
    person's role."""
    mentions = []
    for index, line in enumerate(lines):
        if "@" not in line and not PHONE.search(line):
            continue
        addresses = [(match.start(), match.group(0)) for pattern in (EMAIL, PHONE) for match in pattern.finditer(line)]
        if not addresses:  # an "@" that begins no address ("@förbundet", "kl. 9 @ Handen")
            continue
        first = min(start for start, _ in addresses)
        head = line[:first]
        owner, described = _owner_above(lines, index, names) if _address_only(line) else (_card_owner(head, names), [])
        for _, address in addresses if owner else ():
            email = address if "@" in address else None
            mentions.append(Mention(name=owner or "", source=source, email=email, phone=None if email else address))
        titled = [names.role.match(text.lstrip(" •-*")) for text in described]
        for title in (match.group("title") for match in titled if match and owner):
            title = next((t for t in names.vocabulary.role_titles if fold(t) == fold(title)), title.lower())
            role = Role(title=title, source=source)
            mentions.append(Mention(name=owner or "", source=source, role=role))
    return mentions


def _address_only(line: str) -> bool:
    rest = lexicon().without_contact_labels(PHONE.sub("", EMAIL.sub("", line)))
    return re.fullmatch(r"[\W_]*", rest) is not None


def _card_owner(head: str, names: Names) -> str | None:
    """The one person a line names before its addresses, set apart from what follows ("Name, title – ",
    "Name ..... "), with no end of a sentence between."""
    people = names.people(head)
    gap = head[people[0][1] :] if len(people) == 1 else ""
    if not re.match(r"[*\s]*[,–|:·.]", gap) or _SENTENCE_END.search(gap) or len(gap) > 80:
        return None
    if lexicon().switchboard.search(fold(gap)):
        return None
    return people[0][2]


def _owner_above(lines: list[str], index: int, names: Names) -> tuple[str | None, list[str]]:
    """The person of the card an address-only line belongs to, and the lines describing them: the line above
    names only them at its start, past other address-only lines and up to two short lines of description
    ("samordnare, Tyresö", "Kommunikatör, Samordningsförbundet X": one that opens with a title may name more)."""
    described: list[str] = []
    for above in reversed(lines[max(0, index - 5) : index]):
        if not above.strip():
            return None, []
        if _address_only(above):
            continue
        people = names.people(above)
        markup = len(_MARKUP.match(above).group(0))  # type: ignore[union-attr]
        # "Name", or "Name, processledare Unga Vägar": the name that opens the card, set apart from the rest
        set_apart = len(people) == 1 or (people and re.match(r"[*\s]*[,–|·]", above[people[0][1] :]))
        if set_apart and people[0][0] <= markup + 2 and not _SENTENCE_END.search(above):
            return people[0][2], described
        titled = names.role.match(above[markup:]) is not None
        if (
            len(described) == 2
            or (people and not titled)
            or len(above.split()) > 6
            or re.search(r"[.!?]$", above.strip())
        ):
            return None, []
        described.insert(0, above)
    return None, []
