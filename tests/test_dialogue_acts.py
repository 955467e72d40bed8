"""Table-driven: questions never change the profile; statements and corrections change it as
stated; chat-speak reaches the right intent (issue 9)."""

from __future__ import annotations

from typing import Any

import pytest

from advisor import Advisor

# a user who already told us things: a question must leave every field as it is
KNOWN = [
    "I'm a rad tech with 6 years of experience and a bachelor's",
    "I want to become a PACS analyst",
    "I know DICOM and HL7",
    "I live in Boston",
]

QUESTIONS = [
    # hedged questions, opinions and topic changes name a role without choosing it
    "maybe RIS analyst pays more?",
    "probably need HL7 for PACS admin?",
    "I guess PACS managers have it easy?",
    "the RIS analyst pay sounds good",
    "I was thinking PACS admins are overworked",
    "ok back to PACS admins, what do they make",
    "no wait, not RIS",
    "can you help me?",
    "which role makes the most sense for me?",
    "should I make PACS manager my goal?",
    "is system architect a realistic goal for me?",
    "would you go with RIS analyst or PACS admin?",
    "do I need to know HL7?",
    "do u need a degree 4 a pacs job",
    "must I be a technologist before that?",
    "how long until i could be a ris analyst",
    "should I get the CIIP?",
    "do I need a bachelor's degree to be a PACS admin?",
    "is 5 years enough to become a manager?",
    "can I become a PACS analyst without a degree?",
    "would I need Network+ for that?",
    "how much does a PACS administrator make in Seattle?",
    "what does a RIS analyst do?",
    "is the CIIP worth it?",
    "can a rad tech become a PACS admin?",
    "what if I only have an associate's?",
    "would a master's help?",
    "how do I become a PACS manager?",
    "should I learn networking or Windows Server first?",
    "do PACS analysts need to know networking?",
    "am I qualified for a PACS administrator job?",
    "is it hard to get the CPSA?",
    "what certifications do I need for PACS admin?",
    "do employers want the CIIP?",
    "will my 6 years as a rad tech count?",
    "does a PACS admin need Windows Server?",
    "could I work as a RIS analyst with an IT degree?",
    "do I need experience in healthcare?",
    "what's the difference between a PACS analyst and a PACS admin?",
    "is a bachelor's in IT good for PACS?",
    "how long does it take to become a PACS administrator?",
    "where do PACS admins make the most?",
    "what does CIIP stand for?",
    "do you need HL7 for a RIS job?",
    "I was wondering if I need a master's degree",
    "i'm not sure if I need the CIIP",
    "can you tell me what a PACS manager does?",
    "is living in California better for pay?",
    "would moving to Seattle help my salary?",
    "should I move to New York?",
    "is the CPAS for beginners?",
    "wut do i need 4 ris analyst",
    "do i need 2 know oracle",
    "shud i learn windows server",
    "what if I never learned DICOM?",
    "does knowing Oracle help?",
    "is it bad that I don't know networking?",
    "how much would I make as a RIS analyst?",
    "what's a good first cert for someone with no degree?",
    "do I have to pass the CIIP to be a PACS admin?",
    "which is better for me, CIIP or CPAS?",
    "do hospitals hire PACS analysts without experience?",
    "what do PACS managers earn?",
    "tell me about the CPSA",
    "explain DICOM",
    "what is a VNA?",
    "how do I get experience in PACS?",
    "is network+ useful for a PACS job?",
    "do I need to be certified to work in PACS?",
    "what's next after PACS admin?",
    "can I get the CIIP with 3 years?",
    "so I guess my question is, do I need to know Oracle?",
    "would I need a master's for a PACS manager job?",
    "do I have to be a rad tech first?",
    "should I become a RIS analyst instead?",
    "could I be a PACS administrator in 2 years?",
    "what if I had 36 CE hours?",
    "and with 36 hours of CE?",
]

