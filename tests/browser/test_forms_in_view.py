"""Forms in view, with JavaScript and without: after a consultation form with mistakes (or one the
site could not send) its error summary is focused and on screen, below the sticky header; what is
ticked or typed but not sent survives the language switch; Enter in a field still sends the form."""

import datetime
from unittest import mock

import pytest
from django.db import OperationalError

from intake.models import Intake
from tests.browser import helpers
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.helpers import (
    answer_all,
    assert_accessible,
    click_and_wait,
    fill_step,
    open_consultation,
    press_continue,
)
from tests.journeys import VALID, journey

SUMMARY_PLACE = """() => {
  const summary = document.getElementById("consultation-errors");
  const header = document.querySelector(".site-header").getBoundingClientRect();
  const box = summary.getBoundingClientRect();
  return {
    focused: document.activeElement === summary,
    inForm: Boolean(summary.closest("form.consultation-form")),
    top: box.top, bottom: box.bottom, headerBottom: header.bottom, height: window.innerHeight,
    text: summary.textContent,
  };
}"""


@pytest.fixture(params=["with JavaScript", "without JavaScript"])
def any_context(request, browser):
    """A phone browser with JavaScript on (the CSP listener as in every other test), and one without."""
    if request.param == "with JavaScript":
        return request.getfixturevalue("context")
    return request.getfixturevalue("context_without_js")


def finish(page, site):
    helpers.finish(page, site, journey())


def settled(page, script, check, timeout_ms=3000):
    """`script`'s result once `check` holds of it (focus and scrolling happen just after load); the last
    result otherwise. Polled from here: without JavaScript the page cannot wait for itself."""
    waited, result = 0, page.evaluate(script)
    while not check(result) and waited < timeout_ms:
        page.wait_for_timeout(50)
        waited += 50
        result = page.evaluate(script)
    return result


def assert_summary_focused_and_in_view(page):
    place = settled(page, SUMMARY_PLACE, lambda p: p["focused"])
    assert place["focused"], place
    assert place["inForm"], place
    # Wholly on screen, and not under the sticky header.
    assert place["top"] >= place["headerBottom"], place
    assert place["bottom"] <= place["height"], place
    return place


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_after_mistakes_the_consultation_forms_summary_is_focused_and_in_view(any_context, site, viewport):
    page = any_context.new_page()
    page.set_viewport_size(viewport)
    finish(page, site)
    open_consultation(page)
    page.fill("#id_name", "Sam")
    click_and_wait(page, page.get_by_role("button", name="Send my request"))
    assert page.title().startswith("Error:")
    place = assert_summary_focused_and_in_view(page)
    assert "Choose how we should contact you" in place["text"]
    assert page.input_value("#id_name") == "Sam"
    assert page.locator(".error-summary").count() == 1  # none left at the top of the page


def test_the_summary_takes_focus_after_the_skip_link_was_used_without_javascript(context_without_js, site):
    """The skip link leaves #main in the address; a form sent to that address would come back with it,
    and the browser would focus <main> (at the top) instead of the summary."""
    page = context_without_js.new_page()
    finish(page, site)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Skip to main content"
    page.wait_for_url(site + "/guidance/#main")  # the fragment lands a moment after the key press
    open_consultation(page)
    click_and_wait(page, page.get_by_role("button", name="Send my request"))
    assert page.url == site + "/guidance/"
    assert_summary_focused_and_in_view(page)


def test_a_request_the_site_could_not_send_says_so_in_view_without_javascript(context_without_js, site):
    page = context_without_js.new_page()
    finish(page, site)
    open_consultation(page)
    page.fill("#id_name", VALID["name"])
    page.check("input[name='preferred_method'][value='phone']")
    page.fill("#id_phone", VALID["phone"])
    page.check("input[name='voicemail_ok'][value='no']")
    page.check("input[name='say_firm_name'][value='no']")
    page.check("#id_consent")
    with mock.patch("intake.views.guidance.consultation_request", side_effect=OperationalError("down")):
        click_and_wait(page, page.get_by_role("button", name="Send my request"))
    place = assert_summary_focused_and_in_view(page)
    assert "Nothing you typed is lost" in place["text"]
    assert page.input_value("#id_phone") == VALID["phone"]


