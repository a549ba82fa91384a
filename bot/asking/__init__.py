"""Asking: questions answered from the knowledge base, topics to browse, feedback on answers."""
