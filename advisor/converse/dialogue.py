"""Decision stage: from intent scores and the conversation to one decision.

Order: a pending "Did you mean …?" answer → follow-up of the last topic ("and in Boston?")
→ out-of-scope gates (another career, a job title the graph lacks) → confidence threshold
→ "Did you mean …?" when the top two are too close → the top intent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from advisor.config import (
    AMBIGUITY_MARGIN,
    CONFIDENCE_THRESHOLD,
    ENGAGED_FLOOR,
    ENGAGED_LEAD,
    FOLLOW_UP_CONFIDENCE,
    RE,
    UNKNOWN_SHARE,
    UNKNOWN_TOP_SCORE,
)
from advisor.knowledge.catalog import Intent
from advisor.state import Context
from advisor.understand.entities import Parsed
from advisor.understand.intents import Score

# words that may stand around the entities of a bare follow-up ("and what about in boston?")
FOLLOW_UP_FILLER = frozenset(
    {
        "and",
        "what",
        "about",
        "how",
        "in",
        "for",
        "a",
        "an",
        "the",
        "at",
        "with",
        "ok",
        "okay",
        "then",
        "same",
        "also",
        "now",
        "as",
        "of",
        "is",
        "it",
        "there",
        "those",
        "them",
        "one",
        "ones",
        "so",
        "but",
        "instead",
        "to",
        "please",
    }
)
# intents about a role, where an unknown job title means another career
ROLE_INTENTS = frozenset(
    {
        "salary",
        "role_overview",
        "role_requirements",
        "career_path",
        "best_locations",
        "career_progression",
        "certifications_for_role",
        "compare_roles",
    }
)
ROLE_SLOT_BEFORE = frozenset({"a", "an", "as", "become", "becoming", "being", "do", "does"})
ROLE_SLOT_AFTER = frozenset(
    {
        "salary",
        "salaries",
        "pay",
        "job",
        "jobs",
        "make",
        "earn",
        "earns",
        "career",
        "wage",
        "wages",
        "do",
        "does",
    }
)
# "my nursing degree / experience": the user's own background in another field
BACKGROUND_AFTER = frozenset(
    {"degree", "experience", "years", "background", "license", "licence", "job", "work", "career", "time"}
)
YEAR_WORDS = frozenset({"year", "years", "yrs", "yr", "months", "decade", "decades"})
FIRST_PERSON = frozenset({"i", "my", "me", "im"})
NODE_TYPES = frozenset({"role", "certification", "skill", "concept", "organisation", "resource", "ambiguous"})
# a message with one of these (or a '?') asks something; without, a first-person message
# that states profile facts is a statement about the user
QUESTION_CUES = frozenset(
    {
        "how",
        "what",
        "which",
        "where",
        "should",
        "can",
        "could",
        "when",
        "why",
        "who",
        "recommend",
        "advice",
        "tips",
        "suggest",
        "tell",
        "show",
        "explain",
        "compare",
        "list",
        "is",
        "are",
        "does",
        "do",
        "will",
        "give",
        "plan",
        "describe",
        "outline",
        "map",
        "walk",
        "lay",
        "must",
    }
)
REFERRING = frozenset({"it", "that", "this", "those", "these", "them", "they", "one", "there", "ones"})
SMALL_TALK = frozenset({"greeting", "goodbye", "thanks", "help"})
CHOICE_WORDS = {
    "first": 0,
    "1st": 0,
    "1": 0,
    "one": 0,
    "second": 1,
    "2nd": 1,
    "2": 1,
    "two": 1,
    "third": 2,
    "3rd": 2,
    "3": 2,
    "three": 2,
}


@dataclass
class Decision:
    intent: str
    confidence: float
    ranked: list[Score]
    clarify: list[str] = field(default_factory=list)
    follow_up: bool = False
    foreign: str = ""  # the out-of-scope words that decided it
    continues: bool = False  # "and after that?", "what else?": more of the last answer


def context_types(ctx: Context) -> frozenset[str]:
    types = set()
    if ctx.role:
        types.add("role")
    if ctx.certification:
        types.add("certification")
    if ctx.place:
        types.add("place")
    if ctx.topic:
        types.update({"skill", "concept", "organisation"})
    return frozenset(types)


def is_bare(parsed: Parsed) -> bool:
    """Only entities and filler words: a follow-up like 'and a RIS analyst?'."""
    covered = {i for e in parsed.entities for i in range(e.start, e.end)}
    rest = [t for i, t in enumerate(parsed.tokens) if i not in covered]
    return bool(parsed.entities) and all(t in FOLLOW_UP_FILLER for t in rest)


def refers_back(tokens: tuple[str, ...] | list[str], ctx: Context) -> bool:
    """'is that cert worth it?', 'what does it require?': a word pointing at the last topic,
    and a last topic to point at (evidence the message belongs to this conversation)."""
    has_topic = bool(ctx.intent and (ctx.role or ctx.certification or ctx.topic or ctx.place))
    return has_topic and bool(REFERRING & set(tokens))


def unknown_share(parsed: Parsed, common: frozenset[str]) -> float:
    """Share of the content words (not common words) that no vocabulary knows."""
    content = [t for t in parsed.tokens if t not in common and not t.isdigit()]
    return len(parsed.unknown) / len(content) if content else 0.0


def foreign_words(
    parsed: Parsed,
    catalog: dict[str, Intent],
    top: str,
    ours: frozenset[str] = frozenset(),
    everyday: frozenset[str] = frozenset(),
) -> str:
    """Words showing the question is about something the advisor does not cover.

    A background job that is also an out-of-scope topic ("nurse") is a background when the
    user states it, and another career when a question is about it.
    """
    oos = catalog.get("out_of_scope")
    topics = set(oos.topics) if oos else set()
    explicit = {e.type for e in parsed.entities if e.text not in topics} & NODE_TYPES
    if explicit:
        return ""
    covered = {i for e in parsed.entities for i in range(e.start, e.end)}
    tokens = parsed.tokens
    joined = f" {' '.join(tokens)} "
    for topic in oos.topics if oos else ():
        if f" {topic} " in joined and not _own_past(tokens, topic):
            return topic
    if top in ROLE_INTENTS:
        unknown = set(parsed.unknown)
        for i, token in enumerate(tokens):
            if token not in unknown or i in covered or len(token) < 3 or token in ours:
                continue  # `ours`: job words of the field ("architects", "admins")
            before = tokens[i - 1] if i else ""
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            verb = before in ("do", "does")  # "what should I do meanwhile": an everyday word, no job
            if (before in ROLE_SLOT_BEFORE and not (verb and token in everyday)) or (
                after in ROLE_SLOT_AFTER and token not in everyday
            ):
                return token  # (an everyday word before "as" is no job: "would my years count as …")
    return ""


def _own_past(tokens: tuple[str, ...], topic: str) -> bool:
    """'with my BSN and 8 years of nursing', 'does my nursing degree count?': another field
    named as the user's years of work, or as their own, is their background, not the
    question's topic."""
    words = topic.split()
    for i in range(len(tokens) - len(words) + 1):
        if list(tokens[i : i + len(words)]) != words:
            continue
        before = tokens[max(0, i - 2) : i]
        if before[-1:] == ("of",) and before[:1] and before[0] in YEAR_WORDS:
            return True
        after = tokens[i + len(words) : i + len(words) + 1]
        if before[-1:] == ("my",) and after and after[0] in BACKGROUND_AFTER:
            return True  # (not "my driving test", "my facebook profile")
    return False


