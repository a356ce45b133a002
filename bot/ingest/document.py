"""A newsletter file as clean lines and sections: header, markdown remnants, footers, duplicates."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.folding import fold
from bot.ingest.dates import find_dates, month_number
from bot.ingest.formats import NewsletterError, newsletter_text
from bot.ingest.lexicon import lexicon

__all__ = ["NewsletterError"]  # raised by read_newsletter; defined with the formats


@dataclass
class ParseWarning:
    """Something in a newsletter that looks like facts but could not be read."""

    line: int
    message: str


@dataclass(frozen=True)
class Skipped:
    """A line of a newsletter that is neither a fact nor a passage, and why."""

    line: int
    reason: str  # "masthead", "issue line", "headlines", "page footer", "duplicate", "short line"
    text: str


@dataclass
class Line:
    number: int  # 1-based line in the file
    text: str  # cleaned of markdown remnants


@dataclass
class Section:
    heading: str
    lines: list[Line] = field(default_factory=list)
    heading_line: int = 0  # the heading's line in the file (0 for the text before the first heading)

    @property
    def paragraphs(self) -> list[str]:
        """Runs of non-empty lines joined with spaces (items broken over lines become one);
        a bulleted line starts a paragraph of its own."""
        return [" ".join(line.text for line in run) for run in self.runs]

    def is_item(self, run: list[Line]) -> bool:
        """Whether the paragraph is a bulleted item of a list."""
        return bool(run) and bool(_BULLET.match(run[0].text))

    @property
    def runs(self) -> list[list[Line]]:
        """The lines of each paragraph."""
        runs: list[list[Line]] = []
        current: list[Line] = []
        for line in self.lines:
            if current and (not line.text or _BULLET.match(line.text)):
                runs.append(current)
                current = []
            if line.text:
                current.append(line)
        if current:
            runs.append(current)
        return runs

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class Newsletter:
    path: Path
    number: int
    year: int
    month: int
    headlines: list[str]
    sections: list[Section]
    footers: list[str]  # the repeated page footer paragraphs, once each
    skipped: list[Skipped] = field(default_factory=list)  # lines outside the sections, and why
    header_note: str | None = None  # how the issue was named when no issue line was recognised

    @property
    def id(self) -> str:
        return f"{self.year}-{self.number}"

    @property
    def published(self) -> date:
        return date(self.year, self.month, 1)

    def all_lines(self) -> list[Line]:
        return [line for section in self.sections for line in section.lines]


_MASTHEAD = "nyhetsbrev"
# "…? (Tidigare …) X", ". » Y"; the space first, so that `re` skips from space to space
_SENTENCE_END = re.compile(r"\s(?:(?<=[.!?]\s)|(?<=[.!?][)\"”»]\s))\s*(?=[A-ZÅÄÖ(–•»-])")
_BULLET = re.compile(r"^[-•*]\s")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_EMPHASIS = re.compile(r"\*{1,3}|_{2,}")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s*")
# ">> PÅ GÅNG" too, and a quote's "> " (">" alone, a quote's empty line, is blank)
_ARROWS = re.compile(r"^(?:[\s►▶]|>{2,}|>(?=\s|$))+|[\s►▶]+$")
# Lines are stripped first: every run of spaces is then a gap between words (and `re` skips from space to space).
_ALIGNED = re.compile(r"\s{3,}\S.*?\s{3}")  # columns aligned with spaces: two gaps of three or more
# in a table's rows, a gap of two spaces parts columns too ("Ledamot       Eva Ek (KD)  Haninge")
_NARROW_GAP = re.compile(r"\s{2,}")
_WIDE_GAP = re.compile(r"\s{3}")
# "-----", "- - - - -", "+------+", "//////", "..........": not "..." (an ellipsis)
_RULE = re.compile(r"\s*\+?(?:[-=_*─—~/]\s?){3,}\+?\s*|\s*(?:\.\s?){5,}\s*")
_BOXED = re.compile(r"\s*[|│]\s(.*?)\s*[|│]\s*")
_FRAMED = re.compile(r"^\s*[-=─—~*#]{2,}\s+(\S.*?\S)\s+[-=─—~*#]{2,}\s*$")
_LABELLED = re.compile(r"^\s*\[([^\[\]()]{2,40})\]\s*$")  # "[KALENDER]": a section's label in brackets
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.\w")  # an e-mail address
_ENUMERATOR = re.compile(r"^\d{1,2}\s*[.·)–:-]\s+(?=\D)")
_SYMBOLS = "\U0001f300-\U0001faff\u2600-\u27bf\u2b1b-\u2b55"  # "🟢 Syateljén – 5 platser": pictures as bullets
_PICTURES = re.compile(rf"[{_SYMBOLS}]\ufe0f?\s*")
_MARKUP = re.compile(rf"[\[#*_►▶>{_SYMBOLS}]")
_HEADER_SEARCH_LINES = 15


def _link_text(link: re.Match[str]) -> str:
    """A link's text; a mail link's address after it ("[Name](mailto:name@…)" -> "Name name@…")."""
    text, target = link.group(1), link.group(2).strip()
    address = target.removeprefix("mailto:") if target.startswith("mailto:") else ""
    return f"{text} {address}" if address and address not in text else text


def clean(text: str, among_rows: bool = False) -> str:
    """One line without markdown remnants: links keep their text, emphasis and arrows go; cells
    separated by tabs or aligned with runs of spaces (a table exported as text) are kept apart as "a | b";
    `among_rows`: a line next to it has columns aligned with spaces too."""
    boxed = _BOXED.fullmatch(text)  # "|  tors 12/4   TYRESÖ   Tyresö bibliotek  |": a line of a drawn box
    if boxed and "|" not in boxed.group(1):
        text = boxed.group(1)
    narrow = among_rows and _narrow_aligned(text.strip())
    if "|" not in text and ("\t" in text.strip() or _ALIGNED.search(text.strip()) or narrow):
        cells = [cell for cell in re.split(r"\t+|\s{2,}" if narrow else r"\t+|\s{3,}", text.strip()) if cell.strip()]
        text = " | ".join(cells) if len(cells) >= 3 or "\t" in text.strip() else text
    if _RULE.fullmatch(text):
        return ""  # a drawn rule "-----" separates like an empty line
    if ".." in text or " . " in text:  # "Haninge ......... 20/11", "Försäkringskassan ... Per Sandell",
        # "Arbetsförmedlingen . Jens Wahlroos" (the longest name leaves one dot): a leader to what follows
        text = re.sub(r"\s*\.{4,}\s*", ": ", text)
        text = re.sub(r"^(\s*\S.{0,40}?)\s+\.{1,3}\s+(?=\S)", r"\1: ", text)
    if _MARKUP.search(text):
        text = _ITALIC_AFTER_WORD.sub(_quoted_title, text)
        text = _LINK.sub(_link_text, text)
        text = _HEADING_MARK.sub("", text)
        text = _EMPHASIS.sub("", text)
        text = _ARROWS.sub("", text)
        text = _PICTURES.sub("", text)
    text = _FRAMED.sub(r"\1", text)  # "---- LEDIGA PLATSER ----", "== Kalender ==": a heading between rules
    text = _LABELLED.sub(r"\1", text)
    return " ".join(text.split())


# "workshopen *Hur möter vi …* i …": a word, then a span in italics (one asterisk, not bold's two)
_ITALIC_AFTER_WORD = re.compile(r"(\w+)\s+(?<!\*)\*(?!\*)([^*]+?)(?<!\s)\*(?!\*)")


def _quoted_title(italics: re.Match[str]) -> str:
    """A title in italics after a kind of meeting is quoted, as a title in quotes is read."""
    word, title = italics.groups()
    return f"{word} ”{title}”" if lexicon().kind_in(word) else italics.group(0)


def _narrow_aligned(text: str) -> bool:
    """Columns aligned with spaces, some of them only two apart: a wide gap and at least two gaps in all."""
    return _WIDE_GAP.search(text) is not None and len(_NARROW_GAP.findall(text)) >= 2


def among_rows(raw_lines: list[str], index: int) -> bool:
    """Whether the line above or below the one at `index` has columns aligned with spaces."""
    return any(
        0 <= near < len(raw_lines) and _WIDE_GAP.search(raw_lines[near].strip()) is not None
        for near in (index - 1, index + 1)
    )


def sentences(text: str, limit: int = 0) -> list[str]:
    """A paragraph's sentences: a stop followed by a capital, a dash or a bullet ("Bl.a. medverkar"
    and "kl. 08.00" stay whole); with a limit, only the first `limit` of them (the rest is not split)."""
    parts = [part.strip() for part in _SENTENCE_END.split(text, maxsplit=limit) if part.strip()]
    return parts[:limit] if limit else parts


def is_heading_marked(raw: str) -> bool:
    return bool(re.match(r"^\s*(#{1,6}\s*)?(?:[►▶]|>>)", raw) or _LABELLED.match(raw)) or raw.lstrip().startswith("#")


def read_newsletter(path: Path) -> Newsletter:
    raw_lines = newsletter_text(path).splitlines()  # .txt, .md, .pdf or .html, as plain text
    header_index, number, year, month, header_note = _find_header(path, raw_lines)
    headlines, body_start = _headlines(raw_lines, header_index + 1)
    body = [
        Line(index + 1, clean(raw_lines[index], among_rows(raw_lines, index)))
        for index in range(body_start, len(raw_lines))
    ]
    content, footers, repeated = _split_repeats(body, raw_lines)
    sections = _continued_after_footers(_sections(content, raw_lines, headlines), {s.line for s in repeated}, raw_lines)
    top = [
        Skipped(index + 1, _top_reason(index, header_index, body_start, headlines), clean(raw_lines[index]))
        for index in range(body_start)
        if clean(raw_lines[index])
    ]
    return Newsletter(path, number, year, month, headlines, sections, footers, top + repeated, header_note)


def _top_reason(index: int, header_index: int, body_start: int, headlines: list[str]) -> str:
    if index == header_index:
        return "issue line"
    return "headlines" if headlines and index == body_start - 1 else "masthead"


def _find_header(path: Path, raw_lines: list[str]) -> tuple[int, int, int, int, str | None]:
    """The line naming the issue: its number, year and month in any order and punctuation
    ("nr 5 2018 aug.", "Nr 6, december 2021", "Nyhetsbrev 3/2022 – juni", "Nyhetsbrev | Nr 3 | Maj 2025"), or
    two lines that do together ("NYHETSBREV 2088:2" over "Mars").
    Without one, the number and year of a file named like the others ("nyhetsbrev-2026-nr6") and the
    first month named near the top, with a note saying so; else a NewsletterError."""
    seen = 0
    top: list[tuple[int, str]] = []
    for index, raw in enumerate(raw_lines):
        text = clean(raw)
        if not text:
            continue
        seen += 1
        if seen > _HEADER_SEARCH_LINES:
            break
        top.append((index, text))
        found = _issue_of(text)
        if found:
            return index, *found, None
    for (_, text), (index, after) in itertools.pairwise(top):  # "NYHETSBREV 2088:2" over "Mars"
        found = _issue_of(f"{text} {after}")
        if found:  # the issue line ends on the second: the body starts after it
            return index, *found, None
    named = _FILE_NAME.search(path.stem)
    month_line = next(((index, month) for index, text in top for month in _months_in(text) if _YEAR.search(text)), None)
    if named and month_line:
        index, month = month_line
        number, year = int(named.group(2)), int(named.group(1))
        note = f"{path}:{index + 1}: no issue line recognised; nr {number} {year} taken from the file name"
        return index, number, year, month, note
    masthead = next(
        (i + 1 for i, raw in enumerate(raw_lines[:40]) if fuzz.ratio(fold(raw).replace(" ", ""), _MASTHEAD) >= 80),
        None,
    )
    where = f"{path}:{masthead}" if masthead else f"{path}:1"
    raise NewsletterError(
        f"{where}: no newsletter header: expected a line like 'nr 5 2018 aug.' (issue number, year, month) near the top"
    )


def _months_in(text: str) -> list[int]:
    return [month for month in (month_number(word) for word in re.findall(r"[A-Za-zÅÄÖåäö]+", text)) if month]


_FILE_NAME = re.compile(r"((?:19|20)\d\d)\D+nr\D?(\d{1,2})\b", re.I)  # "nyhetsbrev-2026-nr6"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_YEAR_NUMBER = re.compile(r"\b(?:19|20)\d\d\s*:\s*(\d{1,2})\b|\b(\d{1,2})\s*/\s*(?:19|20)\d\d\b")  # "2026:5", "3/2022"
_SMALL_NUMBER = re.compile(r"(?<![\d/:.,-])(\d{1,2})(?![\d/:.,-])")


def _issue_of(text: str) -> tuple[int, int, int] | None:
    """(number, year, month) of an issue line, or None: a short line with a year, a month's name and the
    issue's number, after a word such as "nr", "nummer" or "utgåva" (reading.yaml), written "2026:5" or
    "3/2022", or as the only other small number on the line ("Oktober 2023 | 4")."""
    year = _YEAR.search(text)
    if not year or len(text) > 160:
        return None
    words = re.findall(r"[A-Za-zÅÄÖåäö]+", text)
    month = next((m for m in (month_number(word) for word in words) if m is not None), None)
    if month is None:
        return None
    named = lexicon().issue_number.search(fold(text))
    if named:
        return int(named.group(1)), int(year.group(1)), month
    ordinal = lexicon().issue_ordinal.search(fold(text))  # "Sjätte numret 2026 | December"
    if ordinal:
        return lexicon().ordinals[ordinal.group(1)], int(year.group(1)), month
    paired = _YEAR_NUMBER.search(text)
    if paired:
        return int(paired.group(1) or paired.group(2)), int(year.group(1)), month
    alone = [m for m in _SMALL_NUMBER.finditer(text) if not _is_day(text[m.end() :])]
    return (int(alone[0].group(1)), int(year.group(1)), month) if len(alone) == 1 else None


def _is_day(after: str) -> bool:
    """Whether a number is a day of the month: a month's name follows it ("12 april")."""
    following = after.split(None, 1)
    return bool(following) and month_number(following[0]) is not None


