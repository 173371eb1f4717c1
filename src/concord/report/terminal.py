"""Plain-text rendering of findings: `path:line:col`, the line with the span marked, expected."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from concord.corpus import Corpus
from concord.findings import Finding
from concord.findings import Location
from concord.paths import display_path

EXCERPT_CONTEXT = 60


def render_failure(
    rule_id: str,
    *,
    kind: str,
    description: str,
    findings: Sequence[Finding],
    corpus: Corpus,
    root: Path,
    waived: int = 0,
    stale: Sequence[tuple[Path, int, str]] = (),
    shown: int | None = None,
) -> str:
    """A failing rule's findings, the first `shown` of them (all when None) in full."""
    errors = sum(1 for finding in findings if finding.severity == "error")
    warnings = len(findings) - errors
    counts = ", ".join(
        part
        for part in (plural(errors, "error"), plural(warnings, "warning"))
        if not part.startswith("0 ")
    )
    headline = f"{plural(len(findings), 'finding')}" + (f" ({counts})" if counts else "")
    if waived:
        headline += f", {waived} waived"
    lines = [f"{headline} for rule {rule_id} ({kind})", description]
    for path, line, reason in stale:
        lines.append("")
        lines.append(
            f"{display_path(path, root)}:{line}: stale waiver: it matches no finding of rule "
            f"{rule_id} (reason given: {reason!r})"
        )
        lines.append("  fix: remove it: what it accepted is gone")
    shown_findings = findings if shown is None else findings[:shown]
    for finding in shown_findings:
        lines.append("")
        lines.extend(render_finding(finding, corpus, root))
    hidden = len(findings) - len(shown_findings)
    if hidden:
        lines.append("")
        lines.append(
            f"… and {plural(hidden, 'more finding')}: every report has them all "
            "(to print them all here: -vv or --concord-show 0)"
        )
    return "\n".join(lines)


MAX_LOCATIONS_SHOWN = 12


def render_finding(finding: Finding, corpus: Corpus, root: Path) -> list[str]:
    first, *others = finding.locations
    lines = [f"{_where(first, corpus, root)}: {finding.code} [{finding.severity}]"]
    lines.extend(_excerpt(first, corpus))
    lines.extend(_note(first))
    for location in others[: MAX_LOCATIONS_SHOWN - 1]:
        lines.append(f"  also {_where(location, corpus, root)}")
        lines.extend(_excerpt(location, corpus))
        lines.extend(_note(location))
    hidden = len(others) - (MAX_LOCATIONS_SHOWN - 1)
    if hidden > 0:
        lines.append(f"  … and {plural(hidden, 'more location')}, listed in the JSON report")
    lines.extend(f"  {line}" for line in finding.message.splitlines())
    lines.append(f'  expected: "{finding.expected}"')
    return lines


def _note(location: Location) -> list[str]:
    return [f"  = {location.note}"] if location.note else []


def _where(location: Location, corpus: Corpus, root: Path) -> str:
    source = corpus.by_id.get(location.source)
    name = display_path(source.path, root) if source else location.source
    return f"{name}:{location.line}:{location.column}"


def _excerpt(location: Location, corpus: Corpus) -> list[str]:
    source = corpus.by_id.get(location.source)
    if source is None:
        return []
    text = source.line_text(location.line).replace("\t", " ")
    start = location.column - 1
    end = location.end_column - 1 if location.end_line == location.line else len(text)
    window_start = max(0, start - EXCERPT_CONTEXT)
    window_end = min(len(text), end + EXCERPT_CONTEXT)
    prefix = "…" if window_start > 0 else ""
    suffix = "…" if window_end < len(text) else ""
    shown = prefix + text[window_start:window_end] + suffix
    gutter = f"  {location.line} | "
    marker = " " * (len(gutter) - 2) + "| " + " " * (len(prefix) + start - window_start)
    return [gutter + shown, marker + "^" * max(1, end - start)]


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
