"""The knowledge base on disk: one YAML file per kind of record in a directory."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import re
import typing
from pathlib import Path
from typing import Any

from bot.failures import Failure
from bot.knowledge.model import PURPOSE_KINDS, KnowledgeBase, Lemmas, Source
from bot.knowledge.serde import (
    KnowledgeError,
    dump_yaml,
    excerpt,
    from_plain,
    parse_yaml,
    read_text,
)
from bot.paths import DEFAULT_KB_DIR

HEADER = (
    "# Built by `python -m bot build-kb` from the newsletters in knowledge/sources/ and\n"
    "# knowledge/corrections.yaml. Do not edit: fix the source or add a correction, then rebuild.\n"
    "# The fields are described in knowledge/README.md.\n"
)
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_WORD = re.compile(r"^[0-9a-zß-öø-ÿ]+$")  # a form in the lemma table: one word as the reader splits them, lower case
log = logging.getLogger(__name__)
# files a base may lack (one built before they existed), and what the bot does without them
_OPTIONAL = {
    "lemmas": "the reading layer folds words and cuts their endings only; rebuild with `python -m bot build-kb`",
}


# the base's files as parsed, named by their hash: read in a fraction of the time the YAML takes to parse
COMPACT_COPY = ".compact.json"


def _file_name(field_name: str) -> str:
    return f"{field_name}.yaml"


class WriteFailed(Failure):
    """The base could not be written; the one on disk is as it was."""


def save_kb(kb: KnowledgeBase, directory: Path) -> list[Path]:
    """Write the base, all or nothing, and only a base that loads.

    The texts are first read back and validated as `load_kb` would. Every file is then written
    beside its final name and synced; only when all are complete are they renamed into place, so
    a full disk or a crash while writing leaves the old base whole. Other files in `directory`
    are left alone."""
    texts = render_kb(kb)
    files = _parsed(texts, str(directory))
    _kb_from_data(_located(files, str(directory)), str(directory))  # raises KnowledgeError: nothing is written
    if directory.exists() and not directory.is_dir():
        raise KnowledgeError(f"{directory}: is a file, not a folder for the knowledge base")
    temporary = {name: directory / f".{name}.new" for name in texts}
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            with temporary[name].open("w", encoding="utf-8") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
        for name in texts:
            os.replace(temporary[name], directory / name)
        _sync_folder(directory)
    except OSError as error:
        for path in temporary.values():
            path.unlink(missing_ok=True)
        raise WriteFailed(
            f"{directory}: the knowledge base could not be written ({error.strerror or error}); "
            "the base there is unchanged"
        ) from error
    _write_compact_copy(directory, texts, files)
    return [directory / name for name in texts]


def _write_compact_copy(directory: Path, texts: dict[str, str], files: dict[str, Any]) -> None:
    """The compact copy of the files just written. Not synced: one lost or cut short in a crash is not read."""
    temporary = directory / f"{COMPACT_COPY}.new"
    try:
        temporary.write_text(json.dumps({"of": _digest(texts), "files": files}), "utf-8")
        os.replace(temporary, directory / COMPACT_COPY)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        log.warning("%s: no compact copy of the base (%s): the bot reads the YAML, more slowly", directory, error)


def _compact_copy(directory: Path, texts: dict[str, str]) -> dict[str, Any] | None:
    """The files as parsed from the compact copy, if it is one of these very texts (file name -> text)."""
    path = directory / COMPACT_COPY
    try:
        if path.stat().st_size > 6 * sum(len(text) for text in texts.values()) + 1000:
            return None  # not a copy of these: JSON writes a character in at most six ("\\u00e5")
        stored = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):  # none, unreadable, or not JSON
        return None
    if not isinstance(stored, dict) or stored.get("of") != _digest(texts):
        return None
    files = stored.get("files")
    return files if isinstance(files, dict) and files.keys() == texts.keys() else None


def _digest(texts: dict[str, str]) -> str:
    hashed = hashlib.sha256()
    for name in sorted(texts):
        hashed.update(f"{name}\0{len(texts[name])}\0{texts[name]}".encode())
    return hashed.hexdigest()


def _sync_folder(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)  # the renames themselves survive a power cut
    finally:
        os.close(fd)


def render_kb(kb: KnowledgeBase) -> dict[str, str]:
    """File name -> the text `save_kb` would write: used to tell whether the committed base is current."""
    return {
        _file_name(item.name): dump_yaml(getattr(kb, item.name), HEADER)
        for item in dataclasses.fields(KnowledgeBase)
        if getattr(kb, item.name) is not None  # an optional file the base has not got
    }


def load_kb(directory: Path | None = None) -> KnowledgeBase:
    """Load and validate a knowledge base; raises KnowledgeError naming file and line."""
    directory = Path(directory) if directory else DEFAULT_KB_DIR
    if not directory.is_dir():
        raise KnowledgeError(f"{directory}: no knowledge base here (build one with `python -m bot build-kb`)")
    texts = {}
    for item in dataclasses.fields(KnowledgeBase):
        path = directory / _file_name(item.name)
        if not path.exists() and item.name in _OPTIONAL:
            log.warning("%s: no %s (a base built before it): %s", directory, path.name, _OPTIONAL[item.name])
            continue
        if not path.exists():
            raise KnowledgeError(f"{path}: missing file of the knowledge base")
        if not path.is_file():
            raise KnowledgeError(f"{path}: not a file")
        texts[path.name] = read_text(path)
    compact = _compact_copy(directory, texts)
    if compact is not None:
        try:
            return _kb_from_data(_located(compact, str(directory)), str(directory))
        except KnowledgeError:
            pass  # read from the YAML below, to name the line at fault
    return kb_from_texts(texts, str(directory))


def kb_from_texts(texts: dict[str, str], where: str) -> KnowledgeBase:
    """The base that `load_kb` would read from these file texts (file name -> text)."""
    return _kb_from_data(_located(_parsed(texts, where), where), where)


def _parsed(texts: dict[str, str], where: str) -> dict[str, Any]:
    """File name -> the file's data, from the texts of the base's files (file name -> text)."""
    return {name: parse_yaml(text, f"{where}/{name}") for name, text in texts.items()}


def _located(files: dict[str, Any], where: str) -> dict[str, tuple[Any, str]]:
    """Field name -> (data, path) from file name -> data, the fields' order kept."""
    return {
        item.name: (files[name], f"{where}/{name}")
        for item in dataclasses.fields(KnowledgeBase)
        if (name := _file_name(item.name)) in files
    }


