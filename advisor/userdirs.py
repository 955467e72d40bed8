"""Where the advisor keeps the user's files: the data dir (profile, history, the cache key) and
the cache dir (the built engine). Both are created private (0700); stale temp files that a
writer killed mid-save left behind are swept at start.

`ADVISOR_HOME` puts everything in one folder; `ADVISOR_CACHE_DIR` moves only the cache;
`ADVISOR_NO_CACHE=1` turns the cache off.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from advisor.config import STALE_TEMP_SECONDS

APP_NAME = "pacs-advisor"


def data_dir() -> Path:
    """Where the profile, history and cache key live (ADVISOR_HOME or the platform data dir)."""
    override = os.environ.get("ADVISOR_HOME")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME))


def cache_dir() -> Path | None:
    """Where the engine cache lives; None when caching is off."""
    if os.environ.get("ADVISOR_NO_CACHE"):
        return None
    base = os.environ.get("ADVISOR_CACHE_DIR")
    if base:
        return Path(base).expanduser()
    home = os.environ.get("ADVISOR_HOME")
    if home:
        return Path(home).expanduser() / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME))


def private_dir(path: Path) -> Path:
    """Create the folder (and missing parents) mode 0700; an existing folder is left as is,
    except that our own folder, created earlier by an older version 0755, is tightened."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    if not missing and path.name in (APP_NAME, "cache") and path.stat().st_uid == os.getuid():
        os.chmod(path, 0o700)
    return path


def writer_pid(name: str) -> int | None:
    """The pid a temp file name carries (`.profile.json.<pid>.<random>.tmp`), or None."""
    for part in name.split("."):
        if part.isdigit():
            return int(part)
    return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, but another user's
    return True


def sweep_temps(folder: Path, pattern: str) -> int:
    """Remove temp files matching `pattern` whose writer is dead or that are older than
    STALE_TEMP_SECONDS (never a fresh one of a live writer: it may be a save in progress).
    Returns how many were removed."""
    now, removed = time.time(), 0
    try:
        temps = list(folder.glob(pattern))
    except OSError:
        return 0
    for temp in temps:
        try:
            pid = writer_pid(temp.name)
            dead = pid is not None and pid != os.getpid() and not _alive(pid)
            if dead or now - temp.lstat().st_mtime > STALE_TEMP_SECONDS:
                temp.unlink()
                removed += 1
        except OSError:
            pass
    return removed
