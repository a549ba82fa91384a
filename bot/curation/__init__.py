"""Curation: the unanswered queue, new entries drafted from it, suggested wordings, the digest."""
