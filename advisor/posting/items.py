"""One block of a posting → its items: skills, certifications, degrees, years of experience.

A sentence takes its section's status unless a cue in it says otherwise; a sentence with
two different cues ("Associate degree required, bachelor's preferred") is cut at its commas
and each piece takes its own cue (or the next piece's, as in "X, Y or Z required").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from advisor.config import DEGREE_FIELD_WORDS as FIELD_WINDOW
from advisor.config import POSTING_RE
from advisor.posting.context import asks_as_such, named_as_such
from advisor.posting.lexicon import Lexicon
from advisor.posting.sections import Block
from advisor.posting.years import years_of
from advisor.text import echo, normalize, tokenize
from advisor.understand.numbers import NUMBER_WORDS

if TYPE_CHECKING:
    from advisor.understand.entities import EntityExtractor

STRENGTH = {"required": 0, "preferred": 1, "mentioned": 2}


@dataclass(frozen=True)
class Item:
    """One thing a posting asks for."""

    type: str  # skill | certification | degree | experience
    status: str  # required | preferred | mentioned (a duty, not a stated requirement)
    id: str = ""  # skill or certification id; degree level; '' for experience
    field: str = ""  # degree field
    years: float = 0.0
    area: str = ""  # experience area, as written
    text: str = ""  # the sentence it came from, shortened
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "status": self.status}
        if self.type == "degree":
            out.update(level=self.id, field=self.field or None)
        elif self.type == "experience":
            out.update(years=self.years, area=self.area or None)
        else:
            out["id"] = self.id
        out.update(text=self.text, line=self.line)
        return out


@dataclass(frozen=True)
class BlockResult:
    items: tuple[Item, ...]
    roles: tuple[str, ...]  # role ids named in the block
    status: str  # the block's own status (for showing unmapped lines)


def _cues(tokens: list[str], lex: Lexicon) -> list[str]:
    found, i = [], 0
    while i < len(tokens):
        hit = lex.longest(lex.cues, tokens, i)
        if hit is None or _counted(tokens, i):
            i += 1
            continue
        found.append(hit[1])
        i = hit[0]
    return found


def _counted(tokens: list[str], i: int) -> bool:
    """'Two-plus years', '5 plus years': a 'plus' after a number counts, it is no cue; nor
    is one before a number ('an associate's plus two years of work')."""
    if tokens[i] != "plus":
        return False
    around = tokens[i - 1 : i] + tokens[i + 1 : i + 2]
    return any(t.isdigit() or t in NUMBER_WORDS for t in around)


class Words:
    """Text → tokens with typos corrected by the engine's extractor (posting terms kept as
    typed); remembered for one posting, since a sentence is read for cues and for terms."""

    def __init__(self, lex: Lexicon, extractor: EntityExtractor) -> None:
        self.lex = lex
        self.extractor = extractor
        self.memo: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        found = self.memo.get(text)
        if found is None:
            raw = tokenize(normalize(text))
            protected = self.lex.protected  # 'license' of 'RN license' is not 'licenses'
            tokens = [r if r in protected else f for r, f in zip(raw, self.lex.fix(raw), strict=True)]
            fixed = self.extractor.parse(tokens).tokens
            found = [t if t in self.lex.protected else f for t, f in zip(tokens, fixed, strict=True)]
            self.memo[text] = found
        return found


def _status(section: str, cues: list[str], tokens: list[str], lex: Lexicon) -> str:
    if "mentioned" in cues:  # 'examples of … include'
        return "mentioned"
    if section == "duty":  # a duty, unless it states a requirement ('Knowledge of X is essential')
        return cues[0] if cues and lex.qualification_words & set(tokens) else "mentioned"
    if cues:
        return cues[0]
    if section in ("required", "preferred"):
        return section
    asks = lex.qualification_words | lex.knowledge_words  # 'You should know DICOM'
    return "required" if asks & set(tokens) else "mentioned"


def _pieces(sentence: str, section: str, words: Words) -> list[tuple[str, str]]:
    """(piece text, status) for one sentence. An aside in parentheses with its own cue
    and more than cue words ('(5+ years preferred)', '(SSRS is a bonus)') is a piece of
    its own; its cue does not reach the rest ('(Required)' alone still does)."""
    asides = [m for m in POSTING_RE.ASIDE.finditer(sentence) if _own_cue(m.group(1), words)]
    if asides and section != "duty":
        outside = "".join(
            " " if any(a.start() <= i < a.end() for a in asides) else c for i, c in enumerate(sentence)
        )
        return _pieces(outside, section, words) + [
            piece for m in asides for piece in _pieces(m.group(1), section, words)
        ]
    lex = words.lex
    tokens = words(sentence)
    cues = _cues(tokens, lex)
    if len(set(cues)) < 2 or section == "duty":
        return [(sentence, _status(section, cues, tokens, lex))]
    parts = [p for p in POSTING_RE.PIECE.split(sentence) if p.strip()]
    own = [_cues(words(p), lex) for p in parts]
    out = []
    for index, part in enumerate(parts):
        later = [c[0] for c in own[index:] if c]
        earlier = [c[-1] for c in own[:index] if c]
        status = (later or earlier or [_status(section, [], tokens, lex)])[0]
        out.append((part, status))
    return out


def sentences(text: str, lex: Lexicon) -> list[str]:
    """The sentences of a block; a full stop after an abbreviation ends none ('Bachelor's in
    Comp. Sci. or related', 'Assoc. Degree required')."""
    out: list[str] = []
    for part in POSTING_RE.SENTENCE.split(text):
        last = POSTING_RE.LAST_WORD.search(out[-1]) if out else None
        if last is not None and last.group(1).lower() in lex.abbreviations:
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def _own_cue(aside: str, words: Words) -> bool:
    tokens = words(aside)
    return bool(_cues(tokens, words.lex)) and not all(t in words.lex.heading_words for t in tokens)


def read_block(block: Block, words: Words, context: frozenset[str] = frozenset()) -> BlockResult:
    """Items and role mentions of one block (nothing from an ignored section). `context`:
    what the title names ('PACS' of 'PACS Administrator'): the posting's field, an item
    only where a piece asks for it as such (elsewhere it is only mentioned)."""
    if block.status == "ignore":
        return BlockResult((), (), "ignore")
    lex = words.lex
    items: list[Item] = []
    roles: list[str] = []
    examples = False  # 'Examples of … include: A; B; and C': every part until the full stop
    for sentence in sentences(block.text, lex):
        if not sentence.strip():
            continue
        examples = examples or "mentioned" in _cues(words(sentence), lex)
        section = "duty" if examples else block.status
        if sentence.rstrip().endswith((".", "!", "?")):
            examples = False
        seen: set[tuple[str, str]] = set()  # named again in an aside: qualified, not restated
        for piece, status in _pieces(sentence, section, words):
            quote = echo(piece, 70)
            years, rest = years_of(piece, lex) if status != "mentioned" else ([], piece)
            items += [
                Item("experience", status, years=n, area=a, text=quote, line=block.line) for n, a in years
            ]
            tokens = words(rest)
            terms, named, spans = terms_of(tokens, lex)
            found = [f for f in _degrees_share_a_field(terms) if (f[0], f[1]) not in seen]
            seen.update((f[0], f[1]) for f in found)
            roles += named
            asks = asks_as_such(tokens, len(found), lex)
            heads = set() if asks or not context else named_as_such(tokens, spans, lex)
            items += [
                Item(
                    t,
                    status if asks or i not in context or i in heads else "mentioned",
                    i,
                    f,
                    text=quote,
                    line=block.line,
                )
                for t, i, f in found
            ]
    return BlockResult(tuple(items), tuple(roles), block.status)


def _degrees_share_a_field(terms: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """'Associate's or bachelor's degree in IT': each degree of one piece is an item (they
    are alternatives: `compare` counts the piece met when one is); a degree named without
    a field takes the field written after another one."""
    fields = [t[2] for t in terms if t[0] == "degree" and t[2]]
    if not fields:
        return terms
    return [("degree", t[1], t[2] or fields[0]) if t[0] == "degree" else t for t in terms]


def terms_of(
    tokens: list[str], lex: Lexicon
) -> tuple[list[tuple[str, str, str]], list[str], list[tuple[int, int, str]]]:
    """(type, id, field) of each skill, certification and degree; role ids named; the
    token span of each skill and certification (start, end, id)."""
    found: list[tuple[str, str, str]] = []
    roles: list[str] = []
    spans: list[tuple[int, int, str]] = []
    degree_at = degree_word = -1
    i = 0
    while i < len(tokens):
        hits = [
            (h[0], kind, h[1])
            for kind, h in (
                ("term", lex.term_at(tokens, i)),
                ("degree", lex.longest(lex.degrees, tokens, i)),
                ("field", lex.longest(lex.fields, tokens, i)),
            )
            if h is not None
        ]
        if not hits:
            i += 1
            continue
        # after a degree, 'information systems' is its field, not the skill of the same name
        end, kind, value = max(hits, key=lambda h: (h[0], degree_at >= 0 and h[1] == "field"))
        if kind == "degree":
            degree_at, degree_word = len(found), i
            found.append(("degree", value, ""))
        elif (
            degree_at >= 0 and _field_of_degree(kind, tokens, degree_word, i, lex) and not found[degree_at][2]
        ):
            field = value if kind == "field" else " ".join(tokens[i:end])  # 'in imaging informatics'
            found[degree_at] = ("degree", found[degree_at][1], field)
        elif kind == "term" and value[0] == "role":
            roles.append(value[1])
        elif kind == "term" and value[0] == "none":
            pass  # 'security clearance' is not the skill 'security'
        elif kind == "term":
            found.append((value[0], value[1], ""))
            spans.append((i, end, value[1]))
            suffixes = lex.credential_suffixes.get(value[1], {})
            while end < len(tokens) and tokens[end] in suffixes:  # 'ARRT (R)(CT)(MR)'
                found.append(("certification", suffixes[tokens[end]], ""))
                end += 1
        i = end
    return found, roles, spans


def _field_of_degree(kind: str, tokens: list[str], degree: int, i: int, lex: Lexicon) -> bool:
    """A field of study a few words after the degree, or a term right after its 'in'
    ("master's or post-graduate qualification in imaging informatics"), unless a
    requirement of another kind starts between them ('degree and experience in PACS')."""
    if i - degree > FIELD_WINDOW:
        return False
    if kind == "field":
        return True
    between = set(tokens[degree + 1 : i])
    return kind == "term" and tokens[i - 1] == "in" and not between & lex.qualification_words - {"degree"}
