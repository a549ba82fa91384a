"""Pulse checks: quick polls on sensitive matters, answered in one tap, shown only k at a time."""
