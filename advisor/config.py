"""Every threshold, weight, limit and compiled regex of the engine, in one visible place."""

from __future__ import annotations

import re
from typing import Final

# Input limits: longer messages are cut, and the reply says so.
MAX_INPUT_CHARS: Final = 2000
MAX_TOKENS: Final = 120  # words read from one message; a question is far shorter
MAX_TURNS: Final = 1_000_000_000  # the turn counter stops here (state.schema.json's maximum)
# a clause without "I" introduces the speaker in its first words ("CT tech, ARRT R, 4 yrs")
INTRO_WORDS: Final = 12
# "<role> job at my hospital is what I'm after": goal words this many words after the role
GOAL_AFTER_GAP: Final = 4
# how sure a reading a follow-up or kind-of-question rule chose is, at least
RULE_CONFIDENCE: Final = 0.5
# a reading within this of the top one that continues the last answer's topic wins the near tie
TOPIC_TIE: Final = 0.1
MAX_ECHO_CHARS: Final = 60  # how much of the user's text a reply may quote back

# Data files larger than this are refused before parsing (a knowledge file is a few kB).
MAX_DATA_FILE_BYTES: Final = 64 * 1024 * 1024  # the 100x benchmark graph has a 31 MB pay.json

# User files: a temp file older than this (or whose writer is dead) was left by a writer that
# died mid-save and is removed at start; the engine cache is refused above this size.
STALE_TEMP_SECONDS: Final = 60
MAX_CACHE_BYTES: Final = 512 * 1024 * 1024

# a follow-up fragment ('and in Ohio?') after a pay answer has at most this many tokens
FOLLOW_UP_MAX_TOKENS: Final = 5
# a place named after a pay answer ('what about Texas, that's where I'm moving') is a pay
# question unless another reading is at least this sure ('what about Texas, are they on call?')
PLACE_FOLLOW_UP_MAX_CONFIDENCE: Final = 0.5
# ... and a message this short that names a place anywhere ('and if I moved to Oregon?') is one
PLACE_FOLLOW_UP_MAX_TOKENS: Final = 7
# continuing-education hours a profile may hold (the state schema's maximum)
MAX_CE_HOURS: Final = 100000
# Years of experience: a stated number outside MIN_YEARS..MAX_YEARS is not stored (the reply
# asks again); 61 is treated like 60: nobody has worked longer. The state schema
# (advisor/schema/state.schema.json) holds the same maximum; a test keeps them equal.
MIN_YEARS: Final = 0.1  # "0.0000000001 years" is a slip, not experience (0 is said as "no")
MAX_YEARS: Final = 60

# `advisor validate`: a dangling reference gets a "did you mean …?" only for the first
# GUESS_BUDGET of each kind, each compared with at most GUESS_CANDIDATES ids (linear time).
GUESS_BUDGET: Final = 100
GUESS_CANDIDATES: Final = 300

# Spelling correction: only tokens at least this long are corrected, and only to a word
# whose rapidfuzz ratio with the token reaches the cut-off.
SPELL_MIN_LEN: Final = 5
# a word this long one edit from an alias word, and in no word list, is a typo of it
ALIAS_TYPO_MIN_LEN: Final = 6
# words that make "<job> … 5 years" a query ("RIS analyst pay with 5 years"), not an introduction
INTRO_QUERY_WORDS: Final = frozenset(
    {"what", "how", "which", "where", "when", "why", "who", "can", "should", "do", "does", "pay", "pays"}
    | {"salary", "salaries", "make", "makes", "earn", "earns", "wage", "wages", "need", "needs", "require"}
)
JOB_YEARS_AT: Final = 7  # "store manager for 10 years": years this early in a clause introduce a job
# one-word role aliases that are every field's job titles: after a word of another field
# (slots.json other_job_modifiers: "retail manager") they name no role of ours
GENERIC_HEADS: Final = frozenset(
    {"manager", "managers", "director", "directors", "consultant", "consultants", "contractor", "contractors"}
)
SPELL_CUTOFF: Final = 80.0
# corrections remembered (least recently used forgotten first): bounds a shared engine's memory
SPELL_MEMO_SIZE: Final = 4096
# parses remembered (oldest forgotten first): one reply parses the same words a few times
PARSE_MEMO_SIZE: Final = 16
# example words seen at most this often, and in no curated list, may be typos themselves
SUSPECT_MAX_COUNT: Final = 2
# this many of the most common English words (wordfreq) are never corrected
ENGLISH_WORDS: Final = 30_000

