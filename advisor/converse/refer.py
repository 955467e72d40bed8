"""Follow-ups: 'that cert', 'one of those', 'there', 'it' replaced by the name of what they
point at (the last certification, role, place or topic), so the later stages see an entity.

The phrases are data (intents/lexicon.json → references); a kind is resolved only when the
message names nothing of that kind itself and the conversation has something to point at.
"""

from __future__ import annotations

from advisor.knowledge.graph import Graph
from advisor.state import Context
from advisor.text import normalize, tokenize
from advisor.understand.entities import Parsed
from advisor.understand.lexicon import Lexicon

CERT_INTENTS = frozenset({"certification_info", "study_resources", "ciip_eligibility"})
TOPIC_INTENTS = frozenset({"concept_info"})
EXISTENTIAL = frozenset({"is", "are", "was", "were", "be", "will"})
# after an answer that listed items of another kind, a plural reference ("one of those",
# "them") points at that list, not at the role it was about: named by the kind's word
LISTED = {"certifications_for_role": ["certification"]}
PLURAL = frozenset({"those", "them", "these", "they"})
KIND_TYPES = {
    "pair": ("role", "ambiguous"),
    "certification": ("certification",),
    "role": ("role", "ambiguous"),
    "place": ("place",),
    "home": ("place",),
    "one": ("role", "certification", "skill", "concept", "organisation", "ambiguous"),
    "last": ("role", "certification", "skill", "concept", "organisation", "ambiguous"),
}


def _target(kind: str, ctx: Context, home: str | None = None) -> str | None:
    if kind == "home":
        return home
    if kind == "pair":
        return ctx.other_role if ctx.role and ctx.intent == "compare_roles" else None
    if kind == "certification":
        return ctx.certification
    if kind == "role":
        return ctx.role
    if kind == "place":
        return ctx.place
    by_kind = {"role": ctx.role, "certification": ctx.certification, "topic": ctx.topic, "place": ctx.place}
    named = by_kind.get(ctx.last or "")
    if named:
        return named
    if ctx.intent in CERT_INTENTS and ctx.certification:
        return ctx.certification
    if ctx.intent in TOPIC_INTENTS and ctx.topic:
        return ctx.topic
    return ctx.role or ctx.certification or ctx.topic


# "sit for it", "pass it", "renew it": what one does with an exam points at the certificate
EXAM_VERBS = frozenset(
    {"sit", "take", "pass", "renew", "retake", "fail", "failed", "study", "prep", "prepare"}
)


def _exam_target(kind: str, tokens: list[str], i: int, ctx: Context) -> str | None:
    """The last certificate, when a bare 'it' / 'that' follows an exam verb ('for' between)."""
    if kind not in ("last", "one") or not ctx.certification:
        return None
    before = tokens[max(0, i - 2) : i]
    if before[-1:] == ["for"]:
        before = before[:-1]
    return ctx.certification if before[-1:] and before[-1] in EXAM_VERBS else None


def _name_tokens(graph: Graph, node_id: str) -> list[str]:
    node = graph.nodes.get(node_id)
    aliases: tuple[str, ...] = node.aliases if node is not None else ()
    name = min(aliases, key=lambda a: (len(a), a)) if aliases else graph.name(node_id)
    return tokenize(normalize(name))


def _usable(kind: str, tokens: list[str], i: int, n: int, idioms: frozenset[str]) -> bool:
    before = tokens[i - 1] if i else ""
    after = tokens[i + n] if i + n < len(tokens) else ""
    phrase = tokens[i : i + n]
    if phrase == ["there"]:  # "is there demand?" is not a place
        return before not in EXISTENTIAL and after not in EXISTENTIAL
    if kind == "last" and phrase == ["it"]:
        return before not in idioms
    if kind == "last":  # a bare "that" only at the end: "would I need a degree for that?"
        return after == "" and before not in idioms
    return True


def resolve(
    tokens: list[str], parsed: Parsed, ctx: Context, graph: Graph, lexicon: Lexicon, home: str | None = None
) -> list[str]:
    """The tokens with references replaced; the same list object when nothing changed.
    `home`: the user's own place ('around here')."""
    refs, idioms = lexicon.references, lexicon.reference_idioms
    present = {e.type for e in parsed.entities}
    out = tokens
    for kind in ("pair", "certification", "role", "home", "place", "one", "last"):
        target = _target(kind, ctx, home)
        if not target or present & set(KIND_TYPES[kind]):
            continue
        phrases: dict[str, list[list[str]]] = {}  # by first word, longest first
        for words in sorted((p.split() for p in refs.get(kind, ())), key=len, reverse=True):
            if words:
                phrases.setdefault(words[0], []).append(words)
        for i in range(len(out)):
            hit = next((p for p in phrases.get(out[i], ()) if out[i : i + len(p)] == p), None)
            if hit and _usable(kind, out, i, len(hit), idioms):
                aimed = _exam_target(kind, out, i, ctx) or target  # "can I sit for it?"
                name = _name_tokens(graph, aimed)
                if kind == "role" and ctx.intent in LISTED and PLURAL & set(hit):
                    name = LISTED[ctx.intent]  # "should I get one of those?" after a cert list
                if kind == "pair":  # "which one pays more?" after a comparison
                    name = ["which", *_name_tokens(graph, ctx.role or ""), "or", *name]
                out = out[:i] + name + out[i + len(hit) :]
                present.update(KIND_TYPES[kind])
                break
    return out


def role_by_head(
    tokens: list[str], parsed: Parsed, ctx: Context, graph: Graph, lexicon: Lexicon, common: frozenset[str]
) -> list[str]:
    """'what's the typical bonus for admins?': a bare job word (after a `common` word, not a
    modifier: 'data analyst' is another job), in a message naming no role, means the role
    of that kind the conversation was about (the last role, the other role of a
    comparison), else the first career role of that kind. The same list when none."""
    if parsed.of("role") or parsed.of("ambiguous"):
        return tokens
    covered = {i for e in parsed.entities for i in range(e.start, e.end)}
    for i, token in enumerate(tokens):
        head = lexicon.role_heads.get(token)
        if head is None or i in covered or (i and tokens[i - 1] not in common):
            continue
        known = [r for r in (ctx.role, ctx.other_role) if r and r in graph.nodes]
        fits = [r for r in known + [r.id for r in graph.career_roles()] if _ends_with(graph, r, head)]
        if fits:
            return tokens[:i] + _name_tokens(graph, fits[0]) + tokens[i + 1 :]
    return tokens


def _ends_with(graph: Graph, role: str, head: str) -> bool:
    words = tokenize(normalize(graph.name(role)))
    return bool(words) and words[-1] == head


def listed_certification(graph: Graph, role: str, held: list[str]) -> str | None:
    """The first certificate a role's list names that the user does not hold: what "that
    cert" means after "what certs do I need for it?"."""
    levels = ("required", "preferred", "plus")
    reqs = sorted(graph.nodes[role].requirements, key=lambda r: levels.index(r.level))
    named = [i.ref for r in reqs for o in r.options for i in o.items if i.kind == "certification"]
    named += list(graph.helped_by.get(role, ()))
    return next((c for c in named if c and c not in held and c in graph.nodes), None)
