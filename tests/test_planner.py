"""Path planner: alternatives, prerequisites first, what the profile covers."""

from __future__ import annotations

from typing import Any

from advisor import Advisor
from advisor.answers.planner import plan_path
from advisor.state import Profile


def _ids(plan: object) -> list[str]:
    return [s.id for s in plan.steps]  # type: ignore[attr-defined]


def test_prerequisites_come_before_what_builds_on_them(engine: Advisor) -> None:
    plan = plan_path(engine.graph, Profile(), "ris-analyst")
    order = _ids(plan)
    assert order.index("skill:it-fundamentals") < order.index("skill:networking") < order.index("skill:hl7")
    assert order.index("skill:networking") < order.index("skill:dicom")


def test_cpsm_route_lists_its_foundations_first(engine: Advisor) -> None:
    profile = Profile(years=6, current_role="pacs-administrator", certifications=["cpsa"])
    plan = plan_path(engine.graph, profile, "pacs-manager")
    route = next(r for r in plan.routes if "manager-level" in r.label)
    assert route.options[route.chosen].startswith("ABII's CIIP")  # one certificate, not CPIA + CPSM
    assert "fewer steps (1 instead of 2)" in route.reason


def test_experience_gated_certificate_waits_for_the_work(engine: Advisor) -> None:
    plan = plan_path(engine.graph, Profile(), "pacs-manager")
    order = _ids(plan)
    assert order.index("experience:pacs-administrator") < order.index("certification:ciip")
    route = next(r for r in plan.routes if "manager-level" in r.label)
    assert route.options[route.chosen].startswith("ABII's CIIP")


def test_new_graduate_gets_the_certificate_without_experience_rule(engine: Advisor) -> None:
    plan = plan_path(engine.graph, Profile(degree="bachelor"), "pacs-analyst")
    route = next(r for r in plan.routes if r.label == "Certification")
    assert "CPSA" in route.options[route.chosen]
    assert "experience you have not mentioned" in route.reason


def test_experienced_user_is_recommended_the_ciip(engine: Advisor) -> None:
    plan = plan_path(engine.graph, Profile(degree="bachelor", years=4), "pacs-analyst")
    route = next(r for r in plan.routes if r.label == "Certification")
    assert "CIIP" in route.options[route.chosen]


def test_years_replace_the_degree_only_where_the_source_says_so(engine: Advisor) -> None:
    cardio = plan_path(engine.graph, Profile(years=6, degree="none"), "cardiology-pacs-analyst")
    assert all(s.kind != "earn" for s in cardio.todo())
    admin = plan_path(engine.graph, Profile(years=6, degree="none"), "pacs-administrator")
    assert any(s.id == "degree:bachelor" and s.status == "todo" for s in admin.steps)


def test_background_role_provides_skills(engine: Advisor) -> None:
    plan = plan_path(engine.graph, Profile(current_role="it-support"), "pacs-analyst")
    status = {s.id: s.status for s in plan.steps}
    assert status.get("skill:networking") in (None, "done")
    assert status["skill:dicom"] == "todo"


def test_director_path_goes_through_administrator_and_manager(engine: Advisor) -> None:
    order = _ids(plan_path(engine.graph, Profile(), "imaging-director"))
    assert order.index("experience:pacs-administrator") < order.index("experience:pacs-manager")


# --- issue 10: what backgrounds, certificates and degrees cover; order; reasons; time ----


def _status(engine: Advisor, profile: Profile, goal: str) -> dict[str, str]:
    return {s.id: s.status for s in plan_path(engine.graph, profile, goal).steps}


def test_certificates_and_degree_fields_cover_skills(engine: Advisor) -> None:
    goal = "pacs-administrator"
    assert (
        _status(engine, Profile(certifications=["comptia-a-plus"]), goal)["skill:it-fundamentals"] == "done"
    )
    stated = Profile(degree="bachelor", degree_field="information systems")
    assert _status(engine, stated, goal)["skill:it-fundamentals"] == "done"
    # a field of study without a degree covers nothing
    assert (
        _status(engine, Profile(degree="none", degree_field="computer science"), goal)[
            "skill:it-fundamentals"
        ]
        == "todo"
    )
    assert (
        _status(engine, Profile(certifications=["network-plus"]), "pacs-analyst")["skill:networking"]
        == "done"
    )


def test_work_in_a_hospital_is_healthcare_experience(engine: Advisor) -> None:
    hospital = Profile(current_role="it-support", skills=["healthcare-setting"])
    assert _status(engine, hospital, "pacs-analyst")["experience:healthcare"] == "done"
    elsewhere = Profile(current_role="it-support")
    assert _status(engine, elsewhere, "pacs-analyst")["experience:healthcare"] == "todo"
    nurse = Profile(current_role="registered-nurse")
    assert _status(engine, nurse, "pacs-analyst")["experience:healthcare"] == "done"


PROFILES = [
    Profile(),
    Profile(current_role="radiologic-technologist", years=3),
    Profile(current_role="it-support", skills=["healthcare-setting"]),
    Profile(degree="bachelor", years=4),
    Profile(current_role="registered-nurse", degree="bachelor", degree_field="nursing"),
]


def test_required_comes_before_preferred_before_plus(engine: Advisor) -> None:
    """A less important step comes first only when a step at least as important as the one
    after it needs it (an earlier role's requirements before the years in that role)."""
    rank = {"required": 0, "preferred": 1, "plus": 2}
    for role in engine.graph.career_roles():
        for profile in PROFILES:
            todo = plan_path(engine.graph, profile, role.id).todo()
            by_id = {s.id: s for s in todo}

            def needs(step_id: str, seen: set[str], by_id: dict[str, Any] = by_id) -> set[str]:
                for dep in by_id[step_id].after if step_id in by_id else ():
                    if dep not in seen:
                        seen.add(dep)
                        needs(dep, seen)
                return seen

            for i, early in enumerate(todo):
                for late in todo[i + 1 :]:
                    if rank[early.level] > rank[late.level]:
                        important = [s for s in todo if rank[s.level] <= rank[late.level]]
                        assert any(early.id in needs(s.id, set()) for s in important), (
                            role.id,
                            early.id,
                            late.id,
                        )


def test_each_side_gets_what_it_lacks_first(engine: Advisor) -> None:
    rad_tech = [s.id for s in plan_path(engine.graph, PROFILES[1], "pacs-administrator").todo()]
    assert rad_tech.index("skill:dicom") < rad_tech.index("skill:sql")
    assert rad_tech.index("skill:hl7") < rad_tech.index("skill:windows-server")
    help_desk = [s.id for s in plan_path(engine.graph, PROFILES[2], "pacs-analyst").todo()]
    assert help_desk[0] == "skill:clinical-workflow"


def test_reasons_say_more_than_the_step_name(engine: Advisor) -> None:
    for role in engine.graph.career_roles():
        for step in plan_path(engine.graph, Profile(), role.id).steps:
            assert ", for " not in step.why and "(required" not in step.why, (role.id, step.why)
            assert step.why.lower() != step.name.lower()


def test_durations_come_from_the_sources(engine: Advisor) -> None:
    steps = {s.id: s for s in plan_path(engine.graph, Profile(), "pacs-manager").steps}
    assert steps["certification:ciip"].months == 24
    assert steps["certification:ciip"].duration_source == "abii-seven-point"
    assert steps["experience:pacs-administrator"].months == 60
    admin = {s.id: s for s in plan_path(engine.graph, Profile(), "pacs-administrator").steps}
    assert admin["skill:vendor-training"].days == 10
    assert admin["skill:sql"].duration == ""  # no source gives a time: none is invented
