"""What a visitor takes away, in Chromium: the printout (print media emulated), the calendar file
downloaded from the guidance page, and the contact log."""

import datetime
from pathlib import Path

import icalendar
import pytest

from intake.models import Intake
from tests.browser.helpers import assert_accessible, click_and_wait, finish, send_a_request
from tests.journeys import journey

COURT_DATE = datetime.date.today() + datetime.timedelta(days=10)
SCENARIOS = {
    "restrained": journey(
        role="restrained",
        order_types=["criminal_protective"],
        contact_kinds=["text"],
        initiated_by="protected",
        criminal_case="yes",
        court_date=COURT_DATE,
    ),
    "protected": journey(
        role="protected", contact_kinds=["call"], initiated_by="restrained", court_date=COURT_DATE
    ),
}
VISIBLE_TEXT = "() => document.body.innerText"


def ask_for_a_call(page):
    send_a_request(page, name="Sam Rivera", email="sam.rivera@example.com")


def assert_printout(page, intake, *, reference):
    """What a printout of the page has, and what it has not."""
    page.emulate_media(media="print")
    text = page.evaluate(VISIBLE_TEXT)
    assert "The Nieves Law Firm" in text and "(555) 555-0100" in text
    assert "Printed on" in text
    assert page.locator("[data-answer]").is_visible()
    for rule_id in intake.rule_ids:
        assert page.locator(f"[data-rule='{rule_id}'] p").first.is_visible(), rule_id
    assert "The answers this guidance rests on" in text
    assert ("Your reference: " + intake.reference in text) is reference
    # Nothing that means nothing on paper: no language switch, quick exit, buttons, forms or links
    # to pages; no contact details.
    for control in (
        "Español",
        "Exit this page",
        "Ask us to call you",
        "Delete my answers",
        "Add to my calendar",
    ):
        assert control not in text, control
    assert not page.locator("form:visible, button:visible, input:visible").count()
    assert not page.locator("a[href^='/']:visible").count()
    for personal in ("Sam Rivera", "sam.rivera@example.com"):
        assert personal not in text
    page.emulate_media(media="screen")


@pytest.mark.parametrize("role", list(SCENARIOS))
def test_the_guidance_prints_with_the_firm_the_date_every_rule_and_the_answers(context, site, role):
    page = context.new_page()
    finish(page, site, SCENARIOS[role])
    intake = Intake.objects.get()
    assert_printout(page, intake, reference=False)
    ask_for_a_call(page)
    page.goto(site + "/guidance/")
    assert_printout(page, Intake.objects.get(), reference=True)
    # The printable version, reached by a plain link (no JavaScript needed), prints the same.
    click_and_wait(page, page.get_by_role("link", name="Printable version"))
    assert page.url == site + "/guidance/print/"
    assert_printout(page, intake, reference=True)
    assert_accessible(page, "printable guidance")


def test_the_calendar_file_downloads_from_the_guidance_page(context, site, tmp_path):
    page = context.new_page()
    finish(page, site, SCENARIOS["restrained"])
    ask_for_a_call(page)
    page.goto(site + "/guidance/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to my calendar").click()
    path = Path(tmp_path) / "event.ics"
    download.value.save_as(path)
    data = path.read_bytes()
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert event.decoded("dtstart") == COURT_DATE
    assert str(event["summary"]) == "Appointment"
    assert event.walk("VALARM")
    text = data.decode()
    for personal in (
        "Sam Rivera",
        "sam.rivera@example.com",
        Intake.objects.get().reference,
        "court",
        "Nieves",
    ):
        assert personal not in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_contact_log_prints_its_columns(context, spanish_context, site, language):
    page = (spanish_context if language == "es" else context).new_page()
    page.goto(site + "/contact-log/")
    assert_accessible(page, f"contact log ({language})")
    page.emulate_media(media="print")
    assert page.locator("table.contact-log").is_visible()
    assert page.locator("table.contact-log thead th").count() == 7
    assert page.locator("table.contact-log tbody tr").count() >= 8
    assert not page.locator(".language-bar").is_visible()
    assert not page.locator("button:visible").count()


def test_the_printable_version_is_accessible_in_spanish(spanish_context, site):
    page = spanish_context.new_page()
    finish(page, site, SCENARIOS["protected"])
    click_and_wait(page, page.get_by_role("link", name="Versión para imprimir"))
    assert page.get_attribute("html", "lang") == "es"
    assert "Las respuestas en las que se basa esta información" in page.evaluate(VISIBLE_TEXT)
    assert_accessible(page, "printable guidance (es)")
