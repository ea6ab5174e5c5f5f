"""The consultation request on the guidance page, and its confirmation."""

import re

import pytest
from django.conf import settings

from intake.models import Intake
from tests.journeys import VALID, journey

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(visitor):
    visitor.walk(journey())
    return Intake.objects.get()


def post(client, **changes):
    data = dict(VALID)
    data.update(changes)
    return client.post("/guidance/", {k: v for k, v in data.items() if v is not None})


def test_the_guidance_page_offers_the_form(finished, client):
    page = client.get("/guidance/").content.decode()
    assert 'name="consent"' in page
    assert "Do not write what happened" in page


def test_a_valid_request_is_attached_to_the_same_intake_and_confirmed(finished, client):
    response = post(client)
    assert response.status_code == 302
    assert response["Location"] == "/guidance/request-sent/"
    intake = Intake.objects.get()
    assert intake.pk == finished.pk
    assert intake.consultation_requested
    assert intake.name == "Sam"
    assert str(intake.phone) == "+12135550143"
    assert intake.other_party_name == "Alex Doe"
    assert intake.voicemail_ok == "no"
    assert intake.consent_at is not None
    assert "does not make me the firm’s client" in intake.consent_text
    page = client.get(response["Location"]).content.decode()
    assert intake.reference in page
    assert "What happens next" in page
    assert "your phone will show" in page
    assert "We will not leave a voicemail." in page


def test_a_number_from_another_country_is_accepted_with_its_country_code(finished, client):
    assert "start with + and the country code" in client.get("/guidance/").content.decode()
    assert post(client, phone="+52 55 1234 5678").status_code == 302
    assert str(Intake.objects.get().phone) == "+525512345678"


def test_asking_twice_keeps_the_first_request(finished, client):
    post(client)
    post(client, name="Someone else")
    intake = Intake.objects.get()
    assert intake.name == "Sam"
    assert "already asked for a call" in client.get("/guidance/").content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Enter the name we should ask for"),
        ({"name": "x" * 101}, "name", "100 characters or fewer"),
        ({"preferred_method": ""}, "preferred_method", "Choose how we should contact you"),
        ({"preferred_method": "pigeon"}, "preferred_method", "Choose how we should contact you"),
        ({"phone": ""}, "phone", "Enter a phone number"),
        ({"preferred_method": "text", "phone": ""}, "phone", "Enter a phone number"),
        ({"phone": "12"}, "phone", "Enter a real phone number"),
        ({"preferred_method": "email", "phone": ""}, "email", "Enter an email address, so we can email you"),
        ({"preferred_method": "email", "email": "not-an-email"}, "email", "Enter an email address like"),
        ({"voicemail_ok": ""}, "voicemail_ok", "Choose whether we may leave a voicemail"),
        ({"say_firm_name": "maybe"}, "say_firm_name", "Choose whether we may say who is calling"),
        ({"message": "x" * 501}, "message", "500 characters or fewer"),
        ({"consent": None}, "consent", "Tick the box to agree"),
    ],
)
def test_invalid_requests_say_how_to_fix_them_and_store_nothing(finished, client, changes, field, message):
    response = post(client, **changes)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    # The error summary links to the field: to an element that is there.
    anchor = re.search(rf'href="#(id_{field}[^"]*)"', page).group(1)
    assert f'id="{anchor}"' in page
    assert "<title>Error:" in page
    assert not Intake.objects.get().consultation_requested


def test_an_email_request_needs_no_phone(finished, client):
    response = post(client, preferred_method="email", phone="", email="sam@example.com")
    assert response.status_code == 302
    assert Intake.objects.get().email == "sam@example.com"


def test_the_confirmation_needs_a_request(finished, client):
    assert client.get("/guidance/request-sent/")["Location"] == "/guidance/"


