"""Test support for the posting reader: the shipped knowledge plus stand-ins for the ids
another branch adds (CONTRACT.md: sql, linux, arrt-r, …), so the reader can be tested
against them before that branch is merged. Ids already in the knowledge are left alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NEW_SKILLS = {
    "sql": "SQL and databases",
    "linux": "Unix / Linux",
    "interface-engines": "HL7 interface engines",
    "routing-prefetch": "Auto-routing and prefetching",
    "backup-recovery": "Backup and disaster recovery",
    "user-access": "User accounts and access",
    "hipaa": "HIPAA privacy and security",
    "troubleshooting": "Troubleshooting",
    "user-training": "Training users",
    "vendor-training": "Vendor PACS training",
    "project-management": "Project management",
}
NEW_CONCEPTS = {"ehr": "Electronic health record (EHR)"}
NEW_CERTS = {
    "arrt-r": "ARRT Radiography R.T.(R)",
    "arrt-postprimary": "ARRT post-primary credential",
    "comptia-a-plus": "CompTIA A+",
    "security-plus": "CompTIA Security+",
    "ccna": "Cisco CCNA",
    "rdms": "RDMS",
    "rdcs": "RDCS",
    "rhit": "RHIT",
    "rn-license": "Registered nurse licence",
    "chea": "CHEA",
    "parca-dicom": "PARCA DICOM certification",
    "prince2": "PRINCE2",
}


def _add(data: dict[str, Any], key: str, nodes: dict[str, str], make: Any) -> None:
    have = {n["id"] for n in data[key]}
    data[key] += [make(i, name) for i, name in nodes.items() if i not in have]


def future_knowledge(target: Path) -> Path:
    """A copy of knowledge/ with the contract's new skill, concept and certification ids."""
    kdir = target / "knowledge"
    shutil.copytree(ROOT / "knowledge", kdir)
    stub = {"description": "Stand-in for tests.", "sources": ["seed"]}
    files = {
        "skills.json": (
            "skills",
            NEW_SKILLS,
            lambda i, n: {
                "id": i,
                "name": n,
                "aliases": [],
                "kind": "technical",
                "acquired": "study",
                "builds_on": [],
                **stub,
            },
        ),
        "concepts.json": ("concepts", NEW_CONCEPTS, lambda i, n: {"id": i, "name": n, "aliases": [], **stub}),
        "certifications.json": (
            "certifications",
            NEW_CERTS,
            lambda i, n: {
                "id": i,
                "name": n,
                "abbr": i.upper(),
                "aliases": [],
                "issuer": "comptia",
                "level": "entry",
                "builds_on": [],
                "alternative_to": [],
                "helps_roles": [],
                "needs_experience": False,
                **stub,
            },
        ),
    }
    for name, (key, nodes, make) in files.items():
        path = kdir / name
        data = json.loads(path.read_text("utf-8"))
        _add(data, key, nodes, make)
        path.write_text(json.dumps(data, indent=1), "utf-8")
    return kdir
