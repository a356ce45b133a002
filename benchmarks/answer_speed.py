"""Answer speed: start-up, answers per second, per-answer latency (median, p99) in one process.

    .venv/bin/python benchmarks/answer_speed.py [--rounds N]
    .venv/bin/python benchmarks/answer_speed.py --issues 5,70 [--rounds N]

Questions are the evaluation set's (tests/eval/questions.yaml), each asked with its own date.
The first round is reported apart: it fills the typo-correction cache.

With --issues, each size is a knowledge base of that many renumbered issues (as benchmarks/scale.py makes
them), and the questions are the evaluation set's and the reading questions' tuning half, every one asked
as on a day after the last issue, so that every issue counts; it prints the latency per size and the cost
per answer with the largest size over the smallest.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def by_size(sizes: list[int], rounds: int) -> int:
    import tempfile
    from datetime import date

    from scale import make_issues

    from bot.commands.build_kb import build_base
    from bot.commands.eval import load_questions, load_reading
    from bot.engine import Engine
    from bot.knowledge.store import save_kb

    texts = [q.text for q in load_questions()] + [q.text for q in load_reading("tuning")]
    after_all = date(2100, 1, 1)
    means: dict[int, float] = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            make_issues(size, folder / "sources")
            save_kb(build_base([folder / "sources"]).kb, folder / "base")
            engine = Engine.load(folder / "base")
        gc.collect()
        gc.freeze()  # the long-lived knowledge base out of the collector's scans, as `run` does
        for text in texts:  # warm the caches
            engine.answer(text, today=after_all, chat="warm")
        latencies: list[float] = []
        for number in range(rounds):
            for text in texts:
                begin = time.perf_counter_ns()
                engine.answer(text, today=after_all, chat=f"bench-{number}")
                latencies.append((time.perf_counter_ns() - begin) / 1e6)
        means[size] = statistics.fmean(latencies)
        sentences = len(engine.reader.index.sentences)
        print(
            f"{size:3} issues ({sentences} sentences), {len(latencies)} answers: mean {means[size]:.3f} ms, "
            f"median {statistics.median(latencies):.3f} ms, p99 {percentile(latencies, 0.99):.3f} ms"
        )
    if len(sizes) > 1:
        print(f"cost per answer, {sizes[-1]} issues over {sizes[0]}: {means[sizes[-1]] / means[sizes[0]]:.2f}x")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--issues", type=str, default=None, help="sizes to compare, e.g. 5,70")
    args = parser.parse_args()
    if args.issues:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        return by_size([int(size) for size in args.issues.split(",")], args.rounds)

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
