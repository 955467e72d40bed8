"""Pay answers: figures by role, place and level, best-paying places, all with sources.

Only figures held in the graph are shown. The one computation allowed is plain arithmetic
on held figures (a stated percentage or amount above a stated average), always labelled.
"""

from __future__ import annotations

from itertools import islice

from advisor.answers.common import BAR_WIDTH, Answer, Ask, bar, listing, money, role_choices, source_tag
from advisor.answers.pay_edges import (
    asks_starting,
    base_or_total,
    best_paid,
    exam_fees,
    overall_label,
    starting_pay,
    unlisted_place,
)
from advisor.config import LIST_LIMIT, MIN_BAR, REPLY_WIDTH
from advisor.knowledge.graph import Fact, Graph, PayFact
from advisor.text import count

BASIS_WORDS = ("base", "base salary", "base pay", "total", "total pay", "total compensation", "take home")
LEVEL_OF_KIND = {"starting": "entry", "experienced": "mid", "senior": "senior", "percentile-90": "senior"}


def describe(graph: Graph, fact: PayFact, with_place: bool = True) -> str:
    """One fact as a line: kind, amount, place, percent, and labelled arithmetic."""
    label = graph.pay_kinds.get(fact.kind, fact.kind)
    place = f" — {graph.name(fact.place)}" if with_place else ""
    if fact.kind == "above-average":
        base = graph.pay_fact(fact.relative_to, fact.role)
        parts = [
            p
            for p in (money(fact.delta) if fact.delta else "", f"{fact.percent:g}%" if fact.percent else "")
            if p
        ]
        text = f"{' / '.join(parts)} above the national average"
        if base and base.amount:
            text += f" of {money(base.amount)}"
            if fact.delta:
                total, sums = money(base.amount + fact.delta), f"{money(base.amount)} + {money(fact.delta)}"
                text += f" → {total} (arithmetic: {sums})"
            elif fact.percent:
                text += (
                    f" → about {money(base.amount * (1 + fact.percent / 100))} "
                    f"(arithmetic: {money(base.amount)} + {fact.percent:g}%)"
                )
        return f"{graph.name(fact.place)}: {text}"
    if fact.amount is None:
        span = f"{fact.percent:g}–{fact.percent_to:g}%" if fact.percent_to else f"{fact.percent:g}%"
        return f"{label.capitalize()}: {span}{place}"
    amount = f"{fact.qualifier + ' ' if fact.qualifier else ''}{money(fact.amount)}"
    extra = " (total pay)" if fact.basis == "total" else ""
    if fact.percent is not None and fact.kind == "bonus":
        extra = f" ({fact.percent:g}% of income)"
    elif fact.percent is not None:
        extra = f" ({fact.percent:g}% above the US average)"
    if fact.years_max:
        extra += f", with up to {count(fact.years_max, 'year')} of experience"
    return f"{label.capitalize()}: {amount} a year{extra}{place}"


def _matches_level(fact: PayFact, level: str | None, years: float | None) -> bool:
    if years is not None:
        if fact.years_max is not None:
            return years <= fact.years_max
        level = "entry" if years < 2 else "mid" if years <= 5 else "senior"
    if level is None:
        return True
    return fact.level == level or LEVEL_OF_KIND.get(fact.kind) == level


NOT_PAY = frozenset({"raise", "bonus"})  # a place's raise or bonus alone is not its pay


def _place_chain(graph: Graph, place: str) -> list[str]:
    chain, node = [], graph.node(place)
    while node is not None:
        chain.append(node.id)
        node = graph.node(node.get("within"))
    return chain


def _facts_for(graph: Graph, role: str | None) -> list[PayFact]:
    facts = list(graph.pay_by_role.get(role, ()))
    if role is not None:  # the overall PACS-professional figures that name this role
        facts += [f for f in graph.pay_by_role.get(None, ()) if role in f.applies_to]
    return facts


