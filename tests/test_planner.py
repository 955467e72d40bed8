"""Path planner: alternatives, prerequisites first, what the profile covers."""

from __future__ import annotations

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