# (message, profile fields that must hold after it, entries that must not), from an empty profile
STATEMENTS: list[tuple[str, dict[str, Any], list[str]]] = [
    ("I am a rad tech with 3 years", {"current_role": "radiologic-technologist", "years": 3}, []),
    ("I know DICOM", {"skills": ["dicom"]}, []),
    ("I have a bachelor's in computer science", {"degree": "bachelor"}, []),
    ("I want to become a PACS administrator", {"goal": "pacs-administrator"}, []),
    ("I live in Boston", {"place": "boston"}, []),
    ("I just passed the CIIP", {"certifications": ["ciip"]}, []),
    ("i kno dicom alrdy", {"skills": ["dicom"]}, []),
    ("i wanna b a ris analyst", {"goal": "ris-analyst"}, ["degree"]),
    ("I have an associate's degree", {"degree": "associate"}, []),
    ("I have a master's", {"degree": "master"}, []),
    ("I have no degree", {"degree": "none"}, []),
    ("I've been a PACS analyst for 4 years", {"current_role": "pacs-analyst", "years": 4}, []),
    ("my goal is PACS manager", {"goal": "pacs-manager"}, []),
    ("RIS analyst is the goal", {"goal": "ris-analyst"}, []),
    ("let's go with PACS analyst", {"goal": "pacs-analyst"}, []),
    ("ok I'll aim for RIS analyst then", {"goal": "ris-analyst"}, []),
    ("I learned networking", {"skills": ["networking"]}, []),
    ("ok, done with networking now", {"skills": ["networking"]}, []),
    ("I finished a medical terminology course", {"skills": ["medical-terminology"]}, []),
    ("I work as a help desk tech", {"current_role": "it-support"}, []),
    ("currently a BMET", {"current_role": "biomedical-technician"}, []),
    ("I'm a network administrator", {"current_role": "network-administrator"}, []),
    ("I have Network+", {"certifications": ["network-plus"]}, []),
    ("I hold the CPAS", {"certifications": ["cpas"]}, []),
    ("I'm based in Seattle", {"place": "seattle"}, []),
    ("We're in New York right now", {"place": "new-york"}, []),
    ("7 years in IT", {"years": 7}, []),
    ("I'm familiar with HL7", {"skills": ["hl7"]}, []),
    ("I know Windows Server and Oracle", {"skills": ["windows-server", "oracle-dba"]}, []),
    ("I have 10 years of experience", {"years": 10}, []),
    ("i have 2 yrs exp", {"years": 2}, []),
    ("I'm a PACS admin", {"current_role": "pacs-administrator"}, []),
    ("I live in California", {"place": "california"}, []),
    ("I'm a radiologic technologist", {"current_role": "radiologic-technologist"}, []),
    ("I did a DICOM course", {"skills": ["dicom"]}, []),
    ("we use Syngo Dynamics in our lab every day", {"skills": ["syngo-dynamics"]}, []),
    ("I have a BS in information technology", {"degree": "bachelor"}, []),
    ("no degree, just high school", {"degree": "high-school"}, []),
    ("I'm a rad tech, what should I learn next?", {"current_role": "radiologic-technologist"}, []),
    ("I got my Network+ last week", {"certifications": ["network-plus"]}, []),
    ("I earned the CIIP last year", {"certifications": ["ciip"]}, []),
    ("hi there, I do help desk at a hospital, about 2 years", {"years": 2}, []),
    ("I'm studying for Network+", {}, ["certifications:network-plus"]),
    ("I'm registered for the CIIP in June", {}, ["certifications:ciip"]),
    ("I'm job-shadowing a RIS analyst", {}, ["current_role=ris-analyst"]),
    ("I'm preparing for the CPAS exam", {}, ["certifications:cpas"]),
    ("I have 20 CE hours", {"ce_hours": 20}, ["years"]),
    ("I've done 36 hours of continuing education", {"ce_hours": 36}, ["years"]),
    ("I also have 54 hours of continuing education in imaging informatics", {"ce_hours": 54}, []),
    # a job title opening a clause, followed by years or a credential, is one's job
    (
        "Nuclear medicine technologist, 9 years, mostly cardiac",
        {"current_role": "nuclear-medicine-technologist", "years": 9},
        [],
    ),
    (
        "CT tech, ARRT R, 4 yrs",
        {"current_role": "ct-technologist", "years": 4, "certifications": ["arrt-r"]},
        [],
    ),
    ("PACS admin for 6 years at a big system", {"current_role": "pacs-administrator", "years": 6}, []),
    ("rad tech (RT(R)) working in the cath lab", {"current_role": "radiologic-technologist"}, []),
    # a role followed by words that make it the goal
    ("I think PACS analyst is the one for me", {"goal": "pacs-analyst"}, ["current_role"]),
    ("the RIS analyst job at my hospital is what I'm after", {"goal": "ris-analyst"}, ["current_role"]),
    ("ok PACS admin sounds doable", {"goal": "pacs-administrator"}, ["current_role"]),
    # a course finished, with or without "I"
    ("ok I just wrapped up an online HL7 course", {"skills": ["hl7"]}, []),
    ("did a networking class on udemy", {"skills": ["networking"]}, []),
    # plans are not facts
    ("I'm signing up for the CPAS", {}, ["certifications:cpas"]),
    ("booked my CIIP exam for May", {}, ["certifications:ciip"]),
    ("ok, going for pacs analyst", {"goal": "pacs-analyst"}, []),
    ("i'd go for analyst i think", {"goal": "pacs-analyst"}, []),
    ("i did comptia a+ last year, forgot to say", {"certifications": ["comptia-a-plus"]}, []),
    ("I have zero database experience", {}, ["skills:sql"]),
    # what one does at work is what one knows; a wish to do it is not
    (
        "I handle backups and restores and user accounts, plus some SQL",
        {"skills": ["backup-recovery", "user-access", "sql"]},
        [],
    ),
    ("I run a team of 12, so I do project management", {"skills": ["project-management"]}, []),
    ("I want to do project management someday", {}, ["skills:project-management"]),
    ("cardiology PACS analyst sounds great", {"goal": "cardiology-pacs-analyst"}, ["current_role"]),
    # an introduction: a title, then a place or plain words, then years
    ("CT tech, Seattle, 3 yrs", {"current_role": "ct-technologist", "years": 3, "place": "seattle"}, []),
    ("sonographer in a small clinic, 12 years", {"current_role": "sonographer", "years": 12}, []),
    ("RIS analyst salary with 5 years", {}, ["current_role", "years"]),
    (
        "I fix laptops for a school district, help desk for 4 years",
        {"current_role": "it-support", "years": 4},
        [],
    ),
    # another field's manager is no PACS manager
    ("store manager for 10 years", {"years": 10}, ["current_role"]),
    # a past job fills an empty job, never replaces the one stated now
    ("PACS admin here. I used to be a nurse", {"current_role": "pacs-administrator"}, []),
    ("I was a rad tech for 7 years", {"current_role": "radiologic-technologist", "years": 7}, []),
    # a course, degree or certificate under way or ahead is not held
    ("I'm about halfway through an HL7 course", {}, ["skills:hl7"]),
    ("starting a master's in health informatics next fall", {}, ["degree"]),
    ("I'm enrolled in a bachelor's program", {}, ["degree"]),
    ("i have a bachelor's right now", {"degree": "bachelor"}, []),
    ("looking to move into RIS analyst work", {"goal": "ris-analyst"}, []),
    ("tryna be a PACS admin", {"goal": "pacs-administrator"}, []),
    # a hedged goal is still the goal (it can be undone); a hedged plan is no held certificate
    ("I'm sort of thinking about PACS manager long term", {"goal": "pacs-manager"}, []),
    ("probably RIS analyst tbh", {"goal": "ris-analyst"}, []),
    ("i guess pacs associate??", {"goal": "pacs-associate"}, []),
    ("I'll have my CPAS by spring", {}, ["certifications:cpas"]),
    # a place right after one's job or years is where one is
    ("I'm a RIS analyst in Seattle, 4 years", {"current_role": "ris-analyst", "place": "seattle"}, []),
    ("mammo tech, ARRT registered", {"certifications": ["arrt-r"]}, []),
    # a year off, years ago, years old: no years of work
    ("rad tech, took a year off last spring", {"current_role": "radiologic-technologist"}, ["years"]),
    ("I'm 34 years old and work help desk", {"current_role": "it-support"}, ["years"]),
    # a long introduction, a plan word before the job ('starting fresh')
    (
        "network admin for a chain of clinics in Seattle, 5 yrs",
        {"current_role": "network-administrator", "years": 5, "place": "seattle"},
        [],
    ),
    ("ok starting over: I'm a sonographer, 4 years", {"current_role": "sonographer", "years": 4}, []),
    ("hey there, echo tech at a children's hospital, 7 yrs", {"years": 7}, []),
    ("CT tech here. kinda thinking about RIS analyst tbh", {"goal": "ris-analyst"}, []),
    # never having worked in one place is not zero experience
    ("network admin, 6 yrs, never worked in a hospital", {"years": 6}, []),
]

