"""The `tradepose` command line.

One sub-parser per command group, each registered by its module:

    tradepose backtest run STRATEGIES.json --period 2024Q1 --period 2024Q2 --out DIR
    tradepose backtest resume DIR [--retry-failed]
    tradepose tasks status TASK_ID [--json]
    tradepose results show DIR                    (a batch workdir or a save() directory)
    tradepose batches list
    tradepose batches clean --older-than 30d [--dry-run]
    tradepose gateway serve --port 8000 [--host 127.0.0.1] [fault and duration options]
    tradepose --version

Exit status: 0 success, 1 failure or usage error (one `tradepose: error: ...` line on stderr;
`--debug`, accepted anywhere on the line, adds the traceback), 130 interrupted. Credentials come from
the environment or `.env`; `--api-key` exists but warns (flags land in shell history and process lists).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

__all__ = ["main"]


class _UsageError(Exception):
    """A command line argparse cannot read (reported as one line, exit 1)."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors become one `tradepose: error:` line (sub-parsers inherit it)."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see: {self.prog} --help)")


Handler = Callable[[argparse.Namespace], int]


def _rate(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("must be a fraction within [0, 1]")
    return value


def _add_gateway(commands: Any) -> None:
    gateway = commands.add_parser("gateway", help="run a local TradePose gateway (needs the `local` extra)")
    actions = gateway.add_subparsers(dest="action", required=True, metavar="ACTION")
    serve = actions.add_parser("serve", help="serve the gateway in the foreground until Ctrl-C")
    serve.add_argument("--port", type=int, default=8000, help="TCP port (0 picks a free one; default 8000)")
    serve.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    serve.add_argument("--plan", default="pro", choices=["free", "pro", "enterprise"], help="limits to enforce")
    serve.add_argument("--requests-per-minute", type=int, help="override the plan's rate limit")
    serve.add_argument("--max-concurrent-tasks", type=int, help="override the plan's concurrent-task limit")
    serve.add_argument("--api-key", help="fix the accepted API key (random otherwise)")
    serve.add_argument("--task-duration", type=float, nargs=2, metavar=("MIN", "MAX"), default=(1.0, 3.0))
    serve.add_argument("--time-scale", type=float, default=1.0, help="multiply task durations (default 1)")
    serve.add_argument("--trades-per-blueprint", type=int, default=24)
    serve.add_argument("--total-trades", type=int, help="spread this many trades over each backtest")
    serve.add_argument("--seed", type=int, default=0, help="seed for durations and faults")
    faults = serve.add_argument_group("fault injection (off by default)")
    faults.add_argument("--latency", type=float, default=0.0, help="seconds added to every /api/ request")
    faults.add_argument("--error-rate", type=_rate, default=0.0, help="fraction of 5xx answers")
    faults.add_argument("--burst-rate", type=_rate, default=0.0, help="fraction of requests starting a 429 burst")
    faults.add_argument("--burst-length", type=int, default=3, help="429 answers per burst")
    faults.add_argument("--retry-after", type=int, default=1, help="Retry-After seconds on injected 429s")
    faults.add_argument("--retry-after-format", choices=["seconds", "http-date"], default="seconds")
    faults.add_argument("--drop-rate", type=_rate, default=0.0, help="fraction of connections dropped mid-body")
    faults.add_argument("--truncate-rate", type=_rate, default=0.0, help="fraction of truncated Parquet/ZIP bodies")
    faults.add_argument("--task-failure-rate", type=_rate, default=0.0, help="fraction of tasks that fail")
    faults.add_argument("--unknown-status-rate", type=_rate, default=0.0, help="fraction of polls with status 4")
    serve.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace) -> int:
    try:
        from tradepose.testing import FaultConfig, GatewayConfig, ResultOptions
        from tradepose.testing._server import serve_forever
    except ImportError as error:
        print(f"tradepose gateway needs the `local` extra (pip install 'tradepose-sdk[local]'): {error}")
        return 2
    config = GatewayConfig(
        plan=args.plan,
        requests_per_minute=args.requests_per_minute,
        max_concurrent_tasks=args.max_concurrent_tasks,
        task_duration=(args.task_duration[0], args.task_duration[1]),
        time_scale=args.time_scale,
        results=ResultOptions(trades_per_blueprint=args.trades_per_blueprint, total_trades=args.total_trades),
        faults=FaultConfig(
            seed=args.seed,
            latency=args.latency,
            error_rate=args.error_rate,
            burst_rate=args.burst_rate,
            burst_length=args.burst_length,
            retry_after=args.retry_after,
            retry_after_format=args.retry_after_format,
            drop_rate=args.drop_rate,
            truncate_rate=args.truncate_rate,
            task_failure_rate=args.task_failure_rate,
            unknown_status_rate=args.unknown_status_rate,
        ),
        api_key=args.api_key,
        seed=args.seed,
    )
    with contextlib.suppress(KeyboardInterrupt):
        serve_forever(config, args.host, args.port)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every command group."""
    from .._version import __version__
    from ._batch import add_batch_commands
    from ._inspect import add_inspect_commands

    parser = _Parser(prog="tradepose", description="TradePose SDK command line")
    parser.add_argument("--version", action="version", version=f"tradepose-sdk {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logs (anywhere on the line)")
    server = argparse.ArgumentParser(add_help=False)
    server.add_argument("--server-url", help="gateway URL (default: TRADEPOSE_SERVER_URL or the public gateway)")
    server.add_argument("--api-key", help="API key; TRADEPOSE_API_KEY is safer (flags show in ps and shell history)")
    progress = argparse.ArgumentParser(add_help=False)
    progress.add_argument("--quiet", action="store_true", help="no progress bar")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_batch_commands(commands, server, progress)
    add_inspect_commands(commands)
    _add_gateway(commands)
    return parser


def _split_debug(argv: Sequence[str]) -> tuple[bool, list[str]]:
    """Take `--debug` out wherever it stands (before a `--`), so it works before or after the subcommand."""
    args = list(argv)
    end = args.index("--") if "--" in args else len(args)
    head = [a for a in args[:end] if a != "--debug"]
    return len(head) != end, head + args[end:]


def _fail(message: str) -> int:
    from .._errors import scrub

    # One line: the SDK's messages already say what went wrong and how to fix it.
    print(f"tradepose: error: {' '.join(scrub(message).split())}", file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    from .._errors import TradePoseError

    debug, rest = _split_debug(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(rest)
    except _UsageError as error:
        return _fail(str(error))
    if debug:
        os.environ.setdefault("TRADEPOSE_LOG", "debug")
    if getattr(args, "api_key", None) is not None:
        print("tradepose: warning: --api-key is visible to other users and kept in shell history; "
              "prefer the TRADEPOSE_API_KEY environment variable", file=sys.stderr)  # fmt: skip
    handler: Handler = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except TradePoseError as error:
        if debug:
            traceback.print_exc()
        return _fail(str(error))
    except Exception as error:  # noqa: BLE001 - a bug or an unexpected failure: still one line, traceback on --debug
        if debug:
            traceback.print_exc()
        return _fail(f"unexpected {type(error).__name__}: {error} (run with --debug for the traceback)")
