"""Certification, study-resource and concept answers."""

from __future__ import annotations

from advisor.answers.common import Answer, Ask, listing, source_tag
from advisor.answers.roles import compare_nodes
from advisor.answers.skills import COST, learn_skill, skill_lines
from advisor.config import LIST_LIMIT
from advisor.knowledge.graph import Fact, Graph, Node, Topic


def certification_info(ask: Ask) -> Answer:
    """A certification: what its question asks about (fee, format, prerequisites…), else an overview."""
    graph = ask.graph
    if ask.certification not in graph.nodes:  # a body named alone ("how much are CompTIA exams?")
        return _body_answer(ask)
    cert = graph.nodes[ask.certification or ""]
    topics = [t for t in graph.cert_topics if ask.says(*t.cues)]
    hidden = {h for t in topics for h in t.hides}
    if ask.parsed.first("role") is not None:
        hidden.add("prerequisites")  # "do PACS managers need PRINCE2?" asks about the role's needs
    topics = [t for t in topics if t.id not in hidden]
    if any(t.id == "prerequisites" for t in topics):
        pair = _ordered_pair(ask)
        if pair:
            return _prerequisite_answer(ask, *pair)
    org = ask.parsed.first("organisation")
    if topics and org is not None and ask.parsed.first("certification") is None:
        issued = [c for c in graph.of_type("certification") if c.get("issuer") == org.id]
        if issued:  # "how much does PARCA certification cost?": every certificate of that body
            return _body_topic_answer(ask, issued, topics)
    if topics:
        return _topic_answer(ask, cert, topics)
    named = list(dict.fromkeys(e.id for e in ask.parsed.of("certification")))
    if len(named) >= 2:
        return compare_nodes(ask, named)
    return _overview(ask, cert)


def _body_answer(ask: Ask) -> Answer:
    """A certifying body without a certificate: its certificates on the topic asked, else the body."""
    org = ask.parsed.first("organisation")
    issued = [c for c in ask.graph.of_type("certification") if org and c.get("issuer") == org.id]
    topics = [t for t in ask.graph.cert_topics if ask.says(*t.cues)]
    if issued and topics:
        return _body_topic_answer(ask, issued, topics)
    return concept_info(ask)


def _overview(ask: Ask, cert: Node) -> Answer:
    graph, out = ask.graph, Answer()
    out.add(f"{cert.name} — {_issuer(graph, cert)}; level: {cert.get('level')}.")
    out.add(cert.description)
    builds = [graph.nodes[c].get("abbr") for c in cert.get("builds_on", ())]
    if builds:
        out.add(f"Builds on: {listing(builds)}.")
    later = [graph.nodes[c].get("abbr") for c in graph.required_by.get(cert.id, ())]
    if later:
        out.add(f"Foundation for: {listing(later)}.")
    alt = [graph.nodes[c].get("abbr") for c in cert.get("alternative_to", ())]
    if alt:
        out.add(f"An alternative to the PARCA set ({listing(alt)}): one certificate instead of several.")
    rivals = [graph.nodes[c].get("abbr") for c in graph.alternatives_of.get(cert.id, ())]
    if rivals:
        out.add(f"Alternative: {listing(rivals)} covers the same ground in one certificate.")
    helps = [graph.name(r) for r in cert.get("helps_roles", ())]
    if helps:
        out.add(f"Helps for: {listing(helps)}.")
    skip = {t.id for t in graph.cert_topics if not t.overview}
    facts = [f for f in graph.cert_facts.get(cert.id, ()) if f.topic not in skip]
    if facts:
        out.add("Key facts:")
        for fact in facts:
            _fact_line(out, graph, fact)
    if cert.get("exam"):
        out.add('Ask "what topics does it cover?" for the exam domains and their weights.')
    study = [graph.name(r) for r in graph.covered_by.get(cert.id, ())]
    if study:
        out.add(f"To prepare: {listing(study)}.")
    out.cite(*cert.sources)
    return out


