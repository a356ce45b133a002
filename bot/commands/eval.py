"""`python -m bot eval`: per-intent accuracy, out-of-scope recall and confusions on the evaluation set."""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bot.engine import Engine, Reply
from bot.knowledge.store import load_kb
from bot.nlu.matcher import SCORERS
from bot.nlu.understand import Understander
from bot.paths import QUESTIONS_PATH, READING_QUESTIONS

SPLITS = ("tuning", "heldout")


@dataclass
class Question:
    text: str
    intent: str | None
    today: date
    split: str
    facts: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=dict)
    after: list[str] = field(default_factory=list)  # earlier questions in the same chat
    lang: str | None = None
    category: str = "intents"  # or "reading": questions about the articles (tests/eval/reading_*.yaml)


@dataclass
class Outcome:
    question: Question
    intent: str | None
    answer: str
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Report:
    outcomes: list[Outcome]

    def in_scope(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.question.intent is not None]

    def out_of_scope(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.question.intent is None]

    def of(self, category: str) -> Report:
        return Report([o for o in self.outcomes if o.question.category == category])

    @property
    def accuracy(self) -> float:
        scope = self.in_scope()
        return sum(o.ok for o in scope) / len(scope) if scope else 1.0

    @property
    def oos_recall(self) -> float:
        scope = self.out_of_scope()
        return sum(o.ok for o in scope) / len(scope) if scope else 1.0

    def per_intent(self) -> dict[str | None, tuple[int, int]]:
        counts: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
        for outcome in self.in_scope():
            counts[outcome.question.intent][0] += outcome.ok
            counts[outcome.question.intent][1] += 1
        return {intent: (ok, total) for intent, (ok, total) in sorted(counts.items())}

    def confusions(self) -> Counter[tuple[str | None, str | None]]:
        return Counter((o.question.intent, o.intent) for o in self.outcomes if o.question.intent != o.intent)


def load_questions(path: Path = QUESTIONS_PATH) -> list[Question]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    default_today = date.fromisoformat(str(data.get("today", "2018-09-01")))
    return [_question(item, split, default_today) for split in SPLITS for item in data.get(split) or []]


def _question(item: dict[str, Any], split: str, default_today: date, category: str = "intents") -> Question:
    """One question of an evaluation file ("q", "intent", "facts", ... as its header says)."""
    return Question(
        text=str(item["q"]),
        intent=item.get("intent"),
        today=date.fromisoformat(str(item["today"])) if item.get("today") else default_today,
        split=split,
        facts=[str(f) for f in item.get("facts") or []],
        absent=[str(f) for f in item.get("absent") or []],
        slots=dict(item.get("slots") or {}),
        after=[str(a) for a in item.get("after") or []],
        lang=item.get("lang"),
        category=category,
    )


def load_reading(split: str) -> list[Question]:
    """The reading questions of one split; only that split's file is read (the held-out one only when asked)."""
    data = yaml.safe_load(READING_QUESTIONS[split].read_text(encoding="utf-8"))
    default_today = date.fromisoformat(str(data.get("today", "2019-06-01")))
    return [_question(item, split, default_today, category="reading") for item in data.get("questions") or []]


def _check_reading(question: Question, reply: Reply) -> list[str]:
    """Right when the reply holds every fact and is not "I don't know"; out of scope, when it is."""
    folded = reply.text.casefold()
    if question.intent is None:
        return [] if not reply.answered else [f"answered ({reply.intent}) instead of not knowing"]
    problems = [] if reply.answered else ["said it does not know"]
    return problems + [f"missing {fact!r}" for fact in question.facts if fact.casefold() not in folded]


def evaluate(engine: Engine, questions: list[Question]) -> Report:
    outcomes = []
    for number, question in enumerate(questions):
        chat = f"eval-{question.category}-{question.split}-{number}"  # no context shared between sets
        for earlier in question.after:
            engine.answer(earlier, today=question.today, chat=chat)
        reply = engine.answer(question.text, today=question.today, chat=chat)
        if question.category == "reading":
            outcomes.append(Outcome(question, reply.intent, reply.text, _check_reading(question, reply)))
            continue
        problems = []
        if reply.intent != question.intent:
            problems.append(f"intent {reply.intent} (want {question.intent})")
        folded = reply.text.casefold()
        problems += [f"missing {fact!r}" for fact in question.facts if fact.casefold() not in folded]
        problems += [f"should not say {fact!r}" for fact in question.absent if fact.casefold() in folded]
        if question.intent is None and ("Källa" in reply.text or "Source" in reply.text):
            problems.append("cites a newsletter for an out-of-scope question")
        if question.lang and reply.lang != question.lang:
            problems.append(f"language {reply.lang} (want {question.lang})")
        if question.slots:
            slots = engine.understander.parse(question.text, question.today).slots
            for name, value in question.slots.items():
                found = getattr(slots, name, None)
                if str(found) != str(value):
                    problems.append(f"slot {name}={found!r} (want {value!r})")
        outcomes.append(Outcome(question, reply.intent, reply.text, problems))
    return Report(outcomes)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="heldout", help="which part to report on")
    parser.add_argument("--questions", type=Path, default=QUESTIONS_PATH)
    parser.add_argument(
        "--reading",
        choices=(*READING_QUESTIONS, "none"),
        default="tuning",
        help="which reading questions to add (default tuning; a held-out file is read only when named)",
    )
    parser.add_argument("--kb", type=Path, default=None)
    parser.add_argument("--scorer", choices=SCORERS, default=None, help="compare another intent scorer")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--margin", type=float, default=None)
    parser.add_argument("--failures", action="store_true", help="list every failed question")
    parser.add_argument("--show-answers", action="store_true", help="with --failures: the answer given too")
    parser.add_argument(
        "--tune", action="store_true", help="scan thresholds and margins on the tuning part and print the best"
    )


