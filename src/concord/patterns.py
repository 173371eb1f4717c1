"""User-written regular expressions, compiled with RE2: matching takes linear time, so no
pattern in a rules file can hang a run (there is no catastrophic backtracking to fear), and
nothing in it is executed. RE2 has no look-around and no back-references; a pattern that uses
them is refused with that reason."""

from __future__ import annotations

from typing import Any

import re2

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2 would print parse errors to stderr; we report them ourselves


class PatternError(ValueError):
    """A pattern RE2 cannot compile, with its reason."""


def compile_pattern(pattern: str, *, ignore_case: bool = False) -> Any:
    """The compiled pattern; raises `PatternError` with RE2's reason."""
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignore_case
    try:
        return re2.compile(pattern, options)
    except re2.error as error:
        reason = (
            error.args[0].decode()
            if error.args and isinstance(error.args[0], bytes)
            else str(error)
        )
        raise PatternError(reason) from None
