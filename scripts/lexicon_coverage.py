"""How much of the newsletters' content vocabulary the English-Swedish lexicon covers.

    .venv/bin/python scripts/lexicon_coverage.py [--kb DIR] [--top N] [--missing]

Content lemmas are the reading layer's terms of every sentence (stop words, short words and numbers
out), counted over the sentences; the most frequent N are checked against the Swedish side of
knowledge/lexicon.yaml. `--missing` lists those not covered, most frequent first: the words to add."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=Path, default=None)
    parser.add_argument("--top", type=int, default=300)
    parser.add_argument("--missing", action="store_true")
    args = parser.parse_args()

    from bot.knowledge.store import load_kb
    from bot.reading.index import SentenceIndex
    from bot.reading.words import load_lexicon

    index = SentenceIndex(load_kb(args.kb))
    normaliser = index.normaliser
    counts: Counter[str] = Counter()
    example: dict[str, str] = {}
    for terms in index.terms:
        for term in terms:
            if not term.isdigit() and term not in normaliser.names:
                counts[term] += 1
    for word, term in normaliser.known.items():
        example.setdefault(term, word)
    covered = {term for terms in normaliser.lexicon.values() for term in terms}
    top = [term for term, _ in counts.most_common(args.top)]
    hit = [term for term in top if term in covered]
    print(f"lexicon: {len(load_lexicon())} English words -> {len(covered)} Swedish terms")
    everywhere = len(covered & set(counts))
    print(
        f"content lemmas in the sources: {len(counts)}; of the {len(top)} most frequent, {len(hit)} covered "
        f"({len(hit) / max(len(top), 1):.0%}); of all, {everywhere} ({everywhere / max(len(counts), 1):.0%})"
    )
    if args.missing:
        for term in top:
            if term not in covered:
                print(f"  {counts[term]:4} {term:24} e.g. {example.get(term, '')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