def _topic_answer(ask: Ask, cert: Node, topics: list[Topic]) -> Answer:
    graph, out = ask.graph, Answer()
    abbr = cert.get("abbr")
    out.add(f"{cert.name} — {_issuer(graph, cert)}.")
    facts = graph.cert_facts.get(cert.id, ())
    wanted = [t.id for t in topics]
    if cert.get("replaced_by") and "status" not in wanted:
        wanted.append("status")  # a replaced certificate always says so
    for topic_id in wanted:
        topic = next((t for t in graph.cert_topics if t.id == topic_id), None)
        if topic is None:
            continue
        found = [f for f in facts if f.topic == topic_id]
        if topic_id == "domains" and cert.get("exam"):
            _domains(out, graph, cert)
        elif topic_id == "prerequisites" and not found and not cert.get("builds_on"):
            out.add(f"Prerequisites: my sources name no certificate you must hold before the {abbr}.")
        elif topic_id == "prerequisites" and not found:
            names = listing([graph.nodes[c].get("abbr") for c in cert.get("builds_on", ())])
            out.add(f"Prerequisites: the {abbr} builds on {names}.")
        elif not found:
            out.add(f"{topic.label.capitalize()}: my sources give none for the {abbr}.")
            _successor_facts(out, graph, cert, topic_id)
        else:
            out.add(f"{topic.label.capitalize()}:")
            for fact in found:
                _fact_line(out, graph, fact)
        if topic_id == "eligibility" and cert.get("eligibility"):
            out.add(f'Ask "am I eligible for the {abbr}?" for the points, worked out for you.')
    return out


def _successor_facts(out: Answer, graph: Graph, cert: Node, topic_id: str) -> None:
    """A replaced certificate's missing fact from the one that replaced it, labelled so
    ('the CPIA's renewal: none; its replacement, the PARCA DICOM: retake every 3 years')."""
    after = graph.node(cert.get("replaced_by"))
    if after is None:
        return
    found = [f for f in graph.cert_facts.get(after.id, ()) if f.topic == topic_id]
    if found:
        out.add(f"For the {after.get('abbr') or after.name} that replaced it:")
    for fact in found:
        _fact_line(out, graph, fact)


def _body_topic_answer(ask: Ask, certs: list[Node], topics: list[Topic]) -> Answer:
    graph, out = ask.graph, Answer()
    out.add(f"{graph.name(certs[0].get('issuer'))}'s certificates:")
    for topic in topics:
        out.add(f"{topic.label[0].upper()}{topic.label[1:]}:")
        for cert in certs:
            found = [f for f in graph.cert_facts.get(cert.id, ()) if f.topic == topic.id]
            if not found:
                out.add(f"  • {cert.get('abbr')}: my sources give none.")
            for fact in found:
                _fact_line(out, graph, fact, prefix=f"{cert.get('abbr')}: ")
    return out


def _ordered_pair(ask: Ask) -> tuple[Node, Node] | None:
    """Two certificates named in a prerequisite question, the later one (the one asked about) last."""
    graph = ask.graph
    named = list(dict.fromkeys(e.id for e in ask.parsed.of("certification")))
    if len(named) < 2:
        return None
    first, second = graph.nodes[named[0]], graph.nodes[named[1]]
    if first.id in _foundations(graph, second.id) or second.id not in _foundations(graph, first.id):
        return first, second
    return second, first


def _foundations(graph: Graph, cert_id: str) -> set[str]:
    """Every certificate `cert_id` builds on, directly or through others."""
    seen: set[str] = set()
    todo = list(graph.nodes[cert_id].get("builds_on", ()))
    while todo:
        dep = todo.pop()
        if dep not in seen:
            seen.add(dep)
            todo += graph.nodes[dep].get("builds_on", ())
    return seen


