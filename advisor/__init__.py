"""pacs-advisor: an offline, rule-based career-path advisor for PACS and imaging informatics.

>>> from advisor import Advisor
>>> conv = Advisor.load().conversation()
>>> conv.reply("how much does a PACS admin make?").intent
'salary'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from advisor.errors import AdvisorError, DataError, ProfileError, UsageError

if TYPE_CHECKING:
    from advisor.converse.conversation import Conversation
    from advisor.engine import Advisor
    from advisor.reply import Reply

__all__ = ["Advisor", "AdvisorError", "Conversation", "DataError", "ProfileError", "Reply", "UsageError"]
__version__ = "0.1.0"
# the engine is imported when first asked for, so `advisor --help` or `advisor validate`
# (and the command line before it loads the engine: terminal/cli.py) need not import it
_HOME = {
    "Advisor": "advisor.engine",
    "Conversation": "advisor.converse.conversation",
    "Reply": "advisor.reply",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOME[name]), name)
