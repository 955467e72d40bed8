"""Pay questions at the edge of the sources: starting pay, the best-paid role, places and
roles without figures. Each says what the sources lack before giving what they have, and a
figure always keeps the label of what it is (a range's floor is never a starting salary).
"""

from __future__ import annotations

import functools

from advisor.answers.common import Answer, Ask, listing, money, source_tag
from advisor.config import LIST_LIMIT
from advisor.knowledge.graph import Graph, PayFact
from advisor.knowledge.unlisted import UnlistedPlace

NOT_A_LEVEL = frozenset({"bonus", "raise", "above-average"})


def asks_starting(ask: Ask) -> bool:
    """'what do junior analysts start at', 'entry-level pay', 'new grad salary'."""
    return ask.seniority == "entry" or ask.says(*ask.graph.pay_cues.get("starting", ()))


def unlisted_place(ask: Ask) -> UnlistedPlace | None:
    """A place named in the question that the sources have no figures for ('Ohio'), or None."""
    if ask.place:
        return None
    named = ask.graph.unlisted.named_in(ask.parsed.tokens)
    return named[1] if named else None


@functools.lru_cache(maxsize=4)
def _entry_facts(graph: Graph) -> tuple[PayFact, ...]:
    """Every starting-pay figure, in role order (built once per graph)."""
    return tuple(
        f
        for role in graph.career_roles()
        if role.id in graph.pay_by_role
        for f in graph.pay_by_role.get(role.id)
        if f.kind == "starting" and f.amount
    )


@functools.lru_cache(maxsize=4)
def top_figures(graph: Graph) -> tuple[PayFact, ...]:
    """Each role's highest own US figure, highest first (ties by role order)."""
    best: list[PayFact] = []
    for role in graph.career_roles():
        facts = [
            f
            for f in graph.pay_by_role.get(role.id)
            if f.place == "us" and f.amount and f.kind not in NOT_A_LEVEL
        ]
        if facts:
            best.append(max(facts, key=lambda f: f.amount or 0.0))
    return tuple(sorted(best, key=lambda f: -(f.amount or 0.0)))


LOW_KINDS = ("range-low",)  # a role's own low figure (its "minimum" is the floor, said below)


def starting_pay(ask: Ask, out: Answer, role: str | None, facts: list[PayFact]) -> bool:
    """Starting figures for the role; when it has none, say so and give other roles' ones.

    Returns True when it answered (the caller then stops)."""
    graph = ask.graph
    own = [f for f in facts if f.kind == "starting" and f.amount]
    if own:
        return False
    subject = graph.name(role) if role else "PACS professionals overall"
    out.add(f"My sources give no starting figure for {subject}.")
    entries = _entry_facts(graph)
    if entries:
        out.add("The entry-level figures they do give:")
        for fact in entries[:LIST_LIMIT]:
            out.add(
                f"  • {graph.name(fact.role)}: {_amount(fact)} a year  [{source_tag(graph, fact.source)}]"
            )
            out.cite(fact.source)
    own_low = [f for f in facts if f.kind in LOW_KINDS and f.role == role and role and f.amount]
    for fact in own_low[:1]:  # the role's own lowest figure, under its own label
        label = graph.pay_kinds.get(fact.kind, fact.kind)
        out.add(
            f"The lowest figure they give for {subject} itself: {label}, {money(fact.amount or 0)} "
            f"a year  [{source_tag(graph, fact.source)}]"
        )
        out.cite(fact.source)
    floors = [f for f in facts if f.kind == "minimum" and f.amount]
    for fact in floors:
        whose = "the whole PACS range" if fact.role is None else f"the {graph.name(fact.role)} range"
        out.add(
            f"The {money(fact.amount or 0)} in my sources is the floor of {whose} "
            "(the lowest pay reported), not a starting salary."
        )
        out.cite(fact.source)
    return True


def best_paid(ask: Ask, out: Answer) -> None:
    """Roles ranked by their highest own figure, each labelled; then the range's top."""
    graph = ask.graph
    out.add("Roles by the highest figure my sources give each (US):")
    for rank, fact in enumerate(top_figures(graph)[:LIST_LIMIT], 1):
        label = graph.pay_kinds.get(fact.kind, fact.kind)
        tag = source_tag(graph, fact.source)
        out.add(f"  {rank}. {graph.name(fact.role)} — {label}: {_amount(fact)}  [{tag}]")
        out.cite(fact.source)
    for fact in graph.pay_by_role.get(None):
        if fact.kind == "maximum" and fact.amount:
            whose = listing([graph.name(r) for r in fact.applies_to])
            out.add(
                f"The top of the whole range for PACS professionals is {money(fact.amount)} "
                f"(the highest pay reported, not an average); the source places {whose} at that end."
            )
            out.cite(fact.source)
    out.add("These are different kinds of figure (averages, range ends, 'upwards of'): compare with care.")


def overall_label(fact: PayFact) -> str:
    """The label of an all-PACS figure shown for a role that has none of its own."""
    kinds = {
        "average": "average across all PACS professionals",
        "minimum": "lowest reported for any PACS job",
    }
    return kinds.get(fact.kind, "highest reported for any PACS job" if fact.kind == "maximum" else fact.kind)


def base_or_total(ask: Ask, out: Answer, facts: list[PayFact]) -> None:
    """How the sources state pay: total, or salary with no base/bonus split."""
    graph = ask.graph
    total = [f for f in facts if f.basis == "total" or f.kind == "total-average"]
    bonus = [f for f in facts if f.kind == "bonus"]
    if total:
        out.add(
            "Total vs base: the sources call "
            + ", ".join(f"{money(f.amount or 0)} ({graph.name(f.place)})" for f in total)
            + " total pay; the other figures are stated as salary or pay, with no base/bonus split."
        )
    else:
        out.add("Total vs base: the sources state these figures as salary or pay, with no base/bonus split.")
    for fact in bonus:
        out.add(f"  The one bonus figure: {money(fact.amount or 0)} a year ({fact.percent:g}% of income).")


def _amount(fact: PayFact) -> str:
    return f"{fact.qualifier + ' ' if fact.qualifier else ''}{money(fact.amount or 0)}"


def exam_fees(ask: Ask, out: Answer) -> bool:
    """'How much does PARCA certification cost?': the fees of that body's certificates.

    Returns True when the question named a certifying body (the caller then stops)."""
    graph = ask.graph
    org = ask.parsed.first("organisation")
    certs = [c for c in graph.of_type("certification") if org is not None and c.get("issuer") == org.id]
    if not certs or ask.parsed.first("role") is not None:
        return False
    out.add(f"Exam fees for {graph.name(org.id if org else None)}'s certificates:")
    for cert in certs:
        fees = [f for f in graph.cert_facts.get(cert.id, ()) if f.topic in ("fee", "retake")]
        if not fees:
            out.add(f"  • {cert.get('abbr')}: my sources give none.")
        for fact in fees:
            out.add(f"  • {cert.get('abbr')}: {fact.text}  [{source_tag(graph, fact.source)}]")
            out.cite(fact.source)
    return True
