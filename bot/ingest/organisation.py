"""The federation itself: its board, web address, the county's federations, figures, newsletter."""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

from bot.folding import fold
from bot.ingest.document import Newsletter, Section, sentences
from bot.ingest.lexicon import lexicon
from bot.knowledge.model import Board, BoardMember, Fact, Federation, Source
from bot.knowledge.vocabulary import load_vocabulary

_PERSON_OR_VACANCY = r"(?P<who>\((?:[^)]*)\)|[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+){0,2})"
_PARTY = r"(?:\s*\((?P<party>[A-ZÅÄÖ]{1,3})\))?"
_POSITIONS = sorted(load_vocabulary().board_positions, key=len, reverse=True)  # "vice ordförande" first
_POSITION = rf"(?P<position>{'|'.join(map(re.escape, _POSITIONS))})"
_MEMBER = re.compile(rf"{_PERSON_OR_VACANCY}{_PARTY},\s*{_POSITION},\s*(?P<org>[^,(\n]+?)(?=\s*\(|\s*$)")
_DEPUTY = re.compile(rf"^{_PERSON_OR_VACANCY}{_PARTY},\s*(?P<org>[^,(]+?)\s*$")
_TERM = re.compile(r"(?:mandatperiod(?:en)?|perioden)\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)", re.I)
_YEARS = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")  # a heading's span of years
_WEBSITE = re.compile(r"\b(?:https?://)?(www\.[\w-]+(?:\.[\w-]+)+)\b")
_FEDERATION_LIST = re.compile(r"samordningsförbund\s+finns\s+i", re.I)
_KOMMUNERNA = re.compile(r"\((?:kommunerna|kommunen)\s+([^)]*)\)")
_FIGURE = re.compile(r"\d+\s*(?:procent|%|personer|deltagare|mkr|kr)|\b(?!(?:19|20)\d\d\b)\d{2,}\b")
_RESULT_WORDS = ("resultat", "arsredovisning", "maluppfyllelse", "halvarsrapport", "framgangsrik", "rapport")


def read_board(newsletter: Newsletter) -> Board | None:
    """The board's members: lines "Name (party), position, organisation" anywhere, and in a section
    about the board a line with a position, a name or placeholder and an organisation in any order
    ("Ordförande: Name (M), Tyresö kommun", "Region Stockholm: vice ordförande Vakant"); then the
    deputies listed under "Ersättare" as "Name (party), organisation"."""
    lines = [line.text for line in newsletter.all_lines()]
    members: list[BoardMember] = []
    heading = None
    for section in newsletter.sections:
        found = [
            member
            for line in section.lines
            for match in _MEMBER.finditer(line.text)
            if (member := _member(match, match.group("position")))
        ]
        if _about_board(section):
            listed: list[BoardMember] = []
            organisation: str | None = None  # "Haninge kommun" over "ledamot  Johan Falk (S)"
            # the seat of each column: "Part | Ordinarie ledamot | Ersättare", "Styrelsen 2053 (ledamot / ersättare)"
            columns: list[str | None] | None = _seats_said(section.heading)
            texts: list[str] = []
            for line in section.lines:  # "Region Stockholm: Name (M), vice ordf." / "/ Name (L)": one row
                if columns and texts and line.text.startswith("/ "):
                    texts[-1] += f" {line.text}"
                else:
                    texts.append(line.text)
            for text in texts:
                if _MEMBER.search(text):
                    continue
                if columns is not None and "|" not in text and " / " in text:
                    seated, _, seats = text.partition(":")  # "Tyresö kommun: Name (S) / Name (M)"
                    listed += _seats_in_row([seated.strip(), *seats.split(" / ")], columns)
                    continue
                if "|" in text:
                    cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
                    if columns is None and sum(_position_of(cell) is not None for cell in cells) >= 2:
                        columns = [_position_of(cell) for cell in cells]
                        continue
                    if columns is not None:
                        listed += _seats_in_row(cells, columns)
                        continue
                if _is_organisation(text) and len(text.split()) <= 3 and not re.search(r"[:,]", text):
                    organisation = text.strip().rstrip(":")
                    continue
                member = (
                    _listed(text)
                    or (_seat_under(text, organisation) if organisation else None)
                    or (_seat_below(text, listed[-1]) if listed else None)
                )
                if member:
                    listed.append(member)
            if len(listed) < 2:  # "Styrelsen består av ordförande A (M, Haninge), ... samt ledamöterna C (...)"
                listed = [member for paragraph in section.paragraphs for member in _told(paragraph)]
            found += listed if len(listed) >= 2 else []
        if found and heading is None:
            heading = section.heading
        members += found
    if not members:
        return None
    in_deputies = False
    for raw in _headings_and_lines(newsletter):
        folded = fold(raw)
        if folded in {"ersattare", "suppleanter"}:
            in_deputies = True
            continue
        if in_deputies:
            deputy = _DEPUTY.match(raw.lstrip("•*- "))
            # "Ej utsedd ännu – Nynäshamns kommun (väljs i februari)": a seat not yet filled
            member = _member(deputy, "ersättare") if deputy else _listed(f"{raw}, ersättare")
            if member:
                members.append(member)
            elif raw:
                in_deputies = False
    text = " ".join(lines)
    term = _TERM.search(text) or _YEARS.search(heading or "")  # "Styrelsen 2046–2049" over the list
    year = re.search(r"\b((?:19|20)\d\d)\b", heading or "")
    start, end = (int(term.group(1)), int(term.group(2))) if term else (newsletter.year, newsletter.year)
    if year and not term:  # "Styrelsen 2022"
        start = end = int(year.group(1))
    return Board(start_year=start, end_year=end, members=members, source=Source(newsletter.id, heading or ""))