# corrections, on top of KNOWN (rad tech, 6 years, bachelor, goal PACS analyst, DICOM, HL7, Boston)
CORRECTIONS: list[tuple[str, dict[str, Any], list[str]]] = [
    ("actually it's 4 years, not 6", {"years": 4}, []),
    ("I never learned DICOM", {"skills": ["hl7"]}, ["skills:dicom"]),
    ("scratch that, I never learned DICOM", {}, ["skills:dicom"]),
    ("I don't know HL7 anymore", {"skills": ["dicom"]}, ["skills:hl7"]),
    ("my degree is a master's, not a bachelor's", {"degree": "master"}, []),
    ("correction: my degree is an associate's, not a bachelor's", {"degree": "associate"}, []),
    ("change my goal to RIS analyst", {"goal": "ris-analyst"}, []),
    ("switch my goal to PACS administrator", {"goal": "pacs-administrator"}, []),
    ("actually I'm in Seattle", {"place": "seattle"}, []),
    ("I'm not a rad tech anymore", {}, ["current_role"]),
    ("I have 5 years, not 6", {"years": 5}, []),
    ("actually I want to be a RIS analyst", {"goal": "ris-analyst"}, []),
    ("my goal is now PACS manager", {"goal": "pacs-manager"}, []),
    ("I don't have a degree", {"degree": "none"}, []),
    ("update my goal to PACS administrator", {"goal": "pacs-administrator"}, []),
    ("I moved to Seattle", {"place": "seattle"}, []),
    ("I also know networking", {"skills": ["networking", "dicom"]}, []),
    # a role named with a goal word after it, after a choice, or bare in a correction
    ("hmm, set RIS analyst as my new goal", {"goal": "ris-analyst"}, []),
    ("PACS manager my goal then", {"goal": "pacs-manager"}, []),
    ("let's say imaging director", {"goal": "imaging-director"}, []),
    ("no, make it PACS administrator", {"goal": "pacs-administrator"}, []),
    ("put me down for integration analyst", {"goal": "integration-analyst"}, []),
    ("oops, PACS manager", {"goal": "pacs-manager"}, []),
    ("sorry I meant system architect", {"goal": "system-architect"}, []),
    ("no wait, CT tech", {"current_role": "ct-technologist"}, []),
    # a system named alone: its role with the same head as the goal (KNOWN's is PACS analyst)
    ("sorry, I meant RIS", {"goal": "ris-analyst"}, []),
]

