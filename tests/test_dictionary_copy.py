"""build-kb's copies of simplemma's dictionaries: the same pairs as simplemma's own, made once and whole,
named by the dictionary file they were made from so that one from other data is never used."""

from __future__ import annotations

import logging
from collections.abc import ItemsView
from pathlib import Path

import pytest
from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY
from simplemma.strategies.dictionaries.dictionary_factory import DATA_FOLDER

from bot.reading import dictionary_copy
from bot.reading.dictionary_copy import CopiedDictionaries, DictionaryCopy, _pairs, copy_of
from bot.reading.lemma_table import lemma_table, words_of

# the English dictionary: a copy takes half a second to make (the Swedish one three)


def test_a_copy_holds_the_dictionarys_pairs_and_finds_the_forms_of_a_lemma(tmp_path: Path) -> None:
    simplemmas = DEFAULT_DICTIONARY_FACTORY.get_dictionary("en")
    copy = DictionaryCopy(copy_of("en", tmp_path))
    try:
        assert len(copy) == len(simplemmas) and dict(copy.items()) == dict(simplemmas.items())
        assert copy.get("courses") == "course" and copy.get("no such word") is None and "courses" in copy
        assert {"course", "courses", "coursing"} <= copy.forms_of(["course"])
        assert copy.forms_of(["course", "no such word"]) == {f for f, lemma in simplemmas.items() if lemma == "course"}
    finally:
        copy.close()


def test_the_table_from_a_copy_is_the_one_from_simplemmas_own_dictionaries(tmp_path: Path) -> None:
    import simplemma

    words = words_of(["which courses for participants, the meetings held"])
    table = lemma_table(set(), words, tmp_path).en
    assert table["courses"] == "course" and table["held"] == "hold"
    assert all(simplemma.lemmatize(form, lang="en") == lemma for form, lemma in table.items())


def test_a_copy_is_made_once_and_again_only_for_other_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = copy_of("en", tmp_path)
    made = first.stat().st_mtime_ns
    assert copy_of("en", tmp_path) == first and first.stat().st_mtime_ns == made  # found, not made again
    other = tmp_path / "other-simplemma"
    other.mkdir()
    (other / "en.plzma").write_bytes((Path(DATA_FOLDER) / "en.plzma").read_bytes() + b"\0")
    monkeypatch.setattr(dictionary_copy, "DATA_FOLDER", other)  # a simplemma whose dictionary file differs
    second = copy_of("en", tmp_path)
    assert second != first and not first.exists()  # the copy of the old data is never read again, and goes
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([second.name, "other-simplemma"])


def test_a_copy_interrupted_while_being_made_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(dictionary: object) -> object:
        yield (b"course", b"course")
        raise OSError("disk full")

    monkeypatch.setattr(dictionary_copy, "_pairs", failing)
    with pytest.raises(OSError, match="disk full"):
        copy_of("en", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_hold_the_copies_gets_one_for_the_build_only(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    dictionaries = CopiedDictionaries(not_a_folder)
    with caplog.at_level(logging.WARNING):
        assert dictionaries.get_dictionary("en").get("courses") == "course"
    assert "no copy of simplemma's 'en' dictionary kept" in caplog.text
    temporary = Path(str(dictionaries._temporary.name)) if dictionaries._temporary else None
    dictionaries.close()
    assert temporary is not None and not temporary.exists()


def test_simplemmas_pairs_are_read_where_it_keeps_them_with_the_same_pairs_as_through_its_view() -> None:
    dictionary = DEFAULT_DICTIONARY_FACTORY.get_dictionary("en")
    pairs = _pairs(dictionary)
    assert isinstance(pairs, ItemsView)  # not decoded pair by pair: a simplemma that stores them otherwise is slow
    assert dict(pairs) == dict(_pairs(dict(dictionary)))
