"""The language switch keeps what was ticked or typed but not sent (intake.drafts, intake.views.language):
a draft shown again in the other language, never an answer, cleared when its form is sent."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils.datastructures import MultiValueDict

from intake import drafts
from intake.journey import WIZARD_KEY
from intake.models import Intake
from tests.intake.test_page_memory import Renders, answered
from tests.journeys import VALID, Visitor, journey, step_data, step_url

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def ticked(page, value):
    return re.search(rf'value="{value}"[^>]*checked', page) is not None


def switch(client, step, data, language="es"):
    return client.post(f"/questions/{step}/language/", {**data, "language": language})


# --- what a draft keeps ---------------------------------------------------------------


def test_a_question_draft_keeps_only_the_steps_own_fields_and_values():
    data = MultiValueDict(
        {
            "order-order_types": ["civil_harassment", "not-a-choice", "civil_harassment", "mutual"],
            "order-extra": ["x"],
            "role-role": ["restrained"],  # another step's field
            "csrfmiddlewaretoken": ["t"],
            "language": ["es"],
        }
    )
    assert drafts.question_draft("order", data) == {"order_types": ["civil_harassment", "mutual"]}
    assert drafts.question_draft("check", data) == {}
    assert drafts.question_draft("nonsense", data) == {}


def test_every_choice_of_every_question_can_be_kept():
    """Built without the visitor's role, each field still offers all its values (who started the contact
    included, whose words depend on the role)."""
    from intake.steps import FORMS, QUESTION_STEPS

    for step in QUESTION_STEPS:
        form = dict(FORMS)[step](prefix=step)
        for name, field in form.fields.items():
            for value, _label in getattr(field, "choices", ()):
                draft = drafts.question_draft(step, MultiValueDict({f"{step}-{name}": [value]}))
                assert value in (draft[name] if isinstance(draft[name], list) else [draft[name]])


def test_a_typed_date_is_kept_as_typed_but_bounded():
    data = MultiValueDict(
        {
            "situation-court_date_month": ["March"],
            "situation-court_date_day": [""],
            "situation-court_date_year": ["2027" + "9" * 1000],
            "situation-criminal_case": ["yes"],
        }
    )
    draft = drafts.question_draft("situation", data)
    assert draft == {"court_date": ["Ma", "", "2027"], "criminal_case": "yes"}


def test_a_consultation_draft_keeps_typed_text_bounded_but_not_the_consent_nor_the_honeypot():
    data = MultiValueDict(
        {
            "name": ["Sam" + "x" * 5000],
            "message": ["x" * 5000],
            "other_party_name": ["Alex Doe"],
            "preferred_method": ["pigeon"],
            "voicemail_ok": ["no"],
            "consent": ["on"],
            "website": ["spam"],
            "unknown": ["y"],
        }
    )
    draft = drafts.consultation_draft(data)
    # Nor the message (it may be used in a criminal case) or the other party's name, kept only once sent.
    assert draft == {"name": ("Sam" + "x" * 5000)[:100], "voicemail_ok": "no"}


# --- question pages -------------------------------------------------------------------


def test_a_tick_not_sent_survives_the_switch_and_is_not_an_answer():
    client = answered(Client(), journey(), ["role"])
    before = dict(client.session[WIZARD_KEY]["step_data"])
    response = switch(client, "order", {"order-order_types": ["civil_harassment", "mutual"]})
    assert response.status_code == 302 and response["Location"] == "/questions/order/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    page = client.get(step_url("order")).content.decode()
    assert '<html lang="es">' in page
    assert ticked(page, "civil_harassment") and ticked(page, "mutual")
    assert not ticked(page, "domestic_violence")
    assert "error-summary" not in page  # shown as ticked, not checked
    # Not an answer: nothing saved, the next question is still out of reach, nothing stored.
    assert client.session[WIZARD_KEY]["step_data"] == before
    assert client.get(step_url("order_stage"))["Location"] == "/questions/order/"
    assert not Intake.objects.exists()


def test_the_draft_goes_when_the_question_is_sent():
    client = answered(Client(), journey(), ["role"])
    switch(client, "order", {"order-order_types": ["mutual"]})
    Visitor(client).answer("order", journey(order_types=["elder_abuse"]))
    assert client.session[WIZARD_KEY]["drafts"] == {}
    page = client.get(step_url("order")).content.decode()
    assert ticked(page, "elder_abuse") and not ticked(page, "mutual")


def test_a_question_sent_with_a_mistake_also_replaces_its_draft():
    client = answered(Client(), journey(), ["role"])
    switch(client, "order", {"order-order_types": ["mutual"]})
    response = client.post(step_url("order"), step_data("order", {"order_types": ["none_yet", "mutual"]}))
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert client.session[WIZARD_KEY]["drafts"] == {}


def test_a_changed_earlier_answer_drops_the_drafts_after_it_but_not_an_unchanged_one():
    steps = ["role", "order", "order_stage", "order_exceptions", "contact"]
    client = answered(Client(), journey(), steps)
    switch(client, "contact_details", {"contact_details-initiated_by": "restrained"})
    Visitor(client).answer("role", journey())  # the same answer again
    assert "contact_details" in client.session[WIZARD_KEY]["drafts"]
    # "They" in who started the contact now means someone else: the draft goes.
    Visitor(client).answer("role", journey(role="protected"))
    assert client.session[WIZARD_KEY]["drafts"] == {}


def test_a_draft_the_same_as_the_saved_answer_is_not_kept_and_the_page_stays_shared():
    client = answered(Client(), journey(), ["role", "order"])
    switch(client, "order", {"order-order_types": ["domestic_violence"]})
    assert not (client.session[WIZARD_KEY].get("drafts") or {})
    other = answered(Client(HTTP_ACCEPT_LANGUAGE="es"), journey(), ["role", "order"])
    with Renders() as renders:
        client.get(step_url("order"))
        other.get(step_url("order"))
    assert renders.count == 1  # one page in memory for both


def test_a_page_with_a_draft_is_this_visitors_only():
    client = answered(Client(), journey(), ["role"])
    other = answered(Client(HTTP_ACCEPT_LANGUAGE="es"), journey(), ["role"])
    switch(client, "order", {"order-order_types": ["gun_violence"]})
    with Renders() as renders:
        mine = client.get(step_url("order")).content.decode()
        theirs = other.get(step_url("order")).content.decode()
        client.get(step_url("order"))
    assert ticked(mine, "gun_violence") and not ticked(theirs, "gun_violence")
    assert renders.count == 3  # the draft's page is never kept, nor served to anyone


def test_a_typed_date_survives_the_switch_as_typed():
    client = Client()
    Visitor(client).walk(journey(), finish=False)
    switch(
        client,
        "situation",
        {
            "situation-criminal_case": "unsure",
            "situation-court_date_month": "3",
            "situation-court_date_year": "2027",
        },
    )
    page = client.get(step_url("situation")).content.decode()
    assert ticked(page, "unsure") and not ticked(page, "no")
    assert 'name="situation-court_date_month" class="date-part" inputmode="numeric"' in page
    assert re.search(r'name="situation-court_date_month"[^>]*value="3"', page)
    assert re.search(r'name="situation-court_date_year"[^>]*value="2027"', page)
    assert not re.search(r'name="situation-court_date_day"[^>]*value=', page)
    assert "error-summary" not in page  # an incomplete date is not a mistake until it is sent


def test_a_newcomers_first_tick_survives_the_switch_without_beginning_a_journey():
    client = Client()
    client.get(step_url("role"))
    switch(client, "role", {"role-role": "helping_protected"})
    page = client.get(step_url("role")).content.decode()
    assert '<html lang="es">' in page and ticked(page, "helping_protected")
    assert "journey" not in client.session[WIZARD_KEY]["extra_data"]
    assert "/start-again/" not in page  # nothing answered yet


def test_quick_exit_forgets_the_draft():
    client = answered(Client(), journey(), ["role"])
    switch(client, "order", {"order-order_types": ["mutual"]})
    client.get("/exit/")
    answered(client, journey(), ["role"])
    assert not ticked(client.get(step_url("order")).content.decode(), "mutual")


def test_the_switch_needs_the_forms_csrf_token():
    client = Client(enforce_csrf_checks=True)
    page = client.get(step_url("role")).content.decode()
    assert switch(client, "role", {"role-role": "protected"}).status_code == 403
    token = TOKEN.search(page).group(1)
    response = switch(client, "role", {"role-role": "protected", "csrfmiddlewaretoken": token})
    assert response.status_code == 302


@pytest.mark.parametrize("step", ["check", "nonsense", "..", "%2F%2Fevil.example"])
def test_only_a_question_is_switched_and_the_visitor_stays_on_this_site(step):
    client = answered(Client(), journey(), ["role"])
    response = switch(client, step, {"next": "https://evil.example/"})
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response["Location"] == "/questions/"
    assert not (client.session[WIZARD_KEY].get("drafts") or {})


def test_a_language_not_offered_is_not_set_and_a_get_changes_nothing():
    client = answered(Client(), journey(), ["role"])
    response = switch(client, "order", {"order-order_types": ["mutual"]}, language="fr")
    assert response["Location"] == "/questions/order/"
    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies
    assert client.get("/questions/order/language/").status_code == 405


def test_the_question_pages_switch_is_a_button_of_the_question_form_and_enter_still_continues():
    client = answered(Client(), journey(), ["role"])
    page = client.get(step_url("order")).content.decode()
    bar = page[page.index('<div class="language-bar">') : page.index("<main")]
    buttons = re.findall(r"<button[^>]*>", bar)
    # First, the hidden button Enter in a field presses (it sends the form as "Continue" does).
    assert buttons[0] == '<button type="submit" form="question-form" hidden>'
    assert 'formaction="/questions/order/language/"' in buttons[1] and 'value="es"' in buttons[1]
    assert 'id="question-form"' in page
    # "Check your answers" has nothing unsent: Django's switch.
    Visitor(client).walk(journey(), finish=False)
    check = client.get(step_url("check")).content.decode()
    assert '<form class="language-switch" method="post" action="/i18n/setlang/">' in check


# --- the guidance page's consultation form -------------------------------------------------


TYPED = {
    "name": "Sam",
    "phone": "213 555 0143",
    "preferred_method": "text",
    "message": "Please text after 6.",
    "consent": "on",
    "website": "",
}


def test_what_is_typed_in_the_consultation_form_survives_the_switch(visitor, client):
    visitor.walk(journey())
    response = client.post("/guidance/language/", {**TYPED, "language": "es"})
    assert response.status_code == 302 and response["Location"] == "/guidance/"
    page = client.get("/guidance/").content.decode()
    assert '<html lang="es">' in page
    form = page[
        page.index('class="consultation-form"') : page.index(
            "</form>", page.index('class="consultation-form"')
        )
    ]
    assert 'value="Sam"' in form and 'value="213 555 0143"' in form
    assert "Please text after 6." not in form  # the message is typed again, once sent it is kept
    assert ticked(form, "text")
    assert '<details class="consultation-details" open>' in page
    assert "error-summary" not in page and "<title>Error:" not in page  # not checked until sent
    # The consent is given again to the words in this language.
    assert not re.search(r'id="id_consent"[^>]*checked', form)
    assert not Intake.objects.get().consultation_requested


def test_the_consultation_draft_is_this_visitors_only_and_goes_when_the_form_is_sent(visitor, client):
    visitor.walk(journey())
    other = Client()
    Visitor(other).walk(journey())
    client.post("/guidance/language/", {**TYPED, "language": "es"})
    assert "Sam" in client.get("/guidance/").content.decode()
    assert 'value="Sam"' not in other.get("/guidance/").content.decode()
    page = client.post("/guidance/", {"name": "Alex"}).content.decode()  # sent with mistakes
    assert drafts.CONSULTATION_DRAFT_KEY not in client.session
    assert 'value="Alex"' in page and 'value="Sam"' not in page
    assert 'value="Alex"' not in client.get("/guidance/").content.decode()  # a GET shows the empty form


def test_the_guidance_pages_switch_sends_the_consultation_form_until_a_call_is_asked_for(visitor, client):
    visitor.walk(journey())
    page = client.get("/guidance/").content.decode()
    assert '<button type="submit" form="consultation-form" hidden>' in page
    assert 'form="consultation-form" formaction="/guidance/language/"' in page
    assert 'id="consultation-form"' in page
    client.post("/guidance/", VALID)
    page = client.get("/guidance/").content.decode()
    assert "consultation-form" not in page
    assert '<form class="language-switch" method="post" action="/i18n/setlang/">' in page


def test_without_guidance_the_switch_only_sets_the_language(client):
    response = client.post("/guidance/language/", {**TYPED, "language": "es"})
    assert response["Location"] == "/guidance/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    assert drafts.CONSULTATION_DRAFT_KEY not in client.session


def test_no_draft_is_kept_once_a_call_was_asked_for(visitor, client):
    visitor.walk(journey())
    client.post("/guidance/", VALID)
    client.post("/guidance/language/", {**TYPED, "language": "es"})  # a forged or old-tab switch
    assert drafts.CONSULTATION_DRAFT_KEY not in client.session


def test_a_form_refused_for_too_many_sends_keeps_the_draft(visitor, client, settings):
    visitor.walk(journey())
    client.post("/guidance/language/", {**TYPED, "language": "es"})
    settings.RATELIMIT_CONSULTATION_ATTEMPTS = "0/h"
    assert client.post("/guidance/", {"name": "Alex"}).status_code == 429
    assert client.session[drafts.CONSULTATION_DRAFT_KEY]["name"] == "Sam"