CHAT_SPEAK = [
    ("wat r the reqs 4 ris analyst", "role_requirements"),
    ("wut does a pacs admin do", "role_overview"),
    ("how much do pacs admins make n boston", "salary"),
    ("wat do u need 2 b a pacs analyst", ["role_requirements", "career_path"]),
    ("i kno dicom alrdy", "profile_update"),
    ("i wanna b a ris analyst", "profile_update"),
    ("im tryna become a pacs admin, wat shud i do", ["career_path", "next_step"]),
    ("wats nxt 4 me", "next_step"),
    ("wat shud i learn nxt", "next_step"),
    ("thx", "thanks"),
    ("ty so much", "thanks"),
    ("k thx bye", "goodbye"),
    ("thx k cya", "goodbye"),
    ("thank u so much, see ya", "goodbye"),
    ("alright thank you, bye", "goodbye"),
    ("thanks for all this. I need to go pick up the kids now, so goodbye for now!", "goodbye"),
    ("thanks a lot! I passed the CPAS btw, bye", "profile_update"),
    ("bye!! thanks", "goodbye"),
    ("idk wat the ciip is", "certification_info"),
    ("wat is dicom tbh", "concept_info"),
    ("r there any certs 4 pacs ppl", "certifications_for_role"),
    ("pls show my path", "career_path"),
    ("show me my profile pls", "profile_show"),
    ("wat do u kno abt me", "profile_show"),
    ("hw much does a ris analyst make rn", "salary"),
    ("whats the diff btw pacs analyst n pacs admin", "compare_roles"),
    ("i have 3 yrs as a rad tech", "profile_update"),
    ("i got my network+ alrdy", "profile_update"),
    ("gonna need sum books 4 the ciip", "study_resources"),
    ("cud u explain hl7", "concept_info"),
    ("where shud i live 4 the best pacs pay", "best_locations"),
    ("wat roles r there", "list_roles"),
    ("hey u", "greeting"),
    ("wat can u do", "help"),
    ("wat comes after pacs admin", "career_progression"),
]


