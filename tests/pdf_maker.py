"""A newsletter text laid out as the federation's PDF issues are: A4, masthead, issue line and headlines
across the top, bold headlines, justified body text in two columns with words hyphenated at line ends,
long web addresses broken over lines, a running header from page 2 and page numbers in the footer.

    python tests/pdf_maker.py IN.txt OUT.pdf

The lines the text reader takes as masthead, issue line and headlines go across the top, whatever their
wording and order; the lines it takes as headings are set as headlines, except a line wholly in bold,
which stays a bold line; "- " items become "• " items with a hanging indent; pipe tables are set as
tables within a column and "---" as a rule; a box drawn with "+---+" and "|" loses its lines. Every
other line of the text starts a line of its own.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.ingest.document import among_rows, clean, read_newsletter  # noqa: E402

WIDTH, HEIGHT = A4
MARGIN = 50.0
GUTTER = 20.0
COLUMN = (WIDTH - 2 * MARGIN - GUTTER) / 2
TOP = HEIGHT - 70.0  # below the running header
BOTTOM = 60.0  # above the page number
BODY, BODY_LEADING = 9.5, 12.0
HEAD, HEAD_LEADING = 14.0, 17.0
_ISSUE = re.compile(r"^\W*nr\.?\s*\d{1,2}\s*[,/]?\s*(?:19|20)\d\d", re.I)
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_ADDRESS = re.compile(r"(?:www\.|https?://|@)")
_VOWELS = set("aeiouyåäöéAEIOUYÅÄÖÉ")

pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
pdfmetrics.registerFont(TTFont("Vera-Bold", "VeraBd.ttf"))


@dataclass
class Token:
    text: str
    bold: bool


def font(bold: bool) -> str:
    return "Vera-Bold" if bold else "Vera"


def width(text: str, bold: bool, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font(bold), size))


def tokens(line: str) -> list[Token]:
    """A markdown line's words, bold where it had **…**; links keep their text (a mail link prints its address
    after it, as the text reader keeps it), arrows and # go."""
    line = re.sub(
        r"\[([^\]]*)\]\(mailto:([^)]*)\)", lambda link: " ".join(dict.fromkeys(link.groups())), line
    )  # "[name@…](mailto:name@…)" once
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"^\s*#{1,6}\s*", "", line)
    line = re.sub(r"[►▶]\s*", "", line)
    line = re.sub(r"^[-*]\s+", "• ", line.strip())
    line = re.sub(r"(?<![*\w])\*(?!\*)([^*]+?)(?<!\*)\*(?![*\w])", r"\1", line)  # *italics*: set upright
    found: list[Token] = []
    glued = False  # the part before ended inside a word
    for index, part in enumerate(re.split(r"\*\*", line)):
        words = part.split()
        if words and found and glued and not part[:1].isspace():
            found[-1].text += words.pop(0)  # "**Hydén**," is one word with its comma
        found += [Token(word, index % 2 == 1) for word in words]
        glued = bool(part) and not part[-1:].isspace() or (not part and glued)
    return found


def hyphenate(word: str, room: float, bold: bool, size: float) -> tuple[str, str] | None:
    """The longest first part of `word` that fits `room`, broken where a line may break: inside an
    address anywhere (after . / @ when it can), after a hyphen of its own, or between syllables of a
    long word (before a consonant that a vowel follows) with a hyphen added."""
    if _ADDRESS.search(word):
        fits = [i for i in range(4, len(word) - 2) if width(word[:i], bold, size) <= room]
        if not fits:
            return None
        nice = [i for i in fits if word[i - 1] in "./@"]
        cut = max(nice) if nice and max(nice) >= max(fits) - 8 else max(fits)
        return word[:cut], word[cut:]
    own = [i + 1 for i, ch in enumerate(word[:-2]) if ch == "-" and width(word[: i + 1], bold, size) <= room]
    if own:
        return word[: own[-1]], word[own[-1] :]
    letters = re.fullmatch(r"[\wåäöÅÄÖé]+", word.rstrip(".,;:!?)")) and not any(c.isdigit() for c in word)
    if not letters or len(word) < 7 or word.isupper():
        return None
    cuts = [
        i
        for i in range(3, len(word) - 3)
        if word[i] not in _VOWELS
        and word[i + 1] in _VOWELS
        and word[i - 1].isalpha()
        and width(word[:i] + "-", bold, size) <= room
    ]
    return (word[: cuts[-1]] + "-", word[cuts[-1] :]) if cuts else None


