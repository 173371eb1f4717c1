"""Our date extractor against Microsoft Recognizers-Text's English date specs, read in place.

See `recognizers.py` beside this file for the scope and the scoring. Each file's pass count must
not fall below the count reached when the floor was last raised; raise the floor when the
extractor improves, never lower it to get a green run.
"""

from __future__ import annotations

import pytest

from tests.peer import recognizers

# Passed cases per file when this floor was set (in-scope cases in brackets).
FLOOR = {
    "DateExtractor": 137,  # (148)
    "DateParser": 122,  # (133)
    "DatePeriodExtractor": 337,  # (359)
    "DatePeriodParser": 215,  # (244)
    "DurationExtractor": 35,  # (40)
    "DurationParser": 35,  # (35)
}


@pytest.fixture(scope="module")
def rates() -> dict[str, tuple[int, int]]:
    if not recognizers.SUITE.is_dir():
        pytest.skip(f"the peer suite is not here: {recognizers.SUITE} (it lives in ../shared)")
    return recognizers.rates()


def test_print_the_pass_rate_per_file(
    rates: dict[str, tuple[int, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    with capsys.disabled():
        print("\nRecognizers-Text English date specs, in-scope cases passed:")
        for name, (passed, total) in rates.items():
            print(f"  {name:<20} {passed:>4}/{total:<4} {passed / total:.0%}")
        passed = sum(count for count, _ in rates.values())
        total = sum(total for _, total in rates.values())
        print(f"  {'all':<20} {passed:>4}/{total:<4} {passed / total:.0%}")
    assert total > 900  # the scope filter keeps most of the suite


@pytest.mark.parametrize("name", list(FLOOR))
def test_no_file_falls_below_its_floor(rates: dict[str, tuple[int, int]], name: str) -> None:
    passed, total = rates[name]
    assert passed >= FLOOR[name], f"{name}: {passed}/{total} passed, floor {FLOOR[name]}"