def _talk(engine: Advisor, lines: list[str]) -> Any:
    conv = engine.conversation()
    for line in lines:
        conv.reply(line)
    return conv


def _check(profile: dict[str, Any], want: dict[str, Any], lacks: list[str]) -> None:
    for key, value in want.items():
        if isinstance(value, list):
            assert set(value) <= set(profile[key]), (key, profile[key])
        else:
            assert profile[key] == value, (key, profile[key])
    for entry in lacks:
        key, _, value = entry.replace("=", ":").partition(":")
        if value:
            have = profile[key]
            assert have != value and not (isinstance(have, list) and value in have), (entry, have)
        else:
            assert profile[key] in (None, [], ""), (entry, profile[key])


@pytest.mark.parametrize("text", QUESTIONS)
def test_a_question_never_changes_the_profile(engine: Advisor, text: str) -> None:
    conv = _talk(engine, KNOWN)
    before = conv.state_dict()["profile"]
    reply = conv.reply(text)
    assert conv.state_dict()["profile"] == before, reply.text
    assert not reply.profile_changed and "Noted:" not in reply.text


@pytest.mark.parametrize(("text", "want", "lacks"), STATEMENTS, ids=[s[0] for s in STATEMENTS])
def test_a_statement_changes_the_profile_as_stated(
    engine: Advisor, text: str, want: dict[str, Any], lacks: list[str]
) -> None:
    conv = engine.conversation()
    reply = conv.reply(text)
    _check(conv.state_dict()["profile"], want, lacks)
    if want:
        assert reply.profile_changed, reply.text


@pytest.mark.parametrize(("text", "want", "lacks"), CORRECTIONS, ids=[c[0] for c in CORRECTIONS])
def test_a_correction_changes_the_profile_and_can_be_undone(
    engine: Advisor, text: str, want: dict[str, Any], lacks: list[str]
) -> None:
    conv = _talk(engine, KNOWN)
    before = conv.state_dict()["profile"]
    reply = conv.reply(text)
    _check(conv.state_dict()["profile"], want, lacks)
    assert reply.profile_changed and reply.intent == "profile_update", reply.text
    assert conv.reply("undo").intent == "undo"
    assert conv.state_dict()["profile"] == before


@pytest.mark.parametrize(("text", "intent"), CHAT_SPEAK, ids=[c[0] for c in CHAT_SPEAK])
def test_chat_speak_reaches_the_intent(engine: Advisor, text: str, intent: str | list[str]) -> None:
    reply = engine.conversation().reply(text)
    assert reply.intent in ([intent] if isinstance(intent, str) else intent), reply.text


@pytest.mark.parametrize("wish", ["I want to become one", "I'd love to be one someday"])
def test_becoming_one_after_a_role_card_makes_that_role_the_goal(engine: Advisor, wish: str) -> None:
    conv = engine.conversation()
    conv.reply("what does an integration analyst do?")
    reply = conv.reply(f"sounds like me. {wish}.")
    assert conv.state_dict()["profile"]["goal"] == "integration-analyst", reply.text


def test_a_choice_after_which_one_completes_the_statement(engine: Advisor) -> None:
    conv = engine.conversation()
    assert conv.reply("I'd love to work in cardiology PACS someday").intent == "clarify"
    reply = conv.reply("the administrator one")
    assert conv.state_dict()["profile"]["goal"] == "cardiology-pacs-administrator", reply.text


def test_a_plan_is_acknowledged_and_not_saved(engine: Advisor) -> None:
    conv = engine.conversation()
    reply = conv.reply("I'm signed up for the CPAS exam next month")
    assert "once it's done" in reply.text and "CPAS" in reply.text
    assert conv.state_dict()["profile"]["certifications"] == []


