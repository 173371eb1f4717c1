"""`concord.md`: a Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`.

Counts by rule and severity, then the open findings with their excerpts, as many as fit in a
pull-request comment: GitHub refuses a comment over 65,536 characters, and a run over thousands
of sources can have thousands of findings. The rest are counted under their rule; the JSON and
SARIF reports have every one. Text from sources goes in fenced code blocks; text outside them
has `<`, `>` and `&` escaped, since GitHub renders HTML inside Markdown.
"""

from __future__ import annotations

import html
from typing import Any

from concord.corpus import Corpus
from concord.report.terminal import plural

_FENCE = "~~~~"
_MAX_EXCERPT = 160
COMMENT_LIMIT = 65_536  # characters in a GitHub comment; a step summary takes 1 MiB
# What the findings may take of it: the counts table and the notes need the rest.
_FINDINGS_BUDGET = COMMENT_LIMIT - 8_000


def render_markdown(report: dict[str, Any], corpus: Corpus | None) -> str:
    summary = report["summary"]
    lines = [
        "# pytest-concord report",
        "",
        f"**{plural(summary['errors'] + summary['warnings'], 'open finding')}** "
        f"({plural(summary['errors'], 'error')}, {plural(summary['warnings'], 'warning')}; "
        f"{summary['waived']} waived) from {plural(summary['rules'], 'rule')}.",
        "",
        "| rule | kind | outcome | errors | warnings | waived |",
        "| --- | --- | --- | ---: | ---: | ---: |",
    ]
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for finding in report["findings"]:
        by_rule.setdefault(finding["rule"], []).append(finding)
    for rule in report["rules"]:
        findings = by_rule.get(rule["id"], [])
        open_ = [finding for finding in findings if "waived" not in finding]
        lines.append(
            f"| `{rule['id']}` | {rule['kind']} | {rule['outcome']} "
            f"| {sum(1 for f in open_ if f['severity'] == 'error')} "
            f"| {sum(1 for f in open_ if f['severity'] == 'warning')} "
            f"| {len(findings) - len(open_)} |"
        )
    paths = {source["id"]: source["path"] for source in report["corpus"]["sources"]}
    budget = _FINDINGS_BUDGET
    for rule in report["rules"]:
        open_findings = [f for f in by_rule.get(rule["id"], []) if "waived" not in f]
        stale = rule.get("stale_waivers", [])
        if not open_findings and not stale:
            continue
        lines += ["", f"## `{rule['id']}` ({rule['kind']}): {rule['outcome']}", ""]
        lines.append(_escape(rule["description"]))
        for waiver in stale:
            lines += [
                "",
                f"- **stale waiver** at `{waiver['file']}:{waiver['line']}`: it matches no "
                f"finding; remove it (reason given: {_escape(waiver['reason'])})",
            ]
        listed = 0
        for finding in open_findings:
            block = ["", *_finding(finding, paths, corpus)]
            size = sum(len(line) + 1 for line in block)
            if size > budget:
                budget = 0  # the findings after this one are not listed either: order is kept
                break
            budget -= size
            lines += block
            listed += 1
        if listed < len(open_findings):
            rest = len(open_findings) - listed
            counted = plural(rest, "more finding" if listed else "finding")
            lines += [
                "",
                f"*{counted} of this rule {'is' if rest == 1 else 'are'} not listed here, to keep "
                f"this page within GitHub's {COMMENT_LIMIT:,}-character comment limit: "
                "`concord.json` and `concord.sarif` have every finding.*",
            ]
    if report["errors"]:
        lines += ["", "## Errors", "", _FENCE + "text", *report["errors"], _FENCE]
    return "\n".join(lines) + "\n"


def _finding(finding: dict[str, Any], paths: dict[str, str], corpus: Corpus | None) -> list[str]:
    first = finding["locations"][0]
    where = f"{paths.get(first['source'], first['source'])}:{first['line']}:{first['column']}"
    lines = [f"### `{finding['code']}` [{finding['severity']}] `{where}`", ""]
    for location in finding["locations"]:
        path = paths.get(location["source"], location["source"])
        lines.append(
            f"`{path}:{location['line']}:{location['column']}`"
            + (f": {_escape(location['note'])}" if location.get("note") else "")
        )
        lines += [_FENCE + "text", _excerpt(location, corpus), _FENCE]
    lines += ["", _FENCE + "text", finding["message"].replace(_FENCE, "~~~"), _FENCE, ""]
    lines.append(f"**expected:** {_escape(finding['expected'])}")
    return lines


def _excerpt(location: dict[str, Any], corpus: Corpus | None) -> str:
    source = corpus.by_id.get(location["source"]) if corpus else None
    line = source.line_text(location["line"]) if source else location["text"]
    start = location["column"] - 1
    window_start = max(0, start - 60)
    shown = ("…" if window_start else "") + line[window_start : window_start + _MAX_EXCERPT]
    return shown.replace(_FENCE, "~~~")


def _escape(text: str) -> str:
    return html.escape(text, quote=False).replace("|", "\\|")
