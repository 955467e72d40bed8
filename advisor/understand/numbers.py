"""Years of experience as people say them: '3 years', '2.5 yrs', '3-5 years', 'three years',
'two and a half years', 'a year and a half'. Ages ('I am 45 years old') are not experience.

A value outside config's limits is found but marked not usable, so the reply can ask calmly
instead of storing a wrong number.

>>> [(s.value, s.usable) for s in find_years("i have 2.5 years".split()).values()]
[(2.5, True)]
>>> [(s.value, s.low, s.high) for s in find_years("3-5 years".split()).values()]
[(3.0, 3.0, 5.0)]
>>> [s.value for s in find_years("two and a half years".split()).values()]
[2.5]
>>> find_years("i am 45 years old".split())
{}
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from advisor.config import MAX_YEARS, MIN_YEARS, RE
from advisor.text import count

FIRST_PERSON = frozenset({"i", "my", "me", "myself"})  # as in understand/statements.py
UNITS = frozenset({"year", "years", "yr", "yrs"})
RANGE_WORDS = frozenset({"to", "or", "-"})
AGE_AFTER = (("old",), ("of", "age"))
NUMBER_WORDS = {
    "zero": 0,
    "no": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}


@dataclass(frozen=True)
class YearsSpan:
    """Tokens start..end said a number of years: `value` (the lower end of a range)."""

    start: int
    end: int
    value: float
    low: float
    high: float

    @property
    def usable(self) -> bool:
        """Within the limits: 0, or MIN_YEARS to MAX_YEARS."""
        return self.value == 0 or MIN_YEARS <= self.value <= MAX_YEARS

    @property
    def is_range(self) -> bool:
        return self.high != self.low


def number(token: str) -> float | None:
    """'3', '2.5', '3+', 'three', '-5' → the number; None for anything else."""
    token = token.rstrip("+")
    if token in NUMBER_WORDS:
        return float(NUMBER_WORDS[token])
    if not RE.NUMBER_WORDS.match(token) or "-" in token.lstrip("-"):
        return None
    value = float(token)
    return value if math.isfinite(value) else None


def _value_before(tokens: list[str], end: int) -> tuple[int, float, float] | None:
    """The number (or range) ending just before `end`: (start, low, high)."""
    i = end - 1
    if i < 0:
        return None
    half = 0.0
    if tokens[max(0, i - 2) : i + 1] == ["and", "a", "half"] and i >= 3:
        half, i = 0.5, i - 3  # 'two and a half years'
    elif tokens[i] == "half" and i >= 1 and tokens[i - 1] == "a":
        return i - 1, 0.5, 0.5  # 'a half year'
    word = tokens[i]
    if "-" in word.lstrip("-") and not half:  # '3-5'
        low, _, high = word.partition("-")
        a, b = number(low), number(high)
        return (i, min(a, b), max(a, b)) if a is not None and b is not None else None
    value = number(word)
    if value is None:
        return None
    start = i
    if i >= 1 and tokens[i - 1] in ("twenty", "thirty", "forty", "fifty") and 0 < value < 10:
        start, value = i - 1, value + NUMBER_WORDS[tokens[i - 1]]  # 'twenty five'
    if not half and start >= 2 and tokens[start - 1] in RANGE_WORDS:
        first = number(tokens[start - 2])
        if first is not None and tokens[start - 2] not in ("a", "an", "no") and first < value:
            return start - 2, first, value  # '3 to 5 years'
    return start, value + half, value + half


def find_years(tokens: list[str]) -> dict[int, YearsSpan]:
    """Every 'N years' span, by its first token; ages are skipped."""
    found: dict[int, YearsSpan] = {}
    for j, unit in enumerate(tokens):
        if unit not in UNITS:
            continue
        after = tuple(tokens[j + 1 : j + 3])
        if any(after[: len(age)] == age for age in AGE_AFTER) or (j >= 2 and tokens[j - 2] == "aged"):
            continue  # 'I am 45 years old'
        hit = _value_before(tokens, j)
        if hit is None:
            continue
        start, low, high = hit
        end = j + 1
        if tokens[end : end + 3] == ["and", "a", "half"]:
            low, high, end = low + 0.5, high + 0.5, end + 3  # 'a year and a half'
        found[start] = YearsSpan(start, end, low, low, high)
    return found


def years_notes(tokens: list[str], stored: float | None) -> list[str]:
    """Calm words about years the user said about themselves that were not stored as said:
    out of range (not stored), or a range (`stored` is its lower end). Questions ('what does
    an analyst with 3-5 years make?') get no note."""
    if not FIRST_PERSON & set(tokens):
        return []
    notes = []
    for span in find_years(tokens).values():
        if not span.usable:
            shown = count(span.value, "year") if abs(span.value) >= 0.01 else "that number"
            notes.append(
                f"I can only note experience from 0 to {MAX_YEARS} years, so I did not store "
                f"{shown}. How many years of experience do you have?"
            )
        elif span.is_range and stored == span.low:
            notes.append(f"I noted {count(span.low, 'year')}, the lower end of {span.low:g}–{span.high:g}.")
    return notes
