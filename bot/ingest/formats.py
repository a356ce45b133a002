"""A newsletter file of any supported format as plain text: lines, a blank line between paragraphs,
headings as "# …" lines, bold as **…**, list items as "• …". The readers only ever see this text.

.txt and .md are read as UTF-8; .html with the standard library's parser; .pdf with pdfplumber, column
by column, with hyphenation at line ends undone, addresses broken over lines rejoined, and page numbers
and running page headers dropped.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from bot.failures import BadInput
from bot.ingest.lexicon import lexicon

SOURCE_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm")
FORMAT_NAMES = ".txt, .md, .pdf, .html"  # as said to the person who dropped another kind of file

MAX_NEWSLETTER_BYTES = 2_000_000  # the sources are 5-15 KB of text; a file far larger is a mistake
MAX_HTML_BYTES = 5_000_000  # a newsletter page with inline styles
MAX_PDF_BYTES = 30_000_000  # a laid-out issue with photographs
MAX_PDF_PAGES = 60


class NewsletterError(BadInput, ValueError):
    """A newsletter that cannot be read; the message names the file and line."""


def newsletter_text(path: Path) -> str:
    """The newsletter at `path` as plain text; NewsletterError with a one-line reason if it cannot be read."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return html_text(path, _read(path, MAX_HTML_BYTES, "a newsletter page is a few hundred KB"))
    if suffix == ".pdf":
        return pdf_text(path, _read(path, MAX_PDF_BYTES, "a newsletter is a few MB"))
    data = _read(path, MAX_NEWSLETTER_BYTES, "a newsletter's text is a few tens of KB")
    return _decode(path, data, "utf-8-sig")


def _read(path: Path, limit: int, usual: str) -> bytes:
    try:
        with path.open("rb") as file:
            data = file.read(limit + 1)
    except OSError as error:
        raise NewsletterError(f"{path}: cannot read: {error.strerror}") from error
    if len(data) > limit:
        raise NewsletterError(f"{path}: larger than {limit // 1_000_000} MB; {usual} (is this the right file?)")
    return data


