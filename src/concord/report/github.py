"""GitHub Actions workflow commands: each open finding as an `::error` or `::warning` line, so
it shows on the pull request's diff and in the run's summary."""

from __future__ import annotations

from collections.abc import Iterator

from concord.report.results import RunResults


def github_annotations(run: RunResults, paths: dict[str, str]) -> Iterator[str]:
    for result in run.rules:
        for finding in result.open_findings:
            location = finding["locations"][0]
            properties = ",".join(
                [
                    f"file={_property(paths.get(location['source'], location['source']))}",
                    f"line={location['line']}",
                    f"col={location['column']}",
                    f"endLine={location['end_line']}",
                    f"endColumn={location['end_column']}",
                    f"title={_property(finding['rule'] + ': ' + finding['code'])}",
                ]
            )
            message = f"{finding['message']}\nexpected: {finding['expected']}"
            yield f"::{finding['severity']} {properties}::{_data(message)}"


def _data(text: str) -> str:
    """Escape a command's message, as the Actions runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
