"""Certification, study-resource and concept answers."""

from __future__ import annotations

from advisor.answers.common import Answer, Ask, listing, source_label
from advisor.config import LIST_LIMIT


def certification_info(ask: Ask) -> Answer:
    graph, out = ask.graph, Answer()
    cert = graph.nodes[ask.certification or ""]
    out.add(f"{cert.name} — offered by {graph.name(cert.get('issuer'))}; level: {cert.get('level')}.")
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
    study = [graph.name(r) for r in graph.covered_by.get(cert.id, ())]
    if study:
        out.add(f"To prepare: {listing(study)}.")
    out.cite(*cert.sources)
    return out


def certifications_for_role(ask: Ask) -> Answer:
    graph, out = ask.graph, Answer()
    if ask.role is None:
        out.add("Certifications in imaging informatics:")
        certs = graph.of_type("certification")
        for cert in certs[:LIST_LIMIT]:
            out.add(
                f"  • {cert.get('abbr')} ({graph.name(cert.get('issuer'))}, {cert.get('level')}) — "
                f"{cert.name}"
            )
            out.cite(*cert.sources[:1])
        if len(certs) > LIST_LIMIT:
            out.add(f"  … and {len(certs) - LIST_LIMIT} more.")
        out.add(
            f"{source_label(graph, 'seed')} calls the CIIP the single-certificate alternative to "
            "PARCA's four. "
            "Name a role to see which ones its sources mention."
        )
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
    target = ask.certification or ask.topic or ask.role
    resources = graph.of_type("resource")
    if target:
        covering = [graph.nodes[r] for r in graph.covered_by.get(target, ())]
        if covering:
            resources = covering
            out.add(f"To study for {graph.name(target)}:")
        else:
            out.add(f"My sources name nothing specific for {graph.name(target)}; what they recommend:")
    else:
        out.add("What the sources recommend:")
    for res in resources:
        cost = "free" if res.get("cost") == "free" else "paid"
        star = "  ★ the one to read if you read only one" if res.get("only_one") else ""
        out.add(f"  • {res.name} ({res.get('kind')}, {cost}) — {res.description}{star}")
        out.cite(*res.sources)
    pick = next((r for r in graph.of_type("resource") if r.get("only_one")), None)
    if pick and pick not in resources:
        out.add(f"If you read only one book: {pick.name}.")
        out.cite(*pick.sources)
    return out


def concept_info(ask: Ask) -> Answer:
    graph, out = ask.graph, Answer()
    node = graph.nodes[ask.topic or ""]
    out.add(f"{node.name}: {node.description}")
    related = [graph.name(r) for r in node.get("related", ())]
    if related:
        out.add(f"Related: {listing(related)}.")
    users = [graph.name(r) for r in graph.asked_by.get(node.id, ())[:LIST_LIMIT]]
    if users:
        out.add(f"Asked for in: {listing(users)}.")
    out.cite(*node.sources)
    return out
