"""`python -m bot build-kb [SOURCE_DIR...] [--out DIR]`: newsletters -> knowledge base YAML."""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from bot.failures import BadInput
from bot.ingest.build import BuildResult, build
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.store import save_kb
from bot.knowledge.vocabulary import load_vocabulary
from bot.paths import DEFAULT_CORRECTIONS, DEFAULT_KB_DIR, DEFAULT_SOURCES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources", nargs="*", type=Path, help="folders (or files) of newsletters (.txt, .md, .pdf, .html)"
    )
    parser.add_argument("--out", type=Path, help="where to write the YAML (default: knowledge/base)")
    parser.add_argument("--corrections", type=Path, help="corrections file (default: knowledge/corrections.yaml)")
    parser.add_argument("--strict", action="store_true", help="treat every warning as an error: write nothing")
    parser.add_argument("--skipped", action="store_true", help="list every line left out of facts and passages")


def run(args: argparse.Namespace) -> int:
    sources = args.sources or [DEFAULT_SOURCES]
    out = args.out or DEFAULT_KB_DIR
    corrections = args.corrections or DEFAULT_CORRECTIONS
    started = time.perf_counter()
    result = build_base(sources, corrections)
    if args.strict and result.warnings:
        for warning in result.warnings:
            print(f"error: {warning}")
        raise BadInput(f"{len(result.warnings)} warnings and --strict: nothing written")
    save_kb(result.kb, out)
    elapsed = time.perf_counter() - started
    print(summary(result.kb, out, elapsed))
    print(skipped_summary(result.skipped))
    for line in result.skipped if args.skipped else []:
        print(f"  skipped {line}")
    for warning in result.warnings:
        print(f"warning: {warning}")
    return 0


def build_base(sources: list[Path], corrections: Path | None = DEFAULT_CORRECTIONS) -> BuildResult:
    """The base `build-kb` writes: the newsletters' records, and the reading layer's lemma table for their words."""
    from bot.reading.lemma_table import lemmas_of  # loads simplemma's dictionaries: only when building

    result = build(sources, load_vocabulary(), corrections)
    result.kb.lemmas = lemmas_of(result.kb)
    return result


def skipped_summary(skipped: list[str]) -> str:
    """ "  41 lines left out of facts and passages: page footer 12, short line 25, ... (--skipped lists them)"."""
    reasons = Counter(line.split(": ", 2)[1] for line in skipped)
    counts = ", ".join(f"{reason} {count}" for reason, count in sorted(reasons.items()))
    return f"  {len(skipped)} lines left out of facts and passages: {counts or 'none'} (--skipped lists them)"


def summary(kb: KnowledgeBase, out: Path, elapsed: float) -> str:
    issues = ", ".join(f"nr {i.number} {i.year}" for i in kb.issues)
    places = sum(len(report.places) for report in kb.places)
    return (
        f"Built {out} in {elapsed * 1000:.0f} ms from {len(kb.issues)} issues ({issues}):\n"
        f"  {len(kb.meetings)} meetings, {places} open places in {len(kb.places)} notices, "
        f"{len(kb.contacts)} contacts, {len(kb.boards)} boards, {len(kb.projects)} projects, "
        f"{len(kb.organisation.federations)} federations, {len(kb.passages)} passages"
    )
