"""The lemma table: built by build-kb from simplemma's dictionaries for the sources' words, looked up by the
reading layer instead of simplemma (which the bot never loads); a base built before it still loads."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge.model import Lemmas
from bot.knowledge.serde import KnowledgeError
from bot.knowledge.store import load_kb
from bot.reading.lemma_table import lemma_table, words_of
from bot.reading.normalise import Normaliser

SOURCE = "Frukostmötet i Handen lockade många deltagare. Kursen i svenska börjar i maj."


def test_a_question_with_another_form_of_a_source_word_meets_it() -> None:
    lemmas = lemma_table(words_of([SOURCE]), set())
    assert lemmas.sv["deltagarna"] == "deltagare"  # a form the source does not use, of a word it does
    normaliser = Normaliser(lexicon={}, lemmas=lemmas)
    assert normaliser.question_terms("kurserna", "sv")[0] == normaliser.terms("Kursen")[0] == "kurs"  # not "kur"
    assert normaliser.question_terms("deltagarnas", "sv") == normaliser.terms("deltagare")


def test_the_table_holds_only_forms_of_the_sources_words_sorted() -> None:
    lemmas = lemma_table(words_of([SOURCE]), set())
    assert "båtarna" not in lemmas.sv and "kurser" in lemmas.sv
    assert list(lemmas.sv) == sorted(lemmas.sv)
    assert all(form != lemma for form, lemma in lemmas.sv.items())  # a word that is its own lemma is left out


def test_english_forms_of_the_lexicons_words_find_their_swedish_words() -> None:
    lemmas = lemma_table(words_of([SOURCE]), words_of(["course", "participant"]))
    assert lemmas.en["courses"] == "course" and lemmas.en["participants"] == "participant"
    normaliser = Normaliser(lexicon={"course": ("kurs",), "participant": ("deltagare",)}, lemmas=lemmas)
    normaliser.terms(SOURCE)
    assert normaliser.question_terms("which courses for participants", "en") == (
        normaliser.terms("kurs") + normaliser.terms("deltagare")
    )


def test_the_projects_base_has_its_table_and_the_bot_never_loads_simplemma(seed_kb_dir: Path) -> None:
    lemmas = load_kb(seed_kb_dir).lemmas
    assert lemmas and lemmas.sv["mötena"] == "möte" and lemmas.en
    code = (
        "import sys; "
        + f"from bot.engine import Engine; Engine.load({str(seed_kb_dir)!r}); print('simplemma' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.strip() == "False"


def test_a_base_without_the_table_loads_says_so_once_and_still_reads(
    seed_kb_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    older = tmp_path / "base"
    shutil.copytree(seed_kb_dir, older)
    (older / "lemmas.yaml").unlink()
    with caplog.at_level(logging.WARNING):
        engine = Engine.load(older)
    notes = [record.getMessage() for record in caplog.records if "lemmas.yaml" in record.getMessage()]
    assert len(notes) == 1 and "build-kb" in notes[0]
    assert engine.kb.lemmas is None
    reply = engine.answer("var hölls MIA:s kick-off?", today=date(2019, 6, 1))
    assert reply.intent == "reading" and "Saturnus" in reply.text


@pytest.mark.parametrize(
    "entry, problem",
    [
        ("Möten: möte", "'Möten' is not one word in lower case"),
        ("'möten': ''", "'möten' has an empty lemma"),
        ("12: tolv", "line 6: a key must be text"),
        ("möten: [möte]", "line 6: expected text"),
    ],
)
def test_a_damaged_table_is_refused_naming_the_file(
    seed_kb_dir: Path, tmp_path: Path, entry: str, problem: str
) -> None:
    damaged = tmp_path / "base"
    shutil.copytree(seed_kb_dir, damaged)
    (damaged / "lemmas.yaml").write_text(f"# header\n\n\n\nsv:\n  {entry}\nen: {{}}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="lemmas") as error:
        load_kb(damaged)
    assert problem in str(error.value)


def test_an_empty_table_is_a_table() -> None:
    assert Normaliser(lexicon={}, lemmas=Lemmas()).terms("mötena") == Normaliser(lexicon={}).terms("mötena")
