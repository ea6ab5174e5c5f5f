"""Every role's journey in Chromium: axe-core on every page at 390 px and 1280 px, no other origins."""

import pytest

from intake.models import Intake
from tests.browser.helpers import (
    answer_all,
    assert_accessible,
    click_and_wait,
    fill_step,
    go_back,
    open_consultation,
    press_continue,
    same_origin,
)
from tests.journeys import VALID, journey

ROLES = {
    "restrained": journey(),
    "protected": journey(role="protected", contact_kinds=["call"], initiated_by="restrained"),
    "helping_protected": journey(
        role="helping_protected", order_types=["civil_harassment"], contact_kinds=["none"]
    ),
    "helping_restrained": journey(role="helping_restrained", order_types=["criminal_protective"]),
    "unsure": journey(role="unsure", order_types=["unsure"], contact_kinds=["in_person", "third_party"]),
}


def fill_consultation(page, data):
    page.fill("#id_name", data["name"])
    page.check(f"input[name='preferred_method'][value='{data['preferred_method']}']")
    page.fill("#id_phone", data["phone"])
    page.check(f"input[name='voicemail_ok'][value='{data['voicemail_ok']}']")
    page.check(f"input[name='say_firm_name'][value='{data['say_firm_name']}']")
    page.fill("#id_best_time", data["best_time"])
    page.fill("#id_other_party_name", data["other_party_name"])
    page.check("#id_consent")


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("role", list(ROLES))
def test_each_roles_journey_is_accessible_on_every_page(context, spanish_context, site, role, language):
    page = (spanish_context if language == "es" else context).new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    answers = ROLES[role]
    # The restrained journey passes every question, so it checks every error state.
    with_errors = role == "restrained"

    page.goto(site + "/")
    assert page.get_attribute("html", "lang") == language
    assert_accessible(page, f"start ({language})")
    click_and_wait(page, page.locator("a.button--start"))

    def check_question(page, step):
        assert_accessible(page, f"question {step}")
        if with_errors:
            press_continue(page)
            assert page.title().startswith("Error:")
            # Focus moves to the error summary, so that screen readers announce it.
            page.wait_for_function("document.activeElement.matches('[data-error-summary]')", timeout=3000)
            assert_accessible(page, f"question {step}, error")

    steps = answer_all(page, answers, check_each=check_question)
    assert len(steps) <= 7
    assert_accessible(page, "check your answers")
    click_and_wait(page, page.locator("form button[data-prevent-double-submit]"))
    assert page.url == site + "/guidance/"
    assert page.get_attribute("html", "lang") == language
    assert_accessible(page, "guidance")

    open_consultation(page)
    assert_accessible(page, "guidance, consultation form open")
    click_and_wait(page, page.locator(".consultation-form button[type=submit]"))
    assert page.title().startswith("Error:")
    assert_accessible(page, "consultation form, errors")
    fill_consultation(page, VALID)
    click_and_wait(page, page.locator(".consultation-form button[type=submit]"))
    assert page.url == site + "/guidance/request-sent/"
    assert_accessible(page, "confirmation")
    intake = Intake.objects.get()
    assert intake.reference in page.content()
    assert intake.language == language

    for path, label in (("/online-safety/", "online safety"), ("/privacy/", "privacy")):
        page.goto(site + path)
        assert_accessible(page, label)

    page.goto(site + "/guidance/")
    # A call was asked for: deleting asks first, as it cancels the call (see test_call_request.py).
    click_and_wait(page, page.locator(".your-data form[action='/delete/'] button"))
    assert page.url == site + "/delete/confirm/"
    assert_accessible(page, "delete: the call is cancelled too?")
    click_and_wait(page, page.locator("form[action='/delete/'] button"))
    assert_accessible(page, "answers deleted, call cancelled")
    assert Intake.objects.get().withdrawn
    assert same_origin(requests, site) == []


def test_other_pages_are_accessible(context, site):
    page = context.new_page()
    page.goto(site + "/guidance/")
    assert_accessible(page, "no guidance")
    page.goto(site + "/start-again/")
    assert_accessible(page, "start again?")
    page.goto(site + "/questions/")
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "sessionid", "value": "x" * 32, "url": site}])
    page.goto(site + "/questions/situation/")
    assert "Your session ended" in page.content()
    assert_accessible(page, "session ended")


def test_back_after_putting_a_mistake_right_shows_the_question_not_a_resubmission_page(context, site):
    page = context.new_page()
    page.goto(site + "/questions/")
    fill_step(page, journey())
    press_continue(page)
    assert page.url.endswith("/questions/order/")
    press_continue(page)  # nothing chosen: the same question, with the mistake
    assert "There is a problem" in page.content()
    fill_step(page, journey())
    press_continue(page)
    assert page.url.endswith("/questions/order_stage/")
    # Without the page's own address in its history entry, Chromium fails here with ERR_CACHE_MISS.
    response = go_back(page)
    assert response.request.method == "GET" and response.status == 200
    assert page.url.endswith("/questions/order/") and "There is a problem" not in page.content()
