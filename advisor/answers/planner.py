"""Path planner: from a profile to a goal role, as ordered, explained steps.

Each requirement group of the goal role is met when any one of its options is fully covered
by the profile. For a group not yet met, the planner picks one option (the recommended
route) and says why; alternatives are kept. Items expand into their prerequisites
(skills and certifications that build on others, earlier roles' requirements), and steps
come in topological order: prerequisites first, then by how much the source insists
(required → preferred → plus), then what bridges the user's side (DICOM and HL7 for clinical
people, clinical workflow and terminology for IT people), then by phase (learn → certify →
earn a degree → gain experience). Steps carry a sourced duration where one exists.
"""

from __future__ import annotations

import heapq

from advisor.answers.credit import credited, sides
from advisor.answers.steps import Plan, Route, Step
from advisor.config import QUOTE_MAX
from advisor.knowledge.graph import Graph, Item, Node, Requirement
from advisor.state import DEGREE_RANK, Profile
from advisor.text import count

__all__ = ["Plan", "Planner", "Route", "Step", "plan_path"]  # Step and Plan live in steps.py

LEVEL_RANK = {"required": 0, "preferred": 1, "plus": 2}
PHASE = {"learn": 0, "certify": 1, "earn": 2, "experience": 3}
MAX_ROLE_DEPTH = 3
LEVEL_WORDS = {"required": "requires it", "preferred": "prefers it", "plus": "counts it as a plus"}


