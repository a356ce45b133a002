"""Open places ("Lediga platser i MIA ...!"): providers with counts, however the layout broke them.

A notice of open places is a section whose heading (or a title line in it) speaks of places
(`places_headings` in reading.yaml). In it, a provider's name next to a count is a count:
"Name N", "Name: N", "Group: Name N, Name N" (a group runs over comma-separated items only),
"N platser på Name" (and after it "och N på Name"), "Name – inga lediga platser" (0), "A, B och C: 2
platser vardera", a list led by a sentence ("Nu finns lediga platser hos A 2 och B 1"); items are
separated by bullets, lines or bold labels and may be split over lines ("Skyddsvärnet" / "2"):
the section's lines are read as one text.
"""

from __future__ import annotations

import re
from functools import cache

from bot.folding import fold
from bot.ingest.dates import MONTH_PATTERN, find_dates, month_point
from bot.ingest.document import Newsletter, ParseWarning, Section
from bot.ingest.lexicon import lexicon
from bot.knowledge.model import OpenPlace, PlacesReport, Source
from bot.knowledge.vocabulary import Vocabulary

_ENROLLED = re.compile(r"(\d+)\s+(?:deltagare\s+(?:var|är)\s+(?:nu\s+)?inskrivna|inskrivna\s+deltagare)", re.I)
_LIST_START = re.compile(r"lediga\s+\w*platser[^:.!]*:", re.I)  # "Lediga arbetsträningsplatser:"
_LIST_END = re.compile(r"\.\s+(?=[A-ZÅÄÖ])|\bkontakta\b", re.I)
_CONTACT = re.compile(
    r"kontakta\s+(?P<who>.+?)\s+(?:om|för att|när)\s+(?:du|ni)\s+har\s+(?:en\s+)?deltagare", re.I | re.S
)
_PARENTHESIS = re.compile(r"\(([^)]*)\)")
_NAME = r"[A-ZÅÄÖ][\w&'-]*(?:[ \t]+(?:[A-ZÅÄÖ&][\w&'-]*|i|på))*"
# "Bryggan, kaféet vid hamnen, är fullbokat": what the provider is, set off by commas between name and verb
_APPOSITION = r"(?:,\s+[a-zåäö][^,.]{0,80},)"
_PLACES = r"(?:lediga?\s+)?plats(?:er)?"  # "4 platser", "1 plats", "1 ledig plats"
_NOUN = r"(?:lediga?\s+)?\w*plats(?:er)?\b(?:\s+lediga?\b)?"  # "lediga platser", "platser lediga", "praktikplats"
_COUNT_AFTER = re.compile(rf"(?P<name>{_NAME})\s+\((?P<count>\d+)(?:\s+(?:lediga?\s+)?plats(?:er)?)?\)")
_HAS_COUNT = re.compile(  # "Vedboden har tre lediga platser", "Just nu har Vedboden i Ösmo tre lediga platser",
    # "Steget, som riktar sig till unga, har tre lediga platser"
    rf"(?:(?P<name>{_NAME}(?:\s*(?:,|\boch\b)\s*{_NAME})*)(?:,\s+som(?:\s+[^,.]{{1,120}},)?)?\s+har|\bhar\s+(?P<after>{_NAME}))"
    r"\s+(?:[a-zåäö]+\s+){0,2}?"  # "har just nu", "har däremot"
    rf"(?P<count>\d+|[a-zåäö]+)\s+{_NOUN}(?!\s+(?:hos|på|vid)\b)"  # not "Vi har 3 platser hos X"
)
_NAME_PLACE_COUNT = re.compile(
    r"^[\s•*–-]*(?P<name>[A-ZÅÄÖ][^,:()]+?),\s*(?P<place>[A-ZÅÄÖ][^–:,-]+?)\s*[–:-]\s*(?P<count>\d+|[a-zåäö]+)\b", re.I
)  # "- Sömnadsateljén Trådrullen, Jordbro – 4 platser", "Bageriet Ljuva, Tyresö: tre platser"
_NAME_PLACE_BARE = re.compile(  # "Syateljén Tråden, Tyresö 2", "Kafé Lotsen, Nynäshamn inga": a whole line
    r"^[\s•*–-]*(?P<name>[A-ZÅÄÖ][^,:()]+?),\s*(?P<place>[A-ZÅÄÖ][\wåäö]+(?:\s[A-ZÅÄÖ][\wåäö]+)?)\s+(?P<count>\d+|[Ii]nga)$"
)
_FINNS = re.compile(  # "Hos Lerverkstaden Ugglebo i Tyresö finns två lediga platser"
    rf"\b[Hh]os\s+(?P<name>{_NAME})\s+finns\s+(?:det\s+)?(?:(?:just\s+)?nu\s+)?(?P<count>\d+|[a-zåäö]+)\b(?:\s+{_NOUN})?"
)
_COUNT_FIRST = re.compile(
    r"^[\s•*-]*(?P<count>\d+|inga)\s+(?:lediga?\s+)?plats(?:er)?\s*[–:-]\s*(?P<name>[A-ZÅÄÖ].*?)\.?$", re.I
)
_PLACES_WORD = re.compile(rf"(?<=\d)\s+{_NOUN}(?:\s+kvar)?", re.I)


