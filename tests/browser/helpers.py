"""Driving the questionnaire in a real browser, and checking each page with axe-core."""

from urllib.parse import urlparse

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import DESKTOP, PHONE
from tests.journeys import STEP_FIELDS

AXE = Axe()
CHECKED_PAGES = []  # (label, width) of every axe run, for the summary


def csp_violations(page):
    return page.evaluate("window.__cspViolations || []")


def assert_accessible(page, label):
    """Zero axe-core violations at phone and desktop widths, and nothing the CSP had to block."""
    assert csp_violations(page) == [], f"{label}: CSP violations"
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        results = AXE.run(page)
        assert results.violations_count == 0, (
            f"{label} at {viewport['width']}px:\n{results.generate_report()}"
        )
        CHECKED_PAGES.append((label, viewport["width"]))
    page.set_viewport_size(PHONE)


def current_step(page):
    return urlparse(page.url).path.strip("/").split("/")[-1]


def fill_step(page, answers):
    step = current_step(page)
    for field in STEP_FIELDS[step]:
        value = answers.get(field)
        if field == "court_date":
            if value:
                page.fill(f"#id_{step}-court_date_0", str(value.month))
                page.fill(f"#id_{step}-court_date_1", str(value.day))
                page.fill(f"#id_{step}-court_date_2", str(value.year))
            continue
        for item in value if isinstance(value, list) else [value]:
            page.check(f"input[name='{step}-{field}'][value='{item}']")
    return step


def click_and_wait(page, locator):
    """Click something that loads a new page, and wait until that page has loaded."""
    with page.expect_navigation():
        locator.click()


def go_back(page):
    """page.go_back(), asked again while Chromium is between two documents of the tab.

    Right after a redirect, Chromium can answer the history request with "Not attached to an active
    page" (a protocol state, not a page of ours); the same press a moment later goes through."""
    for attempt in range(5):
        try:
            return page.go_back()
        except PlaywrightError as error:
            if "Not attached to an active page" not in str(error) or attempt == 4:
                raise
            page.wait_for_timeout(200)


def press_continue(page):
    click_and_wait(page, page.locator(".question-form button[type=submit]"))


def answer_all(page, answers, *, check_each=None):
    """From the first question to "Check your answers", calling check_each(page, step) on every question."""
    steps = []
    while current_step(page) != "check":
        step = current_step(page)
        steps.append(step)
        if check_each:
            check_each(page, step)
        fill_step(page, answers)
        press_continue(page)
    return steps


def same_origin(urls, site):
    origin = urlparse(site).netloc
    return [u for u in urls if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != origin]


def open_consultation(page):
    """Open the consultation form on the guidance page (folded under its button until asked for)."""
    form = page.locator(".consultation-details")
    if form.get_attribute("open") is None:
        page.locator("summary.consultation-open").click()
    page.locator("#id_name").wait_for(state="visible")


def finish(page, site, answers):
    """From the first question to the guidance page, answering `answers`."""
    page.goto(site + "/questions/")
    answer_all(page, answers)
    click_and_wait(page, page.locator("form button[data-prevent-double-submit]"))
    assert page.url == site + "/guidance/"


def send_a_request(page, name="Sam", email="sam@example.com"):
    """Fill in the consultation form on the guidance page (an email request) and send it."""
    open_consultation(page)
    page.fill("#id_name", name)
    page.check("input[name='preferred_method'][value='email']")
    page.fill("#id_email", email)
    page.check("input[name='voicemail_ok'][value='no']")
    page.check("input[name='say_firm_name'][value='no']")
    page.check("#id_consent")
    click_and_wait(page, page.get_by_role("button", name="Send my request"))
