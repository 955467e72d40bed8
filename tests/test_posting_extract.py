"""The posting reader on fixtures: floors per item type, and the shapes it must read
(HTML, ALL CAPS headings, bullets, typos, cue words inside a sentence, year ranges)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor import Advisor
from advisor.knowledge.dataset import load, validate
from advisor.posting import Posting, read_posting
from advisor.posting.items import STRENGTH
from advisor.posting.lexicon import check
from advisor.posting.scoring import score
from advisor.posting.sections import clean

ROOT = Path(__file__).resolve().parent.parent
SETS = [d for d in (ROOT / "tests" / "postings" / n for n in ("dev", "dev2", "dev3", "own")) if d.is_dir()]
ITEM_KINDS = ("skill", "certification", "degree", "experience")
FLOORS = {"required": (0.9, 0.9), "preferred": (0.85, 0.85), "degree": (0.9, 0.9), "experience": (0.9, 0.9)}
# dev3, the first held-out set (86 % required recall when measured blind), now reads
# at 100 %: its floor is a few points below that
SET_FLOORS = {"dev3": {"required": (0.95, 0.95), "preferred": (0.95, 0.95)}}


@pytest.fixture(scope="module")
def engine() -> Advisor:
    return Advisor.load()


def read(engine: Advisor, text: str) -> Posting:
    return read_posting(engine, text)


def got(posting: Posting, status: str) -> set[str]:
    return {f"{i.type}:{i.id or f'{i.years:g}'}" for i in posting.items if i.status == status}


@pytest.mark.parametrize("folder", SETS, ids=[d.name for d in SETS])
def test_fixture_set_meets_its_floors(engine: Advisor, folder: Path) -> None:
    report = score(engine, folder)
    for kind, (precision, recall) in (FLOORS | SET_FLOORS.get(folder.name, {})).items():
        row = report["kinds"][kind]
        assert row["recall"] >= recall, (kind, row, report["misses"])
        assert row["precision"] >= precision, (kind, row, report["misses"])
    assert report["kinds"]["role"]["recall"] >= 0.9, report["misses"]
    assert report["kinds"]["on_call"]["recall"] >= 0.9, report["misses"]


def test_phrase_data_names_only_graph_ids(engine: Advisor) -> None:
    raw = load().posting
    assert check(raw, {n.id: n.type for n in engine.graph.nodes.values()}) == []
    assert engine.posting.skipped == ()


def test_validate_reports_a_phrase_of_an_unknown_id(tmp_path: Path) -> None:
    idir = tmp_path / "intents"
    shutil.copytree(ROOT / "intents", idir)
    raw = json.loads((idir / "posting.json").read_text("utf-8"))
    raw["phrases"]["no-such-skill"] = ["gizmo wrangling"]
    (idir / "posting.json").write_text(json.dumps(raw), "utf-8")
    lines = [p.line() for p in validate(ROOT / "knowledge", idir)]
    assert lines == [
        "intents/posting.json: $.phrases.no-such-skill: 'no-such-skill' is not a skill, concept "
        "or certification of the knowledge (hint: add it to knowledge/ or remove its phrases)"
    ]


def test_a_phrase_under_two_ids_is_a_problem() -> None:
    raw = {"phrases": {"sql": ["database"], "oracle-dba": ["Database"]}, "scope_ids": []}
    problems = check(raw, {"sql": "skill", "oracle-dba": "skill"})
    assert [p.line() for p in problems] == [
        "intents/posting.json: $.phrases.oracle-dba[0]: 'Database' is also a phrase of 'sql' "
        "(hint: keep it under one id)"
    ]


def test_a_sentence_with_two_cues_gives_two_items(engine: Advisor) -> None:
    p = read(
        engine, "PACS Administrator\n\nQualifications\n- Associate degree required, bachelor's preferred"
    )
    assert got(p, "required") == {"degree:associate"}
    assert got(p, "preferred") == {"degree:bachelor"}


@pytest.mark.parametrize(
    ("phrase", "years"),
    [
        ("2-4 years of experience", 2),
        ("three (3) years of experience", 3),
        ("5+ yrs exp", 5),
        ("Minimum of two (2) years in PACS", 2),
        ("at least one year of experience", 1),
    ],
)
def test_years_of_experience(engine: Advisor, phrase: str, years: int) -> None:
    p = read(engine, f"PACS Analyst\n\nRequirements:\n- {phrase}\n- DICOM")
    assert f"experience:{years}" in got(p, "required")


def test_years_that_are_not_experience_are_ignored(engine: Advisor) -> None:
    p = read(engine, "PACS Analyst\n\nPreferred:\n- CIIP or willing to obtain within 2 years of hire")
    assert got(p, "preferred") == {"certification:ciip"}


def test_html_copied_as_text(engine: Advisor) -> None:
    p = read(
        engine,
        "<h2>RIS Analyst</h2><h3>Preferred Qualifications</h3><ul><li>R.T.(R)(ARRT) &ndash; a plus</li>"
        "<li>Mirth Connect</li></ul><h3>Minimum Qualifications</h3><ul><li>HL7 &amp; SQL</li></ul>",
    )
    assert p.role == "ris-analyst"
    assert got(p, "preferred") == {"certification:arrt-r", "skill:interface-engines"}
    assert got(p, "required") == {"skill:hl7", "skill:sql"}
    assert clean("<p>a &lt;b&gt; &amp; c</p>") == "a <b> & c"  # entities decode after tags go


def test_all_caps_headings_bullets_and_typos(engine: Advisor) -> None:
    text = (
        "PACS ADMINSTRATOR\n\nREQUIRMENTS\n• Knowlege of Dicom and HL-7\n▪ Unix/Linux\n"
        "1) Databse queries\n\nNICE TO HAVE\n* CIIP\n"
    )
    p = read(engine, text)
    assert p.role == "pacs-administrator"
    assert {"skill:dicom", "skill:hl7", "skill:linux"} <= got(p, "required")
    assert got(p, "preferred") == {"certification:ciip"}


@pytest.mark.parametrize(
    ("heading", "status"),
    [
        ("Qualifications (Required)", "required"),
        ("Required Skills / Experience", "required"),
        ("ADDITIONAL PREFERRED SKILLS:", "preferred"),
        ("Desired", "preferred"),
        ("Essential", "required"),
        ("Key Responsibilities and Duties", "duty"),
        ("Education Required: ", "required"),
    ],
)
def test_heading_shapes(engine: Advisor, heading: str, status: str) -> None:
    lines = f"PACS Analyst\n\nNice to have\n- VNA\n\n{heading}\n- Knowledge of HL7\n"
    p = read(engine, lines.replace(": \n- ", ": "))
    want = {"duty": "mentioned"}.get(status, status)
    assert "skill:hl7" in got(p, want), p.items


def test_a_content_line_is_not_a_heading(engine: Advisor) -> None:
    p = read(engine, "PACS Analyst\n\nPreferred\n- VNA\n\nExperience in a hospital setting\n- HL7")
    # a hospital setting is the healthcare-setting concept, not a heading
    assert got(p, "preferred") - {"skill:healthcare-setting"} == {"skill:vna", "skill:hl7"}


def test_duties_are_mentioned_not_required(engine: Advisor) -> None:
    p = read(engine, "PACS Analyst\n\nResponsibilities\n- Maintain the VNA\n\nRequirements\n- DICOM")
    assert got(p, "required") == {"skill:dicom"}
    assert got(p, "mentioned") == {"skill:vna"}


def test_unmapped_lines_are_kept(engine: Advisor) -> None:
    p = read(engine, "PACS Analyst\n\nRequirements\n- DICOM\n- Valid driver's licence and a sense of humour")
    assert [t for _, s, t in p.unmapped if s == "required"] == [
        "Valid driver's licence and a sense of humour"
    ]


@pytest.mark.parametrize(
    ("text", "on_call"),
    [
        ("Participates in the 24/7 on-call rotation", True),
        ("This position does not take call", False),
        ("Schedule: days, M-F. No call.", False),
        ("Days, Monday to Friday", None),
    ],
)
def test_on_call(engine: Advisor, text: str, on_call: bool | None) -> None:
    assert read(engine, f"PACS Administrator\n\nRequirements\n- DICOM\n\n{text}").on_call is on_call


def test_fixture_files_are_pairs() -> None:
    for folder in SETS:
        for path in folder.glob("*.json"):
            assert path.with_suffix(".txt").exists(), path
            assert {"required", "preferred"} <= set(json.loads(path.read_text("utf-8")))


def test_a_clinical_title_with_pacs_requirements_is_in_scope(engine: Advisor) -> None:
    text = "Radiologic Technologist - PACS\n\nRequirements\n- DICOM, HL7 and PACS administration\n- ARRT (R)"
    p = read(engine, text)
    assert p.in_scope and p.role is not None
    assert engine.graph.nodes[p.role].get("track") == "imaging-informatics"


def test_a_clinical_posting_is_out_of_scope(engine: Advisor) -> None:
    p = read(
        engine, "Radiologic Technologist\n\nRequirements\n- ARRT (R)\n- BLS\n- Two years of x-ray experience"
    )
    assert (p.in_scope, p.role) == (False, "radiologic-technologist")


def test_an_unknown_title_gets_the_role_its_requirements_fit(engine: Advisor) -> None:
    text = "Imaging Informatics Specialist\n\nRequirements\n- HL7 interfaces and DICOM\n- Mirth\n- CIIP"
    p = read(engine, text)
    assert p.in_scope and p.role in ("integration-analyst", "pacs-analyst", "pacs-administrator")


@pytest.mark.parametrize("bullet", ["-", "*", "•", "▪", "o", "\uf0b7", "1.", "2)", "➤", "–"])
def test_bullets_of_any_kind(engine: Advisor, bullet: str) -> None:
    p = read(engine, f"PACS Analyst\n\nRequirements\n{bullet} Knowledge of HL7\n{bullet} SQL")
    assert got(p, "required") == {"skill:hl7", "skill:sql"}


NAUGHTY = [
    "\x00\x01\x02",
    "\ufeff" + "Requirements:\n" * 3,
    "<script>alert(1)</script>" * 50,
    "%s %d {0} {profile}\n" * 20,
    "\x1b[31mREQUIRED\x1b[0m\n- DICOM\n" * 10,
    "a" * 150_000,
    "\n" * 2_000,
    "Required: " + "HL7, " * 5_000,
    "ÅÄÖ ñ 漢字 العربية\n" * 30,
    "3-4-5-6 years years years\n" * 40,
]


@pytest.mark.parametrize("text", NAUGHTY, ids=range(len(NAUGHTY)))
def test_odd_text_never_raises(engine: Advisor, text: str) -> None:
    p = read(engine, text)
    assert all(i.status in STRENGTH and i.type in ITEM_KINDS for i in p.items)
    assert all(i.id in engine.graph.nodes for i in p.items if i.type in ("skill", "certification"))
    assert "\x1b" not in "".join(i.text for i in p.items) + p.title


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=600).map(lambda t: t.replace("\r", "\n")))
def test_any_text_is_read_or_refused_in_one_line(engine: Advisor, text: str) -> None:
    p = read(engine, text)
    if p.problem:  # refused: one line, and nothing extracted
        assert "\n" not in p.problem and not p.items and p.role is None
    else:
        assert p.items or p.role


@pytest.mark.parametrize(
    ("line", "years"),
    [
        ("- 18 months of PACS support experience required", 1.5),
        ("- Six months experience in a help desk role required", 0.5),
        ("- 24-month minimum of imaging IT experience", 2),
        ("- PACS administration: 2 years (Required)", 2),
        ("- Two-plus years of SQL experience", 2),
    ],
)
def test_years_of_experience_in_months_and_indeed_form(engine: Advisor, line: str, years: float) -> None:
    p = read(engine, f"PACS Administrator\n\nRequirements\n{line}")
    assert [i.years for i in p.items if i.type == "experience"] == [years]


@pytest.mark.parametrize(
    "line",
    [
        "- Completion of a training course of at least 24 months in radiologic technology required",
        "- This is a 6-month contract; required to start in May",
        "- A 4-year degree in IT is required",
    ],
)
def test_a_course_contract_or_degree_length_is_not_experience(engine: Advisor, line: str) -> None:
    p = read(engine, f"PACS Administrator\n\nRequirements\n{line}")
    assert [i for i in p.items if i.type == "experience"] == []


def test_the_area_of_an_indeed_experience_line_is_not_a_skill(engine: Advisor) -> None:
    p = read(engine, "PACS Administrator\n\nExperience:\n- HL7 interfaces: 1 year (Preferred)")
    assert got(p, "preferred") == {"experience:1"}
    assert [i.area for i in p.items] == ["HL7 interfaces"]


def test_progressive_experience_in_an_area_is_not_a_skill(engine: Advisor) -> None:
    p = read(
        engine, "PACS Manager\n\nRequirements\n- 7 years of progressive experience in imaging informatics"
    )
    assert got(p, "required") == {"experience:7"}


@pytest.mark.parametrize(
    ("title", "line", "asked"),
    [
        ("PACS Manager", "- Experience of a PACS procurement project", False),
        ("PACS Analyst", "- Experience supporting the PACS team in a hospital required", False),
        ("PACS Manager", "- Experience of PACS procurement or replacement projects", False),
        ("PACS Manager", "- Duties of the PACS and other medical systems are required", False),
        ("PACS Analyst", "- Experience supporting PACS/RIS in a hospital required", True),
        ("PACS Analyst", "- Exposure to PACS, RIS or a modality worklist", True),
        ("PACS Manager", "- Experience of dealing with Radiology PACS and RIS systems", True),
        ("PACS Analyst", "- Experience with a PACS and image lifecycle management", True),
        ("PACS Analyst", "- Hands-on experience with PACS", True),
        ("PACS Analyst", "- Experience with Sectra, GE or Fuji PACS", True),
        ("PACS Analyst", "- Working knowledge of PACS required", True),
        ("PACS Analyst", "- PACS (Required)", True),
        ("Integration Analyst", "- Experience with PACS integrations required", True),
    ],
)
def test_the_field_the_title_names_is_an_item_only_when_asked_for_as_such(
    engine: Advisor, title: str, line: str, asked: bool
) -> None:
    """'PACS' in a PACS job's sentence is context; 'knowledge of PACS' asks for it, and so
    does a list of items ('PACS and RIS') or 'experience with PACS' (not 'PACS projects')."""
    p = read(engine, f"{title}\n\nQualifications\n{line}")
    assert ("skill:pacs" in got(p, "required") | got(p, "preferred")) is asked


def test_both_degrees_of_an_or_are_items_with_the_field(engine: Advisor) -> None:
    p = read(
        engine, "PACS Analyst\n\nRequirements\n- Associate's or bachelor's degree in information technology"
    )
    assert [(i.id, i.field) for i in p.items if i.type == "degree"] == [
        ("associate", "information technology"),
        ("bachelor", "information technology"),
    ]


def test_a_degree_level_again_at_a_weaker_status_for_another_field(engine: Advisor) -> None:
    text = (
        "Imaging Director\n\nQualifications\n- Master's degree in health informatics required; MBA preferred"
    )
    p = read(engine, text)
    assert got(p, "required") >= {"degree:master"} and "degree:master" in got(p, "preferred")


@pytest.mark.parametrize(
    ("sentence", "on_call"),
    [
        ("This role does not carry a regular on-call assignment.", False),
        ("You will never be on call.", False),
        ("Shares a one-week-in-five on-call rotation.", True),
        ("Monday to Friday, 8 to 5.", None),
    ],
)
def test_on_call_with_a_negation_before_it(engine: Advisor, sentence: str, on_call: bool | None) -> None:
    assert read(engine, f"PACS Analyst\n\nRequirements\n- DICOM\n\n{sentence}").on_call is on_call


def test_of_which_years_in_a_leadership_role(engine: Advisor) -> None:
    line = "- Ten years of experience in imaging IT, of which at least five were in a leadership role"
    assert got(read(engine, f"Imaging Director\n\nRequirements\n{line}"), "required") == {
        "experience:10",
        "experience:5",
    }


def test_headings_with_an_aside_or_a_known_ending(engine: Advisor) -> None:
    text = (
        "PACS Consultant\n\nWhat the consultant will do\n* Test HL7 and DICOM connections\n\n"
        "MUST HAVES (please read):\n* Working knowledge of VNA\n\nNICE TO HAVES:\n* CIIP"
    )
    p = read(engine, text)
    assert got(p, "required") == {"skill:vna"} and got(p, "preferred") == {"certification:ciip"}
    assert {i.id for i in p.of("mentioned")} >= {"hl7", "dicom"}


def test_an_inline_label_covers_only_its_paragraph(engine: Advisor) -> None:
    text = "PACS Analyst\n\nRequirements\n- DICOM\nLocation: Remote\n\n- Knowledge of HL7 required"
    assert got(read(engine, text), "required") == {"skill:dicom", "skill:hl7"}


def test_examples_of_experience_are_not_requirements(engine: Advisor) -> None:
    text = (
        "PACS Administrator\n\nQualifications\n- One year of specialized experience. Examples of "
        "specialized experience include: administering DICOM connectivity; maintaining Linux "
        "servers. Knowledge of HL7 required."
    )
    p = read(engine, text)
    assert got(p, "required") == {"experience:1", "skill:hl7"}
    assert {i.id for i in p.of("mentioned")} == {"dicom", "linux"}


def test_a_phrase_that_only_contains_a_skill_name_is_not_the_skill(engine: Advisor) -> None:
    text = "PACS Administrator\n\nRequirements\n- Subject to a background security investigation\n- DICOM"
    assert got(read(engine, text), "required") == {"skill:dicom"}


def test_a_posting_term_is_not_respelled_as_a_heading_word(engine: Advisor) -> None:
    text = "PACS Administrator\n\nRequirements\n- Current RN license in the State of Minnesota"
    assert got(read(engine, text), "required") == {"certification:rn-license"}


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Cardiology PACS Administrator", "cardiology-pacs-administrator"),
        ("Cardiovascular PACS Administrator - Nights", "cardiology-pacs-administrator"),
        ("Sr. Cardiac PACS Admin", "cardiology-pacs-administrator"),
        ("Cardiology PACS Analyst II", "cardiology-pacs-analyst"),
        ("Imaging Informatics Analyst", "pacs-analyst"),
        ("PACS Technologist", "pacs-administrator"),
        ("Radiology Information Systems Analyst (Epic Radiant)", "ris-analyst"),
        ("Junior PACS Analyst", "junior-pacs-analyst"),
    ],
)
def test_the_most_specific_title_wins(engine: Advisor, title: str, role: str) -> None:
    """A specific title beats the generic one inside it; title words ('cardiovascular',
    'admin') are read as the role names spell them."""
    p = read(engine, f"{title}\nSome Hospital\n\nRequirements\n- Knowledge of DICOM required")
    assert (p.role, p.in_scope) == (role, True)


def test_title_aliases_must_name_roles(engine: Advisor) -> None:
    raw = {"phrases": {}, "scope_ids": [], "title_aliases": {"dicom": ["dicom person"]}}
    problems = check(raw, {n.id: n.type for n in engine.graph.nodes.values()})
    assert [p.line() for p in problems] == [
        "intents/posting.json: $.title_aliases.dicom: 'dicom' is not a role (hint: use a role id)"
    ]


def test_structure_words_fix_typos_not_other_words(engine: Advisor) -> None:
    typos = ["requirments", "prefered", "skils", "interfaces", "computer", "license", "references"]
    assert engine.posting.fix(typos) == [
        "requirements",
        "preferred",
        "skills",
        "interfaces",
        "computer",
        "license",
        "references",
    ]


def test_a_possessive_years_area_reads_cleanly(engine: Advisor) -> None:
    p = read(engine, "PACS Administrator\n\nRequirements\n- 3+ yrs' experience supporting PACS in a hospital")
    assert [(i.status, i.years, i.area) for i in p.items] == [
        ("required", 3, "supporting PACS in a hospital")
    ]


def test_a_requirement_stated_in_a_duty_section_counts(engine: Advisor) -> None:
    text = (
        "PACS Analyst\n\nJob overview\nYou will support PACS. Knowledge of DICOM is essential. "
        "Participation in the on-call rota is required."
    )
    p = read(engine, text)
    assert got(p, "required") == {"skill:dicom"} and p.on_call is True


def test_a_degree_field_is_named_near_the_degree(engine: Advisor) -> None:
    line = "- A degree in a scientific discipline and at least 2 years working in a busy radiology department"
    p = read(engine, f"PACS Analyst\n\nThe ideal candidate\n{line}")
    assert [(i.id, i.field) for i in p.items if i.type == "degree"] == [("bachelor", "")]


def test_emoji_decorate_headings_and_mark_bullets(engine: Advisor) -> None:
    text = "PACS Administrator\n\n👉 What you'll need\n✅ HL7 + DICOM\n✅ CIIP\n\n⭐ Bonus\n➕ Mirth"
    p = read(engine, text)
    assert got(p, "required") == {"skill:hl7", "skill:dicom", "certification:ciip"}
    assert got(p, "preferred") == {"skill:interface-engines"}


def test_the_title_is_not_looked_for_in_the_body(engine: Advisor) -> None:
    text = (
        "Cardiovascular Imaging Systems Specialist\nDepartment: Heart Institute\n\nQualifications:\n"
        "- Registered Cardiac Sonographer (RDCS) preferred\n- Knowledge of DICOM and HL7 required"
    )
    p = read(engine, text)
    assert (p.title, p.role) == ("Cardiovascular Imaging Systems Specialist", "cardiology-pacs-administrator")


def test_a_clinical_posting_that_names_pacs_knowledge_stays_out_of_scope(engine: Advisor) -> None:
    text = (
        "Diagnostic Medical Sonographer\n\nQualifications\n- RDMS required\n"
        "- Familiarity with PACS, DICOM and modality worklists"
    )
    p = read(engine, text)
    assert (p.role, p.in_scope) == ("sonographer", False)


def test_a_skill_in_the_title_is_still_asked_for(engine: Advisor) -> None:
    text = "HL7 Integration Analyst\n\nRequirements\n- Experience building HL7 interfaces required"
    assert got(read(engine, text), "required") == {"skill:hl7"}


@pytest.mark.parametrize(
    ("line", "required", "preferred"),
    [
        (
            "- Minimum 3 years supporting radiology systems (5+ years preferred)",
            {"experience:3"},
            {"experience:5"},
        ),
        ("- Strong SQL skills (Crystal Reports or SSRS is a bonus)", {"skill:sql"}, set()),
        ("- CIIP or CPAS certification (Preferred)", set(), {"certification:ciip", "certification:cpas"}),
        (
            "- ADN required, BSN preferred (BSN required within 5 years)",
            {"degree:associate"},
            {"degree:bachelor"},
        ),
    ],
)
def test_an_aside_with_its_own_cue_is_its_own_piece(
    engine: Advisor, line: str, required: set[str], preferred: set[str]
) -> None:
    p = read(engine, f"PACS Analyst\n\nQualifications\n{line}")
    assert (got(p, "required"), got(p, "preferred")) == (required, preferred)


@pytest.mark.parametrize(
    ("intro", "status"),
    [
        ("You'll be a great fit if you have:", "required"),
        ("It would be a big plus if you also bring some of the following:", "preferred"),
        ("In this role you will spend most of your week on the following:", None),
    ],
)
def test_a_sentence_that_introduces_a_list_is_its_heading(
    engine: Advisor, intro: str, status: str | None
) -> None:
    """A long line ending in ':' is a heading when a cue or a known heading ends it."""
    p = read(engine, f"PACS Analyst\n\nThe role\nSupport the PACS.\n\n{intro}\n- knowledge of HL7\n- SQL")
    want = {"skill:hl7", "skill:sql"}
    assert (got(p, status) if status else got(p, "mentioned")) >= want


def test_a_term_is_cut_where_the_next_term_reaches_further(engine: Advisor) -> None:
    """'ARRT R.T.(R)': 'ARRT' + 'R.T.(R)' (both the certification), not the role
    'ARRT R.T.' and a stray 'R'."""
    p = read(engine, "PACS Consultant\n\nIt's a plus if you have a CIIP, an ARRT R.T.(R), or SQL skills.")
    assert got(p, "preferred") == {"certification:ciip", "certification:arrt-r", "skill:sql"}


def test_a_term_after_a_degree_s_in_is_its_field_not_a_skill(engine: Advisor) -> None:
    p = read(
        engine,
        "PACS Manager\n\nDesirable\n- Master's degree or post-graduate qualification in imaging informatics",
    )
    assert got(p, "preferred") == {"degree:master"}
    assert [i.field for i in p.items] == ["imaging informatics"]
    p = read(engine, "PACS Manager\n\nRequired\n- Bachelor's degree and experience in imaging informatics")
    assert "skill:imaging-informatics" in got(p, "required")


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("Experience of HL7 integration with the EPR", "skill:ehr"),
        ("ARRT advanced certification in CT or MR", "certification:arrt-postprimary"),
        ("Certified in MRI by the ARRT", "certification:arrt-postprimary"),
        ("Working knowledge of cath lab workflows", "skill:clinical-workflow"),
        ("Reading DICOM headers", "skill:dicom"),
    ],
)
def test_real_world_synonyms_and_plurals(engine: Advisor, line: str, item: str) -> None:
    assert item in got(read(engine, f"PACS Manager\n\nRequirements\n- {line}"), "required")


def test_a_full_stop_after_an_abbreviation_ends_no_sentence(engine: Advisor) -> None:
    p = read(engine, "PACS Analyst\n\nA B.S. Computer Science degree or Comp. Sci. Diploma preferred.")
    assert got(p, "preferred") == {"degree:bachelor"}


def test_a_list_under_qualifications_we_look_for_is_required(engine: Advisor) -> None:
    p = read(
        engine,
        "PACS Analyst\n\nQualifications we look for\n- Bachelor's degree\n\nAdditional Information\n- HL7",
    )
    assert got(p, "required") == {"degree:bachelor"}
    assert got(p, "mentioned") == {"skill:hl7"}


def test_you_should_know_states_a_requirement_outside_a_section(engine: Advisor) -> None:
    p = read(engine, "Senior PACS Engineer\nYou should know DICOM and HL7 inside out. We use Linux.")
    assert got(p, "required") == {"skill:dicom", "skill:hl7"}


def test_the_area_of_years_ends_where_the_next_years_start(engine: Advisor) -> None:
    p = read(engine, "PACS Analyst\n\nMust Have:\n- 2 yrs in radiology or 4 yrs in hospital IT")
    assert [(i.years, i.area) for i in p.items] == [(2, "radiology"), (4, "hospital IT")]


def test_three_or_more_years_is_three_years(engine: Advisor) -> None:
    p = read(engine, "PACS Analyst\n\nRequirements\n- Three (3) or more years of experience supporting PACS")
    assert got(p, "required") == {"experience:3"}


def test_degrees_with_their_own_years_joined_by_or(engine: Advisor) -> None:
    p = read(
        engine,
        "PACS Analyst\n\nRequirements\n- High School Diploma/GED with 5 years experience OR Associates"
        " with 3 years experience OR Bachelors with 1 year experience in healthcare IT",
    )
    assert got(p, "required") == {
        "experience:5",
        "experience:3",
        "experience:1",
        "degree:high-school",
        "degree:associate",
        "degree:bachelor",
    }


@pytest.mark.parametrize("heading", ["Key Qualifications", "Technical Skills", "Additional Requirements"])
def test_a_heading_read_by_its_known_end(engine: Advisor, heading: str) -> None:
    p = read(engine, f"PACS Analyst\n\n{heading}\n- Able to write SQL queries\n- Linux")
    assert got(p, "required") == {"skill:sql", "skill:linux"}


def test_a_line_naming_a_certification_is_no_heading(engine: Advisor) -> None:
    p = read(engine, "RIS Analyst\n\nPreferred Qualifications\n- Epic Radiant certification\n- SQL")
    assert got(p, "preferred") == {"skill:sql"}


def test_years_with_a_typo_and_an_area_cut_at_the_comma(engine: Advisor) -> None:
    p = read(
        engine,
        "PACS Analyst\n\nExperience:\n- 3-5 years' experience in a healthcare IT environment, with at"
        " least 2 yeras supporting PACS",
    )
    assert [(i.years, i.area) for i in p.items] == [
        (3, "a healthcare IT environment"),
        (2, "supporting PACS"),
    ]


@pytest.mark.parametrize(
    ("line", "on_call"),
    [
        ("On call: No", False),
        ("On-call: not required", False),
        ("On call: yes, one week in six", True),
        ("Takes call one weekend a month.", True),
        ("Participates in the on call rotation, not including holidays.", True),
    ],
)
def test_an_on_call_label_s_answer(engine: Advisor, line: str, on_call: bool) -> None:
    assert read(engine, f"PACS Administrator\n\nRequirements\n- DICOM\n\n{line}").on_call is on_call


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("PACS ANALYST - CARDIOLOGY", "cardiology-pacs-analyst"),
        ("PACS Administrator - Cardiovascular Imaging", "cardiology-pacs-administrator"),
        ("Radiologic Technologist - PACS Administrator", "pacs-administrator"),
    ],
)
def test_a_title_s_most_specific_role_wins(engine: Advisor, title: str, role: str) -> None:
    assert read(engine, f"{title}\n\nRequirements\n- DICOM").role == role


def test_plus_before_a_number_is_no_cue(engine: Advisor) -> None:
    p = read(engine, "PACS Analyst\n\nRequirements\n- An associate's degree plus two years of work in IT")
    assert got(p, "required") == {"degree:associate", "experience:2"}


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("ARRT (R)(CT) registration required", {"certification:arrt-r", "certification:arrt-postprimary"}),
        ("RT(R)(MR) required", {"certification:arrt-r", "certification:arrt-postprimary"}),
        ("ARRT (R) required", {"certification:arrt-r"}),
    ],
)
def test_a_credential_s_suffixes_add_credentials(engine: Advisor, line: str, want: set[str]) -> None:
    assert got(read(engine, f"PACS Administrator\n\nReqs:\n- {line}"), "required") == want


def test_a_credential_suffix_of_an_unknown_id_is_reported() -> None:
    raw = {"phrases": {}, "scope_ids": [], "credential_suffixes": {"arrt-r": {"ct": "no-such-cert"}}}
    (problem,) = check(raw, {"arrt-r": "certification"})
    assert problem.path == "$.credential_suffixes.arrt-r" and "no-such-cert" in problem.message