def _prerequisite_answer(ask: Ask, before: Node, after: Node) -> Answer:
    graph, out = ask.graph, Answer()
    a, b = before.get("abbr"), after.get("abbr")
    direct = before.id in after.get("builds_on", ())
    if direct:
        out.add(f"Yes: the {b} requires the {a} first.")
    elif before.id in _foundations(graph, after.id):
        out.add(f"Yes, indirectly: the {b} builds on certificates that require the {a}.")
    else:
        out.add(f"No: my sources do not make the {a} a prerequisite of the {b}.")
    for cert in (after, before):
        for fact in graph.cert_facts.get(cert.id, ()):
            if fact.topic == "prerequisites" or (fact.topic == "status" and cert.get("replaced_by")):
                _fact_line(out, graph, fact, prefix=f"{cert.get('abbr')}: ")
    return out


def _domains(out: Answer, graph: Graph, cert: Node) -> None:
    exam = cert.get("exam")
    domains = exam["domains"]
    total = sum(d["items"] for d in domains)
    out.add(f"The {cert.get('abbr')} exam covers {len(domains)} domains (scored questions in the outline):")
    width = max(len(d["name"]) for d in domains)
    for d in domains:
        share = f"{d['items'] / total:.0%}" if total else ""
        out.add(f"  {d['name'].ljust(width)} {d['items']:>3}  {share:>4}")
    if exam.get("note"):
        out.add(f"  Note: {exam['note']}")
    out.cite(exam["source"])


def _replacements(out: Answer, graph: Graph, certs: list[Node]) -> None:
    """'Since then: the CPIA was replaced by the PARCA DICOM (2017)', from the status facts."""
    for cert in certs:
        new = graph.node(cert.get("replaced_by"))
        if new is None:
            continue
        status = [f for f in graph.cert_facts.get(new.id, ()) if f.topic == "status"]
        when = f" ({status[0].date[:4]})" if status and status[0].date else ""
        out.add(f"  Since then{when}: PARCA named the {new.get('abbr')} to replace the {cert.get('abbr')}.")
        out.cite(*(f.source for f in status))


def _fact_line(out: Answer, graph: Graph, fact: Fact, prefix: str = "") -> None:
    out.add(f"  • {prefix}{fact.text}  [{source_tag(graph, fact.source)}]")
    out.cite(fact.source)


def _issuer(graph: Graph, cert: Node) -> str:
    issuer = cert.get("issuer")
    return f"offered by {graph.name(issuer)}" if issuer else "issuer not named in my sources"


TOPIC_TYPES = ("concept", "skill", "organisation")


def certifications_for_role(ask: Ask) -> Answer:
    graph, out = ask.graph, Answer()
    if ask.role is None:
        out.add("Certifications in imaging informatics:")
        certs = graph.of_type("certification")
        for cert in certs[:LIST_LIMIT]:
            issuer = graph.name(cert.get("issuer")) or "issuer not named"
            out.add(f"  • {cert.get('abbr')} ({issuer}, {cert.get('level')}) — {cert.name}")
            out.cite(*cert.sources[:1])
        if len(certs) > LIST_LIMIT:
            out.add(f"  … and {len(certs) - LIST_LIMIT} more.")
        out.add("PACS Boot Camp calls the CIIP the single-certificate alternative to PARCA's four.")
        _replacements(out, graph, certs)
        out.add("Name a role to see which ones its sources mention.")
        return out
    role = graph.nodes[ask.role]
    named = [
        r for r in role.requirements if any(i.kind == "certification" for o in r.options for i in o.items)
    ]
    helpers = list(graph.helped_by.get(role.id, ()))
    if not named and not helpers:
        out.add(f"My sources name no certification for {role.name}.")
        out.add(
            "In the field generally the CIIP (ABII) and PARCA's CPAS/CPSA/CPIA/CPSM are the ones to know."
        )
        out.cite("seed")
        return out
    out.add(f"Certifications for {role.name}:")
    for req in named:
        options = [listing([graph.name(i.ref) for i in o.items]) for o in req.options]
        out.add(f"  • [{req.level}] {' or '.join(options)}")
        if req.quote:
            out.add(f"    “{req.quote}”")
        out.cite(req.source)
    others = [
        graph.nodes[c].get("abbr")
        for c in helpers
        if not any(i.ref == c for r in named for o in r.options for i in o.items)
    ]
    if others:
        out.add(f"  Also relevant: {listing(others)}.")
    have = set(ask.state.profile.certifications)
    if have:
        out.add(
            f"  You already hold: {listing([graph.nodes[c].get('abbr') for c in have if c in graph.nodes])}."
        )
    return out


