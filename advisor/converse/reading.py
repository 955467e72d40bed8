"""Reading a message: which clauses decide the intent (the question, else the last question,
else the whole message), follow-up references resolved, words of another domain beside the
question, and an undo clause. The rules that then correct the ranker's decision by the kind
of question are in converse/adjust.py."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from advisor.config import (
    CONFIDENCE_THRESHOLD,
    RERANK_MAX_TOKENS,
    UNDO_CLAUSE_SCORE,
)
from advisor.converse import refer
from advisor.converse.dialogue import REFERRING, Decision, context_types, foreign_words
from advisor.state import Context
from advisor.text import normalize, tokenize
from advisor.understand.acts import Act
from advisor.understand.entities import Parsed
from advisor.understand.intents import Score

if TYPE_CHECKING:
    from advisor.engine import Advisor

# a message that asks something is not answered with these
NOT_ANSWERS = frozenset({"greeting", "thanks", "goodbye", "profile_update"})


# answers that compute from every fact in the message ("no degree and 5 years, am I eligible?")
READS_WHOLE = frozenset({"ciip_eligibility"})


OWN_STEM = 4  # letters a field's word shares with the job's name ("nursing" / "nurse")


def names_own_job(engine: Advisor, word: str, current_role: str | None) -> bool:
    """Does another domain's word name the user's own job ('nursing' for a nurse)?"""
    node = engine.graph.nodes.get(current_role or "")
    if not word or node is None:
        return False
    words = {w for a in node.aliases for w in a.split() if len(w) >= OWN_STEM}
    return any(word.startswith(w[:-1]) for w in words)  # "nurse" → "nursing" (not "radiographer" → "radio")


def foreign_beside(
    engine: Advisor, decision: Decision, tokens: list[str], current_role: str | None = None
) -> Decision:
    """Words of another domain in the clauses around the question decide it too (not the
    user's own job: 'would that be a raise from nursing?' from a nurse)."""
    whole = engine.extractor.parse(tokens)
    heads = frozenset(engine.lexicon.role_heads)
    foreign = foreign_words(whole, engine.catalog, decision.intent, heads, engine.everyday)
    if not foreign or decision.intent in ("profile_update", "undo", "profile_forget"):
        return decision
    if names_own_job(engine, foreign, current_role):
        return decision
    return Decision("out_of_scope", decision.confidence, decision.ranked, foreign=foreign)


def undo_clause(engine: Advisor, acts: list[Act]) -> Act | None:
    """A clause that takes back the last change, in a message that also says more."""
    if len(acts) < 2 or "undo" not in engine.catalog:
        return None
    phrases = undo_phrases(tuple(engine.catalog["undo"].keywords))
    for act in acts:
        said = f" {' '.join(act.tokens)} "
        if act.kind in ("question", "statement", "small_talk") or not any(p in said for p in phrases):
            continue  # only a clause with an undo phrase is worth ranking (not every "a" or "it")
        ranked = engine.classifier.rank(engine.extractor.parse(list(act.tokens)))
        if ranked[0].intent == "undo" and ranked[0].score >= UNDO_CLAUSE_SCORE:
            return act
    return None


@lru_cache(maxsize=4)  # bounded: one entry per loaded catalog
def undo_phrases(keywords: tuple[str, ...]) -> tuple[str, ...]:
    """The undo intent's keywords as they read in normalised text, spaced for matching."""
    return tuple(f" {' '.join(tokenize(normalize(k)))} " for k in keywords)


UNDO_COMMANDS = (("undo",), ("revert",), ("undo", "that"), ("revert", "that"))


def undo_command(engine: Advisor, acts: list[Act]) -> Act | None:
    """A message that opens with the command 'undo' ('undo that, it was actually a practice
    test lol'): the opening clause takes back the last change; what follows explains it."""
    if not acts or "undo" not in engine.catalog:
        return None
    core = engine.lexicon.without("lead_fillers", list(acts[0].tokens))
    said = tuple(core[:2])
    undo = said in UNDO_COMMANDS or said[:1] in UNDO_COMMANDS
    return acts[0] if undo and acts[0].kind != "question" else None


def rank(
    engine: Advisor,
    ctx: Context,
    focus: list[str],
    tokens: list[str],
    last: list[str],
    home: str | None = None,
) -> tuple[Parsed, list[Score]]:
    """Intent scores of the question clauses; when they alone say too little, of the
    last question alone ("…, so what should I read?") or of the whole message ("I'm a CT
    tech and want PACS. how do I make that happen?": its statements give the topic)."""
    ctx = _with_named_before(engine, ctx, focus, tokens)
    parsed, ranked = _scores(engine, ctx, focus, home)
    if focus is tokens or (ranked[0].intent != "out_of_scope" and ranked[0].score >= CONFIDENCE_THRESHOLD):
        return parsed, ranked
    for words in (last, tokens):
        if not words or words == focus or len(words) > RERANK_MAX_TOKENS:
            continue  # a long message is read again only through its last question
        other, again = _scores(engine, ctx, words, home)
        again = [s for s in again if s.intent not in NOT_ANSWERS]
        if again and again[0].score > ranked[0].score:
            parsed, ranked = other, again
    return parsed, ranked


def _with_named_before(engine: Advisor, ctx: Context, focus: list[str], tokens: list[str]) -> Context:
    """'A PACS admin job opened. What does that job involve?': a reference in the question
    points first at what the message itself named before it."""
    if focus is tokens or not REFERRING & set(focus):
        return ctx
    entities = engine.extractor.parse(tokens).entities
    named = [e for e in entities if e.type in ("role", "certification")]
    places = [e.id for e in entities if e.type == "place"]
    if places:  # "Deer Park? where even is that?" (for this reading only: the state keeps none)
        ctx = replace(ctx, place=places[-1], last="place" if not named else ctx.last)
    if not named:
        return replace(ctx, intent=ctx.intent or "salary") if places else ctx
    last = named[-1]
    if last.type == "role":
        return replace(ctx, role=last.id, last="role", intent=ctx.intent or "role_overview")
    intent = ctx.intent or "certification_info"
    return replace(ctx, certification=last.id, last="certification", intent=intent)


def _scores(engine: Advisor, ctx: Context, words: list[str], home: str | None) -> tuple[Parsed, list[Score]]:
    parsed = engine.extractor.parse(words)
    resolved = refer.resolve(words, parsed, ctx, engine.graph, engine.lexicon, home)
    if resolved is words:  # "what's the bonus for admins?"
        resolved = refer.role_by_head(words, parsed, ctx, engine.graph, engine.lexicon, engine.common_words)
    if resolved is not words:  # "is that cert worth it?" → "is ciip worth it?"
        parsed = engine.extractor.parse(resolved)
    return parsed, engine.classifier.rank(parsed, context_types(ctx))
