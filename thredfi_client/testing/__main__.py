"""``python -m thredfi_client.testing serve``: run a sandbox on 127.0.0.1 until interrupted.

Once the socket accepts requests it prints what a client needs, then serves until SIGINT or
SIGTERM and exits 0. Two formats:

* ``--format env`` (default, for people): ``export THREDFI_BASE_URL=...`` lines (and
  ``THREDFI_PARTNER_ID``, ``THREDFI_API_KEY``, ``THREDFI_BUSINESS_ID``), shell-quoted, ready to
  paste or ``source`` from a file; how to stop the server goes to stderr, so stdout stays only
  the export lines;
* ``--format json`` (for programs): one JSON line ``{"base_url", "partner_id", "api_key",
  "business_id"}`` and nothing else.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shlex
import signal
import sys
from collections.abc import Sequence

from ._sandbox import Sandbox
from ._server import LOOPBACK, bind_loopback, make_server


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m thredfi_client.testing",
        description="Local Thredfi sandbox (listens on 127.0.0.1 only).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve a fresh sandbox until interrupted")
    serve.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: a free one)")
    serve.add_argument(
        "--format",
        choices=("env", "json"),
        default="env",
        help="what to print once ready: shell export lines (default) or one JSON line",
    )
    serve.add_argument(
        "--token-ttl",
        type=int,
        default=3600,
        metavar="S",
        help="expires_in of issued tokens, in seconds (default 3600)",
    )
    serve.add_argument(
        "--require-business-token",
        action="store_true",
        help="refuse partner tokens on customer/invoice endpoints (403)",
    )
    serve.add_argument(
        "--error-style",
        choices=("spec", "guide"),
        default="spec",
        help="error body shape (default: the spec's)",
    )
    serve.add_argument("--currency", default="GBP", help="invoice currency (default GBP)")
    serve.add_argument(
        "--page-envelope",
        choices=("page_info", "links"),
        default="page_info",
        help="list page shape: page_info (default) or next/previous links",
    )
    serve.add_argument("--partner-id", help="fixed partner id (default: random UUID)")
    serve.add_argument("--api-key", help="fixed API key (default: random)")
    serve.add_argument("--business-id", help="fixed business id (default: random UUID)")
    return parser


async def _serve(args: argparse.Namespace) -> None:
    sandbox = Sandbox(
        token_ttl=args.token_ttl,
        require_business_token=args.require_business_token,
        error_style=args.error_style,
        currency=args.currency,
        page_envelope=args.page_envelope,
        partner_id=args.partner_id,
        api_key=args.api_key,
        business_id=args.business_id,
    )
    sock = bind_loopback(args.port)
    server = make_server(sandbox)

    def stop() -> None:
        server.should_exit = True

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            await task  # re-raises why it could not start
            raise SystemExit("sandbox server stopped before it started")
        await asyncio.sleep(0.01)
    port = sock.getsockname()[1]
    info = {
        "base_url": f"http://{LOOPBACK}:{port}",
        "partner_id": sandbox.partner_id,
        "api_key": sandbox.api_key,
        "business_id": sandbox.business_id,
    }
    if args.format == "json":
        sys.stdout.write(json.dumps(info) + "\n")
    else:
        sys.stdout.write(export_lines(info))
        sys.stderr.write(
            f"# Thredfi sandbox on {info['base_url']} (127.0.0.1 only). "
            f"Stop it with Ctrl-C, or: kill {os.getpid()}\n"
        )
        sys.stderr.flush()
    sys.stdout.flush()
    await task


#: The environment variables the SDK (and examples/quickstart.py) read, per printed field.
ENV_NAMES = {
    "base_url": "THREDFI_BASE_URL",
    "partner_id": "THREDFI_PARTNER_ID",
    "api_key": "THREDFI_API_KEY",
    "business_id": "THREDFI_BUSINESS_ID",
}


def export_lines(info: dict[str, str]) -> str:
    """``export NAME=value`` lines, shell-quoted, for the fields of ``info``."""
    return "".join(f"export {ENV_NAMES[key]}={shlex.quote(value)}\n" for key, value in info.items())


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m thredfi_client.testing``; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "serve":
        asyncio.run(_serve(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
