"""Saved conversation state (the profile and context): atomic writes, mode 0600, safe reads.

A file that cannot be read or parsed is moved aside to a `.bak` file (never overwritten
silently) and the caller gets a one-line warning.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .errors import ProfileError
from .state import State

MAX_PROFILE_BYTES = 1024 * 1024


def data_dir() -> Path:
    """Where the profile and history live (ADVISOR_HOME overrides the platform's data dir)."""
    override = os.environ.get("ADVISOR_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir
    return Path(user_data_dir("pacs-advisor"))


def default_profile_path() -> Path:
    return data_dir() / "profile.json"


def history_path() -> Path:
    return data_dir() / "history"


def save_state(path: Path, state: dict[str, Any]) -> None:
    """Write atomically: temp file in the same folder, fsync, rename; mode 0600."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    payload = json.dumps(state, indent=2, sort_keys=True).encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def _move_aside(path: Path) -> Path:
    target = path.with_name(path.name + ".bak")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.bak{n}")
        n += 1
    os.replace(path, target)
    return target


def load_state(path: Path) -> tuple[dict[str, Any] | None, str]:
    """(state dict or None, warning). Missing file: (None, ''). Bad file: moved aside."""
    try:
        if not path.exists():
            return None, ""
        if path.stat().st_size > MAX_PROFILE_BYTES:
            raise ProfileError("the file is too large")
        raw = path.read_bytes()
        data = json.loads(raw.decode("utf-8"))
        State.from_dict(data)  # validates and migrates
        return data, ""
    except (OSError, UnicodeDecodeError, ValueError, ProfileError) as err:
        reason = err.args[0] if isinstance(err, ProfileError) else type(err).__name__
        try:
            moved = _move_aside(path)
        except OSError:
            return None, f"warning: could not read your profile ({reason}); starting fresh (file left as is)"
        return None, f"warning: your profile could not be read ({reason}); it was moved to {moved} and a new one started"