class Layout:
    def __init__(self, out: Path, running_header: str, order: str) -> None:
        self.order = order
        self.pending: list[tuple[float, float, str, float, str]] = []  # this page's words: y, x, font, size, text
        self.canvas = Canvas(str(out), pagesize=A4)
        self.canvas.setTitle(running_header)
        self.running_header = running_header
        self.page = 1
        self.column = 0
        self.y = self.column_top = TOP

    # --- page furniture ---

    def finish_page(self) -> None:
        words = sorted(self.pending, key=lambda w: (-w[0], w[1])) if self.order == "rows" else self.pending
        for y, x, name, size, text in words:
            self.canvas.setFont(name, size)
            self.canvas.drawString(x, y, text)
        self.pending = []
        self.canvas.setFont("Vera", 8)
        self.canvas.drawCentredString(WIDTH / 2, 30, f"Sida {self.page}")
        if self.page > 1:
            self.canvas.drawString(MARGIN, HEIGHT - 40, self.running_header)
            self.canvas.line(MARGIN, HEIGHT - 45, WIDTH - MARGIN, HEIGHT - 45)
        self.canvas.showPage()
        self.page += 1

    def masthead(self, top: list[tuple[str, str]]) -> None:
        """The lines above the columns, centred across the page: the masthead (the name in large letters
        above the issue line, a subtitle below it), the issue line in bold and the headlines."""
        y = HEIGHT - 40
        issue_seen = False
        room = WIDTH - 2 * MARGIN
        for reason, line in top:
            words = tokens(line)
            if reason == "masthead" and not issue_seen:
                size, bold = 30.0, True
                text = " ".join(t.text for t in words)
                size = min(size, size * room / max(width(text, bold, size), 1.0))
                y -= size
                self.canvas.setFont(font(bold), size)
                self.canvas.drawCentredString(WIDTH / 2, y, text)
                continue
            issue_seen = issue_seen or reason == "issue line"
            if reason == "issue line":
                words = [Token(t.text, True) for t in words]
            y -= 8  # each line of the masthead a paragraph of its own
            size = BODY + 1 if reason != "headlines" else BODY
            for row in self.lines(words, room, size, hyphens=False):
                y -= size + 3
                natural = sum(width(t.text, t.bold, size) for t in row) + width(" ", False, size) * (len(row) - 1)
                self.draw(row, (WIDTH - natural) / 2, y, size, room, justify=False)
        self.canvas.line(MARGIN, y - 6, WIDTH - MARGIN, y - 6)
        self.y = self.column_top = y - 12

    # --- text ---

    def lines(self, words: list[Token], room: float, size: float, hyphens: bool = True) -> list[list[Token]]:
        lines: list[list[Token]] = [[]]
        used = 0.0
        queue = list(words)
        while queue:
            token = queue.pop(0)
            space = width(" ", False, size) if lines[-1] else 0.0
            need = width(token.text, token.bold, size)
            if used + space + need <= room:
                lines[-1].append(token)
                used += space + need
                continue
            split = hyphenate(token.text, room - used - space, token.bold, size) if hyphens else None
            if split:
                lines[-1].append(Token(split[0], token.bold))
                queue.insert(0, Token(split[1], token.bold))
            elif not lines[-1]:  # longer than a whole line: force it
                lines[-1].append(token)
                continue
            else:
                queue.insert(0, token)
            lines.append([])
            used = 0.0
        return [line for line in lines if line]

    def draw(self, line: list[Token], x: float, y: float, size: float, room: float, justify: bool) -> None:
        natural = sum(width(t.text, t.bold, size) for t in line)
        gap = width(" ", False, size)
        if justify and len(line) > 1:
            gap = (room - natural) / (len(line) - 1)
        for token in line:
            self.pending.append((y, x, font(token.bold), size, token.text))
            x += width(token.text, token.bold, size) + gap

    def next_column(self) -> None:
        if self.column == 0:
            self.column = 1
        else:
            self.finish_page()
            self.column = 0
            self.column_top = TOP
        self.y = self.column_top

    def rule(self) -> None:
        """A thin line across the column ("---" in the text)."""
        if self.y - 12 < BOTTOM:
            self.next_column()
        x = MARGIN + self.column * (COLUMN + GUTTER)
        self.canvas.line(x, self.y - 5, x + COLUMN, self.y - 5)
        self.y -= 12

    def table(self, rows: list[list[str]], header: bool, space_after: float) -> None:
        """A table across the column: each column of cells as wide as its longest cell when they fit,
        else as its longest word and the rest of the room shared out by need; when even the longest
        words do not fit, the table is set in type small enough that they do. A cell's text wraps within
        it, a row is as tall as its tallest cell, the header row is bold, rules part the rows. Nothing
        overlaps: a table that does not fit the rest of the column goes whole to the next one, or, when
        it is longer than a column, breaks between rows with two rows or more on each side."""
        cells = [[tokens(cell) for cell in row] for row in rows]
        if header:
            cells[0] = [[Token(t.text, True) for t in cell] for cell in cells[0]]
        count = max(len(row) for row in cells)
        pad = 10.0
        budget = COLUMN - pad * (count - 1)

        def longest(size: float) -> list[float]:  # no cell narrower than its longest word
            return [
                max((width(t.text, t.bold, size) + 3 for row in cells if k < len(row) for t in row[k]), default=0)
                for k in range(count)
            ]

        size = BODY
        while sum(longest(size)) > budget and size > 4.0:
            size -= 0.25
        leading = BODY_LEADING * size / BODY
        natural = [
            max((sum(width(t.text, t.bold, size) + 3 for t in row[k]) for row in cells if k < len(row)), default=0)
            for k in range(count)
        ]
        least = longest(size)
        need = [natural[k] - least[k] for k in range(count)]
        extra = max(budget - sum(least), 0.0)
        if sum(need) <= extra:
            widths = natural
        else:
            widths = [least[k] + extra * need[k] / sum(need) for k in range(count)]
        wrapped = [[self.lines(cell, widths[k], size, hyphens=False) for k, cell in enumerate(row)] for row in cells]
        heights = [max(len(lines) for lines in row) * leading + 4 for row in wrapped]
        room = (self.column_top if self.column == 0 else TOP) - BOTTOM  # the next column's height
        if self.y - sum(heights) < BOTTOM and sum(heights) <= room:
            self.next_column()
        breaks = list(range(2, len(wrapped) - 1))  # where the table may go on in the next column
        for index, row_lines in enumerate(wrapped):
            if index == 0 or index in breaks:  # the rows up to the next break must fit, or go on
                until = min([i for i in breaks if i > index] + [len(wrapped)])
                if self.y - sum(heights[index:until]) < BOTTOM and self.y < self.column_top:
                    self.next_column()
            left = MARGIN + self.column * (COLUMN + GUTTER)
            x = left
            for k, lines in enumerate(row_lines):
                for number, line in enumerate(lines):
                    self.draw(line, x, self.y - leading * (number + 1), size, widths[k], justify=False)
                x += widths[k] + pad
            self.y -= heights[index]
            self.canvas.line(left, self.y + 1, left + COLUMN, self.y + 1)
        self.y -= space_after

    def paragraph(self, words: list[Token], heading: bool, space_after: float) -> None:
        size, leading = (HEAD, HEAD_LEADING) if heading else (BODY, BODY_LEADING)
        bullet = not heading and bool(words) and words[0].text == "•"
        indent = width("• ", False, size) if bullet else 0.0  # a list item's lines start after its bullet
        lines = self.lines(words, COLUMN, size, hyphens=not heading)
        if indent and len(lines) > 1:
            lines = lines[:1] + self.lines([t for line in lines[1:] for t in line], COLUMN - indent, size)
        if heading:
            if self.y - leading * len(lines) - 3 * BODY_LEADING < BOTTOM:
                self.next_column()  # a headline never stands alone at the foot of a column
            elif self.y < self.column_top:
                self.y -= 6
        for index, line in enumerate(lines):
            if self.y - leading < BOTTOM:
                self.next_column()
            self.y -= leading
            x = MARGIN + self.column * (COLUMN + GUTTER) + (indent if index else 0.0)
            last = index == len(lines) - 1
            self.draw(line, x, self.y, size, COLUMN - (indent if index else 0.0), justify=not heading and not last)
        self.y -= space_after

    def save(self) -> None:
        self.finish_page()
        self.canvas.save()


