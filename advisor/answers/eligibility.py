"""The CIIP eligibility check: ABII's seven-point rule (from the knowledge) applied to this person.

Inputs come from the question first ("an associate's and 3 years"), else from the profile.
Every number of the rule is data (the `eligibility` block of a certification); an input the
user has not given is shown as unknown and asked for, never guessed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from advisor.answers.common import Answer, Ask, listing
from advisor.config import DEGREE_BY_LENGTH, FACTS_RE
from advisor.text import count
from advisor.understand.cues import SETTING_ID

DEGREE_WORDS = {
    "none": "no degree",
    "high-school": "high school",
    "associate": "associate degree",
    "bachelor": "bachelor's degree",
    "master": "master's degree",
    "doctorate": "doctorate",
}


@dataclass
class Inputs:
    """What the check knows about the person; None = not known."""

    months: float | None = None
    degree: str | None = None
    ce_hours: float | None = None
    informatics: bool = False
    said: list[str] = field(default_factory=list)  # inputs taken from the question


@dataclass
class Score:
    category: str
    points: int
    line: str
    known: bool = True


def read_inputs(ask: Ask) -> Inputs:
    """Numbers in the question first, else the profile."""
    profile, parsed = ask.state.profile, ask.parsed
    text = " ".join(parsed.tokens)
    got = Inputs()
    years, months = _work_years(ask), FACTS_RE.MONTHS.search(text)
    length = FACTS_RE.DEGREE_LENGTH.search(text)
    if months:
        got.months, got.said = float(months.group(1)), ["experience"]
    elif years is not None:
        got.months, got.said = years * 12, ["experience"]
    elif FACTS_RE.NO_EXPERIENCE.search(text):  # "can I take it right out of school?"
        got.months, got.said = 0.0, ["experience"]
    elif profile.years is not None and not length:  # "a 2-year degree" may have set them
        got.months = profile.years * 12
    degree = parsed.first("degree")
    if FACTS_RE.DOCTORATE.search(text):
        got.degree = "doctorate"
    elif FACTS_RE.NO_DEGREE.search(text):
        got.degree = "none"
    elif degree is not None:
        got.degree = degree.id
    elif length:
        got.degree = DEGREE_BY_LENGTH.get(length.group(1))
    if got.degree:
        got.said.append("education")
    else:
        got.degree = profile.degree
    hours = FACTS_RE.CE_HOURS.search(text)
    if hours:
        got.ce_hours = float(hours.group(1) or hours.group(2))
        got.said.append("continuing education")
    else:
        got.ce_hours = getattr(profile, "ce_hours", None)
    field_text = f"{text} {profile.degree_field or ''}"
    got.informatics = bool(FACTS_RE.INFORMATICS_DEGREE.search(field_text)) or (
        "informatics" in (profile.degree_field or "")
    )
    return got


def _outside_healthcare(ask: Ask) -> str:
    """The name of the user's job when nothing says it was in healthcare: an IT job whose
    experience areas hold no healthcare and no hospital or clinic named ('' otherwise)."""
    profile = ask.state.profile
    node = ask.graph.node(profile.current_role)
    if node is None or node.get("track") != "background":
        return ""
    areas = (node.get("provides") or {}).get("experience_areas", ())
    if "healthcare" in areas or SETTING_ID in profile.skills:
        return ""
    return ask.graph.name(node.id)


def _work_years(ask: Ask) -> float | None:
    """Years of work in the question ("3 years"), not a degree's length ("a 2-year degree")."""
    tokens = ask.parsed.tokens
    for entity in ask.parsed.of("years"):
        after = tokens[entity.end] if entity.end < len(tokens) else ""
        if after not in ("degree", "program", "programme", "course", "diploma"):
            return float(entity.id)
    return None


def _per_points(cat: Any, amount: float | None) -> int:
    """Points of a 'per' category (1 per 12 months, 1 per 18 hours), capped at its maximum."""
    if amount is None:
        return 0
    points: int = math.floor(amount / float(cat["per"]) + 1e-9)
    return min(points, int(cat["max"])) if cat.get("max") is not None else points


