"""Career path and next-step answers, and the plan as Markdown."""

from __future__ import annotations

from advisor.answers.common import Answer, Ask, listing
from advisor.answers.planner import plan_path
from advisor.answers.steps import Plan, Step
from advisor.knowledge.graph import Graph
from advisor.state import Profile
from advisor.text import count

MARK = {"done": "✓", "todo": "○"}


def wrap(text: str, indent: str = "  ", first: str | None = None) -> list[str]:
    """One logical line, indented; the terminal layout wraps it to the real width with a
    hanging indent (advisor/terminal/layout.py). Wrapping here as well would wrap twice:
    a line cut at 80 columns and cut again at 79 leaves one word alone on a line."""
    head = indent if first is None else first
    return [head + " ".join(text.split())]


def _sentence(text: str) -> str:
    return text if text.endswith((".", "”", "!", "?", "…")) else text + "."


def _step_lines(number: int, step: Step, seen: dict[str, int]) -> list[str]:
    """The step, its level and sourced duration; its reason unless an earlier step gave it."""
    lines = [f"  {number}. {MARK[step.status]} {step.name}  [{step.level}]"]
    if step.duration:
        lines += wrap(f"Time: {step.duration}.", "       ")
    if step.status == "todo":
        if step.why in seen:
            lines += wrap(f"Why: the same reason as step {seen[step.why]}.", "       ")
        else:
            seen[step.why] = number
            lines += wrap(f"Why: {_sentence(step.why)}", "       ")
    return lines


def describe_plan(graph: Graph, plan: Plan, profile: Profile) -> Answer:
    out = Answer(steps=plan.steps)
    goal = graph.name(plan.goal)
    if not plan.steps:
        out.add(f"My sources list no requirements for {goal}: it is a job people come from.")
        out.add(f"Ask for your path to one of: {listing([r.name for r in graph.career_roles()[:5]])}.")
        return out
    done = [s for s in plan.steps if s.status == "done"]
    out.add(f"Your path to {goal} ({len(done)} of {count(len(plan.steps), 'step')} done):")
    seen: dict[str, int] = {}
    for number, step in enumerate(plan.steps, 1):
        for line in _step_lines(number, step, seen):
            out.add(line)
        out.cite(step.source, step.duration_source)
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


def goal_plan(ask: Ask) -> tuple[str, Plan] | None:
    """The role a path answer is about (one named in the question, else the user's goal) and
    the user's plan toward it; None when there is neither (the answer then asks for a goal)."""
    goal = ask.role or ask.state.profile.goal
    return None if goal is None else (goal, plan_path(ask.graph, ask.state.profile, goal))


def career_path(ask: Ask) -> Answer:
    found = goal_plan(ask)
    if found is None:
        return ask_goal(ask)
    return describe_plan(ask.graph, found[1], ask.state.profile)


def next_step(ask: Ask) -> Answer:
    found = goal_plan(ask)
    if found is None:
        return ask_goal(ask)
    goal, plan = found
    todo = plan.todo()
    out = Answer(steps=plan.steps)
    name = ask.graph.name(goal)
    if not todo:
        out.add(f"You meet everything my sources list for {name}. Ask where it leads next.")
        return out
    shown = _after_the_last(ask, todo)
    if shown is None:
        out.focus = todo[-1].id  # "and after that?" again still finds the end
        out.add(f"{todo[-1].name} was the last step toward {name} that my sources list.")
        out.add("After it you meet everything they ask for; ask where the role leads next.")
        return out
    best = todo[shown]
    out.focus = best.id
    lead = "After that, the next step" if shown else "Next step"
    out.add(f"{lead} toward {name}: {best.name}.")
    for line in wrap(f"Why: {_sentence(best.why)}"):
        out.add(line)
    if best.duration:
        for line in wrap(f"Time: {best.duration}."):
            out.add(line)
    out.cite(best.source, best.duration_source)
    for route in plan.routes:
        if (
            any(o in best.name for o in route.options[route.chosen : route.chosen + 1])
            or route.options[route.chosen] in best.name
        ):
            others = [o for i, o in enumerate(route.options) if i != route.chosen]
            out.add(f"  Recommended over {listing(others)}: {route.reason}.")
    if len(todo) > shown + 1:
        out.add("Then:")
        for step in todo[shown + 1 : shown + 3]:
            out.add(f"  • {step.name}  [{step.level}]")
            out.cite(step.source)
    if not ask.state.profile.has_background():
        out.add("Tell me about your background and I'll skip what you already have.")
    return out


def _after_the_last(ask: Ask, todo: list[Step]) -> int | None:
    """'and after that?', 'what else?' right after a next step: the step after the one just
    put forward (the context remembers it); None past the last one; else (nothing put
    forward, or it is done now) the first step still to do."""
    ctx = ask.state.context
    if ctx.intent != "next_step" or not ask.continues:
        return 0
    ids = [step.id for step in todo]
    if ctx.step not in ids:  # done since ("I finished that"): the first step still to do
        return 0
    at = ids.index(ctx.step) + 1
    return at if at < len(todo) else None


def ask_goal(ask: Ask) -> Answer:
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
        time = f" (time: {step.duration})" if step.duration else ""
        note = f" [{number[step.source]}]" if step.source in number else ""
        lines.append(f"- [{box}] **{step.name}**{time} — {step.level}: {step.why}{note}")
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
