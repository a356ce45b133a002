"""The knowledge base on disk: one YAML file per kind of record in a directory."""

from __future__ import annotations

import dataclasses
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
    read_yaml,
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
    kb_from_texts(texts, str(directory))  # raises KnowledgeError: nothing is written
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
    return [directory / name for name in texts]


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
    data = {}
    for item in dataclasses.fields(KnowledgeBase):
        path = directory / _file_name(item.name)
        if not path.exists() and item.name in _OPTIONAL:
            log.warning("%s: no %s (a base built before it): %s", directory, path.name, _OPTIONAL[item.name])
            continue
        if not path.exists():
            raise KnowledgeError(f"{path}: missing file of the knowledge base")
        if not path.is_file():
            raise KnowledgeError(f"{path}: not a file")
        data[item.name] = (read_yaml(path), str(path))
    return _kb_from_data(data, str(directory))


def kb_from_texts(texts: dict[str, str], where: str) -> KnowledgeBase:
    """The base that `load_kb` would read from these file texts (file name -> text)."""
    data = {}
    for item in dataclasses.fields(KnowledgeBase):
        name = _file_name(item.name)
        if name not in texts and item.name in _OPTIONAL:
            continue
        data[item.name] = (parse_yaml(texts[name], f"{where}/{name}"), f"{where}/{name}")
    return _kb_from_data(data, where)


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
