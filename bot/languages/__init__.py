"""The interface in four languages: every sentence Mreža says, its catalogs, times as read."""
