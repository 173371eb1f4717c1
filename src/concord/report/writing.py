"""Render the run's reports and write each one atomically; a report that cannot be written is
one clear error, not a traceback.

The HTML report is the largest (about a second to render at 10,000 documents). When the run may
use more than one process, a forked copy of this one renders and writes it while this process
does the others: the copy shares the findings and the corpus, so nothing is pickled. This was
tried once before and reverted, since the pool's workers were still alive then and the peak
went past the 1 GB target; the pool is now let go before the reports (`Reporter`).
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable
from collections.abc import Sequence
from concurrent.futures import Future
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from concord.report.atomic import write_atomically

Render = Callable[[], str | bytes]
# What the forked writer sends back of its error: a message, never a whole traceback.
_MOST_MESSAGE_BYTES = 4096


class ReportWriteError(Exception):
    """A report could not be written: its path, and why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot write the report {path}: {reason}")
        self.path = path
        self.reason = reason


def write_reports(reports: Sequence[tuple[Path, Render]], *, alongside: bool = False) -> None:
    """Render and write every report. Raises `ReportWriteError` for the first report that
    could not be written, once every other one has been tried: a report already on disk is
    replaced whole or left as it was, never half written.

    With `alongside`, the last report, the largest, is rendered and written by a forked
    process while this one does the others: where the system can fork, and only while this
    process runs no other thread (a fork copies only the thread that calls it, and a lock
    another thread held would stay locked in the copy; a Dask client's threads can outlive
    its close).

    Here, each report is written (and synced to disk) by a thread while the next one renders:
    the write and the sync release the GIL, and at 10,000 documents they were a quarter of the
    reports' time. At most two reports are held at once, the one being written and the one
    being rendered: each of a large run is tens of MB."""
    here = list(reports)
    child: tuple[int, int, Path] | None = None
    if alongside and len(here) > 1 and hasattr(os, "fork") and threading.active_count() == 1:
        # Forked before the writer thread below starts, for the same reason.
        path, render = here.pop()
        child = _fork_writer(path, render)
    errors: list[ReportWriteError] = []
    try:
        _write_here(here, errors)
    finally:
        if child is not None:
            failure = _wait(*child)
            if failure is not None:
                errors.append(failure)
    if errors:
        raise errors[0]


def _write_here(reports: Sequence[tuple[Path, Render]], errors: list[ReportWriteError]) -> None:
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="concord-report") as writer:
        pending: tuple[Path, Future[None]] | None = None
        for path, render in reports:
            content = render()
            if pending is not None:
                _settle(*pending, errors)
            pending = (path, writer.submit(write_atomically, path, content))
            del content  # the writer holds it until it is written
        if pending is not None:
            _settle(*pending, errors)


def _fork_writer(path: Path, render: Render) -> tuple[int, int, Path]:
    """A forked process that writes `render()` to `path` and exits: its pid, the pipe its
    error comes back on, and the path."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy: render, write, send any error back, and leave without cleanup
        os.close(read_end)
        # Short-lived: a collection would touch, and so copy, every page of the objects it
        # shares with this process.
        gc.disable()
        status = 0
        try:
            write_atomically(path, render())
        except BaseException as error:  # anything at all: the parent must hear of it
            message = str(error) if isinstance(error, OSError) else repr(error)
            os.write(write_end, message.encode("utf-8", "replace")[:_MOST_MESSAGE_BYTES])
            status = 1
        finally:
            # `os._exit`, not `sys.exit`: no atexit handlers, and none of pytest's buffered
            # output flushed twice (it is the parent's to print).
            os._exit(status)
    os.close(write_end)
    return pid, read_end, path


def _wait(pid: int, read_end: int, path: Path) -> ReportWriteError | None:
    with os.fdopen(read_end, "rb") as pipe:
        message = pipe.read().decode("utf-8", "replace")  # until the copy exits
    _, status = os.waitpid(pid, 0)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        return None
    if not message and os.WIFSIGNALED(status):
        message = f"the process writing it was stopped by signal {os.WTERMSIG(status)}"
    return ReportWriteError(path, message or "the process writing it failed")


def _settle(path: Path, written: Future[None], errors: list[ReportWriteError]) -> None:
    try:
        written.result()
    except OSError as error:
        # "[Errno 13] Permission denied: 'reports/concord.json'"
        errors.append(ReportWriteError(path, str(error)))
