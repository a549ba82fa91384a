"""Transports: each turns its native updates into events and implements the Messenger port."""
