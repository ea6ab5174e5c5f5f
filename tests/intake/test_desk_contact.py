"""Contact as the visitor allowed it, and consultations on the calendar: contact attempts refused or
confirmed, the safe time by the phone number, the first messages to copy (and their review in the
rule book), a scheduled consultation's time and holder, and its calendar file."""

import datetime
import re

import icalendar
import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from intake.best_time import outside_firm_hours
from intake.desk_messages import KINDS, VARIANTS, Variant, first_messages, wording
from intake.models import CallAttempt, IntakeAccess, WordingApproval
from intake.rule_book import items_by_key
from intake.services.followup import (
    ConsultIncomplete,
    ContactRefused,
    NeedsConfirmation,
    call_attempt_log,
    followup_update,
)
from tests.factories import IntakeFactory
from tests.intake.conftest import requested
from tests.intake.test_admin import CHANGELIST, change_post, change_url, inline_management

pytestmark = pytest.mark.django_db

CALLS = ["reached", "voicemail", "no_answer", "wrong_number"]
PERSONAL = {"name": "Sam Caller", "phone": "+12135550143", "email": "sam@example.com"}


def contact_request(**fields):
    """A consultation request, by phone with voicemail allowed unless `fields` say otherwise."""
    return IntakeFactory(
        **requested(
            2,
            **{
                **PERSONAL,
                "voicemail_ok": "yes",
                "say_firm_name": "yes",
                "message": "Please call after lunch",
                **fields,
            },
        )
    )


def log_on_page(client, intake, outcome, note="", **row):
    data = change_post(
        intake,
        **inline_management("call_attempts", total=1),
        **{"call_attempts-0-outcome": outcome, "call_attempts-0-note": note},
        **{f"call_attempts-0-{name}": value for name, value in row.items()},
    )
    return client.post(change_url(intake), data)


# Contact attempts


def test_a_voicemail_is_refused_when_they_said_no_voicemail(reviewer):
    intake = contact_request(voicemail_ok="no")
    with pytest.raises(ContactRefused, match="not to leave a voicemail"):
        call_attempt_log(intake=intake, author=reviewer, outcome="voicemail")
    assert not CallAttempt.objects.exists()
    # Other outcomes are logged as usual, and a voicemail where one is allowed.
    call_attempt_log(intake=intake, author=reviewer, outcome="no_answer")
    call_attempt_log(intake=contact_request(), author=reviewer, outcome="voicemail")
    assert sorted(CallAttempt.objects.values_list("outcome", flat=True)) == ["no_answer", "voicemail"]


def test_the_intake_page_shows_why_a_voicemail_was_refused_and_keeps_what_was_typed(client, reviewer):
    intake = contact_request(voicemail_ok="no")
    client.force_login(reviewer)
    response = log_on_page(client, intake, "voicemail", note="left a short message")
    assert response.status_code == 200
    page = response.content.decode()
    assert "They asked us not to leave a voicemail, so a voicemail cannot be logged." in page
    assert 'value="left a short message"' in page  # nothing typed is lost
    assert not CallAttempt.objects.exists()
    assert log_on_page(client, intake, "no_answer", note="rang twice").status_code == 302
    assert CallAttempt.objects.get().outcome == "no_answer"


@pytest.mark.parametrize("outcome", CALLS)
def test_a_call_on_a_texts_only_request_needs_confirmation(reviewer, outcome):
    intake = contact_request(preferred_method="text")
    with pytest.raises(NeedsConfirmation, match="text messages only"):
        call_attempt_log(intake=intake, author=reviewer, outcome=outcome)
    assert not CallAttempt.objects.exists()
    attempt = call_attempt_log(intake=intake, author=reviewer, outcome=outcome, confirmed_call=True)
    assert CallAttempt.objects.get() == attempt and attempt.author == reviewer


@pytest.mark.parametrize("method", ["text", "phone", "email"])
@pytest.mark.parametrize("outcome", ["text_sent", "email_sent"])
def test_texts_and_emails_sent_are_logged_without_confirmation(reviewer, method, outcome):
    intake = contact_request(preferred_method=method, voicemail_ok="no")
    attempt = call_attempt_log(intake=intake, author=reviewer, outcome=outcome, note="first message")
    assert (attempt.outcome, attempt.note, attempt.get_outcome_display()) == (
        outcome,
        "first message",
        {"text_sent": "Text sent", "email_sent": "Email sent"}[outcome],
    )


