"""`sgdocs serve` in Chromium, as a business manager uses it: a new role brief started from
the list, three mistakes made and each explained beside its field, put right, the preview
following, saved as a hand edit would save it; the Word file downloaded and opened; the
file changed on disk while the page is open; and the pages clean under axe-core at desktop
and laptop sizes."""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest

from conftest import CONTENT
from sgdocs.serve.access import Access
from sgdocs.serve.app import create_app
from sgdocs.serve.jobs import Workers

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("SGDOCS_REQUIRE_BROWSER"),
    reason="Chromium is not installed (bash .ci/run installs it)")
SIZES = {"desktop": (1440, 900), "laptop": (1280, 720)}
NEW = "bexley/scrutineer-2026.yaml"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    from waitress.server import create_server

    content = tmp_path_factory.mktemp("serve") / "content"
    shutil.copytree(CONTENT / "bexley", content / "bexley")
    workers = Workers(1)
    served = create_server(create_app(content, Access("127.0.0.1"), workers),
                           host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=served.run, daemon=True)
    thread.start()
    yield f"http://localhost:{served.effective_port}", content
    served.close()
    workers.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


def expect(target: Any) -> Any:
    from playwright.sync_api import expect as expected

    return expected(target)


def _preview(page: Any) -> str:
    return str(page.locator("#preview").get_attribute("srcdoc") or "")


def test_a_role_brief_written_in_the_browser(server: tuple[str, Path], browser: Any,
                                            tmp_path: Path) -> None:
    base, content = server
    page = browser.new_page(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    page.goto(base + "/")
    page.select_option("#new-kind", "role-brief")
    page.select_option("#new-folder", "bexley")
    page.fill("#new-name", "scrutineer-2026")
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_url(f"{base}/edit/{NEW}")
    expect(page.locator("#preview")).to_have_attribute(
        "srcdoc", re.compile("Brief for independent scrutiny"))
    starter = (content / NEW).read_text(encoding="utf-8")

    # Three mistakes a business manager makes: a rate not yet known, a date written the
    # British way, the purpose left out.
    page.fill("#f-days-and-cost-day-rate", "TBC")
    page.fill("#f-applying-closing-date", "29/08/2025")
    page.fill("#f-purpose", "")
    page.wait_for_selector("#f-purpose + p.finding.error")
    beside = {field: page.locator(f"#{field} + p.finding.error").inner_text()
              for field in ("f-days-and-cost-day-rate", "f-applying-closing-date",
                            "f-purpose")}
    assert beside["f-days-and-cost-day-rate"].startswith(
        "Problem: “TBC” is not an amount of money sgdocs can read")
    assert "29/08/2025" in beside["f-applying-closing-date"]
    assert "What to do:" in beside["f-applying-closing-date"]
    assert beside["f-purpose"].startswith("Problem: purpose is empty")  # `purpose` as code
    assert page.locator("#f-days-and-cost-day-rate").get_attribute("aria-invalid") == "true"
    assert "3 problems" in page.locator("#check-count").inner_text()

    page.fill("#f-days-and-cost-day-rate", "up to £600")
    page.fill("#f-applying-closing-date", "2025-08-29")
    page.fill("#f-purpose", "What the partners need from independent scrutiny in 2026.")
    page.fill("#f-title", "Brief for independent scrutiny 2026")
    expect(page.locator("#preview")).to_have_attribute(
        "srcdoc", re.compile("Brief for independent scrutiny 2026"))
    assert page.locator("p.finding.error").count() == 0
    assert "What the partners need from independent scrutiny in 2026." in _preview(page)

    page.keyboard.press("Control+s")
    expect(page.locator("#status")).to_have_text(re.compile("^Saved at"))
    by_hand = starter.replace("title: Brief for independent scrutiny\n",
                              "title: Brief for independent scrutiny 2026\n").replace(
        "  day_rate: up to £800 ", "  day_rate: up to £600 ").replace(
        "purpose: >\n  This brief sets out what the safeguarding partners need from "
        "independent scrutiny of the\n  local multi-agency safeguarding arrangements.\n",
        "purpose: >\n  What the partners need from independent scrutiny in 2026.\n")
    assert (content / NEW).read_text(encoding="utf-8") == by_hand

    with page.expect_download() as downloading:
        page.get_by_role("button", name="Word").click()
    saved = tmp_path / downloading.value.suggested_filename
    downloading.value.save_as(saved)
    assert saved.name == "scrutineer-2026.docx"
    paragraphs = [p.text for p in docx.Document(str(saved)).paragraphs]
    assert "Brief for independent scrutiny 2026" in paragraphs
    assert "What the partners need from independent scrutiny in 2026." in paragraphs

    # Someone edits the file in a text editor while the page is open.
    (content / NEW).write_text(by_hand.replace("title: Brief for independent scrutiny 2026",
                                               "title: Brief for independent scrutiny, "
                                               "retitled"), encoding="utf-8")
    expect(page.locator("#f-title")).to_have_value("Brief for independent scrutiny, retitled",
                                                   timeout=10_000)
    assert page.locator("#status").inner_text().startswith("Reloaded")
    page.close()


@pytest.mark.parametrize("size", SIZES)
def test_the_pages_are_accessible(server: tuple[str, Path], browser: Any, size: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    base, _ = server
    width, height = SIZES[size]
    page = browser.new_page(viewport={"width": width, "height": height})
    found: dict[str, list[str]] = {}
    for address in ("/", "/edit/bexley/role-brief.yaml", "/edit/bexley/tender.yaml"):
        page.goto(base + address)
        if address != "/":
            expect(page.locator("#preview")).to_have_attribute("srcdoc", re.compile("<h1"))
        found[address] = [v["id"] for v in Axe().run(page).response["violations"]]
    page.close()
    assert found == {address: [] for address in found}


def test_the_form_is_used_by_keyboard(server: tuple[str, Path], browser: Any) -> None:
    base, _ = server
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(base + "/edit/bexley/role-brief.yaml")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the form"
    page.keyboard.press("Enter")
    questions = "#f-key-questions-items"
    first = page.locator(f"{questions}-0").input_value()
    page.locator(f"{questions} [data-action=down]").first.focus()
    page.keyboard.press("Enter")
    assert page.locator(f"{questions}-1").input_value() == first
    assert re.match(r"Moved entry 1 of .* to place 2", page.locator("#status").inner_text())
    page.locator("#tab-preview").focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "tab-check"
    assert page.locator("#panel-check").is_visible()
    page.close()
