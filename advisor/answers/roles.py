"""Role answers: overview, requirements, progression, comparison, the list of roles."""

from __future__ import annotations

from advisor.answers.common import Answer, Ask, listing
from advisor.answers.pay import pay_bars
from advisor.config import LIST_LIMIT
from advisor.knowledge.graph import Graph, Item, Requirement
from advisor.text import count

LEVEL_WORD = {"required": "required", "preferred": "preferred", "plus": "a plus"}


def list_roles(ask: Ask) -> Answer:
    out = Answer()
    roles = ask.graph.career_roles()
    entry = [r for r in roles if r.get("level") == "entry"]
    if ask.seniority == "entry" and entry:  # "which PACS job is easiest to land first?"
        out.add("The entry-level roles in my sources:")
        for role in entry:
            first = role.description.split(". ")[0].rstrip(".")
            out.add(f"  • {role.name} — {first}.")
            out.cite(*role.sources[:1])
        out.add('Most people reach them from a clinical or IT job; ask "how do I become a PACS associate?".')
        return out
    out.add("Roles in PACS and imaging informatics I can tell you about:")
    for role in roles[:LIST_LIMIT]:
        first = role.description.split(". ")[0].rstrip(".")
        out.add(f"  • {role.name} — {first}.")
        out.cite(*role.sources[:1])
    if len(roles) > LIST_LIMIT:
        out.add(f"  … and {len(roles) - LIST_LIMIT} more; ask about any of them by name.")
    starts = [r.name for r in ask.graph.background_roles()]
    out.add(f"Common starting points: {listing(starts[:LIST_LIMIT])}.")
    return out


def role_overview(ask: Ask) -> Answer:
    graph, out = ask.graph, Answer()
    role = graph.nodes[ask.role or ""]
    out.add(f"{role.name}: {role.description}")
    duties = role.get("duties", ())
    if duties:
        out.add("Typical duties:")
        out.lines += [f"  • {d}" for d in duties]
    same = [graph.name(r) for r in role.get("equivalent_titles", ())]
    if same:
        out.add(f"Also advertised as: {listing(same)}.")
    if role.get("onet"):
        out.add(f"O*NET-SOC: {', '.join(role.get('onet'))}.")
    out.cite(*role.sources)
    out.add("Ask about its pay, requirements or how to get there.")
    return out


def requirement_line(graph: Graph, req: Requirement) -> str:
    options = [o.label or listing([item_text(graph, i) for i in o.items]) for o in req.options]
    choice = " — or — ".join(options)
    return f"  • [{LEVEL_WORD[req.level]}] {req.label}: {choice}"


def item_text(graph: Graph, item: Item) -> str:
    if item.kind in ("skill", "certification"):
        return graph.name(item.ref)
    if item.kind == "degree":
        return {
            "high-school": "high school diploma",
            "associate": "associate degree",
            "bachelor": "bachelor's degree",
            "master": "master's degree",
        }.get(item.level or "", "degree")
    what = f"as a {graph.name(item.role)}" if item.role else graph.area_name(item.area)
    if not item.years:
        return what
    unit = "year" if item.years == 1 else "years"
    return f"{item.years:g} {unit} {what}" if item.role else f"{item.years:g} {unit} of {what}"


def role_requirements(ask: Ask) -> Answer:
    graph, out = ask.graph, Answer()
    role = graph.nodes[ask.role or ""]
    if not role.requirements:
        out.add(f"My sources list no specific requirements for {role.name}.")
        out.cite(*role.sources)
        return out
    out.add(f"What the {role.name} role asks for:")
    for req in sorted(role.requirements, key=lambda r: ("required", "preferred", "plus").index(r.level)):
        out.add(requirement_line(graph, req))
        out.cite(req.source)
    traits = [graph.name(t) for t in role.get("traits", ())]
    if traits:
        out.add(f"  Employers also look for: {listing(traits)}.")
    out.add('Say what you already have ("I have a bachelor\'s in IT") and ask for your path.')
    return out


