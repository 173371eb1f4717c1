"""Load a rules file: TOML (never executed) -> pydantic models, or one readable error.

Every problem becomes a `RulesFileError` naming the file, the line, the rule id where there is
one, and the fix. Several problems in one file are reported together (`ConcordErrors`).
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from concord.errors import ConcordError
from concord.errors import ConcordErrors
from concord.errors import RulesFileError
from concord.rules import RULE_MODELS
from concord.rules import CorpusConfig
from concord.rules import RulesDocument
from concord.rules import SourceMetadata
from concord.rules import Waiver
from concord.rules import WaiversDocument
from concord.rules import document_model
from concord.toml_lines import PathPart
from concord.toml_lines import TomlLines

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

MAX_REPORTED_PROBLEMS = 10


@dataclass(frozen=True)
class LoadedWaiver:
    """A waiver and the file and line that declare it."""

    waiver: Waiver
    path: Path
    line: int


@dataclass(frozen=True)
class LoadedRules:
    """A validated rules file and where it came from."""

    path: Path
    document: RulesDocument
    lines: TomlLines
    waivers: tuple[LoadedWaiver, ...] = ()

    @property
    def folder(self) -> Path:
        return self.path.parent

    def line_of(self, *path: PathPart) -> int | None:
        return self.lines.line_of(path)


def load_rules(path: Path) -> LoadedRules:
    """Read and validate a rules file. Raises `RulesFileError` or `ConcordErrors`."""
    text = _read_text(path)
    lines = TomlLines(text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(path, error) from None
    problems, unchecked_rules = _check_kinds(path, data, lines)
    try:
        document = document_model().model_validate(data)
    except ValidationError as error:
        problems.extend(
            _explain(path, data, lines, detail)
            for detail in error.errors()
            if not _inside_rules(detail["loc"], unchecked_rules)
        )
    else:
        problems.extend(_duplicate_ids(path, document, lines))
        waivers, waiver_problems = _load_waivers(path, document, lines)
        problems.extend(waiver_problems)
    if problems:
        problems = problems[:MAX_REPORTED_PROBLEMS]
        raise problems[0] if len(problems) == 1 else ConcordErrors(problems)
    return LoadedRules(path=path, document=document, lines=lines, waivers=tuple(waivers))


DEFAULT_WAIVERS_FILE = "waivers.toml"


def waivers_path(path: Path, document: RulesDocument) -> Path:
    """Where this rules file's separate waivers live (whether or not the file exists)."""
    return path.parent / (document.include_waivers or DEFAULT_WAIVERS_FILE)


