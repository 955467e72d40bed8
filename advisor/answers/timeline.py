"""How long the user's path takes: the sourced durations of its steps, and what has none.

Work time is not added up: the same years of work count toward several steps (the CIIP's
24 months, a role's years), so the longest work step is the floor. Training days add up.
No study-hour figure is ever given: the sources have none (shared/DOMAIN.md).
"""

from __future__ import annotations

from advisor.answers.common import Answer, Ask, listing
from advisor.answers.paths import ask_goal, goal_plan, wrap
from advisor.answers.steps import Step
from advisor.config import UNTIMED_SHOWN
from advisor.text import count


def _span(months: float) -> str:
    """Months as years when whole, else months.

    >>> _span(24), _span(12), _span(18), _span(1)
    ('2 years', '1 year', '18 months', '1 month')
    """
    if months % 12 == 0:
        years = months / 12
        return count(years, "year")
    return count(months, "month")


def timeline(ask: Ask) -> Answer:
    found = goal_plan(ask)
    if found is None:
        return ask_goal(ask)
    goal, plan = found
    name = ask.graph.name(goal)
    out = Answer(steps=plan.steps)
    todo = plan.todo()
    if not todo:
        out.add(f"You meet everything my sources list for {name}: no steps left to time.")
        return out
    timed = [s for s in todo if s.duration]
    left = f"{count(len(todo), 'step')} to go"
    out.add(f"How long to {name}, from your path ({left}):")
    for step in timed:
        out.add(f"  • {step.name}:")
        out.lines += wrap(f"{step.duration}.", "    ")
        out.cite(step.duration_source)
    _totals(out, timed)
    _alternatives(ask, out, todo)
    untimed = [s.name for s in todo if not s.duration]
    if untimed:
        # the first few by name (the path's order), the rest counted: a timeline, not the path again
        shown = untimed[:UNTIMED_SHOWN]
        out.add(f"My sources give no time for {'these steps' if len(untimed) > 1 else 'this step'}:")
        out.lines += [f"  • {n}" for n in shown]
        if len(untimed) > len(shown):
            more = len(untimed) - len(shown)
            out.add(f'  … and {more} more ("show my path" lists them all).')
    if any(s.kind == "certify" for s in todo):
        out.add("None of my sources gives a credible study time for the exams, so I")
        out.add("won't guess one.")
    return out


def _totals(out: Answer, timed: list[Step]) -> None:
    work = [s.months for s in timed if s.months is not None]
    days = sum(s.days or 0 for s in timed)
    if work and max(work) > 0:
        text = (
            f"Work time: at least {_span(max(work))} from now; the same years of work count "
            "toward several steps, so I take the longest, not the sum."
        )
        out.lines += wrap(text, "  ", "")
    elif work:
        out.add("The work time my sources ask for may already be covered by your years.")
    if days:
        out.add(f"Training: up to {count(days, 'day')}.")


def _alternatives(ask: Ask, out: Answer, todo: list[Step]) -> None:
    shown: set[str] = set()
    ids = {s.id for s in todo}
    for step in todo:
        for span in ask.graph.durations.get(step.id, ()):
            if span["kind"] == "alternative" and span["id"] not in shown:
                shown.add(span["id"])
                names = listing([ask.graph.name(s.split(":", 1)[1]) for s in span["steps"] if s in ids])
                out.lines += wrap(f"Another way to learn {names}: {span['text']}.", "  ", "")
                out.cite(span["source"])
