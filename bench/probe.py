"""One measurement in a fresh process: load the engine, optionally replay the turn script.

`run.py` starts this with the venv's Python so every figure (load time, peak RSS,
tracemalloc peak) belongs to one process and one data set. Prints one JSON object.

    python bench/probe.py [--knowledge DIR] [--rounds N] [--trace] [--profile N]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from script import conversations

BENCH = Path(__file__).resolve().parent
MB = 1024 * 1024
LONG_CHARS = 200  # a "long input" turn, reported apart so it cannot hide in the p99


def rss_peak_mb() -> float:
    """Peak resident set size of this process (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / MB if sys.platform == "darwin" else peak / 1024


def rss_now_mb() -> float | None:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * resource.getpagesize() / MB


def percentile(sorted_ms: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_ms:
        return 0.0
    rank = max(1, min(len(sorted_ms), round(q / 100 * len(sorted_ms) + 0.5)))
    return sorted_ms[rank - 1]


def replay(engine: Any, script: list[list[str]]) -> tuple[list[list[float]], list[list[str]], int]:
    """Each conversation from a fresh state; per-turn milliseconds, intents, and errors."""
    times: list[list[float]] = []
    intents: list[list[str]] = []
    errors = 0
    clock = time.perf_counter_ns
    for turns in script:
        conv = engine.conversation()
        row_t, row_i = [], []
        for text in turns:
            start = clock()
            try:
                intent = conv.reply(text).intent
            except Exception as err:  # the API promises never to raise; count it, go on
                intent, errors = f"error: {type(err).__name__}", errors + 1
            row_t.append((clock() - start) / 1e6)
            row_i.append(intent)
        times.append(row_t)
        intents.append(row_i)
    return times, intents, errors


def latency(engine: Any, script: list[list[str]], rounds: int) -> dict[str, Any]:
    from advisor.knowledge.catalog import REQUIRED_INTENTS

    _, seen, errors = replay(engine, script)  # warm-up: caches, branch paths, allocator
    samples: list[float] = []
    per_turn: list[list[float]] = [[] for _ in range(sum(map(len, script)))]
    for _ in range(rounds):
        gc.collect()
        times, _, _ = replay(engine, script)
        for i, ms in enumerate(t for row in times for t in row):
            samples.append(ms)
            per_turn[i].append(ms)
    samples.sort()
    flat_text = [t for row in script for t in row]
    flat_intent = [i for row in seen for i in row]
    short = sorted(ms for i, row in enumerate(per_turn) if len(flat_text[i]) <= LONG_CHARS for ms in row)
    typical = sorted(((sorted(v)[len(v) // 2], i) for i, v in enumerate(per_turn)), reverse=True)
    hit = set(flat_intent)
    return {
        "turns": len(flat_text),
        "rounds": rounds,
        "samples": len(samples),
        "errors": errors,
        "p50_ms": percentile(samples, 50),
        "p90_ms": percentile(samples, 90),
        "p99_ms": percentile(samples, 99),
        "max_ms": samples[-1] if samples else 0.0,
        "mean_ms": sum(samples) / max(1, len(samples)),
        "long_turns": sum(1 for t in flat_text if len(t) > LONG_CHARS),
        "p99_ms_short": percentile(short, 99),  # without the long inputs (> LONG_CHARS)
        "intents_hit": sorted(hit),
        "intents_missing": sorted(set(REQUIRED_INTENTS) - hit),
        "slowest": [
            {"ms": round(ms, 3), "intent": flat_intent[i], "text": flat_text[i][:70]} for ms, i in typical[:5]
        ],
    }


def profile(engine: Any, script: list[list[str]], top: int) -> list[dict[str, Any]]:
    """cProfile over one pass of the script: the functions with most cumulative time."""
    prof = cProfile.Profile()
    prof.enable()
    replay(engine, script)
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    rows = []
    for (file, line, func), (_cc, calls, tottime, cumtime, _callers) in stats.items():
        if Path(file).parent == BENCH or func.startswith("<method 'disable'"):
            continue
        where = f"{Path(file).parent.name}/{Path(file).name}:{line}" if line else "~"
        rows.append(
            {
                "function": f"{where}({func})",
                "calls": calls,
                "cum_ms": round(cumtime * 1e3, 2),
                "self_ms": round(tottime * 1e3, 2),
            }
        )
    rows.sort(key=lambda r: -r["cum_ms"])
    return rows[:top]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--knowledge", type=Path, help="knowledge dir (default: shipped)")
    parser.add_argument("--rounds", type=int, default=0, help="measured passes over the script")
    parser.add_argument("--trace", action="store_true", help="tracemalloc peak of the load")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="top N cProfile rows")
    parser.add_argument(
        "--raise-file-limit",
        action="store_true",
        help="lift the engine's per-file size limit (synthetic scale data)",
    )
    args = parser.parse_args(argv)
    out: dict[str, Any] = {}
    if args.trace:
        tracemalloc.start()
    start = time.perf_counter()
    import advisor
    import advisor.engine  # `advisor` resolves Advisor lazily: import it here, not in the timed load
    import advisor.knowledge.loading

    out["import_s"] = time.perf_counter() - start
    if args.raise_file_limit:
        setattr(advisor.knowledge.loading, "MAX_DATA_FILE_BYTES", 1 << 30)  # noqa: B010 - a module global
    start = time.perf_counter()
    try:
        engine = advisor.Advisor.load(knowledge_dir=args.knowledge)
    except advisor.DataError as err:
        out["error"] = [p.line() for p in err.problems[:20]]
        out["problems"] = len(err.problems)
        print(json.dumps(out))
        return 2
    out["load_s"] = time.perf_counter() - start
    if args.trace:
        out["trace_peak_mb"] = tracemalloc.get_traced_memory()[1] / MB
        tracemalloc.stop()
    out["rss_peak_load_mb"] = rss_peak_mb()
    out["rss_now_load_mb"] = rss_now_mb()
    out["roles"] = len(engine.graph.by_type.get("role", ()))
    out["aliases"] = len(engine.graph.aliases)
    out["pay_facts"] = engine.graph.pay_count
    script = conversations()
    if args.rounds:
        out["latency"] = latency(engine, script, args.rounds)
        out["rss_peak_mb"] = rss_peak_mb()
    if args.profile:
        out["profile"] = profile(engine, script, args.profile)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
