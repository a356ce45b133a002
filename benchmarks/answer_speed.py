"""Answer speed: start-up, answers per second, per-answer latency (median, p99) in one process.

    .venv/bin/python benchmarks/answer_speed.py [--rounds N]

Questions are the evaluation set's (tests/eval/questions.yaml), each asked with its own date.
The first round is reported apart: it fills the typo-correction cache.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    started = time.perf_counter()
    from bot.engine import Engine

    imported = time.perf_counter()
    engine = Engine.load()
    ready = time.perf_counter()
    from bot.commands.eval import load_questions

    questions = load_questions()

    def one_round(chat: str) -> list[float]:
        latencies = []
        for question in questions:
            begin = time.perf_counter_ns()
            engine.answer(question.text, today=question.today, chat=chat)
            latencies.append((time.perf_counter_ns() - begin) / 1e6)
        return latencies

    first = one_round("bench-0")
    latencies: list[float] = []
    wall = time.perf_counter()
    for number in range(args.rounds):
        latencies += one_round(f"bench-{number + 1}")
    wall = time.perf_counter() - wall

    print(
        f"start-up: imports {1000 * (imported - started):.0f} ms, "
        f"load knowledge base + build matchers {1000 * (ready - imported):.0f} ms, "
        f"total {1000 * (ready - started):.0f} ms"
    )
    print(
        f"first round ({len(first)} answers, cold caches): median {statistics.median(first):.3f} ms, "
        f"p99 {percentile(first, 0.99):.3f} ms, max {max(first):.3f} ms"
    )
    print(f"{args.rounds} rounds, {len(latencies)} answers: {len(latencies) / wall:,.0f} answers/s")
    print(
        f"latency per answer: median {statistics.median(latencies):.3f} ms, "
        f"p99 {percentile(latencies, 0.99):.3f} ms, max {max(latencies):.3f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
