"""The HTML page in a real headless browser: Debian's Chromium driven by Playwright.

Skipped, with the reason, where Chromium or Playwright is absent (``make browser-test``
installs both). Set ``NEWSCLAIMS_SCREENSHOT=docs/images/render.png`` to keep the screenshot
of the seed's page.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsclaims
from newsclaims import views
from tests.conftest import SEED_ARTICLE
from tests.test_views import example

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None,
        reason="Playwright is not installed (pip install playwright; `make browser-test`)",
    ),
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Chromium is not installed (apt-get install chromium; `make browser-test`)",
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module."""
    # Imported by name: Playwright is optional, and absent where the type checker may run.
    sync_playwright = importlib.import_module("playwright.sync_api").sync_playwright
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def _open(browser: Any, report: newsclaims.Report, folder: Path) -> tuple[Any, list[str]]:
    """Open the report's page from a file; return the page and every URL it requested."""
    path = folder / "page.html"
    path.write_text(views.render_html(report), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(path.as_uri())
    return page, requested


def _highlighted(page: Any, role: str) -> str:
    return "".join(page.locator(f"#article .hl-{role}").all_inner_texts())


def test_clicking_a_statement_highlights_its_parts(browser: Any, tmp_path: Path) -> None:
    """A click on S2 highlights exactly its source, cue and content, and selects its card."""
    page, _ = _open(browser, example(), tmp_path)
    page.locator('.st[data-id="S2"] > .st-head').click()
    parts = {role: _highlighted(page, role) for role in ("src", "cue", "cnt")}
    assert parts == {"src": "officials", "cue": "believe", "cnt": "<Iran> may act"}
    assert page.locator(".st.selected").get_attribute("data-id") == "S2"
    page.close()


def test_clicking_the_text_selects_its_statement(browser: Any, tmp_path: Path) -> None:
    """A click on a highlighted cue in the article selects the statement it belongs to."""
    page, _ = _open(browser, example(), tmp_path)
    page.locator("#article span", has_text="denied").click()
    assert page.locator(".st.selected").get_attribute("data-id") == "S3"
    page.close()


def test_filters_hide_statements(browser: Any, tmp_path: Path) -> None:
    """Unticking 'negative' polarity hides the denial, and its source group with it."""
    page, _ = _open(browser, example(), tmp_path)
    page.locator('input[data-filter="polarity"][value="negative"]').uncheck()
    hidden = page.locator('.st[data-id="S3"]').is_hidden()
    visible = page.locator('.st[data-id="S1"]').is_visible()
    assert (hidden, visible, page.locator(".group:visible").count()) == (True, True, 1)
    page.close()


def test_entity_click_highlights_its_mentions(browser: Any, tmp_path: Path) -> None:
    """Clicking an entity highlights every one of its mentions."""
    page, _ = _open(browser, example(), tmp_path)
    page.locator('.ent[data-id="E1"]').click()
    assert page.locator("#article .hl-ent").all_inner_texts() == ["Iran", "Iran"]
    page.close()


def test_nested_statement_is_shown_in_its_parent(browser: Any, tmp_path: Path) -> None:
    """The nested statement's card is rendered inside its parent's card."""
    page, _ = _open(browser, example(), tmp_path)
    assert page.locator('.st[data-id="S1"] .st[data-id="S2"]').count() == 1
    page.close()


def test_seed_page_loads_nothing_and_screenshots(browser: Any, tmp_path: Path) -> None:
    """The seed's page requests nothing but itself; a click highlights; a screenshot is taken."""
    report = newsclaims.read(SEED_ARTICLE)
    page, requested = _open(browser, report, tmp_path)
    cards = page.locator(".st")
    nested = page.locator(".st:has(.nested)")
    target = nested.first if nested.count() else cards.first
    target.locator(":scope > .st-head").click()
    page.mouse.move(5, 5)  # away from the cards: the screenshot shows the selection alone
    shot = tmp_path / "render.png"
    page.screenshot(path=str(shot))
    keep = os.environ.get("NEWSCLAIMS_SCREENSHOT")
    if keep:
        Path(keep).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, keep)
    external = [url for url in requested if not url.startswith("file:")]
    assert (external, page.locator("#article .hl-cnt").count() > 0) == ([], True)
    assert shot.stat().st_size > 10_000
    page.close()


def test_odd_ids_still_highlight(browser: Any, tmp_path: Path) -> None:
    """Ids with quotes, colons and hyphens (valid ids) work like any other."""
    text = "Iran denied it."
    report = newsclaims.Report(
        text,
        statements=[
            newsclaims.Statement(
                'x:"1"-src',
                newsclaims.Source([newsclaims.Span(0, 4)], entity_ids=["e:1"]),
                newsclaims.Cue([newsclaims.Span(5, 11)]),
                [newsclaims.Span(12, 14)],
            )
        ],
        entities=[
            newsclaims.Entity("e:1", "Iran", newsclaims.EntityKind.COUNTRY, [newsclaims.Span(0, 4)])
        ],
    )
    page, _ = _open(browser, report, tmp_path)
    page.locator(".st > .st-head").click()
    highlighted = (_highlighted(page, "src"), _highlighted(page, "cue"), _highlighted(page, "cnt"))
    page.locator(".ent").click()
    assert (highlighted, page.locator("#article .hl-ent").all_inner_texts()) == (
        ("Iran", "denied", "it"),
        ["Iran"],
    )
    page.close()
