"""Text folding shared by every layer: case, diacritics and punctuation never matter when matching."""

from __future__ import annotations

import functools
import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_REMEMBERED_LENGTH = 120  # names, titles, headings and words are folded again and again
_PARAGRAPH_LENGTH = 4000


def fold(text: str) -> str:
    """Lower case, without diacritics (å→a, ö→o, é→e), punctuation as single spaces."""
    if len(text) <= _REMEMBERED_LENGTH:
        return _fold_short(text)
    return _fold_paragraph(text) if len(text) <= _PARAGRAPH_LENGTH else _fold(text)


@functools.lru_cache(maxsize=8192)  # at most about 3 MB
def _fold_short(text: str) -> str:
    return _fold(text)


@functools.lru_cache(maxsize=512)  # a newsletter's paragraphs, which each reader folds again: at most about 4 MB
def _fold_paragraph(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    lowered = text.lower()
    if not lowered.isascii():
        lowered = _COMBINING.sub("", unicodedata.normalize("NFKD", lowered))
    return _NON_WORD.sub(" ", lowered).strip()