# Intent scoring.
NGRAM_WEIGHT_BIGRAM: Final = 1.3  # bigrams carry word order, weight them a little more
KEYWORD_BONUS: Final = 0.12  # per matching keyword, capped below
KEYWORD_BONUS_CAP: Final = 0.24
ENTITY_ACCEPT_BONUS: Final = 0.10  # an entity type the intent accepts is present
ENTITY_MISSING_PENALTY: Final = 0.35  # a required entity type is missing
MAX_POSTING_SHARE: Final = 0.2  # features in more than this share of examples are not indexed
SECOND_NEIGHBOUR_WEIGHT: Final = 0.25  # score = best example + this * second best
# The learned ranker (understand/linear.py): an averaged perceptron over the same
# delexicalised features plus entity-type and keyword features, trained at build time.
LINEAR_EPOCHS: Final = 8  # passes over the examples: ~50 ms in all for ~1,100 examples
LINEAR_SEED: Final = 13  # fixed: the same examples always give the same weights
LINEAR_MARGIN: Final = 1.0  # update until the true intent leads the best wrong one by this
LINEAR_SETTLED: Final = 1.5  # later passes skip examples leading by this x the margin
LINEAR_ENTITY_VALUE: Final = 0.5  # feature value of an entity type present ("@role")
LINEAR_KEYWORD_VALUE: Final = 0.25  # feature value of an intent's keyword hit ("kw:salary")
LINEAR_TEMPERATURE: Final = 0.25  # softmax temperature turning scores into probabilities
# the learned model ranks the in-scope intents by hand score + blend x its probability;
# the gate still sees the best hand-weighted in-scope score (see IntentClassifier.rank)
LINEAR_BLEND: Final = 1.0
CV_FOLDS: Final = 5  # `advisor eval --cv` default
CONFIDENCE_THRESHOLD: Final = 0.32  # below this: out of scope
AMBIGUITY_MARGIN: Final = 0.03  # top two intents closer than this: ask which one
FOLLOW_UP_CONFIDENCE: Final = 0.75
# a clause inside a longer message takes back the last change only this surely
UNDO_CLAUSE_SCORE: Final = 0.5
# when the question clauses say too little, a message up to this long is ranked whole again
RERANK_MAX_TOKENS: Final = 60
# no graph entity, a middling best score, and this share of the content words unknown:
# the message is about something else ("how do i center a div in css")
UNKNOWN_SHARE: Final = 0.5
UNKNOWN_TOP_SCORE: Final = 0.5  # a best intent score this high is trusted despite unknown words
# in a conversation under way (a profile or an answered in-domain question), a message below
# the threshold with no evidence of another domain gets its best in-domain reading when that
# scores at least this and leads the runner-up by ENGAGED_LEAD; two close readings: "Did you mean"
ENGAGED_FLOOR: Final = 0.18
ENGAGED_LEAD: Final = 0.06
# unknown words among this many most common English words are no sign of another domain
EVERYDAY_WORDS: Final = 3_000

# Layout: replies are made to fit REPLY_WIDTH columns (the terminal re-fits them to its own
# width: advisor/terminal/layout.py); a bar chart's bar is MIN_BAR to MAX_BAR cells wide.
REPLY_WIDTH: Final = 80
MIN_BAR: Final = 10
MAX_BAR: Final = 40