@cache
def _item() -> re.Pattern[str]:
    """ "Name 2", "Name: 2": a label and a count of at most three digits (not a year), which is not a share, a
    sum, a range ("6–8 gånger", "från 6 till 10"), a day or a figure of people (`not_place_counts_before`)."""
    units = "|".join(re.escape(unit) + (r"\b" if unit[-1].isalpha() else "") for unit in lexicon().figure_units)
    return re.compile(
        r"(?P<label>[^\d•:,;]{1,200}?(?::\s*[^\d•:,;]{1,200}?)?)\s*:?\s*(?P<count>\d{1,3})"
        rf"(?!\d|[.,/]\d|\s*(?:[–-]|till)\s*\d|\s*(?:{units}|(?:{MONTH_PATTERN})\b))",
        re.I,
    )


@cache
def _count_at() -> re.Pattern[str]:
    """ "4 platser på Verkstan", and after a list join the count alone: "... och 2 på Kafé Tegel"."""
    words = lexicon()
    at = "|".join(map(re.escape, words.places_at))
    joins = "|".join(map(re.escape, words.list_joins))
    number = r"\d+|[a-zåäö]+"  # a word only counts if it is one of `number_words` (see _stated)
    return re.compile(
        rf"(?:\b(?P<count>{number})\s+{_PLACES}|(?:,|\b(?:{joins}))\s+(?P<bare>{number}))\s+(?:{at})\s+(?P<name>{_NAME})"
    )


@cache
def _goes_on() -> re.Pattern[str]:
    """ "Hos A finns fyra platser, och B har två.": after a count of places, the sentence goes on with another
    provider and a count alone."""
    words = lexicon()
    joins = "|".join(map(re.escape, words.list_joins))
    having = "|".join(map(re.escape, words.having))
    return re.compile(rf"{_NOUN}[^.!?]*?\b(?:{joins})\s+(?P<name>{_NAME})\s+(?:{having})\s+(?P<count>\d+)(?=\s*[.,;])")


@cache
def _takes_in() -> re.Pattern[str]:
    """ "Trädgårdsgänget i Vendelsö kan ta emot tre deltagare": in a notice of places, the participants a provider can
    take in are its open places."""
    words = lexicon()
    verbs = "|".join(r"\s+".join(map(re.escape, verb.split())) for verb in words.takes_in)
    nouns = "|".join(map(re.escape, words.takes_in_nouns))
    # "Cykelverkstan i Tyresö centrum kan ta emot fyra nya deltagare": a name may end on a word in lower case
    return re.compile(
        rf"(?P<name>{_NAME}(?:[ \t]+[a-zåäö]+)?)\s+(?:{verbs})\s+"
        rf"(?P<count>\d+|[a-zåäö]+)\s+(?:[a-zåäö]+\s+)?(?:{nouns})\b"
    )