def score(rule: Any, got: Inputs) -> list[Score]:
    """Points per category, each with the line that shows the arithmetic."""
    out = []
    for cat in rule["categories"]:
        cap = f", max {cat['max']:g}" if cat.get("max") is not None else ""
        if not cat["known"] or ("levels" not in cat and not cat.get("per")):
            line = f"0 counted: {cat.get('what', 'not in my sources')} (max {cat.get('max', 0):g})"
            out.append(Score(cat["id"], 0, line, known=False))
        elif "levels" in cat:
            out.append(_education(cat, got))
        elif cat.get("unit") == "months":
            if got.months is None:
                out.append(Score(cat["id"], 0, "unknown — how many years of qualifying work?", False))
                continue
            pts = _per_points(cat, got.months)
            years = got.months / 12
            rule_text = f"1 per {count(cat['per'], 'month')}, min {cat['min']:g}{cap}"
            line = f"{count(years, 'year')} → {pts} ({rule_text})"
            out.append(Score(cat["id"], pts, line))
        else:
            pts = _per_points(cat, got.ce_hours)
            rule_text = f"1 per {cat['per']:g} {cat['unit']}"
            if got.ce_hours is None:
                line = f"unknown → 0 for now ({rule_text}); how many do you have?"
                out.append(Score(cat["id"], 0, line, False))
            else:
                out.append(Score(cat["id"], pts, f"{count(got.ce_hours, 'hour')} → {pts} ({rule_text}{cap})"))
    return out


def _education(cat: Any, got: Inputs) -> Score:
    if got.degree is None:
        return Score(cat["id"], 0, "unknown — what is your highest degree?", False)
    base = cat["levels"].get(got.degree, 0)
    bonus = cat.get("bonus", 0) if got.informatics and got.degree not in ("none", "high-school") else 0
    pts = min(base + bonus, cat.get("max", base + bonus))
    extra = f" + {bonus:g} for {cat.get('bonus_for', 'the degree subject')} = {pts}" if bonus else ""
    limit = f" (max {cat['max']:g})" if cat.get("max") is not None else ""
    return Score(cat["id"], pts, f"{DEGREE_WORDS.get(got.degree, got.degree)} → {base:g}{extra}{limit}")


def ciip_eligibility(ask: Ask) -> Answer:
    graph, out = ask.graph, Answer()
    cert = next((c for c in graph.of_type("certification") if c.get("eligibility")), None)
    if cert is None or not _usable(cert.get("eligibility")):
        out.add("My sources hold no eligibility rule to check.")
        return out
    rule, got = cert.get("eligibility"), read_inputs(ask)
    scores = score(rule, got)
    cats = {c["id"]: c for c in rule["categories"]}
    abbr = cert.get("abbr")
    out.add(f"{abbr} eligibility — ABII's seven-point system: at least {count(rule['min_total'], 'point')}")
    out.add("and every category minimum. Your points:")
    width = max(len(cats[s.category]["label"]) for s in scores)
    for s in scores:
        out.add(f"  {cats[s.category]['label'].ljust(width)}  {s.line}")
        out.cite(cats[s.category]["source"])
    total = sum(s.points for s in scores)
    sums = " + ".join(f"{s.points}" for s in scores)
    out.add(f"  {'Total'.ljust(width)}  {sums} = {total} (needs {rule['min_total']:g})")
    _verdict(out, rule, cats, scores, got, total)
    if got.said and len(got.said) < len(scores) - 1:
        out.add(f"(From your question: {listing(got.said)}; the rest from your profile.)")
    if got.months is not None:
        what = cats["experience"].get("what", "qualifying work")
        out.add(f"Experience counts only as {what}; I count your years as that.")
        outside = _outside_healthcare(ask)
        if outside:  # a sysadmin at a logistics company: those years may not count
            out.add(
                f"Your years in your job ({outside}) count only if that work was in healthcare "
                "(a hospital's or clinic's IT, imaging or informatics); outside healthcare "
                "they would not."
            )
    known = got.months is not None and got.degree is not None
    _fit(out, ask, eligible=_eligible(rule, cats, scores, total) and known, known=known)
    out.lines = [line for line in out.lines if line]
    out.cite(rule["source"])
    return out


