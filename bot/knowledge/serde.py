"""Dataclass records <-> plain YAML data, with errors that name the file and line."""

from __future__ import annotations

import dataclasses
import functools
import reprlib
import types
import typing
from collections.abc import Callable
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
MAX_YAML_BYTES = 16_000_000  # the base of 5 issues is 0.1 MB, of 70 about 1 MB
MAX_DEPTH = 40  # the base nests 6 levels
_EXCERPT = reprlib.Repr()
_EXCERPT.maxstring = _EXCERPT.maxother = 60
_EXCERPT.maxlevel, _EXCERPT.maxlist, _EXCERPT.maxdict = 2, 4, 4


class _LineLoader(_Loader):  # type: ignore[valid-type,misc]  # the C or the Python loader, as available
    """Safe loader that reads dates as plain strings (validated by us)."""


_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS: dict[type, tuple[str | None, ...]] = {  # a mapping or sequence tagged as anything else is refused
    yaml.MappingStartEvent: (None, "!", yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG),
    yaml.SequenceStartEvent: (None, "!", yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG),
}


def read_yaml(path: Path) -> Any:
    """Parse a YAML file the bot reads (knowledge base, corrections, vocabulary, phrases), with limits:
    at most MAX_YAML_BYTES, nested at most MAX_DEPTH levels, no anchors or aliases (a few lines of
    them can stand for gigabytes). Any problem becomes a KnowledgeError naming file and line."""
    return parse_yaml(read_text(path), str(path))


def read_text(path: Path) -> str:
    """A YAML file's text: at most MAX_YAML_BYTES of UTF-8."""
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
    return text


def parse_yaml(text: str, where: str) -> Any:
    if "\x00" in text:
        raise KnowledgeError(
            f"{where}: line {text.count(chr(10), 0, text.index(chr(0))) + 1}: a NUL byte: not a text file"
        )
    loader = _LineLoader(text)
    try:
        return _build(loader)
    except KnowledgeError as error:
        raise KnowledgeError(f"{where}: {error}") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else "?"
        problem = getattr(error, "problem", None) or str(error)
        raise KnowledgeError(f"{where}: {line}: malformed YAML: {problem}") from error
    finally:
        loader.dispose()


_NO_KEY = object()  # a mapping waits for its next key


def _build(loader: _LineLoader) -> Any:
    """The document, built from the parser's events in one pass and without recursion (libyaml's
    parser does not recurse; its composer does). Every limit is checked on an event before
    anything deeper is read. Mappings and sequences remember the lines they and their keys are on."""
    outer: list[tuple[_Mapping | _Sequence, Any, int]] = []  # the collections around `top`, with their keys
    top: _Mapping | _Sequence | None = None  # the collection being filled
    key: Any = _NO_KEY  # when `top` is a mapping: the key whose value comes next, and its line
    key_line = 0
    document: Any = None
    started = False
    get_event = loader.get_event
    plain_first = loader.yaml_implicit_resolvers  # the first characters of plain numbers, booleans and nulls
    plain: dict[str, Any] = {}  # plain scalars read so far ("2018-5", "12", "true"): numbers and words do not change
    no_key = _NO_KEY
    scalar_event, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    collection_ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    while (event := get_event()) is not None:  # the names above are looked up once: this runs for every event
        kind = type(event)
        value: Any
        if kind is scalar_event:
            if event.anchor:
                raise KnowledgeError(f"line {_line_of(event)}: YAML anchors and aliases are not allowed here")
            value = event.value
            if event.tag is not None:
                value = _scalar(loader, event)
            elif event.implicit[0] and value[:1] in plain_first:
                if (known := plain.get(value, no_key)) is no_key:
                    known = plain[value] = _scalar(loader, event)
                value = known
        elif kind in collection_ends:
            value = top
            top, key, key_line = outer.pop()
        elif kind is mapping_start or kind is sequence_start:
            line = _line_of(event)
            if event.anchor:
                raise KnowledgeError(f"line {line}: YAML anchors and aliases are not allowed here")
            if event.tag not in _PLAIN_TAGS[kind]:
                raise KnowledgeError(f"line {line}: the YAML tag {excerpt(event.tag)} is not allowed here")
            if len(outer) >= MAX_DEPTH:
                raise KnowledgeError(f"line {line}: nested deeper than {MAX_DEPTH} levels")
            outer.append((top, key, key_line))  # type: ignore[arg-type]  # None around the outermost
            if kind is mapping_start:
                top = _Mapping()
                top.key_lines = {}
            else:
                top = _Sequence()
            top.line, key = line, no_key
            continue
        elif kind is yaml.AliasEvent:
            raise KnowledgeError(f"line {_line_of(event)}: YAML anchors and aliases are not allowed here")
        elif kind is yaml.DocumentStartEvent:
            if started:
                raise KnowledgeError(f"line {_line_of(event)}: malformed YAML: but found another document")
            started = True
            continue
        else:  # the start and end of the stream, the end of a document
            continue
        if type(top) is _Sequence:
            top.append(value)
        elif top is None:
            document = value
        elif key is not no_key:
            top[key] = value
            top.key_lines[key] = key_line  # type: ignore[union-attr]  # top is a mapping
            key = no_key
        else:  # the value is the next key
            if type(value) is str:
                line = event.start_mark.line + 1
            else:
                line = value.line if type(value) in (_Mapping, _Sequence) else _line_of(event)
                if not isinstance(value, (int, float, bool)) and value is not None:
                    raise KnowledgeError(f"line {line}: a key must be a word, not {excerpt(value)}")
            if value in top:
                raise KnowledgeError(f"line {line}: duplicate key {excerpt(value)}")
            key, key_line = value, line
    return document