def test_the_consultation_pages_with_mistakes_are_accessible(context, spanish_context, site):
    for browser_context, language in ((context, "en"), (spanish_context, "es")):
        page = browser_context.new_page()
        finish(page, site)
        open_consultation(page)
        click_and_wait(page, page.locator(".consultation-form button[type=submit]"))
        assert page.get_attribute("html", "lang") == language
        assert_summary_focused_and_in_view(page)
        assert_accessible(page, f"consultation form, errors at the form ({language})")


def test_a_tick_not_sent_survives_the_language_switch(any_context, site):
    page = any_context.new_page()
    page.goto(site + "/questions/")
    fill_step(page, journey())
    press_continue(page)
    assert page.url.endswith("/questions/order/")
    page.check("input[name='order-order_types'][value='civil_harassment']")
    page.check("input[name='order-order_types'][value='criminal_protective']")
    click_and_wait(page, page.get_by_role("button", name="Español"))
    assert page.url == site + "/questions/order/"
    assert page.get_attribute("html", "lang") == "es"
    assert page.is_checked("input[name='order-order_types'][value='civil_harassment']")
    assert page.is_checked("input[name='order-order_types'][value='criminal_protective']")
    assert not page.is_checked("input[name='order-order_types'][value='domestic_violence']")
    assert page.locator(".error-summary").count() == 0
    # Sent in Spanish, then switched back: the answer is saved, and still ticked.
    press_continue(page)
    assert page.url.endswith("/questions/order_stage/")
    page.goto(site + "/questions/order/")
    click_and_wait(page, page.get_by_role("button", name="English"))
    assert page.get_attribute("html", "lang") == "en"
    assert page.is_checked("input[name='order-order_types'][value='criminal_protective']")


def test_enter_in_a_field_still_continues_and_does_not_switch_the_language(any_context, site):
    page = any_context.new_page()
    page.goto(site + "/questions/")
    answers = journey(court_date=datetime.date.today() + datetime.timedelta(days=30))
    while not page.url.endswith("/questions/situation/"):
        fill_step(page, answers)
        press_continue(page)
    fill_step(page, answers)
    with page.expect_navigation():
        page.press("#id_situation-court_date_2", "Enter")
    assert page.url == site + "/questions/check/"
    assert page.get_attribute("html", "lang") == "en"


def test_what_is_typed_in_the_consultation_form_survives_the_language_switch(any_context, site):
    page = any_context.new_page()
    finish(page, site)
    open_consultation(page)
    page.fill("#id_name", "Sam")
    page.check("input[name='preferred_method'][value='email']")
    page.fill("#id_email", "sam@example.com")
    page.fill("#id_message", "Después de las 6")
    click_and_wait(page, page.get_by_role("button", name="Español"))
    assert page.url == site + "/guidance/"
    assert page.get_attribute("html", "lang") == "es"
    assert page.locator(".consultation-details").get_attribute("open") is not None
    assert page.input_value("#id_name") == "Sam"
    assert page.input_value("#id_email") == "sam@example.com"
    assert (
        page.input_value("#id_message") == ""
    )  # not kept: it may be used in a criminal case (intake.drafts)
    assert page.is_checked("input[name='preferred_method'][value='email']")
    assert not Intake.objects.get().consultation_requested
    # Enter in a field sends the request, as the form's own button does.
    page.check("input[name='voicemail_ok'][value='no']")
    page.check("input[name='say_firm_name'][value='no']")
    page.check("#id_consent")
    with page.expect_navigation():
        page.press("#id_name", "Enter")
    assert page.url == site + "/guidance/request-sent/"
    assert Intake.objects.get().consultation_requested


def test_pages_with_a_draft_are_accessible_in_both_languages(context, site):
    page = context.new_page()
    page.goto(site + "/questions/")
    fill_step(page, journey())
    press_continue(page)
    page.check("input[name='order-order_types'][value='mutual']")
    assert_accessible(page, "question with the language switch of its form (en)")
    click_and_wait(page, page.get_by_role("button", name="Español"))
    assert_accessible(page, "question with a draft (es)")
    # On to the guidance, then a draft of the consultation form.
    page.goto(site + "/questions/order/")
    page.check("input[name='order-order_types'][value='domestic_violence']")
    page.uncheck("input[name='order-order_types'][value='mutual']")
    press_continue(page)
    answer_all(page, journey())
    click_and_wait(page, page.locator("form button[data-prevent-double-submit]"))
    open_consultation(page)
    page.fill("#id_name", "Sam")
    click_and_wait(page, page.get_by_role("button", name="English"))
    assert page.input_value("#id_name") == "Sam"
    assert_accessible(page, "guidance with a draft of the consultation form (en)")