def _decode(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise NewsletterError(f"{path}:{line}: not UTF-8 text ({error.reason}); save it as UTF-8") from error


# --- HTML -------------------------------------------------------------------------------------------

_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "html", "main", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "ul", "caption",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BOLD = {"b", "strong"}
_ITALIC = {"i", "em", "cite"}
_FIELDS = {"span", "time", "data"}  # inline elements that, given a class, may hold one field of an item
_DROPPED = {"script", "style", "head", "title", "noscript", "template", "svg", "object", "iframe"}
_CELL_BREAK = "\x00"  # a <br> in a table cell: a line break in a row of one cell (a card), else a space
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.prefix = ""
        self.dropped = 0
        self.heading = False
        self.cells = 0  # cells seen in the current table row
        self.open_cells: list[_Cell] = []  # the table cells the parser is inside, innermost last
        self.pre = 0
        self.line_broken = False  # whether the source broke the line since the last text

    @property
    def in_cell(self) -> bool:
        """Inside a data cell, whose text is one cell of a row ("Kvarnens Återbruk | 4"), not a cell that
        lays out a page (an e-mail's headings and paragraphs inside one big <td>)."""
        return bool(self.open_cells) and self.open_cells[-1].data

    def _layout_in_cell(self, tag: str) -> None:
        """A heading, list or table, or a second paragraph, inside a cell: the cell lays out a page."""
        cell = self.open_cells[-1]
        cell.blocks += tag in ("p", "div")
        cell.plain = cell.plain and tag in ("p", "div")
        if tag in _HEADINGS or tag in ("ul", "ol", "table", "blockquote") or cell.blocks >= 2:
            cell.data = False
            if not "".join(self.current[: cell.start]).strip(" |"):
                del self.current[: cell.start]  # the separator before a cell that lays out a card
            self.flush()

    def flush(self) -> None:
        text = "".join(self.current).replace(_CELL_BREAK, "\n" if self.cells <= 1 else " ")
        lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
        lines = [_tidy_bold(line) for line in lines]
        lines = [line for line in lines if line and line != "**"]
        if lines:
            if self.heading:
                lines = ["# " + " ".join(line.replace("**", "") for line in lines)]
            elif self.prefix:
                lines[0] = self.prefix + lines[0]
            self.paragraphs.append("\n".join(lines))
        self.current = []
        self.prefix = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.dropped += 1
        elif tag == "br":
            self.current.append("\n" if not self.in_cell else _CELL_BREAK)  # a line of its own in a row of one cell
        elif tag == "tr":
            self.flush()
            self.cells = 0
        elif tag in ("td", "th"):
            self.current.append(" | " if self.cells else "")
            self.cells += 1
            self.open_cells.append(_Cell(first=len(self.paragraphs), start=len(self.current)))
        elif self.in_cell and (tag in _BLOCKS or tag in _HEADINGS or tag == "li"):
            self._layout_in_cell(tag)
            if self.in_cell:
                self.current.append(" ")
            else:
                self.handle_starttag(tag, attrs)
        elif tag in _HEADINGS:
            self.flush()
            self.heading = True
        elif tag == "li":
            self.flush()
            self.prefix = "• "
        elif tag in _BLOCKS:
            self.flush()
        elif tag in _BOLD:
            self.current.append("**")
        elif tag in _ITALIC:
            self.current.append("*")  # as markdown writes it: a title in italics after a kind of meeting is quoted
        elif tag == "pre":
            self.pre += 1
        elif tag in _FIELDS and dict(attrs).get("class") and self.line_broken and "".join(self.current).strip():
            self.current.append(" · ")  # an item's fields, each on a line of its own: "fre 22 feb · Nynäshamn · ..."

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.dropped = max(0, self.dropped - 1)
        elif tag in ("td", "th"):
            if self.open_cells and not (cell := self.open_cells.pop()).data:
                self.flush()
                if cell.plain:
                    self._join_card(cell.first)
        elif tag == "tr":
            self.flush()
        elif self.in_cell and (tag in _BLOCKS or tag in _HEADINGS or tag == "li"):
            self.current.append(" ")
        elif tag in _HEADINGS:
            self.flush()
            self.heading = False
        elif tag in _BLOCKS or tag == "li":
            self.flush()
        elif tag in _BOLD:
            self.current.append("**")
        elif tag in _ITALIC:
            self.current.append("*")

    def _join_card(self, first: int) -> None:
        """The paragraphs of a cell of plain blocks are one card: a badge of single words ("FRE", "28", "JAN")
        is one line, the lines of a card ("Haninge", its topic, its venue) one paragraph."""
        pieces = self.paragraphs[first:]
        if len(pieces) >= 2:
            single_words = all(" " not in piece and "\n" not in piece for piece in pieces)
            self.paragraphs[first:] = [(" " if single_words else "\n").join(pieces)]

    def handle_data(self, data: str) -> None:
        if not self.dropped:
            self.current.append(data if self.pre else re.sub(r"\s+", " ", data))
            self.line_broken = "\n" in data if not data.strip() else False


@dataclass
class _Cell:
    data: bool = True  # False once it holds headings, lists or paragraphs: a page's layout
    blocks: int = 0  # paragraphs started in it
    plain: bool = True  # only paragraphs and divisions in it: a card, not a page
    first: int = 0  # the index of its first paragraph
    start: int = 0  # where its text starts in the text being gathered


def _tidy_bold(line: str) -> str:
    """'** Case Management: **' -> '**Case Management:**'; empty pairs go."""
    line = re.sub(r"\*\*(\s*)\*\*", r"\1", line)
    return re.sub(r"\*\*\s*(.*?)\s*\*\*", lambda m: f"**{m.group(1)}**" if m.group(1) else "", line).strip()


def html_text(path: Path, data: bytes) -> str:
    declared = _CHARSET.search(data[:4096])
    encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if encoding in ("utf-8", "utf8"):
        encoding = "utf-8-sig"
    try:
        text = _decode(path, data, encoding)
    except LookupError as error:
        raise NewsletterError(f"{path}: unknown character set {encoding!r} in its <meta charset>") from error
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    parser.flush()
    return "\n\n".join(parser.paragraphs) + "\n"


# --- PDF --------------------------------------------------------------------------------------------


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool
    size: float
    ruled: bool = False  # a horizontal rule stands just above the word (a table's row starts here)


@dataclass
class _Row:
    words: list[_Word]
    cells: list[list[_Word]] | None = None  # a table's row: its cells' words

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class _Paragraph:
    style: str  # "heading" (set larger than the body text) or "body"
    lines: list[list[str]] = field(default_factory=list)  # visual lines: each is a list of marked-up words
    breaks: list[bool] = field(default_factory=list)  # before each line after the first: a forced line break?


_PAGE_NUMBER = re.compile(
    r"^(?:sid(?:a|an)?\.?\s*|page\s*|s\.\s*)?[-–(]?\s*\d{1,3}\s*[-–)]?(?:\s*(?:av|/|of)\s*\d{1,3})?$", re.I
)
_MARGIN = 0.09  # the top and bottom share of a page where running headers and page numbers stand
_TLD = re.compile(r"\.(?:se|nu|com|org|net|eu|info|io|fi|no|dk|gov|edu)(?:/[\w/.-]*)?$", re.I)
_ADDRESS_START = re.compile(r"(?:https?://|www\.|@)", re.I)
_CONJUNCTIONS = {"och", "eller", "samt", "resp", "respektive", "till", "som", "and", "or", "to"}


def pdf_text(path: Path, data: bytes) -> str:
    import pdfplumber  # imported here: only a PDF newsletter needs it

    if not data.lstrip(b"\0\t\n\r ").startswith(b"%PDF-"):
        raise NewsletterError(f"{path}: not a PDF file (it does not start with %PDF-); export it again as PDF")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise NewsletterError(f"{path}: {len(pdf.pages)} pages; a newsletter has at most {MAX_PDF_PAGES}")
            pages = [(page.height, _page_words(page)) for page in pdf.pages]
    except NewsletterError:
        raise
    except Exception as error:  # pdfminer raises many kinds (syntax, encryption, decoding): one line for all
        raise NewsletterError(f"{path}: cannot read this PDF: {_pdf_reason(error)}") from None
    if not any(words for _, words in pages):
        raise NewsletterError(
            f"{path}: the PDF has no text layer (a scanned image?); export it from the original with text, "
            "or run text recognition (OCR) on it first"
        )
    return _layout_text(pages)


def _pdf_reason(error: Exception) -> str:
    names = " ".join(type(e).__name__ for e in (error, error.__cause__, error.__context__) if e is not None)
    text = f"{names} {error}".lower()
    if "password" in text or "encrypt" in text:
        return "it is encrypted; save it again without a password"
    detail = str(error).strip().splitlines()[0][:80] if str(error).strip() else type(error).__name__
    return f"it is damaged or incomplete ({detail}); export it again"


def _page_words(page: object) -> list[_Word]:
    words = page.extract_words(  # type: ignore[attr-defined]
        x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False, return_chars=True
    )
    rules = [
        (float(edge["x0"]), float(edge["x1"]), float(edge["top"]))
        for edge in page.horizontal_edges  # type: ignore[attr-defined]
        if float(edge["x1"]) - float(edge["x0"]) >= 20
    ]
    found = []
    for word in words:
        text = str(word["text"]).strip()
        chars = word["chars"]
        if not text or not chars:
            continue
        bold = sum(_is_bold(str(char["fontname"])) for char in chars) * 2 > len(chars)
        size = max(float(char["size"]) for char in chars)
        top, x0, x1 = float(word["top"]), float(word["x0"]), float(word["x1"])
        ruled = any(a - 1 <= x0 and x1 <= b + 1 and top - 0.8 * size <= y <= top + 0.5 for a, b, y in rules)
        found.append(_Word(text, x0, x1, top, float(word["bottom"]), bold, size, ruled))
    return found


def _is_bold(fontname: str) -> bool:
    font = fontname.split("+")[-1].lower()  # "ABCDEF+Vera-Bold": the subset prefix differs per subset
    return any(mark in font for mark in ("bold", "black", "heavy", "semibold", "demi"))


def _rows(words: list[_Word]) -> list[_Row]:
    """Words on one baseline (within 2 pt), left to right; rows top to bottom."""
    rows: list[_Row] = []
    for word in sorted(words, key=lambda w: (round(w.bottom, 1), w.x0)):
        if rows and abs(rows[-1].words[0].bottom - word.bottom) <= 2:
            rows[-1].words.append(word)
        else:
            rows.append(_Row([word]))
    for row in rows:
        row.words.sort(key=lambda w: w.x0)
    return rows


def _layout_text(pages: list[tuple[float, list[_Word]]]) -> str:
    page_rows = [(height, _rows(words)) for height, words in pages]
    repeated = _running_lines(page_rows)
    body_size = _body_size([w for _, words in pages for w in words])
    columns: list[list[_Row]] = []
    for number, (height, rows) in enumerate(page_rows):
        kept = [row for row in rows if not _is_margin_line(row, height, repeated, number > 0, body_size)]
        columns.extend(_reading_order(kept))
    paragraphs = _paragraphs(columns, body_size)
    vocabulary = _vocabulary(paragraphs)
    return "\n\n".join(_render(paragraph, vocabulary) for paragraph in paragraphs) + "\n"


def _margin_key(row: _Row) -> str:
    return re.sub(r"\d+", "#", row.text.lower())


def _in_margin(row: _Row, height: float) -> bool:
    return row.bottom < height * _MARGIN or row.top > height * (1 - _MARGIN)


def _running_lines(page_rows: list[tuple[float, list[_Row]]]) -> set[str]:
    """Lines that stand in the top or bottom margin of two or more pages: running headers and footers."""
    seen: Counter[str] = Counter()
    for height, rows in page_rows:
        seen.update({_margin_key(row) for row in rows if _in_margin(row, height)})
    return {key for key, count in seen.items() if count >= 2}


def _is_margin_line(row: _Row, height: float, repeated: set[str], later_page: bool, body_size: float) -> bool:
    """A page number, a line repeated in the margins of several pages, or on a page after the first
    a line in body size or smaller at the very top (the running header of a two-page issue)."""
    if not _in_margin(row, height):
        return False
    if _margin_key(row) in repeated or _PAGE_NUMBER.match(row.text):
        return True
    return later_page and row.bottom < height * _MARGIN and all(w.size <= body_size * 1.05 for w in row.words)


def _body_size(words: list[_Word]) -> float:
    sizes: Counter[float] = Counter()
    for word in words:
        sizes[round(word.size, 1)] += len(word.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _reading_order(rows: list[_Row]) -> list[list[_Row]]:
    """The page as columns in reading order: a band of rows that run across the page is a column of its
    own; below and above it, the left column is read before the right one."""
    gutter = _gutter(rows)
    if gutter is None:
        return [rows] if rows else []
    columns: list[list[_Row]] = []
    left: list[_Row] = []
    right: list[_Row] = []
    across: list[_Row] = []
    for row in rows:
        parts = _split_at(row, gutter)
        if parts is None:
            if left or right:
                columns += [c for c in (left, right) if c]
                left, right = [], []
            across.append(row)
            continue
        if across:
            columns.append(across)
            across = []
        if parts[0]:
            left.append(_Row(parts[0]))
        if parts[1]:
            right.append(_Row(parts[1]))
    columns += [c for c in (across, left, right) if c]
    return columns


def _gutter(rows: list[_Row]) -> float | None:
    """The x of the gap between two columns, if the page has two: the middle position that the fewest
    rows cover, provided rows stand on both sides of it and at most a third of them cross it."""
    if len(rows) < 6:
        return None
    right_edge = max(row.x1 for row in rows)
    left_edge = min(row.x0 for row in rows)
    width = right_edge - left_edge
    best: tuple[int, float] | None = None
    x = left_edge + width * 0.3
    while x <= left_edge + width * 0.7:
        crossing = sum(1 for row in rows if any(w.x0 - 2 <= x <= w.x1 + 2 for w in row.words))
        if best is None or crossing < best[0]:
            best = (crossing, x)
        x += 1.0
    if best is None or best[0] > len(rows) / 3:
        return None
    gutter = best[1]
    apart = [row for row in rows if not any(w.x0 - 2 <= gutter <= w.x1 + 2 for w in row.words)]
    # A column is lines that start at one x (a row may have words on both sides of the gutter); centred
    # lines of a masthead that happen to stand on one side are not one.
    left = Counter(round(row.x0) for row in apart if row.x0 < gutter)
    right = Counter(round(min(w.x0 for w in row.words if w.x0 > gutter)) for row in apart if row.x1 > gutter)
    aligned = all(starts and starts.most_common(1)[0][1] >= 3 for starts in (left, right))
    return gutter if aligned else None


def _split_at(row: _Row, gutter: float) -> tuple[list[_Word], list[_Word]] | None:
    """The row's words left and right of the gutter, or None if the row runs across it."""
    left = [w for w in row.words if w.x1 < gutter]
    right = [w for w in row.words if w.x0 > gutter]
    if len(left) + len(right) < len(row.words):
        return None
    if left and right and right[0].x0 - left[-1].x1 < max(8.0, 1.2 * max(w.size for w in row.words)):
        return None  # an ordinary space, not a gutter: a centred line across the page
    return left, right


_CELL_GAP = 8.0  # a gap between words this wide (pt) may part two cells of a table


def _tables(column: list[_Row]) -> list[_Row]:
    """The column with its tables' rows as cells: two or more rows in a row whose words stand in
    cells that start at the same x in each (wide gaps between), each row's cells with the text wrapped
    onto the lines below them joined in. Justified running text also has wide gaps, but not at the
    same x on consecutive lines."""
    starts = [_cell_starts(row) for row in column]
    found: list[_Row] = []
    index = 0
    while index < len(column):
        grid = starts[index]
        block = [index]
        following = index + 1
        while len(grid) >= 2 and following < len(column):
            here = starts[following]
            if not all(any(abs(x - g) <= 1.5 for g in grid) for x in here):
                break
            if len(here) < 2 and abs(here[0] - grid[0]) <= 1.5 and not _wraps_in_cell(column, following, grid):
                break  # a line of text under the table, starting where it starts
            block.append(following)
            following += 1
        rows = [i for i in block if len(starts[i]) >= 2 and abs(starts[i][0] - grid[0]) <= 1.5]
        if len(rows) < 2:
            found.append(column[index])
            index += 1
            continue
        beginnings = _row_beginnings([column[i] for i in block], grid)
        for i, begins in zip(block, beginnings, strict=True):
            cells: list[list[_Word]] = [[] for _ in grid]
            for word in column[i].words:
                at = max(k for k, g in enumerate(grid) if g <= word.x0 + 1.5) if word.x0 + 1.5 >= grid[0] else 0
                cells[at].append(word)
            if begins or not found or found[-1].cells is None:
                found.append(_Row(column[i].words, cells))
            else:  # the wrapped part of the row's cells
                last = found[-1]
                last.words = last.words + column[i].words
                last.cells = [a + b for a, b in zip(last.cells or [], cells, strict=True)]
        index = following
    return found


def _wraps_in_cell(column: list[_Row], index: int, grid: list[float]) -> bool:
    """Whether the line at `index`, one run starting at the table's left edge, is the first cell's
    text wrapped: it ends before the second cell starts, no rule stands above it and it follows the
    line above at the distance of lines within a paragraph."""
    row, above = column[index], column[index - 1]
    size = max(w.size for w in row.words)
    return row.x1 < grid[1] and not any(w.ruled for w in row.words) and row.bottom - above.bottom < size * 1.5


def _row_beginnings(lines: list[_Row], grid: list[float]) -> list[bool]:
    """For each line of a table, whether a row of the table starts on it (else it holds the wrapped
    text of the row above): where a rule stands above it; else where it stands a wider step below the
    line above than the lines within a cell do (rows have padding); else, with the steps all alike, in a
    table with rules between its rows nowhere, and in one without (or with one rule, under its header)
    where its first cell has text."""
    ruled = [any(w.ruled for w in line.words) for line in lines]
    first = [any(w.x0 < grid[1] - 1.5 for w in line.words) for line in lines]
    steps = [0.0] + [line.bottom - above.bottom for above, line in zip(lines, lines[1:], strict=False)]
    plain = [steps[i] for i in range(1, len(lines)) if not ruled[i]]
    spread = bool(plain) and max(plain) - min(plain) > 1.5
    rules_part_rows = sum(ruled[1:]) >= 2
    return [True] + [
        ruled[i] or (steps[i] > min(plain) + 1.5 if spread else first[i] and not rules_part_rows)
        for i in range(1, len(lines))
    ]


def _cell_starts(row: _Row) -> list[float]:
    """Where the row's runs of words start, a run ending at a gap that could part two cells."""
    starts = [row.words[0].x0]
    for before, word in zip(row.words, row.words[1:], strict=False):
        if word.x0 - before.x1 >= max(_CELL_GAP, word.size * 0.8):
            starts.append(word.x0)
    return starts


def _style(row: _Row, body_size: float) -> str:
    return "heading" if all(w.size >= body_size * 1.2 for w in row.words) else "body"


def _marked(row: _Row, style: str) -> list[str]:
    """The row's words, with runs of bold words in a body line between ** and **."""
    if style != "body":
        return [w.text for w in row.words]
    if row.cells is not None:  # a table's row as the text writes it: "| 24/5 | Tyresö | Tema |"
        cells = [" ".join(_marked(_Row(cell), style)) if cell else "" for cell in row.cells]
        return ["|", " | ".join(cells), "|"]
    words: list[str] = []
    for index, word in enumerate(row.words):
        text = word.text
        if word.bold and (index == 0 or not row.words[index - 1].bold):
            text = "**" + text
        if word.bold and (index == len(row.words) - 1 or not row.words[index + 1].bold):
            text = text + "**"
        words.append(text)
    return words


def _paragraphs(columns: list[list[_Row]], body_size: float) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    previous: _Row | None = None
    previous_edge, previous_justified, previous_style = 0.0, False, "body"
    for column in map(_tables, columns):
        text = _margin_lines([row for row in column if row.cells is None] or column)
        edge = _right_edge(text)
        full = [row for row in text if len(row.words) > 1 and row.x1 >= edge - 1.0]
        justified = len(full) >= max(3, len(text) * 0.3)
        for index, row in enumerate(column):
            style = "body" if row.cells is not None else _style(row, body_size)
            if previous is None or not paragraphs:
                paragraphs.append(_Paragraph(style))
            else:
                size = max(w.size for w in row.words)
                first = row.words[0]
                if row.cells is not None or previous.cells is not None:
                    wrapped = False  # a table's rows are lines of their own
                elif style == "heading" and previous_style == "heading":
                    wrapped = True  # a headline set over two lines
                elif any("...." in word.text or re.fullmatch(r"\.{2,}", word.text) for word in previous.words):
                    wrapped = False  # "Haninge ........ 7/4", "Haninge kommun ... Name": a leader ends a list's line
                elif previous_justified and previous_style == "body" and len(previous.words) > 1:
                    wrapped = previous.x1 >= previous_edge - 1.0  # a justified line ends at the edge
                else:  # ragged: the line ended because the next word did not fit, unless it ended a line
                    # of its own: one that ends a phrase ("Tyresö firar ... 12 december") over one that
                    # starts anew ("Haninge: ...")
                    wrapped = previous.x1 + size * 0.33 + first.x1 - first.x0 > previous_edge and (
                        not first.text[:1].isupper() or lexicon().ends_open(previous.text)
                    )
                gap = row.top - previous.bottom if index else 0.0  # a new column continues what it can
                same_table = row.cells is not None and previous.cells is not None and 0 < gap < size * 1.5
                if style != paragraphs[-1].style or (gap > size * 0.6 and not same_table):
                    paragraphs.append(_Paragraph(style))
                elif not wrapped:
                    if index == 0 or style != "body":
                        paragraphs.append(_Paragraph(style))
                    else:
                        paragraphs[-1].breaks.append(True)
                else:
                    paragraphs[-1].breaks.append(False)
            paragraphs[-1].lines.append(_marked(row, style))
            previous, previous_edge, previous_justified, previous_style = row, edge, justified, style
    return paragraphs


def _margin_lines(column: list[_Row]) -> list[_Row]:
    """The lines set from the column's left margin: not a centred masthead or an indented table."""
    margin = Counter(round(row.x0) for row in column).most_common(1)[0][0]
    return [row for row in column if abs(row.x0 - margin) <= 2.0] or column


def _right_edge(lines: list[_Row]) -> float:
    """Where the column's full lines end: the most frequent line end (justified lines share it) that at
    most one line passes; else the longest line's end (a ragged column, where two short lines may end
    alike)."""
    ends = Counter(round(row.x1) for row in lines)
    common = [end for end, count in ends.items() if count >= 2 and sum(row.x1 > end + 2.0 for row in lines) <= 1]
    return float(max(common)) if common else max(row.x1 for row in lines)


def _vocabulary(paragraphs: list[_Paragraph]) -> Counter[str]:
    words: Counter[str] = Counter()
    for paragraph in paragraphs:
        for line in paragraph.lines:
            words.update(_bare(word).lower() for word in line)
    return words


def _bare(word: str) -> str:
    return word.strip("*.,;:!?()[]\"'”“«»")


def _render(paragraph: _Paragraph, vocabulary: Counter[str]) -> str:
    text = " ".join(paragraph.lines[0])
    for line, forced in zip(paragraph.lines[1:], paragraph.breaks, strict=True):
        text = _join(text, " ".join(line), vocabulary, "\n" if forced else " ")
    if paragraph.style == "heading":
        return "# " + " ".join(text.split("\n"))
    return text


def _join(text: str, line: str, vocabulary: Counter[str], separator: str) -> str:
    """Two visual lines of one paragraph as one: a word hyphenated at the line end is rejoined, a real
    hyphen kept ("ESF-" "projekt", "Haninge-" "och"), and an address broken over the lines made whole."""
    if separator == " " and text.endswith("**") and line.startswith("**"):
        text, line = text[:-2], line[2:]  # one bold run over two lines
    tail = text.rsplit(None, 1)[-1] if text.strip() else ""
    head = line.split(None, 1)[0] if line.strip() else ""
    if tail and head and _broken_address(tail, head) and (separator == " " or not _TLD.search(tail.rstrip(".,;:)!?"))):
        return text + line  # an address ends only after its domain, wherever the line breaks
    bare_tail = tail.lstrip("*(\"'")
    hyphenated = bare_tail.endswith("-") and len(bare_tail) > 1 and bare_tail[-2].isalpha()
    if hyphenated and head and (separator == " " or head[:1].islower()):
        # a word broken at the line end, even where the line is short (a list item in a narrow column)
        kind = _hyphen(bare_tail[:-1], head, vocabulary)
        return text[:-1] + line if kind == "split" else text + ("" if kind == "compound" else " ") + line
    if separator == " " and tail and head:
        if bare_tail.endswith("-") and bare_tail[-2:-1].isdigit() and head[:1].isalnum():
            if _bare(head).lower() not in _CONJUNCTIONS:  # "08-" "465 004 10", "2018-" "års"
                return text + line
    return text + separator + line


def _broken_address(tail: str, head: str) -> bool:
    if re.match(r"^[a-z0-9._-]*\.[a-z0-9._-]*$", tail) and re.match(r"^[\w.-]+@[\w-]+\.", head):
        return True  # "cecilia." + "vitblom@haninge.se"
    if re.match(r"^[a-z0-9_-]+$", tail) and re.match(r"^[.@][\w.-]*@?[\w.-]+\.\w", head):
        return True  # "rosario" + ".ali@haninge.se"
    bare = tail.rstrip(".,;:)!?")
    if not _ADDRESS_START.search(tail) or head[:1] in ("(", "–", "-"):
        return False
    if tail.endswith((".", "/", "@", "-", "_")) and not tail.endswith(("..",)):
        return bool(re.match(r"^[\w./@-]", head)) and (tail.endswith(("/", "@", "-", "_")) or not _TLD.search(bare))
    return not _TLD.search(bare) and bool(re.match(r"^[\w./@-]+", head)) and bool(re.search(r"[./@]", head))


def _hyphen(before: str, after: str, vocabulary: Counter[str]) -> str:
    """What the hyphen ending a line is: "split" (the layout broke one word: "arbets-" "träning"),
    "compound" (a word with a hyphen of its own: "ESF-" "projekt") or "open" ("Haninge-" "och").
    The document's other words decide when they can: the joined or the hyphenated form used elsewhere."""
    word_before = before.split("-")[-1]
    bare_after = _bare(after)
    if bare_after.lower() in _CONJUNCTIONS:
        return "open"
    if not bare_after[:1].islower() or word_before.isupper() or any(ch.isdigit() for ch in word_before):
        return "compound"  # ESF-projekt, MIA-projektet, 2018-års, Claes-Göran
    joined = vocabulary[(word_before + bare_after).lower()]
    hyphened = vocabulary[f"{word_before}-{bare_after}".lower()]
    if joined or hyphened:
        return "compound" if hyphened >= joined else "split"
    # With no other evidence: a split word, unless the first part is a capitalised word the issue uses on
    # its own ("Supported Employment-" "tjänst"). "Torsby-" "modellen" said once comes out "Torsbymodellen".
    standalone = word_before[:1].isupper() and len(word_before) >= 3 and vocabulary[word_before.lower()] >= 1
    return "compound" if standalone else "split"
