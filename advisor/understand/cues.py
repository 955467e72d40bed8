"""Cue words of the statement reader: which words before (or after) a role, skill, certificate
or place make it the user's goal, job, knowledge, credential or home. Lists that rules
elsewhere share live in intents/lexicon.json; these are the reader's own."""

from __future__ import annotations

from advisor.config import INTRO_QUERY_WORDS

FIRST_PERSON = frozenset({"i", "my", "me", "myself", "we", "our", "us"})


# "no degree, just high school": a negation does not reach past these
NEGATION_STOPS = frozenset({"just", "only", "but", "except"})


WINDOW = 6


GOAL_CUES = frozenset(
    {
        "become",
        "becoming",
        "goal",
        "want",
        "wanted",
        "aspire",
        "target",
        "transition",
        "switch",
        "move",
        "moving",
        "into",
        "aiming",
        "aim",
        "pursue",
        "dream",
        "hoping",
        "hope",
        "trying",  # "tryna be a PACS analyst"
        "looking",  # "looking to move up to PACS manager"
        "plan",
        "planning",
        "interested",
        "considering",
        "like",
        "love",
        "someday",
        "eventually",
        "aspiring",
        "go",
        "pick",
        "choose",
        "chose",
        "settle",
        "leaning",
        "start",  # "I'll start with PACS analyst": a plan is a goal, never a held job
        "going",  # "ok, going for PACS analyst" (a certificate after it is not held either)
        "toward",  # "working toward PACS admin": a role ahead is a goal (a cert ahead is not held)
        "towards",
    }
)


CURRENT_CUES = frozenset(
    {"am", "work", "working", "currently", "been", "was", "job", "employed", "hold", "holding", "do"}
)


KNOW_CUES = frozenset(
    {
        "know",
        "knew",
        "familiar",
        "learned",
        "learnt",
        "studied",
        "comfortable",
        "understand",
        "experience",
        "experienced",
        "worked",
        "good",
        "proficient",
        "skilled",
        "fluent",
        "use",
        "used",
        "using",
        "done",
        "have",
        "had",
        "did",
        "took",
        "finished",
        "completed",
        "passed",
        "course",
        "class",
        "trained",
        "wrapped",  # "just wrapped up a DICOM course"
        # what one does at work: "I handle backups and user accounts", "I do project management"
        "handle",
        "handling",
        "manage",
        "managing",
        "maintain",
        "maintaining",
        "administer",
        "do",
        "doing",
        "run",
        "running",
    }
)


# "got through an IT fundamentals class" (done), unlike "going through one" (under way)
THROUGH_DONE = frozenset({"got", "went", "made", "sat"})


CERT_CUES = frozenset(
    {
        "passed",
        "have",
        "got",
        "earned",
        "hold",
        "holding",
        "certified",
        "completed",
        "obtained",
        "finished",
        "achieved",
        "received",
        "am",
        "with",
        "did",  # "i did comptia a+ last year"
        "took",
        "cleared",
        "aced",
    }
)


WEAK_CERT_CUES = frozenset({"did", "took", "cleared", "aced"})


CERT_FILLERS = frozenset({"the", "my", "a", "an", "both", "exam", "test"})


FAILED = frozenset({"failed", "fail", "failing", "flunked"})


PLACE_CUES = frozenset(
    {"live", "living", "based", "located", "from", "relocating", "moving", "reside", "relocate", "moved"}
)


GOAL_AFTER = frozenset({"goal", "target", "plan", "dream", "aim", "want", "wanted"})


# "MRI technologist here", "Systems administrator at a clinic": a role opening a statement
# (after at most OPENING_WORDS words: "former", "civilian") and followed by these is one's job
CURRENT_AFTER = frozenset({"here", "at"})


INTRO_JOINERS = frozenset({"for"})


OPENING_WORDS = 2


INTRO_REACH = 8  # words between an opening title and the years that say it is one's own


QUESTION_WORDS = INTRO_QUERY_WORDS


# "before that I was a rad tech", "I used to be a nurse": a past job; it fills an empty
# current job but never replaces one stated now
PAST_CUES = frozenset({"was", "used", "previously", "formerly", "former", "before", "ex"})


# "CPAS and CPSA certified": a held certification named before its cue
CERT_AFTER = frozenset({"certified", "credentialed", "registered"})


LIST_JOINERS = frozenset({"and", "or", "plus", "also", "as", "well", "some"})


NEGATIONS = frozenset({"not", "no", "never", "cannot", "without", "nor", "lack", "zero", "barely", "hardly"})


# where a job is: work in one counts as healthcare experience (concept healthcare-setting)
HEALTHCARE_SETTINGS = frozenset({"hospital", "hospitals", "clinic", "clinics", "healthcare"})


WORKING = frozenset({"work", "working", "worked", "employed", "job"})


SETTING_ID = "healthcare-setting"


# "how long until I'm a PACS admin": a role after these is where the user wants to be
UNTIL = frozenset({"until", "till", "til", "before"})


CURRENT_STARTS = (("currently",), ("been",), ("working",))


# "a 2-year degree", "took a year off", "5 years ago", "34 years old": no years of work
NOT_EXPERIENCE = (("degree",), ("program",), ("off",), ("ago",), ("old",), ("break",), ("gap",), ("later",))


NEAR_WORDS = frozenset({"in", "near", "around", "outside", "from"})


WORK_CUES = frozenset({"work", "working", "do"})


ARTICLES = frozenset({"a", "an", "the", "for", "as"})