def salary(ask: Ask) -> Answer:
    graph, out = ask.graph, Answer()
    role = ask.role
    if role in graph.pay_changes and role not in graph.career_ids and _changing_from(ask)[1]:
        # "would that be a raise from biomed?": the pay of where one is going, and the change
        careers = [e.id for e in ask.parsed.of("role") if e.id in graph.career_ids]
        role = careers[0] if careers else ask.state.profile.goal or role
    placed = ask.parsed.first("place") is not None or unlisted_place(ask) is not None
    if ask.parsed.first("role") is None and not placed and ask.says(*graph.pay_cues.get("maximum", ())):
        best_paid(ask, out)
        return out
    fee_cues = next((t.cues for t in graph.cert_topics if t.id == "fee"), ())
    if fee_cues and ask.says(*fee_cues) and exam_fees(ask, out):
        return out
    facts = _facts_for(graph, role)
    subject = graph.name(role) if role else "PACS professionals overall"
    if asks_starting(ask) and starting_pay(ask, out, role, facts):
        return out
    if role and not facts:
        return _no_figures(ask, out, subject)
    changing = _changing_from(ask)
    if ask.says("bonus", "bonuses", "raise", "raises") and not changing[1]:
        kinds = {"bonus"} if ask.says("bonus", "bonuses") else {"raise"}
        picked = [f for f in facts if f.kind in kinds]
        if not picked:
            out.add(f"My sources give no {'bonus' if 'bonus' in kinds else 'raise'} figure for {subject}.")
        facts = picked or facts
    chosen = _by_place(ask, out, facts, subject)
    if ask.seniority or ask.years is not None:
        leveled = [f for f in chosen if _matches_level(f, ask.seniority, ask.years)]
        what = ask.seniority or f"{count(ask.years or 0, 'year')} of experience"
        if leveled:
            chosen = leveled
        else:
            out.add(f"No {what} figure for {subject}; all the figures I have:")
    header = f"Pay for {subject}" + (f" ({ask.seniority})" if ask.seniority else "") + ":"
    out.add(header)
    for fact in chosen:
        out.add(f"  • {describe(graph, fact)}  [{source_tag(graph, fact.source)}]")
        out.cite(fact.source)
        if fact.applies_to and role in fact.applies_to:
            out.add(
                f"    ({source_tag(graph, fact.source)} puts {graph.name(role)} at this end of the range)"
            )
    _notes(out, chosen)
    _beside_it(ask, out, role)
    _pay_change(ask, out, *changing)
    if ask.says(*BASIS_WORDS):
        base_or_total(ask, out, chosen)
    if not role:
        out.add(f"Ask about a role for its own figures, e.g. {role_choices(graph, 4)}.")
    return out


def _beside_it(ask: Ask, out: Answer, role: str | None) -> None:
    """'compared to IT': the BLS anchors this role's figures are compared with."""
    graph = ask.graph
    topic = next((t for t in graph.fact_topics if t.id == "pay-anchor"), None)
    if topic is None or not ask.says(*topic.cues):
        return
    anchors = [a for a in graph.facts_by_topic.get("pay-anchor", ()) if a.compare_role == role]
    for anchor in anchors:
        out.add(f"Beside IT pay: {anchor.text}  [{source_tag(graph, anchor.source)}]")
        out.cite(anchor.source)
    if anchors:
        out.add("  (An average from PACS Boot Camp beside a BLS median of a stated year: a rough guide.)")


def _changing_from(ask: Ask) -> tuple[str, tuple[Fact, ...]]:
    """The user's job (named in the question, else the profile's) and what the sources say
    about the pay change from it, when the question asks about one ('', () otherwise)."""
    graph = ask.graph
    named = [e.id for e in ask.parsed.of("role") if e.id in graph.pay_changes]
    source_role = named[0] if named else ask.state.profile.current_role or ""
    facts = graph.pay_changes.get(source_role, ())
    topic = next((t for t in graph.fact_topics if t.id == "pay-change"), None)
    if not facts or not (named or (topic is not None and ask.says(*topic.cues))):
        return "", ()
    return source_role, facts


def _pay_change(ask: Ask, out: Answer, source_role: str, facts: tuple[Fact, ...]) -> None:
    """'what kind of raise going from biomed to PACS admin?': the sources on that change."""
    graph = ask.graph
    for fact in facts:
        out.add(f"Coming from {graph.name(source_role)}: {fact.text}  [{source_tag(graph, fact.source)}]")
        out.cite(fact.source)


def _asked_place(ask: Ask) -> str:
    """The place the question named, known or without figures ('Boston', 'the UK'), or ''."""
    if ask.place and ask.place != "us" and ask.parsed.of("place"):
        return ask.graph.name(ask.place)
    found = ask.graph.unlisted.named_in(list(ask.parsed.tokens))
    return found[1].name if found else ""


def _no_figures(ask: Ask, out: Answer, subject: str) -> Answer:
    """A role without figures: say so, then the all-PACS figures under their own labels."""
    graph = ask.graph
    anchors = graph.anchors_by_role.get(ask.role or "", ())
    where = _asked_place(ask)
    anywhere = f" (for {where} or anywhere else)" if where else ""
    out.add(f"My sources give no {'PACS ' if anchors else ''}pay figures for {subject}{anywhere}.")
    for anchor in anchors:
        out.add(f"BLS measures it as an occupation: {anchor.text}  [{source_tag(graph, anchor.source)}]")
        out.cite(anchor.source)
    with_pay = (r.name for r in graph.career_roles() if r.id in graph.pay_by_role)
    others = list(islice(with_pay, LIST_LIMIT))  # membership only: builds no figures
    out.add(f"I do have figures for {listing(others)}.")
    out.add(f"For PACS professionals overall (not {subject}'s own figures):")
    for fact in graph.pay_by_role.get(None, ()):
        label, tag = overall_label(fact), source_tag(graph, fact.source)
        out.add(f"  • {label[0].upper()}{label[1:]}: {money(fact.amount or 0)} a year  [{tag}]")
        out.cite(fact.source)
    return out


