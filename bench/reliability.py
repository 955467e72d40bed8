"""Reliability under hostile and broken surroundings, with numbers (slow; run on demand).

    python bench/reliability.py            # everything
    python bench/reliability.py --quick    # smaller counts, for a smoke run

Checks: a planted pickle / cache runs no code; random states through load and three
replies give no traceback; two processes writing one profile lose no fact; kill -9 of a
writer leaves no invalid profile and no temp file after the next start; escape sequences
injected through every input path never reach the output; unknown words keep memory
bounded; and `advisor ask` start-up with a warm cache and a cold cache build. The fast
versions of these checks are in tests/test_reliability.py.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import pickle
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
EVIL = ["\x1b]0;PWNED\x07", "\x1b[2J", "\x9b31m", "\x07", "\x1bP+q\x1b\\", "\x1b[6n", "\r\x1b[1A"]


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "ADVISOR_NO_CACHE"}
    env.update(ADVISOR_HOME=str(tmp / "home"), ADVISOR_CACHE_DIR=str(tmp / "cache"), HOME=str(tmp))
    return env


def _isolate(tmp: Path) -> None:
    os.environ.update(_env(tmp))
    os.environ.pop("ADVISOR_NO_CACHE", None)


class _Planted:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, tuple[str, str]]:
        return (open, (self.marker, "w"))


def planted_cache(tmp: Path) -> dict[str, Any]:
    """Plant pickles under the cache's name in several disguises; run `advisor ask` each time."""
    from advisor.knowledge import model_cache

    env = _env(tmp)
    subprocess.run([sys.executable, "-m", "advisor", "ask", "hi"], env=env, capture_output=True, check=True)
    cache = tmp / "cache"
    (model,) = cache.glob("model-*.pickle")
    key = model.name.removeprefix("model-").removesuffix(".pickle")
    markers, tracebacks = [], 0
    for n, how in enumerate(["plain", "magic", "wrong-key", "validated-list", "symlink-key"] * 4):
        marker = tmp / f"ran-{n}"
        payload = pickle.dumps(_Planted(str(marker)))
        if how == "plain":
            model.write_bytes(payload)
        elif how == "magic":
            model.write_bytes(model_cache.MAGIC + os.urandom(32) + payload)
        elif how == "wrong-key":
            model.write_bytes(model_cache.MAGIC + model_cache._mac(os.urandom(32), key, payload) + payload)
        elif how == "validated-list":
            (cache / "validated.json").write_text(json.dumps({"clean": ["x"], "mac": "00"}))
            model.write_bytes(payload)
        else:
            (cache / "cache.key").write_bytes(b"k" * 32)  # a key beside the cache is never used
            model.write_bytes(model_cache.MAGIC + model_cache._mac(b"k" * 32, key, payload) + payload)
        done = subprocess.run([sys.executable, "-m", "advisor", "ask", "hi"], env=env, capture_output=True)
        tracebacks += "Traceback" in done.stderr.decode()
        markers.append(marker.exists())
        model = next(cache.glob("model-*.pickle"), model)
    return {"planted": len(markers), "code_ran": sum(markers), "tracebacks": tracebacks}


