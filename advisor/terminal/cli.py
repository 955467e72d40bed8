"""Command line: `advisor [chat|ask|validate|eval|path|graph]`.

Exit codes: 0 ok, 1 usage error (bad arguments, unknown role or file), 2 bad data
(the knowledge or intent files fail validation). A user never sees a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from advisor.config import CV_FOLDS
from advisor.errors import AdvisorError, DataError, UsageError
from advisor.text import safe

if TYPE_CHECKING:
    from advisor.converse.session import Session, Show
    from advisor.engine import Advisor

EXIT_OK, EXIT_USAGE, EXIT_DATA = 0, 1, 2


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would exit 2, our code for bad data
        raise UsageError(message)


def _common(top: bool) -> Parser:
    """Options every command takes. On subcommands they default to SUPPRESS, so
    `advisor --json ask …` and `advisor ask --json …` both work (argparse would otherwise
    let the subcommand's defaults overwrite what was given before it)."""
    common = Parser(add_help=False)
    extra: dict[str, Any] = {} if top else {"default": argparse.SUPPRESS}
    common.add_argument(
        "--profile",
        type=Path,
        metavar="PATH",
        help="profile file to use (default: in your data dir)",
        **extra,
    )
    common.add_argument("--knowledge", type=Path, metavar="DIR", help="knowledge directory to load", **extra)
    common.add_argument("--intents", type=Path, metavar="DIR", help="intents directory to load", **extra)
    common.add_argument("--json", action="store_true", help="print replies as JSON", **extra)
    common.add_argument("--no-color", action="store_true", help="plain output without colour", **extra)
    return common


def build_parser() -> Parser:
    parser = Parser(
        prog="advisor",
        parents=[_common(top=True)],
        description="Offline career-path advisor for PACS and imaging informatics.",
        epilog="Exit codes: 0 ok, 1 usage error, 2 bad data.",
    )
    common = _common(top=False)
    sub = parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")
    sub.add_parser("chat", parents=[common], help="chat in the terminal (the default)")
    ask = sub.add_parser("ask", parents=[common], help="answer one question and exit")
    ask.add_argument("question", nargs="+", help="the question, in your own words")
    val = sub.add_parser("validate", parents=[common], help="check the knowledge and intent files")
    val.add_argument("dir", nargs="?", type=Path, help="knowledge directory (default: shipped)")
    ev = sub.add_parser("eval", parents=[common], help="intent accuracy or multi-turn checks")
    ev.add_argument(
        "file",
        type=Path,
        nargs="?",
        help='JSON Lines of {"text", "intent"}, or JSON {"conversations": [...]}',
    )
    ev.add_argument(
        "--cv", type=int, nargs="?", const=CV_FOLDS, metavar="K", help="K-fold cross-validation over intents/"
    )
    ev.add_argument("--postings", type=Path, metavar="DIR", help="job-posting fixtures: extraction scores")
    _match_parser(sub, common)
    path = sub.add_parser("path", parents=[common], help="print the path to a role")
    path.add_argument("--to", required=True, metavar="ROLE", help="target role, e.g. 'pacs analyst'")
    path.add_argument("--markdown", action="store_true", help="print the plan as Markdown")
    graph = sub.add_parser("graph", parents=[common], help="export the knowledge graph")
    graph.add_argument("--mermaid", action="store_true", required=True, help="as a Mermaid diagram")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `advisor` script."""
    if isinstance(sys.stdin, io.TextIOWrapper):  # piped bytes that are not UTF-8 must not crash
        sys.stdin.reconfigure(errors="replace")
    try:
        return run(
            sys.argv[1:] if argv is None else argv, sys.stdin, sys.stdout, sys.stderr, own_process=True
        )
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `advisor graph --mermaid | head`
        _silence_stdout()
        return EXIT_OK
    except Exception as err:  # noqa: BLE001 - a bug must reach the user as one line, not a traceback
        sys.stderr.write(
            safe(f"advisor: something went wrong ({type(err).__name__}: {err}); please report it\n")
        )
        return EXIT_USAGE


class SafeStream:
    """A text stream that sanitises everything written to it (argv echoed in errors, file
    names, data, replies): no escape sequence or control character but a newline passes."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(safe(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def run(argv: list[str], stdin: TextIO, stdout: TextIO, stderr: TextIO, own_process: bool = False) -> int:
    """Parse `argv` and run the command; returns the exit code (never raises for users).
    `own_process`: the caller is the process's entry point (see `_engine`)."""
    stdout, stderr = cast(TextIO, SafeStream(stdout)), cast(TextIO, SafeStream(stderr))
    try:
        args = _parse(argv, stdout, stderr)
        args.own_process = own_process
        return _dispatch(args, stdin, stdout, stderr)
    except _Exit as done:
        return done.code
    except UsageError as err:
        stderr.write(f"advisor: {err}\nTry 'advisor --help'.\n")
        return EXIT_USAGE
    except DataError as err:
        count = len(err.problems)
        stderr.write(f"advisor: the data has {count} problem(s); nothing was changed:\n")
        for problem in err.problems:
            stderr.write(f"  {problem.line()}\n")
        stderr.write("Run 'advisor validate' after fixing them.\n")
        return EXIT_DATA
    except AdvisorError as err:
        stderr.write(f"advisor: {err}\n")
        return EXIT_USAGE


class _Exit(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


def _parse(argv: list[str], stdout: TextIO, stderr: TextIO) -> argparse.Namespace:
    """argparse prints --help to sys.stdout and exits; send it to `stdout`, return 0 instead."""
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            return build_parser().parse_args(argv)
    except SystemExit as done:
        raise _Exit(EXIT_OK if done.code in (0, None) else EXIT_USAGE) from None


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's flush is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _engine(args: argparse.Namespace) -> Advisor:
    """The engine. When the `advisor` command owns the process (`main`), its modules and the
    engine (~100k objects, all living as long as the process) are made with the cyclic
    garbage collector paused and then frozen out of its sight: collecting among them is
    wasted work (~10 ms of a cached start). `run` alone (tests, embedding) leaves gc alone."""
    pause = bool(getattr(args, "own_process", False)) and gc.isenabled()
    if pause:
        gc.disable()
    try:
        from advisor.engine import Advisor

        _need_dirs(args.knowledge, args.intents)
        return Advisor.load(args.knowledge, args.intents)
    finally:
        if pause:
            gc.freeze()
            gc.enable()


def _need_dirs(*dirs: Path | None) -> None:
    """A directory named on the command line that does not exist is a usage error."""
    for folder in dirs:
        if folder is not None and not folder.is_dir():
            raise UsageError(f"no such directory: {folder}")


def _dispatch(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    command = args.command or "chat"
    if command == "validate":
        return _validate(args, stdout, stderr)
    if command == "graph":
        from advisor.knowledge.export import mermaid

        stdout.write(mermaid(_engine(args).graph))
        return EXIT_OK
    if command == "eval" and args.postings is not None:
        return _eval_postings(args, stdout)
    if command == "match":
        return _match(args, stdin, stdout, stderr)
    if command == "eval" and args.cv is not None:
        from advisor.terminal.crossval import cv_command

        return cv_command(_engine(args), args.cv, args.json, stdout)
    if command == "eval":
        from advisor.terminal.evaluate import run_eval

        if args.file is None:
            raise UsageError("the following arguments are required: file")
        report, text = run_eval(_engine(args), args.file)
        stdout.write(json.dumps(report, indent=2) + "\n" if args.json else text)
        return EXIT_OK
    engine = _engine(args)
    from advisor.converse.session import Session
    from advisor.terminal.layout import fit, width_of

    session = Session(engine, args.profile, stderr)
    width = width_of(stdout)

    def show(text: str) -> str:
        return fit(text, width)  # charts re-scaled and lines wrapped to the terminal (80 piped)

    if command == "path":
        return session.print_path(args.to, args.markdown, stdout, show)
    if command == "ask":
        reply = session.ask(" ".join(args.question))
        stdout.write(
            json.dumps(reply.to_dict(), ensure_ascii=False) + "\n" if args.json else show(reply.text) + "\n"
        )
        return EXIT_OK
    if not stdin.isatty() or not stdout.isatty():
        if not stdin.isatty():  # a whole job posting piped in is answered once, by the matcher
            return _piped(session, stdin, stdout, args.json, show)
        return session.piped(stdin, stdout, args.json, show)
    from advisor.terminal.repl import run_repl

    return run_repl(session, color=not args.no_color)


def _piped(session: Session, stdin: TextIO, stdout: TextIO, as_json: bool, show: Show) -> int:
    from advisor.posting import render
    from advisor.terminal.stdin_posting import split_posting

    posting, rest = split_posting(stdin, session.engine.posting)
    if posting is None:
        return session.piped(rest, stdout, as_json, show)
    found = session.match(posting)
    if as_json:
        stdout.write(json.dumps(render.to_dict(session.engine.graph, found), ensure_ascii=False) + "\n")
    else:
        stdout.write(show(render.text(session.engine.graph, found)) + "\n")
    return EXIT_OK


def _validate(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from advisor.knowledge.dataset import validate

    _need_dirs(args.dir, args.knowledge, args.intents)
    problems = validate(args.dir or args.knowledge, args.intents)
    for problem in problems:
        stdout.write(problem.line() + "\n")
    if problems:
        stderr.write(f"{len(problems)} problem(s) found.\n")
        return EXIT_DATA
    stdout.write("ok: knowledge and intents are valid\n")
    return EXIT_OK


# -- advisor match: a job posting against the profile ----------------------------------------
def _match_parser(sub: Any, common: Parser) -> None:
    match = sub.add_parser(
        "match", parents=[common], help="compare a job posting with your profile: gaps and a plan"
    )
    match.add_argument("file", metavar="POSTING", help="the posting as a text file, or - for stdin")
    match.add_argument("--markdown", action="store_true", help="print the comparison as Markdown")


def _read_posting(name: str, stdin: TextIO) -> str:
    """The posting's text (at most a little over the size limit: more is refused anyway)."""
    from advisor.config import MAX_POSTING_CHARS

    if name == "-":
        return stdin.read(MAX_POSTING_CHARS + 1)
    try:
        with open(name, "rb") as handle:
            raw = handle.read(4 * MAX_POSTING_CHARS + 1)
    except OSError as err:
        raise UsageError(f"cannot read {name}: {err.strerror or err}") from None
    return raw.decode("utf-8", errors="replace")


def _match(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """`advisor match POSTING`: text, --markdown or --json; the profile is never written."""
    from advisor.converse.session import Session
    from advisor.posting import render

    text = _read_posting(args.file, stdin)
    session = Session(_engine(args), args.profile, stderr)
    found, graph = session.match(text), session.engine.graph
    if args.json:
        stdout.write(json.dumps(render.to_dict(graph, found), ensure_ascii=False, indent=2) + "\n")
    elif args.markdown:
        stdout.write(render.markdown(graph, found))
    else:
        stdout.write(render.text(graph, found) + "\n")
    return EXIT_OK


def _eval_postings(args: argparse.Namespace, stdout: TextIO) -> int:
    """`advisor eval --postings DIR`: extraction precision and recall per item type."""
    from advisor.posting.scoring import format_score, score

    _need_dirs(args.postings)
    report = score(_engine(args), args.postings)
    stdout.write(json.dumps(report, indent=2) + "\n" if args.json else format_score(report))
    return EXIT_OK