# Answers list at most this many roles, certifications or places before "… and N more".
LIST_LIMIT: Final = 15
# a timeline names this many steps without a sourced duration, then counts the rest
UNTIMED_SHOWN: Final = 5
# Paths: explanations wrap at this width; a step's reason quotes at most this much of a source.
QUOTE_MAX: Final = 160

# Entity matching.
MAX_ALIAS_TOKENS: Final = 8


class RE:
    """All compiled regular expressions."""

    # ANSI / VT escape sequences (CSI, OSC, two-char escapes) and other C0/C1 controls.
    ESCAPES = re.compile(
        r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]|\x9b[0-?]*[ -/]*[@-~]"
    )
    CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
    WHITESPACE = re.compile(r"\s+")
    # a number keeps its sign, decimals and range ("-5", "2.5", "3-5", "3+") as one token
    TOKEN = re.compile(r"(?<![a-z0-9.])-?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?\+?(?![a-z0-9])|[a-z0-9]+\+?|\+")
    ELONGATED = re.compile(r"([a-z])\1{2,}")
    POSSESSIVE = re.compile(r"(\w)'s\b")
    APOSTROPHE = re.compile(r"[\u2018\u2019\u02bc`´]")
    NUMBER_WORDS = re.compile(r"^-?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?\+?$")  # a number token
    # wordfreq's `has_digit_sequence`: words its top lists leave out (understand/wordlist.py)
    WORDFREQ_DIGITS = re.compile(r"\d[\d.,]+")
    # a user's question carries a follow-up cue: "and in boston?", "what about ...", "how about ..."
    # (after interjections: "hm, and nationally?", "ooh. and pacs admins?")
    FOLLOW_UP = re.compile(
        r"^(?:(?:hm+|hmm+|ooh+|oh|ah|um+|uh|ok|okay|so|well|right|cool|k|great|nice)\s+)*"
        r"(?:and|what about|how about|ok and|also|same for|now|then|but)\b"
    )
    # dialogue acts: sentence ends ('?', '!', ';', a full stop before a space) and clause breaks
    SENTENCE_END = re.compile(r"(?<=[?!;])\s*|(?<=[a-z0-9]{2})\.(?:\s+|$)")
    CLAUSE_BREAK = re.compile(r",|\s[-\u2013\u2014]+\s|\s(?=(?:so|but)\s)")
    ORDINAL_CHOICE = re.compile(
        r"^(?:the )?(first|second|third|1st|2nd|3rd|1|2|3|one|two|three)(?: one| option)?$"
    )
    # a source tag in a reply ("[PACS Boot Camp]"): wrapping never breaks inside one
    SOURCE_TAG = re.compile(r"\[[^\[\]\n]*\]")
    # the marker a wrapped line hangs under: a bullet ("• ") or a number ("12. ")
    LIST_MARKER = re.compile(r"(?:[•○✓-]|\d+[.)]) ")


# Job postings (advisor/posting/): limits, and what counts as a posting in the chat.
MAX_POSTING_CHARS: Final = 200_000  # a long posting is ~10,000 characters
MAX_POSTING_LINES: Final = 3_000
MIN_ENGLISH_SHARE: Final = 0.12  # share of common English words below which text is another language
TITLE_LINES: Final = 6  # the title is looked for in this many first lines
HEADING_MAX_WORDS: Final = 7  # a short line in capitals or ending in ':' is a heading
INTRO_MAX_WORDS: Final = 14  # "You'll be a great fit if you have:" introduces a list
MIN_SCOPE_SIGNALS: Final = 2  # imaging-informatics terms a posting without a PACS title needs
PASTE_MIN_LINES: Final = 5  # a chat message of this many lines with posting cues is a posting
PASTE_MIN_CUES: Final = 2
DEGREE_FIELD_WORDS: Final = 8  # a degree's field is named within this many words after it
STDIN_POSTING_WAIT: Final = 0.3  # s: piped input complete by then may be one whole posting
ON_CALL_NEGATION_WORDS: Final = 5  # 'does not carry a regular on-call …': a 'not' this close


