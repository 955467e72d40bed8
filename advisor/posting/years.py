"""Years of experience in a requirement: '2-4 years' → 2, 'three (3) years' → 3,
'18 months' → 1.5, 'PACS administration: 2 years'; and where its area ends, so that the
area's words are not read as skills."""

from __future__ import annotations

import re

from advisor.config import POSTING_RE
from advisor.posting.lexicon import Lexicon
from advisor.text import echo, tokenize
from advisor.understand.numbers import NUMBER_WORDS

MAX_YEARS = 40


def years_of(text: str, lex: Lexicon) -> tuple[list[tuple[float, str]], str]:
    """Years of experience a piece asks for ('2-4 years' → 2, 'three (3) years' → 3,
    '18 months' → 1.5), and the piece without the experience areas (their words name a
    field, not a skill)."""
    found = []
    rest = text
    spans = list(POSTING_RE.YEARS.finditer(text))
    for index, m in enumerate(spans):
        if _not_experience(text, m, lex):
            continue
        years = _number(m.group("n")) / (12 if m.group("months") else 1)
        colon = POSTING_RE.AREA_COLON.match(text[: m.start()])
        if colon:  # 'PACS administration: 2 years (Required)'
            found.append((years, _area(colon.group("area"))))
            rest = " " * m.start() + rest[m.start() :]
            continue
        stop = len(text)
        if index + 1 < len(spans):  # '… or 4 yrs in IT', '… in IT, with at least 2 years …'
            stop = spans[index + 1].start()
            comma = text.rfind(",", m.end(), stop)
            stop = comma if comma >= 0 else stop
        end = _area_end(text[:stop], m.end(), lex)
        found.append((years, _area(text[m.end() : end])))
        rest = rest[: m.end()] + " " * (end - m.end()) + rest[end:]
    for m in POSTING_RE.OF_WHICH.finditer(text):
        found.append((_number(m.group("n") or m.group("m")), _area(text[m.end() :])))
    return [(round(n, 2), a) for n, a in found if 0 < n <= MAX_YEARS], rest


def _not_experience(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """'within 2 years of hire', 'a 24-month training course', 'a 4-year degree': a span
    of time that is not years of experience."""
    low = text.lower()
    before_words = tokenize(low[max(0, m.start() - 40) : m.start()])
    after_words = tokenize(low[m.end() : m.end() + 24])
    before = f" {' '.join(before_words[-2:])} "
    after = " ".join(after_words[:2])
    if any(f" {b} " in before or after.startswith(b) for b in lex.years_blockers):
        return True
    near = before_words[-4:]
    joins = [n for n, w in enumerate(near) if w in lex.coordinators or w in ("plus", "with")]
    near = near[joins[-1] + 1 :] if joins else near  # 'a degree plus 2 years of work' is experience
    return bool(lex.duration_words & {*near, *after_words[:1]})


def _area_end(text: str, start: int, lex: Lexicon) -> int:
    """Where the experience area after 'N years' ends: at its 'experience' word when words
    of the area come before it ('2 years PACS experience'); for 'N years of (progressive)
    experience in X, Y or Z', or without such a word, where the next requirement starts
    ('… and knowledge of DICOM') or at the end of the sentence."""
    words = list(POSTING_RE.WORD.finditer(text, start))
    lead = 0
    for index, word in enumerate(words[:10]):
        if word.group().lower() in lex.experience_words:
            after = [w.group().lower() for w in words[index + 1 : index + 2]]
            if index > lead or not after or after[0] in lex.coordinators:
                return word.end()  # '2 years PACS experience', '5 years experience OR …'
            words = words[index + 1 :]
            break
        if POSTING_RE.AREA_LEAD.fullmatch(word.group()):
            lead += 1
    for word in words:
        if word.group().lower() in lex.qualification_words:
            return word.start()
    return len(text)


def _number(word: str) -> float:
    word = word.lower()
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(word)


def _area(rest: str) -> str:
    """The experience area as written: '… of experience in radiology, IT' → 'radiology, IT'."""
    text = POSTING_RE.AREA_LEAD.sub("", rest.strip(" .,;:()'’"))
    text = POSTING_RE.AREA_TAIL.sub("", text.split(".")[0].strip(" ,;:()"))
    text += ")" * (text.count("(") - text.count(")"))  # 'enterprise imaging (PACS/VNA)'
    return echo(text, 60)
