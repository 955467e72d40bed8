"""Command line: `advisor [chat|ask|validate|eval|path|graph]`.

Exit codes: 0 ok, 1 usage error (bad arguments, unknown role or file), 2 bad data
(the knowledge or intent files fail validation). A user never sees a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .errors import AdvisorError, DataError, UsageError

if TYPE_CHECKING:
    from .engine import Advisor

EXIT_OK, EXIT_USAGE, EXIT_DATA = 0, 1, 2


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would exit 2, our code for bad data
        raise UsageError(message)


def build_parser() -> Parser:
    common = Parser(add_help=False)
    common.add_argument("--profile", type=Path, help="profile file to use (default: your data dir)")
    common.add_argument("--knowledge", type=Path, help="knowledge directory to load")
    common.add_argument("--intents", type=Path, help="intents directory to load")
    common.add_argument("--json", action="store_true", help="print replies as JSON")
    common.add_argument("--no-color", action="store_true", help="plain output without colour")
    parser = Parser(prog="advisor", parents=[common],
                    description="Offline career-path advisor for PACS and imaging informatics.",
                    epilog="Exit codes: 0 ok, 1 usage error, 2 bad data.")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    sub.add_parser("chat", parents=[common], help="chat in the terminal (the default)")
    ask = sub.add_parser("ask", parents=[common], help="answer one question and exit")
    ask.add_argument("question", nargs="+", help="the question, in your own words")
    val = sub.add_parser("validate", parents=[common], help="check the knowledge and intent files")
    val.add_argument("dir", nargs="?", type=Path, help="knowledge directory (default: shipped)")
    ev = sub.add_parser("eval", parents=[common], help="intent accuracy on a JSONL test file")
    ev.add_argument("file", type=Path, help='JSON Lines file of {"text", "intent"}')
    path = sub.add_parser("path", parents=[common], help="print the path to a role")
    path.add_argument("--to", required=True, metavar="ROLE", help="target role, e.g. 'pacs analyst'")
    path.add_argument("--markdown", action="store_true", help="print the plan as Markdown")
    graph = sub.add_parser("graph", parents=[common], help="export the knowledge graph")
    graph.add_argument("--mermaid", action="store_true", required=True, help="as a Mermaid diagram")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `advisor` script."""
    try:
        return run(sys.argv[1:] if argv is None else argv, sys.stdin, sys.stdout, sys.stderr)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def run(argv: list[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return _dispatch(args, stdin, stdout, stderr)
    except UsageError as err:
        stderr.write(f"advisor: {err}\nTry 'advisor --help'.\n")
        return EXIT_USAGE
    except DataError as err:
        stderr.write(f"advisor: the data has {len(err.problems)} problem(s); nothing was changed:\n")
        for problem in err.problems:
            stderr.write(f"  {problem.line()}\n")
        stderr.write("Run 'advisor validate' after fixing them.\n")
        return EXIT_DATA
    except AdvisorError as err:
        stderr.write(f"advisor: {err}\n")
        return EXIT_USAGE


def _engine(args: argparse.Namespace) -> Advisor:
    from .engine import Advisor
    return Advisor.load(args.knowledge, args.intents)


def _dispatch(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    command = args.command or "chat"
    if command == "validate":
        return _validate(args, stdout, stderr)
    if command == "graph":
        from .export import mermaid
        stdout.write(mermaid(_engine(args).graph))
        return EXIT_OK
    if command == "eval":
        from .evaluate import evaluate_file, format_report
        report = evaluate_file(_engine(args), args.file)
        stdout.write(json.dumps(report, indent=2) + "\n" if args.json else format_report(report))
        return EXIT_OK
    from .session import Session
    session = Session(_engine(args), args.profile, stderr)
    if command == "path":
        return session.path(args.to, args.markdown, stdout)
    if command == "ask":
        reply = session.ask(" ".join(args.question))
        stdout.write(json.dumps(reply.to_dict(), ensure_ascii=False) + "\n" if args.json
                     else reply.text + "\n")
        return EXIT_OK
    if not stdin.isatty() or not stdout.isatty():
        return session.piped(stdin, stdout, args.json)
    from .repl import run_repl
    return run_repl(session, color=not args.no_color)


def _validate(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from .dataset import validate
    problems = validate(args.dir or args.knowledge, args.intents)
    for problem in problems:
        stdout.write(problem.line() + "\n")
    if problems:
        stderr.write(f"{len(problems)} problem(s) found.\n")
        return EXIT_DATA
    stdout.write("ok: knowledge and intents are valid\n")
    return EXIT_OK
