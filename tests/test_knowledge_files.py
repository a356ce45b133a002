"""Knowledge files and corrections read with limits, and a base written all or nothing, through the CLI:
one line naming the file and line for every bad input, exit 2; a failed write exits 1 and changes nothing."""

from __future__ import annotations

import dataclasses
import errno
import importlib.util
import os
import shutil
import subprocess
import typing
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from conftest import ROOT, run_cli, tiny_filesystem

from bot.cli import main
from bot.knowledge import serde, store
from bot.knowledge.model import KnowledgeBase

BuildWith = Callable[[str], tuple[subprocess.CompletedProcess[str], Path]]
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)
)


@pytest.fixture
def base(tmp_path: Path, seed_kb_dir: Path) -> Path:
    """A copy of the seeds' knowledge base, to spoil."""
    copy = tmp_path / "base"
    shutil.copytree(seed_kb_dir, copy)
    return copy


@pytest.mark.parametrize(
    "content, problem",
    [
        (BOMB, "line 1: YAML anchors and aliases are not allowed here"),
        ("- " + "[" * 100_000 + "]" * 100_000 + "\n", "line 1: nested deeper than 40 levels"),
        ('- id: x\n  text: "a\0b"\n', "line 2: a NUL byte: not a text file"),
        ("- id: x\n- " + "ä".encode().decode("latin-1") + "\n", None),  # mojibake is text: the schema speaks
    ],
)
def test_a_hostile_knowledge_file_is_refused_in_one_line(base: Path, content: str, problem: str | None) -> None:
    (base / "meetings.yaml").write_text(content, encoding="utf-8")
    for command in (["check-kb", str(base)], ["ask", "--kb", str(base), "hej"]):
        done = run_cli(*command)
        assert done.returncode == 2
        (line,) = done.stderr.splitlines()
        assert line.startswith(f"error: {base / 'meetings.yaml'}: ")
        if problem:
            assert line == f"error: {base / 'meetings.yaml'}: {problem}"
        assert len(line) < 400  # never the whole value


def _too_large(path: Path) -> None:
    with path.open("wb") as file:
        file.truncate(16_000_001)


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


@pytest.mark.parametrize(
    "name, make, problem",
    [
        ("passages.yaml", _too_large, "larger than 16 MB, more than any knowledge file needs"),
        ("places.yaml", _folder, "not a file"),
        ("issues.yaml", lambda path: path.write_bytes(b"\xff\xfe\x00\x01binary"), "line 1: not UTF-8 text"),
    ],
)
def test_a_file_too_large_a_folder_or_binary_is_one_line(base: Path, name: str, make, problem: str) -> None:
    make(base / name)
    done = run_cli("check-kb", str(base))
    assert (done.returncode, done.stderr) == (2, f"error: {base / name}: {problem}\n")


@pytest.fixture
def build_with(tmp_path: Path, seed_sources: Path) -> BuildWith:
    """`build_with(corrections)`: `build-kb` of the five seeds with these corrections, into tmp_path/out."""

    def build(corrections: str) -> tuple[subprocess.CompletedProcess[str], Path]:
        path = tmp_path / "corrections.yaml"
        path.write_text(corrections, encoding="utf-8")
        out = tmp_path / "out"
        return run_cli("build-kb", str(seed_sources), "--corrections", str(path), "--out", str(out)), out

    return build


