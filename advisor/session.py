"""A user's session: one conversation tied to a saved profile file. Used by the CLI and REPL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from .engine import Advisor
from .errors import UsageError
from .reply import Reply
from .storage import default_profile_path, load_state, save_state


class Session:
    def __init__(self, engine: Advisor, profile_path: Path | None, stderr: TextIO) -> None:
        self.engine = engine
        self.path = profile_path or default_profile_path()
        state, warning = load_state(self.path)
        if warning:
            stderr.write(warning + "\n")
        self.conversation = engine.conversation(state)
        self.first_run = state is None
        self.last: Reply | None = None
        self.stderr = stderr

    def ask(self, text: str) -> Reply:
        """Answer one message, and save the state when the profile changed."""
        before = json.dumps(self.conversation.state.profile.__dict__, sort_keys=True)
        reply = self.conversation.reply(text)
        self.last = reply
        after = json.dumps(self.conversation.state.profile.__dict__, sort_keys=True)
        if before != after or reply.profile_changed:
            self.save()
        return reply

    def save(self) -> None:
        try:
            save_state(self.path, self.conversation.state_dict())
        except OSError as err:
            self.stderr.write(f"warning: could not save your profile to {self.path}: {err.strerror}\n")

    def forget(self) -> None:
        """Wipe the profile and the conversation (history is the REPL's to wipe)."""
        from .state import State
        self.conversation.state = State()
        self.save()

    def goal(self, role_text: str) -> Reply:
        return self.ask(f"I want to become a {role_text}")

    def find_role(self, text: str) -> str:
        from .text import normalize, tokenize
        parsed = self.engine.extractor.parse(tokenize(normalize(text)))
        role = parsed.first("role")
        if role is None:
            names = ", ".join(r.name for r in self.engine.graph.career_roles())
            raise UsageError(f"unknown role '{text[:60]}'; try one of: {names}")
        return role.id

    def path(self, role_text: str, markdown: bool, out: TextIO) -> int:
        from .answers.paths import describe_plan, plan_markdown
        from .planner import plan_path
        role = self.find_role(role_text)
        profile = self.conversation.state.profile
        if markdown:
            out.write(plan_markdown(self.engine.graph, profile, role))
        else:
            plan = plan_path(self.engine.graph, profile, role)
            out.write("\n".join(describe_plan(self.engine.graph, plan, profile).lines) + "\n")
        return 0

    def piped(self, stdin: TextIO, stdout: TextIO, as_json: bool) -> int:
        """Answer each input line in one conversation; no prompts or decorations."""
        for line in stdin:
            if not line.strip():
                continue
            reply = self.ask(line.rstrip("\n"))
            if as_json:
                stdout.write(json.dumps(reply.to_dict(), ensure_ascii=False) + "\n")
            else:
                stdout.write(reply.text + "\n\n")
            stdout.flush()
        return 0