def _headings_and_lines(newsletter: Newsletter) -> list[str]:
    """The text in order, headings included ("Ersättare" may be a heading of its own)."""
    texts = []
    for section in newsletter.sections:
        texts += [section.heading] if section.heading else []
        texts += [line.text for line in section.lines if line.text]
    return texts


def _about_board(section: Section) -> bool:
    return lexicon().speaks_of_board(section.heading) or any(lexicon().speaks_of_board(p) for p in section.paragraphs)


_FIELD = re.compile(r"\s*[,:]\s+|\s+[–-]\s+")
_WHO = re.compile(rf"^(?P<who>\([^)]*\)|[^()]+?){_PARTY}$")
_POSITION_FIRST = re.compile(rf"^{_POSITION}\s+(?P<rest>\S.*)$", re.I)
_ABBREVIATED_FIRST = re.compile(r"^(?P<position>[\w. ]{2,12}?\.)\s+(?P<rest>\S.*)$")  # "V. ordf.  Name (C)"


def _listed(line: str) -> BoardMember | None:
    """A member from a line of a board section whose fields (split at commas, colons and dashes) are
    a position, a name or a placeholder, and an organisation, in any order; None for any other line."""
    fields: list[str] = []
    remarks: list[str] = []  # "(utses i mars)", "– ny ledamot utses i mars": what is said of a vacant seat
    line = _row_fields(line) if "|" in line else line  # a table
    for field in (part.strip() for part in _FIELD.split(line.strip(" •-*"))):
        inner = re.fullmatch(r"(?P<rest>.+?)\s*\((?P<position>[^)]+)\)", field)
        if inner and _is_position(inner.group("position")):  # "Vakant (vice ordförande)"
            fields += [inner.group("rest"), inner.group("position")]
            continue
        rest = inner.group("rest") if inner else ""
        if inner and (lexicon().is_vacancy(rest) or _is_position(rest) or _is_organisation(rest)):
            field = rest  # "Vakant (utses i mars)", "Arbetsförmedlingen (ny ledamot utses i juni)"
            remarks.append(inner.group("position"))
        elif fields and lexicon().is_vacancy(fields[-1]) and _is_remark(field) and not _is_position(field):
            remarks.append(field)  # "Vakant – ny ledamot utses i mars", "vakant – Tyresö nominerar i oktober"
            continue
        first = _POSITION_FIRST.match(field) or _ABBREVIATED_FIRST.match(field)
        if first and not _is_position(field) and _is_position(first.group("position")):
            fields += [first.group("position"), first.group("rest")]
        else:
            fields.append(field)
    if remarks and not any(_is_position(field) for field in fields):
        # "Region Stockholm – vakant (ny ledamot utses i februari)": the seat a remark on a vacancy names
        said = next((p for remark in remarks if (p := _last_position(remark.split()))), None)
        fields += [said] if said and any(lexicon().is_vacancy(field) for field in fields) else []
    positions = [field for field in fields if _is_position(field)]
    organisations = [field for field in fields if _is_organisation(field)]
    others = [field for field in fields if field not in positions and field not in organisations]
    if len(fields) != 3 or len(positions) != 1 or len(organisations) != 1 or len(others) != 1:
        return None
    who = _WHO.match(others[0])
    if not who:
        return None
    name = who.group("who").strip()
    vacant = lexicon().is_vacancy(name) or name.startswith("(")
    if not vacant and (" " not in name or not re.fullmatch(_PERSON_OR_VACANCY, name)):
        return None
    position = _position_of(positions[0]) or positions[0]
    return BoardMember(
        position=position,
        represents=organisations[0],
        name=None if vacant else name,
        party=who.group("party"),
        vacancy=" ".join([name.strip("()"), *(f"({remark})" for remark in remarks)]) if vacant else None,
    )


