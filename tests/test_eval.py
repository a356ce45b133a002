"""The evaluation set's held-out half must stay answered: 95% in scope, 90% of out-of-scope refused.
Its answers are facts of the five seed newsletters, so it is asked of their knowledge base."""

from __future__ import annotations

from bot.commands.eval import evaluate, load_questions
from bot.engine import Engine
from bot.knowledge.model import KnowledgeBase


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
