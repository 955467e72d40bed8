"""The installed `advisor` script, once for real in a pseudo-terminal (pexpect)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

pexpect = pytest.importorskip("pexpect")

TIMEOUT = 60  # generous: a cold start on a slow CI machine
PROMPT = "you › "
CPR_REQUEST = "\x1b[6n"


@pytest.fixture()
def advisor(tmp_path: Path) -> Any:
    script = Path(sys.executable).parent / "advisor"
    assert script.exists(), f"{script} missing: install the project (pip install -e .)"
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(
        ADVISOR_HOME=str(tmp_path / "home"),
        ADVISOR_CACHE_DIR=str(tmp_path / "cache"),
        TERM="xterm",
        COLUMNS="120",
        LINES="40",
    )
    child = pexpect.spawn(str(script), env=env, encoding="utf-8", timeout=TIMEOUT, dimensions=(40, 120))
    yield child
    if child.isalive():
        child.terminate(force=True)


class Terminal:
    """Answers prompt-toolkit's cursor-position requests as a real terminal would (the
    bottom toolbar is drawn only once the terminal has answered)."""

    def __init__(self, child: Any) -> None:
        self.child = child

    def expect(self, text: str) -> None:
        while self.child.expect_exact([text, CPR_REQUEST]) == 1:
            self.child.send("\x1b[1;1R")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.child, name)


def test_a_real_chat_in_a_terminal(advisor: Any, tmp_path: Path) -> None:
    child = Terminal(advisor)
    child.expect("Welcome to pacs-advisor!")
    child.expect("Type /help for commands")
    child.expect(PROMPT)
    child.expect("goal: none (/goal ROLE)")  # the bottom toolbar

    child.send("how much does a pacs admin make in san fransisco?\r")
    child.expect("San Francisco, California")
    child.expect(PROMPT)

    child.send("what is the CIIP?\r")
    child.expect("Certified Imaging Informatics Professional")
    child.expect(PROMPT)

    child.send("I live in Boston\r")
    child.expect("Location: Boston, Massachusetts")
    child.expect(PROMPT)

    child.send("/pa\t")  # Tab completes the only match
    child.expect("/path")
    child.send("\r")
    child.expect("Set a goal first")
    child.expect(PROMPT)

    child.send("/why\r")
    child.expect("intent: profile_update")
    child.expect(PROMPT)

    child.sendcontrol("d")
    advisor.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    profile = tmp_path / "home" / "profile.json"
    assert profile.exists()
    assert stat.S_IMODE(profile.stat().st_mode) == 0o600
    assert "boston" in profile.read_text("utf-8")
    assert stat.S_IMODE((tmp_path / "home" / "history").stat().st_mode) == 0o600
