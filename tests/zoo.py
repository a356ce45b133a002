"""The layout zoo (tests/newsletter_zoo/): newsletters of our own in layouts the five sources do not use,
each with the facts it must yield written down beside it (NAME.facts.yaml), and how to look for them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.folding import fold
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.vocabulary import load_vocabulary

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
            same_provider(p.provider, fact["provider"]) and p.count == fact["count"]
            for r in kb.places
            for p in r.places
        )
    if kind == "roles":
        return any(
            fold(c.name) == fold(fact["person"])
            and load_vocabulary().same_title(r.title, fact["title"])
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


def same_provider(read: str, wanted: str) -> bool:
    """The same name, or one of them the other with its place after "i" ("Stallet i Sorunda" / "Stallet"):
    writers differ on whether the place is part of the name, and either names the provider."""
    short, long = sorted((fold(read), fold(wanted)), key=len)
    return short == long or (long.startswith(short + " i ") and len(long.split()) - len(short.split()) <= 3)


def newsletters(group: str) -> list[Path]:
    """The newsletters of "seen" or of a held-out group ("heldout2"); none if the group is not there."""
    folder = ZOO / group
    return sorted(path for path in folder.iterdir() if ".facts." not in path.name) if folder.is_dir() else []


def expected(newsletter: Path) -> list[tuple[str, dict[str, Any]]]:
    """(kind, fact) for every fact written down for `newsletter`."""
    facts = yaml.safe_load(newsletter.with_suffix(".facts.yaml").read_text(encoding="utf-8"))
    kinds = ("meetings", "open_places", "roles", "board", "contacts")
    return [(kind, fact) for kind in kinds for fact in facts.get(kind) or []]