def _usable(rule: Any) -> bool:
    """The rule has the experience category (1 point per N months) the verdict is built on."""
    cats = {c["id"]: c for c in rule["categories"]}
    exp = cats.get("experience", {})
    return bool(exp.get("per")) and exp.get("unit") == "months" and exp.get("known", False)


def _eligible(rule: Any, cats: dict[str, Any], scores: list[Score], total: int) -> bool:
    return total >= rule["min_total"] and all(
        s.points >= cats[s.category]["min"] for s in scores if s.known or cats[s.category]["min"] == 0
    )


def _verdict(
    out: Answer, rule: Any, cats: dict[str, Any], scores: list[Score], got: Inputs, total: int
) -> None:
    exp = next(s for s in scores if s.category == "experience")
    need = max(0, int(rule["min_total"] - total))
    low, per = cats["experience"]["min"], cats["experience"]["per"]
    asks = [
        w
        for w, unknown in (
            ("your years of qualifying work", got.months is None),
            ("your highest degree", got.degree is None),
        )
        if unknown
    ]
    if exp.known and exp.points < low:
        out.add(
            f"Verdict: not yet — experience needs at least {count(low, 'point')} "
            f"({count(low * per, 'month')} of qualifying work; "
            f"{count(low * per - (got.months or 0), 'more month')}). Nobody qualifies "
            "before that, whatever the other points."
        )
    elif _eligible(rule, cats, scores, total) and exp.known:
        out.add(f"Verdict: eligible — {count(total, 'point')}, and every minimum is met.")
        return
    elif asks:
        out.add(f"Verdict: I can't tell yet — tell me {listing(asks)}.")
        out.add(f"With what I know: {total} of {rule['min_total']:g}.")
        return
    else:
        out.add(f"Verdict: not yet — {total} of {rule['min_total']:g}; {count(need, 'more point')} needed.")
    if need:
        out.add(f"Ways to the {count(need, 'missing point')} (any one of them):")
        for way in _ways(cats, scores, got, need):
            out.add(f"  • {way}")


def _ways(cats: dict[str, Any], scores: list[Score], got: Inputs, need: int) -> list[str]:
    """Each single category that could close the gap, with its arithmetic."""
    ways, have = [], {s.category: s.points for s in scores}
    exp = cats["experience"]
    room = (exp.get("max") or need + have["experience"]) - have["experience"]
    if got.months is not None and room > 0:
        more = min(need, room)
        months = (have["experience"] + more) * exp["per"] - got.months
        also = "" if more >= need else f" (experience counts up to {exp['max']:g}: that gives {more} of them)"
        ways.append(f"{count(months / 12, 'more year')} of qualifying work{also}")
    ce = cats.get("ce")
    if ce is not None:
        hours = (have["ce"] + need) * ce["per"] - (got.ce_hours or 0)
        ways.append(f"{count(hours, 'hour')} of continuing education in imaging informatics")
    edu = cats.get("education")
    if edu is not None:
        target = have["education"] + need
        better = [(p, d) for d, p in edu["levels"].items() if p >= target and d != "doctorate"]
        if better:
            pts, degree = min(better)
            word = DEGREE_WORDS[degree]
            article = "an" if word[0] in "aeiou" else "a"
            ways.append(f"{article} {word} ({count(pts, 'point')} instead of {have['education']})")
    return ways


def _fit(out: Answer, ask: Ask, eligible: bool, known: bool) -> None:
    """Why the CIIP, or a PARCA route, fits this person (templates in the intent's replies)."""
    key = "fit_ciip" if eligible else "fit_parca" if known else "fit_either"
    out.add(ask.intent.reply(key, ""))
    out.cite(*(("seed",) if eligible else ("itn-parca-vs-ciip", "parca-cpas", "seed")))
