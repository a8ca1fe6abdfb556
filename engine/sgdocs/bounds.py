"""How much time and memory one document may use.

Content and templates are untrusted, and some work cannot be judged before it is done: a
template's loops inside loops, a list of a hundred thousand items laid out as a PDF. So
each document is loaded, and each of its outputs made, within a time and a memory limit;
passing one is an error about that document, and the rest are still built.

Time is counted by an alarm signal, so it bounds Python code (the templates, the layout)
in the process's main thread; memory by the process's address-space limit, lowered for the
work and raised again after it, so an allocation past it fails with MemoryError instead of
taking the machine. Where the platform has neither, the work runs unbounded.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator
from types import FrameType

from sgdocs.errors import Finding, Location

SECONDS = 120
"""For loading one document, or making one output of it: the longest example, a 104-page
yearly report, takes under ten seconds to make as a PDF."""
MEGABYTES = 2000
"""Above what the process held before the work began: that report peaks under 300 MB."""


LIMIT_HINT = ("look for a very long list or text, or a loop inside a loop in a restyled "
              "template; split a very large document into several")


class Exhausted(BaseException):  # not an Exception: libraries must not catch it
    """The work passed its time or memory limit; the message says which."""

    def finding(self, where: Location, what: str) -> Finding:
        """The problem, for the document it stopped: "`what`: it took longer than…"."""
        return Finding(where, f"{what}: {self}", LIMIT_HINT)


@contextlib.contextmanager
def bounded() -> Iterator[None]:
    """Run the body within SECONDS and MEGABYTES more memory; raise Exhausted if it passes
    either."""
    seconds, megabytes = SECONDS, MEGABYTES
    with _memory_limit(megabytes), _time_limit(seconds):
        try:
            yield
        except MemoryError:
            raise Exhausted(f"it needed more than the {megabytes:,} MB of memory a document "
                            "may use") from None


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    if not hasattr(signal, "setitimer") or threading.current_thread() is not \
            threading.main_thread():
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise Exhausted(f"it took longer than the {seconds:g} seconds a document may take")

    previous = signal.signal(signal.SIGALRM, expired)
    started = time.monotonic()
    outer = signal.setitimer(signal.ITIMER_REAL, seconds)[0]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # an enclosing limit keeps counting
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started),
                                                     0.001))


@contextlib.contextmanager
def _memory_limit(megabytes: int) -> Iterator[None]:
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        with open("/proc/self/statm", encoding="ascii") as stream:
            held = int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):
        yield
        return
    limit = held + megabytes * 1024 * 1024
    if soft != resource.RLIM_INFINITY and soft <= limit:
        yield  # already limited as tightly (an enclosing limit)
        return
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
