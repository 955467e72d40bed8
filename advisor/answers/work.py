"""What the job is like (on call, hours, duties) and the job market (outlook, BLS pay anchors).

Facts come from knowledge/facts.json, each with its source; the topic asked about is found
by its cue words (data). A topic without facts says so, then gives the facts that bear on it.
"""

from __future__ import annotations

from advisor.answers.common import Answer, Ask, money, source_tag
from advisor.knowledge.graph import Fact, Graph, Topic


def _asked(ask: Ask, intent: str) -> list[Topic]:
    topics = [t for t in ask.graph.fact_topics if t.intent == intent]
    asked = [t for t in topics if ask.says(*t.cues)]
    return asked or [t for t in topics if t.id in ask.graph.facts_by_topic]


def _facts(out: Answer, graph: Graph, facts: tuple[Fact, ...]) -> None:
    for fact in facts:
        text = fact.text
        if fact.year and str(fact.year) not in text:
            text = f"{text.rstrip('.')} ({fact.year})."
        out.add(f"  • {text}  [{source_tag(graph, fact.source)}]")
        out.cite(fact.source)


def work_conditions(ask: Ask) -> Answer:
    """On call, hours, team size, day-to-day duties; remote work and stress have no facts."""
    graph, out = ask.graph, Answer()
    shown: set[str] = set()
    for topic in _asked(ask, "work_conditions"):
        facts = graph.facts_by_topic.get(topic.id, ())
        if facts:
            if topic.id not in shown:
                out.add(f"{topic.label[0].upper()}{topic.label[1:]}:")
                _facts(out, graph, facts)
                shown.add(topic.id)
            continue
        out.add(f"My sources say nothing about {topic.label} in PACS jobs.")
        for other in topic.see_also:
            near = graph.facts_by_topic.get(other, ())
            if near and other not in shown:
                label = next(t.label for t in graph.fact_topics if t.id == other)
                out.add(f"What they say about {label}:")
                _facts(out, graph, near)
                shown.add(other)
    out.add(ask.intent.reply("closing", ""))
    out.lines = [line for line in out.lines if line]
    return out


def job_outlook(ask: Ask) -> Answer:
    """Demand and outlook, and how PACS pay compares with BLS pay for nearby IT occupations."""
    graph, out = ask.graph, Answer()
    for topic in _asked(ask, "job_outlook"):
        facts = graph.facts_by_topic.get(topic.id, ())
        if topic.id == "pay-anchor":
            _pay_comparison(out, ask, facts)
        elif facts:
            out.add(f"{topic.label[0].upper()}{topic.label[1:]}:")
            _facts(out, graph, facts)
            out.add(ask.intent.reply("no_pacs_occupation", ""))
    out.lines = [line for line in out.lines if line]
    return out


def _pay_comparison(out: Answer, ask: Ask, anchors: tuple[Fact, ...]) -> None:
    graph = ask.graph
    out.add("PACS pay beside BLS pay for nearby occupations (BLS medians, with their year):")
    for anchor in anchors:
        tag = source_tag(graph, anchor.source)
        out.add(f"  • {anchor.text}  [{tag}]")
        out.cite(anchor.source)
        figures = [f for f in graph.pay_by_role.get(anchor.compare_role) if f.id in anchor.compare_facts]
        if not figures:
            continue
        who = graph.name(anchor.compare_role) if anchor.compare_role else "all PACS professionals"
        shown = " to ".join(
            f"{f.qualifier + ' ' if f.qualifier else ''}{money(f.amount or 0)}" for f in figures
        )
        label = graph.pay_kinds.get(figures[0].kind, figures[0].kind)
        if len(figures) == 2:
            label = "average range"
        line = f"    vs {who}: {label} {shown}  [{source_tag(graph, figures[0].source)}]"
        if len(figures) == 1 and figures[0].amount and anchor.amount and not figures[0].qualifier:
            gap = figures[0].amount - anchor.amount
            word = "above" if gap >= 0 else "below"
            line += f" — {money(abs(gap))} {word} that median (arithmetic)"
        out.add(line)
        out.cite(figures[0].source)
    out.add(ask.intent.reply("compare_note", ""))
    out.add(ask.intent.reply("no_pacs_occupation", ""))
