"""Dialogue acts: a message split into sentences and clauses, each one a question or request,
a statement about the user, a correction, small talk, or other (a bare answer, a fragment).

Only statements and corrections may change the profile; the question decides the answer.

>>> from advisor.understand.lexicon import Lexicon
from advisor.understand.numbers import find_years
>>> lex = Lexicon.from_data({"acts": {"question_starts": ["what", "do"],
...     "correction_cues": ["actually"], "lead_fillers": ["so"]}})
>>> [(a.kind, " ".join(a.tokens)) for a in split_acts("i am a rad tech, so what next?", lex)]
[('statement', 'i am a rad tech'), ('question', 'so what next')]
>>> [a.kind for a in split_acts("do i need hl7", lex)]
['question']
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.config import INTRO_QUERY_WORDS, JOB_YEARS_AT, RE
from advisor.text import tokenize
from advisor.understand.lexicon import Lexicon
from advisor.understand.numbers import find_years

RELATIVE = frozenset({"which", "who", "where", "when", "that"})
SUBJECTS = frozenset({"i", "we", "you", "they", "he", "she", "it"})
MIN_LEAD = 2  # words before "my question is" that make a clause of their own
FIRST_PERSON = frozenset({"i", "my", "me", "myself", "mine", "we", "our", "us"})


@dataclass(frozen=True)
class Act:
    kind: str  # question | statement | correction | small_talk | other
    tokens: tuple[str, ...]  # chat-speak already expanded

    @property
    def changes_profile(self) -> bool:
        return self.kind in ("statement", "correction")


def split_acts(normalized: str, lex: Lexicon) -> list[Act]:
    """The acts of a normalised message, in order."""
    acts: list[Act] = []
    for sentence in RE.SENTENCE_END.split(normalized):
        if not sentence.strip():
            continue
        asked = "?" in sentence
        parts = _clauses(sentence, lex)
        for n, tokens in enumerate(parts):
            kind = classify(tokens, asked and n == len(parts) - 1, lex)
            if asked and kind == "statement" and lex.starts("premise_starts", _without_fillers(tokens, lex)):
                kind = "question"  # "given 10 years and my BS, could I …?": the question's premise
            acts.append(Act(kind, _without_lead(tokens, lex) if kind == "question" else tokens))
    return acts


def _clauses(sentence: str, lex: Lexicon) -> list[tuple[str, ...]]:
    """A sentence cut at commas / 'so' / 'but' where a question or a new statement begins,
    and before "my question is …"."""
    parts: list[tuple[str, ...]] = []
    for piece in RE.CLAUSE_BREAK.split(sentence):
        tokens = tuple(lex.expand(tokenize(piece)))
        if not tokens:
            continue
        if parts and not _starts_clause(tokens, lex):
            parts[-1] = parts[-1] + tokens
        else:
            parts.append(tokens)
    out: list[tuple[str, ...]] = []
    for tokens in parts:
        cut = _question_phrase_at(tokens, lex) or _question_pair_at(tokens, lex)
        if cut > 0:
            out += [tokens[:cut], tokens[cut:]]
        else:
            out.append(tokens)
    return out


def _starts_clause(tokens: tuple[str, ...], lex: Lexicon) -> bool:
    """Does this comma-separated piece begin a new clause (a question or a first-person one)?"""
    core = _without_fillers(tokens, lex)
    if len(core) == 1 and len(tokens) > 1:  # "…, now what"
        return core[0] in lex.words("question_starts")
    if len(core) < 2 or (core[0] in RELATIVE and core[1] in SUBJECTS):
        return False  # ", which I only half understand" goes with what it describes
    return core[0] in lex.words("question_starts") or core[0] in ("i", "my")


def _question_phrase_at(tokens: tuple[str, ...], lex: Lexicon) -> int:
    """Index where 'my question is' / 'i was wondering' starts after other words, or 0."""
    cut = lex.find("question_phrases", tokens, 1) or 0
    return cut if cut > MIN_LEAD else 0  # "i was wondering if …" is one question


def _question_pair_at(tokens: tuple[str, ...], lex: Lexicon) -> int:
    """'im a ct tech how do i move into pacs': where a question starts inside a statement."""
    if _without_fillers(tokens, lex)[0] in lex.words("question_starts"):
        return 0
    pairs = lex.phrases.get("question_pairs", {})
    at = (i for i in range(2, len(tokens) - 1) if tokens[i] in pairs)  # a pair's first word
    return next((i for i in at if lex.starts("question_pairs", tokens[i : i + 2])), 0)


def _without_lead(tokens: tuple[str, ...], lex: Lexicon) -> tuple[str, ...]:
    """'i do not know what ciip is' → 'what ciip is': the lead says only that it asks."""
    words = lex.leading("question_leads", tokens)
    return tokens[len(words) :] if words and len(tokens) > len(words) + 1 else tokens


def _without_fillers(tokens: tuple[str, ...], lex: Lexicon) -> tuple[str, ...]:
    fillers = lex.words("lead_fillers")
    i = 0
    while i < len(tokens) - 1 and tokens[i] in fillers:
        i += 1
    return tokens[i:]


def classify(tokens: tuple[str, ...], marked: bool, lex: Lexicon) -> str:
    """One clause's act. `marked`: it ended with a question mark."""
    core = _without_fillers(tokens, lex)
    if all(t in lex.words("small_talk") for t in core):
        return "small_talk"
    said = lex.leading("subjectless_statements", core)
    if not marked and said and len(said) > 1 and core[0] in lex.words("question_starts"):
        return "statement"  # "did a dicom course on udemy": a statement that drops its "I"
    if marked and _hedged(core, lex):
        return "statement"  # "i think i want to be a PACS admin?? maybe"
    if marked or core[0] in lex.words("question_starts") or lex.has("question_phrases", tokens):
        return "question"
    if lex.has("correction_cues", tokens):
        return "correction"
    if about_others(tokens, lex):
        return "other"  # "my sister is thinking about nursing" says nothing about the user
    if FIRST_PERSON & set(tokens) or _subjectless(core, lex) or _subjectless(tokens, lex):
        return "statement"
    if lex.words("statement_markers") & set(tokens) or lex.has("goal_after", tokens):
        return "statement"  # "RIS analyst is the goal", "PACS admin sounds doable"
    if lex.has("choice_phrases", tokens):
        return "statement"  # "ok let's say PACS administrator"
    return "other"


