"""Text stage: sanitise what people type, normalise it and split it into tokens.

>>> normalize("What's a PACS  Admin's salary?\\x1b[31m")
'what is a pacs admin salary?'
>>> tokenize("what is a pacs admin salary?")
['what', 'is', 'a', 'pacs', 'admin', 'salary']
"""

from __future__ import annotations

import unicodedata

from advisor.config import MAX_ECHO_CHARS, MAX_INPUT_CHARS, RE

_CONTRACTIONS = {
    "what's": "what is",
    "whats": "what is",
    "where's": "where is",
    "who's": "who is",
    "how's": "how is",
    "that's": "that is",
    "it's": "it is",
    "i'm": "i am",
    "im": "i am",
    "i've": "i have",
    "ive": "i have",
    "i'd": "i would",
    "i'll": "i will",
    "you're": "you are",
    "they're": "they are",
    "don't": "do not",
    "dont": "do not",
    "doesn't": "does not",
    "doesnt": "does not",
    "didn't": "did not",
    "can't": "cannot",
    "cant": "cannot",
    "won't": "will not",
    "isn't": "is not",
    "aren't": "are not",
    "wanna": "want to",
    "gonna": "going to",
    "gotta": "got to",
    "let's": "let us",
    "there's": "there is",
}


def sanitize(text: str) -> str:
    """Remove escape sequences and control characters; safe to show on a terminal."""
    text = RE.ESCAPES.sub("", text)
    return RE.CONTROLS.sub("", text.replace("\t", " ").replace("\r", " ").replace("\n", " "))


def safe(text: str) -> str:
    """Sanitise for the terminal but keep line breaks: every string shown passes here.

    >>> safe("a\\x1b]0;PWNED\\x07\\nb\\x9b2J")
    'a\\nb'
    """
    return "\n".join(sanitize(line) for line in str(text).split("\n"))


def echo(text: str, limit: int = MAX_ECHO_CHARS) -> str:
    """A short, sanitised quote of user text, for showing it back."""
    clean = RE.WHITESPACE.sub(" ", sanitize(text)).strip()
    return clean if len(clean) <= limit else clean[: limit - 1].rstrip() + "…"


def normalize(text: str) -> str:
    """Sanitise, fold case and width, expand contractions, collapse spaces."""
    text = sanitize(text[:MAX_INPUT_CHARS])
    text = unicodedata.normalize("NFKC", text).casefold()
    text = RE.APOSTROPHE.sub("'", text)
    words = [_CONTRACTIONS.get(word, word) for word in text.split()]
    text = RE.POSSESSIVE.sub(r"\1", " ".join(words))
    return RE.WHITESPACE.sub(" ", text).strip()


def tokenize(normalized: str) -> list[str]:
    """Split normalised text into word tokens (letters, digits, a trailing '+').

    Letters repeated three or more times are folded to two ('heyyy' → 'heyy').
    """
    return RE.TOKEN.findall(RE.ELONGATED.sub(r"\1\1", normalized))


def was_truncated(text: str) -> bool:
    """True when `normalize` read only the start of the message."""
    return len(text) > MAX_INPUT_CHARS


def count(number: float, noun: str, plural: str = "") -> str:
    """A number and its noun, singular only for exactly one ('1 year', '1.5 years', '0 steps').

    >>> count(1, "year"), count(1.5, "year"), count(0, "step"), count(2, "child", "children")
    ('1 year', '1.5 years', '0 steps', '2 children')
    """
    return f"{number:g} {noun if number == 1 else plural or noun + 's'}"