def test_the_page_asks_for_the_tick_only_on_a_texts_only_request(client, reviewer):
    texts_only, by_phone = contact_request(preferred_method="text"), contact_request()
    client.force_login(reviewer)
    page = client.get(change_url(texts_only)).content.decode()
    assert "Contact attempts (calls, texts, emails)" in page
    assert "I confirm they agreed to a call" in page and 'name="call_attempts-0-confirmed_call"' in page
    assert 'value="text_sent"' in page and 'value="email_sent"' in page
    other = client.get(change_url(by_phone)).content.decode()
    assert "I confirm they agreed to a call" not in other
    assert 'name="call_attempts-0-confirmed_call"' not in other
    # Without the tick the call is not logged, and the row says why; with it, it is.
    response = log_on_page(client, texts_only, "reached", note="they called us back")
    assert response.status_code == 200 and not CallAttempt.objects.exists()
    assert "They asked for text messages only." in response.content.decode()
    assert 'value="they called us back"' in response.content.decode()
    assert (
        log_on_page(client, texts_only, "reached", note="they called", confirmed_call="on").status_code == 302
    )
    assert log_on_page(client, texts_only, "text_sent").status_code == 302
    assert list(CallAttempt.objects.values_list("outcome", "author")) == [
        ("reached", reviewer.pk),
        ("text_sent", reviewer.pk),
    ]
    # On a request by phone the tick counts for nothing: a call needs none.
    assert log_on_page(client, by_phone, "reached", confirmed_call="on").status_code == 302


# The safe time, by the phone number


@pytest.mark.parametrize(
    ("text", "outside"),
    [
        ("after 6 pm", True),
        ("After 6pm", True),
        ("after 6", True),
        ("after 7:30 p.m.", True),
        ("evenings", True),
        ("weekday evenings", True),
        ("weeknights", True),
        ("Weekends only", True),
        ("Saturday morning", True),
        ("7am", True),
        ("before 8 am", True),
        ("at 6pm", True),
        ("18:00", True),
        ("6-9 pm", True),
        ("between 7 and 9 pm", True),
        ("antes de las 8", True),
        ("noche", True),
        ("en la noche", True),
        ("después de las 6 de la tarde", True),
        ("después de las 6", True),
        ("a partir de las 7 pm", True),
        ("fines de semana", True),
        ("sábado", True),
        ("de 7 a 9 de la noche", True),
        ("a las 19:00", True),
        ("", False),
        ("anytime", False),
        ("mornings", False),
        ("weekdays after 5 p.m.", False),
        ("after 5:30 pm", False),
        ("9am-5pm", False),
        ("12-2pm", False),
        ("8am", False),
        ("14:00", False),
        ("until 8pm", False),
        ("lunch time", False),
        ("por la tarde", False),
        ("despues de las 4", False),
        # Not sure: nothing extra is said.
        ("after 9", False),
        ("before 9", False),
        ("hasta las 8", False),
        ("a las 7", False),
        ("after work", False),
        ("late", False),
        ("call 213 555 0143", False),
        # A negated time is not a wish.
        ("weekdays, no weekends", False),
        ("not after 6 pm", False),
        ("nunca en la noche", False),
    ],
)
def test_a_safe_time_clearly_outside_the_firms_hours(text, outside):
    assert outside_firm_hours(text, 8, 18) is outside


def test_the_firms_hours_come_from_the_arguments():
    assert outside_firm_hours("after 5 pm", 9, 17) is True
    assert outside_firm_hours("after 5 pm", 8, 18) is False
    assert outside_firm_hours("8:30 am", 9, 17) is True


