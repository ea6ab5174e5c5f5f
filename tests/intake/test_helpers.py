"""Helpers (role helping_*) are also asked, optionally, whom they help and whom we should call
(PRODUCT.md: `helped_name`, `call_whom`); the contact details are that person's. The name is part of
the conflict check, and staff see both near the safe-contact preferences."""

import csv
import io

import pytest
from django.core.cache import caches
from django.test import Client

from intake.conflicts import conflict_matches
from intake.models import Intake
from tests.factories import IntakeFactory
from tests.intake.conftest import requested
from tests.intake.test_admin import search
from tests.journeys import VALID, Visitor, journey

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/intake/intake/"
HELPERS = ["helping_protected", "helping_restrained"]
NOT_HELPERS = ["protected", "restrained", "unsure"]
HELPER_FIELDS = ('name="helped_name"', 'name="call_whom"')


def finished(role):
    client = Client()
    Visitor(client).walk(journey(role=role))
    return client


def form_of(page):
    return page[page.index('class="consultation-form"') : page.index("Send my request")]


@pytest.mark.parametrize("role", HELPERS)
def test_helpers_are_asked_whom_they_help_and_whom_to_call(role):
    form = form_of(finished(role).get("/guidance/").content.decode())
    assert all(field in form for field in HELPER_FIELDS)
    # Asked right after their own name, before the contact details that belong to the person called.
    assert form.index('name="name"') < form.index('name="helped_name"') < form.index('name="call_whom"')
    assert form.index('name="call_whom"') < form.index('name="preferred_method"')
    # Not "optional": needed when they are the one to call (the hint says so).
    assert '<label class="label" for="id_helped_name">Name of the person you are helping</label>' in form
    assert "Needed if you want us to call them" in form
    # The radios are a group with a legend, and the hint says whose details to give.
    legend = form.index('<legend class="legend">Who should we call? (optional)</legend>')
    fieldset = form.rindex("<fieldset", 0, legend)
    assert 'aria-describedby="id_call_whom-hint"' in form[fieldset:legend]
    assert "Give the phone number or email of the person we should call." in form
    assert '<label class="choice-label" for="id_call_whom_0">Call me</label>' in form
    assert '<label class="choice-label" for="id_call_whom_1">Call the person I’m helping</label>' in form
    # The questions after it are about the person we call, not "you".
    assert "How should we contact the person we call?" in form
    assert "How should we contact you?" not in form
    assert "When is a safe time to reach the person we call? (optional)" in form
    assert "Name of the other person named in the order (optional)" in form  # not "the other person"
    assert "or the person I am helping if I chose that" in form and "my situation" not in form


@pytest.mark.parametrize("role", NOT_HELPERS)
def test_others_are_not_asked(role):
    client = finished(role)
    form = form_of(client.get("/guidance/").content.decode())
    assert not any(field in form for field in HELPER_FIELDS)
    assert "How should we contact you?" in form
    # Sent anyway (a forged form), they are not stored.
    client.post("/guidance/", {**VALID, "helped_name": "Kevin", "call_whom": "them"})
    intake = Intake.objects.get()
    assert intake.consultation_requested
    assert (intake.helped_name, intake.call_whom, intake.helped_key) == ("", "", "")


@pytest.mark.parametrize(
    ("extra", "stored"),
    [
        ({"helped_name": " Kevin  Núñez ", "call_whom": "them"}, ("Kevin  Núñez", "them", "kevin nunez")),
        ({"helped_name": "Kevin", "call_whom": "me"}, ("Kevin", "me", "kevin")),
        ({"call_whom": "me"}, ("", "me", "")),
        ({}, ("", "", "")),  # both optional
    ],
)
def test_a_helpers_answers_are_stored(extra, stored):
    client = finished("helping_restrained")
    assert client.post("/guidance/", {**VALID, **extra})["Location"] == "/guidance/request-sent/"
    intake = Intake.objects.get()
    assert (intake.helped_name, intake.call_whom, intake.helped_key) == stored


def test_a_helpers_request_stores_the_consent_they_read():
    client = finished("helping_restrained")
    client.post("/guidance/", {**VALID, "helped_name": "Kevin", "call_whom": "them"})
    assert "or the person I am helping if I chose that" in Intake.objects.get().consent_text


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"call_whom": "them"}, "helped_name", "Enter the name of the person we should call"),
        (
            {"call_whom": "them", "helped_name": "   "},
            "helped_name",
            "Enter the name of the person we should call",
        ),
        ({"call_whom": "someone"}, "call_whom", "Choose who we should call"),
        ({"helped_name": "x" * 101}, "helped_name", "The name must be 100 characters or fewer"),
        ({"name": ""}, "name", "Enter your name"),
    ],
)
def test_a_helpers_mistakes_say_how_to_fix_them(extra, field, message):
    client = finished("helping_protected")
    response = client.post("/guidance/", {**VALID, **extra})
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert f'<p class="error-message" id="id_{field}-error">' in page
    assert not Intake.objects.get().consultation_requested


# --- the page cache: helpers' empty form is another one -------------------------------------------------


@pytest.mark.parametrize("first", ["helper", "other"])
def test_a_helpers_form_and_anyone_elses_never_stand_in_for_each_other(first):
    """Whoever's page is rendered first, each visitor gets their own kind of empty form, from the page
    memory and, with a query string (not served from memory), from the fragment cache."""
    caches["template_fragments"].clear()
    visitors = {"helper": finished("helping_restrained"), "other": finished("restrained")}
    order = [first, "other" if first == "helper" else "helper"]
    for _round in range(2):
        for who in order:
            for url in ("/guidance/", "/guidance/?from=menu"):
                form = form_of(visitors[who].get(url).content.decode())
                assert all(field in form for field in HELPER_FIELDS) is (who == "helper"), (who, url)
                assert any(field in form for field in HELPER_FIELDS) is (who == "helper"), (who, url)