def _provider(label: str) -> str:
    """The provider a label names: without a list join before it ("och Kafé Tegel") or the
    sentence that leads to it ("Nu finns lediga platser hos Kafé Tegel")."""
    words = lexicon()
    joins = "|".join(map(re.escape, words.list_joins))
    at = "|".join(map(re.escape, words.places_at))
    having = "|".join(map(re.escape, words.having))
    label = re.split(r"(?<=[a-zåäö])[.!?]\s+", label)[-1]  # "... i oktober. Tvätten Lyckan har två"
    label = re.sub(rf"^(?:(?:{joins})\s+)?(?:(?i:{at})\s+)?", "", label)  # "och X", "På X"
    label = re.sub(rf"(?:\s+(?:{having}|{joins}))+$", "", label)  # "Stallgården Årsta har 2"
    lead = re.match(rf"^(?P<lead>.*\b(?:{at})\s+)(?P<name>{_NAME})$", label)
    if lead and re.search(r"(?<![\w-])[a-zåäö]", re.sub(rf"\b(?:{at})\b", "", lead.group("lead"))):
        return lead.group("name")
    runs = [run.group(0) for run in re.finditer(_NAME, label)]
    if len(re.findall(r"(?<![\w-])(?!(?:i|på)\b)[a-zåäö]+", label)) >= 3 and runs:
        return runs[-1]  # "Dessutom öppnar Kökslaget i Nynäshamn igen och har 2": running text, the name last in it
    return label


def is_places_section(section: Section) -> bool:
    """A heading that speaks of places, or a first line that does and leads to a list ("[PLATSER]" over
    "Lediga arbetsträningsplatser (uppdaterat 5/3):")."""
    first = next((line.text for line in section.lines if line.text), "")
    return lexicon().speaks_of_places(section.heading) or (
        first.rstrip().endswith(":") and lexicon().speaks_of_places(first)
    )


_PLACE_WORD = re.compile(r"(?<![\w-])plats(?:er|erna)?\b(?!\s*:)", re.I)  # "plats", "Platserna"; not "Plats: …"
_COUNTED_LINE = re.compile(
    r"^[\s•*–-]*[A-ZÅÄÖ][^\d:|]{0,60}?(?P<separator>\s*[:–]\s*|\s+-\s+|\s+)"
    r"(?P<count>\d{1,3}|[a-zåäö]+)(?P<rest>(?:\s+[a-zåäö]+){0,3})\.?$"
)


def _counted_line(text: str) -> bool:
    """ "Verkstaden Vega, Handen: 4", "Kaffekoppen 2 platser", "Trädgårdslaget Ösmo: inga just nu": a name and a count
    of places, all the line holds; a count in words only after a colon or a dash."""
    line = _COUNTED_LINE.match(text)
    if not line:
        return False
    rest = line.group("rest")
    if line.group("count").isdigit():
        return not rest or _PLACE_WORD.match(rest.strip()) is not None
    said = fold(line.group("count") + rest)
    return line.group("separator").strip() != "" and (
        lexicon().numbers.get(fold(line.group("count"))) is not None or lexicon().no_places.match(said) is not None
    )


def lists_places(section: Section) -> bool:
    """A section that speaks of places anywhere ("Här finns det plats just nu", "Platserna förmedlas via …") over a
    list of two or more lines in a row, each a name and a count of places: a notice of places whatever its heading."""
    texts = [section.heading, *(line.text for line in section.lines)]
    if not any(("lats" in text or "LATS" in text) and _PLACE_WORD.search(text) for text in texts):
        return False
    run = 0
    for line in section.lines:
        run = run + 1 if line.text and _counted_line(line.text) else 0 if line.text else run
        if run >= 2:
            return True
    return False


def read_places(newsletter: Newsletter, vocabulary: Vocabulary) -> tuple[list[PlacesReport], list[ParseWarning]]:
    reports, warnings = [], []
    for section in newsletter.sections:
        if not is_places_section(section) and not lists_places(section):
            told = _told_in_passing(section, newsletter, vocabulary)  # "Hos X finns tre lediga platser"
            if told:
                reports.append(told)
                continue
            for line in section.lines:
                if "lediga platser" in fold(line.text) and re.search(r"(?<!\w)\w+:?\s+\d+\s*(?:[•,]|$)", line.text):
                    warnings.append(
                        ParseWarning(
                            line.number, f"open places outside a 'Lediga platser' notice, not read: {line.text[:300]!r}"
                        )
                    )
            continue
        lines = _definitions_joined([line.text for line in section.lines if line.text])
        text = _joined(_explained_marks(lines), vocabulary)
        if not text.strip():
            continue  # a heading with nothing under it (">> Lediga platser" in a list of the articles)
        first_line = next((line.number for line in section.lines if line.text), 0)
        report = _read_report(section, text, newsletter, vocabulary)
        if report is None or not report.places:
            warnings.append(
                ParseWarning(first_line, f"open places in {section.heading!r} could not be read: {text[:300]!r}")
            )
            continue
        reports.append(report)
    return reports, warnings


