"""A call request in Chromium: a helper says whom to call; deleting the answers afterwards asks first,
says the firm will not call, and staff then see the request as withdrawn, with nothing personal."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User

from intake.models import Intake
from tests.browser.helpers import answer_all, assert_accessible, click_and_wait, open_consultation
from tests.conftest import PASSWORD
from tests.journeys import journey

HELPER = journey(role="helping_restrained", order_types=["criminal_protective"])


def finish_and_ask_for_a_call(page, site, *, helped_name="Kevin Helpedson"):
    page.goto(site + "/questions/")
    answer_all(page, HELPER)
    click_and_wait(page, page.locator("form button[data-prevent-double-submit]"))
    assert page.url == site + "/guidance/"
    open_consultation(page)
    page.fill("#id_name", "Maria Secretname")
    page.fill("#id_helped_name", helped_name)
    page.check("input[name='call_whom'][value='them']")
    page.check("input[name='preferred_method'][value='phone']")
    page.fill("#id_phone", "213 555 0143")
    page.check("input[name='voicemail_ok'][value='no']")
    page.check("input[name='say_firm_name'][value='no']")
    page.fill("#id_other_party_name", "Alex Otherparty")
    page.check("#id_consent")
    click_and_wait(page, page.locator(".consultation-form button[type=submit]"))
    assert page.url == site + "/guidance/request-sent/"


def test_deleting_after_asking_for_a_call_warns_first_and_staff_see_it_withdrawn(context, site):
    page = context.new_page()
    finish_and_ask_for_a_call(page, site)
    intake = Intake.objects.get()
    assert (intake.helped_name, intake.call_whom) == ("Kevin Helpedson", "them")

    # Going back from the warning keeps the request.
    click_and_wait(page, page.locator(".your-data form[action='/delete/'] button"))
    assert page.url == site + "/delete/confirm/"
    warning = page.locator("[data-call-warning]")
    assert "your call request is cancelled too, and we will not call" in warning.inner_text()
    assert_accessible(page, "delete answers: the call is cancelled too?")
    click_and_wait(page, page.get_by_role("link", name="No, keep my call request"))
    assert page.url == site + "/guidance/request-sent/"
    assert not Intake.objects.get().withdrawn

    click_and_wait(page, page.locator(".your-data form[action='/delete/'] button"))
    click_and_wait(page, page.get_by_role("button", name="Yes, delete and cancel my call"))
    assert page.locator("h1").inner_text() == "Your answers have been deleted"
    assert (
        page.locator("[data-call-cancelled]").inner_text()
        == "Your call request is cancelled. We will not call."
    )
    assert_accessible(page, "answers deleted, call cancelled")
    assert Intake.objects.get().withdrawn

    # Staff, signed in, open the request from the withdrawn view of the list.
    User.objects.create_superuser("boss", password=PASSWORD)
    staff = context.browser.new_context().new_page()
    staff.goto(site + "/admin/login/")
    staff.fill("#id_username", "boss")
    staff.fill("#id_password", PASSWORD)
    click_and_wait(staff, staff.locator("input[type=submit]"))
    staff.goto(site + "/admin/intake/intake/")
    assert intake.reference not in staff.content()  # not in the open queue
    staff.goto(site + "/admin/intake/intake/?view=withdrawn")
    row = staff.locator("#result_list tbody tr", has_text=intake.reference)
    assert "Withdrawn by the visitor on" in row.inner_text()
    click_and_wait(staff, row.get_by_role("link", name=intake.reference))
    content = staff.locator("#content").inner_text()
    assert "Withdrawn by the visitor on" in content and "do not call" in content
    for word in ("Secretname", "Helpedson", "Otherparty", "555"):
        assert word not in content, word
    staff.context.close()


def test_the_warning_and_the_withdrawal_work_without_javascript(context_without_js, site):
    page = context_without_js.new_page()
    finish_and_ask_for_a_call(page, site)
    click_and_wait(page, page.locator(".your-data form[action='/delete/'] button"))
    assert page.url == site + "/delete/confirm/"
    click_and_wait(page, page.get_by_role("button", name="Yes, delete and cancel my call"))
    assert "We will not call." in page.locator("[data-call-cancelled]").inner_text()
    assert Intake.objects.get().withdrawn


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_confirmation_after_the_session_ended_says_how_to_make_sure(
    context, spanish_context, site, language
):
    page = (spanish_context if language == "es" else context).new_page()
    finish_and_ask_for_a_call(page, site)
    click_and_wait(page, page.locator(".your-data form[action='/delete/'] button"))
    assert page.url == site + "/delete/confirm/"
    assert_accessible(page, f"delete: the call is cancelled too? ({language})")
    page.context.clear_cookies(name=settings.SESSION_COOKIE_NAME)  # the session ended meanwhile
    click_and_wait(page, page.locator("form[action='/delete/'] button").first)
    assert "(555) 555-0100" in page.content()
    assert_accessible(page, f"delete: not sure the call was cancelled ({language})")
    assert not Intake.objects.get().withdrawn
