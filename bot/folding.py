"""Text folding shared by every layer: case, diacritics and punctuation never matter when matching."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")
_COMBINING = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower case, without diacritics (å→a, ö→o, é→e), punctuation as single spaces."""
    lowered = text.lower()
    if not lowered.isascii():
        lowered = _COMBINING.sub("", unicodedata.normalize("NFKD", lowered))
    return _NON_WORD.sub(" ", lowered).strip()