def _load_waivers(
    path: Path, document: RulesDocument, lines: TomlLines
) -> tuple[list[LoadedWaiver], list[ConcordError]]:
    loaded = [
        LoadedWaiver(waiver, path, lines.line_of(("waivers", index)) or 1)
        for index, waiver in enumerate(document.waivers)
    ]
    problems: list[ConcordError] = []
    extra = waivers_path(path, document)
    if extra.is_file():
        text = _read_text(extra)
        extra_lines = TomlLines(text)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            return loaded, [_syntax_error(extra, error)]
        try:
            waivers = WaiversDocument.model_validate(data).waivers
        except ValidationError as error:
            return loaded, [_explain(extra, data, extra_lines, detail) for detail in error.errors()]
        loaded.extend(
            LoadedWaiver(waiver, extra, extra_lines.line_of(("waivers", index)) or 1)
            for index, waiver in enumerate(waivers)
        )
    elif document.include_waivers is not None:
        problems.append(
            RulesFileError(
                path,
                lines.line_of(("include_waivers",)),
                f"waivers file not found: {document.include_waivers!r}",
                "create it (`pytest checks/ --concord-baseline-update` writes one), or correct "
                "the path, which is relative to this file",
            )
        )
    rule_ids = [rule.id for rule in document.rules]
    for item in loaded:
        if item.waiver.rule not in rule_ids:
            problems.append(
                RulesFileError(
                    item.path,
                    item.line,
                    f"the waiver names rule {item.waiver.rule!r}, which the rules file lacks",
                    _did_you_mean(item.waiver.rule, rule_ids) + f"rule ids: {', '.join(rule_ids)}",
                )
            )
    return loaded, problems


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RulesFileError(
            path,
            None,
            "rules file not found",
            "create it, or point --concord-rules (or the concord_rules ini key) at your rules file",
        ) from None
    except OSError as error:
        raise RulesFileError(
            path, None, f"cannot read the rules file: {error.strerror}", "check its permissions"
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise RulesFileError(
            path, line, "the rules file is not UTF-8 text", "save it as UTF-8"
        ) from None


def _syntax_error(path: Path, error: tomllib.TOMLDecodeError) -> RulesFileError:
    line = getattr(error, "lineno", None)
    message = str(error)
    if line is None:
        # Python 3.11-3.13 put the position in the message: "... (at line 3, column 9)".
        marker = message.rfind("(at line ")
        if marker != -1:
            digits = message[marker + len("(at line ") :].split(",", maxsplit=1)[0]
            line = int(digits) if digits.isdigit() else None
    problem = message.split(" (at line", maxsplit=1)[0]
    problem = problem.split(" (at end of document)", maxsplit=1)[0]
    return RulesFileError(
        path,
        line,
        f"not valid TOML: {problem}",
        "correct the TOML syntax on that line: strings need quotes, tables [brackets], "
        "arrays of tables [[double brackets]], and dates are written bare (2023-06-14)",
    )


def _check_kinds(
    path: Path, data: Mapping[str, Any], lines: TomlLines
) -> tuple[list[ConcordError], set[int]]:
    """Missing or unknown rule kinds, said plainly; and the rules that cannot be checked further
    (pydantic would only repeat that their kind is wrong)."""
    problems: list[ConcordError] = []
    unchecked: set[int] = set()
    rules = data.get("rules")
    if not isinstance(rules, list):
        return problems, unchecked
    for index, rule in enumerate(rules):
        if not isinstance(rule, dict):
            continue
        kind = rule.get("kind")
        rule_id = rule.get("id") if isinstance(rule.get("id"), str) else None
        line = lines.line_of(("rules", index, "kind"))
        if kind is None:
            fix = f"add `kind = ...`, one of: {', '.join(sorted(RULE_MODELS))}"
            problems.append(RulesFileError(path, line, "missing `kind`", fix, rule_id=rule_id))
        elif kind not in RULE_MODELS:
            fix = _did_you_mean(str(kind), RULE_MODELS) + (
                f"known kinds: {', '.join(sorted(RULE_MODELS))}"
            )
            problems.append(
                RulesFileError(path, line, f"unknown kind {kind!r}", fix, rule_id=rule_id)
            )
        else:
            continue
        unchecked.add(index)
    return problems, unchecked


def _inside_rules(loc: tuple[int | str, ...], indexes: set[int]) -> bool:
    return len(loc) >= 2 and loc[0] == "rules" and loc[1] in indexes


def _duplicate_ids(path: Path, document: RulesDocument, lines: TomlLines) -> list[ConcordError]:
    seen: dict[str, int] = {}
    problems: list[ConcordError] = []
    for index, rule in enumerate(document.rules):
        if rule.id in seen:
            first = lines.line_of(("rules", seen[rule.id], "id"))
            problems.append(
                RulesFileError(
                    path,
                    lines.line_of(("rules", index, "id")),
                    f"duplicate rule id (first used on line {first})",
                    "give every rule its own id: ids name the pytest items and the findings",
                    rule_id=rule.id,
                )
            )
        else:
            seen[rule.id] = index
    return problems


def _explain(
    path: Path, data: Mapping[str, Any], lines: TomlLines, detail: ErrorDetails
) -> ConcordError:
    loc = _toml_loc(detail["loc"], data)
    rule_id = _rule_id(data, loc)
    key = str(loc[-1]) if loc else ""
    if len(loc) >= 2 and isinstance(loc[-1], int):
        key = f"{loc[-2]}[{loc[-1]}]"  # an entry of a list: "checks[1]"
    where = _describe_table(loc[:-1])
    line = lines.line_of(loc) or 1  # a missing top-level key belongs at the top
    kind = detail["type"]
    value = detail.get("input")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(data, loc[:-1])
        problem = f"unknown key {key!r} in {where}"
        fix = _did_you_mean(key, allowed) + f"allowed keys: {', '.join(allowed)}"
    elif kind == "missing":
        problem = f"missing required key {key!r} in {where}"
        fix = f"add `{key} = ...` to {where}"
        if loc == ("version",):
            fix = "add `version = 1` at the top of the file"
    elif kind == "literal_error" and loc == ("version",):
        problem = f"version = {value!r} is not a format this tool reads"
        fix = "write `version = 1`: it is the only rules-file format so far"
    elif kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        problem = f"{key} = {value!r} is not allowed"
        fix = f"use one of {expected}" + _did_you_mean_suffix(value, expected)
    elif kind in {"date_type", "date_parsing", "date_from_datetime_inexact"}:
        problem = f"{key} = {value!r} is not a date"
        fix = f"write a bare TOML date without quotes, e.g. `{key} = 2023-06-14`"
    elif kind == "value_error":
        message = str(detail.get("ctx", {}).get("error", detail["msg"]))
        problem, _, fix = message.partition("; fix: ")
        fix = fix or "correct the value"
    elif kind in {"too_short", "too_long"}:
        problem = f"{key} in {where}: {detail['msg'].lower()}"
        fix = "add at least one entry" if kind == "too_short" else "remove entries"
    elif kind in _BOUNDS:
        limit = next(iter(detail.get("ctx", {}).values()), "")
        size, bound = _BOUNDS[kind]
        problem = f"{key} = {value!r} is too {size}"
        fix = f"use a number {bound} {limit}"
    elif kind == "string_pattern_mismatch" and key == "fingerprint":
        problem = f"fingerprint = {value!r} is not a finding's fingerprint"
        fix = "copy the 32 hexadecimal digits from reports/concord.json, or remove it"
    elif kind == "string_pattern_mismatch":
        problem = f"{key} = {value!r} is not a valid identifier"
        fix = "use letters, digits, '-', '_' and '.', starting with a letter or digit"
    else:
        problem = f"{key} in {where}: {detail['msg']} (got {value!r})"
        fix = f"write `{key}` as {_type_hint(kind)}"
    return RulesFileError(path, line, problem, fix, rule_id=rule_id)


_BOUNDS = {
    "less_than_equal": ("large", "up to"),
    "less_than": ("large", "below"),
    "greater_than_equal": ("small", "of at least"),
    "greater_than": ("small", "above"),
}


def _toml_loc(loc: tuple[int | str, ...], data: Mapping[str, Any]) -> tuple[PathPart, ...]:
    """Drop the union tags pydantic inserts (e.g. 'name' for the NameRule branch)."""
    result: list[PathPart] = []
    node: Any = data
    for part in loc:
        tag_position = len(result) == 2 and result[0] == "rules"
        is_tag = isinstance(part, str) and part in RULE_MODELS
        if tag_position and is_tag and not (isinstance(node, dict) and part in node):
            continue
        result.append(part)
        node = node.get(part) if isinstance(node, dict) else _item(node, part)
    return tuple(result)


def _item(node: Any, part: PathPart) -> Any:
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _rule_id(data: Mapping[str, Any], loc: Sequence[PathPart]) -> str | None:
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rule = _item(data.get("rules"), loc[1])
        if isinstance(rule, dict) and isinstance(rule.get("id"), str):
            return str(rule["id"])
    return None


def _describe_table(loc: Sequence[PathPart]) -> str:
    if not loc:
        return "the top level"
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts[-1] = f"{parts[-1]} #{part + 1}"
        else:
            parts.append(str(part))
    return "[" + ".".join(parts) + "]"


def _allowed_keys(data: Mapping[str, Any], table: Sequence[PathPart]) -> list[str]:
    model = _model_at(data, table)
    return list(model.model_fields) if model else []


def _model_at(data: Mapping[str, Any], table: Sequence[PathPart]) -> type[BaseModel] | None:
    """The model that validates the table at `table`, following the document's shape."""
    if not table:
        return RulesDocument
    head = table[0]
    if head == "corpus":
        return CorpusConfig
    if head == "sources":
        return SourceMetadata
    if head == "rules" and len(table) >= 2:
        rule = _item(data.get("rules"), table[1])
        kind = rule.get("kind") if isinstance(rule, dict) else None
        model: type[BaseModel] | None = RULE_MODELS.get(str(kind))
        for part in table[2:]:
            if model is None or isinstance(part, int):
                continue
            field = model.model_fields.get(str(part))
            model = _inner_model(field.annotation) if field else None
        return model
    return None


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _did_you_mean(word: str, choices: Sequence[str] | Mapping[str, Any]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}? " if close else ""


def _did_you_mean_suffix(value: Any, expected: str) -> str:
    if not isinstance(value, str):
        return ""
    choices = [part.strip(" '") for part in expected.replace(" or ", ",").split(",")]
    close = difflib.get_close_matches(value, [c for c in choices if c], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


_TYPE_HINTS = {
    "string_type": 'a quoted string, e.g. "text"',
    "int_type": "a whole number without quotes",
    "bool_type": "true or false, without quotes",
    "list_type": 'an array, e.g. ["a", "b"]',
    "dict_type": "a table",
    "model_type": "a table",
    "model_attributes_type": "a table",
}


def _type_hint(kind: str) -> str:
    return _TYPE_HINTS.get(kind, "the documented type (see docs/rules.md)")
