"""The moment every test starts at, whatever the machine's clock says."""

from __future__ import annotations

from datetime import UTC, datetime

# A Tuesday, 10:00 in Belgrade: no weekly chore is due, and every bundled entry was checked
# before it. Move it forward when an entry's `checked` date passes it.
NOW = datetime(2027, 1, 12, 9, 0, tzinfo=UTC)
