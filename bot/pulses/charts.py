"""Pulse results as pictures: a bar chart of one round, a trend across rounds (PNG for the
chat, SVG for the web console).

Drawn on a bare ``Figure``, never through pyplot: no display and no global state, so it works
headless and from any thread.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

WIDTH, DPI = 7.0, 120
BAR_COLOUR, LINE_COLOUR = "#2f6f9f", "#b5472f"
LABEL_WIDTH = 28  # characters before an option's label wraps


def bar_chart(title: str, labels: Sequence[str], counts: Sequence[int], fmt: str = "png") -> bytes:
    """Horizontal bars, one per option, with its count at the end of the bar."""
    figure = _figure(1.2 + 0.45 * len(labels))
    axes = figure.add_subplot()
    positions = range(len(labels))
    bars = axes.barh(list(positions), list(counts), color=BAR_COLOUR)
    axes.set_yticks(list(positions), [textwrap.fill(label, LABEL_WIDTH) for label in labels])
    axes.invert_yaxis()  # the first option on top, as members saw them
    axes.bar_label(bars, padding=3)
    axes.set_xlim(0, max([*counts, 1]) * 1.15)
    axes.set_title(textwrap.fill(title, 60), fontsize=10)
    axes.spines[["top", "right"]].set_visible(False)
    return _drawn(figure, fmt)


def trend_chart(
    title: str, rounds: Sequence[str], values: Sequence[float | None], unit: str, fmt: str = "png"
) -> bytes:
    """One point per round; a round whose numbers are hidden leaves a gap."""
    figure = _figure(3.2)
    axes = figure.add_subplot()
    ys = [float("nan") if value is None else value for value in values]
    axes.plot(list(rounds), ys, marker="o", color=LINE_COLOUR)
    axes.set_ylabel(unit)
    axes.set_title(textwrap.fill(title, 60), fontsize=10)
    axes.spines[["top", "right"]].set_visible(False)
    figure.autofmt_xdate()
    return _drawn(figure, fmt)


def _figure(height: float) -> Figure:
    # Importing matplotlib takes a third of a second; every start of Mreža would pay it for
    # charts that only pulse results draw.
    from matplotlib.figure import Figure

    return Figure(figsize=(WIDTH, height), dpi=DPI)


def _drawn(figure: Figure, fmt: str) -> bytes:
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt)
    return buffer.getvalue()
