"""Where the project's own files are: every default path in one place."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = PROJECT_ROOT / "knowledge"
DEFAULT_KB_DIR = KNOWLEDGE / "base"  # the built knowledge base
DEFAULT_SOURCES = KNOWLEDGE / "sources"  # the newsletters
DEFAULT_CORRECTIONS = KNOWLEDGE / "corrections.yaml"
VOCABULARY_PATH = KNOWLEDGE / "vocabulary.yaml"
PHRASES_PATH = PROJECT_ROOT / "bot" / "nlu" / "phrases.yaml"
QUESTIONS_PATH = PROJECT_ROOT / "tests" / "eval" / "questions.yaml"
TEXTS_PATH = PROJECT_ROOT / "bot" / "texts.yaml"
READING_WORDS_PATH = PROJECT_ROOT / "bot" / "reading" / "reading.yaml"
LEXICON_PATH = KNOWLEDGE / "lexicon.yaml"  # English -> the newsletters' Swedish words
DICTIONARY_COPIES = PROJECT_ROOT / ".cache" / "dictionaries"  # build-kb's copies of simplemma's (not in git)
# the reading questions: read only the split asked for (the held-out half only when asked by name)
READING_QUESTIONS = {
    "tuning": PROJECT_ROOT / "tests" / "eval" / "reading_tuning.yaml",
    "heldout": PROJECT_ROOT / "tests" / "eval" / "reading_heldout.yaml",
    "heldout2": PROJECT_ROOT / "tests" / "eval" / "reading_heldout2.yaml",  # written after the first was run
    "heldout3": PROJECT_ROOT / "tests" / "eval" / "reading_heldout3.yaml",  # written after the second was run
    "heldout4": PROJECT_ROOT / "tests" / "eval" / "reading_heldout4.yaml",  # written after the third was run
    "heldout5": PROJECT_ROOT / "tests" / "eval" / "reading_heldout5.yaml",  # written after the fourth was run
    "heldout6": PROJECT_ROOT / "tests" / "eval" / "reading_heldout6.yaml",  # written after the fifth was run
    "heldout7": PROJECT_ROOT / "tests" / "eval" / "reading_heldout7.yaml",  # written after the sixth was run
}