def _headlines(raw_lines: list[str], start: int) -> tuple[list[str], int]:
    """The '•'-separated headline line near the issue line ("I detta nummer: A • B"), if there is one;
    a line or two of masthead may stand between them."""
    seen = 0
    for index in range(start, min(start + 8, len(raw_lines))):
        text = clean(raw_lines[index])
        if not text:
            continue
        parts = _headline_parts(re.sub(r"^[^•·:]{0,30}:\s*", "", text))  # "I detta nummer: "
        if not _BULLET.match(text) and len(parts) >= 2:
            return parts, index + 1
        seen += 1
        if seen >= 2 or text.endswith(":"):
            break  # one line of masthead may come first ("Samordningsförbundet Östra Södertörn · Haninge")
    return [], start


def _headline_parts(text: str) -> list[str]:
    """ "A • B • C", or "A · B · C" when the parts are titles of several words (not "Östra Södertörn ·
    Haninge · Nynäshamn", a masthead)."""
    for separator in ("•", "·"):
        parts = [part.strip(" *_") for part in text.split(separator) if part.strip(" *_")]
        if len(parts) >= 2 and (separator == "•" or sum(len(part.split()) >= 2 for part in parts) > len(parts) / 2):
            return parts
    return []


def _is_heading(
    raw: str,
    text: str,
    headlines: list[str],
    blanks_before: int,
    next_text: str | None,
    continued: bool = False,
    underlined: bool = False,
    over_prose: bool = False,
) -> bool:
    """A heading is marked (►, #), repeats a headline, is a line in bold of its own, is `underlined` by a
    drawn rule ("~~~~") after a blank line, stands alone (after a page break, or between blank lines over a
    paragraph of running text), or is in capitals after a blank line right `over_prose` (its article's first
    line); a line whose sentence goes on in the next one (`continued`: it starts in lower case, or it ends on
    "på", "och") is not.
    Deep markdown headings (####) and lines ending a sentence are sub-headings: content."""
    if not text or len(text) > 120 or re.match(r"^\s*#{4,}", raw) or text.count("|") >= 2:
        return False  # a deep sub-heading, or a table's row
    if "@" in text and _ADDRESS.search(text):
        return False  # "name@… · 070-…": a contact card's line of addresses, over whatever follows the card
    folded = fold(text)
    if any(fuzz.ratio(folded, fold(headline)) >= 90 for headline in headlines):
        return True
    if text.endswith((".", ":", ",", ";")) or lexicon().move_arrow.search(text):
        return False  # a sentence, or a notice of a move ("fredag 12 december → fredag 19 december")
    if len(text) <= 80 and any(len(h) >= 10 and folded.startswith(fold(h)) for h in headlines):
        return True  # the headline said "Lediga platser", the article "Lediga platser i MIA ..."
    if is_heading_marked(raw) or _is_bold_line(raw) or (underlined and blanks_before >= 1 and len(text) <= 80):
        return True
    if lexicon().ends_open(text) and not text.isupper():  # "BOKA IN" is a heading
        return False  # a sentence going on in the next line ("Den 3 december håller vi konferensen X på")
    if continued:
        return False
    if text.isupper() and 4 <= len(text) <= 60 and blanks_before >= 1 and (next_text is not None or over_prose):
        return True  # "ÖVRIGT", "PERSONALNYTT": a line in capitals standing alone or over its article
    labelled = re.match(r"^([\w ]{2,25}):\s", text)  # "Tema: Hur når vi ...?" is a field, not a heading
    if labelled and lexicon().kind_in(labelled.group(1)):
        labelled = None  # "Seminarium: Samverkan kring sjukskrivning": a title naming its kind
    numbered = _ENUMERATOR.match(text)
    text = _ENUMERATOR.sub("", text)  # "1 · Ny förbundschef klar", "5. Lediga platser": a numbered heading
    one_word = len(text.split()) == 1 and len(text) >= 5 and text[0].isupper()  # "Inställt", "Personalnytt"
    if one_word and next_text and next_text[:1].isdigit():
        return False  # "Nynäshamn" over "8/2 Topic ...": a list's municipality
    short = len(text) <= 80 and (len(text.split()) >= 2 or one_word) and text[0].isalpha() and not labelled
    over_text = next_text is not None and len(next_text) >= 80
    alone = blanks_before >= 1 and next_text is not None
    return short and (
        (blanks_before >= 2 and not one_word) or (blanks_before >= 1 and over_text) or bool(numbered and alone)
    )


