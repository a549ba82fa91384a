"""Run the emulator as its own process: python -m emulators.signal --port 8080."""

from __future__ import annotations

import argparse
import asyncio
import sys

from emulators.signal.emulator import SignalEmulator
from emulators.signal.world import ACCOUNT


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="python -m emulators.signal", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    parser.add_argument("--account", default=ACCOUNT, help="the bot's number")
    return parser.parse_args(argv)


async def _serve(args: argparse.Namespace) -> None:
    emulator = SignalEmulator(args.account, args.host, args.port)
    # A parent process reads this line to learn where the emulator listens.
    await emulator.serve_forever(
        lambda url: print(f"signal-emulator listening on {url}", flush=True)
    )


def main(argv: list[str] | None = None) -> None:
    """Entry point."""
    asyncio.run(_serve(parse_args(sys.argv[1:] if argv is None else argv)))


if __name__ == "__main__":
    main()
