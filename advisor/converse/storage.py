"""Saved conversation state (the profile and context): atomic writes, mode 0600, safe reads.

A file that cannot be read or parsed is moved aside to a `.bak` file (never overwritten
silently) and the caller gets a one-line warning.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from advisor.errors import ProfileError, ProfileUnreadable
from advisor.state import State
from advisor.userdirs import APP_NAME, data_dir, private_dir, sweep_temps

__all__ = ["APP_NAME", "data_dir", "default_profile_path", "history_path", "load_state", "save_state"]
MAX_PROFILE_BYTES = 1024 * 1024


def default_profile_path() -> Path:
    return data_dir() / "profile.json"


def history_path() -> Path:
    return data_dir() / "history"


def private_file(path: Path) -> Path:
    """Create the file (and its folders, 0700) if missing and make it mode 0600. A symlink is
    refused (OSError), never followed: its target's mode is not ours to change."""
    private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW | os.O_NONBLOCK, 0o600)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path} is not a regular file")
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)
    return path


def save_state(path: Path, state: dict[str, Any]) -> None:
    """Write atomically: temp file in the same folder, fsync, rename; mode 0600.

    A crash at any point leaves either the old file or the new one, never a mix.
    """
    private_dir(path.parent)
    payload = json.dumps(state, indent=2, sort_keys=True).encode("utf-8")
    import tempfile  # only when writing: not imported at a cached start

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        _unlink(Path(tmp))
        raise
    _fsync_dir(path.parent)


def delete_state(path: Path) -> None:
    """Remove the saved state (for /forget); a missing file is fine."""
    with locked(path):
        _unlink(path)
    _fsync_dir(path.parent)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `NAME.lock` beside the profile (released on exit or death)."""
    private_dir(path.parent)
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def profile_changes(base: dict[str, Any], now: dict[str, Any]) -> dict[str, Any]:
    """What a session changed since `base`: fields set (or cleared), list items added/removed."""
    changes: dict[str, Any] = {"set": {}, "add": {}, "remove": {}}
    for name in sorted(set(base) | set(now)):
        old, new = base.get(name), now.get(name)
        if isinstance(old, list) or isinstance(new, list):
            old_items, new_items = list(old or []), list(new or [])
            changes["add"][name] = [v for v in new_items if v not in old_items]
            changes["remove"][name] = [v for v in old_items if v not in new_items]
        elif old != new:
            changes["set"][name] = new
    return changes


def apply_changes(profile: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """`profile` with `changes` (from profile_changes) applied; list order kept, no duplicates."""
    merged = {**profile, **changes["set"]}
    for name, added in changes["add"].items():
        gone = changes["remove"].get(name, [])
        items = [v for v in list(merged.get(name) or []) if v not in gone]
        merged[name] = items + [v for v in added if v not in items]
    return merged


def merge_save(path: Path, state: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """Save `state`, but with only this session's profile changes (since `base`, the profile
    as last loaded or saved) applied to the profile on disk now, under the lock: two
    terminals on one profile never lose each other's facts. Returns the state saved."""
    with locked(path):
        try:
            disk = _read(path)
        except ProfileUnreadable:
            raise  # a file we may not read is not ours to replace
        except ProfileError:
            disk = None  # broken now: this session's state is the best there is
        if disk is None and path.exists():
            merged = state
        else:
            on_disk = disk["profile"] if disk else {}
            merged = {**state, "profile": apply_changes(on_disk, profile_changes(base, state["profile"]))}
            try:
                merged = State.from_dict(merged).to_dict()
            except ProfileError:  # the union broke a bound: keep this session's own state
                merged = state
        save_state(path, merged)
    return merged


def reread(path: Path) -> dict[str, Any] | None:
    """The state on disk now (None when missing or unreadable); for showing merged facts."""
    try:
        return _read(path)
    except ProfileError:
        return None


def signature(path: Path) -> tuple[int, int, int] | None:
    """Changes whenever the file is replaced or written: (inode, mtime ns, size)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size


def _unlink(path: Path) -> None:
    path.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _move_aside(path: Path) -> Path:
    """Rename to `NAME.bak` (or `.bak1`, `.bak2`… so an older backup is never overwritten)."""
    target = path.with_name(path.name + ".bak")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.bak{n}")
        n += 1
    os.replace(path, target)
    return target


def _read(path: Path) -> dict[str, Any] | None:
    """The validated, migrated state; None when there is no file; ProfileError when bad."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise ProfileUnreadable(err.strerror or "cannot read it") from None
    if not stat.S_ISREG(info.st_mode):
        raise ProfileError("it is not a regular file")
    if info.st_size > MAX_PROFILE_BYTES:
        raise ProfileError("the file is too large")
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as err:
        raise ProfileUnreadable(err.strerror or "cannot read it") from None
    except UnicodeDecodeError:
        raise ProfileError("it is not UTF-8 text") from None
    except ValueError:
        raise ProfileError("it is not valid JSON") from None
    except RecursionError:
        raise ProfileError("it is nested too deeply") from None
    return State.from_dict(data).to_dict()  # validates, migrates older versions


def load_state(path: Path) -> tuple[dict[str, Any] | None, str]:
    """(state dict or None, warning). Missing file: (None, ''). Bad file: moved aside."""
    sweep_temps(path.parent, f".{path.name}.*.tmp")
    try:
        return _read(path), ""
    except ProfileUnreadable as err:  # not broken, just not ours to read: never replace it
        return None, (
            f"warning: could not read your profile {path} ({err}); it was left as it is, "
            "and nothing will be saved in this session"
        )
    except ProfileError as err:
        reason = str(err)
    if path.is_file():
        try:
            moved = _move_aside(path)
        except OSError:
            pass
        else:
            return None, (
                f"warning: your profile could not be read ({reason}); "
                f"it was moved to {moved} and a new one started"
            )
    return None, f"warning: could not read your profile {path} ({reason}); starting fresh"
