"""Slash commands of the chat: one table (name, argument, help), one handler each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from advisor.converse.session import Session
from advisor.errors import UsageError


@dataclass(frozen=True)
class Command:
    name: str
    arg: str
    help: str


COMMANDS = (
    Command("/help", "", "show what I can do and these commands"),
    Command("/profile", "", "show what I know about you"),
    Command("/goal", "ROLE", "set the role you are aiming for"),
    Command("/path", "", "your step-by-step path to your goal"),
    Command("/next", "", "the single best next step (and two runners-up)"),
    Command("/why", "", "why I answered as I did: intent, confidence, matches, runners-up"),
    Command("/sources", "", "the sources behind my last answer"),
    Command("/match", "", "compare a job posting with your profile (paste it next)"),
    Command("/export", "FILE", "save your plan (and the last job match) as Markdown"),
    Command("/forget", "", "wipe your profile and history (asks first)"),
    Command("/quit", "", "leave (Ctrl-D works too)"),
)


NO_GOAL = "Set a goal first, e.g. /goal pacs analyst"


@dataclass
class Outcome:
    text: str
    quit: bool = False
    confirm_forget: bool = False
    collect_posting: bool = False  # the next lines are a job posting (/match)


def help_text() -> str:
    width = max(len(f"{c.name} {c.arg}".strip()) for c in COMMANDS)
    rows = [f"  {f'{c.name} {c.arg}'.strip().ljust(width)}  {c.help}" for c in COMMANDS]
    return "Commands:\n" + "\n".join(rows)


def _why(session: Session, _: str) -> Outcome:
    r = session.last
    if r is None:
        return Outcome("Nothing to explain yet: ask me something first.")
    lines = [f"intent: {r.intent} (confidence {r.confidence:.2f})"]
    if r.example:
        lines.append(f"nearest example: {r.example!r}")
    for e in r.entities:
        lines.append(f"matched: {e['text']!r} → {e['type']} {e['name']}")
    for typed, read in r.corrections:
        lines.append(f"read {typed!r} as {read!r}")
    if r.runners_up:
        lines.append("runners-up: " + ", ".join(f"{n} {s:.2f}" for n, s in r.runners_up))
    return Outcome("\n".join(lines))


def _sources(session: Session, _: str) -> Outcome:
    r = session.last
    if r is None or not r.sources:
        return Outcome("My last answer cited no sources." if r else "Ask me something first.")
    return Outcome(
        "\n".join(
            f"[{s['id']}] {s['title']} — {s['publisher']}" + (f" <{s['url']}>" if s["url"] else "")
            for s in r.sources
        )
    )


def _profile(session: Session, _: str) -> Outcome:
    lines = session.profile_lines()
    if not lines:
        return Outcome('Your profile is empty. Tell me, e.g. "I\'m a rad tech with 3 years of experience".')
    return Outcome("What I know about you:\n" + "\n".join(f"  • {line}" for line in lines))


def _goal(session: Session, arg: str) -> Outcome:
    if not arg:
        return Outcome("Usage: /goal ROLE, e.g. /goal pacs analyst")
    try:
        name = session.set_goal(arg)
    except UsageError as err:
        return Outcome(str(err)[:1].upper() + str(err)[1:])
    return Outcome(f"Goal set: {name}. Try /path or /next.")


def _path(session: Session, _: str) -> Outcome:
    goal = session.goal()
    if goal is None:
        return Outcome(NO_GOAL)
    return Outcome(session.ask(f"how do I become a {goal}?").text)


def _next(session: Session, _: str) -> Outcome:
    if session.goal() is None:
        return Outcome(NO_GOAL)
    return Outcome(session.ask("what should I learn next?").text)


def _export(session: Session, arg: str) -> Outcome:
    goal = session.profile.get("goal")
    if not arg:
        return Outcome("Usage: /export FILE, e.g. /export plan.md")
    if goal is None and session.last_match is None:
        return Outcome(NO_GOAL)
    parts = [session.plan_markdown(goal)] if goal else []
    if session.last_match is not None:
        from advisor.posting.render import markdown

        parts.append(markdown(session.engine.graph, session.last_match))
    target = Path(arg).expanduser()
    try:
        target.write_text("\n".join(parts), "utf-8")
    except OSError as err:
        return Outcome(f"Could not write {arg}: {err.strerror or err}")
    return Outcome(f"Plan saved to {target}.")


def _match(session: Session, _: str) -> Outcome:
    again = " (an empty line alone: the last posting again)" if session.last_posting else ""
    return Outcome(f"Paste the job posting, then an empty line (or Ctrl-D){again}.", collect_posting=True)


def match_text(session: Session, text: str) -> str:
    """The answer to a pasted job posting (the profile is only read)."""
    from advisor.posting.render import text as render

    return render(session.engine.graph, session.match(text))


def _forget(session: Session, _: str) -> Outcome:
    return Outcome("This wipes your profile and chat history. Type 'yes' to confirm.", confirm_forget=True)


def _quit(session: Session, _: str) -> Outcome:
    return Outcome("Goodbye!", quit=True)


def _help(session: Session, _: str) -> Outcome:
    return Outcome(session.help_intro() + "\n\n" + help_text())


HANDLERS: dict[str, Callable[[Session, str], Outcome]] = {
    "/help": _help,
    "/profile": _profile,
    "/goal": _goal,
    "/path": _path,
    "/next": _next,
    "/why": _why,
    "/sources": _sources,
    "/match": _match,
    "/export": _export,
    "/forget": _forget,
    "/quit": _quit,
}


def run_command(session: Session, line: str) -> Outcome:
    name, _, arg = line.strip().partition(" ")  # "/goal  pacs analyst" → ("/goal", "pacs analyst")
    handler = HANDLERS.get(name.lower())
    if handler is None:
        return Outcome(f"Unknown command {name[:30]!r}. Type /help for the list.")
    return handler(session, arg.strip())


class PipedCommands:
    """Slash commands in piped mode (`printf '/profile\\n' | advisor`), with /forget's yes/no."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.confirming = False

    def handle(self, line: str) -> Outcome | None:
        """The command's outcome, or None when the line is a message for the conversation."""
        if self.confirming:
            self.confirming = False
            if line.lower() in ("y", "yes"):
                self.session.forget()
                return Outcome("Profile and history wiped.")
            return Outcome("Kept everything.")
        if not line.startswith("/"):
            return None
        outcome = run_command(self.session, line)
        self.confirming = outcome.confirm_forget
        return outcome