def test_that_was_a_question_undoes_and_forget_asks_first(engine: Advisor) -> None:
    conv = _talk(engine, ["I'm a rad tech"])
    conv.reply("PACS manager")  # the answer to "Which role are you aiming for?"
    assert conv.state_dict()["profile"]["goal"] == "pacs-manager"
    reply = conv.reply("no, that was a question. what does a PACS manager do?")
    assert reply.intent == "role_overview" and reply.text.startswith("Undone")
    assert conv.state_dict()["profile"]["goal"] is None
    assert conv.reply("please wipe what you know about me").intent == "profile_forget"
    assert conv.state_dict()["profile"]["current_role"] == "radiologic-technologist"
    assert conv.reply("yes").intent == "profile_forget"
    assert conv.state_dict()["profile"]["current_role"] is None


def test_a_new_question_is_not_taken_as_the_answer_to_a_pending_one(engine: Advisor) -> None:
    conv = _talk(engine, ["I'm a rad tech"])  # asks "Which role are you aiming for?"
    reply = conv.reply("what does a RIS analyst do all day?")
    assert reply.intent == "role_overview"
    assert conv.state_dict()["profile"]["goal"] is None


@pytest.mark.parametrize("word", ["never", "tough", "hours", "store", "though", "course"])
def test_common_english_words_are_never_corrected(engine: Advisor, word: str) -> None:
    assert engine.speller.correct(word) is None


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("i have 4 years", ["i", "have", "4", "years"]),
        ("do u need a degree 4 a pacs job", ["do", "you", "need", "a", "degree", "for", "a", "pacs", "job"]),
        ("2", ["2"]),
        ("i wanna b a ris analyst", ["i", "want", "to", "be", "a", "ris", "analyst"]),
        ("i have a b a in history", ["i", "have", "a", "b", "a", "in", "history"]),
    ],
)
def test_chat_speak_expansion_keeps_numbers_and_degrees(
    engine: Advisor, text: str, tokens: list[str]
) -> None:
    assert engine.lexicon.expand(text.split()) == tokens


def test_slash_commands_work_in_piped_mode() -> None:
    import io

    from advisor.terminal.cli import run

    out = io.StringIO()
    lines = "I know DICOM\n/profile\n/why\n/forget\nyes\n/profile\n"
    assert run([], io.StringIO(lines), out, io.StringIO()) == 0
    text = out.getvalue()
    assert "Knows: DICOM" in text and "intent: profile_update" in text
    assert "Profile and history wiped." in text and "Your profile is empty" in text


# (said before, the follow-up, its intent(s), a name the answer must contain)
FOLLOW_UPS: list[tuple[list[str], str, Any, str]] = [
    (["tell me about the CIIP"], "is that cert worth the money?", "certification_info", "CIIP"),
    (["tell me about the CPSA"], "how much is it?", "certification_info", "CPSA"),
    (
        ["what does a PACS analyst make?"],
        "how does that compare to a PACS admin?",
        "compare_roles",
        "Admin",
    ),
    (
        ["what does a RIS analyst do?"],
        "would I need a degree for that one?",
        "role_requirements",
        "RIS Analyst",
    ),
    (["how much does a PACS admin make in Boston?"], "what about RIS analysts there?", "salary", "Boston"),
    (
        ["PACS analyst vs PACS administrator"],
        "which one pays more?",
        ["compare_roles", "salary"],
        "PACS Analyst",
    ),
]


@pytest.mark.parametrize(("before", "text", "intent", "names"), FOLLOW_UPS, ids=[f[1] for f in FOLLOW_UPS])
def test_a_follow_up_finds_what_it_points_at(
    engine: Advisor, before: list[str], text: str, intent: str | list[str], names: str
) -> None:
    conv = _talk(engine, before)
    reply = conv.reply(text)
    assert reply.intent in ([intent] if isinstance(intent, str) else intent), reply.text
    assert names in reply.text
    assert not reply.profile_changed


