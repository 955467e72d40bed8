"""Exceptions: one base, narrow subclasses, so callers can catch exactly what they can handle."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file: where, what, and how to fix it."""

    file: str
    path: str
    message: str
    hint: str = ""

    def line(self) -> str:
        """Render as the one-line form `advisor validate` prints."""
        text = f"{self.file}: {self.path}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class AdvisorError(Exception):
    """Base of every error the advisor raises on purpose."""


class DataError(AdvisorError):
    """The knowledge or intent files are broken; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the data")


class ProfileError(AdvisorError):
    """A saved profile or conversation state cannot be read."""


class ProfileUnreadable(ProfileError):
    """The profile exists but cannot be read (e.g. permissions): it is left as it is and not
    overwritten."""


class UsageError(AdvisorError):
    """The command line was used wrongly."""