def study_resources(ask: Ask) -> Answer:
    graph, out = ask.graph, Answer()
    named = [graph.nodes[e.id] for e in ask.parsed.of("resource") if e.id in graph.nodes]
    if named and not ask.certification:  # "how much does a university PACS certificate cost?"
        return _resources_named(out, named)
    # what the message names comes before what the conversation was about ("how do I learn
    # DICOM?" right after talk of the CIIP is about DICOM)
    subject = next(
        (e.id for e in ask.parsed.entities if e.type in ("certification", "skill", "concept")), None
    )
    target = subject or ask.certification or ask.topic or ask.role
    resources = graph.of_type("resource")
    node = graph.nodes.get(target or "")
    if node is not None and node.type == "skill":  # "how do I learn Linux?"
        return learn_skill(graph, node)
    if target:
        covering = [graph.nodes[r] for r in graph.covered_by.get(target, ())]
        if covering:
            resources = covering
            out.add(f"To study for {graph.name(target)}:")
        else:
            out.add(f"My sources name nothing specific for {graph.name(target)}; what they recommend:")
    else:
        out.add("What the sources recommend:")
    if ask.says(*THRIFT_CUES):  # "any free stuff?": the free ones first
        resources = sorted(resources, key=lambda r: r.get("cost") != "free")
        out.add("Free ones first:" if any(r.get("cost") == "free" for r in resources) else "None is free:")
    for res in resources:
        cost = COST.get(res.get("cost"), "cost not stated")
        star = "  ★ the one to read if you read only one" if res.get("only_one") else ""
        out.add(f"  • {res.name} ({res.get('kind')}, {cost}) — {res.description}{star}")
        out.cite(*res.sources)
    pick = next((r for r in graph.of_type("resource") if r.get("only_one")), None)
    if pick and pick not in resources:
        out.add(f"If you read only one book: {pick.name}.")
        out.cite(*pick.sources)
    return out


THRIFT_CUES = ("free", "cheap", "cheapest", "cheaper", "affordable", "budget")


def _resources_named(out: Answer, named: list[Node]) -> Answer:
    """The resources a question names, with what the sources say each costs."""
    for res in named:
        cost = COST.get(res.get("cost"), "cost not stated")
        out.add(f"{res.name} ({res.get('kind')}, {cost}): {res.description}")
        if res.get("cost") != "free":
            out.add("My sources give no price for it.")
        out.cite(*res.sources)
    return out


def concept_info(ask: Ask) -> Answer:
    graph, out = ask.graph, Answer()
    named = list(dict.fromkeys(e.id for e in ask.parsed.entities if e.type in TOPIC_TYPES))
    if len(named) >= 2:
        return compare_nodes(ask, named)
    node = graph.nodes[ask.topic or ""]
    out.add(f"{node.name}: {node.description}")
    extra, cited = skill_lines(graph, node)  # why, how to learn and show a skill (answers/skills.py)
    out.lines += extra
    out.cite(*cited)
    related = [graph.name(r) for r in node.get("related", ())]
    if related:
        out.add(f"Related: {listing(related)}.")
    users = [graph.name(r) for r in graph.asked_by.get(node.id, ())[:LIST_LIMIT]]
    if users:
        out.add(f"Asked for in: {listing(users)}.")
    out.cite(*node.sources)
    return out
