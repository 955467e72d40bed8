"""Career path and next-step answers, and the plan as Markdown."""

from __future__ import annotations

from advisor.answers.common import Answer, Ask, listing
from advisor.answers.planner import Plan, Step, plan_path
from advisor.knowledge.graph import Graph
from advisor.state import Profile

MARK = {"done": "✓", "todo": "○"}


def _step_line(number: int, step: Step) -> str:
    effort = f" — about {step.effort}" if step.effort else ""
    return f"  {number}. {MARK[step.status]} {step.name}{effort}  [{step.level}: {step.why}]"


def describe_plan(graph: Graph, plan: Plan, profile: Profile) -> Answer:
    out = Answer(steps=plan.steps)
    goal = graph.name(plan.goal)
    done = [s for s in plan.steps if s.status == "done"]
    out.add(f"Your path to {goal} ({len(done)} of {len(plan.steps)} steps done):")
    for number, step in enumerate(plan.steps, 1):
        out.add(_step_line(number, step))
        out.cite(step.source)
    for route in plan.routes:
        out.add(f"Choice — {route.label}:")
        for index, option in enumerate(route.options):
            tag = " (recommended)" if index == route.chosen else ""
            out.add(f"    {chr(65 + index)}. {option}{tag}")
        if route.reason:
            out.add(f"    Why: {route.reason}.")
    if plan.traits:
        out.add(f"Employers also look for: {listing(plan.traits)}.")
    if "relevant" in plan.assumptions:
        out.add("I counted your years of experience as relevant work (imaging, IT or healthcare).")
    if not profile.has_background():
        out.add(
            "Tell me what you already have (degree, job, years, skills, certifications) and "
            "I'll mark those steps done."
        )
    if not plan.todo():
        out.add(f"You meet everything the sources list for {goal}.")
    return out


def career_path(ask: Ask) -> Answer:
    goal = ask.role or ask.state.profile.goal
    if goal is None:
        return _ask_goal(ask)
    plan = plan_path(ask.graph, ask.state.profile, goal)
    return describe_plan(ask.graph, plan, ask.state.profile)


def next_step(ask: Ask) -> Answer:
    profile = ask.state.profile
    goal = ask.role or profile.goal
    if goal is None:
        return _ask_goal(ask)
    plan = plan_path(ask.graph, profile, goal)
    todo = plan.todo()
    out = Answer(steps=plan.steps)
    name = ask.graph.name(goal)
    if not todo:
        out.add(f"You meet everything my sources list for {name}. Ask where it leads next.")
        return out
    best = todo[0]
    out.add(f"Next step toward {name}: {best.name}.")
    out.add(f"  Why: {best.why}.")
    out.cite(best.source)
    for route in plan.routes:
        if (
            any(o in best.name for o in route.options[route.chosen : route.chosen + 1])
            or route.options[route.chosen] in best.name
        ):
            others = [o for i, o in enumerate(route.options) if i != route.chosen]
            out.add(f"  Recommended over {listing(others)}: {route.reason}.")
    if len(todo) > 1:
        out.add("Then:")
        for step in todo[1:3]:
            out.add(f"  • {step.name}  [{step.level}]")
            out.cite(step.source)
    if not profile.has_background():
        out.add("Tell me about your background and I'll skip what you already have.")
    return out


def _ask_goal(ask: Ask) -> Answer:
    out = Answer()
    out.add(
        "Which role are you aiming for? For example: "
        + listing([r.name for r in ask.graph.career_roles()[:5]])
        + "."
    )
    if not ask.state.profile.has_background():
        out.add(
            'And tell me where you stand, e.g. "I\'m a rad tech with 3 years of experience" or '
            '"I have a bachelor\'s in computer science".'
        )
    return out


def plan_markdown(graph: Graph, profile: Profile, goal: str) -> str:
    """The plan as a Markdown document (for /export and `advisor path --markdown`)."""
    plan = plan_path(graph, profile, goal)
    lines = [f"# Path to {graph.name(goal)}", ""]
    used = [sid for sid in dict.fromkeys(s.source for s in plan.steps if s.source) if sid in graph.sources]
    number = {sid: n for n, sid in enumerate(used, 1)}  # numbered notes, not internal ids
    for step in plan.steps:
        box = "x" if step.status == "done" else " "
        effort = f" (about {step.effort})" if step.effort else ""
        note = f" [{number[step.source]}]" if step.source in number else ""
        lines.append(f"- [{box}] **{step.name}**{effort} — {step.level}: {step.why}{note}")
    for route in plan.routes:
        lines += [
            "",
            f"**Choice — {route.label}:** "
            + " / ".join(
                f"{o}{' (recommended)' if i == route.chosen else ''}" for i, o in enumerate(route.options)
            ),
        ]
        if route.reason:
            lines.append(f"Why: {route.reason}.")
    lines += ["", "## Sources", ""]
    lines += [f"- [{number[sid]}] {graph.sources[sid].cite()}" for sid in used]
    return "\n".join(lines) + "\n"