@pytest.mark.parametrize(
    "again", ["Where does that leave me?", "Does that change anything?", "so am I eligible now?"]
)
def test_a_recheck_asks_the_last_answer_again_with_the_new_facts(engine: Advisor, again: str) -> None:
    conv = _talk(engine, ["I have an associate's degree and 2 years as a rad tech"])
    first = conv.reply("can I sit for the CIIP?")
    assert first.intent == "ciip_eligibility" and "eligible —" not in first.text, first.text
    conv.reply("I also have 54 hours of continuing education")
    reply = conv.reply(again)
    assert reply.intent == "ciip_eligibility" and "eligible —" in reply.text, reply.text
    assert conv.state_dict()["profile"]["ce_hours"] == 54


def test_ce_hours_show_in_the_profile(engine: Advisor) -> None:
    conv = _talk(engine, ["I have 20 CE hours"])
    assert "Continuing education: 20 hours" in conv.reply("show my profile").text


# (setup, the correction, profile fields after it): "that's wrong" followed by what is right
TAKE_BACKS = [
    # the named thing replaces what the last change set, field for field
    (
        ["I want to become a PACS manager"],
        "that's wrong, I meant PACS administrator",
        {"goal": "pacs-administrator"},
    ),
    (["I'm a rad tech"], "no that's wrong, I meant CT tech", {"current_role": "ct-technologist"}),
    (["I live in Boston"], "that's wrong, I meant Seattle", {"place": "seattle"}),
    (["I passed the CPSA"], "sorry that is wrong, I meant the CPAS", {"certifications": ["cpas"]}),
    # only the field the correction names changes: the rest of that statement stays
    (
        ["I'm a rad tech with 3 years"],
        "that's wrong, I meant CT tech",
        {"current_role": "ct-technologist", "years": 3.0},
    ),
    (
        ["I passed the CIIP", "I passed the CPSA"],
        "that's wrong, I meant the CPAS",
        {"certifications": ["ciip", "cpas"]},
    ),
    (
        ["I want to be a pacs admin"],
        "that's wrong, I meant nurse",  # a job one has is no goal: the wrong goal is taken back
        {"goal": None, "current_role": None},
    ),
    # a role names the field it corrects when the last change was about something else
    (
        ["I want to be a PACS admin", "I live in Boston"],
        "that's wrong, I meant RIS analyst",
        {"goal": "ris-analyst", "place": "boston"},
    ),
    # an undo, then what is true
    (["I know SQL"], "hmm, take that back, I hardly know SQL", {"skills": []}),
    (["I passed the CPSA"], "no that was supposed to be a question, I don't have it", {"certifications": []}),
    (
        ["I want to be a RIS analyst", "I want to be a PACS manager"],
        "that's wrong, go back",
        {"goal": "ris-analyst"},
    ),
    # a correction opened with "wait" / "sorry"
    (["I'm a rad tech, 5 yrs"], "wait, it's 6 years not 5", {"years": 6.0}),
    # a bare number replaces the number the last change set
    (["I have 40 CE hours"], "No sorry, that's wrong, it's 30 not 40", {"ce_hours": 30.0}),
    (["I have 6 years of experience"], "that's wrong, it's 4 not 6", {"years": 4.0}),
    # a correction of an older fact leaves the last change standing
    (
        ["I've been there 2 years", "I want to be a RIS analyst"],
        "no that's wrong, I've been there 3 years not 2",
        {"years": 3.0, "goal": "ris-analyst"},
    ),
    (
        ["I'm a rad tech", "I live in Seattle"],
        "that's wrong, I'm a CT tech",
        {"current_role": "ct-technologist", "place": "seattle"},
    ),
]


@pytest.mark.parametrize(("setup", "text", "want"), TAKE_BACKS, ids=[t[1] for t in TAKE_BACKS])
def test_thats_wrong_with_what_is_right_corrects_the_right_field(
    engine: Advisor, setup: list[str], text: str, want: dict[str, Any]
) -> None:
    conv = _talk(engine, setup)
    conv.reply(text)
    profile = conv.state_dict()["profile"]
    for key, value in want.items():
        assert profile[key] == value, (text, profile)


def test_a_question_naming_a_thing_of_the_field_is_not_declined(engine: Advisor) -> None:
    """An unsure question that names something only this field calls so (not "director")."""
    assert engine.conversation().reply("idk wat hl7 is lol").intent == "concept_info"
    assert engine.conversation().reply("who is the director of the new batman movie").intent == "out_of_scope"