@pytest.mark.parametrize(
    "corrections, problem",
    [
        (
            "corrections:\n  - in: meetings\n    match: {id: frukostmöte-2018-09-28}\n    set: {start: 10:30}\n",
            "{out}: meeting frukostmöte-2018-09-28: start '630' is not a time HH:MM (write times in quotes, "
            'e.g. start: "10:30")',
        ),
        (
            "corrections:\n  - in: meetings\n    match: {id: frukostmöte-2018-09-28}\n    set: {sources: []}\n",
            "{out}: meeting frukostmöte-2018-09-28: has no source",
        ),
        (
            "corrections:\n  - in: meetings\n    match: {id: frukostmöte-2018-09-28}\n"
            "    set: {sources: [{issue: 2030-9}]}\n",
            "{out}: meeting frukostmöte-2018-09-28: source names unknown issue '2030-9'",
        ),
        (
            'corrections:\n  - in: meetings\n    match: {id: frukostmöte-2018-09-28}\n    remove: "false"\n',
            "{path}: line 2: 'remove' must be true, without quotes (got 'false'); "
            "to keep the record, leave 'remove' out",
        ),
        ("corrections: 5\n", "{path}: line 1: 'corrections' must be a list of corrections, not 5"),
        (
            "corrections:\n  - in: [meetings]\n    match: {id: x}\n    remove: true\n",
            "{path}: line 2: unknown list ['meetings'] (one of issues, meetings, places, contacts, boards, projects, "
            "passages)",
        ),
        (BOMB.replace("a:", "corrections:", 1), "{path}: line 1: YAML anchors and aliases are not allowed here"),
    ],
)
def test_a_correction_that_would_break_the_base_stops_the_build_before_anything_is_written(
    tmp_path: Path, build_with: BuildWith, corrections: str, problem: str
) -> None:
    done, out = build_with(corrections)
    assert done.returncode == 2
    assert done.stderr == "error: " + problem.format(out=out, path=tmp_path / "corrections.yaml") + "\n"
    assert not out.exists()


def test_out_naming_a_file_is_one_line(tmp_path: Path, build_with: BuildWith) -> None:
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    done, _ = build_with("corrections: []\n")
    assert (done.returncode, done.stderr) == (
        2,
        f"error: {tmp_path / 'out'}: is a file, not a folder for the knowledge base\n",
    )


