"""Posting text → blocks: HTML and bullets stripped, wrapped lines joined, each block
tagged with the status of its section (required, preferred, duty, ignore, or default
before any heading).

>>> from advisor.posting.sections import clean
>>> clean("<p>R.T.(R) &amp; CIIP<br>a plus</p>")
'R.T.(R) & CIIP\\na plus'
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from advisor.config import HEADING_MAX_WORDS, INTRO_MAX_WORDS, POSTING_RE
from advisor.posting.lexicon import Lexicon, key
from advisor.text import sanitize

CONNECTORS = ("or", "and", "of", "in", "a", "an", "the", "to", "with", "for", "including")


@dataclass(frozen=True)
class Block:
    text: str  # one bullet or paragraph, wrapped lines joined
    status: str  # required | preferred | duty | ignore | default | info
    heading: str  # the section heading as written ('' before any)
    line: int  # 1-based line number of its first line


def clean(text: str) -> str:
    """Plain text: HTML tags become line breaks or nothing, entities are decoded,
    escape sequences and control characters are dropped (line breaks stay)."""
    if POSTING_RE.HTML_TAG.search(text):
        text = POSTING_RE.HTML_BREAK.sub("\n", text)
        text = POSTING_RE.HTML_TAG.sub("", text)
    text = html.unescape(text).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    lines = [sanitize(line).rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def heading_of(line: str, lex: Lexicon) -> tuple[str, str] | None:
    """(status, rest of the line) when the line is a heading ('Preferred:', 'REQUIREMENTS',
    'Qualifications (Required)' or 'Qualifications: A bachelor's…'), else None. A heading
    with an aside in parentheses is read without it ('MUST HAVES (no sponsorship):')."""
    found = _heading_of(line, lex)
    if found is None and "(" in line:
        bare = POSTING_RE.PARENS.sub("", line)
        if bare != line and bare.rstrip().endswith(":"):
            return _heading_of(bare, lex)
    return found


def _heading_of(line: str, lex: Lexicon) -> tuple[str, str] | None:
    bare = POSTING_RE.BULLET.sub("", line).strip()
    head, colon, rest = bare.partition(":")
    words = tuple(lex.fix(key(head)))
    inline = words in lex.headings or (len(words) <= 3 and _heading_words(words, lex))
    if colon and rest.strip() and len(words) <= HEADING_MAX_WORDS and inline:
        return _heading_status(words, lex) or "info", rest.strip()
    words = tuple(lex.fix(key(bare.rstrip(":"))))
    if len(words) > HEADING_MAX_WORDS and bare.endswith(":"):
        return _introduces(words, bare, lex)
    if (
        not words
        or len(words) > HEADING_MAX_WORDS
        or (POSTING_RE.BULLET.match(line) and not bare.endswith(":"))
    ):
        return None
    if words in lex.headings and (bare.endswith(":") or len(words) <= 4 and bare[-1:].isalnum()):
        return lex.headings[words], ""
    if _names_items(list(words), lex):
        return None
    if _looks_heading(bare) or (bare[-1:].isalnum() or bare[-1:] == ")") and _heading_words(words, lex):
        return _heading_status(words, lex) or "info", ""
    ending = _known_ending(words, lex)
    if ending is not None and bare[-1:].isalnum():  # 'What the consultant will do'
        return ending, ""
    return None


def _introduces(words: tuple[str, ...], bare: str, lex: Lexicon) -> tuple[str, str] | None:
    """A sentence that introduces a list is a heading when a cue or a known heading ends
    it ("You'll be a great fit if you have:", "The following are a plus:")."""
    if len(words) > INTRO_MAX_WORDS:
        return None
    status = _known_ending(words, lex)
    for i in range(len(words)):
        hit = lex.longest(lex.cues, list(words), i)
        if hit is not None and hit[1] != "mentioned":
            status = str(hit[1])
    if status is None:
        return None
    return status, (bare if _names_items(list(words), lex) else "")  # its own items count too


def _known_ending(words: tuple[str, ...], lex: Lexicon) -> str | None:
    """The status of a known heading of two or more words that ends the line (not a cue:
    'R.T.(R) registration, a plus' is an item)."""
    for n in range(1, len(words) - 1):
        if words[n:] in lex.headings and words[n:] not in lex.cues:
            return lex.headings[words[n:]]
    return None


def _heading_words(words: tuple[str, ...], lex: Lexicon) -> bool:
    """Every word is a heading or cue word ('Required Skills / Experience')."""
    return all(w in lex.heading_words for w in words)


def _heading_status(words: tuple[str, ...], lex: Lexicon) -> str | None:
    """A known heading; else a cue in it ('Additional required skills'); else its longest
    known start ('ABOUT SUMMIT VALLEY HEALTH' → 'about': ignored) or end ('Key
    Qualifications', 'Technical Skills')."""
    if words in lex.headings:
        return lex.headings[words]
    for i in range(len(words)):
        hit = lex.longest(lex.cues, list(words), i)
        if hit is not None:
            return "duty" if hit[1] == "mentioned" else str(hit[1])
    for n in range(len(words) - 1, 0, -1):
        if words[:n] in lex.headings:
            return lex.headings[words[:n]]
    for n in range(1, len(words)):  # its longest known end ('Key Qualifications')
        if words[n:] in lex.headings:
            return lex.headings[words[n:]]
    return None


def _names_items(words: list[str], lex: Lexicon) -> bool:
    """True when the words name a skill or certification ('HL7 & SQL' is not a heading)."""
    for i in range(len(words)):
        hit = lex.longest(lex.terms, words, i)
        if hit is not None and hit[1][0] not in ("role", "none"):
            return True
    return False


def _looks_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return text.endswith(":") or (len(letters) >= 3 and all(c.isupper() for c in letters))


def _continues(previous: str, line: str, raw: str) -> bool:
    """True when `line` carries on the block before it (a wrapped line)."""
    if not previous or POSTING_RE.BULLET.match(raw) and not raw.startswith("  "):
        return False
    stripped = line.lstrip()
    if stripped[:1].islower():
        return True
    last = previous.rstrip()
    return last.endswith((",", "-", "/", "&", "(")) or last.rsplit(" ", 1)[-1].lower() in CONNECTORS


def _unsymbol(line: str, lex: Lexicon) -> str:
    """A line that starts with emoji or dingbats: a heading without them, else a bullet."""
    lead = POSTING_RE.SYMBOL_LEAD.match(line)
    if lead is None:
        return line
    rest = line[lead.end() :]
    return rest if not rest.strip() or heading_of(rest, lex) is not None else f"- {rest}"


def blocks(text: str, lex: Lexicon) -> list[Block]:
    """The posting's blocks in order (headings themselves are not blocks)."""
    out: list[Block] = []
    status, heading = "default", ""
    current: list[str] = []
    start = 0

    def flush() -> None:
        if current:
            out.append(Block(" ".join(current), status, heading, start))
            current.clear()

    section: tuple[str, str] | None = None  # the section an inline 'Label: text' interrupts
    for number, line in enumerate(text.split("\n"), 1):
        raw = _unsymbol(line, lex)
        if not raw.strip():
            flush()
            if section is not None:  # 'Location: Remote' labels its own paragraph only
                (status, heading), section = section, None
            continue
        found = heading_of(raw, lex)
        if found is not None:
            flush()
            previous, (status, rest) = (status, heading), found
            heading = raw.strip().rstrip(":")
            section = None
            if rest:
                heading = raw.split(":", 1)[0].strip()
                current.append(rest)
                start = number
                section = previous if status in ("info", "ignore") else None
            continue
        body = POSTING_RE.BULLET.sub("", raw).strip()
        if current and _continues(current[-1], body, raw):
            current.append(body)
            continue
        flush()
        current.append(body)
        start = number
    flush()
    return out