class POSTING_RE:
    """Regular expressions of the posting reader."""

    HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]{0,500}>")
    HTML_BREAK = re.compile(r"<\s*(?:br|/p|/li|/h[1-6]|/div|/tr|li|p|h[1-6]|div|tr)\b[^<>]{0,500}>", re.I)
    # -, *, •, ▪, numbers '1.' '2)', Word's 'o ' and its private-use bullets (\uf0b7 …)
    BULLET = re.compile(
        r"^\s*(?:[-*•·▪◦●○■□➢➤►»✓✔–—+\uf0a7\uf0b7\uf076\uf0d8]+|\d{1,2}[.)](?!\d)|o(?=\s+[A-Z]))\s*"
    )
    # arrows, dingbats and emoji at a line's start ('✅ HL7', '👉 What you'll need'): a
    # heading's decoration or a bullet
    SYMBOL_LEAD = re.compile(
        r"^\s*[\u2190-\u2bff\ufe0f\U0001f000-\U0001faff][\u2190-\u2bff\ufe0f\U0001f000-\U0001faff\s]*"
    )
    SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])|;\s*")
    WORD = re.compile(r"[A-Za-z0-9]+")
    # 'Comp.', 'B.S.', 'e.g.' ending a sentence piece: maybe an abbreviation
    LAST_WORD = re.compile(r"(?:^|[\s(/])([A-Za-z]+(?:\.[A-Za-z]+)*)\.$")
    ASIDE = re.compile(r"\(([^()]{1,200})\)")  # '(5+ years preferred)' in a requirement
    PARENS = re.compile(r"\s*\([^()]{0,200}\)")  # an aside in a heading
    AREA_TAIL = re.compile(r"[\s,]+(?:or|and|nor)$", re.I)  # 'radiology or' of '… or 4 yrs in IT'
    AREA_LEAD = re.compile(
        r"^(?:(?:(?:of|in|as|with|progressive|relevant|working|experience|exp|or\s+more)\b|w/)\s*)+", re.I
    )
    PIECE = re.compile(r",\s*|\s+(?:but|and)\s+(?=(?:a|an)\s)")
    NUMBER = (
        r"(?:\d{1,3}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
        r"|fifteen|eighteen|twenty|thirty)"
    )
    # '2-4 years', 'three (3) years', '3 or more years', '18 months' (months → years / 12)
    YEARS = re.compile(
        rf"\b(?P<n>{NUMBER})(?:\s*\(\s*\d{{1,2}}\s*\))?"
        rf"(?:\s*(?:-|–|—|to)\s*{NUMBER}(?:\s*\(\s*\d{{1,2}}\s*\))?)?"
        r"\s*(?:\+|-?\s*plus\b|or\s+more\b)?\s*-?\s*(?:(?:years?|yrs?|yea?rs|yeras?|yaers?)|(?P<months>months?|mos?))\b",
        re.I,
    )
    # the area before the years: Indeed's "PACS administration: 2 years (Required)",
    # "PACS admin experience (3 years)"
    AREA_COLON = re.compile(r"^\s*(?P<area>[^:()]{2,80}?)\s*[:(]\s*$")
    # "at least five (5) of which in a leadership role", "of which at least five were in a …"
    OF_WHICH = re.compile(
        rf"\b(?:at least|minimum of|including)\s+(?P<n>{NUMBER})(?:\s*\(\s*\d{{1,2}}\s*\))?\s+of which\b"
        rf"|\bof which\s+(?:at least\s+|a minimum of\s+)?(?P<m>{NUMBER})(?:\s*\(\s*\d{{1,2}}\s*\))?"
        r"\s+(?:were|was|are|must be|should be|in)\b",
        re.I,
    )


DEGREE_BY_LENGTH: Final = {"2": "associate", "two": "associate", "4": "bachelor", "four": "bachelor"}


