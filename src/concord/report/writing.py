"""Render the run's reports and write each one atomically, the largest beside the others.

At 10,000 documents the HTML report is about 30 MB and takes about a second to render; the
other three take about as long together. Rendered one after another they were the last
seconds of a run, with the extraction processes idle. Where the run may use more than one
process and the system can fork, a forked copy of this process renders and writes the HTML
report (it shares the findings and the corpus with this process, so nothing is pickled) while
this process renders and writes the others.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from collections.abc import Sequence
from pathlib import Path

from concord.report.atomic import write_atomically

Render = Callable[[], str | bytes]
_MOST_MESSAGE_BYTES = 4096


class ReportWriteError(Exception):
    """A report could not be written: one readable message naming the file and the fix."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot write the report {path}: {reason}")
        self.path = path
        self.reason = reason


def write_reports(reports: Sequence[tuple[Path, Render]], *, alongside: bool) -> None:
    """Render and write every report. With `alongside`, the last one (the largest) is rendered
    and written by a forked process while this one does the others. Raises `ReportWriteError`
    for the first report that could not be written, once every other one has been tried: a
    report already on disk is replaced whole or left as it was, never half written."""
    if not reports:
        return
    here = list(reports)
    child: tuple[int, int, Path] | None = None
    if alongside and len(reports) > 1 and hasattr(os, "fork"):
        path, render = here.pop()
        child = _fork_writer(path, render)
    errors: list[ReportWriteError] = []
    try:
        for path, render in here:
            try:
                write_atomically(path, render())
            except OSError as error:
                errors.append(ReportWriteError(path, _reason(error)))
    finally:
        if child is not None:
            failure = _wait(*child)
            if failure is not None:
                errors.append(failure)
    if errors:
        raise errors[0]


def _fork_writer(path: Path, render: Render) -> tuple[int, int, Path]:
    """A forked process that writes `render()` to `path` and exits; its pid, the pipe its error
    comes back on, and the path."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: render, write, report any error, and leave without cleanup
        os.close(read_end)
        # Short-lived: a collection would visit (and so copy) every page of the parent's objects.
        gc.disable()
        status = 0
        try:
            write_atomically(path, render())
        except BaseException as error:  # anything at all: the parent must hear of it
            message = _reason(error) if isinstance(error, OSError) else repr(error)
            os.write(write_end, message.encode("utf-8", "replace")[:_MOST_MESSAGE_BYTES])
            status = 1
        finally:
            # `os._exit`, not `sys.exit`: no atexit handlers, no flushing of pytest's buffers
            # (they belong to the parent, which prints them once).
            os._exit(status)
    os.close(write_end)
    return pid, read_end, path


def _wait(pid: int, read_end: int, path: Path) -> ReportWriteError | None:
    with os.fdopen(read_end, "rb") as pipe:
        message = pipe.read().decode("utf-8", "replace")  # until the child exits
    _, status = os.waitpid(pid, 0)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        return None
    if not message and os.WIFSIGNALED(status):
        message = f"the process writing it was stopped by signal {os.WTERMSIG(status)}"
    return ReportWriteError(path, message or "the process writing it failed")


def _reason(error: OSError) -> str:
    return str(error)  # "[Errno 13] Permission denied: 'reports/concord.json'"