def _by_place(ask: Ask, out: Answer, facts: list[PayFact], subject: str) -> list[PayFact]:
    """The figures for the place asked about; when it has none, say so and give the nearest."""
    graph = ask.graph
    elsewhere = unlisted_place(ask)
    if elsewhere is not None:  # the figures of the known place it lies within, else the US's
        chain = _place_chain(graph, elsewhere.within) if elsewhere.within else []
        near = [f for f in facts if f.place != "us" and f.place in chain and f.kind not in NOT_PAY]
        where = f"the nearest I have are for {graph.name(near[0].place)}" if near else "the US figures are"
        out.add(f"My sources give no figure for {elsewhere.name}; {where}:")
        return near or [f for f in facts if f.place == "us"] or facts
    if not ask.place or ask.place == "us":
        return facts
    chain = _place_chain(graph, ask.place)
    here = [f for f in facts if f.place == ask.place]
    if here:
        return here
    near = [
        f
        for f in facts
        if f.place != "us" and (f.place in chain[1:] or graph.nodes[f.place].get("within") == ask.place)
    ]
    out.add(f"My sources give no figure for {graph.name(ask.place)} for {subject}.")
    for r in graph.rankings.get(ask.role or "", ()):
        if ask.place in r.places:
            out.add(
                f"{graph.name(ask.place)} is #{r.places.index(ask.place) + 1} on the list of "
                f"places by {r.basis}, but without a figure."
            )
            out.cite(r.source)
    chosen = near or [f for f in facts if f.place == "us"]
    if chosen:
        out.add("The nearest figures I have:" if near else "The national figures I have:")
    return chosen


def _notes(out: Answer, chosen: list[PayFact]) -> None:
    notes = [f.note for f in chosen if f.note]
    averages = sorted({f.amount for f in chosen if f.kind == "average" and f.place == "us" and f.amount})
    if len(averages) > 1:
        out.add(
            f"  Note: the sources disagree on the average ({' vs '.join(money(a) for a in averages)}); "
            "both are shown as written."
        )
        notes = []  # each figure's own note says the same; shown when a figure stands alone
    for note in dict.fromkeys(notes):
        out.add(f"  Note: {note}")


def best_locations(ask: Ask) -> Answer:
    graph, out = ask.graph, Answer()
    elsewhere = unlisted_place(ask)
    if elsewhere is not None:  # "where in Texas …?", "is it Florida?"
        out.add(f"My sources give no figure for {elsewhere.name}; the places they rank:")
    roles = [ask.role] if ask.role else list(graph.rankings)[:LIST_LIMIT]
    if ask.role and not graph.rankings.get(ask.role):
        out.add(f"My sources do not rank places for {graph.name(ask.role)}.")
        roles = list(graph.rankings)[:LIST_LIMIT]
        out.add("They do for these roles:")
    for role in roles:
        for ranking in graph.rankings.get(role, ()):
            out.add(f"Best-paying places for {graph.name(role)} ({ranking.basis}):")
            facts = {f.place: f for f in graph.pay_by_role.get(role, ()) if f.place != "us"}
            for rank, place in enumerate(ranking.places, 1):
                fact = facts.get(place)
                detail = describe(graph, fact, with_place=False) if fact else "no figure given"
                if fact and fact.kind == "above-average":
                    detail = detail.split(": ", 1)[1]
                out.add(f"  {rank}. {graph.name(place)} — {detail}")
                if fact:
                    out.cite(fact.source)
            out.cite(ranking.source)
    return out


def pay_bars(graph: Graph, roles: list[str]) -> list[str]:
    """US figures for each role as a small bar chart, bars scaled to the highest figure."""
    rows: list[tuple[str, str, float]] = []
    for role in roles:
        facts = [
            f
            for f in graph.pay_by_role.get(role, ())
            if f.place == "us" and f.amount and f.kind not in ("bonus", "raise")
        ]
        for fact in facts[:4]:
            rows.append((graph.name(role), graph.pay_kinds[fact.kind], fact.amount or 0.0))
    if not rows:
        return []
    top = max(r[2] for r in rows)
    labels = [f"{a} {k}" for a, k, _ in rows]
    cash = max(len(money(v)) for *_, v in rows)
    room = REPLY_WIDTH - 4 - cash  # two spaces of indent, one each side of the bar
    width = min(max(map(len, labels)), room - MIN_BAR)  # the label column gives way first
    cells = min(BAR_WIDTH, room - width)  # then the bar scale
    labels = [label if len(label) <= width else label[: width - 1] + "…" for label in labels]
    return [
        f"  {label.ljust(width)} {bar(v, top, cells)} {money(v)}"
        for label, (*_, v) in zip(labels, rows, strict=True)
    ]
