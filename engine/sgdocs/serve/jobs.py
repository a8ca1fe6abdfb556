"""The editor's work on documents, done in worker processes.

Content and templates are untrusted: a document may loop for ever or ask for all the
memory there is. `bounded` limits time by a signal, which only a process's main thread
receives, and memory for the whole process, so the web server's threads never do this
work themselves: a small pool of worker processes does, one piece at a time each, and a
worker that dies is replaced.
"""

from __future__ import annotations

import concurrent.futures
import io
import multiprocessing
import tempfile
import threading
import zipfile
from pathlib import Path
from typing import Any

from sgdocs.bounds import SECONDS, Exhausted, bounded
from sgdocs.errors import ContentError, Finding, Location, Severity
from sgdocs.serve.preview import finding_json, preview

PROCESSES = 2
WAIT = SECONDS + 30
"""The longest the server waits for one piece of work (a worker limits its own time where
the platform lets it, as Linux does)."""


class WorkerLost(RuntimeError):
    """A worker process ended while doing the work (the machine ran out of memory)."""


class Workers:
    """The pool, started on first use (so that starting the server is quick)."""

    def __init__(self, processes: int = PROCESSES) -> None:
        self._processes = processes
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def run(self, function: Any, *args: Any) -> Any:
        with self._lock:
            if self._pool is None:
                self._pool = concurrent.futures.ProcessPoolExecutor(
                    self._processes, mp_context=multiprocessing.get_context("spawn"))
            pool = self._pool
        try:
            return pool.submit(function, *args).result(timeout=WAIT)
        except concurrent.futures.process.BrokenProcessPool:
            self._lost(pool)
            raise WorkerLost("the work stopped the process doing it") from None
        except concurrent.futures.TimeoutError:  # where `bounded` cannot limit time
            self._lost(pool, stop=True)
            raise WorkerLost(f"the work took longer than {WAIT} seconds") from None

    def _lost(self, pool: concurrent.futures.ProcessPoolExecutor, stop: bool = False) -> None:
        """A new pool for the next piece of work; with `stop`, this one's processes ended."""
        with self._lock:
            if self._pool is pool:
                self._pool = None
        if stop:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def preview_job(path: str, on_disk: str, data: Any) -> dict[str, Any]:
    return preview(Path(path), on_disk, data)


def build_job(path: str, fmt: str) -> tuple[str, bytes] | list[dict[str, Any]]:
    """The document built in `fmt` (marked as a draft where a statutory duty is missing,
    never a sensitive document's published formats): one file, or several (a tender's
    clarifications log beside it) in a zip; or the findings that stopped it."""
    from sgdocs.pipeline.build import build

    with tempfile.TemporaryDirectory(prefix="sgdocs-serve-") as out:
        report = build([Path(path)], Path(out), [fmt], allow_incomplete=True, rebuild=True)
        files = [o.output for o in report.outcomes if o.written and o.output is not None]
        if not files:
            findings = report.findings or [Finding(
                Location(Path(path)), f"this document is not made in {fmt}",
                "choose another format", Severity.ERROR)]
            return [finding_json(f) for f in findings]
        if len(files) == 1:
            return files[0].name, files[0].read_bytes()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in files:
                archive.write(file, file.name)
        return f"{Path(path).stem}-{fmt}.zip", buffer.getvalue()


def library_job(files: list[str]) -> list[dict[str, Any]]:
    """Each content file's kind, title and how it stands: errors and warnings counted."""
    from sgdocs.pipeline.load import load_document

    listed = []
    for name in files:
        path = Path(name)
        entry: dict[str, Any] = {"file": name, "kind": "", "title": path.stem,
                                 "errors": 0, "warnings": 0}
        try:
            with bounded():
                document = load_document(path)
            entry["kind"], entry["title"] = document.kind.name, document.model.title
            found = [*document.warnings, *document.requirement_findings]
        except (ContentError, Exhausted) as exc:
            found = list(exc.findings) if isinstance(exc, ContentError) else [
                exc.finding(Location(path), "the file was not loaded")]
            entry.update(_named(path))
        entry["errors"] = sum(f.is_error for f in found)
        entry["warnings"] = len(found) - entry["errors"]
        listed.append(entry)
    return listed


def _named(path: Path) -> dict[str, str]:
    """The kind and title a file that does not load gives itself, as far as it reads."""
    from sgdocs.read.yamlsource import read_yaml

    try:
        raw = read_yaml(path).data
    except ContentError:
        return {}
    if not isinstance(raw, dict):
        return {}
    return {"kind": str(raw.get("kind", "")), "title": str(raw.get("title", path.stem))}
