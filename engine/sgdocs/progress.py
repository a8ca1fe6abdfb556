"""A progress bar for builds long enough to want one, drawn by rich on the terminal."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sgdocs.errors import display_path
from sgdocs.pipeline.jobs import Outcome

FEW = 3
"""A build of this many outputs or fewer is over too soon for a bar."""


class BuildProgress:
    """Shows outputs made out of outputs planned, and the latest one; gone when done."""

    def __init__(self) -> None:
        self._bar = Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(),
                             TimeElapsedColumn(), TextColumn("{task.description}"),
                             console=Console(stderr=True), transient=True)
        self._task = self._bar.add_task("", total=None, visible=False)

    def planned(self, count: int) -> None:
        self._bar.update(self._task, total=count, visible=count > FEW)

    def finished(self, outcome: Outcome) -> None:
        self._bar.update(self._task, advance=1,
                         description=f"{display_path(outcome.source)} ({outcome.format})")

    def __enter__(self) -> BuildProgress:
        self._bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._bar.stop()
