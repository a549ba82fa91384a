"""Run the emulator as its own process: python -m emulators.telegram --port 8081 --token TOKEN."""

from __future__ import annotations

import argparse
import asyncio
import sys

from core.heap import collect_young_only
from emulators.telegram.core import DEFAULT_TOKEN, EmulatorConfig
from emulators.telegram.emulator import BotApiEmulator
from emulators.telegram.spec import DEFAULT_SPEC_PATH


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="python -m emulators.telegram", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081, help="0 picks a free port")
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--bot-username", default=EmulatorConfig.bot_username)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--enforce-limits", action="store_true")
    parser.add_argument("--spec", default=str(DEFAULT_SPEC_PATH))
    return parser.parse_args(argv)


async def _serve(args: argparse.Namespace) -> None:
    emulator = BotApiEmulator(
        spec_path=args.spec,
        host=args.host,
        port=args.port,
        token=args.token,
        bot_username=args.bot_username,
        latency_ms=args.latency_ms,
        enforce_limits=args.enforce_limits,
    )
    # Every call served is kept for the tests to read: keep the collector off that record, as
    # only a process of its own may (this changes collection for the whole process).
    settling = asyncio.create_task(collect_young_only())
    # The parent process reads this line to learn where the emulator listens.
    await emulator.serve_forever(
        lambda url: print(f"bot-api-emulator listening on {url}", flush=True)
    )
    settling.cancel()


def main(argv: list[str] | None = None) -> None:
    """Entry point."""
    asyncio.run(_serve(parse_args(sys.argv[1:] if argv is None else argv)))


if __name__ == "__main__":
    main()
