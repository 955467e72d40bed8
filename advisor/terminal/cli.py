"""Command line: `advisor [chat|ask|validate|eval|path|graph]`.

Exit codes: 0 ok, 1 usage error (bad arguments, unknown role or file), 2 bad data
(the knowledge or intent files fail validation). A user never sees a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from advisor.config import CV_FOLDS
from advisor.errors import AdvisorError, DataError, UsageError

if TYPE_CHECKING:
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
        return run(sys.argv[1:] if argv is None else argv, sys.stdin, sys.stdout, sys.stderr)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `advisor graph --mermaid | head`
        _silence_stdout()
        return EXIT_OK


def run(argv: list[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Parse `argv` and run the command; returns the exit code (never raises for users)."""
    try:
        args = _parse(argv, stdout, stderr)
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
    from advisor.engine import Advisor

    _need_dirs(args.knowledge, args.intents)
    return Advisor.load(args.knowledge, args.intents)


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
    if command == "eval" and args.cv is not None:
        from advisor.terminal.crossval import cv_command

        return cv_command(_engine(args), args.cv, args.json, stdout)
    if command == "eval" and args.file is None:
        raise UsageError("the following arguments are required: file")
    if command == "eval":
        from advisor.terminal.evaluate import run_eval

        report, text = run_eval(_engine(args), args.file)
        stdout.write(json.dumps(report, indent=2) + "\n" if args.json else text)
        return EXIT_OK
    from advisor.converse.session import Session

    session = Session(_engine(args), args.profile, stderr)
    if command == "path":
        return session.print_path(args.to, args.markdown, stdout)
    if command == "ask":
        reply = session.ask(" ".join(args.question))
        stdout.write(
            json.dumps(reply.to_dict(), ensure_ascii=False) + "\n" if args.json else reply.text + "\n"
        )
        return EXIT_OK
    if not stdin.isatty() or not stdout.isatty():
        return session.piped(stdin, stdout, args.json)
    from advisor.terminal.repl import run_repl

    return run_repl(session, color=not args.no_color)


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
