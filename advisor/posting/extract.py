"""Read a whole posting: guard against bad input, find the title's role, the items of
every block, on-call, whether it is a PACS / imaging-informatics posting, and the lines
that could not be mapped (kept, never dropped)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from advisor.config import (
    MAX_POSTING_CHARS,
    MAX_POSTING_LINES,
    MIN_ENGLISH_SHARE,
    MIN_SCOPE_SIGNALS,
    ON_CALL_NEGATION_WORDS,
    PASTE_MIN_CUES,
    PASTE_MIN_LINES,
    POSTING_RE,
    TITLE_LINES,
)
from advisor.posting.items import STRENGTH, Item, Words, read_block
from advisor.posting.lexicon import Lexicon, key
from advisor.posting.sections import blocks, clean, heading_of
from advisor.text import echo, normalize, tokenize

if TYPE_CHECKING:
    from advisor.engine import Advisor
    from advisor.knowledge.graph import Node


@dataclass(frozen=True)
class Posting:
    """What a posting asks for. `problem` is a one-line reason when it cannot be read."""

    problem: str = ""
    title: str = ""
    role: str | None = None  # closest role id (a career or background role)
    in_scope: bool = False
    on_call: bool | None = None
    items: tuple[Item, ...] = ()
    unmapped: tuple[tuple[int, str, str], ...] = ()  # (line, status, text)
    lines: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)

    def of(self, status: str) -> list[Item]:
        return [i for i in self.items if i.status == status]


def problem_with(text: str, english: frozenset[str]) -> str:
    """A calm one-line reason why `text` is not a posting to read, or ''."""
    if not text.strip():
        return "The posting is empty: paste the text of a job ad."
    if "\x00" in text or text.count("\ufffd") > max(3, len(text) // 100):
        return "That looks like a binary file, not a job posting: save the ad as plain text."
    if len(text) > MAX_POSTING_CHARS:
        return f"Too long for a job posting: more than {MAX_POSTING_CHARS:,} characters; paste just the ad."
    if text.count("\n") > MAX_POSTING_LINES:
        return f"Too long for a job posting: more than {MAX_POSTING_LINES:,} lines; paste just the ad."
    words = tokenize(normalize(clean(text[:20_000]).replace("\n", " ")))
    letters = [w for w in words if w.isalpha()]
    if len(letters) >= 20 and sum(w in english for w in letters) / len(letters) < MIN_ENGLISH_SHARE:
        return "That posting does not look like English; I can only read job ads in English."
    return ""


def looks_like_posting(text: str, lex: Lexicon) -> bool:
    """True for a multi-line chat message that reads like a job ad (several lines, and
    section headings or requirement cues on at least two of them)."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < PASTE_MIN_LINES:
        return False
    cues = 0
    for line in lines[:200]:
        words = key(line[:300])
        if heading_of(line, lex) is not None or any(
            words[i : i + 1] and lex.longest(lex.cues, list(words), i) for i in range(len(words))
        ):
            cues += 1
            if cues >= PASTE_MIN_CUES:
                return True
    return False


def read_posting(engine: Advisor, text: str) -> Posting:
    """Extract what the posting asks for (never raises on any text)."""
    lex: Lexicon = engine.posting
    problem = problem_with(text, lex.english_words)
    if problem:
        return Posting(problem=problem)
    plain = clean(text)
    parts = blocks(plain, lex)
    words = Words(lex, engine.extractor)
    items: list[Item] = []
    unmapped: list[tuple[int, str, str]] = []
    mentions: Counter[str] = Counter()
    title, role = _title(plain, engine)
    context = _named_in(title, words)
    for block in parts:
        result = read_block(block, words, context)
        items += result.items
        mentions.update(result.roles)
        if not result.items and not result.roles and block.status != "ignore" and block.text != title:
            unmapped.append((block.line, block.status, echo(block.text, 200)))
    merged = _merge(items)
    if not merged and not role:
        return Posting(problem="I could not find a job title or any requirements in that text.")
    asked = {i.id for i in merged if i.status != "mentioned"} | context  # the title's 'PACS' too
    signals = len(asked & lex.scope_ids)
    background = role is not None and engine.graph.nodes[role].get("track") == "background"
    # a clinical title is a PACS job when the title names the field ('Radiologic
    # Technologist (PACS)'), not for a sonographer who should know PACS
    names_field = bool(context & lex.scope_ids)
    if role is None or background and names_field and signals > MIN_SCOPE_SIGNALS:
        careers = [r for r, _ in mentions.most_common() if engine.graph.nodes[r].get("track") != "background"]
        role = (
            careers[0] if careers else _by_overlap(engine, merged) if signals >= MIN_SCOPE_SIGNALS else role
        )
    in_scope = role is not None and engine.graph.nodes[role].get("track") != "background"
    return Posting(
        title=echo(title, 80),
        role=role,
        in_scope=in_scope,
        on_call=_on_call(plain, lex),
        items=tuple(merged),
        unmapped=tuple(unmapped),
        lines=plain.count("\n") + 1,
    )


