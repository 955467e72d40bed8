"""A 40-line job posting pasted into the real chat (pexpect, bracketed paste) is one message
with one answer, and nothing is written to the profile."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

pexpect = pytest.importorskip("pexpect")

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60
PROMPT = "you › "
CPR_REQUEST = "\x1b[6n"


def expect(child: Any, text: str) -> None:
    """Wait for `text`, answering cursor-position requests as a real terminal would."""
    while child.expect_exact([text, CPR_REQUEST]) == 1:
        child.send("\x1b[1;1R")


def test_a_pasted_posting_gets_one_answer(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "advisor"
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(ADVISOR_HOME=str(tmp_path / "home"), ADVISOR_CACHE_DIR=str(tmp_path / "cache"), TERM="xterm")
    child = pexpect.spawn(str(script), env=env, encoding="utf-8", timeout=TIMEOUT, dimensions=(40, 120))
    try:
        expect(child, PROMPT)
        text = (ROOT / "tests" / "postings" / "dev" / "pacs_admin_bullets.txt").read_text("utf-8")
        lines = (text.splitlines() + [f"- Other duty number {n}" for n in range(40)])[:40]
        child.send("\x1b[200~" + "\n".join(lines) + "\x1b[201~")
        child.send("\r")
        expect(child, "Job posting: PACS Administrator")
        expect(child, "Readiness: ")
        expect(child, "(Nothing from a posting is saved to your profile.)")
        expect(child, PROMPT)
        child.send("what is the CIIP?\r")
        expect(child, "Certified Imaging Informatics Professional")
        assert "Job posting:" not in child.before  # one answer for the paste, not one per line
        expect(child, PROMPT)
        child.sendcontrol("d")
        while child.expect_exact([pexpect.EOF, CPR_REQUEST]) == 1:
            child.send("\x1b[1;1R")
    finally:
        if child.isalive():
            child.terminate(force=True)
    assert not (tmp_path / "home" / "profile.json").exists()
