"""Questions the advisor asks back ("Did you mean …?", "Which role are you aiming for?",
"Shall I forget everything?") and the answers to them on the next turn: a choice, a role, a
yes or no; a message that is itself a new question is read as one instead."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from advisor.converse import profile_talk as talk
from advisor.converse.dialogue import Decision, context_types, decide, pick_choice
from advisor.reply import Reply
from advisor.state import State
from advisor.text import normalize, tokenize
from advisor.understand.acts import Act, split_acts
from advisor.understand.entities import Parsed
from advisor.understand.statements import ProfileChanges

if TYPE_CHECKING:
    from advisor.engine import Advisor


class PendingQuestions:
    """The asking-back half of a Conversation (a mixin: it needs `engine`, `state`, and the
    conversation's `_answer` and `_reply_lines`)."""

    engine: Advisor
    state: State

    def _answer(self, parsed: Parsed, decision: Decision, changes: ProfileChanges | None = None) -> Reply:
        raise NotImplementedError  # Conversation answers

    def _reply_lines(
        self, intent: str, lines: list[str], confidence: float = 1.0, end: bool = False
    ) -> Reply:
        raise NotImplementedError  # Conversation replies

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

    def _resolve_pending(self, tokens: list[str], acts: list[Act], pending: dict[str, Any]) -> Reply | None:
        """The answer to the question the advisor asked last turn, or None when this message
        does not answer it (then it is read as a new message)."""
        kind = pending.get("kind")
        if kind == "forget":
            lines = talk.answer_forget(self.state, tokens, self.engine.lexicon)
            return None if lines is None else self._reply_lines("profile_forget", lines)
        parsed = self.engine.extractor.parse(tokens)
        if kind == "goal":
            return self._answer_goal(parsed, acts)
        return self._pick_pending(parsed, pending)

    def _answer_goal(self, parsed: Parsed, acts: list[Act]) -> Reply | None:
        """'PACS administrator' after "Which role are you aiming for?" sets the goal."""
        roles = list(dict.fromkeys(e.id for e in parsed.of("role")))
        if len(roles) != 1 or any(a.kind in ("question", "statement", "correction") for a in acts):
            return None  # a statement is read as one ("I'm shadowing a RIS analyst")
        changes = talk.statement_changes(self.engine, acts)
        if changes.values.get("current_role") == roles[0]:
            return None  # "I'm a rad tech": a statement, read as one
        changes.values["goal"] = roles[0]
        ranked = self.engine.classifier.rank(parsed, context_types(self.state.context))
        return self._answer(parsed, Decision("profile_update", 1.0, ranked), changes)

    def _picks(self, act: Act, pending: dict[str, Any]) -> bool:
        """Does this clause pick one of the pending "Which one?" entities? Then it becomes
        what 'it' / 'they' mean next."""
        graph = self.engine.graph
        options = [o for o in pending.get("options", []) if o in graph.nodes]
        if pending.get("kind") != "entity" or not options:
            return False
        index = pick_choice(act.tokens, options, _telling_words(self.engine, options))
        if index is None:
            return False
        ctx, node = self.state.context, graph.nodes[options[index]]
        if node.type == "role":
            ctx.role, ctx.last = node.id, "role"
        elif node.type == "certification":
            ctx.certification, ctx.last = node.id, "certification"
        return True

    def _pick_pending(self, parsed: Parsed, pending: dict[str, Any]) -> Reply | None:
        graph, catalog = self.engine.graph, self.engine.catalog
        earlier_text = str(pending.get("text", ""))
        if pending.get("kind") == "entity":
            options = [o for o in pending.get("options", []) if o in graph.nodes]
            words = _telling_words(self.engine, options)
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
                tokens = tokens[: unclear.start] + name + tokens[unclear.end :]
                earlier = self.engine.extractor.parse(tokens)
            ranked = self.engine.classifier.rank(earlier, context_types(self.state.context))
            decision = decide(earlier, ranked, self.state.context, catalog)
            # "I'm really interested in cardiac PACS" + "the analyst one": the statement, now clear
            acts = split_acts(" ".join(tokens), self.engine.lexicon)
            changes = talk.statement_changes(self.engine, acts, self.state.context)
            if changes and not any(a.kind == "question" for a in acts):
                decision = Decision("profile_update", 1.0, ranked)
            return self._answer(earlier, decision, changes)
        ranked = self.engine.classifier.rank(earlier, context_types(self.state.context))
        return self._answer(earlier, Decision(options[index], 1.0, ranked))


def _telling_words(engine: Advisor, options: list[str]) -> dict[str, list[str]]:
    """Per option, the words of its names that the other options' names lack ('analyst' for
    Cardiology PACS Analyst beside Cardiology PACS Administrator)."""
    graph = engine.graph
    names = {o: [w for a in graph.nodes[o].aliases for w in a.split()] for o in options}
    shared = set.intersection(*(set(v) for v in names.values())) if names else set()
    return {o: [w for w in v if w not in shared] for o, v in names.items()}
