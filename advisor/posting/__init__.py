"""Job postings: read one (sections, items), compare it with a profile, plan, render.

`read_posting(engine, text)` → `Posting`; `match(engine, profile, posting)` → `Match`;
`render.text / render.markdown / render.to_dict(graph, match)`. A posting never changes
the profile: it is only read.
"""

from __future__ import annotations

from advisor.posting.compare import Match, match
from advisor.posting.extract import Posting, read_posting

__all__ = ["Match", "Posting", "match", "read_posting"]