def make_pdf(source: Path, out: Path, order: str = "rows") -> Path:
    """Lay out the newsletter text file `source` as the PDF `out`. The words are written into the file
    row by row across both columns (`order="rows"`, as some producers do: reading the file's order
    mixes the columns) or column by column (`order="columns"`)."""
    newsletter = read_newsletter(source)
    headings = {section.heading for section in newsletter.sections if section.heading}
    raw = source.read_text(encoding="utf-8").splitlines()
    top = [line for line in newsletter.skipped if line.reason in ("masthead", "issue line", "headlines")]
    body_start = max(line.line for line in top)  # the first line after the header (0-based)
    issue = next(line.text for line in top if line.reason == "issue line")
    before = [line.text for line in top if line.reason == "masthead" and line.text != issue][:1]
    header = f"{' '.join(before).title()} {issue} – Samordningsförbundet Östra Södertörn".strip()
    layout = Layout(out, header, order)
    layout.masthead([(line.reason, raw[line.line - 1]) for line in top])
    body = list(range(body_start, len(raw)))
    table: list[list[str]] = []
    for i in body:  # a row with tabs, or columns aligned with spaces, is a table's row too, as the reader sees it
        boxed = re.fullmatch(r"\s*[|│]\s(.*?)\s*[|│]\s*", raw[i])  # a line of a drawn box: its inside
        if boxed and "|" not in boxed.group(1):
            raw[i] = boxed.group(1)
        if re.fullmatch(r"\s*\+[-=]{3,}\+\s*", raw[i]):
            raw[i] = ""  # the box's top and bottom
        aligned = "|" not in raw[i] and re.search(r"\S\s{3,}\S(?:.*\S)?\s{3,}\S", raw[i].strip())
        cells = [cell.strip() for cell in re.split(r"\t+|\s{3,}", raw[i].strip()) if cell.strip()]
        if "|" not in raw[i] and among_rows(raw, i) and clean(raw[i], True) != clean(raw[i]):
            aligned, cells = True, clean(raw[i], True).split(" | ")  # a gap of two spaces in a table's row
        if ("\t" in raw[i].strip() or aligned) and len(cells) >= 2:
            raw[i] = "| " + " | ".join(cells) + " |"
    for position, i in enumerate(body):
        ends_paragraph = position + 1 == len(body) or not raw[body[position + 1]].strip()
        if _TABLE_ROW.match(raw[i]):
            if not re.fullmatch(r"[\s|:-]+", raw[i]):  # "|---|---|" only marks the header above it
                table.append([cell.strip() for cell in raw[i].strip().strip("|").split("|")])
            next_row = position + 1 < len(body) and _TABLE_ROW.match(raw[body[position + 1]])
            if not next_row and table:
                first = position - len(table) + 1  # the table's first row (a "|---|" line counts as none)
                header = any(re.fullmatch(r"[\s|:-]+", raw[j]) and "|" in raw[j] for j in body[first : position + 1])
                layout.table(table, header, 5.0 if ends_paragraph else 0.0)
                table = []
            continue
        if re.fullmatch(r"\s*(?:-{3,}|\*{3,}|_{3,})\s*", raw[i]):
            layout.rule()
            continue
        if not raw[i].strip():
            continue
        text = clean(raw[i])
        bold_line = re.fullmatch(r"\*\*[^*]+\*\*", raw[i].strip()) is not None
        heading = text.rstrip(":!") in headings and len(text) <= 120 and not bold_line  # bold stays body size
        layout.paragraph(tokens(raw[i]), heading, 5.0 if ends_paragraph or heading else 0.0)
    layout.save()
    return out


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python tests/pdf_maker.py IN.txt OUT.pdf")
    print(make_pdf(Path(sys.argv[1]), Path(sys.argv[2])))
