"""Regenerate docs/report.png and docs/report-dates.png from reports/concord.html.

    pytest checks/ ; python docs/screenshots.py

Needs the test extra (playwright) and Debian's chromium (`apt-get install chromium`).
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
    page = browser.new_page(viewport={"width": 1300, "height": 820})
    page.goto((ROOT / "reports" / "concord.html").as_uri())
    page.screenshot(path=str(ROOT / "docs" / "report.png"))
    page.locator('#rule-visit-dates .finding[data-code="date-mismatch"]').screenshot(
        path=str(ROOT / "docs" / "report-dates.png")
    )
    browser.close()
