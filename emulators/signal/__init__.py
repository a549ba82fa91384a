"""A local emulator of signal-cli's JSON-RPC daemon (``daemon --http``), for tests and trials.

It speaks what the daemon speaks: JSON-RPC 2.0 on ``POST /api/v1/rpc``, incoming messages as
server-sent events on ``GET /api/v1/events`` (ids, ``Last-Event-ID`` replay), ``GET
/api/v1/check``; and it lets a test play the people writing to the bot's account.
"""

from emulators.signal.emulator import SignalEmulator
from emulators.signal.world import ACCOUNT, Contact, RpcCall, SignalWorld

__all__ = ["ACCOUNT", "Contact", "RpcCall", "SignalEmulator", "SignalWorld"]