class FACTS_RE:
    """Regexes of the certification, eligibility and pay-honesty answers (on normalised text)."""

    # "(ABII)" at the end of a publisher's name: the short tag shown after a fact
    SOURCE_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,7})\)$")
    # "36 hours of CE", "20 ce hours", "18 hrs of continuing education"
    CE_HOURS = re.compile(
        r"\b(\d{1,4})\s*(?:hours?|hrs?|credits?|ceus?)\s+(?:of\s+)?(?:ce|ceu|ceus|cme|continuing)\b"
        r"|\b(\d{1,4})\s*(?:ce|ceu|cme)\s*(?:hours?|hrs?|credits?)\b"
    )
    # "how long before I could take the CIIP": time until eligible, not the exam's length
    TIME_UNTIL = re.compile(r"\bhow\s+(?:long|soon)\s+(?:before|until|till|til)\s+(?:i|you)\b")
    # "30 months", "18 months of experience"
    MONTHS = re.compile(r"\b(\d{1,3})\s*months?\b")
    # a degree in imaging informatics earns a bonus point
    INFORMATICS_DEGREE = re.compile(
        r"\b(?:degree|bachelor|bachelors|master|masters|associate|associates|bs|ms)\s+(?:in\s+)?"
        r"(?:imaging\s+)?informatics\b|\binformatics\s+degree\b"
    )
    # "a 2-year degree": a degree's length, not years of work
    DEGREE_LENGTH = re.compile(r"\b(2|two|4|four)\s*years?\s+(?:degree|program|programme|college)\b")
    DOCTORATE = re.compile(r"\b(?:phd|doctorate|doctoral|dphil|md)\b")
    # "right out of school", "as a new grad", "with no experience": no work to count yet
    NO_EXPERIENCE = re.compile(
        r"\b(?:right|fresh|straight|just)\s+out\s+of\s+(?:school|college|university|uni)\b"
        r"|\bnew\s+grad(?:uate)?s?\b|\b(?:no|zero|without\s+any|without)\s+(?:work\s+|job\s+|real\s+)?experience\b"
    )
    NO_DEGREE = re.compile(
        r"\b(?:no|without\s+a|without\s+any|do\s+not\s+have\s+a|never\s+got\s+a)\s+(?:college\s+)?degree\b"
    )


class NEED_RE:
    """Yes/no questions about what a role asks for (on normalised, joined tokens)."""

    # "do I need SQL?", "would I need clinical experience", "do I have to go back to school",
    # "must I be a rad tech first", "is a bachelor's required"
    QUESTION = re.compile(
        r"^(?:(?:so|and|but|ok|okay|well|hmm|also|then)\s+)*"
        r"(?:(?:do|would|will|does|did|could)\s+(?:i|you|one|we|they)\s+(?:really\s+|still\s+|also\s+)?"
        r"(?:need|have\s+to|require)|must\s+i|should\s+i\s+(?:already\s+)?(?:be|have)\b)"
        r"|^(?:is|are|would|will)\s+(?:[a-z0-9+']+\s+){1,4}enough\s+(?:to|for)\b"
        r"|^(?:do|does|would|will)\s+(?:[a-z0-9+']+\s+){0,3}(?:jobs?|roles?|positions?|employers?)\s+"
        r"(?:need|require|want)\b"
        r"|\b(?:is|are)\s+(?:a|an|the)?\s*[a-z0-9+']+(?:\s+[a-z0-9+']+)?\s+"
        r"(?:required|needed|necessary|a must)\b"
    )
    # words that ask about a degree / about experience
    DEGREE = re.compile(
        r"\b(?:degree|degrees|school|college|university|diploma|ged|bachelor|bachelors|master|masters"
        r"|associate|associates|bsn|bs|ba)\b"
    )
    EXPERIENCE = re.compile(r"\b(?:experience|background)\b")
    # "a PACS job": a concept before these names the field, not something to know
    JOB_WORD = re.compile(r"job|jobs|role|roles|position|positions|career|careers|field|people|work")