def _row_fields(row: str) -> str:
    """A table row's cells as fields; a column of parties joins the name before it ("Greta Hallin | S"
    → "Greta Hallin (S)") and a dash, a seat without a party, is left out."""
    fields: list[str] = []
    for cell in (cell.strip() for cell in row.strip().strip("|").split("|")):
        if cell in {"–", "-", "—"}:
            continue
        if fields and re.fullmatch(r"[A-ZÅÄÖ]{1,3}", cell):
            fields[-1] += f" ({cell})"
        else:
            fields.append(cell)
    return ", ".join(fields)


_TOLD = re.compile(
    r"(?P<who>[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+){1,2})\s*"
    r"\((?:(?P<party>[A-ZÅÄÖ]{1,3}),\s*)?(?P<org>[^(),]+)\)"
)  # "Camilla Ståhlberg (M, Haninge)", "Johanna Friberg (Region Stockholm)"


def _told(paragraph: str) -> list[BoardMember]:
    """A board told in a sentence: each name with its organisation in brackets, in the position written last
    before it in the sentence ("ordförande A (M, Haninge), vice ordförande B (Region Stockholm) samt
    ledamöterna C (C, Nynäshamn) och D (Försäkringskassan)"); none unless two are."""
    members: list[BoardMember] = []
    position: str | None = None
    end = 0
    for match in _TOLD.finditer(paragraph):
        before = paragraph[end : match.start()]
        end = match.end()
        if re.search(r"[.!?:]\s", before):
            position = None  # a new sentence
        position = _last_position(before.split()) or position
        organisation = match.group("org").strip()
        if position and _is_organisation(organisation):
            who = match.group("who")
            members.append(
                BoardMember(position=position, represents=organisation, name=who, party=match.group("party"))
            )
    return members if len(members) >= 2 else []


def _last_position(words: list[str]) -> str | None:
    """The position the last of `words` that name one name ("samt ledamöterna", "medan ledamöterna är")."""
    for index in range(len(words) - 1, -1, -1):
        position = _position_of(" ".join(words[max(index - 1, 0) : index + 1])) or _position_of(words[index])
        if position:
            return position
    return None


def _is_remark(field: str) -> bool:
    """What a board list says of a vacant seat after it: words in lower case, not an organisation's name
    ("ny ledamot utses i mars", "Tyresö nominerar i oktober"; "Tyresö kommun" is the seat's organisation)."""
    return field[:1].islower() or len(re.findall(r"(?<![\wåäöÅÄÖ-])[a-zåäö]+", field)) >= 2


_SEAT_BELOW = re.compile(rf"^[\s•*–-]*{_POSITION}\s*:\s*(?P<rest>[^,]+?)\s*$", re.I)


def _seat_below(line: str, above: BoardMember) -> BoardMember | None:
    """ "ersättare: Sofia Rehn (S)" under "Haninge kommun: Ahmed Yusuf (M), ordförande": a seat of the
    organisation on the line above."""
    seat = _SEAT_BELOW.match(line)
    position = _position_of(seat.group("position")) if seat else None
    return _seat(seat.group("rest"), position, above.represents) if seat and position else None


def _seats_said(heading: str) -> list[str | None] | None:
    """ "(ledamot / ersättare)" in a heading: the seats each row of the list gives, after its organisation."""
    said = re.search(r"\(([^()]+/[^()]+)\)", heading)
    seats = [_position_of(part) for part in said.group(1).split("/")] if said else []
    return [None, *seats] if seats and all(seats) else None


def _position_of(text: str) -> str | None:
    """The board position a header or field names ("Ordinarie ledamot", "vice ordf."), or None."""
    folded = fold(text).strip()
    alias = lexicon().position_aliases.get(folded)
    return alias or next((p for p in _POSITIONS if fold(p) == folded), None)