class Planner:
    def __init__(self, graph: Graph, profile: Profile) -> None:
        self.graph = graph
        self.profile = profile
        self.skills, self.areas = credited(graph, profile)
        self.sides = sides(graph, self.skills, self.areas)
        self.steps: dict[str, Step] = {}
        self.routes: list[Route] = []
        self.assumptions: list[str] = []

    # -- what the profile covers -------------------------------------------------------
    def covered(self, item: Item) -> bool:
        p = self.profile
        if item.kind == "skill":
            return item.ref in self.skills
        if item.kind == "certification":
            return item.ref in self._held_certs()
        if item.kind == "degree":
            return DEGREE_RANK.get(p.degree or "", 0) >= DEGREE_RANK.get(item.level or "", 9)
        years_ok = item.years is None or (p.years is not None and p.years >= item.years)
        if item.role:
            return p.current_role == item.role and years_ok or self._beyond(item.role)
        if item.area == "relevant-work":
            if p.years and years_ok and "relevant" not in self.assumptions:
                self.assumptions.append("relevant")
            return bool(p.years) and years_ok
        return item.area in self.areas and (item.years is None or years_ok)

    def _beyond(self, role: str) -> bool:
        """True when the current role is reached from `role` by promotions."""
        seen, todo = set(), [role]
        while todo:
            for move in self.graph.leads_to.get(todo.pop(), ()):
                if move.dst == self.profile.current_role:
                    return True
                if move.dst not in seen:
                    seen.add(move.dst)
                    todo.append(move.dst)
        return False

    # -- building steps -----------------------------------------------------------------
    def plan(self, goal: str) -> Plan:
        role = self.graph.nodes[goal]
        # a path that itself includes years of work earns the experience some certifications ask for
        self.gains_experience = any(
            i.kind == "experience" and (i.years or i.role)
            for q in role.requirements
            if q.level == "required"
            for o in q.options
            for i in o.items
        )
        self._add_role(role, depth=0, levels=("required", "preferred", "plus"))
        self._experience_first()
        traits = [self.graph.name(t) for t in role.get("traits", ())]
        return Plan(goal, self._ordered(), self.routes, traits, self.assumptions)

    def _add_role(self, role: Node, depth: int, levels: tuple[str, ...]) -> list[str]:
        ids: list[str] = []
        for req in role.requirements:
            if req.level in levels:
                ids += self._add_requirement(req, role, depth)
        return ids

    def _add_requirement(self, req: Requirement, role: Node, depth: int) -> list[str]:
        met = [i for i, o in enumerate(req.options) if all(self.covered(t) for t in o.items)]
        if met:
            chosen = met[0]
        else:
            chosen, reason = self._choose(req)
            if len(req.options) > 1 and depth == 0:
                labels = [o.label or ", ".join(self._item_name(t) for t in o.items) for o in req.options]
                self.routes.append(Route(req.label, labels, chosen, reason))
        return [
            self._add_item(t, req.level, self._why(t, req, role), req.source, depth)
            for t in req.options[chosen].items
        ]

    def _why(self, item: Item, req: Requirement, role: Node) -> str:
        """A reason that adds something: the skill's sourced 'why', else the source's own words."""
        verb = LEVEL_WORDS[req.level]
        node = self.graph.node(item.ref) if item.kind == "skill" else None
        if node is not None and node.get("why"):
            return f"{role.name} {verb}. {node.get('why')['text']}"
        if req.quote:
            quote = (
                req.quote if len(req.quote) <= QUOTE_MAX else req.quote[:QUOTE_MAX].rsplit(" ", 1)[0] + "…"
            )
            source = self.graph.sources.get(req.source)
            who = source.publisher if source else "the source"
            return f"{role.name} {verb}; {who}: “{quote}”"
        return f"{role.name} {verb} ({req.label.lower()})"

    def _choose(self, req: Requirement) -> tuple[int, str]:
        def cost(index: int) -> tuple[int, int, int]:
            items = req.options[index].items
            blocked = sum(
                1
                for t in items
                if t.kind == "certification"
                and not self.profile.years
                and not self.gains_experience
                and self.graph.nodes[t.ref or ""].get("needs_experience")
            )
            todo = sum(self._size(t) for t in items if not self.covered(t))
            return (blocked, todo, index)

        ranked = sorted(range(len(req.options)), key=cost)
        best = ranked[0]
        if len(ranked) == 1:
            return best, ""
        b, other = cost(best), cost(ranked[1])
        if other[0] > b[0]:
            cert = next(t for t in req.options[ranked[1]].items if t.kind == "certification")
            return best, (
                f"{self.graph.name(cert.ref)} asks for imaging-informatics or IT "
                "experience you have not mentioned yet; this route does not"
            )
        if other[1] > b[1]:
            return best, (
                f"fewer steps ({b[1]} instead of {other[1]})"
                + (
                    "; PACS Boot Camp calls the CIIP the single-certificate alternative to the PARCA set"
                    if any(t.ref == "ciip" for t in req.options[best].items)
                    else ""
                )
            )
        return best, "listed first by the source; either route meets the requirement"

    def _size(self, item: Item) -> int:
        if item.kind == "certification":
            node = self.graph.nodes[item.ref or ""]
            return 1 + sum(
                self._size(Item("certification", ref=d))
                for d in node.get("builds_on", ())
                if d not in self._held_certs()
            )
        return 1

    def _held_certs(self) -> set[str]:
        """Held certificates and those they required (holding the CPSA means the CPAS was passed)."""
        held, todo = set(), list(self.profile.certifications)
        while todo:
            cert = todo.pop()
            if cert not in held and cert in self.graph.nodes:
                held.add(cert)
                todo += self.graph.nodes[cert].get("builds_on", ())
        return held

    def _add_item(self, item: Item, level: str, why: str, source: str, depth: int) -> str:
        step_id, name, kind, effort = self._describe(item)
        status = "done" if self.covered(item) else "todo"
        existing = self.steps.get(step_id)
        if existing is not None:
            if LEVEL_RANK[level] < LEVEL_RANK[existing.level]:
                existing.level, existing.why, existing.source = level, why, source
            return step_id
        step = Step(step_id, name, kind, status, level, why, source, effort)
        self._time(step, item, source)
        step.bridge = self._bridge(item)
        self.steps[step_id] = step
        if status == "done":
            return step_id
        for dep in self._prerequisites(item):
            dep_why = f"{self.graph.name(item.ref)} builds on it"
            step.prereqs.append(self._add_item(dep, level, dep_why, self._source_of(item), depth))
            step.after.append(step.prereqs[-1])
        if item.kind == "experience" and item.role and depth < MAX_ROLE_DEPTH:
            earlier = self.graph.nodes[item.role]
            step.after += self._add_role(earlier, depth + 1, ("required", "preferred"))
        return step_id

    def _time(self, step: Step, item: Item, source: str) -> None:
        """A sourced duration: the requirement's own years of work, else progression.json."""
        p = self.profile
        if item.kind == "experience" and item.years:
            done = p.years if (p.years and item.role and p.current_role == item.role) else 0
            step.months = max(0.0, (item.years - done) * 12)
            who = self.graph.sources[source].publisher if source in self.graph.sources else "the source"
            step.duration = f"{count(item.years, 'year')} of work, the figure {who} gives"
            step.duration_source = source
            return
        for span in self.graph.durations.get(step.id, ()):
            if span["kind"] == "alternative":
                continue
            step.duration, step.duration_source = span["text"], span["source"]
            if span["kind"] == "work":
                step.months = max(0.0, span["months"] - (p.years or 0) * 12)
                if p.years and not step.months:
                    step.duration += f"; your {count(p.years, 'year')} may already count, if they qualify"
                elif p.years:
                    step.duration += (
                        f"; with your {count(p.years, 'year')}, about {count(step.months, 'more month')}"
                    )
            else:
                step.days = span.get("days")
            return

    def _bridge(self, item: Item) -> int:
        node = self.graph.node(item.ref) if item.kind == "skill" else None
        bridges = set(node.get("bridges", ())) if node is not None else set()
        return 0 if bridges & self.sides else 1

    def _spread_bridges(self) -> None:
        """What a step builds on is as needed, and as early, as the step (networking, DICOM);
        what a step waits for (an earlier role's requirements) sorts as early as the step."""
        self._spread_levels()
        for step in self.steps.values():
            step.rank = LEVEL_RANK[step.level]
        todo = list(self.steps.values())
        while todo:
            step = todo.pop()
            for dep_id in step.after:
                dep = self.steps.get(dep_id)
                if dep is not None and dep.rank > step.rank:
                    dep.rank = step.rank
                    todo.append(dep)

    def _spread_levels(self) -> None:
        todo = list(self.steps.values())
        while todo:
            step = todo.pop()
            for dep_id in step.prereqs:
                dep = self.steps.get(dep_id)
                if dep is None:
                    continue
                if LEVEL_RANK[dep.level] > LEVEL_RANK[step.level] or dep.bridge > step.bridge:
                    dep.bridge = min(dep.bridge, step.bridge)
                    if LEVEL_RANK[dep.level] > LEVEL_RANK[step.level]:
                        dep.level = step.level
                    todo.append(dep)

    def _experience_first(self) -> None:
        """A certification that asks for experience comes after the plan's work experience."""
        if self.profile.years:
            return
        work = [sid for sid, s in self.steps.items() if s.kind == "experience" and s.effort]
        for step in self.steps.values():
            node = self.graph.node(step.id.split(":", 1)[1]) if step.id.startswith("certification:") else None
            if node is not None and node.get("needs_experience") and step.status == "todo":
                step.after += [w for w in work if w not in step.after]

    def _prerequisites(self, item: Item) -> list[Item]:
        if item.kind in ("skill", "certification"):
            node = self.graph.nodes[item.ref or ""]
            return [Item(item.kind, ref=d) for d in node.get("builds_on", ())]
        return []

    def _source_of(self, item: Item) -> str:
        node = self.graph.node(item.ref)
        return node.sources[0] if node and node.sources else ""

    def _item_name(self, item: Item) -> str:
        return self._describe(item)[1]

    def _describe(self, item: Item) -> tuple[str, str, str, str]:
        g = self.graph
        if item.kind == "skill":
            node = g.nodes[item.ref or ""]
            if node.get("acquired") == "on-the-job":
                return f"skill:{node.id}", f"Learn {node.name} on the job", "experience", ""
            verb = "Complete" if node.get("acquired") == "course" else "Learn"
            return f"skill:{node.id}", f"{verb} {node.name}", "learn", ""
        if item.kind == "certification":
            node = g.nodes[item.ref or ""]
            return f"certification:{node.id}", f"Earn the {node.name}", "certify", ""
        if item.kind == "degree":
            level = {
                "high-school": "a high school diploma or equivalent",
                "associate": "an associate degree",
                "bachelor": "a bachelor's degree",
                "master": "a master's degree",
            }[item.level or "bachelor"]
            fields = f" ({', '.join(item.fields)})" if item.fields else ""
            return f"degree:{item.level}", f"Earn {level}{fields}", "earn", ""
        years = count(item.years, "year") if item.years else ""
        if item.role:
            name = f"Work as a {g.name(item.role)}" + (f" for {years}" if years else "")
            return f"experience:{item.role}", name, "experience", years
        area = g.area_name(item.area)
        return (
            f"experience:{item.area}",
            f"Gain {years + ' of ' if years else ''}{area}",
            "experience",
            years,
        )

    def _ordered(self) -> list[Step]:
        """Kahn's algorithm; among ready steps: rank, level, bridge, phase, then first added."""
        order = {sid: i for i, sid in enumerate(self.steps)}
        waiting = {sid: {d for d in s.after if d in self.steps} for sid, s in self.steps.items()}

        def key(sid: str) -> tuple[int, int, int, int, int]:
            s = self.steps[sid]
            return (s.rank, LEVEL_RANK[s.level], s.bridge, PHASE[s.kind], order[sid])

        self._spread_bridges()
        ready = [(*key(sid), sid) for sid, deps in waiting.items() if not deps]
        heapq.heapify(ready)
        result: list[Step] = []
        while ready:
            sid = heapq.heappop(ready)[-1]
            result.append(self.steps[sid])
            for other, deps in waiting.items():
                if sid in deps:
                    deps.discard(sid)
                    if not deps:
                        heapq.heappush(ready, (*key(other), other))
        done = [s for s in result if s.status == "done"]
        return done + [s for s in result if s.status == "todo"]


def plan_path(graph: Graph, profile: Profile, goal: str) -> Plan:
    """The plan from `profile` to the role `goal`."""
    return Planner(graph, profile).plan(goal)
