"""Where the rules file, the checks folder and the reports folder are, for this run."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

import pytest

from concord.project import ProjectCache

DEFAULT_RULES = "rules.toml"
DEFAULT_CHECKS = "checks"
DEFAULT_REPORTS = "reports"


@dataclass
class Settings:
    rules_path: Path
    checks_dir: Path
    reports_dir: Path
    projects: ProjectCache = field(default_factory=ProjectCache)

    @classmethod
    def from_config(cls, config: pytest.Config) -> Settings:
        return cls(
            rules_path=_path_setting(config, "concord_rules", DEFAULT_RULES),
            checks_dir=_path_setting(config, "concord_checks", DEFAULT_CHECKS),
            reports_dir=_path_setting(config, "concord_reports", DEFAULT_REPORTS),
        )


SETTINGS_KEY = pytest.StashKey[Settings]()


def _path_setting(config: pytest.Config, name: str, default: str) -> Path:
    """A command-line value is relative to where pytest was started; an ini value to the ini
    file's folder; the default to the root folder, as pytest does for its own paths."""
    option = config.getoption(name, default=None)
    if option:
        return (config.invocation_params.dir / str(option)).resolve()
    ini_value = config.getini(name)
    if ini_value:
        base = config.inipath.parent if config.inipath else config.rootpath
        return (base / str(ini_value)).resolve()
    return (config.rootpath / default).resolve()
