"""`python -m bot build-kb [SOURCE_DIR...] [--out DIR]`: newsletters -> knowledge base YAML."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bot.ingest.build import build
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


def run(args: argparse.Namespace) -> int:
    sources = args.sources or [DEFAULT_SOURCES]
    out = args.out or DEFAULT_KB_DIR
    corrections = args.corrections or DEFAULT_CORRECTIONS
    started = time.perf_counter()
    result = build(sources, load_vocabulary(), corrections)
    save_kb(result.kb, out)
    elapsed = time.perf_counter() - started
    print(summary(result.kb, out, elapsed))
    for warning in result.warnings:
        print(f"warning: {warning}")
    return 0


def summary(kb: KnowledgeBase, out: Path, elapsed: float) -> str:
    issues = ", ".join(f"nr {i.number} {i.year}" for i in kb.issues)
    places = sum(len(report.places) for report in kb.places)
    return (
        f"Built {out} in {elapsed * 1000:.0f} ms from {len(kb.issues)} issues ({issues}):\n"
        f"  {len(kb.meetings)} meetings, {places} open places in {len(kb.places)} notices, "
        f"{len(kb.contacts)} contacts, {len(kb.boards)} boards, {len(kb.projects)} projects, "
        f"{len(kb.organisation.federations)} federations, {len(kb.passages)} passages"
    )
