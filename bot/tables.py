"""Every table of Mreža, imported in one place so that migrations see them all."""

from knowledge.tables import AskedRow, EntryRow, QuestionRow

__all__ = ["AskedRow", "EntryRow", "QuestionRow"]
