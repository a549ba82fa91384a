"""Mreža on Signal, through signal-cli's JSON-RPC daemon (``signal-cli daemon --http``)."""