def _definitions_joined(lines: list[str]) -> list[str]:
    """A list of definitions ("Verkstan Vega" over ": 2 platser i snickeriet"): a line opening on a colon says what the
    line above it names, read as one line ("Verkstan Vega: 2 platser i snickeriet")."""
    joined: list[str] = []
    for line in lines:
        if joined and re.match(r"\s*:\s", line) and not joined[-1].rstrip().endswith(":"):
            joined[-1] = f"{joined[-1].rstrip()}: {line.strip()[1:].strip()}"
        else:
            joined.append(line)
    return joined


_LEGEND = re.compile(r"^\(?\s*(?P<mark>[^\w\s()]{1,2}|[A-Za-z])\s*=\s*(?P<meaning>[^)]+?)\s*\)?\.?$")  # "(– = inga)"


def _explained_marks(lines: list[str]) -> list[str]:
    """Lines with a mark a legend explains as none ("Bageriet –" over "(– = inga lediga platser)") given the count 0;
    the legend itself no item."""
    legends = [_LEGEND.match(line) for line in lines]
    marks = {m.group("mark") for m in legends if m and lexicon().no_places.search(fold(m.group("meaning")))}
    if not marks:
        return lines
    counted = re.compile(rf"\s(?:{'|'.join(map(re.escape, marks))})$")
    return [
        counted.sub(" 0", line)
        for line, legend in zip(lines, legends, strict=True)
        if not (legend and legend["mark"] in marks)
    ]


def _stated(
    text: str, vocabulary: Vocabulary, patterns: tuple[re.Pattern[str], ...]
) -> list[tuple[tuple[int, int], OpenPlace]]:
    """Counts a sentence states outright, each with where it stands: "Hos X finns tre lediga platser",
    "X har 2 lediga platser", "på X (3)", "4 platser på X"; the count as a number or a word."""
    found = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            written = groups.get("count") or groups.get("bare") or ""
            count = int(written) if written.isdigit() else lexicon().numbers.get(fold(written))
            name = groups.get("name") or groups.get("after")
            if count is None or not name:
                continue
            named = re.split(r"\s+(?:på|hos|vid)\s+", name.strip())[-1]  # "i Steget på Återbruket Handen"
            for one in re.split(r"\s*,\s*|\s+och\s+", named):  # "A, B och C har inga lediga platser"
                provider, municipality = _name_and_place(one, vocabulary)
                found.append((match.span(), OpenPlace(provider=provider, count=count, municipality=municipality)))
            if pattern is _HAS_COUNT:
                found.extend(_gapped(text, match.end(), vocabulary))
    return found


@cache
def _gapped_item() -> re.Pattern[str]:
    """ ", Kafé Tegel två" / " och Verkstan i Handen sex": after "X har tre lediga platser", another provider and its
    count with the verb and the noun left out."""
    joins = "|".join(map(re.escape, lexicon().list_joins))
    return re.compile(
        rf"(?:\s*,\s*(?:(?:{joins})\s+)?|\s+(?:{joins})\s+)(?P<name>{_NAME})\s+(?P<count>\d+|[a-zåäö]+)"
        rf"(?=\s*[.,;!?]|\s+(?:{joins})\s|\s*$)"
    )


def _gapped(text: str, end: int, vocabulary: Vocabulary) -> list[tuple[tuple[int, int], OpenPlace]]:
    """The providers a sentence goes on to list after a count of places, each with a count alone: "Just nu har A tre
    lediga platser, B två och C sex"; the list ends at the first item that is not a name and a count."""
    found = []
    while item := _gapped_item().match(text, end):
        written = item.group("count")
        count = int(written) if written.isdigit() else lexicon().numbers.get(fold(written))
        if count is None:
            break
        provider, municipality = _name_and_place(item.group("name"), vocabulary)
        found.append((item.span(), OpenPlace(provider=provider, count=count, municipality=municipality)))
        end = item.end()
    return found


