"""Fuzz the newsletter reader: mutate the test newsletters and build each mutant, looking for crashes and hangs.

    .venv/bin/python benchmarks/fuzz_reader.py [--mutants N] [--seed S] [--timeout SECONDS] [--out DIR]
                                               [--reduce] [--save] [--one FILE]

The seeds are the newsletters in tests/newsletter_zoo/*/ and tests/newsletter_layouts/ (.txt, .md, .html).
Each mutant is a seed with one to four mutations: lines cut, shuffled, duplicated, dropped or joined;
paragraphs shuffled, duplicated or dropped; the file cut at a random line; stray characters ("@", "|", ":",
"–", "»", "*", "#", tabs, NUL, emoji, right-to-left marks) inserted; a line of 50,000 characters; dates
swapped for impossible ones ("31/2", "45 mars 2019"); the issue line removed; HTML tags cut off and character
references for lone surrogates, NUL and code points past Unicode.

Each mutant is built as `build-kb` builds it (the reader, then the base rendered to YAML and read back as
`save_kb` checks it) in a worker process with a time limit. The build must end in a base or in a
`Failure` (BadInput) whose message is one line; anything else is reported: another exception (a crash), a
message of several lines, or a build that ran past the time limit (a hang, or far more than linear time).
With --reduce each crash is cut down (lines, then characters of long lines) to a small newsletter that still
crashes the same way, and printed; --save writes the mutants that failed into --out. The messages of the
BadInput stops are counted and listed, so that one can check they are clear.

--one FILE builds one file in the same way, with the time it took (to try a reduced case by hand).

It runs apart from the tests (it takes minutes and is random); a crash it finds becomes a regression test.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED_GLOBS = ["tests/newsletter_zoo/*/nyhetsbrev-*", "tests/newsletter_layouts/*"]
SUFFIXES = (".txt", ".md", ".html", ".htm")

STRAYS = [
    "@", "|", ":", "–", "—", "»", "«", "►", "•", "*", "**", "#", "# ", "\t", "\x00", "😀", "👩‍💼", "\u200f",
    "\u202e", "\u200b", "\ufeff", "\u00ad", "(", ")", "[", "](#)", "/", "-", "–", "·", ",", ".", "..", "@@",
    "x@", "@y", "a@b", "@.se", "kl.", "kl ", " den ", "0", "08-", "+46", "nr ", "\r", "\x0c", "\u2028",
]  # fmt: skip
IMPOSSIBLE_DATES = [
    "31/2", "30/2", "0/5", "32/1", "12/13", "99/99", "45 mars 2019", "31 april 2019", "0 maj", "29/2",
    "29 februari 2019", "1/0", "31 juni", "2019-02-30", "kl. 25:00", "kl. 10:75", "10.99", "24.00-26.00",
    "nr 0 2019", "nr 99 9999", "januari 0", "1 januari 10000", "1/1 1899", "31/12 2999",
]  # fmt: skip
HTML_NOISE = [
    "&#xD800;", "&#xDFFF;", "&#0;", "&#x110000;", "&#99999999999;", "&#x0;", "&amp", "&#", "&#x;", "&nbsp;",
    "<", "</", "<p", "<br>", "</p>", "<td>", "</tr>", "<table>", "<h1>", "<b>", "</b>", "<script>", "<!--",
    "<![CDATA[", "<meta charset=x>", "<li>", "<ul>", "</table>", "<strong>",
]  # fmt: skip
LONG_LINE_UNITS = [
    "a", "ab ", "@", "|", "1/2 ", "Haninge ", "kl. 9 ", "—", "x" * 7 + "@", "www.", "# ", "**", "08-123 45 ",
    "Anna Berg ", "9", ".", " ", "\t", "é", "😀", "nr 3 2019 ", "den 12 mars ",
]  # fmt: skip
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}\b|\b\d{1,2} (?:januari|februari|mars|april|maj|juni|juli|augusti|"
                   r"september|oktober|november|december)(?: \d{4})?\b", re.I)  # fmt: skip
_ISSUE = re.compile(r"^.*\b(?:nr|nummer)\b.*\d{4}.*$", re.I | re.M)
_TAG = re.compile(r"<[^<>]+>")


# --- mutations --------------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _paragraphs(text: str) -> list[str]:
    return re.split(r"\n\s*\n", text)


def cut_at_line(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    return "\n".join(lines[: rng.randrange(len(lines) + 1)])


def cut_anywhere(text: str, rng: random.Random) -> str:
    return text[: rng.randrange(len(text) + 1)]


def shuffle_lines(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    start = rng.randrange(len(lines))
    end = min(len(lines), start + rng.randint(2, 30))
    part = lines[start:end]
    rng.shuffle(part)
    return "\n".join(lines[:start] + part + lines[end:])


def duplicate_lines(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    start = rng.randrange(len(lines))
    part = lines[start : start + rng.randint(1, 10)]
    at = rng.randrange(len(lines) + 1)
    return "\n".join(lines[:at] + part * rng.randint(1, 5) + lines[at:])


def drop_lines(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    return "\n".join(line for line in lines if rng.random() > 0.15)


def join_lines(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    out: list[str] = []
    for line in lines:
        if out and rng.random() < 0.2:
            out[-1] += rng.choice([" ", "", " | ", " – "]) + line
        else:
            out.append(line)
    return "\n".join(out)


def shuffle_paragraphs(text: str, rng: random.Random) -> str:
    paragraphs = _paragraphs(text)
    rng.shuffle(paragraphs)
    return "\n\n".join(paragraphs)


def duplicate_paragraphs(text: str, rng: random.Random) -> str:
    paragraphs = _paragraphs(text)
    chosen = rng.choice(paragraphs)
    at = rng.randrange(len(paragraphs) + 1)
    return "\n\n".join(paragraphs[:at] + [chosen] * rng.randint(1, 20) + paragraphs[at:])


def drop_paragraphs(text: str, rng: random.Random) -> str:
    return "\n\n".join(p for p in _paragraphs(text) if rng.random() > 0.25)


def _insert(text: str, rng: random.Random, pool: list[str] | tuple[str, ...], most: int) -> str:
    """Up to `most` pieces of `pool` inserted at random places."""
    chars = list(text)
    for _ in range(rng.randint(1, most)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(pool))
    return "".join(chars)


def insert_strays(text: str, rng: random.Random) -> str:
    return _insert(text, rng, STRAYS, 40)


def strays_at_line_starts(text: str, rng: random.Random) -> str:
    return "\n".join(
        (rng.choice(STRAYS) + line if rng.random() < 0.2 else line) + (rng.choice(STRAYS) if rng.random() < 0.1 else "")
        for line in _lines(text)
    )


def replace_with_stray(text: str, rng: random.Random) -> str:
    """A word or a punctuation mark replaced by a stray character."""
    words = re.split(r"(\s+)", text)
    for _ in range(rng.randint(1, 30)):
        index = rng.randrange(len(words))
        words[index] = rng.choice(STRAYS)
    return "".join(words)


def long_line(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    unit = rng.choice(LONG_LINE_UNITS)
    body = (unit * (50_000 // len(unit) + 1))[:50_000]
    at = rng.randrange(len(lines) + 1)
    return "\n".join(lines[:at] + [body] + lines[at:])


def many_lines(text: str, rng: random.Random) -> str:
    """A line repeated thousands of times (a long list, a layout program's empty rows)."""
    lines = _lines(text)
    line = rng.choice(lines + ["", "•", "|", "# x", "Haninge", "**", "1/2"])
    at = rng.randrange(len(lines) + 1)
    return "\n".join(lines[:at] + [line] * rng.randint(500, 4000) + lines[at:])


def impossible_dates(text: str, rng: random.Random) -> str:
    return _DATE.sub(lambda m: rng.choice(IMPOSSIBLE_DATES) if rng.random() < 0.3 else m.group(), text)


def remove_issue_line(text: str, rng: random.Random) -> str:
    return _ISSUE.sub("", text, count=rng.randint(1, 3))


def damage_issue_line(text: str, rng: random.Random) -> str:
    return _ISSUE.sub(lambda m: rng.choice(["nr", "Nr  ", "nr 3", "2019", "nr 3 " + rng.choice(IMPOSSIBLE_DATES),
                                            m.group()[: len(m.group()) // 2], "nr -1 2019", "nr 3 0000"]),
                      text, count=1)  # fmt: skip


def swap_digits(text: str, rng: random.Random) -> str:
    return re.sub(r"\d", lambda m: str(rng.randrange(10)) if rng.random() < 0.2 else m.group(), text)


def truncate_tags(text: str, rng: random.Random) -> str:
    return _TAG.sub(lambda m: m.group()[: rng.randrange(1, len(m.group()))] if rng.random() < 0.1 else m.group(), text)


def html_noise(text: str, rng: random.Random) -> str:
    return _insert(text, rng, HTML_NOISE, 20)


def drop_tags(text: str, rng: random.Random) -> str:
    return _TAG.sub(lambda m: "" if rng.random() < 0.2 else m.group(), text)


def nest_tags(text: str, rng: random.Random) -> str:
    tag = rng.choice(["div", "b", "td", "table", "li", "p", "span", "strong", "tr", "h2"])
    depth = rng.randint(100, 3000)
    at = rng.randrange(len(text) + 1)
    return text[:at] + f"<{tag}>" * depth + "x" + (f"</{tag}>" * depth if rng.random() < 0.5 else "") + text[at:]


TEXT_MUTATIONS = [
    cut_at_line, cut_anywhere, shuffle_lines, duplicate_lines, drop_lines, join_lines, shuffle_paragraphs,
    duplicate_paragraphs, drop_paragraphs, insert_strays, strays_at_line_starts, replace_with_stray, long_line,
    many_lines, impossible_dates, remove_issue_line, damage_issue_line, swap_digits,
]  # fmt: skip
HTML_MUTATIONS = TEXT_MUTATIONS + [truncate_tags, html_noise, drop_tags, nest_tags] * 2


def mutate(text: str, suffix: str, rng: random.Random) -> tuple[str, list[str]]:
    choices = HTML_MUTATIONS if suffix in (".html", ".htm") else TEXT_MUTATIONS
    applied = []
    for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
        mutation = rng.choice(choices)
        text = mutation(text, rng) if text else text
        applied.append(mutation.__name__)
    return text, applied


# --- building ---------------------------------------------------------------------------------------


def build_one(path: Path, vocabulary: object) -> tuple[str, str]:
    """("ok", summary), ("stop", the BadInput/Failure message) or ("crash", signature + traceback)."""
    from bot.failures import Failure
    from bot.ingest.build import build
    from bot.knowledge.store import kb_from_texts, render_kb

    try:
        result = build([path], vocabulary, None)  # type: ignore[arg-type]
    except Failure as error:
        return "stop", str(error)
    except RecursionError as error:
        return "crash", _signature(error) + "\n" + "".join(traceback.format_exception(error)[-6:])
    except Exception as error:
        return "crash", _signature(error) + "\n" + "".join(traceback.format_exception(error))
    try:  # the base the reader made must load: save_kb refuses to write one that does not
        kb_from_texts(render_kb(result.kb), "fuzz")
        return "ok", f"{len(result.kb.meetings)} meetings, {len(result.kb.contacts)} contacts"
    except Failure as error:
        kind = re.sub(r"'[^']*'|\d+", "_", str(error).split(": ", 2)[-1])
        return "crash", f"base does not load: {kind[:60]}\n{error}"
    except RecursionError as error:
        return "crash", _signature(error) + "\n" + "".join(traceback.format_exception(error)[-6:])
    except Exception as error:
        return "crash", _signature(error) + "\n" + "".join(traceback.format_exception(error))


def _signature(error: BaseException) -> str:
    """The exception's type and the innermost frame in the bot's own code: one crash kind."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "/bot/" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno} {frames[-1].name}" if frames else "?"
    return f"{type(error).__name__} at {where}"


def _worker(connection: mp.connection.Connection) -> None:
    from bot.knowledge.vocabulary import load_vocabulary

    vocabulary = load_vocabulary()
    while True:
        path = connection.recv()
        if path is None:
            return
        started = time.perf_counter()
        outcome, detail = build_one(Path(path), vocabulary)
        connection.send((outcome, detail, time.perf_counter() - started))


class Builder:
    """A worker process that builds one file at a time; killed and restarted when it runs past the limit."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.process: mp.Process | None = None
        self._start()

    def _start(self) -> None:
        self.connection, child = mp.Pipe()
        self.process = mp.Process(target=_worker, args=(child,), daemon=True)
        self.process.start()

    def build(self, path: Path) -> tuple[str, str, float]:
        self.connection.send(str(path))
        if self.connection.poll(self.timeout):
            try:
                return self.connection.recv()  # type: ignore[no-any-return]
            except EOFError:
                self._restart()
                return "crash", "worker died (EOF)", 0.0
        self._restart()
        return "hang", f"ran past {self.timeout:.0f} s", self.timeout

    def _restart(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.join()
        self._start()

    def close(self) -> None:
        self.connection.send(None)
        assert self.process is not None
        self.process.join(5)


# --- reducing ---------------------------------------------------------------------------------------


def reduce(text: str, suffix: str, builder: Builder, kind: str, folder: Path) -> str:
    """A smaller text that still fails as `kind` (the crash's signature, or "hang"): ddmin over lines, then
    long lines shortened."""
    path = folder / f"reduce{suffix}"
    tries = 0

    def fails(candidate: str) -> bool:
        nonlocal tries
        tries += 1
        path.write_text(candidate, encoding="utf-8", errors="surrogatepass")
        outcome, detail, _ = builder.build(path)
        return outcome == "hang" if kind == "hang" else outcome == "crash" and detail.split("\n", 1)[0] == kind

    lines = text.split("\n")
    chunk = len(lines) // 2
    while chunk >= 1 and tries < 3000:
        index, removed = 0, False
        while index < len(lines) and tries < 3000:
            candidate = lines[:index] + lines[index + chunk :]
            if candidate and fails("\n".join(candidate)):
                lines, removed = candidate, True
            else:
                index += chunk
        if not removed:
            chunk //= 2
    for number, line in enumerate(lines):  # shorten long lines: halves, then words
        while len(line) > 80 and tries < 3000:
            for candidate_line in (line[: len(line) // 2], line[len(line) // 2 :]):
                if fails("\n".join(lines[:number] + [candidate_line] + lines[number + 1 :])):
                    line = candidate_line
                    break
            else:
                break
        words = line.split(" ")
        index = 0
        while index < len(words) and len(words) > 1 and tries < 3000:
            candidate_words = words[:index] + words[index + 1 :]
            if fails("\n".join(lines[:number] + [" ".join(candidate_words)] + lines[number + 1 :])):
                words = candidate_words
            else:
                index += 1
        lines[number] = " ".join(words)
    return "\n".join(lines)


# --- main -------------------------------------------------------------------------------------------


def seeds() -> list[Path]:
    return sorted(p for pattern in SEED_GLOBS for p in ROOT.glob(pattern) if p.suffix.lower() in SUFFIXES)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mutants", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds for one build (a seed takes ~0.01 s)")
    parser.add_argument("--slow", type=float, default=1.0, help="report builds slower than this (seconds)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/fuzz_reader"))
    parser.add_argument("--reduce", action="store_true", help="cut each new crash kind down to a small newsletter")
    parser.add_argument("--save", action="store_true", help="write the failing mutants into --out")
    parser.add_argument("--one", type=Path, help="build this one file and say how it ended")
    args = parser.parse_args()
    builder = Builder(args.timeout)
    if args.one:
        outcome, detail, seconds = builder.build(args.one)
        print(f"{outcome} in {seconds:.2f} s: {detail}")
        builder.close()
        return 0 if outcome in ("ok", "stop") else 1
    rng = random.Random(args.seed)
    sources = [(p, p.read_text(encoding="utf-8")) for p in seeds()]
    args.out.mkdir(parents=True, exist_ok=True)
    kinds: dict[str, tuple[int, str, str, list[str], str]] = {}  # kind -> (count, seed, mutant, mutations, detail)
    stops: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    slow: list[tuple[float, str, list[str], int]] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for number in range(args.mutants):
            seed_path, seed_text = rng.choice(sources)
            suffix = seed_path.suffix.lower()
            text, applied = mutate(seed_text, suffix, rng)
            path = Path(folder) / f"nyhetsbrev-mutant{suffix}"
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            outcome, detail, seconds = builder.build(path)
            outcomes[outcome] += 1
            if outcome == "stop":
                message = detail.replace(str(path), "FILE")
                if "\n" in detail:
                    outcome, detail = "crash", f"message of several lines: {detail!r}"
                else:
                    stops[re.sub(r"\d+", "N", message)[:90]] += 1
            if outcome == "ok" and seconds > args.slow:
                slow.append((seconds, seed_path.name, applied, len(text)))
            if outcome in ("crash", "hang"):
                kind = detail.split("\n", 1)[0] if outcome == "crash" else "hang"
                count = kinds.get(kind, (0, "", "", [], ""))[0]
                if not count:
                    print(f"[{number}] new {outcome}: {kind} (seed {seed_path.name}, {applied})", flush=True)
                kinds[kind] = (count + 1, seed_path.name, text, applied, detail) if not count else (
                    count + 1, *kinds[kind][1:])  # fmt: skip
                if args.save:
                    (args.out / f"{outcome}-{number}{suffix}").write_text(
                        text, encoding="utf-8", errors="surrogatepass"
                    )
            if (number + 1) % 250 == 0:
                print(f"  {number + 1} mutants, {time.perf_counter() - started:.0f} s: {dict(outcomes)}", flush=True)
        print(f"\n{args.mutants} mutants in {time.perf_counter() - started:.0f} s: {dict(outcomes)}")
        print(f"\nStops (BadInput/Failure), by message ({sum(stops.values())}):")
        for message, count in stops.most_common():
            print(f"  {count:5}  {message}")
        if slow:
            print(f"\nSlower than {args.slow} s ({len(slow)}):")
            for seconds, name, applied, size in sorted(slow, reverse=True)[:15]:
                print(f"  {seconds:6.2f} s  {name} {applied} ({size:,} characters)")
        print(f"\nCrash kinds ({len(kinds)}):")
        for kind, (count, name, text, applied, detail) in kinds.items():
            print(f"\n=== {kind}: {count} mutants; first from {name} by {applied}")
            print(detail.rstrip()[-1500:])
            if args.reduce:
                suffix = Path(name).suffix.lower()
                small = reduce(text, suffix, builder, kind, Path(folder))
                (args.out / f"reduced-{re.sub(r'[^A-Za-z0-9]+', '_', kind)}{suffix}").write_text(
                    small, encoding="utf-8", errors="surrogatepass"
                )
                print(f"--- reduced to {len(small)} characters:\n{small[:3000]!r}")
    builder.close()
    return 1 if kinds else 0


if __name__ == "__main__":
    sys.exit(main())
