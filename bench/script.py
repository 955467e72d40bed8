"""The benchmark's turn script: fixed, varied conversations, generated deterministically.

Every intent, typos, context follow-ups ("and in Boston?", "what about a RIS analyst?"),
nonsense, control characters and long inputs. The same seed always gives the same turns,
so results from different commits compare like for like. It names only shipped roles,
places and certifications; the synthetic scale data keeps them, so the script still makes
sense there. `python bench/script.py` prints it (conversations separated by blank lines).
"""

from __future__ import annotations

import random
from collections.abc import Callable

SEED = 20240611
CONVERSATIONS = 48

ROLES = (
    "pacs analyst",
    "pacs admin",
    "pacs administrator",
    "ris analyst",
    "cardiology pacs analyst",
    "cardiology pacs admin",
    "pacs manager",
    "imaging director",
    "junior pacs analyst",
    "system architect",
    "pacs consultant",
    "integration analyst",
    "pacs associate",
    "pacs contractor",
)
STARTS = ("rad tech", "x-ray tech", "help desk tech", "network admin", "biomed tech", "mri tech")
PLACES = (
    "boston",
    "san francisco",
    "seattle",
    "new york",
    "california",
    "los angeles",
    "nebraska",
    "tennessee",
    "hawaii",
    "minnesota",
    "the us",
    "atkinson",
    "deer park",
    "nyc",
)
CERTS = ("ciip", "cpas", "cpsa", "cpia", "cpsm", "network+", "the ciip exam", "parca")
TOPICS = (
    "dicom",
    "hl7",
    "pacs",
    "a vna",
    "ihe",
    "fhir",
    "dicomweb",
    "modality worklist",
    "abii",
    "siim",
    "the ris",
    "imaging informatics",
)
FIELDS = (
    "information technology",
    "computer science",
    "nursing",
    "biology",
    "healthcare",
    "business",
    "radiologic technology",
)
SKILLS = ("dicom", "hl7", "networking", "windows server", "oracle", "sql", "quality control")

TEMPLATES: dict[str, tuple[str, ...]] = {
    "greeting": ("hi", "hello there", "hey!", "good morning", "hiya, anyone there?", "yo"),
    "goodbye": ("bye", "goodbye", "see you later", "that's all for now, bye", "quit"),
    "thanks": ("thanks", "thank you so much", "thx!", "cheers, that helps", "great, thanks"),
    "help": ("what can you do", "help", "how does this work?", "what can i ask you about"),
    "list_roles": (
        "which jobs exist in pacs",
        "list the job titles",
        "what roles are there?",
        "what kinds of pacs positions are out there",
    ),
    "role_overview": (
        "what is a {role}",
        "what does a {role} do?",
        "tell me about the {role} job",
        "describe a typical day for a {role}",
    ),
    "role_requirements": (
        "what do i need to be a {role}",
        "do i need a degree to be a {role}?",
        "qualifications for {role}",
        "what skills does a {role} need",
    ),
    "salary": (
        "how much does a {role} make?",
        "{role} salary",
        "what's the pay for a {role} in {place}",
        "entry level {role} pay",
        "how much do {role}s earn with {n} years experience",
        "senior {role} salary in {place}",
        "what's the average salary for a {role}",
        "does a {role} get a bonus?",
    ),
    "best_locations": (
        "where do {role}s make the most",
        "best paying cities for a {role}",
        "which state pays the most for {role}s?",
        "where is pacs pay highest",
    ),
    "compare_roles": (
        "{role} vs {role2}",
        "difference between {role} and {role2}",
        "which pays more, {role} or {role2}?",
        "compare {role} and {role2}",
    ),
    "certification_info": (
        "what is the {cert}",
        "who offers {cert}?",
        "is the {cert} worth it",
        "tell me about {cert} certification",
    ),
    "certifications_for_role": (
        "what certs does a {role} need",
        "which certification for a {role}?",
        "best certifications for imaging informatics",
        "certs for {role}",
    ),
    "career_path": (
        "how do i become a {role}",
        "steps to become a {role}",
        "i'm a {start}, how do i get into pacs?",
        "roadmap to {role}",
        "show my career path",
    ),
    "next_step": (
        "what should i learn next",
        "what's my next step?",
        "next step?",
        "what should i study now",
    ),
    "career_progression": (
        "what comes after {role}",
        "where does a {role} role lead",
        "promotion path for a {role}",
        "what's above a {role}?",
    ),
    "study_resources": (
        "how do i study for the {cert}",
        "books for pacs",
        "{cert} practice exam",
        "any free courses to learn {skill}?",
        "good books on hl7",
    ),
    "concept_info": ("what is {topic}", "explain {topic}", "what does {topic} stand for", "{topic} meaning?"),
    "profile_update": (
        "i'm a {start} with {n} years of experience",
        "i have a bachelor's in {field}",
        "i know {skill} and {skill2}",
        "i want to become a {role}",
        "i just passed the {cert}",
        "i live in {place}",
        "my goal is {role}",
    ),
    "profile_show": ("what do you know about me", "show my profile", "what have i told you?"),
    "out_of_scope": (
        "what's the weather in {place} tomorrow",
        "how do i bake sourdough bread",
        "how much does a plumber make",
        "who won the game last night",
        "what is the meaning of life",
        "can you write my cover letter for a nursing job",
    ),
}
FOLLOW_UPS = (
    "and in {place}?",
    "what about a {role}?",
    "how about {place}",
    "and for a {role}?",
    "what about in {place}",
    "same for {role}",
    "ok and {cert}?",
    "and the {cert}?",
)
NONSENSE = (
    "asdfghjkl",
    "???",
    "🙂🙂🙂",
    "lorem ipsum dolor sit amet",
    "DROP TABLE roles;--",
    "\x1b[31mred\x1b[0m alert",
    "null",
    "1234567890",
    "ñandú über café naïve",
    "<script>alert(1)</script>",
    "   ",
    "the first one",
    "2",
    "zzzz qqqq xxxx",
    "pacs pacs pacs pacs",
    "%s %d {role} {{}}",
    "\u202eevil\u202c text",
    "¿qué es pacs?",
)
ANSWERS_TO_CLARIFY = ("the first one", "2", "salary", "the second one")


