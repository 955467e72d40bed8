"""Cache of the whole built engine (graph, intents, speller, classifier) for a fast start.

Keyed by the data files' digest, the engine's own source and the Python version: any change
to the data or the code builds anew. A cache that cannot be read is ignored (and rebuilt).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from advisor.knowledge.loading import _cache_file


def cache_dir() -> Path | None:
    """The folder of the validation cache (None when caching is off)."""
    path = _cache_file()
    return path.parent if path is not None else None


def model_key(data_digest: str) -> str:
    """Data digest + every engine module's source + Python version: a change to any rebuilds."""
    digest = hashlib.sha256(data_digest.encode() + sys.version.encode())
    for path in sorted(Path(__file__).resolve().parents[1].rglob("*.py")):
        try:
            digest.update(path.name.encode() + path.read_bytes())
        except OSError:
            digest.update(path.name.encode())
    return digest.hexdigest()[:32]


def load_model(key: str) -> dict[str, Any] | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / f"model-{key}.pickle", "rb") as handle:
            model = pickle.load(handle)
        return model if isinstance(model, dict) and model.get("key") == key else None
    except Exception:  # a damaged or foreign cache file is simply rebuilt
        return None


def save_model(key: str, model: dict[str, Any]) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("model-*.pickle"):
            old.unlink(missing_ok=True)
        tmp = folder / f".model-{key}.{os.getpid()}.tmp"
        with open(tmp, "wb") as handle:
            pickle.dump({**model, "key": key}, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"model-{key}.pickle")
    except OSError:
        pass