def _fits_entities(parsed: Parsed, catalog: dict[str, Intent], names: list[str]) -> list[str]:
    """Of these intents, those that take the message's graph entities (all when it has none)."""
    types = {e.type for e in parsed.entities} & {"role", "certification"}  # the strong types
    if not types:
        return names
    return [n for n in names if n in catalog and types & (catalog[n].accepts | catalog[n].requires)]


def pick_choice(tokens: tuple[str, ...], options: list[str], names: dict[str, list[str]]) -> int | None:
    """Which pending option a short answer picks ('the first one', '2', 'salary', 'pay')."""
    text = " ".join(tokens)
    match = RE.ORDINAL_CHOICE.match(text)
    if match:
        index = CHOICE_WORDS.get(match.group(1), -1)
        return index if 0 <= index < len(options) else None
    hits = [i for i, opt in enumerate(options) if set(tokens) & set(names.get(opt, [opt]))]
    return hits[0] if len(hits) == 1 else None


def is_question(raw: str, parsed: Parsed) -> bool:
    if "?" in raw:
        return True
    first = parsed.tokens[0] if parsed.tokens else ""
    return (
        first in QUESTION_CUES
        or first == "am"
        or bool(QUESTION_CUES & set(parsed.tokens) - {"is", "are", "do", "does", "will"})
    )


