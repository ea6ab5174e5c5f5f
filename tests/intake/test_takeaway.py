"""What a visitor takes away: the printable guidance, the court-date reminder, the contact log."""

import datetime
import re

import icalendar
import pytest

from intake.models import Intake
from tests.journeys import VALID, journey

pytestmark = pytest.mark.django_db

COURT_DATE = datetime.date.today() + datetime.timedelta(days=12)
# What the visitor gave us, none of which may leave in a file or a printout.
PERSONAL = [VALID["name"], "555 0143", "5550143", VALID["other_party_name"], VALID["best_time"]]


def with_court_date(visitor, **changes):
    visitor.walk(journey(court_date=COURT_DATE, **changes))


def event_of(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    return event


def test_the_reminder_is_an_all_day_event_on_the_court_date_with_a_neutral_title(client, visitor):
    with_court_date(visitor)
    response = client.get("/guidance/reminder.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"] == 'attachment; filename="appointment.ics"'
    event = event_of(response)
    assert event.decoded("dtstart") == COURT_DATE  # a date, not a time: all day
    assert event.decoded("dtend") == COURT_DATE + datetime.timedelta(days=1)
    assert str(event["summary"]) == "Appointment"
    text = response.content.decode().lower()
    for word in ("court", "restrain", "order", "protect", "firm", "law"):
        assert word not in text, word
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("trigger") == -datetime.timedelta(hours=15)  # 9 a.m. the day before


def test_a_plain_title_is_given_only_when_asked_for(client, visitor):
    with_court_date(visitor)
    event = event_of(client.get("/guidance/reminder.ics?title=plain"))
    assert str(event["summary"]) == "Court date"
    assert "court papers" in str(event["description"])


def test_the_reminder_is_in_the_visitors_language_and_carries_nothing_personal(client, visitor):
    with_court_date(visitor)
    client.post("/guidance/", VALID)
    assert Intake.objects.get().consultation_requested
    client.post("/i18n/setlang/", {"language": "es", "next": "/guidance/"})
    response = client.get("/guidance/reminder.ics")
    assert str(event_of(response)["summary"]) == "Cita"
    body = response.content.decode()
    assert Intake.objects.get().reference not in body
    for value in PERSONAL:
        assert value not in body


def test_no_reminder_without_a_court_date_or_without_guidance(client, visitor):
    assert client.get("/guidance/reminder.ics").status_code == 404
    visitor.walk(journey(court_date=None))
    assert client.get("/guidance/reminder.ics").status_code == 404
    assert "court-date.ics" not in client.get("/guidance/").content.decode()


def test_the_guidance_page_offers_the_reminder_next_to_the_court_date(client, visitor):
    with_court_date(visitor)
    page = client.get("/guidance/").content.decode()
    court_date = page.split('<div class="court-date">', 1)[1].split("</div>", 1)[0]
    assert 'href="/guidance/reminder.ics"' in court_date
    assert 'href="/guidance/reminder.ics?title=plain"' in court_date


def text_of(html):
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_printable_guidance_has_the_firm_date_answers_every_rule_open_and_the_reference(client, visitor):
    visitor.walk(journey(role="restrained", order_types=["criminal_protective"], criminal_case="yes"))
    intake = Intake.objects.get()
    page = client.get("/guidance/print/").content.decode()
    assert "(555) 555-0100" in page and "Printed on" in page
    assert 'data-answer="' in page
    for rule_id in intake.rule_ids:
        assert f'data-rule="{rule_id}"' in page
    assert "<details" not in page  # every rule open
    assert "The answers this guidance rests on" in page and "Criminal protective order" in page
    assert "Your reference" not in page  # no call asked for yet
    client.post("/guidance/", VALID)
    page = client.get("/guidance/print/").content.decode()
    assert f"Your reference: {intake.reference}" in page
    for value in PERSONAL:
        assert value not in text_of(page), value


def test_the_guidance_page_prints_the_same_header_and_answers(client, visitor):
    visitor.walk(journey())
    page = client.get("/guidance/").content.decode()
    header = page.split('<div class="print-only">', 1)[1]
    assert "Printed on" in header and "The answers this guidance rests on" in page
    assert 'href="/guidance/print/"' in page
    # Served from memory for the next visitor, it still shows that visitor's own answers.
    client.post("/delete/")
    visitor.walk(journey(role="protected", contact_kinds=["none"]))
    page = client.get("/guidance/").content.decode()
    answers = page.split("The answers this guidance rests on", 1)[1]
    assert "The order protects me" in answers and "The order is against me" not in answers


def test_no_printable_guidance_without_a_journey(client):
    assert client.get("/guidance/print/").status_code == 404


@pytest.mark.parametrize(("language", "title"), [("en", "Contact log"), ("es", "Registro de contactos")])
def test_the_contact_log_is_a_page_of_its_own_in_both_languages(client, language, title):
    response = client.get("/contact-log/", HTTP_ACCEPT_LANGUAGE=language)
    page = response.content.decode()
    assert response.status_code == 200 and title in page
    assert page.count('<th scope="col">') == 7
    assert "<form" not in page.split("<main", 1)[1].split("</main>", 1)[0]  # it sends nothing


@pytest.mark.parametrize(
    ("answers", "rule_id"),
    [
        (journey(role="restrained", contact_kinds=["text"], initiated_by="protected"), "document-contact"),
        (
            journey(role="protected", contact_kinds=["call"], initiated_by="restrained"),
            "protected-report-violation",
        ),
    ],
)
def test_the_contact_log_is_offered_where_visitors_are_told_to_keep_a_record(
    client, visitor, answers, rule_id
):
    visitor.walk(answers)
    page = client.get("/guidance/").content.decode()
    rule = re.search(rf'data-rule="{rule_id}">(.*?)</(?:div|details)>', page, re.S).group(1)
    assert 'href="/contact-log/"' in rule