def _seats_in_row(cells: list[str], columns: list[str | None]) -> list[BoardMember]:
    """ "Tyresö kommun | Maria Öhman (C), ordförande | Vakant (utses i mars)" under "Part | Ordinarie
    ledamot | Ersättare": a seat per column that names a position; a position after the name wins."""
    organisation = next((cell for cell, column in zip(cells, columns, strict=False) if column is None and cell), None)
    if organisation is None or not _is_organisation(organisation):
        return []
    seats = []
    for cell, column in zip(cells, columns, strict=False):
        if column is None or not cell:
            continue
        named, _, said = cell.partition(",")
        position = _position_of(said) or column
        member = _seat(named.strip(), position, organisation)
        if member:
            seats.append(member)
    return seats


_LABELLED_SEAT = re.compile(r"^[\s•*–-]*(?P<position>[A-Za-zåäöÅÄÖ. ]{3,25}?)(?::|\s+[–-])\s+(?P<rest>\S.*)$")


def _seat_under(line: str, organisation: str) -> BoardMember | None:
    """ "vice ordf.   Agnes Holmqvist (M)", "Ledamot: Louise Falk (S), ordförande", "Ersättare – ännu inte utsedd"
    under "Nynäshamns kommun": a position after the name wins (the member's seat is the chair)."""
    labelled = _LABELLED_SEAT.match(line)
    if labelled and _is_position(labelled.group("position")):
        position, rest = _position_of(labelled.group("position")), labelled.group("rest").strip()
        named, _, said = rest.rpartition(",")
        if named and _is_position(said):
            rest, position = named.strip(), _position_of(said)
        return _seat(rest, position, organisation) if position else None
    written = re.match(r"^[\s•*–-]*([A-Za-zåäöÅÄÖ. ]{3,25}?)\s+(?=[A-ZÅÄÖ]|(?i:vakant))", line)
    position = _position_of(written.group(1).rstrip(" :")) if written else None
    if not written or position is None:
        return None
    return _seat(line[written.end() :].strip(), position, organisation)


def _seat(who_and_party: str, position: str, organisation: str) -> BoardMember | None:
    if lexicon().is_vacancy(who_and_party):  # "Vakant (utses i mars)"
        return BoardMember(position=position, represents=organisation, vacancy=" ".join(who_and_party.split()))
    who = _WHO.match(who_and_party)
    if not who:
        return None
    name = who.group("who").strip()
    vacant = lexicon().is_vacancy(name)
    if not vacant and (" " not in name or not re.fullmatch(_PERSON_OR_VACANCY, name)):
        return None
    return BoardMember(
        position=position,
        represents=organisation,
        name=None if vacant else name,
        party=who.group("party"),
        vacancy=name.strip("()") if vacant else None,
    )


def _is_position(field: str) -> bool:
    return _position_of(field) is not None  # "vice ordförande", "vice ordf."


def _is_organisation(field: str) -> bool:
    vocabulary = load_vocabulary()
    if "(" in field:
        return False
    return bool(vocabulary.municipality_of(field)) or any(
        fold(authority) in fold(field) for authority in vocabulary.authorities
    )


def _member(match: re.Match[str], position: str) -> BoardMember | None:
    """The member a matched line names, or None for a single word that is no placeholder."""
    who = match.group("who")
    vacant = who.startswith("(") or lexicon().is_vacancy(who)
    if not vacant and " " not in who:
        return None
    return BoardMember(
        position=position,
        represents=match.group("org").strip(),
        name=None if vacant else who,
        party=match.group("party"),
        vacancy=who.strip("()") if vacant else None,
    )


def website_votes(newsletter: Newsletter) -> Counter[str]:
    """Web addresses in the page footers: the federation's own site, misprints included."""
    return Counter(match.lower() for footer in newsletter.footers for match in _WEBSITE.findall(footer))


def own_name(sections_text: str, website: str | None) -> str:
    """The federation's name: the "Samordningsförbundet X" whose letters spell its web address."""
    written = re.findall(r"Samordningsförbundet\s+[A-ZÅÄÖ][\wåäö]*(?:\s+[A-ZÅÄÖ][\wåäö]*)?", sections_text)
    # "Samordningsförbundet Östra Södertörns nya förbundschef": the genitive of a name also written without it
    plain = set(written)
    names = Counter(name[:-1] if name.endswith("s") and name[:-1] in plain else name for name in written)
    if website:
        domain = fold(website.split(".")[1]).replace(" ", "")
        for name, _ in names.most_common():
            if fold(name).replace(" ", "") == domain:
                return str(name)
    return str(names.most_common(1)[0][0]) if names else "Samordningsförbundet"


