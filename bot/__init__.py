"""Conversations, transports, the CLI and the composition root."""