def _kb_from_data(data: dict[str, tuple[Any, str]], where: str) -> KnowledgeBase:
    hints = typing.get_type_hints(KnowledgeBase)
    values = {}
    for name, (plain, path) in data.items():
        if plain is None:
            plain = [] if typing.get_origin(hints[name]) is list else {}
        values[name] = from_plain(hints[name], plain, path)
    kb = KnowledgeBase(**values)
    validate(kb, where)
    return kb


def validate(kb: KnowledgeBase, where: str) -> None:
    """Checks that span records: every source names a known issue, times and kinds are valid."""
    issue_ids = {issue.id for issue in kb.issues}
    problems: list[str] = []

    def check_source(source: Source, what: str) -> None:
        if source.issue not in issue_ids:
            problems.append(f"{what}: source names unknown issue {excerpt(source.issue)}")

    for issue in kb.issues:
        if not 1 <= issue.month <= 12:
            problems.append(f"issue {issue.id}: impossible month {issue.month}")
    for meeting in kb.meetings:
        for name in ("breakfast", "start", "end"):
            value = getattr(meeting, name)
            if value is not None and not _TIME.match(value):
                problems.append(
                    f"meeting {meeting.id}: {name} {excerpt(value)} is not a time HH:MM "
                    f'(write times in quotes, e.g. {name}: "10:30")'
                )
        for source in meeting.sources + [version.source for version in meeting.statements]:
            check_source(source, f"meeting {meeting.id}")
        if not meeting.sources:
            problems.append(f"meeting {meeting.id}: has no source")
    for report in kb.places:
        check_source(report.source, f"open places of {report.as_of}")
        for place in report.places:
            if place.count < 0:
                problems.append(f"open places {place.provider}: negative count")
    for contact in kb.contacts:
        for role in contact.roles:
            check_source(role.source, f"contact {contact.name}")
            if role.dates_from:
                check_source(role.dates_from, f"contact {contact.name}")
            if role.start and role.end and role.end < role.start:
                problems.append(f"contact {contact.name}: role {role.title} ends before it starts")
        for given in (contact.email_from, contact.phone_from):
            if given:
                check_source(given, f"contact {contact.name}")
        for purpose in contact.contact_for:
            if purpose.kind not in PURPOSE_KINDS:
                problems.append(f"contact {contact.name}: unknown purpose kind {purpose.kind!r}")
    for board in kb.boards:
        check_source(board.source, f"board {board.start_year}-{board.end_year}")
    for project in kb.projects:
        for source in project.sources:
            check_source(source, f"project {project.name}")
    if kb.lemmas is not None:
        problems += _lemma_problems(kb.lemmas)
    if problems:
        more = f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
        raise KnowledgeError(f"{where}: " + "; ".join(problems[:3]) + more)


def _lemma_problems(lemmas: Lemmas) -> list[str]:
    """A form is one word in lower case (the reading layer looks up words as typed, lower-cased), its lemma
    is not empty."""
    problems = []
    for lang, table in (("sv", lemmas.sv), ("en", lemmas.en)):
        for form, lemma in table.items():
            if not _WORD.match(form):
                problems.append(f"lemmas {lang}: {excerpt(form)} is not one word in lower case")
            elif not lemma.strip():
                problems.append(f"lemmas {lang}: {excerpt(form)} has an empty lemma")
    return problems
