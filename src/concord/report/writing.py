"""Render the run's reports and write each one atomically; a report that cannot be written is
one clear error, not a traceback.

They are rendered one after another in this process, each written by a thread while the next
renders. Rendering the HTML report (the largest, about a second at 10,000 documents) in a
forked copy of this process beside the others was tried twice. The first time the pool's
workers were still alive and the cold 10k peak went past the 1 GB target. The second time,
with the pool let go first, the peak went 636 -> 792 MB PSS, and the copy rendered in 1.3 to
2.05 s what this process renders in 0.84 to 1.0 s (it pays a page fault for every page of the
report it touches): the reports took 1.49 to 2.29 s against 1.49 to 1.87 s one after another.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence
from concurrent.futures import Future
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from concord.report.atomic import write_atomically

Render = Callable[[], str | bytes]


class ReportWriteError(Exception):
    """A report could not be written: its path, and why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot write the report {path}: {reason}")
        self.path = path
        self.reason = reason


def write_reports(reports: Sequence[tuple[Path, Render]]) -> None:
    """Render and write every report. Raises `ReportWriteError` for the first report that
    could not be written, once every other one has been tried: a report already on disk is
    replaced whole or left as it was, never half written.

    Each report is written (and synced to disk) by a thread while the next one renders: the
    write and the sync release the GIL, and at 10,000 documents they were a quarter of the
    reports' time. At most two reports are held at once, the one being written and the one
    being rendered: each of a large run is tens of MB."""
    errors: list[ReportWriteError] = []
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
    if errors:
        raise errors[0]


def _settle(path: Path, written: Future[None], errors: list[ReportWriteError]) -> None:
    try:
        written.result()
    except OSError as error:
        # "[Errno 13] Permission denied: 'reports/concord.json'"
        errors.append(ReportWriteError(path, str(error)))