def _told_in_passing(section: Section, newsletter: Newsletter, vocabulary: Vocabulary) -> PlacesReport | None:
    """Open places a sentence states outright in any article: "Hos X finns tre lediga platser", "X har
    2 lediga platser" (the sentence itself says "ledig plats" or "lediga platser")."""
    stated = " ".join(p for p in section.paragraphs if re.search(r"\bledig(?:a)?\s+plats", p, re.I))
    if not stated:
        return None
    patterns = (_FINNS, _HAS_COUNT, _count_at(), _goes_on())
    places = [place for _, place in _stated(_in_digits(stated), vocabulary, patterns)]
    if not places:
        return None
    return PlacesReport(
        programme=section.heading,
        as_of=newsletter.published,
        as_of_text="just nu",
        places=places,
        source=Source(newsletter.id, section.heading),
    )


def _table_item(line: str, vocabulary: Vocabulary) -> str | None:
    """A table's row as an item ("| Lagerhallen Vega | Haninge | 2 |" -> "Lagerhallen Vega (Haninge): 2"),
    None for its header and rule rows; a count written first as an item too ("3 platser – Snickarglädjen",
    "Inga lediga platser – X"); any other line as it is."""
    if re.fullmatch(r"[\s|+=–-]*-[\s|+=–-]*", line):
        return None  # a table's rule: "------------ -------"
    placed = _NAME_PLACE_COUNT.match(line) or _NAME_PLACE_BARE.match(line.strip())
    written = placed.group("count") if placed else ""
    count = written if written.isdigit() else lexicon().numbers.get(fold(written))  # "tre", "inga"
    if placed and count is not None and vocabulary.municipality_of(placed.group("place")):
        return f"{placed.group('name').strip()} ({placed.group('place').strip()}): {count}"
    first = _COUNT_FIRST.match(line)
    if first:
        count = "0" if first.group("count").lower() == "inga" else first.group("count")
        name = re.sub(r",\s*(.+)$", r" (\1)", first.group("name").strip())  # "Cykelboden, Tyresö"
        return f"{name}: {count}"
    cells = [cell.strip(" *") for cell in _CELLS.split(line.strip().strip("|"))]
    counted = [_counted_cell(cell) for cell in cells]
    if len(cells) >= 2 and all(counted):
        return "\n".join(map(str, counted))  # "Syateljén 2 | Kafé Sjöboden inga | Ekern fullt": one provider a cell
    if "|" not in line:
        return line
    none = lexicon().no_places
    count_cell = re.compile(r"(?:\d+|inga)(?:\s*\(.*\))?", re.I)  # "2", "inga", "0 (fullt)"
    counts = [cell for cell in cells if count_cell.fullmatch(cell) or none.match(fold(cell))]
    names = [cell for cell in cells if cell and cell not in counts]
    if not counts or not names:
        return None
    count = re.sub(r"\D.*", "", counts[0]) or "0"  # "inga", "Inga just nu", "Fullbelagt", "0 (fullt)"
    names[0] = re.sub(r",\s*(.+)$", r" (\1)", names[0])  # "Sjöboden Café, Nynäshamn"
    where = f" ({names[1]})" if len(names) > 1 and vocabulary.municipality_of(names[1]) else ""
    return f"{names[0]}{where}: {count}"


_CELLS = re.compile(r"\s*[|·]\s*")  # "A 2 | B fullt", "A: 2 · B: fullt": providers in a row of cells
_CELL = re.compile(
    r"^(?P<name>[^\d•*–-][^|:]*?)(?:\s*:\s*|\s+)(?P<count>\d{1,3}|[a-zåäö]+)(?:\s+(?:lediga?\s+)?plats(?:er)?)?$"
)


def _counted_cell(cell: str) -> str | None:
    """ "Sybotten två", "Bagarstugan Torö fullt", "Ekern: 0", "Vävstugan: tre lediga platser": a cell naming a
    provider and its count -> "Name: N"."""
    cell_read = _CELL.match(cell)
    if not cell_read:
        return None
    written = cell_read.group("count")
    count = int(written) if written.isdigit() else lexicon().numbers.get(fold(written))
    if count is None and lexicon().no_places.match(fold(written)):
        count = 0
    name = re.sub(r",\s*(.+)$", r" (\1)", cell_read.group("name"))  # "Sybotten, Tyresö"
    return f"{name}: {count}" if count is not None else None