def _line_of(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 0


def _scalar(loader: _LineLoader, event: yaml.ScalarEvent) -> Any:
    """A scalar as the safe loader reads it: text, unless its tag or its plain spelling says otherwise."""
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR:
            return event.value
    start, end = event.start_mark, event.end_mark  # libyaml's marks, which the stubs do not name
    return loader.construct_object(yaml.ScalarNode(tag, event.value, start, end, style=event.style))  # type: ignore[arg-type]


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
    return _converter(cls)(data, where, _line(data, 0))


_Convert = Callable[[Any, str, int], Any]  # (data, file, line where the data is) -> the value


def _line(data: Any, line: int) -> int:
    """The line a mapping or sequence read from YAML starts on, else `line` (where its key is)."""
    return getattr(data, "line", 0) or line if isinstance(data, (dict, list)) else line


@functools.cache
def _converter(kind: Any) -> _Convert:
    """The function that checks and converts data to `kind`: worked out once per type."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [option for option in typing.get_args(kind) if option is not type(None)]
        inner = _converter(options[0])
        return lambda data, where, line: None if data is None else inner(data, where, line)
    if origin is list:
        (item_kind,) = typing.get_args(kind)
        return functools.partial(_convert_list, _converter(item_kind))
    if origin is dict:
        key_kind, value_kind = typing.get_args(kind)
        if key_kind is not str:
            raise TypeError(f"unsupported mapping type {kind!r}: keys must be text")
        return functools.partial(_convert_dict, _converter(value_kind))
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return functools.partial(_convert_record, kind)
    if kind is date:
        return _convert_date
    if kind is bool:
        return _convert_bool
    if kind is int:
        return _convert_int
    if kind is str:
        return _convert_str
    raise TypeError(f"unsupported field type {kind!r}")


def _convert_list(item: _Convert, data: Any, where: str, line: int) -> list[Any]:
    line = _line(data, line)
    if not isinstance(data, list):
        raise KnowledgeError(f"{where}: line {line}: expected a list, got {excerpt(data)}")
    return [item(element, where, line) for element in data]


def _convert_dict(value: _Convert, data: Any, where: str, line: int) -> dict[str, Any]:
    line = _line(data, line)
    if not isinstance(data, dict):
        raise KnowledgeError(f"{where}: line {line}: expected a mapping, got {excerpt(data)}")
    key_lines = getattr(data, "key_lines", {})
    converted = {}
    for key, item in data.items():
        if type(key) is not str:
            raise KnowledgeError(f"{where}: line {key_lines.get(key, line)}: a key must be text, not {excerpt(key)}")
        converted[key] = value(item, where, key_lines.get(key, line))
    return converted


def _convert_date(data: Any, where: str, line: int) -> date:
    if isinstance(data, date):
        return data
    try:
        return date.fromisoformat(str(data))
    except ValueError:
        raise KnowledgeError(
            f"{where}: line {_line(data, line)}: impossible or malformed date {excerpt(data)} (want YYYY-MM-DD)"
        ) from None


def _convert_bool(data: Any, where: str, line: int) -> bool:
    if not isinstance(data, bool):
        raise KnowledgeError(f"{where}: line {_line(data, line)}: expected true or false, got {excerpt(data)}")
    return data


def _convert_int(data: Any, where: str, line: int) -> int:
    if isinstance(data, bool) or not isinstance(data, int):
        raise KnowledgeError(f"{where}: line {_line(data, line)}: expected a whole number, got {excerpt(data)}")
    return data


def _convert_str(data: Any, where: str, line: int) -> str:
    if type(data) is str:
        return data
    if isinstance(data, (int, float)) and not isinstance(data, bool):
        return str(data)
    if not isinstance(data, str):
        raise KnowledgeError(f"{where}: line {_line(data, line)}: expected text, got {excerpt(data)}")
    return data


@functools.cache
def _fields_of(cls: type) -> tuple[dict[str, _Convert], frozenset[str]]:
    """A record's fields with their converters, and those it cannot do without: worked out once per class."""
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    required = frozenset(
        item.name
        for item in fields
        if item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING
    )
    return {item.name: _converter(hints[item.name]) for item in fields}, required


def _convert_record(cls: type, data: Any, where: str, line: int) -> Any:
    line = _line(data, line)
    if not isinstance(data, dict):
        raise KnowledgeError(f"{where}: line {line}: expected a mapping for {cls.__name__}, got {excerpt(data)}")
    fields, required = _fields_of(cls)
    key_lines = getattr(data, "key_lines", None) or {}  # none in the compact copy
    if not data.keys() <= fields.keys():
        unknown = sorted(data.keys() - fields.keys())
        raise KnowledgeError(
            f"{where}: line {key_lines.get(unknown[0], line)}: unknown field {excerpt(unknown[0])} in {cls.__name__} "
            f"(known: {', '.join(fields)})"
        )
    if not required <= data.keys():
        missing = next(name for name in fields if name in required and name not in data)
        raise KnowledgeError(f"{where}: line {line}: {cls.__name__} needs the field {missing!r}")
    values = {name: fields[name](value, where, key_lines.get(name, line)) for name, value in data.items()}
    try:
        return cls(**values)
    except (TypeError, ValueError) as error:
        raise KnowledgeError(f"{where}: line {line}: {error}") from error


class _PlainDumper(_Dumper):  # type: ignore[valid-type,misc]  # the C or the Python dumper, as available
    """Writes a value each time it occurs: no anchors and aliases, which `read_yaml` refuses."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plain_tags: dict[str, str] = {}

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """The tag a scalar written plain would be read as, worked out once per text (ids and
        dates recur): the emitter asks twice for every scalar, to know whether it needs quotes."""
        if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        if not implicit[0]:
            return _STR  # a quoted scalar is text (what the resolver says without path resolvers)
        tag = self._plain_tags.get(value)
        if tag is None:
            tag = self._plain_tags[value] = super().resolve(kind, value, implicit)
        return tag


_MAP = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
_SEQ = yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG


class _PlainRepresenter(yaml.representer.SafeRepresenter):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # a node made once per value: the emitter would give a repeated one an anchor


def dump_yaml(data: Any, header: str = "") -> str:
    """`data` as YAML text after `header`. Records (dataclasses) are written as `to_plain` has
    them, in one pass: their fields in order, empty fields left out."""
    representer = _PlainRepresenter(default_flow_style=False, sort_keys=False)
    body = yaml.serialize(_node(data, representer), Dumper=_PlainDumper, allow_unicode=True, width=100)
    return header + body


@functools.cache
def _written_fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """A record's fields, each with whether false is its default (and so left out)."""
    return tuple((item.name, item.default is False) for item in dataclasses.fields(cls))


def _node(value: Any, representer: yaml.representer.SafeRepresenter) -> yaml.Node:
    """The YAML node of `to_plain(value)`, as PyYAML's safe representer would make it."""
    kind: Any = type(value)
    if kind is str:
        return yaml.ScalarNode(_STR, value)
    if isinstance(value, list):
        return yaml.SequenceNode(_SEQ, [_node(item, representer) for item in value], flow_style=False)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        pairs = []
        for name, false_left_out in _written_fields(kind):
            field_value = getattr(value, name)
            if field_value is None or field_value == [] or field_value is False and false_left_out:
                continue
            pairs.append((yaml.ScalarNode(_STR, name), _node(field_value, representer)))
        return yaml.MappingNode(_MAP, pairs, flow_style=False)
    node: yaml.Node = representer.represent_data(value)  # numbers, booleans, dates, None, mappings
    return node