def _is_prose(raw: str) -> bool:
    """A line of running text: long, mostly in lower case, not a table's row (no cells, no aligned columns)."""
    text = raw.strip()
    if len(text) < 40 or "|" in text:
        return False
    letters, lower = sum(map(str.isalpha, text)), sum(map(str.islower, text))  # a lower-case one is a letter
    return lower > 0.8 * letters and not _WIDE_GAP.search(text)


def _is_bold_line(raw: str) -> bool:
    stripped = raw.strip()
    return (
        len(stripped) > 4
        and stripped.startswith("**")
        and stripped.endswith("**")
        and "**" not in stripped[2:-2]
        and not stripped[2:-2].rstrip().endswith(":")
    )


def _sections(lines: list[Line], raw_lines: list[str], headlines: list[str]) -> list[Section]:
    sections = [Section(heading="")]
    blanks = 2  # the top of the text is like the top of a page
    rule_below = False  # the line just read is a heading underlined with a rule: that rule is no blank line
    next_text: list[str | None] = [None] * len(lines)  # the next non-empty line after each, found in one pass
    for index in range(len(lines) - 2, -1, -1):
        later = lines[index + 1]
        next_text[index] = later.text or next_text[index + 1]
    for index, line in enumerate(lines):
        after = lines[index + 1] if index + 1 < len(lines) else None
        stands_alone = after is None or not after.text
        following = next_text[index] if stands_alone else None
        continued = after is not None and after.text[:1].islower()
        underlined = line.number < len(raw_lines) and _RULE.fullmatch(raw_lines[line.number]) is not None
        over_prose = after is not None and bool(after.text) and _is_prose(raw_lines[after.number - 1])
        raw = raw_lines[line.number - 1]
        heading = _is_heading(raw, line.text, headlines, blanks, following, continued, underlined, over_prose)
        if heading:
            sections.append(Section(heading=line.text.rstrip(":!"), heading_line=line.number))
        else:
            sections[-1].lines.append(line)
        blanks = 0 if line.text or rule_below else blanks + 1
        rule_below = heading and underlined
    return [section for section in sections if section.heading or any(line.text for line in section.lines)]


