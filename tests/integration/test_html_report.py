"""The HTML report: everything from sources is escaped, and a real browser renders it with the
expected elements and no console errors (skipped when no browser is installed)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import QIN_RULE
from tests.helpers import MiniProject

PAYLOAD = (
    "Qin Gang met Antony Blinken. <script>alert(1)</script> Gang said "
    '"><img src=x onerror=alert(1)> and left.\n'
)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def hostile_report(pytester: pytest.Pytester, mini_project: MiniProject) -> Path:
    rules = QIN_RULE.replace(
        'description = "People are called by their family name."',
        'description = "Names <b>must</b> agree & \\"match\\"."',
    )
    mini_project({"a": "Qin Gang met Antony Blinken.\n", "b": PAYLOAD}, rules=rules)
    pytester.runpytest("checks/").assert_outcomes(failed=1)
    return pytester.path / "reports"


def test_source_text_in_the_html_report_is_inert(hostile_report: Path) -> None:
    page = (hostile_report / "concord.html").read_text(encoding="utf-8")
    assert "<script" not in page
    assert "<img" not in page
    assert "onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Names &lt;b&gt;must&lt;/b&gt; agree &amp; &quot;match&quot;." in page
    assert "http://" not in page
    assert "https://" not in page


def test_source_text_in_the_markdown_report_is_inert(hostile_report: Path) -> None:
    markdown = (hostile_report / "concord.md").read_text(encoding="utf-8")
    outside_code = []
    fenced = False
    for line in markdown.splitlines():
        if line.startswith("~~~~"):
            fenced = not fenced
        elif not fenced:
            outside_code.append(line)
    assert "<script" not in "\n".join(outside_code)
    assert "Names &lt;b&gt;must&lt;/b&gt; agree &amp;" in markdown


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium here: .ci/run installs Debian's chromium")
def test_a_real_browser_renders_the_report_without_errors(hostile_report: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")
    messages: list[str] = []
    dialogs: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_FLAGS)
        page = browser.new_page()
        page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
        page.on("dialog", lambda dialog: dialogs.append(dialog.message))
        page.goto((hostile_report / "concord.html").as_uri())
        assert page.title() == "pytest-concord report"
        assert page.locator("#summary").count() == 1
        assert page.locator("#matrix td[data-state]").count() == 2
        assert page.locator('#matrix td[data-state="error"]').count() == 1
        assert page.locator(".finding").count() == 1
        assert page.locator(".finding mark").first.inner_text() == "Gang"
        assert page.locator("img").count() == 0
        assert page.locator("script").count() == 0
        browser.close()
    assert [message for message in messages if message.startswith(("error", "pageerror"))] == []
    assert dialogs == []
