"""Dataclass records <-> plain YAML data, with errors that name the file and line."""

from __future__ import annotations

import dataclasses
import functools
import reprlib
import types
import typing
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bot.failures import BadInput


class KnowledgeError(BadInput, ValueError):
    """Bad knowledge data; the message names the file and line."""


class _Mapping(dict[Any, Any]):
    line: int = 0
    key_lines: dict[Any, int] = {}


class _Sequence(list[Any]):
    line: int = 0


_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML has it
_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
MAX_YAML_BYTES = 16_000_000  # the base of 5 issues is 0.1 MB, of 70 about 1.5 MB
MAX_DEPTH = 40  # the base nests 6 levels
_EXCERPT = reprlib.Repr()
_EXCERPT.maxstring = _EXCERPT.maxother = 60
_EXCERPT.maxlevel, _EXCERPT.maxlist, _EXCERPT.maxdict = 2, 4, 4


class _LineLoader(_Loader):  # type: ignore[valid-type,misc]  # the C or the Python loader, as available
    """Safe loader that remembers line numbers and reads dates as plain strings (validated by us)."""


_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Mapping:
    mapping = _Mapping()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise KnowledgeError(f"line {key_node.start_mark.line + 1}: a key must be a word, not {excerpt(key)}")
        if key in mapping:
            raise KnowledgeError(f"line {key_node.start_mark.line + 1}: duplicate key {excerpt(key)}")
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> _Sequence:
    sequence = _Sequence(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    return sequence


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_yaml(path: Path) -> Any:
    """Parse a YAML file the bot reads (knowledge base, corrections, vocabulary, phrases), with limits:
    at most MAX_YAML_BYTES, nested at most MAX_DEPTH levels, no anchors or aliases (a few lines of
    them can stand for gigabytes). Any problem becomes a KnowledgeError naming file and line."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_YAML_BYTES + 1)
    except OSError as error:
        raise KnowledgeError(f"{path}: cannot read: {error.strerror or error}") from error
    if len(data) > MAX_YAML_BYTES:
        raise KnowledgeError(
            f"{path}: larger than {MAX_YAML_BYTES // 1_000_000} MB, more than any knowledge file needs"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise KnowledgeError(f"{path}: line {line}: not UTF-8 text") from error
    return parse_yaml(text, str(path))


def parse_yaml(text: str, where: str) -> Any:
    if "\x00" in text:
        raise KnowledgeError(
            f"{where}: line {text.count(chr(10), 0, text.index(chr(0))) + 1}: a NUL byte: not a text file"
        )
    try:
        _check_structure(text, where)
        return yaml.load(text, Loader=_LineLoader)
    except KnowledgeError as error:
        raise KnowledgeError(f"{where}: {error}") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else "?"
        problem = getattr(error, "problem", None) or str(error)
        raise KnowledgeError(f"{where}: {line}: malformed YAML: {problem}") from error


def _check_structure(text: str, where: str) -> None:
    """Walk the parser's events (libyaml's parser does not recurse) before anything is built."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise KnowledgeError(f"line {line}: YAML anchors and aliases are not allowed here")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise KnowledgeError(f"line {line}: nested deeper than {MAX_DEPTH} levels")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def excerpt(value: Any) -> str:
    """A value as an error message may show it: short, and cheap even for a huge or nested one."""
    return _EXCERPT.repr(value)


def to_plain(value: Any) -> Any:
    """A record as YAML-ready data: dicts in field order, empty fields left out."""
    if dataclasses.is_dataclass(value):
        plain = {}
        for item in dataclasses.fields(value):
            field_value = getattr(value, item.name)
            if field_value is None or field_value == [] or field_value is False and item.default is False:
                continue
            plain[item.name] = to_plain(field_value)
        return plain
    if isinstance(value, list):
        return [to_plain(item) for item in value]
    return value  # dates stay dates: YAML writes them as plain 2018-09-28


def from_plain(cls: type, data: Any, where: str) -> Any:
    """Build `cls` from YAML data, rejecting unknown fields, missing fields and bad values."""
    return _convert(cls, data, where, getattr(data, "line", 0))


def _convert(kind: Any, data: Any, where: str, line: int) -> Any:
    line = getattr(data, "line", 0) or line
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [option for option in typing.get_args(kind) if option is not type(None)]
        if data is None:
            return None
        return _convert(options[0], data, where, line)
    if origin is list:
        if not isinstance(data, list):
            raise KnowledgeError(f"{where}: line {line}: expected a list, got {excerpt(data)}")
        (item_kind,) = typing.get_args(kind)
        return [_convert(item_kind, item, where, line) for item in data]
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _convert_record(kind, data, where, line)
    if kind is date:
        return _convert_date(data, where, line)
    if kind is bool:
        if not isinstance(data, bool):
            raise KnowledgeError(f"{where}: line {line}: expected true or false, got {excerpt(data)}")
        return data
    if kind is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise KnowledgeError(f"{where}: line {line}: expected a whole number, got {excerpt(data)}")
        return data
    if kind is str:
        if isinstance(data, (int, float)) and not isinstance(data, bool):
            return str(data)
        if not isinstance(data, str):
            raise KnowledgeError(f"{where}: line {line}: expected text, got {excerpt(data)}")
        return data
    raise TypeError(f"unsupported field type {kind!r}")


def _convert_date(data: Any, where: str, line: int) -> date:
    if isinstance(data, date):
        return data
    try:
        return date.fromisoformat(str(data))
    except ValueError:
        raise KnowledgeError(
            f"{where}: line {line}: impossible or malformed date {excerpt(data)} (want YYYY-MM-DD)"
        ) from None


@functools.cache
def _fields_of(cls: type) -> tuple[dict[str, Any], frozenset[str]]:
    """A record's fields with their types, and those it cannot do without: read once per class."""
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    required = frozenset(
        item.name
        for item in fields
        if item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING
    )
    return {item.name: hints[item.name] for item in fields}, required


def _convert_record(cls: type, data: Any, where: str, line: int) -> Any:
    if not isinstance(data, dict):
        raise KnowledgeError(f"{where}: line {line}: expected a mapping for {cls.__name__}, got {excerpt(data)}")
    fields, required = _fields_of(cls)
    key_lines = getattr(data, "key_lines", {})
    unknown = sorted(set(data) - fields.keys())
    if unknown:
        raise KnowledgeError(
            f"{where}: line {key_lines.get(unknown[0], line)}: unknown field {excerpt(unknown[0])} in {cls.__name__} "
            f"(known: {', '.join(fields)})"
        )
    values = {}
    for name, kind in fields.items():
        if name in data:
            values[name] = _convert(kind, data[name], where, key_lines.get(name, line))
        elif name in required:
            raise KnowledgeError(f"{where}: line {line}: {cls.__name__} needs the field {name!r}")
    try:
        return cls(**values)
    except (TypeError, ValueError) as error:
        raise KnowledgeError(f"{where}: line {line}: {error}") from error


class _PlainDumper(_Dumper):  # type: ignore[valid-type,misc]  # the C or the Python dumper, as available
    """Writes a value each time it occurs: no anchors and aliases, which `read_yaml` refuses."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any, header: str = "") -> str:
    body = yaml.dump(
        data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )
    return header + body
