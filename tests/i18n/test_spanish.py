"""The visitor side in Spanish: chosen from the browser, switchable on every page, recorded on the intake."""

import re

import pytest
from django.conf import settings
from django.core import mail

from intake.models import Intake
from intake.services.notifications import send_pending
from tests.journeys import QUESTIONS, VALID, Visitor, journey, step_url

pytestmark = pytest.mark.django_db

ROLES = ["protected", "restrained", "helping_protected", "helping_restrained", "unsure"]
ENGLISH_ONLY = [
    "Continue",
    "Which of these describes you?",
    "Your guidance",
    "Exit this page",
    "Check your answers",
]


@pytest.fixture
def spanish(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "es-MX,es;q=0.9,en;q=0.5"
    return client


@pytest.mark.parametrize("role", ROLES)
def test_a_spanish_journey_for_every_role(spanish, role):
    visitor = Visitor(spanish)
    visitor.walk(journey(role=role), finish=False)
    check = spanish.get(step_url("check")).content.decode()
    assert '<html lang="es">' in check and "Revise sus respuestas" in check
    spanish.post(step_url("check"), {})
    page = spanish.get("/guidance/").content.decode()
    assert '<html lang="es">' in page
    assert "Su orientación" in page and "Fuente:" in page and "Salir de esta página" in page
    for english in ENGLISH_ONLY:
        assert english not in page, english
    intake = Intake.objects.get()
    assert intake.language == "es"
    assert "Fuente:" in intake.guidance_snapshot and "Source:" not in intake.guidance_snapshot


def test_every_question_page_is_in_spanish(spanish):
    Visitor(spanish).walk(journey(contact_kinds=["text"]), finish=False)
    for step in QUESTIONS:
        page = spanish.get(step_url(step)).content.decode()
        assert "Pregunta " in page and "Seguir" in page, step
        assert ">Continue<" not in page and "Question " not in page, step


def test_errors_are_in_spanish(spanish):
    Visitor(spanish).walk(journey(), finish=False)
    page = spanish.post(step_url("order"), {}).content.decode()
    assert "<title>Error:" in page and "Hay un problema" in page and "Elija el tipo de orden" in page


def test_the_language_switch_keeps_the_page_and_the_answers(client):
    Visitor(client).walk(journey(), finish=False)
    answers = dict(client.session["wizard_questions"]["step_data"])
    english = client.get(step_url("contact")).content.decode()
    # On a question the switch is a button of the question's form (what is ticked goes along).
    assert re.search(
        r'<button type="submit" form="question-form" formaction="/questions/contact/language/"'
        r' name="language" value="es"',
        english,
    )
    assert 'id="question-form"' in english
    response = client.post(
        "/questions/contact/language/", {"language": "es", "contact-contact_kinds": "text"}
    )
    assert response.status_code == 302 and response["Location"] == "/questions/contact/"
    page = client.get(step_url("contact")).content.decode()
    assert '<html lang="es">' in page and 'value="text" checked' in page
    assert client.session["wizard_questions"]["step_data"] == answers
    assert settings.LANGUAGE_COOKIE_NAME in client.cookies
    # Django's own switch, on the pages without a form, keeps them too.
    back = client.post("/i18n/setlang/", {"language": "en", "next": "/questions/contact/"})
    assert back["Location"] == "/questions/contact/"
    assert '<html lang="en">' in client.get(step_url("contact")).content.decode()
    assert re.search(
        r'<form class="language-switch" method="post" action="/i18n/setlang/">',
        client.get("/").content.decode(),
    )


def test_the_switch_will_not_redirect_to_another_site(client):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_staff_see_an_english_rendering_and_a_spanish_flag(
    spanish, admin_client, django_capture_on_commit_callbacks
):
    Visitor(spanish).walk(journey())
    with django_capture_on_commit_callbacks(execute=True):
        spanish.post("/guidance/", VALID)
    send_pending()  # the sender's work
    intake = Intake.objects.get()
    page = admin_client.get(
        f"/admin/intake/intake/{intake.pk}/change/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "call back in Spanish" in page
    assert (
        '<div class="guidance-snapshot" lang="es">' in page
        and '<div class="guidance-snapshot" lang="en">' in page
    )
    assert "Source:" in page and "Fuente:" in page
    listing = admin_client.get("/admin/intake/intake/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<span class="language-flag">Spanish</span>' in listing
    assert "Language: Spanish: call back in Spanish" in mail.outbox[0].body
    assert "Acepto que la firma" in intake.consent_text  # consent stored in the words the visitor read


def test_switching_language_after_finishing_shows_the_guidance_in_the_new_language(client):
    Visitor(client).walk(journey())
    assert "Source:" in client.get("/guidance/").content.decode()
    client.post("/i18n/setlang/", {"language": "es", "next": "/guidance/"})
    page = client.get("/guidance/").content.decode()
    assert "Fuente:" in page and "Source:" not in page
    assert 'data-rule="reply-text"' in page
    assert Intake.objects.get().language == "en"  # what was stored is what was shown at the time