def test_the_safe_time_is_shown_next_to_the_phone_number(admin_client, settings):
    settings.FIRM_OPEN_HOURS = (8, 18)
    late = contact_request(best_time="after 6 pm")
    page = admin_client.get(change_url(late)).content.decode()
    number = page.index('href="tel:+12135550143"')
    assert page.index("Safe time: “after 6 pm”.", number) - number < 200
    assert "Looks outside the firm’s hours (Monday to Friday, 8 a.m. to 6 p.m. Pacific time)." in page
    within = contact_request(best_time="weekdays after 5 p.m.")
    page = admin_client.get(change_url(within)).content.decode()
    assert "Safe time: “weekdays after 5 p.m.”." in page and "Looks outside" not in page
    page = admin_client.get(change_url(contact_request(best_time=""))).content.decode()
    assert "Safe time" not in page


# First messages

FORBIDDEN_IN_DISCREET = re.compile(
    r"law|legal|lawyer|attorney|firm|court|judge|order|restrain|protect|consult|case|abuse|violence"
    r"|abogad|ley\b|bufete|despacho|corte|tribunal|juzgad|juez|orden|protec|consulta|caso|abuso|violencia",
    re.IGNORECASE,
)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("helped", [False, True])
def test_discreet_messages_name_neither_the_firm_nor_the_subject(settings, kind, language, helped):
    message = wording(kind, language, Variant(discreet=True, for_person_helped=helped))
    text = f"{message.subject}\n{message.body}"
    assert settings.FIRM_NAME not in text
    assert not FORBIDDEN_IN_DISCREET.search(text), FORBIDDEN_IN_DISCREET.search(text)
    assert settings.FIRM_PHONE in text  # how to call back, and nothing else
    if kind == "email":
        assert message.subject


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("helped", [False, True])
def test_other_messages_name_the_firm(settings, kind, language, helped):
    message = wording(kind, language, Variant(discreet=False, for_person_helped=helped))
    assert settings.FIRM_NAME in message.body and settings.FIRM_PHONE in message.body
    if kind == "email":
        assert settings.FIRM_NAME in message.subject


def test_spanish_messages_are_in_spanish_and_say_usted():
    for kind in KINDS:
        for variant in VARIANTS:
            spanish, english = wording(kind, "es", variant), wording(kind, "en", variant)
            assert spanish.body.startswith("Hola, ") and english.body.startswith(("Hi ", "Hello "))
            assert "usted" in spanish.body.lower() or "su solicitud" in spanish.body


def test_a_discreet_texts_only_request_shows_its_message_in_the_visitors_language_first(client, staff_user):
    ana = staff_user("ana", "Reviewers")
    ana.first_name = "Ana María"
    ana.save()
    intake = contact_request(preferred_method="text", say_firm_name="no")
    intake.language = "es"
    intake.save()
    client.force_login(ana)
    page = client.get(change_url(intake)).content.decode()
    assert "First message to copy" in page and "Discreet:" in page
    spanish = page.index("Hola, Sam Caller. Le escribe Ana para responder a su solicitud.")
    english = page.index("Hi Sam Caller, this is Ana, returning your request.")
    assert spanish < page.index("The same in English") < english
    assert "<textarea" in page and "readonly" in page and " style=" not in page
    messages_part = page[page.index('<div class="desk-messages">') : english + 200]
    assert "Nieves" not in messages_part and "consult" not in messages_part.lower()
    assert "This wording is not yet approved in the" in page


def test_an_email_request_by_a_helper_addresses_the_person_they_help(admin_client, settings):
    intake = contact_request(
        role="helping_protected",
        call_whom="them",
        helped_name="Rosa",
        preferred_method="email",
    )
    page = admin_client.get(change_url(intake)).content.decode()
    assert "First email (English)" in page
    assert "Hello Rosa," in page and "Someone helping you asked us to contact you" in page
    assert f"{settings.FIRM_NAME}: a consultation request made for you" in page
    assert "First text message" not in page


def test_no_message_is_offered_to_someone_who_asked_for_a_call(admin_client):
    page = admin_client.get(change_url(contact_request(preferred_method="phone"))).content.decode()
    assert "They asked for a phone call: no text or email unless they agree to one." in page
    assert '<textarea id="desk-message' not in page


def test_first_messages_use_the_staff_members_first_name(reviewer):
    intake = contact_request(preferred_method="email")
    found = first_messages(intake, reviewer)
    assert [(m.kind, m.language) for m in found] == [("email", "en"), ("email", "es")]
    assert "This is rita from" in found[0].body and intake.reference in found[0].body


