"""The knowledge graph as a Mermaid diagram (roles, certifications and how they connect)."""

from __future__ import annotations

from advisor.knowledge.graph import Graph


def _mid(node_id: str) -> str:
    return node_id.replace("-", "_")


def _label(text: str) -> str:
    return text.replace('"', "'")


def mermaid(graph: Graph) -> str:
    """`flowchart LR`: role progressions (solid), certification foundations (dotted), which
    certifications help which roles (thin)."""
    lines = ["flowchart LR"]
    for role in graph.of_type("role"):
        shape = ('(["', '"])') if role.get("track") == "background" else ('["', '"]')
        lines.append(f"  {_mid(role.id)}{shape[0]}{_label(role.name)}{shape[1]}")
    for cert in graph.of_type("certification"):
        lines.append(f'  {_mid(cert.id)}{{{{"{_label(cert.get("abbr"))}"}}}}')
    for src, moves in sorted(graph.leads_to.items()):
        for move in moves:
            label = f"|{move.years:g} yrs|" if move.years else ""
            lines.append(f"  {_mid(src)} -->{label} {_mid(move.dst)}")
    for cert in graph.of_type("certification"):
        for base in cert.get("builds_on", ()):
            lines.append(f"  {_mid(base)} -.->|foundation| {_mid(cert.id)}")
        for role in cert.get("helps_roles", ()):
            lines.append(f"  {_mid(cert.id)} --- {_mid(role)}")
    return "\n".join(lines) + "\n"
