"""Answer stage: one function per intent, from the understood request to text and sources."""

from __future__ import annotations

from collections.abc import Callable

from advisor.answers.common import Answer, Ask

from . import basic, certs, eligibility, needs, paths, pay, roles, timeline, work

ANSWERS: dict[str, Callable[[Ask], Answer]] = {
    "greeting": basic.greeting,
    "goodbye": basic.goodbye,
    "thanks": basic.thanks,
    "help": basic.help_,
    "out_of_scope": basic.out_of_scope,
    "profile_show": basic.profile_show,
    "list_roles": roles.list_roles,
    "role_overview": roles.role_overview,
    "role_requirements": needs.role_requirements,
    "career_progression": roles.career_progression,
    "compare_roles": roles.compare_roles,
    "salary": pay.salary,
    "best_locations": pay.best_locations,
    "certification_info": certs.certification_info,
    "certifications_for_role": certs.certifications_for_role,
    "study_resources": certs.study_resources,
    "concept_info": certs.concept_info,
    "ciip_eligibility": eligibility.ciip_eligibility,
    "work_conditions": work.work_conditions,
    "job_outlook": work.job_outlook,
    "career_path": paths.career_path,
    "next_step": paths.next_step,
    "timeline": timeline.timeline,
}

__all__ = ["ANSWERS", "Answer", "Ask"]
