"""The hand-kept corrections file: fix, add or remove a record that extraction gets wrong.

corrections:
  - in: meetings                     # a list of the knowledge base
    match: {id: frukostmöte-2019-05-10}
    set: {venue: Kulturhuset, Handen}
  - in: contacts
    add: {name: Ny Person, email: ny.person@example.se}
  - in: projects
    match: {name: Felaktigt}
    remove: true
"""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path
from typing import Any

from bot.knowledge.model import KnowledgeBase
from bot.knowledge.serde import KnowledgeError, excerpt, from_plain, read_yaml, to_plain

_ACTIONS = {"set", "add", "remove"}


def apply_corrections(kb: KnowledgeBase, path: Path) -> list[str]:
    """Apply every correction in order; returns warnings for corrections that matched nothing."""
    data = read_yaml(path)
    if data is None:
        return []
    if not isinstance(data, dict) or set(data) - {"corrections"}:
        raise KnowledgeError(f"{path}: line {getattr(data, 'line', 1)}: expected a mapping with one key, 'corrections'")
    entries = data.get("corrections") or []
    if not isinstance(entries, list):
        raise KnowledgeError(
            f"{path}: line {getattr(data, 'key_lines', {}).get('corrections', 1)}: "
            f"'corrections' must be a list of corrections, not {excerpt(entries)}"
        )
    warnings = []
    hints = typing.get_type_hints(KnowledgeBase)
    for entry in entries:
        line = getattr(entry, "line", 0)
        where = f"{path}: line {line}"
        if not isinstance(entry, dict) or "in" not in entry:
            raise KnowledgeError(f"{where}: a correction needs 'in' (which list it changes)")
        unknown = set(map(str, entry)) - _ACTIONS - {"in", "match", "why"}
        if unknown:
            raise KnowledgeError(
                f"{where}: unknown key {excerpt(sorted(unknown)[0])} (use in, match, set, add, remove, why)"
            )
        collection = entry["in"]
        if (
            not isinstance(collection, str)
            or collection not in hints
            or typing.get_origin(hints[collection]) is not list
        ):
            lists = [f.name for f in dataclasses.fields(KnowledgeBase) if typing.get_origin(hints[f.name]) is list]
            raise KnowledgeError(f"{where}: unknown list {excerpt(collection)} (one of {', '.join(lists)})")
        (record_type,) = typing.get_args(hints[collection])
        records = getattr(kb, collection)
        if "add" in entry:
            records.append(from_plain(record_type, entry["add"], str(path)))
            continue
        match = entry.get("match")
        if not isinstance(match, dict) or not match:
            raise KnowledgeError(f"{where}: 'set' and 'remove' need 'match' with the fields that pick the record")
        fields = {f.name for f in dataclasses.fields(record_type)}
        for key in match:
            if key not in fields:
                raise KnowledgeError(
                    f"{where}: unknown field {excerpt(key)} in match (known: {', '.join(sorted(fields))})"
                )
        hits = [i for i, record in enumerate(records) if _matches(to_plain(record), match)]
        if not hits:
            warnings.append(f"{where}: correction matches nothing in {collection}: {dict(match)}")
            continue
        if "remove" in entry:
            if entry["remove"] is not True:
                raise KnowledgeError(
                    f"{where}: 'remove' must be true, without quotes (got {excerpt(entry['remove'])}); "
                    "to keep the record, leave 'remove' out"
                )
            for index in reversed(hits):
                del records[index]
            continue
        changes = entry.get("set")
        if not isinstance(changes, dict):
            raise KnowledgeError(f"{where}: a correction needs 'set', 'add' or 'remove: true'")
        for index in hits:
            plain = to_plain(records[index]) | dict(changes)
            records[index] = from_plain(record_type, plain, str(path))
    return warnings


def _matches(plain: dict[str, Any], match: dict[str, Any]) -> bool:
    return all(str(plain.get(key)) == str(value) for key, value in match.items())
