"""How build-kb and start-up grow with the number of issues: 5, 35 and 70 (ten years at seven a year).

    .venv/bin/python benchmarks/scale.py [--sizes 5,35,70] [--runs N]

The issues are the project's five newsletters copied with a new issue line ("nr 1 2010 maj" ...
"nr 7 2019 jan."), every year in the text moved as much as the issue's: only the number and years differ, so
every copy is an issue of its own. The first N of the 70 are used for a size of N. Each step of
each run is a fresh process, as `build-kb` and the bot are:

- build: `build_base` (the records and the lemma table) + `save_kb`, what `python -m bot build-kb` does after
  its imports, into an empty folder, with the copies of simplemma's dictionaries in the project's .cache/
  (made before the runs if missing, as any earlier build-kb in the checkout has made them)
- rebuild: the same, the staff's workflow: the base of the first N-1 issues is there (built untimed) and the
  Nth newsletter is added. build-kb reads every newsletter again and reuses nothing of the old base
- first build: build, with no copies of the dictionaries yet (they are made first, in a folder of the run's
  own): a checkout's first build-kb, or its first after simplemma's dictionaries change
- load: `load_kb` of the base built
- start-up: `Engine.load`, the knowledge base and everything the bot builds to answer
- peak memory: the largest resident size of the build's process and of the start-up's, imports included

Times are the median of the runs, memory the largest.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
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
BUILDS = ("first", "build", "rebuild")
STEPS = (*BUILDS, "load", "startup")
_ISSUE_LINE = re.compile(r"^nr\s+\d+\s+\d{4}\b", re.M)
_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/.-]\d)")


def make_issues(count: int, sources: Path) -> None:
    """`count` renumbered copies of knowledge/sources/*.txt in the folder `sources`."""
    from bot.paths import DEFAULT_SOURCES

    originals = sorted(DEFAULT_SOURCES.glob("*.txt"))
    issues = [(year, number) for year in YEARS for number in range(1, PER_YEAR + 1)]
    if count > len(issues):
        raise SystemExit(f"at most {len(issues)} issues")
    sources.mkdir(parents=True)
    for index, (year, number) in enumerate(issues[:count]):
        original = originals[index % len(originals)]
        text = original.read_text(encoding="utf-8")
        found = _ISSUE_LINE.search(text)
        if not found:
            raise SystemExit(f"{original}: no issue line to renumber")
        shift = year - int(found.group(0).split()[-1])  # every year of the text moves with the issue's
        text = _YEAR.sub(lambda match, shift=shift: str(int(match.group(0)) + shift), text)
        text = _ISSUE_LINE.sub(f"nr {number} {year}", text, count=1)
        (sources / f"nyhetsbrev-{year}-nr{number}.txt").write_text(text, encoding="utf-8")


def step(name: str, folder: Path) -> dict[str, float]:
    """One step in this process: its seconds and the process's peak memory in MB."""
    if name in BUILDS:
        from bot.commands.build_kb import build_base
        from bot.knowledge.store import save_kb
        from bot.reading import dictionary_copy

        with tempfile.TemporaryDirectory() as none_yet:
            if name == "first":
                dictionary_copy.DICTIONARY_COPIES = Path(none_yet)
            started = time.perf_counter()
            kb = build_base([folder / "sources"]).kb
            save_kb(kb, folder / "base")
            seconds = time.perf_counter() - started
        if len(kb.issues) != len(list((folder / "sources").iterdir())):
            raise SystemExit(f"{len(kb.issues)} issues built from {folder / 'sources'}: not one per newsletter")
        return {"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if name == "load":
        from bot.knowledge.store import load_kb

        started = time.perf_counter()
        load_kb(folder / "base")
    else:
        from bot.engine import Engine

        started = time.perf_counter()
        Engine.load(folder / "base")
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _run(name: str, folder: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--step", name, str(folder)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


def measure(count: int, runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as temporary:
        folder, earlier = Path(temporary) / "all", Path(temporary) / "earlier"
        make_issues(count, folder / "sources")
        *older, newest = sorted((folder / "sources").iterdir())  # by name: by year and number
        results: dict[str, list[dict[str, float]]] = {name: [] for name in STEPS}
        for _ in range(runs):
            for name in STEPS:
                if name == "rebuild":  # the base of one issue fewer, then the newest newsletter added
                    shutil.rmtree(earlier, ignore_errors=True)
                    (earlier / "sources").mkdir(parents=True)
                    for path in older:
                        shutil.copyfile(path, earlier / "sources" / path.name)
                    _run("build", earlier)
                    shutil.copyfile(newest, earlier / "sources" / newest.name)
                results[name].append(_run(name, earlier if name == "rebuild" else folder))
        issues = len(list((folder / "sources").iterdir()))
        size = sum(path.stat().st_size for path in (folder / "base").iterdir())
    row = {name: statistics.median(result["seconds"] for result in results[name]) for name in STEPS}
    return row | {
        "issues": issues,
        "base_mb": size / 1e6,
        "first_peak_mb": max(result["peak_mb"] for result in results["first"]),
        "build_peak_mb": max(result["peak_mb"] for result in results["build"] + results["rebuild"]),
        "startup_peak_mb": max(result["peak_mb"] for result in results["startup"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="5,35,70", help="numbers of issues, comma-separated (at most 70)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--step", nargs=2, metavar=("STEP", "FOLDER"), help=argparse.SUPPRESS)  # one step, here
    parser.add_argument("--copies", action="store_true", help=argparse.SUPPRESS)  # the dictionary copies, here
    args = parser.parse_args()
    if args.step:
        print(json.dumps(step(args.step[0], Path(args.step[1]))))
        return
    if args.copies:
        from bot.paths import DICTIONARY_COPIES
        from bot.reading.dictionary_copy import copy_of

        for lang in ("sv", "en"):
            copy_of(lang, DICTIONARY_COPIES)
        return
    # as an earlier build-kb in this checkout made them; in a process of its own, as simplemma's dictionaries
    # would otherwise swell this one, and a child's peak memory counts its parent's at the fork
    subprocess.run([sys.executable, __file__, "--copies"], check=True)
    rows = [measure(int(size), args.runs) for size in args.sizes.split(",")]
    print(f"median of {args.runs} runs, each step in a fresh process")
    print("build: no base before, the dictionary copies in .cache/ (made by an earlier build-kb)")
    print("rebuild: the base of one issue fewer there, the newest newsletter added (the staff's workflow)")
    print("first build: no base before and no dictionary copies yet, made first (once per checkout and simplemma)")
    print("peak memory: of build-kb with the copies / making them / of the bot")
    print(
        f"{'issues':>6} {'build':>9} {'per issue':>10} {'rebuild':>9} {'per issue':>10} {'first build':>12} "
        f"{'load':>8} {'start-up':>9} {'base':>8} {'peak memory':>19}"
    )
    for row in rows:
        per_issue = {name: row[name] * 1000 / row["issues"] for name in BUILDS}
        print(
            f"{row['issues']:>6.0f} {row['build'] * 1000:>6.0f} ms {per_issue['build']:>7.1f} ms "
            f"{row['rebuild'] * 1000:>6.0f} ms {per_issue['rebuild']:>7.1f} ms {row['first'] * 1000:>9.0f} ms "
            f"{row['load'] * 1000:>5.0f} ms {row['startup'] * 1000:>6.0f} ms {row['base_mb']:>5.2f} MB "
            f"{row['build_peak_mb']:>5.0f} / {row['first_peak_mb']:.0f} / {row['startup_peak_mb']:.0f} MB"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(
            f"start-up with {last['issues']:.0f} issues: {(last['startup'] - first['startup']) * 1000:+.0f} ms "
            f"against {first['issues']:.0f}"
        )


if __name__ == "__main__":
    main()