def test_the_rule_book_shows_the_first_messages_and_a_manager_approves_one(client, manager):
    client.force_login(manager)
    page = client.get("/staff/rule-book/").content.decode()
    assert '<h2 id="first-messages">First messages to visitors</h2>' in page
    for item_id in ("first-text", "first-email"):
        start = page.index(f'<section class="rule-book-entry" id="message-{item_id}"')
        part = page[start : page.index("</section>", start)]
        assert '<td lang="en">' in part and '<td lang="es">' in part
        for variant in VARIANTS:
            assert variant.audience in part
        assert "Hola, [su nombre]" in part and "returning your request" in part
        assert "Not yet approved." in part and "Sources" not in part
    item = items_by_key()["message", "first-text"]
    hidden = r'name="item_id" value="first-text">\s*<input type="hidden" name="wording_hash" value="(\w{64})"'
    shown = re.search(hidden, page).group(1)
    response = client.post(
        "/staff/rule-book/approve/", {"kind": "message", "item_id": "first-text", "wording_hash": shown}
    )
    assert response["Location"] == "/staff/rule-book/#message-first-text"
    approval = WordingApproval.objects.get()
    assert (approval.kind, approval.item_id, approval.wording_hash) == (
        "message",
        "first-text",
        item.wording_hash,
    )
    assert {"en", "es", "audiences"} <= set(approval.wording["wordings"][0])
    intake = contact_request(preferred_method="text")
    assert "Approved wording" in client.get(change_url(intake)).content.decode()


def test_reviewers_cannot_approve_a_first_message(client, reviewer):
    client.force_login(reviewer)
    item = items_by_key()["message", "first-email"]
    data = {"kind": "message", "item_id": "first-email", "wording_hash": item.wording_hash}
    assert client.post("/staff/rule-book/approve/", data).status_code == 403
    assert not WordingApproval.objects.exists()


# Consultations


def pacific(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))  # settings.TIME_ZONE: America/Los_Angeles


def test_consult_scheduled_needs_a_time_and_who_holds_it(reviewer, manager):
    intake = contact_request()
    when = pacific(2030, 3, 5, 14, 30)
    for missing in ({}, {"consult_at": when}, {"consult_with": manager}):
        with pytest.raises(ConsultIncomplete):
            followup_update(intake=intake, by=reviewer, status="consult_scheduled", **missing)
        intake.refresh_from_db()
        assert (intake.status, intake.consult_at, intake.consult_with) == ("new", None, None)
    changed = followup_update(
        intake=intake, by=reviewer, status="consult_scheduled", consult_at=when, consult_with=manager
    )
    assert changed == ["status", "consult_at", "consult_with"]
    intake.refresh_from_db()
    assert (intake.status, intake.consult_at, intake.consult_with) == ("consult_scheduled", when, manager)
    # Taking the time away while it is scheduled is refused too; another status needs none.
    with pytest.raises(ConsultIncomplete):
        followup_update(intake=intake, by=reviewer, consult_at=None)
    assert followup_update(intake=intake, by=reviewer, status="contacted") == ["status"]


def test_only_staff_who_change_intakes_schedule_a_consultation(staff_user, manager):
    intake = contact_request()
    with pytest.raises(PermissionDenied):
        followup_update(
            intake=intake,
            by=staff_user("viewer"),
            status="consult_scheduled",
            consult_at=pacific(2030, 3, 5, 14, 30),
            consult_with=manager,
        )