def _title(plain: str, engine: Advisor) -> tuple[str, str | None]:
    """The title line and its role: the first of the first lines whose words contain all the
    words of a role's name or alias (an alias inside another that matches loses; then one
    written as such, career roles, the longest)."""
    lines = [line.strip() for line in plain.split("\n") if line.strip()][:TITLE_LINES]
    for line in _before_sections(lines, engine.posting):
        fixed = engine.extractor.parse(engine.posting.fix(tokenize(normalize(line)))).tokens
        tokens = [engine.posting.title_words.get(t, t) for t in fixed]
        words, joined = set(tokens), f" {' '.join(tokens)} "
        found = [(alias, role) for alias, role in engine.posting.role_aliases if set(alias) <= words]
        best: tuple[bool, int, int, str] | None = None
        for alias, role in found:
            if any(set(alias) < set(other) for other, _ in found):
                continue  # 'PACS Analyst' of 'PACS ANALYST - CARDIOLOGY': the cardiology one
            background = engine.graph.nodes[role].get("track") == "background"
            rank = (f" {' '.join(alias)} " in joined, 0 if background else 1, len(alias), role)
            if best is None or rank[:3] > best[:3]:
                best = rank
        if best is not None:
            return line, best[3]
    return (lines[0] if lines else ""), None


def _before_sections(lines: list[str], lex: Lexicon) -> list[str]:
    """The lines before the first section heading: a job's title is not in its body."""
    for n, line in enumerate(lines):
        if n and heading_of(line, lex) is not None:
            return lines[:n]
    return lines


def _named_in(title: str, words: Words) -> frozenset[str]:
    """The fields (systems) the title names, inside role names too ('PACS' of 'PACS
    Manager', 'Imaging Informatics' of 'Manager, PACS & Imaging Informatics'); not skills
    such as HL7 of 'HL7 Integration Analyst', which the body asks for."""
    tokens, terms, fields = words(title), words.lex.terms, words.lex.field_ids
    grams = (
        tuple(tokens[i:j]) for i in range(len(tokens)) for j in range(i + 1, min(i + 5, len(tokens) + 1))
    )
    return frozenset(found[1] for g in grams if (found := terms.get(g)) is not None and found[1] in fields)


def _merge(items: list[Item]) -> list[Item]:
    """One item per skill, certification, degree (level and field) and experience (years
    and area), at its strongest status; required first, then preferred, then mentioned,
    in posting order."""
    kept: dict[tuple[str, str, float, str], Item] = {}
    order: dict[tuple[str, str, float, str], int] = {}
    for item in items:
        ident = _ident(item)
        order.setdefault(ident, len(order))
        old = kept.get(ident)
        if old is None or STRENGTH[item.status] < STRENGTH[old.status]:
            kept[ident] = item
    merged = sorted(kept.values(), key=lambda i: (STRENGTH[i.status], order[_ident(i)]))
    return _one_degree_per_status(merged)


def _ident(item: Item) -> tuple[str, str, float, str]:
    return item.type, item.id, item.years, (item.area or item.field).lower()


def _one_degree_per_status(items: list[Item]) -> list[Item]:
    """A degree level once per status, and again at a weaker status only for another
    field ('Master's in informatics required; MBA preferred' keeps both)."""
    kept: list[Item] = []
    for item in items:
        same = [k for k in kept if k.type == "degree" and k.id == item.id]
        if item.type != "degree" or not any(k.status == item.status or k.field == item.field for k in same):
            kept.append(item)
    return kept


def _by_overlap(engine: Advisor, items: list[Item]) -> str | None:
    """The career role whose requirements name most of the posting's skills and
    certifications (ties: the role listed first)."""
    asked = {i.id for i in items if i.type in ("skill", "certification") and i.status != "mentioned"}

    def overlap(role: Node) -> int:
        named = {t.ref for q in role.requirements for o in q.options for t in o.items if t.ref}
        return len(asked & named)

    careers = engine.graph.career_roles()
    best = max(careers, key=overlap, default=None)
    return best.id if best is not None and overlap(best) else None


def _on_call(plain: str, lex: Lexicon) -> bool | None:
    """False when the posting says there is no call ('no on-call', 'does not carry a
    regular on-call assignment': a negation shortly before a call phrase), True when it
    names call, None when it does not say."""
    sentences = (" ".join(key(s)) for line in plain.split("\n") for s in POSTING_RE.SENTENCE.split(line))
    yes = False
    for sentence in sentences:
        text = f" {sentence} "
        if any(f" {p} " in text for p in lex.on_call_no):
            return False
        for phrase in lex.on_call_yes:
            at = text.find(f" {phrase} ")
            if at < 0:
                continue
            # a label's answer: 'On call: No', 'On-call: not required'
            after = text[at + len(phrase) + 2 :].split()[:1] if at == 0 else []
            if lex.on_call_negations & {*text[:at].split()[-ON_CALL_NEGATION_WORDS:], *after}:
                return False
            yes = True
    return True if yes else None


def to_dict(posting: Posting) -> dict[str, Any]:
    """The extraction alone, JSON-ready (the `posting` key of `advisor match --json`)."""
    return {
        "title": posting.title,
        "role": posting.role,
        "in_scope": posting.in_scope,
        "on_call": posting.on_call,
        "items": [i.to_dict() for i in posting.items],
        "unmapped": [{"line": n, "status": s, "text": t} for n, s, t in posting.unmapped],
    }
