"""Facts found / facts expected on the newsletter zoo (tests/newsletter_zoo): each newsletter built
alone, each fact of its facts file looked for in the knowledge base. Prints a line per newsletter,
the facts missed, and the totals for the seen and the held-out (unseen) newsletters.

    .venv/bin/python benchmarks/zoo_score.py [--missed]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml  # noqa: E402

from bot.failures import BadInput  # noqa: E402
from bot.folding import fold  # noqa: E402
from bot.ingest.build import build  # noqa: E402
from bot.knowledge.model import KnowledgeBase  # noqa: E402
from bot.knowledge.vocabulary import load_vocabulary  # noqa: E402

ZOO = Path(__file__).resolve().parents[1] / "tests" / "newsletter_zoo"


def contains(value: str | None, wanted: str | None) -> bool:
    return wanted is None or (value is not None and fold(wanted) in fold(value))


def found(kind: str, fact: dict[str, Any], kb: KnowledgeBase) -> bool:
    if kind == "meetings":
        return any(
            str(m.date) == str(fact["date"])
            and (fact.get("municipality") is None or m.municipality == fact["municipality"])
            and m.kind == fact.get("kind", m.kind)
            and contains(m.topic, fact.get("topic"))
            and contains(m.venue, fact.get("venue"))
            and (fact.get("start") is None or m.start == fact["start"])
            and (fact.get("moved_from") is None or str(m.moved_from) == str(fact["moved_from"]))
            and (not fact.get("cancelled") or m.status == "cancelled")
            for m in kb.meetings
        )
    if kind == "open_places":
        return any(
            fold(p.provider) == fold(fact["provider"]) and p.count == fact["count"] for r in kb.places for p in r.places
        )
    if kind == "roles":
        return any(
            fold(c.name) == fold(fact["person"])
            and fold(r.title) == fold(fact["title"])
            and (fact.get("start") is None or str(r.start) == str(fact["start"]))
            for c in kb.contacts
            for r in c.roles
        )
    if kind == "board":
        return any(
            fold(m.position) == fold(fact["position"])
            and (m.vacancy is not None if fact.get("vacancy") else fold(m.name or "") == fold(fact.get("name") or ""))
            for b in kb.boards
            for m in b.members
        )
    if kind == "contacts":
        return any(
            fold(c.name) == fold(fact["name"])
            and (fact.get("email") is None or c.email == fact["email"])
            and (fact.get("phone") is None or c.phone == fact["phone"])
            for c in kb.contacts
        )
    return False


def score(newsletter: Path, show_missed: bool) -> tuple[int, int]:
    facts = yaml.safe_load(newsletter.with_suffix(".facts.yaml").read_text(encoding="utf-8"))
    expected = [
        (kind, fact)
        for kind in ("meetings", "open_places", "roles", "board", "contacts")
        for fact in facts.get(kind) or []
    ]
    try:
        kb = build([newsletter], load_vocabulary(), None).kb
    except BadInput as error:
        print(f"  {newsletter.name}: not read: {error}")
        return 0, len(expected)
    hits = [(kind, fact) for kind, fact in expected if found(kind, fact, kb)]
    print(f"  {newsletter.name}: {len(hits)}/{len(expected)}")
    if show_missed:
        for kind, fact in expected:
            if (kind, fact) not in hits:
                print(f"    missed {kind}: {fact}")
    return len(hits), len(expected)


def main() -> None:
    show_missed = "--missed" in sys.argv
    for group in ("seen", "unseen"):
        print(f"{group}:")
        totals = [score(path, show_missed) for path in sorted((ZOO / group).iterdir()) if ".facts." not in path.name]
        hit, want = sum(t[0] for t in totals), sum(t[1] for t in totals)
        print(f"{group}: {hit}/{want} facts ({100 * hit / max(want, 1):.1f}%)")


if __name__ == "__main__":
    main()
