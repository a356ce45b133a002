"""How long `python -m bot build-kb` takes over the project's newsletters.

    .venv/bin/python benchmarks/build_kb.py [--runs N]

Prints the median and slowest of N builds in one process, and of N whole command runs
(interpreter start, imports, reading, writing the YAML) into a temporary folder.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.ingest.build import build  # noqa: E402
from bot.knowledge.vocabulary import load_vocabulary  # noqa: E402
from bot.paths import DEFAULT_CORRECTIONS, DEFAULT_SOURCES  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    vocabulary = load_vocabulary()
    in_process = []
    for _ in range(runs):
        started = time.perf_counter()
        build([DEFAULT_SOURCES], vocabulary, DEFAULT_CORRECTIONS)
        in_process.append(time.perf_counter() - started)
    whole = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "bot", "build-kb", "--out", out], cwd=ROOT, check=True, capture_output=True
            )
            whole.append(time.perf_counter() - started)
    newsletters = len(list(DEFAULT_SOURCES.glob("*.txt")))
    for label, times in (("build in one process", in_process), ("whole build-kb command", whole)):
        print(
            f"{label:24} {newsletters} newsletters: median {statistics.median(times) * 1000:.0f} ms, "
            f"slowest {max(times) * 1000:.0f} ms over {runs} runs"
        )


if __name__ == "__main__":
    main()