def typo(text: str, rng: random.Random) -> str:
    """One realistic typo in one longer word: a swap, a drop, a double or a neighbour key."""
    words = text.split(" ")
    spots = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not spots:
        return text
    i = rng.choice(spots)
    w, k = words[i], rng.randrange(1, len(words[i]) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        w = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
    elif kind == 1:
        w = w[:k] + w[k + 1 :]
    elif kind == 2:
        w = w[:k] + w[k] + w[k:]
    else:
        w = w[:k] + "qwertyuiopasdfghjklzxcvbnm"[(ord(w[k]) * 7) % 26] + w[k + 1 :]
    words[i] = w
    return " ".join(words)


def _fill(template: str, rng: random.Random) -> str:
    roles = rng.sample(ROLES, 2)
    skills = rng.sample(SKILLS, 2)
    return template.format(
        role=roles[0],
        role2=roles[1],
        place=rng.choice(PLACES),
        cert=rng.choice(CERTS),
        topic=rng.choice(TOPICS),
        start=rng.choice(STARTS),
        field=rng.choice(FIELDS),
        skill=skills[0],
        skill2=skills[1],
        n=rng.choice((1, 2, 3, 5, 8, "three", "ten")),
    )


def _long_turn(rng: random.Random, kind: int) -> str:
    """Long inputs: a life story with a question, a truncated flood, a word salad."""
    if kind == 0:
        story = (
            f"so i have been working as a {rng.choice(STARTS)} for about "
            f"{rng.randrange(2, 15)} years at a community hospital and honestly i love the "
            "patients but the shifts are brutal, my manager keeps telling me i am good with "
            "computers because i fix the modality worklist problems and call the vendor when "
            "the images do not show up, and i keep thinking maybe there is a path for me in "
            "the informatics side of things, i have an associate degree and i did some "
            "networking classes at night, "
        )
        return story * 2 + f"so what would it take to become a {rng.choice(ROLES)}?"
    if kind == 1:
        return "pacs " * rng.randrange(450, 700) + "salary?"
    pool = [w for t in TEMPLATES.values() for s in t for w in s.split() if "{" not in w]
    return " ".join(rng.choice(pool) for _ in range(rng.randrange(120, 260)))


Episode = Callable[[random.Random], list[str]]


def _episode(intent: str) -> Episode:
    def make(rng: random.Random) -> list[str]:
        turns = [_fill(rng.choice(TEMPLATES[intent]), rng)]
        if intent in (
            "salary",
            "best_locations",
            "role_overview",
            "role_requirements",
            "certification_info",
            "career_progression",
            "certifications_for_role",
        ):
            turns += [_fill(rng.choice(FOLLOW_UPS), rng) for _ in range(rng.randrange(0, 3))]
        return turns

    return make


def _variety(rng: random.Random) -> list[str]:
    roll = rng.randrange(10)
    if roll < 5:
        return [rng.choice(NONSENSE)]
    if roll < 8:
        return [_long_turn(rng, rng.randrange(3))]
    # an ambiguous-ish question, then an answer to "Did you mean …?"
    return [
        f"{rng.choice(ROLES)} {rng.choice(('pay and path', 'money or certs', 'growth'))}",
        rng.choice(ANSWERS_TO_CLARIFY),
    ]


def conversations(seed: int = SEED, count: int = CONVERSATIONS) -> list[list[str]]:
    """The script: `count` conversations of varied turns, the same for the same seed."""
    rng = random.Random(seed)
    intents = sorted(TEMPLATES)
    out: list[list[str]] = []
    for number in range(count):
        turns: list[str] = []
        if rng.random() < 0.6:
            turns.append(_fill(rng.choice(TEMPLATES["greeting"]), rng))
        # rotate through every intent so each conversation mixes different ones
        for k in range(rng.randrange(5, 9)):
            intent = intents[(number * 7 + k * 3) % len(intents)]
            turns += _episode(intent)(rng)
            if rng.random() < 0.25:
                turns += _variety(rng)
        turns = [typo(t, rng) if rng.random() < 0.2 and len(t) < 200 else t for t in turns]
        if rng.random() < 0.5:
            turns.append(_fill(rng.choice(TEMPLATES[rng.choice(("thanks", "goodbye"))]), rng))
        out.append(turns)
    return out


def main() -> None:
    script = conversations()
    for turns in script:
        print("\n".join(t.replace("\n", " ") for t in turns) + "\n")
    print(f"# {len(script)} conversations, {sum(map(len, script))} turns")


if __name__ == "__main__":
    main()
