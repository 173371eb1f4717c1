"""`concord.html`: one self-contained page (no scripts, no network) an editor can read.

A summary; a sources × rules matrix; per rule, the findings with their excerpts side by side and
the span marked, the quote diffs as deletions and insertions; for date rules, a timeline of each
source's dates on one calendar axis. Everything that comes from sources or rules is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from concord.corpus import Corpus
from concord.report.terminal import plural

_INTERVAL = re.compile(r"→ (?P<first>\d{4}-\d{2}-\d{2})(?:\.\.(?P<last>\d{4}-\d{2}-\d{2}))?")
_REMOVED = re.compile(r"\[-(.*?)-\]")
_ADDED = re.compile(r"\{\+(.*?)\+\}")
_CONTEXT = 70

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1rem 2rem;
color:#1d2733}
h1{font-size:1.6rem}h2{border-top:1px solid #d8dee4;padding-top:1rem}
.counts span{display:inline-block;margin-right:1.2rem;font-weight:600}
.error{color:#b3261e}.warning{color:#8a5a00}.ok{color:#1e7b34}.waived{color:#5f6b7a}
table{border-collapse:collapse;margin:1rem 0}
td,th{border:1px solid #d8dee4;padding:.3rem .6rem;text-align:center}
th.source,td.source{text-align:left}
.finding{border:1px solid #d8dee4;border-radius:6px;margin:1rem 0;padding:.6rem 1rem}
.excerpts{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:.6rem}
.excerpt{background:#f6f8fa;border-radius:4px;padding:.4rem .6rem;font-size:.9rem}
.where{font-family:ui-monospace,monospace;font-size:.8rem;color:#5f6b7a}
mark{background:#ffe08a;padding:0 .1rem}.note{font-size:.85rem;color:#37474f}
pre.message{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:.85rem}
del{background:#ffd7d5;text-decoration:line-through}ins{background:#ccf0d4;text-decoration:none}
svg.timeline text{font-size:11px;fill:#1d2733}
"""


def render_html(report: dict[str, Any], corpus: Corpus | None) -> str:
    summary = report["summary"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>pytest-concord report</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>pytest-concord report</h1>",
        '<section id="summary"><p class="counts">',
        f'<span class="error">{plural(summary["errors"], "error")}</span>',
        f'<span class="warning">{plural(summary["warnings"], "warning")}</span>',
        f'<span class="waived">{summary["waived"]} waived</span>',
        f"<span>{plural(summary['rules'], 'rule')}</span>",
        f"<span>{plural(len(report['corpus']['sources']), 'source')}</span>",
        f"</p><p>Rules file: <code>{_e(report['rules_file'])}</code></p></section>",
        _matrix(report),
    ]
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for finding in report["findings"]:
        by_rule.setdefault(finding["rule"], []).append(finding)
    paths = {source["id"]: source["path"] for source in report["corpus"]["sources"]}
    for rule in report["rules"]:
        parts.append(_rule_section(rule, by_rule.get(rule["id"], []), paths, corpus))
    if report["errors"]:
        parts.append('<section id="errors"><h2>Errors</h2>')
        parts.extend(f'<pre class="message">{_e(error)}</pre>' for error in report["errors"])
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _matrix(report: dict[str, Any]) -> str:
    rules = report["rules"]
    cells: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for finding in report["findings"]:
        for source in {location["source"] for location in finding["locations"]}:
            cells.setdefault((source, finding["rule"]), []).append(finding)
    rows = [
        '<section id="matrix"><h2>Sources × rules</h2>',
        "<p>✓: the source agrees with the others on this rule. ✗: it holds an error finding, "
        "!: a warning, waived: only accepted findings.</p>",
        '<table class="matrix"><thead><tr><th class="source">source</th>',
    ]
    rows.extend(f'<th><a href="#rule-{_e(rule["id"])}">{_e(rule["id"])}</a></th>' for rule in rules)
    rows.append("</tr></thead><tbody>")
    for source in report["corpus"]["sources"]:
        title = f" <small>{_e(source['title'])}</small>" if source.get("title") else ""
        rows.append(f'<tr><td class="source"><code>{_e(source["id"])}</code>{title}</td>')
        for rule in rules:
            rows.append(_cell(cells.get((source["id"], rule["id"]), [])))
        rows.append("</tr>")
    rows.append("</tbody></table></section>")
    return "\n".join(rows)


def _cell(findings: list[dict[str, Any]]) -> str:
    open_ = [finding for finding in findings if "waived" not in finding]
    errors = sum(1 for finding in open_ if finding["severity"] == "error")
    if errors:
        return f'<td class="error" data-state="error">✗ {errors}</td>'
    if open_:
        return f'<td class="warning" data-state="warning">! {len(open_)}</td>'
    if findings:
        return '<td class="waived" data-state="waived">waived</td>'
    return '<td class="ok" data-state="ok">✓</td>'


