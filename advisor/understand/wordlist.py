"""The most common English words, as `wordfreq.top_n_list("en", n)` gives them, read straight
from wordfreq's data file.

Importing wordfreq costs ~115 ms (langcodes, ftfy, regex) and `top_n_list` unpacks the whole
1.5 MB list (~40 ms); an engine build needs only the first few thousand words, so this reads
the file's frequency bands in order and stops when it has enough (~10 ms). Same words, same
order: a test compares it with `top_n_list`. Anything unexpected (no data file, another
format) falls back to wordfreq itself.
"""

from __future__ import annotations

import gzip
from importlib.util import find_spec
from pathlib import Path

from advisor.config import RE

LANGUAGE = "en"
# wordfreq's "best" list: the large one where it exists, else the small one
LISTS = ("large", "small")


# the longest list read so far (an engine build asks twice: 30,000 words, then 3,000)
_read: list[str] = []


def top_words(count: int) -> list[str]:
    """The `count` most frequent English words, best first (wordfreq's order); [] when
    wordfreq is not installed."""
    if len(_read) > count:
        return _read[: max(count, 1)]  # like top_n_list, 0 words asked gives one
    try:
        words = _read_bands(count)
        if len(words) > len(_read):
            _read[:] = words
        return words
    except Exception:  # noqa: BLE001 - any surprise in wordfreq's files: ask wordfreq itself
        try:
            from wordfreq import top_n_list
        except ImportError:  # pragma: no cover - a declared dependency
            return []
        return list(top_n_list(LANGUAGE, count))


def _read_bands(count: int) -> list[str]:
    """Like wordfreq's `top_n_list`: words of the frequency bands (a cBpack: a gzipped msgpack
    list of a header and then one alphabetical list per centibel), multi-digit numbers left out."""
    import msgpack  # wordfreq's own dependency

    path = _data_file()
    words: list[str] = []
    with gzip.open(path, "rb") as stream:
        unpacker = msgpack.Unpacker(stream, raw=False)
        bands = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"unexpected wordfreq header in {path}: {header!r}")
        for _ in range(bands - 1):
            for word in unpacker.unpack():
                if not isinstance(word, str):
                    raise ValueError(f"unexpected wordfreq entry in {path}: {word!r}")
                if not RE.WORDFREQ_DIGITS.match(word):
                    words.append(word)
                    if len(words) >= count:
                        return words
    return words


def _data_file() -> Path:
    """wordfreq's data file for English, found without importing wordfreq."""
    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("wordfreq is not installed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    for name in LISTS:
        path = folder / f"{name}_{LANGUAGE}.msgpack.gz"
        if path.is_file():
            return path
    raise FileNotFoundError(f"no English word list in {folder}")
