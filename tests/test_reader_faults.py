"""Newsletters that once crashed the build or made it write a base the bot could not load, found by
benchmarks/fuzz_reader.py and cut down to a few lines: each now builds into a base that loads (as `build-kb`
writes it) with what could be read."""

from __future__ import annotations

from pathlib import Path

from bot.ingest.build import build
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.store import load_kb, save_kb
from bot.knowledge.vocabulary import load_vocabulary


def built(tmp_path: Path, text: str, name: str = "nyhetsbrev.txt") -> KnowledgeBase:
    """The base `build-kb` writes from this newsletter, read back as the bot reads it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    save_kb(build([path], load_vocabulary(), None).kb, tmp_path / "base")
    return load_kb(tmp_path / "base")


def test_a_title_under_a_cards_name_keeps_the_issue_it_came_from(tmp_path):
    kb = built(tmp_path, "3/2040 maj\nEbba Lundin\nKommunikatör,\n08-465 004 17\n")
    (ebba,) = kb.contacts
    assert [(role.title, role.source.issue) for role in ebba.roles] == [("kommunikatör", "2040-3")]


def test_a_time_with_more_than_59_minutes_is_not_read_as_the_meetings_time(tmp_path):
    kb = built(tmp_path, "3 | Maj 2025\n12 juni 8.30–11.90 Frukost\n")
    assert [(meeting.date.isoformat(), meeting.end) for meeting in kb.meetings] == [("2025-06-12", None)]
    kb = built(tmp_path, "nr 4 2024 okt.\n\nFrukostmöte\n\nNär: 14 december\nTid: 08.75\nVar: Tyresö\n")
    assert [(meeting.date.isoformat(), meeting.start) for meeting in kb.meetings] == [("2024-12-14", None)]


def test_a_count_of_thousands_of_digits_is_no_number_of_open_places(tmp_path):
    kb = built(tmp_path, "3 2025 maj\nLediga platser\nJobbverket " + "9" * 5000 + ", Trappan 2\n")
    assert {place.provider: place.count for report in kb.places for place in report.places} == {"Trappan": 2}


# Inputs that made the build take minutes (time growing with the square of a paragraph's length). Each test
# counts the work the reader does, not seconds: it fails as soon as the work grows past linear.


class Budget:
    """Counts what a wrapped function is given and fails once it is more than `limit` characters or calls."""

    def __init__(self, function, limit: int, measure=len) -> None:  # type: ignore[no-untyped-def]
        self.function, self.limit, self.measure, self.spent = function, limit, measure, 0

    def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.spent += self.measure(args[0])
        assert self.spent <= self.limit, f"more than {self.limit} spent: the work grows faster than the text"
        return self.function(*args, **kwargs)


def test_the_words_before_each_date_of_a_long_line_are_read_near_the_date(monkeypatch):
    import bot.ingest.lexicon as module
    from bot.ingest.dates import find_dates

    text = "Frukostmöten " + "1/2 " * 12_500  # 50,000 characters, 12,500 dates, no stop
    budget = Budget(module.fold, limit=100 * len(text))
    monkeypatch.setattr(module, "fold", budget)
    words = module.lexicon()
    read = [words.is_deadline(text[: m.start]) or words.is_other_event(text[: m.start], text[m.end :])
            for m in find_dates(text)]  # fmt: skip
    assert len(read) == 12_500 and not any(read)


def test_a_line_repeated_thousands_of_times_is_compared_with_the_others_once(tmp_path, monkeypatch):
    import bot.ingest.document as module

    budget = Budget(module.process.extract, limit=100, measure=lambda _: 1)
    monkeypatch.setattr(module.process, "extract", budget)
    card = "jonatan.wikstrom@haninge.se · 070-174 06 44\n"
    path = tmp_path / "nyhetsbrev.txt"
    path.write_text("nr 4 2024 okt.\n\n# Kontakt\n\nJonatan Wikström\n" + card * 20_000, encoding="utf-8")
    newsletter = module.read_newsletter(path)
    assert [line.text for section in newsletter.sections for line in section.lines].count(card.strip()) == 20_000


def test_the_first_sentences_of_a_long_paragraph_are_split_off_without_splitting_the_rest():
    from bot.ingest.document import sentences

    paragraph = "Vi börjar i Tyresö den 5 april. Kom i tid! " + "Vi ses i Strandsalen. " * 5_000
    assert sentences(paragraph, limit=2) == ["Vi börjar i Tyresö den 5 april.", "Kom i tid!"]
    assert sentences(paragraph)[:2] == sentences(paragraph, limit=2)


def test_a_line_of_50000_letters_saying_lediga_platser_builds(tmp_path):
    from tests.conftest import run_cli

    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "nyhetsbrev.txt").write_text(
        "nr 4 2024 okt.\n\nLediga platser i oktober: " + "e" * 50_000 + ", Trappan 2\n", encoding="utf-8"
    )
    done = run_cli("build-kb", str(folder), "--out", str(tmp_path / "base"))  # minutes before; now well under one
    assert done.returncode == 0, done.stderr


def test_an_impossible_day_in_a_sentence_about_a_person_stops_the_build_at_its_line(tmp_path):
    from tests.conftest import run_cli

    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "nyhetsbrev.txt").write_text(
        "nr 4 2024 okt.\n\n# Nytt\n\nAnna Berg är ny förbundschef från den 31 april 2024.\n", encoding="utf-8"
    )
    done = run_cli("build-kb", str(folder), "--out", str(tmp_path / "base"))
    assert (done.returncode, done.stderr) == (
        2,
        f"error: {folder / 'nyhetsbrev.txt'}:5: impossible date 31 april 2024: fix the newsletter\n",
    )
