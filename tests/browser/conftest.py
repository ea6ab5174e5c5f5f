"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Without a browser these tests are skipped, loudly; with REQUIRE_BROWSER=1 (as in CI) a missing
browser is a failure instead.
"""

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
MISSING = f"NO BROWSER: {CHROMIUM} not found; browser tests SKIPPED (install Debian's chromium to run them)"


def browser_available() -> bool:
    return Path(CHROMIUM).exists()


def pytest_collection_modifyitems(config, items):
    if browser_available():
        return
    browser_items = [item for item in items if "tests/browser/" in str(item.fspath)]
    if not browser_items:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(MISSING + " — and REQUIRE_BROWSER=1 says they must run")
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason=MISSING))
    config._browser_missing = len(browser_items)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    missing = getattr(config, "_browser_missing", 0)
    if missing:
        terminalreporter.write_sep("!", f"{missing} browser tests SKIPPED: {MISSING}", red=True, bold=True)
    from tests.browser.helpers import CHECKED_PAGES

    if CHECKED_PAGES:
        distinct = len({label for label, _ in CHECKED_PAGES})
        terminalreporter.write_line(
            f"axe-core: {len(CHECKED_PAGES)} checks of {distinct} distinct pages at 390 and 1280 px passed"
        )


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _NeutralPage(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        body = b"<!doctype html><html lang='en'><title>Weather</title><h1>Neutral page</h1></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def neutral_site():
    """A local stand-in for the neutral site quick exit leads to (this machine has no internet)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NeutralPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/weather"
    server.shutdown()


@pytest.fixture
def site(live_server, neutral_site, settings):
    settings.QUICK_EXIT_URL = neutral_site
    return live_server.url


# Records every Content-Security-Policy violation a page causes, for the tests to check.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(CSP_LISTENER)
    yield context
    context.close()


@pytest.fixture
def spanish_context(browser):
    """A browser whose preferred language is Spanish."""
    context = browser.new_context(viewport=PHONE, locale="es-ES")
    context.add_init_script(CSP_LISTENER)
    yield context
    context.close()


@pytest.fixture
def context_without_js(browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context
    context.close()


@pytest.fixture
def staff_groups(transactional_db):
    """The Reviewers and Managers groups. A transactional test ends with a flush, which empties the
    groups table and does not run data migrations again (Django's serialized rollback would restore
    them, but clashes with the content types the flush recreates): rebuild them from the migrations."""
    from django.contrib.auth.models import Group, Permission

    from tests.conftest import staff_group_permissions

    for name, pairs in staff_group_permissions().items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in pairs
            ]
        )


@pytest.fixture
def staff_user(staff_user, staff_groups):
    """tests.conftest's staff_user, with the groups there to join."""
    return staff_user