def _rows_rejoined(lines: list[str]) -> list[str]:
    """ "A 3 | B 0 | Bagarstugan Torö" over "fullt | Sybotten två": a line of providers separated by "|" that
    breaks inside a cell goes on in the next line."""
    joined: list[str] = []
    for line in lines:
        cells = [cell.strip() for cell in _CELLS.split(joined[-1])] if joined else []
        counted = [bool(_counted_cell(cell)) for cell in cells]
        broken = len(cells) >= 2 and all(counted[:-1]) and not counted[-1]
        if broken and not _CELLS.match(line):
            joined[-1] = f"{joined[-1]} {line.strip()}"
        else:
            joined.append(line)
    return joined


def _joined(lines: list[str], vocabulary: Vocabulary) -> str:
    """The section as one text: a bulleted line, a line read as a table's row or an item written in another
    order, or one after a line that ends with a count or a sentence, starts a new item (a new line); otherwise
    it continues the item before it ("Skyddsvärnet" / "2", "• Case" / "Management: 8")."""
    lines = _rows_rejoined(lines)
    text = ""
    items = [_table_item(line, vocabulary) for line in lines]
    for index, paragraph in enumerate(items):
        below = [item for item in items[index + 1 :] if item is not None][:2]
        if paragraph is None or _is_column_header(paragraph, below):
            continue
        last = text.rsplit("\n", 1)[-1]
        ended = (
            re.search(r"\d\s*(?:(?:lediga?\s+)?plats(?:er)?|st)?\.?$|[.!?:]$", last)
            or re.match(r"\s*[-–•*]\s", paragraph)
            or lexicon().no_places.search(fold(last))
            or _counted_line(last)  # "Kafé Bryggan: inga", "Cykelverkstan Tyresö: tre": a whole item
            or paragraph != lines[index]  # "- 🔴 Cykelköket, Trollbäcken – inga" read as "Cykelköket (…): 0"
        )
        separator = "\n" if ended else " "
        text = f"{text}{separator}{paragraph}" if text else paragraph
    return text


_NAMED_COUNT = re.compile(r"^[^\d•*–-]*[A-Za-zÅÄÖåäö][^\d]*\s\d+\s*$")  # "Återbruket Jordbro 3"


def _is_column_header(line: str, following: list[str]) -> bool:
    """ "Anordnare   Lediga platser" over "Återbruket Jordbro   3" (a rule between them or not): a line without
    a count over two or more that each name a provider with one; not "Trädgårdslaget Ösmo: inga just nu", a provider
    with none."""
    return (
        not re.search(r"\d|^[•*–-]|[.!?:]$", line)
        and not lexicon().no_places.search(fold(line))
        and len(following) == 2
        and all(_NAMED_COUNT.match(item) for item in following)
    )


def _read_report(section: Section, text: str, newsletter: Newsletter, vocabulary: Vocabulary) -> PlacesReport | None:
    point = month_point(section.heading, newsletter.published) or month_point(text, newsletter.published)
    as_of, as_of_text = point if point else (newsletter.published, "just nu")
    programme = section.heading.replace(as_of_text, "") if point else section.heading
    programme = re.sub(r"^lediga\s+\w*platser\s*(?:(?:i|inom|hos)\b)?\s*", "", programme, flags=re.I).strip(" !:–-")
    programme = programme or section.heading
    enrolled = _ENROLLED.search(text)
    contact = _CONTACT.search(text)
    start = _LIST_START.search(text)
    if start and re.search(r"\d", text[: start.start()]):
        start = None  # "Kafé Ankaret: inga lediga platser just nu" inside the list starts nothing
    list_text = text[start.end() :] if start else text
    # "Kontakta X om ..." before the list does not end it, nor does a day before it ("Läget den 4 september.")
    first_count = re.search(r"\d", _without_days(list_text))
    after = first_count.start() if first_count else 0
    end = _LIST_END.search(list_text, after) if start else re.compile(r"\bkontakta\b", re.I).search(list_text, after)
    # after the list, only what a sentence states outright: "Hos X är det däremot inga lediga platser"
    after_list = _items(list_text[end.start() :], vocabulary, listed=False) if end else []
    list_text = list_text[: end.start()] if end else list_text
    places = _items(list_text, vocabulary)
    return PlacesReport(
        programme=programme,
        as_of=as_of,
        as_of_text=as_of_text,
        places=places + [place for place in after_list if place not in places],
        enrolled=int(enrolled.group(1)) if enrolled else None,
        contact=re.sub(r"\s*/\s*", "/", contact.group("who")).strip() if contact else None,
        source=Source(newsletter.id, section.heading),
    )


