"""Pulse checks in chat: the /pulse dialog, answers and comments, cards, results and charts."""
