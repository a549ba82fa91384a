"""EmulatorClient offers exactly the Simulator's methods, so both kinds of test read alike."""

from __future__ import annotations

import inspect

from emulators.telegram import BotApiEmulator, EmulatorClient, Simulator
from emulators.telegram.control import operations


def public_coroutines(cls: type) -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(member)
        for name, member in inspect.getmembers(cls, inspect.iscoroutinefunction)
        if not name.startswith("_")
    }


def test_client_mirrors_simulator() -> None:
    """Every Simulator method exists on the client with the same parameters and defaults."""
    simulator, client = public_coroutines(Simulator), public_coroutines(EmulatorClient)
    for name, signature in simulator.items():
        assert name in client, f"EmulatorClient lacks {name}"
        assert str(client[name]) == str(signature), name


def test_control_api_exposes_only_simulator_methods() -> None:
    """The control API of a BotApiEmulator offers the Simulator methods, never stop()/start()."""
    names = set(operations(BotApiEmulator()))
    assert names == set(public_coroutines(Simulator))
    assert not names & {"start", "stop", "serve_forever"}
