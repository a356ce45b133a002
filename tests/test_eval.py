"""The evaluation set's held-out half must stay answered: 95% in scope, 90% of out-of-scope refused.
Its answers are facts of the five seed newsletters, so it is asked of their knowledge base."""

from __future__ import annotations

import pytest

from bot.commands.eval import evaluate, load_questions, load_reading
from bot.engine import Engine
from bot.knowledge.model import KnowledgeBase
from bot.paths import READING_QUESTIONS
from tests.conftest import SEED_NEWSLETTERS

SOURCES = [READING_QUESTIONS["tuning"].parents[2] / "knowledge" / "sources" / name for name in SEED_NEWSLETTERS]


def test_evaluation_set_is_big_enough_and_mixed() -> None:
    questions = load_questions()
    assert len(questions) >= 200
    out_of_scope = [q for q in questions if q.intent is None]
    assert 0.15 <= len(out_of_scope) / len(questions) <= 0.25
    assert {q.split for q in questions} == {"tuning", "heldout"}


def test_held_out_accuracy_and_out_of_scope_recall(seed_kb: KnowledgeBase) -> None:
    report = evaluate(Engine(seed_kb), [q for q in load_questions() if q.split == "heldout"])
    failures = [f"{o.question.text!r}: {'; '.join(o.problems)}" for o in report.outcomes if not o.ok]
    assert report.accuracy >= 0.95, failures
    assert report.oos_recall >= 0.90, failures


@pytest.mark.parametrize("split", sorted(READING_QUESTIONS))
def test_every_reading_question_has_facts_the_newsletters_hold(split: str) -> None:
    """The files' shape only: asking them is `python -m bot eval --reading SPLIT` (a held-out one only at the end)."""
    if not READING_QUESTIONS[split].exists():
        pytest.skip(f"{READING_QUESTIONS[split].name} not written yet")
    sources = " ".join(path.read_text(encoding="utf-8") for path in SOURCES).casefold()
    questions = load_reading(split)
    assert len(questions) >= 100 and any(q.intent is None for q in questions)
    assert all(q.facts and all(fact.casefold() in sources for fact in q.facts) for q in questions if q.intent)
