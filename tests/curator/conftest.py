"""The conversation tests' network (tests/bot/conftest.py), shared with the curator's tests."""

from tests.bot.conftest import alice, ana, bob, cora, group, network

__all__ = ["alice", "ana", "bob", "cora", "group", "network"]