def _hedged(core: tuple[str, ...], lex: Lexicon) -> bool:
    """A hedged statement about oneself ('i guess PACS associate?', 'PACS associate sounds good
    i guess??'): a hedge or a goal phrase, and no question word in it."""
    if lex.words("question_starts") & set(core) or lex.has("question_phrases", core):
        return False
    if lex.has("goal_after", core):
        return True  # "PACS associate sounds good i guess??"
    hedge = lex.leading("hedge_starts", core)
    # "i guess PACS associate??" (the hedge and a name), not "maybe RIS analyst pays more?"
    if hedge is None:
        return False
    named = [t for t in core[len(hedge) :] if t not in HEDGE_FILLERS]
    return len(named) <= HEDGED_NAME_WORDS or bool(WISH_WORDS & set(core))


HEDGED_NAME_WORDS = 3  # words after a hedge that can only be a role's name
HEDGE_FILLERS = frozenset(
    {"first", "then", "instead", "now", "though", "i", "guess", "think", "honestly", "ok"}
)
WISH_WORDS = frozenset({"want", "become", "be", "goal", "aim", "aiming", "going", "go"})


def about_others(tokens: tuple[str, ...], lex: Lexicon) -> bool:
    """'my wife wants to…', 'he is a PACS analyst': a clause about someone else."""
    return lex.starts("third_persons", _without_fillers(tokens, lex))


def _subjectless(core: tuple[str, ...], lex: Lexicon) -> bool:
    """'done with networking now', '7 years in IT': a statement without 'I'."""
    if lex.starts("hedge_starts", core) and _hedged(core, lex):  # "maybe PACS admin first then"
        return True
    return lex.starts("subjectless_statements", core) or 0 in find_years(list(core)) or _job_years(core)


def _job_years(core: tuple[str, ...]) -> bool:
    """'store manager for 10 years', 'retail manager, 9 yrs', 'hey there, cardio tech in the
    cath lab, 4 yrs': a few words of a job (after a hello), then years."""
    while core[:1] and core[0] in HELLO_OPENERS:
        core = core[1:]
    years = find_years(list(core[: JOB_YEARS_AT + 3]))
    first = min(years, default=None)
    if first is None or not 1 <= first <= JOB_YEARS_AT or INTRO_QUERY_WORDS & set(core):
        return False
    job = core[:first][:-1] if core[first - 1] == "for" else core[:first]
    return bool(job) and not NOT_JOB_WORDS & set(job)  # (not "promotion after 5 years")


HELLO_OPENERS = frozenset({"hey", "hi", "hello", "there", "yo", "sup", "morning", "ok", "so"})
# words that show the words before the years are no job title ("promotion after 5 years")
NOT_JOB_WORDS = frozenset(
    {"after", "within", "by", "than", "of", "to", "under", "over", "about", "with", "next", "last", "every"}
    | {"per", "each", "is", "are", "be", "for", "i", "you", "it"}
)


def is_goodbye(acts: list[Act], lex: Lexicon, states_facts: bool = False) -> bool:
    """Thanks-and-bye in one message ('alright thank you, bye', 'thx k cya', 'this was super
    helpful, thank you. Bye!'): it ends with goodbye words and neither asks nor states
    anything (a clause of praise or thanks around them is neither). A statement with no
    fact in it (`states_facts` False) is chat too when the message also thanks: 'thank you
    for all of this. I need to go pick up the kids, so goodbye for now!'."""
    if not acts or any(about_others(a.tokens, lex) for a in acts):
        return False  # "my coworker says PACS is peace and quiet" ends nothing
    said_bye = lex.has("goodbye_words", acts[-1].tokens) or any(
        a.kind == "small_talk" and lex.has("goodbye_words", a.tokens)
        for a in acts  # "bye!! thanks"
    )
    if not said_bye:
        return False
    if all(a.kind in ("small_talk", "other") for a in acts):
        return True
    chat = all(a.kind in ("small_talk", "other", "statement") for a in acts)
    return chat and not states_facts and any(a.kind != "statement" for a in acts)
