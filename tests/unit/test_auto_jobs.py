"""`--concord-jobs auto`: a pool of one process per core for a corpus that pays for it."""

from __future__ import annotations

import pytest

from concord.execute import ExecutorError
from concord.execute.spec import AUTO_MIN_SOURCES
from concord.execute.spec import auto_jobs
from concord.execute.spec import parse_executor
from concord.execute.spec import parse_jobs


def test_auto_is_one_process_per_core_from_the_threshold_on() -> None:
    assert auto_jobs(AUTO_MIN_SOURCES - 1, cores=8) == 1
    assert auto_jobs(AUTO_MIN_SOURCES, cores=8) == 8
    assert auto_jobs(10_000, cores=2) == 2
    assert auto_jobs(10_000, cores=1) == 1
    assert auto_jobs(10_000) >= 1  # the cores this process may use


@pytest.mark.parametrize(
    ("value", "jobs"), [("auto", "auto"), (" AUTO ", "auto"), ("1", 1), ("12", 12)]
)
def test_jobs_values(value: str, jobs: object) -> None:
    assert parse_jobs(value) == jobs


@pytest.mark.parametrize("value", ["0", "-1", "two", "", "1.5"])
def test_a_value_that_is_no_number_of_processes_says_the_fix(value: str) -> None:
    with pytest.raises(ExecutorError) as raised:
        parse_jobs(value)
    assert str(raised.value) == (
        f"--concord-jobs {value} is not a number of processes; fix: give 1 or more, or auto"
    )


def test_auto_is_resolved_when_the_executor_starts() -> None:
    spec = parse_executor("local", "auto")
    assert spec.jobs == "auto"
    assert spec.start(sources=5).description == "this process"
    spec.close()
    large = parse_executor("local", "auto")
    executor = large.start(sources=AUTO_MIN_SOURCES)
    assert executor.workers == auto_jobs(AUTO_MIN_SOURCES)
    large.close()