def test_a_failed_write_leaves_the_old_base_whole_and_other_files_alone(
    base: Path, seed_sources: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (base / "NOTES.txt").write_text("mine", encoding="utf-8")
    before = {path.name: path.read_bytes() for path in base.iterdir()}
    synced = 0

    def fsync(fd: int) -> None:
        nonlocal synced
        synced += 1
        if synced == 5:  # the fifth of nine files: the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store.os, "fsync", fsync)
    assert main(["build-kb", str(seed_sources), "--out", str(base)]) == 1
    assert capsys.readouterr().err == (
        f"error: {base}: the knowledge base could not be written (No space left on "
        "device); the base there is unchanged\n"
    )
    assert {path.name: path.read_bytes() for path in base.iterdir()} == before


def test_a_full_disk_during_build_kb_leaves_the_old_base_whole(
    tmp_path: Path, seed_sources: Path, seed_kb_dir: Path
) -> None:
    with tiny_filesystem(tmp_path / "disk", "400k") as disk:
        base = disk / "base"
        # about 270 KB with the lemma table: no room for a second copy (nor for the compact copy)
        shutil.copytree(seed_kb_dir, base, ignore=shutil.ignore_patterns(store.COMPACT_COPY))
        before = {path.name: path.read_bytes() for path in base.iterdir()}
        done = run_cli("build-kb", str(seed_sources), "--out", str(base))
        after = {path.name: path.read_bytes() for path in base.iterdir()}
    assert (done.returncode, done.stderr) == (
        1,
        f"error: {base}: the knowledge base could not be written (No "
        "space left on device); the base there is unchanged\n",
    )
    assert after == before


def test_the_base_is_read_from_its_compact_copy_as_from_its_yaml(base: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_yaml = store.kb_from_texts({path.name: path.read_text("utf-8") for path in base.glob("*.yaml")}, str(base))
    with monkeypatch.context() as patched:  # the YAML is not parsed at all
        patched.setattr(store, "parse_yaml", lambda text, where: pytest.fail(f"{where} parsed"))
        assert store.load_kb(base) == from_yaml


@pytest.mark.parametrize(
    "spoil",
    [
        lambda base: (base / "issues.yaml").write_text(
            (base / "issues.yaml").read_text("utf-8").replace("month: 5", "month: 6", 1), "utf-8"
        ),
        lambda base: (base / store.COMPACT_COPY).write_text('{"of": "', "utf-8"),
        lambda base: (base / store.COMPACT_COPY).write_text("[" * 100_000 + "]" * 100_000, "utf-8"),
        lambda base: (base / store.COMPACT_COPY).write_text(
            (base / store.COMPACT_COPY).read_text("utf-8").replace('"month": 5', '"month": 13', 1), "utf-8"
        ),
    ],
    ids=["yaml edited since", "cut short", "nested too deep", "a bad value"],
)
def test_a_compact_copy_not_of_the_yaml_beside_it_or_damaged_is_passed_over(
    base: Path, spoil: Callable[[Path], object]
) -> None:
    spoil(base)
    from_yaml = store.kb_from_texts({path.name: path.read_text("utf-8") for path in base.glob("*.yaml")}, str(base))
    assert store.load_kb(base) == from_yaml
    assert from_yaml.issues[0].month in (5, 6)


def test_a_compact_copy_that_cannot_be_written_leaves_the_base_written(
    tmp_path: Path, seed_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    written = Path.write_text

    def full_for_the_copy(path: Path, *args: typing.Any, **kwargs: typing.Any) -> int:
        if store.COMPACT_COPY in path.name:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return written(path, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full_for_the_copy)
    store.save_kb(seed_kb, tmp_path / "base")
    assert sorted(path.name for path in (tmp_path / "base").iterdir()) == sorted(
        f"{item.name}.yaml" for item in dataclasses.fields(KnowledgeBase)
    )
    assert store.load_kb(tmp_path / "base") == seed_kb
    assert "no compact copy of the base (" in caplog.text


@pytest.fixture
def python_yaml(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """bot.knowledge.serde as loaded where PyYAML has no libyaml: the pure-Python parser and emitter."""
    monkeypatch.delattr(yaml, "CSafeLoader")
    monkeypatch.delattr(yaml, "CSafeDumper")
    spec = importlib.util.spec_from_file_location("serde_without_libyaml", ROOT / "bot/knowledge/serde.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module._LineLoader.__mro__[1] is yaml.SafeLoader
    return module


def test_without_libyaml_the_base_is_written_and_read_the_same(python_yaml: ModuleType, seed_kb_dir: Path) -> None:
    kb = store.load_kb(seed_kb_dir)
    hints = typing.get_type_hints(KnowledgeBase)
    for item in dataclasses.fields(KnowledgeBase):
        path = seed_kb_dir / f"{item.name}.yaml"
        text = python_yaml.dump_yaml(getattr(kb, item.name), store.HEADER)
        assert text == path.read_text(encoding="utf-8")
        assert python_yaml.from_plain(hints[item.name], python_yaml.parse_yaml(text, str(path)), str(path)) == getattr(
            kb, item.name
        )


@pytest.mark.parametrize(
    "content, problem",
    [
        (BOMB, "line 1: YAML anchors and aliases are not allowed here"),
        ("- " + "[" * 100_000 + "]" * 100_000 + "\n", "line 1: nested deeper than 40 levels"),
        ("- id: x\n  id: y\n", "line 2: duplicate key 'id'"),
        ("- ? [a]\n  : b\n", "line 1: a key must be a word, not ['a']"),
        ("- !!set {a, b}\n", "line 1: the YAML tag 'tag:yaml.org,2002:set' is not allowed here"),
        ("- a\n---\n- b\n", "line 2: malformed YAML: but found another document"),
    ],
)
def test_the_limits_hold_with_and_without_libyaml(python_yaml: ModuleType, content: str, problem: str) -> None:
    for module in (serde, python_yaml):
        with pytest.raises(module.KnowledgeError) as refused:
            module.parse_yaml(content, "meetings.yaml")
        assert str(refused.value) == f"meetings.yaml: {problem}"