def test_the_page_asks_for_the_time_and_who_holds_it(client, reviewer, manager):
    intake = contact_request()
    client.force_login(reviewer)
    page = client.get(change_url(intake)).content.decode()
    assert 'name="consult_at_0"' in page and 'name="consult_at_1"' in page and 'name="consult_with"' in page
    assert "Consultation date and time (Pacific)" in page
    assert 'aria-label="Consultation date (Pacific time)"' in page
    assert 'aria-label="Consultation time (Pacific time)"' in page
    response = client.post(change_url(intake), change_post(intake, status="consult_scheduled"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter the date and time of the consultation (Pacific time)." in page
    assert "Choose who holds the consultation." in page
    intake.refresh_from_db()
    assert intake.status == "new"
    data = change_post(
        intake,
        status="consult_scheduled",
        consult_at_0="2030-03-05",
        consult_at_1="14:30",
        consult_with=str(manager.pk),
    )
    assert client.post(change_url(intake), data).status_code == 302
    intake.refresh_from_db()
    assert intake.status == "consult_scheduled" and intake.consult_with == manager
    assert intake.consult_at == pacific(2030, 3, 5, 14, 30)
    assert intake.consult_at == datetime.datetime(2030, 3, 5, 22, 30, tzinfo=datetime.UTC)
    page = client.get(change_url(intake)).content.decode()
    assert f'href="{change_url(intake)[:-7]}consultation.ics"' in page
    assert 'value="2030-03-05"' in page and 'value="14:30:00"' in page  # shown in Pacific time
    # Saving the page again as shown (a note, say) keeps the consultation as it was.
    shown = {
        "initial-status": "consult_scheduled",
        "initial-consult_at_0": "2030-03-05",
        "initial-consult_at_1": "14:30:00",
        "initial-consult_with": str(manager.pk),
    }
    data = {**data, **shown, **inline_management("notes", total=1), "notes-0-text": "booked"}
    assert client.post(change_url(intake), data).status_code == 302
    intake.refresh_from_db()
    assert intake.consult_at == pacific(2030, 3, 5, 14, 30) and intake.notes.get().text == "booked"


def test_the_list_no_longer_sets_consult_scheduled_without_a_time(admin_client):
    contact_request()
    page = admin_client.get(CHANGELIST).content.decode()
    assert 'value="set_status_contacted"' in page
    assert "set_status_consult_scheduled" not in page


# The calendar file


def ics_url(intake):
    return f"{CHANGELIST}{intake.pk}/consultation.ics"


@pytest.fixture
def scheduled(manager):
    intake = contact_request(best_time="after 6 pm", other_party_name="Pat Smith")
    followup_update(
        intake=intake,
        by=manager,
        status="consult_scheduled",
        consult_at=pacific(2030, 7, 9, 16, 0),  # daylight time: UTC-7
        consult_with=manager,
    )
    intake.refresh_from_db()
    return intake


@pytest.mark.parametrize("who", ["reviewer", "manager"])
def test_a_scheduled_consultation_downloads_as_a_calendar_file(client, request, scheduled, who, settings):
    user = request.getfixturevalue(who)
    client.force_login(user)
    response = client.get(ics_url(scheduled))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert f'filename="consultation-{scheduled.reference}.ics"' in response["Content-Disposition"]
    content = response.content.decode()
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["summary"]) == f"Consultation {scheduled.reference}"
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start == datetime.datetime(2030, 7, 9, 23, 0, tzinfo=datetime.UTC)
    assert end - start == datetime.timedelta(minutes=settings.CONSULT_MINUTES)
    assert "DTSTART;TZID=America/Los_Angeles:20300709T160000" in content
    assert "BEGIN:VTIMEZONE" in content
    assert f"http://testserver/admin/intake/intake/{scheduled.pk}/change/" in content.replace("\r\n ", "")
    for personal in (
        "Sam",
        "Caller",
        "555",
        "0143",
        "example.com",
        "lunch",
        "Pat Smith",
        "after 6",
        "Domestic",
    ):
        assert personal not in content, personal
    assert IntakeAccess.objects.filter(intake=scheduled, user=user, kind="calendar").count() == 1


def test_no_calendar_file_without_a_scheduled_consultation(admin_client, scheduled):
    assert admin_client.get(ics_url(contact_request())).status_code == 404
    followup_update(intake=scheduled, by=scheduled.consult_with, status="contacted")
    assert admin_client.get(ics_url(scheduled)).status_code == 404
    assert admin_client.get(f"{CHANGELIST}999999/consultation.ics").status_code == 404
    assert not IntakeAccess.objects.filter(kind="calendar").exists()


def test_the_calendar_file_is_for_staff_who_may_view_intakes(client, staff_user, scheduled):
    response = client.get(ics_url(scheduled))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    client.force_login(staff_user("nobody"))
    assert client.get(ics_url(scheduled)).status_code == 403
    assert not IntakeAccess.objects.filter(kind="calendar").exists()
