"""`concord.sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning and others).

One result per finding, `ruleId` the rule id, `level` from the severity, the first location as
the result's location and the others as related locations, and `partialFingerprints` so a
dashboard tracks a finding across commits. Waived findings carry an external suppression with
the waiver's reason. Columns count Unicode code points, as ours do (`columnKind`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from concord.report.json_report import TOOL_NAME
from concord.report.json_report import tool_version

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/pytest-concord/pytest-concord"
FINGERPRINT_KEY = "concordFindingHash/v1"


def render_sarif(report: dict[str, Any], root: Path) -> bytes:
    """The SARIF file's bytes (UTF-8): written as they are, not decoded to be encoded again
    (52 MB at 10,000 documents)."""
    sarif = build_sarif(report)
    return orjson.dumps(sarif, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def build_sarif(report: dict[str, Any]) -> dict[str, Any]:
    paths = {source["id"]: source["path"] for source in report["corpus"]["sources"]}
    rules = report["rules"]
    index_of = {rule["id"]: index for index, rule in enumerate(rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL_NAME,
                        "version": tool_version(),
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"SRCROOT": {"description": {"text": "the pytest root"}}},
                "results": [
                    _result(finding, index_of.get(finding["rule"], 0), paths)
                    for finding in report["findings"]
                ],
            }
        ],
    }


def _rule(rule: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": rule["id"],
        "name": f"{rule['kind']}-rule",
        "shortDescription": {"text": rule["description"]},
        "defaultConfiguration": {"level": _level(rule["severity"])},
        "properties": {"kind": rule["kind"]},
    }


def _result(finding: dict[str, Any], rule_index: int, paths: dict[str, str]) -> dict[str, Any]:
    first, *others = finding["locations"]
    result: dict[str, Any] = {
        "ruleId": finding["rule"],
        "ruleIndex": rule_index,
        "level": _level(finding["severity"]),
        "message": {"text": f"{finding['message']}\nexpected: {finding['expected']}"},
        "locations": [_location(first, paths)],
        "partialFingerprints": {FINGERPRINT_KEY: finding["fingerprint"]},
        "properties": {"code": finding["code"], "kind": finding["kind"]},
    }
    if others:
        result["relatedLocations"] = [
            {**_location(location, paths), "id": index}
            for index, location in enumerate(others, start=1)
        ]
    if "waived" in finding:
        result["suppressions"] = [
            {"kind": "external", "justification": finding["waived"]["reason"], "status": "accepted"}
        ]
    return result


def _location(location: dict[str, Any], paths: dict[str, str]) -> dict[str, Any]:
    physical: dict[str, Any] = {
        "artifactLocation": {
            "uri": paths.get(location["source"], location["source"]),
            "uriBaseId": "SRCROOT",
        },
        "region": {
            "startLine": location["line"],
            "startColumn": location["column"],
            "endLine": location["end_line"],
            "endColumn": location["end_column"],
            "snippet": {"text": location["text"]},
        },
    }
    sarif: dict[str, Any] = {"physicalLocation": physical}
    if location.get("note"):
        sarif["message"] = {"text": location["note"]}
    return sarif


def _level(severity: str) -> str:
    return "error" if severity == "error" else "warning"
