"""Docs and code agree: the slash-command table in README.md, and the README's test command
is exactly what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from advisor.terminal.commands import COMMANDS, HANDLERS, Command

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def section(title: str) -> str:
    """The README text from a '### title' heading to the next heading."""
    match = re.search(rf"^#+ {re.escape(title)}\n(.*?)(?=^#)", README, re.M | re.S)
    assert match, f"README.md has no section {title!r}"
    return match.group(1)


def readme_commands() -> dict[str, str]:
    """`| `/goal ROLE` | set the role … |` rows of the slash-command table → {usage: help}."""
    rows = re.findall(r"^\| `(/[^`]*)` \| (.*?) \|$", section("Slash commands in the chat"), re.M)
    return dict(rows)


def usage(command: Command) -> str:
    return f"{command.name} {command.arg}".strip()


@pytest.mark.parametrize("command", COMMANDS, ids=[c.name for c in COMMANDS])
def test_each_command_has_help_and_is_in_the_readme(command: Command) -> None:
    assert command.help.strip()
    assert command.name in HANDLERS
    assert readme_commands().get(usage(command)) == command.help


def test_readme_lists_no_other_commands() -> None:
    assert sorted(readme_commands()) == sorted(usage(c) for c in COMMANDS)


def test_readme_test_command_is_what_ci_runs() -> None:
    quick_start = section("Quick start")
    blocks = re.findall(r"```sh\n(.*?)\n```", quick_start, re.S)
    test_block = blocks[quick_start[: quick_start.index("Run the tests")].count("```sh") :][0]
    ci_lines = [
        line
        for line in (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert test_block.strip() == ci_lines[-1].strip()
