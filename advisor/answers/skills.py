"""What a skill node says beyond its description: why PACS work needs it, how to learn it and
how to show it (knowledge/skills.json `why`, `learn`, `show`; resources that cover it)."""

from __future__ import annotations

from advisor.answers.common import Answer
from advisor.knowledge.graph import Graph, Node

COST = {"free": "free", "paid": "paid", "unknown": "cost not stated"}


def skill_lines(graph: Graph, node: Node) -> tuple[list[str], list[str]]:
    """(lines, source ids) for a skill; nothing for other nodes."""
    if node.type != "skill":
        return [], []
    lines: list[str] = []
    sources: list[str] = []
    why = node.get("why")
    if why:
        who = graph.sources[why["source"]].publisher if why["source"] in graph.sources else ""
        lines.append(f"Why PACS work needs it: {why['text']}" + (f" ({who})" if who else ""))
        sources.append(why["source"])
    ways, cited = learn_ways(graph, node)
    sources += cited
    if ways:
        lines.append("How to learn it: " + "; ".join(ways) + ".")
    elif why:
        lines.append("How to learn it: my sources name no course or book for it.")
    if node.get("show"):
        lines.append(f"How to show it: {node.get('show')}")
    return lines, sources


def learn_ways(graph: Graph, node: Node) -> tuple[list[str], list[str]]:
    """(ways, source ids) to learn a skill: its own `learn` entries, then resources covering it."""
    ways = [f"{w['text'].rstrip('.')} ({COST[w['cost']]})" for w in node.get("learn", ())]
    sources = [w["source"] for w in node.get("learn", ())]
    for rid in graph.covered_by.get(node.id, ()):
        res = graph.nodes[rid]
        ways.append(f"{res.name} ({COST.get(res.get('cost'), 'cost not stated')})")
        sources += list(res.sources)
    return ways, sources


def learn_skill(graph: Graph, node: Node) -> Answer:
    """How to learn a skill: its ways to learn, or what the sources say of it when they name none."""
    out = Answer()
    ways, cited = learn_ways(graph, node)
    if ways:
        out.add(f"How to learn {node.name}:")
        out.lines += [f"  • {way}" for way in ways]
    else:
        out.add(f"{node.name}: {node.description}")
        extra, cited = skill_lines(graph, node)  # why it matters, "no course or book", how to show it
        out.lines += extra
    out.cite(*cited, *node.sources)
    return out
