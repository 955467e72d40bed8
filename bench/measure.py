"""The measurements `run.py` makes, each in fresh processes of the project's Python.

Every engine measurement gets its own cache and home directory, so a "first load" really
validates with jsonschema and a "cached load" really skips it, and nothing touches the
user's profile or cache.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
QUESTION = "how much does a PACS admin make?"
TIMEOUT_S = 1800


def project_python() -> Path:
    """This Python when it can import the project, else the repository's .venv."""
    try:
        import advisor  # noqa: F401
    except ImportError:
        venv = ROOT / ".venv"
        for candidate in (venv / "bin" / "python", venv / "Scripts" / "python.exe"):
            if candidate.exists():
                return candidate
        raise SystemExit("bench: cannot import advisor; use the project's venv Python") from None
    return Path(sys.executable)


def advisor_script(python: Path) -> Path:
    for name in ("advisor", "advisor.exe"):
        if (python.parent / name).exists():
            return python.parent / name
    found = shutil.which("advisor")
    if found is None:
        raise SystemExit("bench: no 'advisor' script next to the Python or on PATH")
    return Path(found)


@contextmanager
def fresh_env() -> Iterator[dict[str, str]]:
    """Environment with an empty validation cache and profile home, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="advisor-bench-") as tmp:
        env = {k: v for k, v in os.environ.items() if k != "ADVISOR_NO_CACHE"}
        env["ADVISOR_CACHE_DIR"] = str(Path(tmp) / "cache")
        env["ADVISOR_HOME"] = str(Path(tmp) / "home")
        env["PYTHONDONTWRITEBYTECODE"] = env.get("PYTHONDONTWRITEBYTECODE", "")
        yield env


def probe(python: Path, env: dict[str, str], *args: str) -> dict[str, Any]:
    """Run bench/probe.py in a new process; its one line of JSON."""
    done = subprocess.run(
        [str(python), str(BENCH / "probe.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    if done.returncode not in (0, 2) or not done.stdout.strip():
        raise RuntimeError(f"probe {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def engine(
    python: Path, knowledge: Path | None, rounds: int, profile: int, raise_limit: bool = False
) -> dict[str, Any]:
    """First (validating) load, cached load + replay, and tracemalloc peak: three processes."""
    base = (["--knowledge", str(knowledge)] if knowledge else []) + (
        ["--raise-file-limit"] if raise_limit else []
    )
    with fresh_env() as env:
        first = probe(python, env, *base)
        if "error" in first:
            return {"error": first["error"], "problems": first["problems"]}
        warm = probe(
            python, env, *base, "--rounds", str(rounds), *(["--profile", str(profile)] if profile else [])
        )
        traced = probe(python, env, *base, "--trace")
    return {
        "first_load_s": first["load_s"],
        "load_s": warm["load_s"],
        "import_s": warm["import_s"],
        "rss_load_mb": warm["rss_peak_load_mb"],
        "rss_mb": warm.get("rss_peak_mb"),
        "trace_peak_mb": traced["trace_peak_mb"],
        "roles": warm["roles"],
        "aliases": warm["aliases"],
        "pay_facts": warm["pay_facts"],
        "latency": warm.get("latency"),
        "profile": warm.get("profile"),
    }


def cold_start(python: Path, runs: int) -> dict[str, Any]:
    """Wall time of the whole `advisor ask` process, after one warm-up run fills the cache."""
    command = [str(advisor_script(python)), "ask", QUESTION]
    times = []
    with fresh_env() as env:
        for i in range(runs + 1):
            start = time.perf_counter()
            done = subprocess.run(command, env=env, capture_output=True, timeout=120, check=False)
            elapsed = (time.perf_counter() - start) * 1e3
            if done.returncode != 0:
                raise RuntimeError(f"advisor ask failed: {done.stderr.decode()[-500:]}")
            if i:
                times.append(elapsed)
        imports = import_time(python, command, env)
    return {
        "command": f"advisor ask {QUESTION!r}",
        "runs_ms": [round(t, 1) for t in times],
        "median_ms": statistics.median(times),
        "min_ms": min(times),
        "max_ms": max(times),
        **imports,
    }


def import_time(python: Path, command: list[str], env: dict[str, str]) -> dict[str, Any]:
    """`python -X importtime` of the command: the top 10 imports by cumulative time."""
    done = subprocess.run(
        [str(python), "-X", "importtime", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    rows: list[dict[str, Any]] = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cum_us, name = line.split(":", 1)[1].split("|", 2)
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        rows.append(
            {
                "module": name.strip(),
                "depth": depth,
                "self_ms": int(self_us) / 1e3,
                "cum_ms": int(cum_us) / 1e3,
            }
        )
    total = sum(r["cum_ms"] for r in rows if r["depth"] == 0)
    top = sorted(rows, key=lambda r: -r["cum_ms"])[:10]
    return {"import_total_ms": total, "import_top": top}


def validate_cli(python: Path, knowledge: Path) -> dict[str, Any]:
    """`advisor validate --knowledge DIR` as shipped: exit code, time, first problems."""
    command = [str(advisor_script(python)), "validate", "--knowledge", str(knowledge)]
    with fresh_env() as env:
        start = time.perf_counter()
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    lines = done.stdout.strip().splitlines()
    return {
        "exit": done.returncode,
        "s": time.perf_counter() - start,
        "problems": [] if done.returncode == 0 else lines[:10],
        "only_too_large": done.returncode == 2 and all("file is too large" in line for line in lines),
    }


def scale(python: Path, size: int, rounds: int, profile: int) -> dict[str, Any]:
    """Generate a synthetic knowledge dir of `size` units, validate it, load it, replay."""
    with tempfile.TemporaryDirectory(prefix=f"advisor-synth-{size}x-") as tmp:
        start = time.perf_counter()
        done = subprocess.run(
            [str(python), str(BENCH / "synth.py"), str(size), tmp],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=True,
        )
        generated = time.perf_counter() - start
        counts = json.loads(done.stdout)
        valid = validate_cli(python, Path(tmp))
        result = engine(python, Path(tmp), rounds, profile, raise_limit=valid["only_too_large"])
    return {
        "size": size,
        "gen_s": generated,
        "synth": counts,
        "validate": valid,
        "file_limit_raised": valid["only_too_large"],
        **result,
    }