def _rule_section(
    rule: dict[str, Any],
    findings: list[dict[str, Any]],
    paths: dict[str, str],
    corpus: Corpus | None,
) -> str:
    parts = [
        f'<section class="rule" id="rule-{_e(rule["id"])}">',
        f"<h2><code>{_e(rule['id'])}</code> ({_e(rule['kind'])}): "
        f'<span class="{_e(_outcome_class(rule["outcome"]))}">{_e(rule["outcome"])}</span></h2>',
        f"<p>{_e(rule['description'])}</p>",
    ]
    for waiver in rule.get("stale_waivers", []):
        parts.append(
            f'<p class="error">Stale waiver at <code>{_e(waiver["file"])}:{waiver["line"]}</code>: '
            f"it matches no finding; remove it.</p>"
        )
    if not findings:
        parts.append('<p class="ok">No findings.</p>')
    for finding in findings:
        parts.append(_finding(finding, paths, corpus))
    parts.append("</section>")
    return "\n".join(parts)


def _finding(finding: dict[str, Any], paths: dict[str, str], corpus: Corpus | None) -> str:
    waived = finding.get("waived")
    state = "waived" if waived else finding["severity"]
    parts = [
        f'<div class="finding" data-code="{_e(finding["code"])}">',
        f'<p><strong class="{_e(state)}">{_e(finding["code"])}</strong> [{_e(state)}]</p>',
    ]
    if waived:
        parts.append(f'<p class="waived">Waived: {_e(waived["reason"])}</p>')
    if finding["code"] == "date-mismatch":
        parts.append(_timeline(finding))
    parts.append('<div class="excerpts">')
    for location in finding["locations"]:
        parts.append(_excerpt(location, paths, corpus))
    parts.append("</div>")
    parts.append(f'<pre class="message">{_diff_markup(_e(finding["message"]))}</pre>')
    parts.append(f"<p>Expected: <q>{_e(finding['expected'])}</q></p></div>")
    return "\n".join(parts)


def _excerpt(location: dict[str, Any], paths: dict[str, str], corpus: Corpus | None) -> str:
    source = corpus.by_id.get(location["source"]) if corpus else None
    path = paths.get(location["source"], location["source"])
    where = f"{path}:{location['line']}:{location['column']}"
    if source is not None:
        line = source.line_text(location["line"])
        start = location["column"] - 1
        end = location["end_column"] - 1 if location["end_line"] == location["line"] else len(line)
        before = line[max(0, start - _CONTEXT) : start]
        after = line[end : end + _CONTEXT]
        lead = "…" if start > _CONTEXT else ""
        body = f"{lead}{_e(before)}<mark>{_e(line[start:end])}</mark>{_e(after)}"
    else:
        body = f"<mark>{_e(location['text'])}</mark>"
    note = f'<div class="note">{_e(location["note"])}</div>' if location.get("note") else ""
    return f'<div class="excerpt"><div class="where">{_e(where)}</div><div>{body}</div>{note}</div>'


def _timeline(finding: dict[str, Any]) -> str:
    """Each location's interval as a bar on one calendar axis."""
    bars = []
    for location in finding["locations"]:
        match = _INTERVAL.search(location.get("note", ""))
        if match is None:
            continue
        first = dt.date.fromisoformat(match.group("first"))
        last = dt.date.fromisoformat(match.group("last") or match.group("first"))
        bars.append((location, first, last))
    if not bars:
        return ""
    start = min(first for _, first, _ in bars)
    end = max(last for _, _, last in bars)
    span = max(1, (end - start).days + 1)
    label_width, width, row = 260, 560, 22
    height = row * len(bars) + 30
    parts = [
        f'<svg class="timeline" role="img" aria-label="dates on one axis" '
        f'width="{label_width + width + 20}" height="{height}" '
        f'viewBox="0 0 {label_width + width + 20} {height}">'
    ]
    for index, (location, first, last) in enumerate(bars):
        x = label_width + width * (first - start).days / span
        bar = max(4.0, width * ((last - first).days + 1) / span)
        y = 10 + index * row
        label = f"{location['source'][:12]} “{location['text'][:24]}”"
        parts.append(f'<text x="0" y="{y + 12}">{_e(label)}</text>')
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="{bar:.1f}" height="14" rx="3" fill="#4a7bd0">'
            f"<title>{_e(f'{first}..{last}')}</title></rect>"
        )
    axis_y = height - 8
    parts.append(f'<text x="{label_width}" y="{axis_y}">{_e(start.isoformat())}</text>')
    parts.append(f'<text x="{label_width + width - 70}" y="{axis_y}">{_e(end.isoformat())}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _diff_markup(escaped: str) -> str:
    """Turn the word diff's `[-…-]` and `{+…+}` (already escaped) into <del> and <ins>."""
    return _ADDED.sub(r"<ins>\1</ins>", _REMOVED.sub(r"<del>\1</del>", escaped))


def _outcome_class(outcome: str) -> str:
    return {"failed": "error", "passed": "ok", "waived": "waived"}.get(outcome, "error")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)