def _random_json(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(9 if depth < 3 else 6)
    if kind == 0:
        return None
    if kind == 1:
        return rng.random() < 0.5
    if kind == 2:
        return rng.choice([0, 1, -1, 3, 60, 61, 10**9, 10**10, 2**63, -(2**63)])
    if kind == 3:
        return rng.choice([0.5, 2.5, -0.0, 1e308, math.inf, -math.inf, math.nan, 1e-10])
    if kind in (4, 5):
        return rng.choice(["", "dicom", "pacs-analyst", "entity", "x" * 3000, rng.choice(EVIL), "ciip"])
    if kind in (6, 7):
        return [_random_json(rng, depth + 1) for _ in range(rng.randrange(4))]
    keys = ["profile", "context", "turns", "version", "pending", "options", "kind", "text", "undo", "years"]
    keys += ["skills", "degree", "goal", "certifications", "ce_hours", "experience_years", "certs"]
    return {rng.choice(keys): _random_json(rng, depth + 1) for _ in range(rng.randrange(5))}


def _plausible(rng: random.Random) -> Any:
    """A value of the right shape most of the time, else anything."""
    if rng.random() < 0.2:
        return _random_json(rng)
    profile = {
        "years": rng.choice([0, 2.5, 3, 60, None] * 3 + [61, -1]),
        "skills": rng.sample(["dicom", "hl7", "networking", "gone"], rng.randrange(3)),
        "degree": rng.choice(["associate", "bachelor", "none", None] * 3 + ["phd"]),
        "goal": rng.choice(["pacs-analyst", "ris-analyst", None, "retired-role"]),
        "place": rng.choice(["boston", None, rng.choice(EVIL)]),
        "ce_hours": rng.choice([0, 20, None]),
    }
    return {k: v for k, v in profile.items() if rng.random() < 0.6}


def _random_state(rng: random.Random) -> Any:
    if rng.random() < 0.15:
        return _random_json(rng)
    state: dict[str, Any] = {"version": rng.choice([1, 1] + [2] * 10 + [3, "2"])}
    if rng.random() < 0.8:
        state["turns"] = rng.choice([0, 5, 7, 10**9, 2.0] * 4 + [10**10, -1, 1e999, "3"])
    state["profile"] = _plausible(rng)
    if rng.random() < 0.4:
        options = [rng.choice(["pacs-analyst", "salary", "ciip"]) for _ in range(3)]
        if rng.random() < 0.3:
            options.append(_random_json(rng))
        pending = {"kind": rng.choice(["entity", "intent", "goal"]), "options": options, "text": "x"}
        state["context"] = {"pending": pending, "role": rng.choice(["pacs-analyst", None, 3])}
    if rng.random() < 0.3:
        state["undo"] = [_plausible(rng) for _ in range(rng.randrange(12))]
    return state


def random_states(count: int) -> dict[str, Any]:
    """`count` random JSON values as state (the API) and as a profile file (the CLI)."""
    from advisor import Advisor
    from advisor.converse.storage import load_state
    from advisor.errors import ProfileError

    engine, rng = Advisor.load(), random.Random(12)
    accepted = rejected = tracebacks = 0
    folder = Path(tempfile.mkdtemp(prefix="states-"))
    first: str | None = None
    for n in range(count):
        state = _random_state(rng)
        try:
            conv = engine.conversation(state=state)
            for text in ("what should I learn next?", "I know DICOM", "the first one"):
                conv.reply(text)
            accepted += 1
        except ProfileError:
            rejected += 1
        except Exception:  # noqa: BLE001 - counting them is the point
            tracebacks += 1
            first = first or traceback.format_exc(limit=3)
        if n % 10 == 0:  # the same through the profile file
            path = folder / f"p{n}.json"
            try:
                path.write_text(json.dumps(state), "utf-8")
                load_state(path)
            except (ValueError, OverflowError):
                pass  # not JSON-dumpable (NaN is, but e.g. nothing else here)
            except Exception:  # noqa: BLE001
                tracebacks += 1
                first = first or traceback.format_exc(limit=3)
    shutil.rmtree(folder, ignore_errors=True)
    result: dict[str, Any] = {"states": count, "accepted": accepted, "rejected": rejected}
    result["tracebacks"] = tracebacks
    if first:
        result["first_traceback"] = first
    return result


WRITER = """
import copy, sys
from pathlib import Path
from advisor.converse.storage import merge_save
path, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
state = {"version": 2, "turns": 0, "profile": {"skills": [], "certifications": []}, "context": {}}
base = {"skills": [], "certifications": []}
for n in range(count):
    field = "skills" if n % 2 == 0 else "certifications"  # each list stays within the schema's 1000
    state["profile"][field] = state["profile"][field] + [f"{tag}{n}"]
    saved = merge_save(path, state, base)
    state, base = copy.deepcopy(saved), saved["profile"]
"""


def two_writers(tmp: Path, count: int) -> dict[str, Any]:
    path = tmp / "profile.json"
    start = time.perf_counter()
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), tag, str(count)], cwd=ROOT)
        for tag in ("a", "b")
    ]
    codes = [p.wait() for p in procs]
    profile = json.loads(path.read_text())["profile"]
    skills = set(profile["skills"]) | set(profile["certifications"])
    expected = {f"{t}{n}" for t in "ab" for n in range(count)}
    lost = len(expected - skills)
    return {"writes_each": count, "exit_codes": codes, "lost_facts": lost, "seconds": _r(start)}


KILLED_WRITER = """
import sys
from pathlib import Path
from advisor.converse.storage import merge_save
path = Path(sys.argv[1])
n = 0
while True:
    n += 1
    state = {"version": 2, "turns": n, "profile": {"skills": ["dicom"], "years": n % 60}, "context": {}}
    merge_save(path, state, {})
"""