def _without_days(text: str) -> str:
    """The text with its dates blanked out, every character kept in its place."""
    for day in find_dates(text):
        text = text[: day.start] + " " * (day.end - day.start) + text[day.end :]
    return text


def _in_digits(text: str) -> str:
    """ "Verkstan Vega – två platser" -> "Verkstan Vega – 2 platser": a count written as a word."""
    numbers = lexicon().numbers

    def digits(match: re.Match[str]) -> str:
        count = numbers.get(fold(match.group(1)))
        return f"{count}{match.group(2)}" if count else match.group(0)  # "inga lediga platser": see no_places

    fillers = "|".join(map(re.escape, lexicon().count_fillers))  # "en enda plats" -> "1 plats"
    text = re.sub(rf"\b([a-zåäö]+)(?:\s+(?:{fillers}))?(\s+(?:lediga?\s+)?plats(?:er)?\b)", digits, text)

    def before_each(match: re.Match[str]) -> str:
        count = numbers.get(fold(match.group("word")))
        each = count is not None and lexicon().each.match(fold(match.group("next")))
        return str(count) if each else match.group(0)

    text = re.sub(r"\b(?P<word>[a-zåäö]+)\b(?=\s+(?P<next>[a-zåäö]+))", before_each, text)  # "har två var"

    def after_name(match: re.Match[str]) -> str:
        count = numbers.get(fold(match.group("word")))
        return f"{match.group('lead')}{count}" if count is not None else match.group(0)

    # "och Trädgårdslaget i Ösmo två.", "Stallgården Lisö (fem)", "Ösmo Gårdsbutik (inga)", "Kafé Bryggan: inga" ending
    # its line: a count word after a name
    having = "|".join(map(re.escape, lexicon().having))  # "och Lysmasken har två."
    lead = rf"\b[A-ZÅÄÖ][\wåäö-]+(?::[ \t]*|\s*\(?)|\b(?:{having})\s+"
    return re.sub(rf"(?P<lead>{lead})(?P<word>[a-zåäö]+)(?=\)|\s*[.,;]|[ \t]*$)", after_name, text, flags=re.M)


