"""Job postings: read one (sections, items), compare it with a profile, plan, render.

`read_posting(engine, text)` → `Posting`. A posting never changes the profile.
"""

from __future__ import annotations

from advisor.posting.extract import Posting, read_posting

__all__ = ["Posting", "read_posting"]
