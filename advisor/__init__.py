"""pacs-advisor: an offline, rule-based career-path advisor for PACS and imaging informatics.

>>> from advisor import Advisor
>>> conv = Advisor.load().conversation()
>>> conv.reply("how much does a PACS admin make?").intent
'salary'
"""

from __future__ import annotations

from advisor.converse.conversation import Conversation
from advisor.engine import Advisor
from advisor.errors import AdvisorError, DataError, ProfileError, UsageError
from advisor.reply import Reply

__all__ = ["Advisor", "AdvisorError", "Conversation", "DataError", "ProfileError", "Reply", "UsageError"]
__version__ = "0.1.0"