def decide(
    parsed: Parsed,
    ranked: list[Score],
    ctx: Context,
    catalog: dict[str, Intent],
    states_profile: bool = False,
    common: frozenset[str] = frozenset(),
    asks: bool = False,
    engaged: bool = False,
    said: tuple[str, ...] | list[str] = (),
    everyday: frozenset[str] = frozenset(),
) -> Decision:
    """`states_profile`: a statement carrying profile facts; `asks`: the message asks something;
    `engaged`: a conversation about the user's path is under way (low confidence alone is then
    no evidence of another domain, nor are unknown `everyday` English words); `said`: the words
    before references were resolved."""
    top = ranked[0]
    last = catalog.get(ctx.intent or "")
    cue = bool(RE.FOLLOW_UP.match(" ".join(parsed.tokens)))
    if last and last.follow_up and parsed.entities and (cue or is_bare(parsed)):
        kinds = {e.type for e in parsed.entities}
        roles = len({e.id for e in parsed.entities if e.type == "role"})
        usable = kinds <= (last.accepts | last.requires) and roles <= max(1, last.min_roles)
        if usable and (top.intent == last.name or top.score < 0.6 or is_bare(parsed)):
            # "and the top figure there?" after a ranking of places: the pay at that place
            name = "salary" if last.name == "best_locations" and "place" in kinds else last.name
            return Decision(
                name,
                max(FOLLOW_UP_CONFIDENCE, top.score if top.intent == last.name else 0.0),
                ranked,
                follow_up=True,
            )
    if states_profile:  # small talk around it is its own act ("hi there, I do help desk")
        profile = next(s for s in ranked if s.intent == "profile_update")
        return Decision("profile_update", max(profile.score, FOLLOW_UP_CONFIDENCE), ranked)
    if asks and top.intent == "profile_update" and len(ranked) > 1:
        # a profile update states facts; a message that asks something wants an answer
        ranked = [s for s in ranked if s.intent != "profile_update"] + [top]
        top = ranked[0]
    foreign = foreign_words(parsed, catalog, top.intent, everyday=everyday)
    stated = top.intent == "profile_update" and not asks and FIRST_PERSON & set(parsed.tokens)
    if (
        foreign
        and not stated
        and top.intent
        not in (  # "I'm a data analyst" is said, not asked
            "thanks",
            "goodbye",
            "undo",
            "profile_forget",
        )
    ):
        return Decision("out_of_scope", max(top.score, CONFIDENCE_THRESHOLD), ranked, foreign=foreign)
    explicit = {e.type for e in parsed.entities} & NODE_TYPES
    unknown = (
        not explicit
        and not refers_back(parsed.tokens, ctx)
        and not refers_back(said, ctx)
        and top.score < UNKNOWN_TOP_SCORE
        and top.intent not in SMALL_TALK
        and unknown_share(parsed, common) >= UNKNOWN_SHARE
    )
    plain = all(word in everyday for word in parsed.unknown)  # no rare word: no other topic
    if engaged and (plain or not unknown) and (unknown or top.score < CONFIDENCE_THRESHOLD):
        reading = best_reading(ranked)
        if reading is not None:
            return reading
    if unknown:
        return Decision("out_of_scope", 1 - top.score, ranked, foreign=parsed.unknown[0])
    second = ranked[1] if len(ranked) > 1 else None
    if top.score < CONFIDENCE_THRESHOLD or top.intent == "out_of_scope":
        named = _about_named(parsed, ranked, catalog, everyday) if explicit and not parsed.unknown else None
        if named is not None:  # "idk what hl7 is": a thing we know, and no other domain
            return named
        return Decision("out_of_scope", top.score if top.intent == "out_of_scope" else 1 - top.score, ranked)
    if (
        second is not None
        and second.intent != "out_of_scope"
        and second.score >= CONFIDENCE_THRESHOLD
        and top.score - second.score < AMBIGUITY_MARGIN
    ):
        fits = _fits_entities(parsed, catalog, [top.intent, second.intent])
        if len(fits) == 1:  # "how much is ciip?": only one of the two takes a certification
            return Decision(fits[0], max(top.score, second.score), ranked)
        return Decision(top.intent, top.score, ranked, clarify=[top.intent, second.intent])
    return Decision(top.intent, top.score, ranked)


def _about_named(
    parsed: Parsed, ranked: list[Score], catalog: dict[str, Intent], everyday: frozenset[str]
) -> Decision | None:
    """An unsure message with no word unknown to the field that names something of the field
    by a name no everyday English word shares ("idk what hl7 is"; not "director") is about
    it: the best in-domain intent that takes it (the foreign-word gate ran first)."""
    types = {
        e.type
        for e in parsed.entities
        if e.type in NODE_TYPES and not all(w in everyday for w in e.text.split())
    }
    for score in ranked:
        if score.score <= 0.0 or not types:
            return None
        intent = catalog.get(score.intent)
        if score.intent in SMALL_TALK or score.intent == "out_of_scope" or intent is None:
            continue
        if types & (intent.accepts | intent.requires):
            return Decision(score.intent, score.score, ranked)
    return None


def best_reading(ranked: list[Score]) -> Decision | None:
    """The best in-domain reading of an unsure message in a conversation under way: the top
    intent when it clearly leads, "Did you mean…?" between two close ones, else None (the
    out-of-scope gates decide). The out-of-scope intent near the top is evidence: None."""
    top = ranked[0]
    others = [s for s in ranked[1:] if s.intent not in SMALL_TALK]
    if top.intent in SMALL_TALK or top.score < ENGAGED_FLOOR:
        return None
    oos = next((s.score for s in ranked if s.intent == "out_of_scope"), 0.0)
    if top.score - oos < ENGAGED_LEAD:
        return None
    second = others[0] if others else None
    if second is None or second.intent == "out_of_scope" or top.score - second.score >= ENGAGED_LEAD:
        return Decision(top.intent, top.score, ranked)
    return Decision(top.intent, top.score, ranked, clarify=[top.intent, second.intent])