def kill_writers(tmp: Path, kills: int) -> dict[str, Any]:
    from advisor.converse.storage import load_state

    path, rng = tmp / "kill" / "profile.json", random.Random(3)
    path.parent.mkdir(mode=0o700)
    invalid = 0
    for _ in range(kills):
        proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(path)], cwd=ROOT)
        time.sleep(rng.uniform(0.12, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if path.exists():
            state, warning = load_state(path)  # the next start
            invalid += bool(warning) or state is None
    temps = [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    modes = {oct(p.stat().st_mode & 0o777) for p in path.parent.iterdir() if p.is_file()}
    return {
        "kills": kills,
        "invalid_profiles": invalid,
        "temp_files_left": len(temps),
        "modes": sorted(modes),
    }


def escapes(tmp: Path) -> dict[str, Any]:
    """Escape sequences through argv, stdin, profile fields, file names, data and the API."""
    from advisor import Advisor
    from advisor.terminal.cli import run

    _isolate(tmp)
    home = tmp / "home"
    home.mkdir(exist_ok=True)
    engine, outputs = Advisor.load(), []

    def cli(argv: list[str], stdin: str = "") -> None:
        out, err = io.StringIO(), io.StringIO()
        run(argv, io.StringIO(stdin), out, err)
        outputs.extend([out.getvalue(), err.getvalue()])

    for evil in EVIL:
        (home / "profile.json").write_text(
            json.dumps({"version": 2, "profile": {"degree_field": evil, "background": evil, "years": 2}})
        )
        for argv in (
            ["ask", f"what do you know about me {evil}"],
            ["ask", "--json", f"salary in {evil}"],
            ["path", "--to", evil],
            ["ask", "--knowledge", f"/no/{evil}", "hi"],
            ["ask", "--intents", f"/no/{evil}", "hi"],
            ["validate", f"/no/{evil}"],
            ["eval", f"/no/{evil}.jsonl"],
            [f"--{evil}"],
            ["ask", "--profile", str(tmp / f"p{evil}.json"), "hi"],
        ):
            cli(argv)
        cli([], stdin=f"hi {evil}\nwhat do you know about me?\nI know {evil}\n")
        conv = engine.conversation(state={"version": 2, "profile": {"background": evil}})
        outputs += [conv.reply(q).text for q in (f"hi{evil}", "what do you know about me?", evil)]
    leaked = sum(bool(UNSAFE.search(text)) for text in outputs)
    return {"outputs_checked": len(outputs), "with_escapes": leaked}


def _rss_kb() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def unknown_words(count: int) -> dict[str, Any]:
    from advisor import Advisor

    engine = Advisor.load()
    rng = random.Random(5)
    letters = "bcdfghjklmnpqrstvwxz"
    words = ["".join(rng.choice(letters) for _ in range(rng.randrange(6, 14))) for _ in range(count)]
    conv = engine.conversation()
    for word in words[:500]:
        conv.reply(f"what is {word}")  # warm up
    before = _rss_kb()
    start = time.perf_counter()
    for word in words:
        engine.speller.correct(word)
    for word in words[:2000]:
        conv.reply(f"how much does a {word} make")
    after = _rss_kb()
    return {
        "words": count,
        "memo_entries": len(engine.speller._cache),
        "rss_growth_mb": round((after - before) / 1024, 1),
        "seconds": _r(start),
    }


def _r(start: float) -> float:
    return round(time.perf_counter() - start, 2)


def startup(tmp: Path, repeats: int) -> dict[str, Any]:
    """Wall time of `advisor ask` with a warm cache, and with the engine cache removed."""
    env = _env(tmp / "start")
    script = shutil.which("advisor", path=str(Path(sys.executable).parent)) or "advisor"

    def once() -> float:
        start = time.perf_counter()
        subprocess.run([script, "ask", "hi"], env=env, capture_output=True, check=True)
        return time.perf_counter() - start

    once()
    warm = [once() for _ in range(repeats)]
    cache = Path(env["ADVISOR_CACHE_DIR"])
    build, validate = [], []
    for _ in range(max(3, repeats // 2)):
        for model in cache.glob("model-*.pickle"):
            model.unlink()
        build.append(once())
        shutil.rmtree(cache)
        validate.append(once())
    return {
        "warm_cache_ms": _stats(warm),
        "cold_build_ms (validated list kept)": _stats(build),
        "first_start_ms (validates too)": _stats(validate),
    }


def _stats(values: list[float]) -> dict[str, float]:
    ms = sorted(v * 1000 for v in values)
    return {"median": round(statistics.median(ms), 1), "min": round(ms[0], 1), "max": round(ms[-1], 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller counts")
    parser.add_argument("--only", help="comma-separated check names")
    args = parser.parse_args()
    q = args.quick
    checks: dict[str, Callable[[Path], dict[str, Any]]] = {
        "planted_cache": planted_cache,
        "random_states": lambda t: random_states(1000 if q else 10_000),
        "two_writers": lambda t: two_writers(t, 100 if q else 1000),
        "kill_9": lambda t: kill_writers(t, 20 if q else 200),
        "escapes": escapes,
        "unknown_words": lambda t: unknown_words(10_000 if q else 100_000),
        "startup": lambda t: startup(t, 5 if q else 15),
    }
    wanted = args.only.split(",") if args.only else list(checks)
    results = {}
    for name in wanted:
        with tempfile.TemporaryDirectory(prefix=f"rel-{name}-") as tmp:
            _isolate(Path(tmp))
            start = time.perf_counter()
            results[name] = checks[name](Path(tmp))
            print(f"{name} ({_r(start)} s): {json.dumps(results[name])}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
