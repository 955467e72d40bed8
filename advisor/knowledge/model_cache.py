"""Cache of the whole built engine (graph, intents, speller, classifier) for a fast start.

Keyed by the data files' digest, the engine's own source and the Python version: any change
to the data or the code builds anew. The file is a pickle authenticated with HMAC-SHA256
under a per-user secret key kept 0600 in the user *data* dir (never the cache dir): the MAC
is checked before a byte is unpickled, so a file someone else planted or damaged is ignored
and rebuilt, and no code in it ever runs. File layout: MAGIC, 32-byte MAC, pickle.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from advisor.config import MAX_CACHE_BYTES
from advisor.userdirs import cache_dir, data_dir, private_dir, sweep_temps

MAGIC = b"pacs-advisor engine cache 3\n"
KEY_FILE = "cache.key"
KEY_BYTES = 32


def model_key(data_digest: str) -> str:
    """Data digest + every engine module's source + Python version: a change to any rebuilds."""
    digest = hashlib.sha256(data_digest.encode() + sys.version.encode())
    for path in sorted(Path(__file__).resolve().parents[1].rglob("*.py")):
        try:
            digest.update(path.name.encode() + path.read_bytes())
        except OSError:
            digest.update(path.name.encode())
    return digest.hexdigest()[:32]


def secret_key(create: bool = True) -> bytes | None:
    """The per-user cache key (made on first use, mode 0600); None when it cannot be had."""
    path = data_dir() / KEY_FILE
    key = _read_key(path)
    if key is not None or not create:
        return key
    import secrets  # only when the key is first made
    import tempfile

    try:
        folder = private_dir(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{KEY_FILE}.{os.getpid()}.", suffix=".tmp", dir=folder)
        try:
            os.write(fd, secrets.token_bytes(KEY_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)  # fails if another process made one first: then use theirs
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    except OSError:
        return None
    return _read_key(path)


def _read_key(path: Path) -> bytes | None:
    """The key, if the file is ours, regular, private and the right size."""

    def private(info: os.stat_result) -> bool:
        return info.st_uid == os.getuid() and not info.st_mode & 0o077 and info.st_size == KEY_BYTES

    key = _read_regular(path, KEY_BYTES, private)
    return key if key is not None and len(key) == KEY_BYTES else None


def _mac(key: bytes, model_id: str, payload: bytes | memoryview) -> bytes:
    mac = hmac.new(key, MAGIC + model_id.encode() + b"\0", hashlib.sha256)
    mac.update(payload)
    return mac.digest()


def _model_file(folder: Path, key: str) -> Path:
    return folder / f"model-{key}.pickle"


def load_model(key: str) -> dict[str, Any] | None:
    """The cached engine parts for `key`, or None (no cache, foreign, damaged or wrong key)."""
    folder = cache_dir()
    if folder is None:
        return None
    sweep_temps(folder, ".model-*.tmp")
    sweep_temps(folder, "validated.*.tmp")
    secret = secret_key(create=False)
    raw = _read_file(_model_file(folder, key)) if secret else None
    if raw is None or secret is None or not raw.startswith(MAGIC):
        return None
    view = memoryview(raw)
    mac, payload = raw[len(MAGIC) : len(MAGIC) + 32], view[len(MAGIC) + 32 :]
    if not hmac.compare_digest(mac, _mac(secret, key, payload)):
        return None  # not written by this user's advisor: never unpickled
    try:
        model = pickle.loads(payload)
    except Exception:  # authentic but unreadable (e.g. a class changed): rebuild
        return None
    return model if isinstance(model, dict) and model.get("key") == key else None


def _read_file(path: Path) -> bytes | None:
    """The bytes of a regular file of sane size (no FIFO, device or symlink), or None."""
    return _read_regular(path, MAX_CACHE_BYTES, lambda info: info.st_size <= MAX_CACHE_BYTES)


def _read_regular(path: Path, limit: int, accept: Callable[[os.stat_result], bool]) -> bytes | None:
    """Read at most limit + 1 bytes of a regular file that `accept` approves of, checked on the
    opened descriptor (no symlink followed, no FIFO or device opened for reading), or None."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not accept(info):
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


def save_model(key: str, model: dict[str, Any]) -> None:
    """Write the engine parts, authenticated, atomically, mode 0600 (best effort)."""
    folder = cache_dir()
    secret = secret_key() if folder is not None else None
    if folder is None or secret is None:
        return
    try:
        import tempfile  # only when writing: not imported at a cached start

        private_dir(folder)
        payload = pickle.dumps({**model, "key": key}, protocol=pickle.HIGHEST_PROTOCOL)
        for old in folder.glob("model-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".model-{key}.{os.getpid()}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:  # mkstemp makes it 0600
                handle.write(MAGIC + _mac(secret, key, payload) + payload)
            os.replace(tmp, _model_file(folder, key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError):
        pass