def _continued_after_footers(sections: list[Section], left_out: set[int], raw_lines: list[str]) -> list[Section]:
    """Text after a page footer that goes on with an earlier article than the one before the footer (a
    layout breaks articles over pages): it is moved to the article that said it goes on ("... ▶▶",
    "forts.") or else to the one whose words it shares most, when that one shares clearly more than the
    article it follows."""
    continued = [
        section
        for section in sections
        if any(line.text for line in section.lines)
        and _GOES_ON.search(raw_lines[max(line.number for line in section.lines if line.text) - 1])
    ]
    for index, section in enumerate(sections):
        if index == 0:
            continue
        numbers = [line.number for line in section.lines]
        breaks = [
            at
            for at, number in enumerate(numbers)
            if at and any(n in left_out for n in range(numbers[at - 1] + 1, number))
        ]
        if not breaks:
            continue
        before, after = section.lines[: breaks[0]], section.lines[breaks[0] :]
        words_after = _content_words(" ".join(line.text for line in after))
        if len(words_after) < 5:
            continue
        own = len(words_after & _content_words(" ".join(line.text for line in before) + " " + section.heading))
        scored = [
            (
                len(words_after & _content_words(" ".join(line.text for line in other.lines) + " " + other.heading)),
                other,
            )
            for other in sections[:index]
            if other.heading
        ]
        best_score, best = max(scored, key=lambda pair: pair[0], default=(0, None))
        said = [other for other in continued if other in sections[:index]]
        if said and len(words_after & _content_words(" ".join(line.text for line in said[0].lines))) > own:
            best, best_score = said[0], 3 * max(own, 1)  # the article said it goes on after the page
            continued.remove(said[0])
        if best is not None and best_score >= 3 and best_score >= 2 * max(own, 1):
            best.lines.extend([Line(after[0].number, ""), *after])
            del section.lines[breaks[0] :]
    return sections


