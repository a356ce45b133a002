"""How build-kb and start-up grow with the number of issues: 5, 35 and 70 (ten years at seven a year).

    .venv/bin/python benchmarks/scale.py [--sizes 5,35,70] [--runs N]

The issues are the project's five newsletters copied with a new issue line ("nr 1 2010 maj" ...
"nr 7 2019 jan."): the text of each copy is its source's, only the number and year differ, so
every copy is an issue of its own. The first N of the 70 are used for a size of N. Every run of
every size is a fresh process, as `build-kb` and the bot are, and does in turn:

- build: `build` + `save_kb`, what `python -m bot build-kb` does after its imports
- load: `load_kb` of the base just written
- start-up: `Engine.load`, the knowledge base and everything the bot builds to answer
- peak memory: the process's peak resident size, imports included

Times are the median of the runs, peak memory the largest.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

YEARS = range(2010, 2020)
PER_YEAR = 7
_ISSUE_LINE = re.compile(r"^nr\s+\d+\s+\d{4}\b", re.M)


def make_issues(count: int, folder: Path) -> Path:
    """`count` renumbered copies of knowledge/sources/*.txt in `folder`/sources."""
    from bot.paths import DEFAULT_SOURCES

    originals = sorted(DEFAULT_SOURCES.glob("*.txt"))
    sources = folder / "sources"
    sources.mkdir(parents=True)
    issues = [(year, number) for year in YEARS for number in range(1, PER_YEAR + 1)]
    if count > len(issues):
        raise SystemExit(f"at most {len(issues)} issues")
    for index, (year, number) in enumerate(issues[:count]):
        text = originals[index % len(originals)].read_text(encoding="utf-8")
        text, replaced = _ISSUE_LINE.subn(f"nr {number} {year}", text, count=1)
        if not replaced:
            raise SystemExit(f"{originals[index % len(originals)]}: no issue line to renumber")
        (sources / f"nyhetsbrev-{year}-nr{number}.txt").write_text(text, encoding="utf-8")
    return sources


def measure(count: int) -> dict[str, float]:
    """One run of one size, in this process: seconds for build, load and start-up, memory in MB."""
    from bot.engine import Engine
    from bot.ingest.build import build
    from bot.knowledge.store import load_kb, save_kb
    from bot.knowledge.vocabulary import load_vocabulary
    from bot.paths import DEFAULT_CORRECTIONS

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        sources = make_issues(count, folder)
        out = folder / "base"
        started = time.perf_counter()
        result = build([sources], load_vocabulary(), DEFAULT_CORRECTIONS)
        save_kb(result.kb, out)
        built = time.perf_counter()
        if len(result.kb.issues) != count:
            raise SystemExit(f"{len(result.kb.issues)} issues built, not {count}")
        load_kb(out)
        loaded = time.perf_counter()
        Engine.load(out)
        ready = time.perf_counter()
        size = sum(path.stat().st_size for path in out.iterdir())
    return {
        "issues": count,
        "build": built - started,
        "load": loaded - built,
        "startup": ready - loaded,
        "base_mb": size / 1e6,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="5,35,70", help="numbers of issues, comma-separated (at most 70)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a single size, in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    rows = []
    for count in (int(size) for size in args.sizes.split(",")):
        runs = [_run(count) for _ in range(args.runs)]
        row = {key: statistics.median(run[key] for run in runs) for key in ("build", "load", "startup", "base_mb")}
        rows.append(row | {"issues": count, "peak_mb": max(run["peak_mb"] for run in runs)})
    print(f"median of {args.runs} runs, each in a fresh process")
    print(f"{'issues':>6} {'build':>9} {'per issue':>10} {'load':>8} {'start-up':>9} {'base':>8} {'peak memory':>12}")
    for row in rows:
        print(
            f"{row['issues']:>6} {row['build'] * 1000:>6.0f} ms {row['build'] * 1000 / row['issues']:>7.1f} ms "
            f"{row['load'] * 1000:>5.0f} ms {row['startup'] * 1000:>6.0f} ms {row['base_mb']:>5.2f} MB "
            f"{row['peak_mb']:>9.0f} MB"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(
            f"start-up with {last['issues']} issues: {(last['startup'] - first['startup']) * 1000:+.0f} ms "
            f"against {first['issues']}"
        )


def _run(count: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--one", str(count)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


if __name__ == "__main__":
    main()
