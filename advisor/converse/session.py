"""A user's session: one conversation tied to a saved profile file. Used by the CLI and REPL.

The REPL and the CLI talk to the engine only through this class, so the few places that
need more than `conversation.reply` (names for completion, the plan as Markdown) are here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from advisor.converse.profile_talk import apply
from advisor.converse.storage import (
    apply_changes,
    default_profile_path,
    delete_state,
    load_state,
    merge_save,
    profile_changes,
    reread,
    signature,
)
from advisor.engine import Advisor
from advisor.errors import ProfileError, UsageError
from advisor.reply import Reply
from advisor.state import Context, State, prune
from advisor.text import sanitize as safe
from advisor.understand.statements import ProfileChanges

Show = Callable[[str], str]  # lays a reply's text out for the output
# profile fields that hold graph ids, and the fields that hold lists of them
NAME_TYPES = ("role", "certification", "concept", "skill", "organisation")


class Session:
    """One conversation over a shared engine, saved to `profile_path` on every change."""

    def __init__(self, engine: Advisor, profile_path: Path | None, stderr: TextIO) -> None:
        self.engine = engine
        self.profile_path = profile_path or default_profile_path()
        self.stderr = stderr
        state, warning = load_state(self.profile_path)
        if warning:
            stderr.write(warning + "\n")
        self.first_run = state is None
        self.conversation = engine.conversation(self._known_ids(state) if state else None)
        # a new session's first message follows no message of this session: "no, that was a
        # question" then has nothing of the last message to take back (saves skip questions)
        self.conversation.state.context.changed = None
        self.last: Reply | None = None
        self._base = self.profile  # the profile on disk when last read or saved: saves merge
        self._seen = signature(self.profile_path)
        self._save_failed = False
        self.last_match: Any = None  # the last job posting compared (advisor.posting.Match)
        self.last_posting = ""  # its text, to compare again once the profile has changed

    # -- the conversation ---------------------------------------------------------------
    def ask(self, text: str) -> Reply:
        """Answer one message, and save the state when the profile changed."""
        self.refresh()
        before = self._profile_json()
        reply = self.conversation.reply(text)
        self.last = reply
        if reply.profile_changed or self._profile_json() != before:
            self.save()
        return reply

    def match(self, text: str) -> Any:
        """Compare a job posting with the profile; the profile is only read, never saved."""
        from advisor.posting import match, read_posting

        self.last_posting = text
        self.last_match = match(self.engine, self.conversation.state.profile, read_posting(self.engine, text))
        return self.last_match

    def save(self) -> None:
        """Save this session's changes merged into the profile on disk (another terminal's
        facts are kept), and take the merged profile as ours."""
        try:
            saved = merge_save(self.profile_path, self.conversation.state_dict(), self._base)
        except (OSError, ProfileError) as err:
            if not self._save_failed:  # say it once, not after every message
                why = err.strerror if isinstance(err, OSError) else f"it cannot be read: {err}"
                self.stderr.write(
                    f"warning: could not save your profile to {safe(str(self.profile_path))}: {why}\n"
                )
            self._save_failed = True
            return
        self._adopt(saved["profile"])
        self._base, self._seen = saved["profile"], signature(self.profile_path)

    def refresh(self) -> None:
        """Take in what another terminal saved since we last looked (our changes kept)."""
        seen = signature(self.profile_path)
        if seen == self._seen or seen is None:
            return
        self._seen = seen
        disk = reread(self.profile_path)
        if disk is None:
            return
        mine = profile_changes(self._base, self.profile)
        self._adopt(apply_changes(disk["profile"], mine))
        self._base = disk["profile"]

    def _adopt(self, profile: dict[str, Any]) -> None:
        state = self.conversation.state_dict()
        try:
            loaded = State.from_dict({**state, "profile": profile})
        except ProfileError:
            return
        prune(loaded, self.engine.graph.nodes)
        self.conversation.state.profile = loaded.profile

    def forget(self) -> None:
        """Wipe the profile file and start a fresh conversation (history is the REPL's)."""
        self.conversation = self.engine.conversation()
        self.last = None
        self._base = self.profile
        try:
            delete_state(self.profile_path)
            self._seen = None
        except OSError as err:
            self.stderr.write(f"warning: could not delete {self.profile_path}: {err.strerror}\n")

    def set_goal(self, role_text: str) -> str:
        """Set the goal role (UsageError when unknown); returns the role's name."""
        role = self.find_role(role_text)
        changes = ProfileChanges()
        changes.values["goal"] = role
        apply(self.conversation.state, changes)  # remembered for undo, like a stated goal
        self.save()
        return self.engine.graph.name(role)

    # -- what the profile holds ---------------------------------------------------------
    @property
    def profile(self) -> dict[str, Any]:  # what this session holds (refresh() takes in others')
        profile: dict[str, Any] = self.conversation.state_dict()["profile"]
        return profile

    def goal(self) -> str | None:
        """The goal role's name, or None."""
        goal = self.profile.get("goal")
        return self.engine.graph.name(goal) if goal else None

    def profile_lines(self) -> list[str]:
        from advisor.answers.basic import profile_lines

        self.refresh()
        return profile_lines(self.engine.graph, self.conversation.state.profile)

    def summary(self) -> str:
        """A short profile summary for the toolbar: 'PACS Analyst, 3 yrs, 2 skills'."""
        p, graph = self.profile, self.engine.graph
        held = [graph.name(p["current_role"])] if p.get("current_role") else []
        if p.get("degree"):
            held.append("no degree" if p["degree"] == "none" else f"{p['degree'].replace('-', ' ')} degree")
        if p.get("years") is not None:
            held.append(f"{p['years']:g} yrs")
        if p.get("skills"):
            count = len(p["skills"])
            held.append(f"{count} skill{'s' if count != 1 else ''}")
        held += [
            graph.nodes[c].get("abbr") or graph.name(c)
            for c in p.get("certifications", [])
            if c in graph.nodes
        ]
        if p.get("place"):
            held.append(graph.name(p["place"]))
        return ", ".join(held)

    # -- names and texts for the REPL ---------------------------------------------------
    def names(self) -> list[str]:
        """Role, certification, concept, skill and organisation names, certification
        abbreviations, then longer aliases; one spelling per name (the first wins)."""
        nodes = [n for t in NAME_TYPES for n in self.engine.graph.of_type(t)]
        candidates = [n.name for n in nodes] + [str(n.get("abbr")) for n in nodes if n.get("abbr")]
        candidates += [a for n in nodes if n.type != "organisation" for a in n.aliases if len(a) > 3]
        unique = {c.lower(): c for c in reversed(candidates)}
        return sorted(unique.values(), key=lambda n: (n.lower(), n))

    def role_names(self) -> list[str]:
        return [r.name for r in self.engine.graph.career_roles()]

    def examples(self) -> tuple[str, ...]:
        from advisor.answers.basic import EXAMPLES

        return EXAMPLES

    def help_intro(self) -> str:
        """The help intent's text without its example list (the REPL adds commands)."""
        return self.engine.catalog["help"].reply("text").split("Try:")[0].rstrip()

    # -- paths ----------------------------------------------------------------------------
    def find_role(self, text: str) -> str:
        """A role id for what the user typed (typos welcome); UsageError when none."""
        from advisor.text import normalize, tokenize

        parsed = self.engine.extractor.parse(tokenize(normalize(text)))
        role = parsed.first("role")
        if role is None:
            names = ", ".join(self.role_names())
            raise UsageError(f"unknown role '{text[:60]}'; try one of: {names}")
        return str(role.id)

    def plan_markdown(self, role: str) -> str:
        from advisor.answers.paths import plan_markdown

        return plan_markdown(self.engine.graph, self.conversation.state.profile, role)

    def print_path(self, role_text: str, markdown: bool, out: TextIO, show: Show = str) -> int:
        """`advisor path --to ROLE`: the plan as text or Markdown."""
        from advisor.answers.paths import describe_plan
        from advisor.answers.planner import plan_path

        role = self.find_role(role_text)
        if markdown:
            out.write(self.plan_markdown(role))
            return 0
        profile = self.conversation.state.profile
        plan = plan_path(self.engine.graph, profile, role)
        out.write(show("\n".join(describe_plan(self.engine.graph, plan, profile).lines)) + "\n")
        return 0

    def piped(self, stdin: TextIO, stdout: TextIO, as_json: bool, show: Show = str) -> int:
        """Answer each input line in one conversation; no prompts or decorations.
        `show` lays a reply's text out for the output (the CLI fits it to the width)."""
        from advisor.terminal.commands import PipedCommands  # the command table imports Session

        commands = PipedCommands(self)
        for line in stdin:
            if not line.strip():
                continue
            outcome = commands.handle(line.strip())
            if outcome is not None:  # a slash command (or the answer to /forget's question)
                text = outcome.text
                stdout.write(
                    json.dumps({"command": True, "text": text}) + "\n" if as_json else show(text) + "\n\n"
                )
                if outcome.quit:
                    break
                continue
            reply = self.ask(line.rstrip("\r\n"))
            if as_json:
                stdout.write(json.dumps(reply.to_dict(), ensure_ascii=False) + "\n")
            else:
                stdout.write(show(reply.text) + "\n\n")
            stdout.flush()
            if reply.end:  # "bye" ends the conversation, as in the chat
                break
        return 0

    # -- helpers --------------------------------------------------------------------------
    def _profile_json(self) -> str:
        return json.dumps(self.profile, sort_keys=True)

    def _known_ids(self, state: dict[str, Any]) -> dict[str, Any]:
        """Drop ids the loaded knowledge no longer has (a role removed since the last run)."""
        loaded = State.from_dict(state)
        dropped = prune(loaded, self.engine.graph.nodes)
        if not dropped:
            return state
        self.stderr.write(
            f"warning: your profile mentions things I no longer know; forgot: {', '.join(dropped)}\n"
        )
        loaded.context = Context()
        return loaded.to_dict()