def career_progression(ask: Ask) -> Answer:
    graph, out = ask.graph, Answer()
    role = graph.nodes[ask.role or ""]
    before = graph.comes_from.get(role.id, ())
    reaching = bool(before) and ask.says("how long", "how soon", "how many years", "how fast", "how quickly")
    if reaching:
        # "how long until PACS manager?": the way in (and its time) first
        out.add(f"How people get to {role.name}:")
        for move in before:
            when = f" after about {count(move.years, 'year')}" if move.years else ""
            out.add(f"  ← from {graph.name(move.src)}{when}: {move.note}")
            out.cite(move.source)
    moves = graph.leads_to.get(role.id, ())
    if not moves:
        out.add(f"My sources describe no move onward from {role.name}.")
    else:
        out.add(f"Where {role.name} can lead:")
    for move in moves:
        when = f" after about {count(move.years, 'year')}" if move.years else ""
        out.add(f"  → {graph.name(move.dst)}{when}: {move.note}")
        out.cite(move.source)
        for onward in graph.leads_to.get(move.dst, ()):
            later = f" (after about {count(onward.years, 'more year')})" if onward.years else ""
            out.add(f"      then → {graph.name(onward.dst)}{later}")
            out.cite(onward.source)
    if before and not reaching:
        out.add(f"People often come to {role.name} from: {listing([graph.name(m.src) for m in before])}.")
        out.cite(*[m.source for m in before])
    return out


def compare_roles(ask: Ask) -> Answer:
    graph, out = ask.graph, Answer()
    roles = [graph.nodes[r] for r in ask.roles[:2]]
    out.add(f"{roles[0].name} vs {roles[1].name}")
    out.add("Pay (US figures from the sources):")
    bars = pay_bars(graph, [r.id for r in roles])
    out.lines += bars or ["  no US figures for these roles"]
    for role in roles:
        out.cite(*{f.source for f in graph.pay_by_role.get(role.id, ())})
    for role in roles:
        out.add(f"{role.name}:")
        required = [r.label for r in role.requirements if r.level == "required"] or ["none listed"]
        out.add(f"  requires: {listing(required)}")
        certs = [graph.nodes[c].get("abbr") for c in graph.helped_by.get(role.id, ())]
        out.add(f"  certifications that help: {listing(certs) if certs else 'none named'}")
        nxt = [graph.name(m.dst) for m in graph.leads_to.get(role.id, ())]
        out.add(f"  leads to: {listing(nxt) if nxt else 'not described'}")
        out.cite(*role.sources[:1])
    return out


def compare_nodes(ask: Ask, ids: list[str]) -> Answer:
    """'PACS vs RIS', 'CIIP vs CPSA': both described side by side, then how they connect."""
    graph, out = ask.graph, Answer()
    nodes = [graph.nodes[i] for i in ids[:2]]
    out.add(f"{nodes[0].get('abbr') or nodes[0].name} vs {nodes[1].get('abbr') or nodes[1].name}")
    for node in nodes:
        out.add(f"{node.name}: {node.description}")
        extra = []
        if node.get("issuer"):
            extra.append(f"offered by {graph.name(node.get('issuer'))}, level {node.get('level')}")
        if node.get("builds_on"):
            extra.append(f"builds on {listing([graph.name(c) for c in node.get('builds_on')])}")
        if node.get("role"):
            extra.append(f"the people who run it: {graph.name(node.get('role'))}")
        if extra:
            out.add(f"  ({'; '.join(extra)})")
        out.cite(*node.sources)
    a, b = (n.get("abbr") or n.name for n in nodes)
    links = [
        f"{x} {verb} {y}"
        for (x, nx), (y, ny) in (((a, nodes[0]), (b, nodes[1])), ((b, nodes[1]), (a, nodes[0])))
        for field, verb in (
            ("builds_on", "builds on"),
            ("alternative_to", "is an alternative to"),
            ("replaces", "replaces"),
        )
        if ny.id in nx.get(field, ())
    ]
    if nodes[1].id in nodes[0].get("related", ()) or nodes[0].id in nodes[1].get("related", ()):
        links.insert(0, f"{a} and {b} work together (my sources list them as related)")
    out.add(
        f"How they connect: {'; '.join(links)}." if links else "My sources draw no direct link between them."
    )
    return out
