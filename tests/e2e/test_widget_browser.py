"""The web widget in a real headless browser: a commune page on another origin embeds it.

Needs Playwright (`.venv/bin/pip install playwright`) and Debian's Chromium
(`apt-get install -y chromium`); skipped with that advice when either is missing.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from config import ROOT
from storage.outbox import enqueue
from storage.session import session_scope

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
SET_UP = "install with: .venv/bin/pip install playwright && apt-get install -y chromium"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "var" / "artifacts"
PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>UBND xã Thử Nghiệm</title></head>
<body><h1>Bình dân học vụ số</h1><p>Trang tin của xã.</p>
<script src="{gateway}/widget.js" defer></script></body></html>"""


@pytest.fixture
def commune_site(stack, tmp_path: Path) -> Iterator[str]:
    """A static page on another origin (the one in WIDGET_ALLOWED_ORIGINS) embedding the widget."""
    (tmp_path / "index.html").write_text(
        PAGE.format(gateway=f"http://127.0.0.1:{stack.settings.BOT_PORT}"), encoding="utf-8"
    )
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    port = urlsplit(stack.site_origin).port
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield stack.site_origin + "/index.html"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def page(commune_site: str):
    """Chromium at a 360×740 phone screen, on the commune's page."""
    sync_api = pytest.importorskip("playwright.sync_api", reason=f"no Playwright; {SET_UP}")
    if CHROMIUM is None:
        pytest.skip(f"no chromium on PATH; {SET_UP}")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(commune_site)
        try:
            yield page
        finally:
            browser.close()


def bot_texts(page) -> list[str]:
    return page.locator("#troly-widget .msg.bot").all_inner_texts()


def wait_for_more(page, count: int) -> list[str]:
    page.wait_for_function(
        "n => document.querySelector('#troly-widget').shadowRoot"
        ".querySelectorAll('.msg.bot').length > n",
        arg=count,
    )
    page.wait_for_function(  # the reply is complete once the widget is no longer busy
        "() => !document.querySelector('#troly-widget').shadowRoot"
        ".querySelector('.log').hasAttribute('aria-busy')"
    )
    return bot_texts(page)


def test_widget_on_another_site_asks_presses_a_button_and_gets_a_pushed_message(stack, page):
    from playwright.sync_api import expect  # installed: the page fixture skips otherwise

    launcher = page.get_by_role("button", name="Hỏi Trợ lý số")
    launcher.click()
    greeting = wait_for_more(page, 0)
    assert page.get_by_role("log").get_attribute("aria-live") == "polite"
    expect(page.get_by_role("textbox", name="Câu hỏi của bạn")).to_be_focused()

    page.get_by_role("textbox", name="Câu hỏi của bạn").fill("lam sao kich hoat vneid muc 2")
    page.keyboard.press("Enter")
    answer = wait_for_more(page, len(greeting))
    assert "VNeID" in "\n".join(answer[len(greeting) :])
    source = page.locator("#troly-widget .msg.bot a[target=_blank]").first
    assert source.get_attribute("href").startswith("https://")

    before = len(answer)
    page.locator("#troly-widget .buttons button").last.click()  # e.g. "Gặp người hỗ trợ"
    after_button = wait_for_more(page, before)
    assert len(after_button) > before

    token = page.evaluate("() => localStorage.getItem('troly-sender')")
    sender_id = "web:" + token.partition(".")[0]
    forged = stack.http.get("/api/inbox", params={"sender": sender_id})
    assert forged.json() == []  # the bare id opens nobody's inbox
    with session_scope(stack.settings.database_url) as session:
        enqueue(
            session,
            recipient=sender_id,
            bubbles=[
                {
                    "text": "Đại sứ số Lan: Bác xem trang https://vneid.gov.vn nhé. "
                    "Đừng mở vneid-xac-minh[.]com",
                    "buttons": [],
                }
            ],
        )
    page.locator("#troly-widget .msg.bot", has_text="Đại sứ số Lan").wait_for()
    pushed = page.locator("#troly-widget .msg.bot", has_text="Đại sứ số Lan")
    assert pushed.locator("a").count() == 1  # the official link only, not the defanged one
    assert pushed.locator("a").get_attribute("href") == "https://vneid.gov.vn"

    page.get_by_role("button", name="Chữ to").click()
    assert page.get_by_role("button", name="Chữ to").get_attribute("aria-pressed") == "true"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "widget-360x740.png"))
    page.keyboard.press("Escape")
    assert launcher.get_attribute("aria-expanded") == "false"
    expect(launcher).to_be_focused()