def read_federations(newsletter: Newsletter) -> list[Federation]:
    for section in newsletter.sections:
        if any(_FEDERATION_LIST.search(paragraph) for paragraph in section.paragraphs):
            source = Source(newsletter.id, section.heading)
            items = [p.lstrip("-•* ").rstrip(".") for p in _list_items(section)]
            return [_federation(item, source) for item in items]
    return []


def _list_items(section: Section) -> list[str]:
    """Lines of the first bullet list that follows the sentence announcing it."""
    items, started = [], False
    for line in section.lines:
        if _FEDERATION_LIST.search(line.text):
            started = True
            continue
        if started and line.text.startswith(("-", "•", "*")):
            items.append(line.text)
        elif started and items and line.text:
            break
    return items


def _federation(item: str, source: Source) -> Federation:
    members = _KOMMUNERNA.search(item)
    name = _KOMMUNERNA.sub("", item).strip()
    if members:
        parts = re.split(r",\s*|\s+och\s+", members.group(1))
    else:
        parts = re.split(r"\s*[,–-]\s+|\s+och\s+", name)
    return Federation(name=name, members=[part.strip() for part in parts if part.strip()], source=source)


def read_figures(newsletter: Newsletter) -> list[Fact]:
    """Results and figures: the bullets and the sentences with numbers of articles about results or
    reports, and such bullets that the layout pushed past a page break into another article."""
    facts = []
    results_section, list_cut = None, False
    for section in newsletter.sections:
        if _about_results(section.heading):
            results_section = section
            paragraphs = _listed_apart(section)
            list_cut = bool(paragraphs) and _LIST_ITEM.match(paragraphs[-1]) is not None  # ends on an item
        elif results_section is not None and list_cut:  # the rest of its list, in the next article with items
            paragraphs = [p for p in section.paragraphs if _LIST_ITEM.match(p)]
            list_cut = not paragraphs
        else:
            continue
        year_in_heading = re.search(r"\b(20\d\d)\b", results_section.heading)
        default_year = int(year_in_heading.group(1)) if year_in_heading else newsletter.year
        for paragraph in paragraphs:
            listed = _LIST_ITEM.match(paragraph) is not None and section is results_section
            pieces = [paragraph] if listed else sentences(paragraph)
            for piece in pieces:
                text = _LIST_ITEM.sub("", piece).strip(" •-")
                if (listed or _FIGURE.search(text)) and len(text) > 25:
                    year = re.search(r"\b(?:under|för|år)\s+(20\d\d)\b", text)
                    facts.append(
                        Fact(
                            text=text,
                            source=Source(newsletter.id, results_section.heading),
                            year=int(year.group(1)) if year else default_year,
                        )
                    )
    return facts


_LIST_ITEM = re.compile(r"^\s*(?:[•-]|\d{1,2}[.)])\s+")  # "• 76 kvinnor …", "1. 412 personer …"


def _listed_apart(section: Section) -> list[str]:
    """The section's paragraphs, each line of a numbered list an item of its own ("1. 412 personer deltog …")."""
    paragraphs: list[str] = []
    for run in section.runs:
        lines: list[str] = []
        for line in run:
            if lines and _LIST_ITEM.match(line.text):
                paragraphs.append(" ".join(lines))
                lines = []
            lines.append(line.text)
        paragraphs.append(" ".join(lines))
    return paragraphs


def _about_results(heading: str) -> bool:
    """Whether a heading speaks of results, forgiving a misprint ("målpuffyllelse")."""
    words = fold(heading).split()
    return any(fuzz.ratio(word, key) >= 85 or key in word for word in words for key in _RESULT_WORDS)


def read_newsletter_facts(newsletter: Newsletter) -> list[Fact]:
    """What the footer says about the newsletter itself (how often, how to subscribe), once."""
    seen, facts = set(), []
    for footer in newsletter.footers:
        if "nyhetsbrev" in fold(footer) and fold(footer) not in seen:
            seen.add(fold(footer))
            facts.append(Fact(text=footer, source=Source(newsletter.id, "Sidfot"), year=newsletter.year))
    return facts
