"""Job postings: read one (sections, items), compare it with a profile, plan, render.

`read_posting(engine, text)` → `Posting`; `match(engine, profile, posting)` → `Match`;
`render.text / render.markdown / render.to_dict(graph, match)`. A posting never changes
the profile: it is only read.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from advisor.posting.compare import Match, match
    from advisor.posting.extract import Posting, read_posting

__all__ = ["Match", "Posting", "match", "read_posting"]
# imported when first asked for: the engine needs only posting.lexicon to start
_HOME = {"Match": "compare", "match": "compare", "Posting": "extract", "read_posting": "extract"}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
