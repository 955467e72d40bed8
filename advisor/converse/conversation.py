"""One conversation: the pipeline normalize → entities → intents → state → answer → render."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from advisor.answers import ANSWERS, Answer, Ask
from advisor.answers.basic import EXAMPLES, profile_lines
from advisor.answers.common import listing
from advisor.config import MAX_TOKENS
from advisor.converse.dialogue import Decision, context_types, decide, is_question, pick_choice
from advisor.converse.slots import fill_slots, missing_slot
from advisor.reply import Reply
from advisor.state import State
from advisor.text import count, echo, normalize, tokenize, was_truncated
from advisor.understand.entities import Parsed
from advisor.understand.numbers import years_notes
from advisor.understand.statements import apply_changes, read_profile

if TYPE_CHECKING:
    from advisor.engine import Advisor

# an entity of one type asked under the wrong "what is" intent goes to the right one
REDIRECT = {
    ("concept_info", "certification"): "certification_info",
    ("concept_info", "role"): "role_overview",
    ("certification_info", "topic"): "concept_info",
    ("certification_info", "role"): "certifications_for_role",
    ("role_requirements", "certification"): "certification_info",
}
# questions about a certificate: the certificate they name is not one the user holds
ASKS_ABOUT_CERT = frozenset({"ciip_eligibility", "certification_info", "study_resources"})
QUESTIONS = {
    "role": "Which role do you mean? For example: {roles}.",
    "roles": 'Which two roles should I compare? For example: "PACS analyst vs RIS analyst".',
    "certification": "Which certification? I know {certs}.",
    "topic": "Which term should I explain? For example: DICOM, HL7, PACS, RIS, VNA.",
}


class Conversation:
    """Independent state over a shared, read-only engine."""

    def __init__(self, engine: Advisor, state: State) -> None:
        self.engine = engine
        self.state = state

    def state_dict(self) -> dict[str, Any]:
        return self.state.to_dict()

    def reply(self, text: str) -> Reply:
        """Answer one message. Never raises on any input text."""
        if not isinstance(text, str):
            text = str(text)
        tokens = tokenize(normalize(text))[:MAX_TOKENS]
        if not tokens:
            return self._calm(text)
        self.state.turns += 1
        parsed = self.engine.extractor.parse(tokens)
        pending = self.state.context.pending
        self.state.context.pending = None
        if pending:
            chosen = self._resolve_pending(parsed, pending)
            if chosen is not None:
                return chosen
        ranked = self.engine.classifier.rank(parsed, context_types(self.state.context))
        asks = is_question(text, parsed)
        statement = not asks and bool(read_profile(parsed, self.engine.graph.degree_titles))
        decision = decide(
            parsed, ranked, self.state.context, self.engine.catalog, statement, self.engine.common_words, asks
        )
        if decision.clarify:
            return self._clarify(text, parsed, decision)
        unclear = parsed.first("ambiguous")
        if unclear is not None and decision.intent != "out_of_scope":
            return self._clarify_entity(text, parsed, unclear.id.split("|"), decision)
        reply = self._answer(parsed, decision)
        if was_truncated(text):
            reply = _prefix(reply, "(That was a long message: I read only its beginning.)")
        return reply

    # -- stages --------------------------------------------------------------------------
    def _answer(self, parsed: Parsed, decision: Decision) -> Reply:
        engine, state = self.engine, self.state
        intent = engine.catalog[decision.intent]
        changed = False
        notes: list[str] = []
        if decision.intent not in ("out_of_scope", "goodbye", "thanks", "profile_show"):
            changes = read_profile(parsed, self.engine.graph.degree_titles)
            if decision.intent in ASKS_ABOUT_CERT:
                changes.add_certs.clear()  # "am I eligible for the CIIP?" does not hold it
            changed = apply_changes(state.profile, changes)
            # years said about oneself that were out of range, or a range: say so calmly
            notes += years_notes(list(parsed.tokens), changes.values.get("years"))
            if changed and decision.intent != "profile_update":
                notes.append(
                    "Noted: "
                    + "; ".join(_changed_lines(self, changes.values, changes.add_skills, changes.add_certs))
                    + "."
                )
        ask = fill_slots(engine.graph, intent, parsed, state, decision.follow_up, engine.catalog)
        slot = missing_slot(ask)
        for key in ("certification", "role", "topic"):
            if slot and (intent.name, key) in REDIRECT and _has(ask, key):
                intent = engine.catalog[REDIRECT[(intent.name, key)]]
                ask = fill_slots(engine.graph, intent, parsed, state, decision.follow_up, engine.catalog)
                slot = missing_slot(ask)
        if intent.name == "profile_update":
            answer = Answer([]) if notes and not changed else self._confirm(changed, parsed)
        elif intent.name == "out_of_scope":
            answer = ANSWERS["out_of_scope"](ask)
            if decision.foreign:  # the decline names the topic; the template's opening
                # sentence would say the same again, so it goes
                rest = answer.lines[0].split(". ", 1)[-1] if answer.lines else ""
                answer.lines[:1] = [
                    f"I only know careers in PACS and imaging informatics, so I "
                    f"can't answer about “{echo(decision.foreign)}”. {rest}".rstrip(),
                ]
        elif slot:
            answer = Answer(
                [
                    QUESTIONS[slot].format(
                        roles=listing([r.name for r in engine.graph.career_roles()[:5]]),
                        certs=listing([c.get("abbr") for c in engine.graph.of_type("certification")[:8]]),
                    )
                ]
            )
        else:
            answer = ANSWERS[intent.name](ask)
        self._remember(intent.name, ask, parsed)
        text = "\n".join(notes + answer.lines)
        return Reply(
            text=text,
            intent=intent.name,
            confidence=min(1.0, decision.confidence),
            entities=[e.to_dict() for e in parsed.entities],
            sources=[_source(engine, s) for s in answer.sources if s in engine.graph.sources],
            steps=[s.to_dict() for s in answer.steps],
            runners_up=[(s.intent, s.score) for s in decision.ranked[1:4]],
            corrections=list(parsed.corrections),
            example=next((s.example for s in decision.ranked if s.intent == intent.name), ""),
            profile_changed=changed,
            end=intent.name == "goodbye",
        )

    def _remember(self, intent: str, ask: Ask, parsed: Parsed) -> None:
        ctx = self.state.context
        if intent in ("out_of_scope", "greeting", "thanks", "goodbye", "help"):
            return
        ctx.intent = intent
        if ask.roles[1:]:
            ctx.other_role = ask.roles[1]
        ctx.role = ask.role or ctx.role
        ctx.certification = ask.certification or ctx.certification
        ctx.topic = ask.topic or ctx.topic
        ctx.place = ask.place if intent in ("salary", "best_locations") else ctx.place
        ctx.seniority = ask.seniority if intent == "salary" else ctx.seniority

    def _confirm(self, changed: bool, parsed: Parsed) -> Answer:
        profile = self.state.profile
        if not changed:
            return Answer(
                [
                    "I didn't catch anything new to remember. You can say things like "
                    '"I have a bachelor\'s in IT", "I know DICOM" or "I want to become '
                    'a PACS analyst".'
                ]
            )
        lines = ["Got it. " + "; ".join(profile_lines(self.engine.graph, profile)) + "."]
        if profile.goal:
            lines.append('Ask "what should I learn next?" or "show my path".')
        else:
            lines.append("Which role are you aiming for?")
        return Answer(lines)

    def _clarify(self, text: str, parsed: Parsed, decision: Decision) -> Reply:
        catalog = self.engine.catalog
        labels = [catalog[i].reply("label", catalog[i].description.rstrip(".")) for i in decision.clarify]
        return self._ask_which(
            text, parsed, decision, "intent", decision.clarify, labels, 'Answer 1 or 2 (or "the first one").'
        )

    def _clarify_entity(self, text: str, parsed: Parsed, ids: list[str], decision: Decision) -> Reply:
        labels = [self.engine.graph.name(i) for i in ids]
        return self._ask_which(
            text, parsed, decision, "entity", ids, labels, "Answer with a number or a name."
        )

    def _ask_which(
        self,
        text: str,
        parsed: Parsed,
        decision: Decision,
        kind: str,
        options: list[str],
        labels: list[str],
        hint: str,
    ) -> Reply:
        """'Did you mean …?': remember the question; the next turn may pick an option."""
        self.state.context.pending = {"kind": kind, "options": options, "text": text[:500]}
        lines = ["Did you mean:"] + [f"  {n}. {label}?" for n, label in enumerate(labels, 1)] + [hint]
        return Reply(
            "\n".join(lines),
            "clarify",
            min(1.0, decision.confidence),
            entities=[e.to_dict() for e in parsed.entities],
            runners_up=[(s.intent, s.score) for s in decision.ranked[:3]],
        )

    def _resolve_pending(self, parsed: Parsed, pending: dict[str, Any]) -> Reply | None:
        graph, catalog = self.engine.graph, self.engine.catalog
        earlier_text = str(pending.get("text", ""))
        if pending.get("kind") == "entity":
            options = [o for o in pending.get("options", []) if o in graph.nodes]
            names = {o: [w for a in graph.nodes[o].aliases for w in a.split()] for o in options}
            shared = set.intersection(*(set(v) for v in names.values())) if names else set()
            words = {o: [w for w in v if w not in shared] for o, v in names.items()}
        else:
            options = [o for o in pending.get("options", []) if o in catalog]
            words = {o: list(catalog[o].keywords) + o.split("_") for o in options}
        index = pick_choice(parsed.tokens, options, words)
        if index is None:
            return None
        tokens = tokenize(normalize(earlier_text))
        earlier = self.engine.extractor.parse(tokens)
        if pending.get("kind") == "entity":
            unclear = earlier.first("ambiguous")
            if unclear is not None:
                name = tokenize(normalize(graph.name(options[index])))
                earlier = self.engine.extractor.parse(tokens[: unclear.start] + name + tokens[unclear.end :])
            ranked = self.engine.classifier.rank(earlier, context_types(self.state.context))
            decision = decide(earlier, ranked, self.state.context, catalog)
            return self._answer(earlier, decision)
        ranked = self.engine.classifier.rank(earlier, context_types(self.state.context))
        return self._answer(earlier, Decision(options[index], 1.0, ranked))

    def _calm(self, text: str) -> Reply:
        hint = "\n".join(f"  • {e}" for e in EXAMPLES)
        said = (
            "That message had no words I can read." if text.strip() else "Ask me anything about PACS careers."
        )
        return Reply(f"{said} For example:\n{hint}", "out_of_scope", 0.0)


def _has(ask: Ask, key: str) -> bool:
    return bool({"certification": ask.certification, "role": ask.role, "topic": ask.topic}[key])


def _changed_lines(
    conv: Conversation, values: dict[str, Any], skills: list[str], certs: list[str]
) -> list[str]:
    graph = conv.engine.graph
    out = []
    labels = {"goal": "goal", "current_role": "current job", "place": "location"}
    for key, value in values.items():
        if key in labels:
            out.append(f"{labels[key]}: {graph.name(value)}")
        elif key == "years":
            out.append(f"{count(value, 'year')} of experience")
        elif key == "degree":
            out.append("no degree" if value == "none" else f"degree: {value}")
    out += [f"knows {graph.name(s)}" for s in skills] + [f"holds {graph.name(c)}" for c in certs]
    return out or ["your profile"]


def _source(engine: Advisor, sid: str) -> dict[str, Any]:
    s = engine.graph.sources[sid]
    return {"id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url}


def _prefix(reply: Reply, line: str) -> Reply:
    from dataclasses import replace

    return replace(reply, text=f"{line}\n{reply.text}")
