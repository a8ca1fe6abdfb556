"""Charts drawn: SVG for the web page and PDF, PNG for Word.

Drawn with matplotlib (imported only when a chart is drawn) in the document's colour and
body typeface (matplotlib's own DejaVu Sans where that is not installed), with fixed
metadata, so the same figures give the same bytes wherever the fonts are the same.
"""

from __future__ import annotations

import functools
import io
from typing import Any

from sgdocs.read.charts import BarChart


def svg(chart: BarChart) -> bytes:
    return _draw(chart, "svg", {"Date": None, "Creator": None})


def png(chart: BarChart) -> bytes:
    return _draw(chart, "png", {"Software": None})


def _draw(chart: BarChart, fmt: str, metadata: dict[str, Any]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import rcParams
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    rcParams["svg.hashsalt"] = "sgdocs"
    rcParams["font.family"] = _family(chart.font)
    labels = list(chart.categories)[::-1]
    stacked = len(chart.series) > 1
    height = 0.45 * len(labels) + (1.0 if stacked else 0.6)
    figure = Figure(figsize=(6.3, height), dpi=150)
    axes = figure.add_subplot()
    left: list[float] = [0] * len(labels)
    for series in chart.series:
        values = list(series.values)[::-1]
        bars = axes.barh(labels, values, left=left, color=series.colour,
                         label=series.name or None, edgecolor="white", linewidth=0.8)
        shown = ([f"{v:g}" if v else "" for v in values] if stacked else
                 [f"{v}{chart.unit}" for v in values])
        axes.bar_label(bars, labels=shown, label_type="center" if stacked else "edge",
                       padding=0 if stacked else 3, fontsize=9,
                       color="white" if stacked else "#1b1b1b")
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_xlim(0, (chart.scale or max([*left, 1])) * (1.05 if stacked else 1.15))
    axes.tick_params(axis="y", labelsize=9, length=0)
    axes.tick_params(axis="x", labelsize=8, colors="#4a4a4a")
    if chart.scale:
        axes.set_xticks(range(0, chart.scale + 1, max(chart.scale // 4, 1)))
    else:
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if stacked:  # centred under the whole figure, however long the bars' labels
        figure.legend(loc="lower center", ncol=len(chart.series), frameon=False, fontsize=9)
    figure.tight_layout(rect=(0, 0.4 / height if stacked else 0, 1, 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()


@functools.cache
def _family(font: str) -> str:
    """The chart's typeface if this machine has it, else matplotlib's own DejaVu Sans (as
    the body then falls back to a stand-in too)."""
    from matplotlib import font_manager

    try:
        font_manager.findfont(font_manager.FontProperties(family=font),
                              fallback_to_default=False)
    except ValueError:
        return "DejaVu Sans"
    return font