def _items(text: str, vocabulary: Vocabulary, listed: bool = True) -> list[OpenPlace]:
    """Providers with counts, in the order written; with `listed` False, only those stated in a sentence of
    their own ("X har 2 lediga platser", "Hos X är det fullt"), not a list's "X 2"."""
    found: list[tuple[int, OpenPlace]] = []
    words = lexicon()
    text = _in_digits(text)
    spans = []
    for span, place in _stated(text, vocabulary, (_FINNS, _HAS_COUNT, _COUNT_AFTER, _count_at(), _takes_in())):
        found.append((span[0], place))
        spans.append(span)
    masked = text  # the counts found so far set apart: "Hos A finns tre, • och B är fullbelagd"
    for start, end in spans:
        masked = masked[:start] + "•" + " " * (end - start - 1) + masked[end:]
    clause_joins = "|".join(map(re.escape, words.clause_joins))
    lead = "|".join(map(re.escape, (*words.list_joins, *words.places_at)))
    # "Bönorna – inga lediga platser", "A och B: 2 platser vardera", "..., medan C inte har några"
    for clause in re.split(rf"(?<=[.!?])\s+|\s*[•;\n]\s*|,?\s+(?:{clause_joins})\s+", masked):
        sentence = re.sub(rf"^(?:(?i:{lead})\s+)+", "", clause)  # "och B är fullbelagd", "Hos C är det fullt"
        folded = fold(sentence)
        position = masked.find(sentence)
        none = words.no_places.search(folded)
        digit = re.search(r"\d", sentence)
        each = digit and words.each.search(fold(sentence[digit.end() :]))  # "2 platser var", not "Totalt var 124"
        names = re.match(
            rf"^[\s*•–-]*({_NAME}(?:\s*(?:,|\boch\b)\s*{_NAME})*)(?:\s*\([^)]*\))?{_APPOSITION}?"
            r"\s*([:–-]|(?:\s+[a-zåäö]+)?\s+(?:har|är))?\s",
            sentence,
        )  # "Båtvarvet (Tyresö) – inga lediga platser", "Mekverkstaden i Tyresö strand har tyvärr fullt"
        if not names or not (none or each):
            continue
        if not names.group(2) and not words.no_places.match(fold(sentence[names.end() :])) and not each:
            continue  # "Just nu är det fullt hos de flesta": no provider named before what it has
        count = 0 if none else int(re.search(r"\d+", sentence).group(0))  # type: ignore[union-attr]
        for name in re.split(r"\s*,\s*|\s+och\s+", names.group(1)):
            provider, municipality = _name_and_place(name.strip(), vocabulary)
            found.append((position, OpenPlace(provider=provider, count=count, municipality=municipality)))
        spans.append((position, position + len(sentence)))
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " • " + text[end:]
    text = _PLACES_WORD.sub("", text)
    found.extend((0, place) for place in _listed_items(text, vocabulary) if listed)
    ordered = [place for _, place in sorted(found, key=lambda item: item[0])]
    return [place for index, place in enumerate(ordered) if place not in ordered[:index]]  # said twice: once


def _listed_items(text: str, vocabulary: Vocabulary) -> list[OpenPlace]:
    places: list[OpenPlace] = []
    for chunk in re.split(r"\s*[•\n]\s*", text):
        group = None
        previous_end = 0
        for match in _item().finditer(chunk):
            label = match.group("label").strip(" -–")
            if lexicon().figure_leads.search(fold(label)):
                continue  # "Totalt har anordnarna 38", "varav 41", "Läget vecka 33": a figure
            if label.endswith(":"):
                label, group = label[:-1].strip(), None
            elif ":" in label:
                group, label = (part.strip() for part in label.split(":", 1))
            elif chunk[previous_end : match.start()].strip() != ",":
                group = None
            previous_end = match.end()
            label = _provider(label)
            first_letter = re.search(r"[^\W\d_]", label)
            if not first_letter or not first_letter.group(0).isupper():
                continue  # a provider is a name: "till 10", "kommunikatör > …", "· 136" are not
            name, municipality = _name_and_place(label, vocabulary)
            places.append(
                OpenPlace(provider=name, count=int(match.group("count")), group=group, municipality=municipality)
            )
    return places


def _name_and_place(label: str, vocabulary: Vocabulary) -> tuple[str, str | None]:
    """ "Grow (Tyresö)", "Fiskrökeriet Bryggan, Nynäshamn", "Snickarglädjen i Västerhaninge": the
    provider and the municipality it is in; a place in parentheses or after a comma is not part of the
    name, nor a municipality after "i"; a locality after "i" is ("Stallet i Sorunda")."""
    municipality = None
    noun, _, rest = label.partition(" ")
    if fold(noun) in lexicon().provider_nouns and rest[:1].isupper():
        label = rest  # "Insatsen Steget" is Steget
    for inner in _PARENTHESIS.findall(label):
        municipality = municipality or vocabulary.municipality_of(inner)
    name = _PARENTHESIS.sub("", label).strip() if municipality else label
    placed = re.match(r"^(?P<name>.+?)(?P<join>,\s+|\s+i\s+)(?P<place>[A-ZÅÄÖ][\wåäö]*(?:\s+[\wåäö]+)?)$", name)
    where = vocabulary.municipality_of(placed.group("place")) if placed else None
    if placed and where:
        # "Kafé Tegel i Haninge" is Kafé Tegel; a locality after "i" is part of a name ("Stallet i Sorunda")
        named = (
            placed.group("name") if "," in placed.group("join") or fold(placed.group("place")) == fold(where) else name
        )
        return named, municipality or where
    return name, municipality