_GOES_ON = re.compile(r"(?:[▶►»]{2}|→|\bforts(?:\.|ättning)(?:\s+på\s+sid(?:an)?\.?\s*\d+)?)\s*$", re.I)


def _content_words(text: str) -> set[str]:
    return {word for word in fold(text).split() if len(word) >= 6}


def _days(text: str) -> list[tuple[int, int]]:
    return [(day.day, day.month) for day in find_dates(text)]


_SIMILAR = 90  # fuzz.ratio at which two lines count as the same (catches one-letter misprints)
_LONG_LINE = 60  # a repeated line this long is a duplicated paragraph, not a repeated label


def _split_repeats(lines: list[Line], raw_lines: list[str]) -> tuple[list[Line], list[str], list[Skipped]]:
    """Separate the page footer from the content and drop duplicated paragraphs.

    The footer is any run of two or more different lines that each recur elsewhere in the file;
    a long line repeated word for word outside such runs is a duplicated paragraph, kept once.
    Returns the content lines, every footer line (all occurrences, for votes such as the
    web address that one footer misspells) and the lines left out.
    """
    texts = [fold(line.text) for line in lines]
    filled = [i for i, text in enumerate(texts) if text]
    counts = Counter(texts[i] for i in filled)
    choices = list(counts)  # each text once: a line repeated thousands of times is compared once
    similar = {  # the text itself is always found; another one too when a line like it recurs
        text: counts[text] > 1
        or len(process.extract(text, choices, scorer=fuzz.ratio, score_cutoff=_SIMILAR, limit=2)) > 1
        for text in choices
    }
    recurs = {i: similar[texts[i]] for i in filled}
    runs: list[list[int]] = []
    run: list[int] = []
    for i in filled + [None]:
        if i is not None and recurs[i]:
            run.append(i)
            continue
        if len({texts[j] for j in run}) >= 2:
            runs.append(run)
        run = []

    def same(a: int, b: int) -> bool:
        # "When: Friday, 19 November …" and "When: Friday, 26 November …" are two meetings, not a footer: a footer
        # says the same day on every page
        return fuzz.ratio(texts[a], texts[b]) >= _SIMILAR and _days(lines[a].text) == _days(lines[b].text)

    footer = {
        i
        for run in runs
        for other in runs
        if other is not run and same(run[0], other[0]) and same(run[1], other[1])
        for i in run
        if any(same(i, j) for j in other)  # only the lines the other page's footer has too
    }
    content, footers, left_out, seen = [], [], [], set()
    for i, line in enumerate(lines):
        if i in footer:
            footers.append(line.text)
            left_out.append(Skipped(line.number, "page footer", line.text))
            continue
        underlined = line.number < len(raw_lines) and _RULE.fullmatch(raw_lines[line.number]) is not None
        heading = underlined or is_heading_marked(raw_lines[line.number - 1])
        if len(texts[i]) >= _LONG_LINE and not heading:  # an article's heading repeating its line of the contents
            if texts[i] in seen:
                left_out.append(Skipped(line.number, "duplicate", line.text))
                continue
            seen.add(texts[i])
        content.append(line)
    return content, footers, left_out