def build_engine(kb_dir: Path | None, scorer: str | None, threshold: float | None, margin: float | None) -> Engine:
    engine = Engine(load_kb(kb_dir))
    if scorer:
        engine.understander = Understander(engine.kb, scorer=scorer)
    if threshold is not None:
        engine.understander.threshold = threshold
    if margin is not None:
        engine.understander.margin = margin
    return engine


def tune(engine: Engine, questions: list[Question]) -> list[tuple[float, float, float, float]]:
    """(threshold, margin, in-scope accuracy, out-of-scope recall), best first by their mean."""
    results = []
    for threshold in range(40, 82, 2):
        for margin in range(0, 12, 2):
            engine.understander.threshold, engine.understander.margin = float(threshold), float(margin)
            report = evaluate(engine, questions)
            results.append((float(threshold), float(margin), report.accuracy, report.oos_recall))
    return sorted(results, key=lambda r: (min(r[2], r[3]), r[2] + r[3], -abs(r[0] - 60)), reverse=True)


def run(args: argparse.Namespace) -> int:
    engine = build_engine(args.kb, args.scorer, args.threshold, args.margin)
    if args.tune:
        tuning = [q for q in load_questions(args.questions) if q.split == "tuning"]
        print(f"scorer {engine.understander.matcher.scorer}: threshold margin in-scope out-of-scope (tuning part)")
        for threshold, margin, accuracy, recall in tune(engine, tuning)[:8]:
            print(f"  {threshold:9g} {margin:6g} {accuracy:9.1%} {recall:12.1%}")
        return 0
    questions = [q for q in load_questions(args.questions) if args.split == "all" or q.split == args.split]
    report = evaluate(engine, questions)
    reading = evaluate(engine, load_reading(args.reading)) if args.reading != "none" else Report([])
    understander = engine.understander
    print(
        f"{len(questions)} questions ({args.split}); scorer {understander.matcher.scorer}, "
        f"threshold {understander.threshold:g}, margin {understander.margin:g}"
    )
    print(f"{'intent':24} {'correct':>8} {'accuracy':>9}")
    for intent, (ok, total) in report.per_intent().items():
        print(f"{intent:24} {ok:>4}/{total:<3} {ok / total:>9.1%}")
    scope, oos = report.in_scope(), report.out_of_scope()
    print(f"in-scope accuracy: {report.accuracy:.1%} ({sum(o.ok for o in scope)}/{len(scope)})")
    print(f"out-of-scope recall: {report.oos_recall:.1%} ({sum(o.ok for o in oos)}/{len(oos)})")
    confusions = report.confusions()
    if confusions:
        print("confusions (expected -> got: count):")
        for (want, got), count in confusions.most_common():
            print(f"  {want} -> {got}: {count}")
    if reading.outcomes:
        scope, oos = reading.in_scope(), reading.out_of_scope()
        print(f"reading questions ({args.reading}):")
        print(f"  in-scope accuracy: {reading.accuracy:.1%} ({sum(o.ok for o in scope)}/{len(scope)})")
        print(f"  out-of-scope recall: {reading.oos_recall:.1%} ({sum(o.ok for o in oos)}/{len(oos)})")
        answered_by = Counter(o.intent for o in scope if o.ok)
        print("  answered by: " + ", ".join(f"{name}: {count}" for name, count in answered_by.most_common()))
    failures = [o for o in report.outcomes + reading.outcomes if not o.ok]
    if args.failures and failures:
        print("failures:")
        for outcome in failures:
            where = f"{outcome.question.category} {outcome.question.split}"
            print(f"  [{where}] {outcome.question.text!r}: {'; '.join(outcome.problems)}")
            if args.show_answers:
                print("      " + outcome.answer.replace("\n", "\n      ")[:600])
    return 0
