"""One conversation: the pipeline normalize → entities → intents → state → answer → render."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from advisor.answers import ANSWERS, Answer, Ask
from advisor.answers.basic import EXAMPLES, profile_lines
from advisor.answers.common import listing
from advisor.config import MAX_TOKENS, MAX_TURNS, UNDO_CLAUSE_SCORE
from advisor.converse import adjust, corrections, follow_ups, refer, turn_kinds
from advisor.converse import profile_talk as talk
from advisor.converse import reading as read
from advisor.converse.dialogue import (
    Decision,
    decide,
    is_question,
)
from advisor.converse.pending import PendingQuestions
from advisor.converse.slots import fill_slots, missing_slot
from advisor.reply import Reply
from advisor.state import State
from advisor.text import echo, normalize, tokenize, was_truncated
from advisor.understand.acts import Act, about_others, is_goodbye, split_acts
from advisor.understand.entities import Parsed
from advisor.understand.numbers import years_notes
from advisor.understand.statements import ProfileChanges

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
# intents whose answer asks "Which role are you aiming for?" when there is no goal
ASKS_GOAL = frozenset({"profile_update", "career_path", "next_step"})
# answers that do not turn on which of two roles was meant: no "Which one?" for them
NO_ROLE_NEEDED = frozenset({"out_of_scope", "work_conditions", "job_outlook", "study_resources"})
PENDING_MAX_TOKENS = 4  # a longer message with a question is a new question, not an answer
# entity type → the context field "it" / "that" points at when that type was named last
LAST_KINDS = {
    "role": "role",
    "certification": "certification",
    "skill": "topic",
    "concept": "topic",
}
# questions about a certificate: the certificate they name is not one the user holds
ASKS_ABOUT_CERT = frozenset({"ciip_eligibility", "certification_info", "study_resources"})
QUESTIONS = {
    "role": "Which role do you mean? For example: {roles}.",
    "roles": 'Which two roles should I compare? For example: "PACS analyst vs RIS analyst".',
    "certification": "Which certification? I know {certs}.",
    "topic": "Which term should I explain? For example: DICOM, HL7, PACS, RIS, VNA.",
}


class Conversation(PendingQuestions):
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
        lex = self.engine.lexicon
        acts = split_acts(normalize(text), lex)
        tokens = [t for a in acts for t in a.tokens][:MAX_TOKENS]
        if not tokens:
            return self._calm(text)
        self.state.turns = min(self.state.turns + 1, MAX_TURNS)  # a saved state stays valid
        pending = self.state.context.pending
        self.state.context.pending = None
        questions = [a for a in acts if a.kind == "question"]
        others = any(about_others(a.tokens, lex) for a in acts)  # "my wife wants …" answers nothing
        if pending and not others and (not questions or len(tokens) <= PENDING_MAX_TOKENS):
            chosen = self._resolve_pending(tokens, acts, pending)
            if chosen is not None:
                return chosen
        elif pending and questions and acts[0].kind != "question" and self._picks(acts[0], pending):
            acts = acts[1:]  # "the analyst one. what do they earn?": the choice, then the question
            tokens = [t for a in acts for t in a.tokens][:MAX_TOKENS]
        leaving = any(lex.has("goodbye_words", a.tokens) for a in acts)  # facts read only then
        if leaving and is_goodbye(acts, lex, bool(talk.statement_changes(self.engine, acts))):
            return self._reply_lines("goodbye", ANSWERS["goodbye"](self._ask("goodbye")).lines, end=True)
        undone = read.undo_clause(self.engine, acts) or read.undo_command(self.engine, acts)
        if undone:  # "no, that was a question. what does a PACS manager do?"
            rest = [a for a in acts if a is not undone and a.kind in ("question", "statement", "correction")]
            return self._take_back(text, rest, undone)
        return self.reply_acts(text, acts, tokens)

    def _take_back(self, text: str, rest: list[Act], undone: Act) -> Reply:
        """An undo clause and what follows it: "undo"; "that's wrong, I meant PACS
        administrator" (the named thing replaces what the last change set); "no that's
        wrong, 3 years not 2" (a correction of an older fact: the last change stands)."""
        tokens = [t for a in rest for t in a.tokens][:MAX_TOKENS]
        changes = talk.statement_changes(self.engine, rest, self.state.context, bare=False)
        meant = ProfileChanges() if changes else corrections.meant(self.engine, self.state, rest)
        asks = any(a.kind == "question" for a in rest)
        if meant:  # replaces only what the last change set in that field; undo still works
            parsed = self.engine.extractor.parse(tokens)
            return _taken_back(self._answer(parsed, Decision("profile_update", 1.0, []), meant))
        if changes and not corrections.touches_last(self.state, changes):
            return self.reply_acts(text, rest, tokens)
        line = talk.undo(self.state, talk.speaks_of_last_message([undone], self.engine.lexicon))[0]
        if not changes and not asks:
            return self._reply_lines("undo", [line])  # "that's wrong, I started it"
        reply = _prefix(self.reply_acts(text, rest, tokens), line)
        return reply if asks else _taken_back(reply)  # "undo that, stick with PACS admin"

    def reply_acts(self, text: str, acts: list[Act], tokens: list[str]) -> Reply:
        """The reply to a message's acts (after any pending question and undo clause)."""
        questions = [a for a in acts if a.kind == "question"]
        changes = talk.statement_changes(self.engine, acts, self.state.context)
        focus = tokens
        if questions:  # "I'm a rad tech with 5 years, what should I learn next?"
            focus = [t for a in acts if a.kind in ("question", "other") for t in a.tokens][:MAX_TOKENS]
        last = list(questions[-1].tokens) if len(questions) > 1 else []
        home = self.state.profile.place
        parsed, ranked = read.rank(self.engine, self.state.context, focus, tokens, last, home)
        if questions and ranked[0].intent == "goodbye":  # "do I have to go back to school?"
            ranked = [s for s in ranked if s.intent not in read.NOT_ANSWERS] or ranked
        if ranked[0].intent == "goodbye" and not self._bids_goodbye(tokens, parsed):
            ranked = [s for s in ranked if s.intent != "goodbye"] or ranked  # "I'll go for it"
        asks = bool(questions) or is_question(text, parsed)
        decision = decide(
            parsed,
            ranked,
            self.state.context,
            self.engine.catalog,
            bool(changes) and not questions,
            self.engine.common_words,
            asks,
            engaged=self._engaged() or bool(changes),  # facts stated now count too
            said=focus,
            everyday=self.engine.everyday,
        )
        decision = turn_kinds.own_field(self.engine, decision, self.state.profile.current_role)
        unsure_undo = decision.intent == "undo" and decision.confidence < UNDO_CLAUSE_SCORE
        if unsure_undo and questions and not turn_kinds.says_undo(self.engine, tokens):
            decision = turn_kinds.next_reading(decision)  # "is that a problem?" asks; it takes nothing back
        decision = adjust.adjust(self.engine, decision, parsed, self.state, focus)
        decision = follow_ups.continuing(self.engine, decision, focus, self.state)
        decision = follow_ups.own_path(self.engine, decision, focus, self.state)
        decision = follow_ups.where_i_stand(self.engine, decision, focus, self.state)
        decision = follow_ups.about_the_certificate(self.engine, decision, focus, self.state)
        decision = follow_ups.need_of_it(self.engine, decision, focus, self.state)
        decision = follow_ups.study_for_it(self.engine, decision, focus, self.state)
        decision = turn_kinds.planned(self.engine, decision, tokens, bool(questions), bool(changes))
        decision = turn_kinds.hello(self.engine, decision, acts)
        if focus is not tokens and decision.intent != "out_of_scope" and not changes:
            # (a clause stating one's own job, "I do IT for dental offices", is no other domain)
            role = self.state.profile.current_role  # "i have a fever, what …" (not "… from nursing?")
            decision = read.foreign_beside(self.engine, decision, tokens, role)
        if decision.intent in read.READS_WHOLE and focus is not tokens:
            parsed = self.engine.extractor.parse(tokens)  # the facts stated beside the question
        if decision.intent == "undo":  # "that's wrong, it's 30 not 40" in one clause
            meant = corrections.meant(self.engine, self.state, acts)
            if meant:
                return self._answer(parsed, Decision("profile_update", 1.0, []), meant)
        if decision.intent in ("undo", "profile_forget"):
            last_only = talk.speaks_of_last_message(acts, self.engine.lexicon)
            undo = decision.intent == "undo"
            lines = talk.undo(self.state, last_only) if undo else talk.ask_forget(self.state)
            return self._reply_lines(decision.intent, lines, decision.confidence)
        if decision.clarify:
            return self._clarify(text, parsed, decision)
        unclear = parsed.first("ambiguous")
        if unclear is not None and decision.intent not in NO_ROLE_NEEDED:  # "is cardio PACS on call?"
            return self._clarify_entity(text, parsed, unclear.id.split("|"), decision)
        reply = self._answer(parsed, decision, changes)
        if was_truncated(text):
            reply = _prefix(reply, "(That was a long message: I read only its beginning.)")
        return reply

    def _bids_goodbye(self, tokens: list[str], parsed: Parsed) -> bool:
        """A goodbye needs goodbye words ('bye', 'gotta go', 'logging off'), not just 'go'."""
        lex = self.engine.lexicon
        if lex.has("goodbye_words", tokens) or lex.has("goodbye_words", parsed.tokens):
            return True
        said = " ".join(tokens)  # a whole goodbye of the intent's own ("q", "end chat")
        examples = self.engine.catalog["goodbye"].examples if "goodbye" in self.engine.catalog else ()
        return any(" ".join(tokenize(normalize(e))) == said for e in examples)

    def _engaged(self) -> bool:
        """A conversation about the user's path is under way: facts about them, a goal, or
        an in-domain answer given last."""
        profile, last = self.state.profile, self.state.context.intent
        in_domain = bool(last) and last not in ("out_of_scope", "greeting", "thanks", "help")
        return in_domain or profile.has_background() or bool(profile.goal)

    # -- stages --------------------------------------------------------------------------
    def _answer(self, parsed: Parsed, decision: Decision, changes: ProfileChanges | None = None) -> Reply:
        engine, state = self.engine, self.state
        intent = engine.catalog[decision.intent]
        changed = False
        notes: list[str] = []
        if changes and decision.intent in ASKS_ABOUT_CERT:
            changes.add_certs.clear()  # "am I eligible for the CIIP?" does not hold it
        if changes or decision.intent == "profile_update":
            # years said about oneself that were out of range, or a range: say so calmly
            notes += years_notes(list(parsed.tokens), changes.values.get("years") if changes else None)
        if changes:
            changed = talk.apply(state, changes)
            if changes.values.get("place"):  # "I live in Seattle" … "what do they make there?"
                state.context.place = changes.values["place"]
            if changed and decision.intent != "profile_update":
                said = talk.changed_lines(engine.graph, changes.values, changes.add_skills, changes.add_certs)
                notes.append("Noted: " + "; ".join(said) + ".")
        ask = fill_slots(engine.graph, intent, parsed, state, decision.follow_up, engine.catalog)
        ask.continues = decision.continues
        if (
            intent.name == "salary"
            and not parsed.of("role")
            and engine.lexicon.has("overall_phrases", parsed.tokens)
        ):
            ask.role, ask.roles = None, []  # "the average salary for all PACS jobs"
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
        if (
            intent.name in ASKS_GOAL
            and not state.profile.goal
            and (intent.name == "profile_update" or not ask.role)
        ):
            state.context.pending = talk.goal_pending("")
        self._remember(intent.name, ask, parsed)
        if intent.name == "next_step":
            self._remember_step(answer)
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
        if not (intent == "profile_update" and ctx.intent in follow_ups.RECHECKED):
            ctx.intent = intent  # "I have 54 CE hours. Does that change anything?" rechecks
        if ask.roles[1:]:
            ctx.other_role = ask.roles[1]
        if not (intent == "profile_update" and ask.role not in self.engine.graph.career_ids):
            ctx.role = ask.role or ctx.role  # "I'm a nurse" does not make nurses "they"
        ctx.certification = ask.certification or ctx.certification
        if intent == "certifications_for_role" and ask.role and not ask.certification:
            held = self.state.profile.certifications
            listed = refer.listed_certification(self.engine.graph, ask.role, held)
            ctx.certification = listed or ctx.certification  # what "that cert" means next
        ctx.topic = ask.topic or ctx.topic
        ctx.place = ask.place if intent in ("salary", "best_locations") else ctx.place
        ranked = self.engine.graph.rankings.get(ask.role or "", ())
        if intent == "best_locations" and not ask.place and ranked and ranked[0].places:
            ctx.place = ranked[0].places[0]  # "there" after a ranking: its first place
        named = [e.type for e in parsed.entities if e.type in LAST_KINDS]
        ctx.last = LAST_KINDS[named[-1]] if named else ctx.last
        certs = [e.id for e in parsed.entities if e.type == "certification"]
        if certs and not ask.certification:  # "I'm registered for the CIIP": what "it" means next
            ctx.certification = certs[-1]
        ctx.seniority = ask.seniority if intent == "salary" else ctx.seniority

    def _remember_step(self, answer: Answer) -> None:
        """After "Next step: Learn DICOM", "I finished that" / "is it hard?" mean that skill."""
        best = answer.focus or next((s.id for s in answer.steps if s.status == "todo"), "")
        self.state.context.step = best or None
        kind, _, node = best.partition(":")
        if node not in self.engine.graph.nodes:
            return
        if kind == "skill":
            self.state.context.topic = node
            self.state.context.last = "topic"
        elif kind == "certification":  # "is it worth it?" after "Next step: earn the CIIP"
            self.state.context.certification = node
            self.state.context.last = "certification"

    def _confirm(self, changed: bool, parsed: Parsed) -> Answer:
        profile = self.state.profile
        planned = talk.planned(self.engine, parsed)
        if not changed and planned:  # "I'm halfway through a DICOM course", "starting an MBA"
            return Answer(
                [
                    f"Good luck with {listing(planned)}. I'll add it to your profile once it's done; "
                    "just tell me then."
                ]
            )
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

    def _ask(self, name: str) -> Ask:
        parsed = self.engine.extractor.parse([])
        return Ask(
            self.engine.graph, self.engine.catalog[name], parsed, self.state, catalog=self.engine.catalog
        )

    def _reply_lines(
        self, intent: str, lines: list[str], confidence: float = 1.0, end: bool = False
    ) -> Reply:
        return Reply("\n".join(lines), intent, min(1.0, confidence), end=end)

    def _calm(self, text: str) -> Reply:
        hint = "\n".join(f"  • {e}" for e in EXAMPLES)
        said = (
            "That message had no words I can read." if text.strip() else "Ask me anything about PACS careers."
        )
        return Reply(f"{said} For example:\n{hint}", "out_of_scope", 0.0)


def _has(ask: Ask, key: str) -> bool:
    return bool({"certification": ask.certification, "role": ask.role, "topic": ask.topic}[key])


def _source(engine: Advisor, sid: str) -> dict[str, Any]:
    s = engine.graph.sources[sid]
    return {"id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url}


def _taken_back(reply: Reply) -> Reply:
    """A take-back and what is right instead ('undo that, 2 was right'): an undo, answered
    with the profile as it now is."""
    return replace(reply, intent="undo") if reply.intent == "profile_update" else reply


def _prefix(reply: Reply, line: str) -> Reply:
    return replace(reply, text=f"{line}\n{reply.text}")
