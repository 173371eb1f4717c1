"""Where the rules file, the checks folder and the reports folder are, for this run."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Literal

import pytest

from concord.cache import ExtractionCache
from concord.execute import ExecutorError
from concord.execute import ExecutorSpec
from concord.execute import parse_executor
from concord.execute.spec import parse_jobs
from concord.extraction import code_fingerprint
from concord.inherited import ForkedProjects
from concord.pool_rules import PoolRules
from concord.project import ProjectCache

DEFAULT_RULES = "rules.toml"
DEFAULT_CHECKS = "checks"
DEFAULT_REPORTS = "reports"
# Findings printed per failing rule: a terminal of 6,000 findings reads as none; the reports
# hold them all.
DEFAULT_SHOWN = 50
FailOn = Literal["error", "warning"]


@dataclass
class Settings:
    rules_path: Path
    checks_dir: Path
    reports_dir: Path
    fail_on: FailOn = "error"
    baseline_update: bool = False
    cache: ExtractionCache | None = None
    executor: ExecutorSpec = field(default_factory=lambda: ExecutorSpec("local"))
    today: dt.date = field(default_factory=dt.date.today)
    shown: int | None = DEFAULT_SHOWN  # findings printed per failing rule; None: all
    projects: ProjectCache = field(default_factory=ProjectCache)
    # Rules whose findings this process read back whole, so it never read what they depend on.
    rules_kept: int = 0
    # The rules items of this session still to run, by rules file and id; None where that is
    # not known (an xdist worker, which runs the share its controller sends).
    pending: set[tuple[Path, str]] | None = None
    # The projects the pool's workers hold, and the text-only rules handed to them.
    forked: ForkedProjects = field(init=False)
    pool_rules: PoolRules = field(init=False)

    def __post_init__(self) -> None:
        self.forked = ForkedProjects(self.projects)
        self.pool_rules = PoolRules(self.forked)

    @classmethod
    def from_config(cls, config: pytest.Config) -> Settings:
        fail_on = config.getoption("concord_fail_on", default=None) or config.getini(
            "concord_fail_on"
        )
        cache = _cache(config)
        return cls(
            rules_path=_path_setting(config, "concord_rules", DEFAULT_RULES),
            checks_dir=_path_setting(config, "concord_checks", DEFAULT_CHECKS),
            reports_dir=_path_setting(config, "concord_reports", DEFAULT_REPORTS),
            fail_on="warning" if fail_on == "warning" else "error",
            baseline_update=bool(config.getoption("concord_baseline_update", default=False)),
            cache=cache,
            executor=_executor(config),
            shown=_shown(config),
            projects=ProjectCache(cache),
        )

    def fails(self, severity: str) -> bool:
        """Whether a finding of this severity fails its rule's item."""
        return severity == "error" or self.fail_on == "warning"


SETTINGS_KEY = pytest.StashKey[Settings]()


def _executor(config: pytest.Config) -> ExecutorSpec:
    """`--concord-executor` (or the `concord_executor` ini key) with `--concord-jobs` (or
    `concord_jobs`; `auto` when neither is given)."""
    given = config.getoption("concord_jobs", default=None)
    if given is None:
        given = str(config.getini("concord_jobs") or "auto")
    value = config.getoption("concord_executor", default=None) or config.getini("concord_executor")
    try:
        jobs = parse_jobs(str(given))
        if jobs == "auto" and hasattr(config, "workerinput"):
            jobs = 1  # an xdist worker: xdist already runs one process per core
        return parse_executor(str(value or "local"), jobs)
    except ExecutorError as error:
        raise pytest.UsageError(f"pytest-concord: {error}") from None


def _shown(config: pytest.Config) -> int | None:
    """`--concord-show` (or `concord_show`); `-vv` shows every finding, as pytest shows whole
    diffs at that verbosity."""
    if config.get_verbosity() >= 2:
        return None
    shown = config.getoption("concord_show", default=None)
    given = f"--concord-show {shown}"
    if shown is None:
        value = str(config.getini("concord_show") or DEFAULT_SHOWN)
        given = f"concord_show = {value!r}"
        try:
            shown = int(value)
        except ValueError:
            shown = -1
    if shown < 0:
        raise pytest.UsageError(
            f"pytest-concord: {given} is not a number of findings; fix: give 0 (all) or more"
        )
    return shown or None


def _cache(config: pytest.Config) -> ExtractionCache | None:
    """Extraction results live in pytest's cache folder (`.pytest_cache/d/concord/extract/`,
    one folder for this version of the code), unless `--concord-no-cache` or
    `-p no:cacheprovider` says otherwise."""
    if config.getoption("concord_no_cache", default=False):
        return None
    pytest_cache = getattr(config, "cache", None)
    if pytest_cache is None:
        return None
    return ExtractionCache.of_generation(
        Path(pytest_cache.mkdir("concord")) / "extract", code_fingerprint()
    )


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