def test_each_language_and_kind_of_visitor_has_its_own_empty_form():
    caches["template_fragments"].clear()
    helper = finished("helping_protected")
    spanish = helper.get("/guidance/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    english = helper.get("/guidance/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'name="call_whom"' in form_of(english)
    assert 'lang="es"' in spanish and 'name="call_whom"' in spanish
    other = finished("protected").get("/guidance/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'lang="es"' in other and 'name="call_whom"' not in other


# --- the conflict check and the staff desk -------------------------------------------------------------


def test_the_person_helped_is_part_of_the_conflict_check():
    earlier = IntakeFactory(**requested(30, name="Pat Smith", other_party_name="Kevin Núñez"))
    helper = IntakeFactory(
        answers_data={"role": "helping_protected"},
        **requested(
            1, name="Maria Mother", helped_name="KEVIN nunez", helped_key="kevin nunez", call_whom="them"
        ),
    )
    assert [(m.name, m.where) for m in conflict_matches(helper)] == [
        ("KEVIN nunez", f"other party on intake {earlier.reference}")
    ]
    assert [(m.name, m.where) for m in conflict_matches(earlier)] == [
        ("Kevin Núñez", f"person helped on intake {helper.reference}")
    ]


def test_the_person_helped_is_matched_through_the_form_and_service_too():
    earlier = IntakeFactory(**requested(30, name="Pat Smith", other_party_name="Kevin Jones"))
    client = finished("helping_restrained")
    client.post("/guidance/", {**VALID, "helped_name": "kevin jones", "call_whom": "them"})
    helper = Intake.objects.exclude(pk=earlier.pk).get()
    assert [m.where for m in conflict_matches(helper)] == [f"other party on intake {earlier.reference}"]


def test_staff_see_whom_to_call_and_the_person_helped_before_the_phone_number(admin_client):
    intake = IntakeFactory(
        answers_data={"role": "helping_restrained"},
        **requested(
            2,
            name="Maria Mother",
            helped_name="Kevin Son",
            helped_key="kevin son",
            call_whom="them",
            phone="+12135550188",
            voicemail_ok="no",
        ),
    )
    other = IntakeFactory(**requested(1, name="Someone", other_party_name="Kevin Son"))
    page = admin_client.get(f"{CHANGELIST}{intake.pk}/change/").content.decode()
    positions = [
        page.index("How to contact them safely"),
        page.index("Call the person they help, Kevin Son."),
        page.index("The phone number and email below are theirs."),
        page.index("Name of the person they help"),
        page.index("May we leave a voicemail?"),
        page.index("+12135550188"),
    ]
    assert positions == sorted(positions)
    assert "Possible conflict" in page and f"other party on intake {other.reference}" in page
    # Staff find the request by the name of the person helped.
    assert intake.reference in search(admin_client, "Kevin Son").content.decode()


def test_a_helper_who_did_not_say_whom_to_call_is_flagged_and_others_show_neither(admin_client):
    helper = IntakeFactory(answers_data={"role": "helping_protected"}, **requested(2, name="Maria"))
    page = admin_client.get(f"{CHANGELIST}{helper.pk}/change/").content.decode()
    assert "Not said: the phone number and email below are probably the helper’s own." in page
    me = IntakeFactory(answers_data={"role": "helping_protected"}, **requested(2, name="Ann", call_whom="me"))
    assert (
        "Call the visitor (the helper)." in admin_client.get(f"{CHANGELIST}{me.pk}/change/").content.decode()
    )
    not_helper = IntakeFactory(**requested(2, name="Sam"))
    page = admin_client.get(f"{CHANGELIST}{not_helper.pk}/change/").content.decode()
    assert "whom to call" not in page.lower() and "person they help" not in page


def test_the_export_has_the_person_helped_and_whom_to_call(client, manager):
    intake = IntakeFactory(
        answers_data={"role": "helping_restrained"},
        **requested(2, name="Maria Mother", helped_name="=Kevin", call_whom="them"),
    )
    client.force_login(manager)
    response = client.get(CHANGELIST + "export/")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    row = next(r for r in rows if r["reference"] == intake.reference)
    assert row["person helped"] == "'=Kevin"  # a visitor's text is never a formula
    assert row["whom to call"] == "them"
    assert row["name"] == "Maria Mother"


@pytest.mark.parametrize(("call_whom", "speaks_of_them"), [("them", True), ("me", False)])
def test_the_confirmation_speaks_of_whom_the_firm_will_call(call_whom, speaks_of_them):
    client = finished("helping_protected")
    client.post("/guidance/", {**VALID, "helped_name": "Kevin", "call_whom": call_whom})
    page = client.get("/guidance/request-sent/").content.decode()
    assert ("will contact the person you help" in page) is speaks_of_them
    assert ("their phone will show" in page) is speaks_of_them
    assert ("will contact you within" in page) is not speaks_of_them
    # The next helper, who asked for the other, is not served this page from memory.
    other = finished("helping_protected")
    other.post(
        "/guidance/", {**VALID, "helped_name": "Kevin", "call_whom": "me" if speaks_of_them else "them"}
    )
    again = other.get("/guidance/request-sent/").content.decode()
    assert ("will contact the person you help" in again) is not speaks_of_them