def test_the_visitor_pages_read_the_session_and_the_intake_in_one_query_each(
    finished, client, django_assert_num_queries
):
    """Database work per page is part of the benchmark (make bench): no page loads more than it shows."""
    with django_assert_num_queries(2):
        assert client.get("/guidance/").status_code == 200
    with django_assert_num_queries(2):
        # In the other language, the guidance is rendered again from the stored rules: no query more.
        assert 'lang="es"' in client.get("/guidance/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert post(client).status_code == 302
    with django_assert_num_queries(2):
        page = client.get("/guidance/request-sent/").content.decode()
    assert finished.reference in page and "We will not leave a voicemail" in page


def test_sending_again_shows_the_confirmation_and_stores_nothing_new(finished, client):
    assert post(client)["Location"] == "/guidance/request-sent/"
    again = post(client, name="Someone else")
    assert again.status_code == 302 and again["Location"] == "/guidance/request-sent/"
    intake = Intake.objects.get()
    assert intake.name == "Sam"
    assert intake.notifications.count() == 1
    # Told so, in case they had changed something: only the first request's details are kept.
    page = client.get("/guidance/request-sent/").content.decode()
    assert "We already had your request, so this one was not sent again." in page
    assert intake.reference in page
    assert "not sent again" not in client.get("/guidance/request-sent/").content.decode()  # said once


def test_an_email_request_is_not_told_about_calls(finished, client):
    post(client, preferred_method="email", email="sam@example.com", phone="", say_firm_name="no")
    page = client.get("/guidance/request-sent/").content.decode()
    assert "your reference" in page.lower()
    assert "who is calling" not in page
    assert "your phone will show" not in page


def test_a_request_sent_after_the_session_ended_says_it_was_not_sent(finished, client):
    client.cookies.pop(settings.SESSION_COOKIE_NAME)  # the session ended while the form was being filled
    response = post(client)
    assert response.status_code == 404
    page = response.content.decode()
    assert "Your request was not sent" in page
    assert 'href="tel:+15555550100"' in page
    assert not Intake.objects.get().consultation_requested
    # Only a request says so: the page itself, looked at again, just has no guidance.
    assert "Your request was not sent" not in client.get("/guidance/").content.decode()


def test_the_pages_read_the_intake_as_the_orm_would(finished, rf):
    """The guidance pages' query (written once per process) gives what Intake.objects.only().get() gives."""
    from django.contrib.sessions.backends.cache import SessionStore

    from intake import journey as visitor_journey
    from intake.views.guidance import CONTACT_CHOICES, _finished_intake

    request = rf.get("/guidance/")
    request.session = SessionStore()
    fields = ("language", "guidance_snapshot", "answers", "rule_ids", "court_date", *CONTACT_CHOICES)
    assert _finished_intake(request, *fields) is None  # nothing finished in this session
    visitor_journey.remember_finished(request.session, finished.reference)
    ours = _finished_intake(request, *fields)
    orms = Intake.objects.only("reference", "consultation_requested_at", *fields).get(pk=finished.pk)
    names = ("pk", "reference", "consultation_requested_at", *fields)
    assert [getattr(ours, name) for name in names] == [getattr(orms, name) for name in names]
    assert isinstance(ours.answers, dict) and isinstance(ours.rule_ids, list)
    assert ours.get_deferred_fields() == orms.get_deferred_fields()
    visitor_journey.remember_finished(request.session, "NONE-LEFT")
    assert _finished_intake(request, *fields) is None  # deleted meanwhile, or never there


@pytest.mark.parametrize(
    ("answers", "line_shown"),
    [
        (journey(role="restrained"), True),
        (journey(role="helping_restrained", order_types=["criminal_protective"]), True),
        # The safety rule says it, with the hotline: the protected side, mutual orders, not sure.
        (journey(role="protected", order_types=["mutual"]), False),
        (journey(role="unsure", order_types=["none_yet"]), False),
        (journey(role="protected"), False),
    ],
)
def test_everyone_is_told_to_call_911_in_danger_once(client, visitor, answers, line_shown):
    visitor.walk(answers)
    page = client.get("/guidance/").content.decode()
    assert ('class="danger-line"' in page) is line_shown
    assert page.count("If anyone is in danger now, call 911.") <= 1
    assert "911" in page
