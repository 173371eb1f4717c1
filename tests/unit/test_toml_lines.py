from __future__ import annotations

from concord.toml_lines import TomlLines
from concord.toml_lines import split_dotted_key

DOC = '''version = 1

[corpus]
include = ["a/*.txt"]

[sources."0.1"]
published = 2023-06-14

[[rules]]
id = "one"
description = """
[[rules]] inside a string is not a header
"""

  [[rules.people]]
  name = "Qin Gang"

  [[rules.people]]
  name = "Wang Yi"

[[rules]]
id = "two"
'''


def test_paths_map_to_the_lines_where_they_are_written() -> None:
    lines = TomlLines(DOC)
    assert lines.line_of(("version",)) == 1
    assert lines.line_of(("corpus",)) == 3
    assert lines.line_of(("corpus", "include")) == 4
    assert lines.line_of(("sources", "0.1", "published")) == 7
    assert lines.line_of(("rules", 0)) == 9
    assert lines.line_of(("rules", 0, "id")) == 10
    assert lines.line_of(("rules", 0, "people", 1, "name")) == 19
    assert lines.line_of(("rules", 1)) == 21
    assert lines.line_of(("rules", 1, "id")) == 22


def test_an_unwritten_path_falls_back_to_its_nearest_written_parent() -> None:
    lines = TomlLines(DOC)
    assert lines.line_of(("rules", 0, "people", 0, "family")) == 15
    assert lines.line_of(("corpus", "include", 0)) == 4
    assert lines.line_of(("nowhere",)) is None


def test_dotted_keys_respect_quotes() -> None:
    assert split_dotted_key('a."b.c".d') == ("a", "b.c", "d")
    assert split_dotted_key("sources.001_x") == ("sources", "001_x")
