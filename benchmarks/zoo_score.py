"""Facts found / facts expected on the newsletter zoo (tests/newsletter_zoo): each newsletter built
alone, each fact of its facts file looked for in the knowledge base. Prints a line per newsletter,
the facts missed, and the totals for the seen and the held-out newsletters.

    .venv/bin/python benchmarks/zoo_score.py [--missed]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from zoo import expected, found, newsletters  # noqa: E402

from bot.failures import BadInput  # noqa: E402
from bot.ingest.build import build  # noqa: E402
from bot.knowledge.vocabulary import load_vocabulary  # noqa: E402


def score(newsletter: Path, show_missed: bool) -> tuple[int, int]:
    wanted = expected(newsletter)
    try:
        kb = build([newsletter], load_vocabulary(), None).kb
    except BadInput as error:
        print(f"  {newsletter.name}: not read: {error}")
        return 0, len(wanted)
    hits = [(kind, fact) for kind, fact in wanted if found(kind, fact, kb)]
    print(f"  {newsletter.name}: {len(hits)}/{len(wanted)}")
    if show_missed:
        for kind, fact in wanted:
            if (kind, fact) not in hits:
                print(f"    missed {kind}: {fact}")
    return len(hits), len(wanted)


def main() -> None:
    show_missed = "--missed" in sys.argv
    for group in ("seen", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8"):
        print(f"{group}:")
        totals = [score(path, show_missed) for path in newsletters(group)]
        hit, want = sum(t[0] for t in totals), sum(t[1] for t in totals)
        print(f"{group}: {hit}/{want} facts ({100 * hit / max(want, 1):.1f}%)")


if __name__ == "__main__":
    main()
