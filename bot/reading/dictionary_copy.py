"""Build time: simplemma's dictionaries copied into SQLite, where the lemma table's lookups are quick both ways.

simplemma decodes a whole dictionary in Python each time a process first looks a word up in it (0.8 s for the
Swedish and English ones together), and its dict answers form -> lemma only: the forms of a lemma take a pass
over all its million pairs. The copy holds every pair, indexed by form and by lemma. It is made once from the
dictionary file simplemma ships (about 3 s and 60 MB for Swedish) and named by that file's hash, so a simplemma
with other data gets a copy of its own; it is kept in the project's .cache/ folder."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import closing
from pathlib import Path

from simplemma.strategies.dictionaries import DefaultDictionaryFactory, DictionaryFactory
from simplemma.strategies.dictionaries.dictionary_factory import DATA_FOLDER

from bot.paths import DICTIONARY_COPIES

log = logging.getLogger(__name__)
_TABLE = "CREATE TABLE pairs (form BLOB PRIMARY KEY, lemma BLOB NOT NULL) WITHOUT ROWID"
_INDEX = "CREATE INDEX by_lemma ON pairs (lemma)"  # made after the pairs are in: quicker
_BATCH = 500  # forms per query: below SQLite's limit of parameters


class DictionaryCopy(Mapping[str, str]):
    """One language's dictionary, form -> lemma as in simplemma, and the forms of lemmas."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        self._fetched: dict[str, str | None] = {}  # forms looked up at once by `prefetch` (None: not in it)

    def __getitem__(self, form: str) -> str:
        if form in self._fetched:
            found = self._fetched[form]
        else:
            row = self._db.execute("SELECT lemma FROM pairs WHERE form = ?", (form.encode(),)).fetchone()
            found = None if row is None else str(row[0].decode())
        if found is None:
            raise KeyError(form)
        return found

    def prefetch(self, forms: Iterable[str]) -> None:
        """Look these forms up in a few queries, so that looking each up afterwards asks nothing more."""
        wanted = {form for form in forms if form not in self._fetched}
        found = {form.decode(): lemma.decode() for form, lemma in self._pairs_where("form", wanted)}
        self._fetched.update({form: found.get(form) for form in wanted})

    def __iter__(self) -> Iterator[str]:
        return (form.decode() for (form,) in self._db.execute("SELECT form FROM pairs"))

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM pairs").fetchone()[0])

    def forms_of(self, lemmas: Iterable[str]) -> set[str]:
        """Every form whose lemma is one of these."""
        return {form.decode() for form, _ in self._pairs_where("lemma", set(lemmas))}

    def _pairs_where(self, column: str, values: set[str]) -> Iterator[tuple[bytes, bytes]]:
        """The (form, lemma) pairs whose `column` ("form" or "lemma") is one of `values`, in a few queries."""
        wanted = sorted(value.encode() for value in values)
        for start in range(0, len(wanted), _BATCH):
            chunk = wanted[start : start + _BATCH]
            yield from self._db.execute(
                f"SELECT form, lemma FROM pairs WHERE {column} IN ({','.join('?' * len(chunk))})", chunk
            )

    def close(self) -> None:
        self._db.close()


class CopiedDictionaries(DictionaryFactory):
    """simplemma's dictionaries, each read from its copy in `folder` (default: the project's .cache/), made
    first if there is none: for simplemma's `DefaultStrategy(dictionary_factory=...)`, whose lemmas are then
    those of its own dictionaries. Closed, it lets go of the copies."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder or DICTIONARY_COPIES
        self._open: dict[str, DictionaryCopy] = {}
        self._temporary: tempfile.TemporaryDirectory[str] | None = None

    def get_dictionary(self, lang: str) -> DictionaryCopy:
        if lang not in self._open:
            self._open[lang] = DictionaryCopy(self._copy(lang))
        return self._open[lang]

    def _copy(self, lang: str) -> Path:
        try:
            return copy_of(lang, self._folder)
        except OSError as error:  # a folder that cannot be written: a copy for this build only
            self._temporary = self._temporary or tempfile.TemporaryDirectory(prefix="dictionaries-")
            log.warning(
                "%s: no copy of simplemma's %r dictionary kept (%s), one made for now", self._folder, lang, error
            )
            return copy_of(lang, Path(self._temporary.name))

    def close(self) -> None:
        for dictionary in self._open.values():
            dictionary.close()
        self._open.clear()
        if self._temporary:
            self._temporary.cleanup()


def copy_of(lang: str, folder: Path) -> Path:
    """The copy of simplemma's dictionary for `lang` in `folder`, made if missing; other copies of it go."""
    made_from = (Path(DATA_FOLDER) / f"{lang}.plzma").read_bytes() + _TABLE.encode() + _INDEX.encode()
    path = folder / f"{lang}-{hashlib.sha256(made_from).hexdigest()[:16]}.sqlite"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    made = folder / f".{path.name}.{os.getpid()}.new"
    made.unlink(missing_ok=True)  # left by a build that was killed
    try:
        with closing(sqlite3.connect(made)) as db:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute(_TABLE)
            db.executemany("INSERT INTO pairs VALUES (?, ?)", _pairs(DefaultDictionaryFactory().get_dictionary(lang)))
            db.execute(_INDEX)
            db.commit()
        os.replace(made, path)  # whole or not at all: a build running beside this one never sees it half made
    finally:
        made.unlink(missing_ok=True)
    for older in folder.glob(f"{lang}-*.sqlite"):
        if older != path:
            older.unlink(missing_ok=True)
    return path


def _pairs(dictionary: Mapping[str, str]) -> Iterable[tuple[bytes, bytes]]:
    """The dictionary's (form, lemma) pairs in UTF-8. simplemma keeps them so, in a dict behind its str view:
    read there, the million Swedish pairs take 0.05 s, against 0.5 s decoded one by one through the view."""
    stored = getattr(dictionary, "_dict", None)
    if isinstance(stored, dict):
        return stored.items()
    return ((form.encode(), lemma.encode()) for form, lemma in dictionary.items())
