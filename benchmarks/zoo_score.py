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

from zoo import ZOO, expected, found, newsletters  # noqa: E402

from bot.failures import BadInput  # noqa: E402
from bot.ingest.build import build  # noqa: E402
from bot.knowledge.vocabulary import load_vocabulary  # noqa: E402


def score(newsletter: Path, show_missed: bool) -> tuple[int, int, int]:
    """(facts found, facts expected, meetings read that no fact has: read where there is none)."""
    wanted = expected(newsletter)
    try:
        kb = build([newsletter], load_vocabulary(), None).kb
    except BadInput as error:
        print(f"  {newsletter.name}: not read: {error}")
        return 0, len(wanted), 0
    hits = [(kind, fact) for kind, fact in wanted if found(kind, fact, kb)]
    days = {str(fact["date"]) for kind, fact in wanted if kind == "meetings"}
    extra = [m for m in kb.meetings if str(m.date) not in days and m.status != "moved"]  # a moved one keeps its old day
    print(
        f"  {newsletter.name}: {len(hits)}/{len(wanted)}" + (f", {len(extra)} meetings not expected" if extra else "")
    )
    if show_missed:
        for kind, fact in wanted:
            if (kind, fact) not in hits:
                print(f"    missed {kind}: {fact}")
        for meeting in extra:
            print(f"    not expected: {meeting.kind} {meeting.date} {meeting.municipality} {meeting.topic!r}")
    return len(hits), len(wanted), len(extra)


def main() -> None:
    show_missed = "--missed" in sys.argv
    groups = sorted(
        (path.name for path in ZOO.iterdir() if path.is_dir()), key=lambda name: (name != "seen", len(name), name)
    )
    for group in groups:
        print(f"{group}:")
        totals = [score(path, show_missed) for path in newsletters(group)]
        hit, want, extra = (sum(t[i] for t in totals) for i in range(3))
        print(
            f"{group}: {hit}/{want} facts ({100 * hit / max(want, 1):.1f}%), {extra} meetings read that are not there"
        )


if __name__ == "__main__":
    main()
