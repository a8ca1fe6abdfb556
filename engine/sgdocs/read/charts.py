"""Charts a document describes (a yearly report's figures, a self-assessment's ratings):
bars, series and their alt text. One description, drawn in each format by `render.charts`,
always with alt text and with the figures also given as a table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

from sgdocs.read.shapes import CHART, Leaf

PRIMARY = "#1f3d63"  # 11.5:1 on white: bars stand out for everyone (WCAG non-text contrast)
RAG_COLOURS = {"green": "#2e7d32", "amber": "#b26a00", "red": "#b71c1c"}
"""Green, amber and red, each 3:1 or more against white."""


@dataclass(frozen=True)
class Series:
    name: str
    """What the values count, e.g. "Green"; named in the legend and the alt text."""
    colour: str
    """Its colour, "#rrggbb", at least 3:1 against white."""
    values: tuple[float, ...]
    """One value per category."""


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one per category; several series are stacked, with a legend."""

    shape: ClassVar[Leaf] = CHART
    """How templates see a chart: one value, drawn in the format's own way."""

    title: str
    """What the chart shows, in a few words."""
    categories: tuple[str, ...]
    """Each bar's label, top to bottom."""
    series: tuple[Series, ...]
    """The values; more than one series stack in each bar."""
    unit: str = ""
    """Printed after each value, e.g. "%"."""
    scale: int | None = None
    """The length of the value axis (100 for percentages); by default the largest value."""
    font: str = "Liberation Sans"
    """The typeface of its labels: the document's body typeface."""

    @classmethod
    def of(cls, title: str, bars: Sequence[tuple[str, float]], unit: str = "",
           scale: int | None = None) -> BarChart:
        """A chart of one series: a bar per (label, value)."""
        return cls(title, tuple(label for label, _ in bars),
                   (Series("", PRIMARY, tuple(value for _, value in bars)),), unit, scale)

    @property
    def alt(self) -> str:
        """The chart in words, for screen readers and where images are not shown."""
        if len(self.series) == 1:
            values = "; ".join(f"{category}: {value}{self.unit}" for category, value in
                               zip(self.categories, self.series[0].values, strict=True))
            return f"Bar chart, {self.title}. {values}."
        rows = "; ".join(f"{category}: " + ", ".join(f"{s.name} {s.values[i]}"
                                                       for s in self.series)
                         for i, category in enumerate(self.categories))
        return f"Stacked bar chart, {self.title}. {rows}."

    def styled(self, colour: str, font: str) -> BarChart:
        """The chart in a partnership's colour (its bars of one series; stacked ratings keep
        their own colours) and its body typeface."""
        series = self.series if len(self.series) > 1 else tuple(
            replace(one, colour=colour) for one in self.series)
        return replace(self, series=series, font=font)
