"""Hostile input to the questions: each case gets a clear response, stores nothing it should not,
and leaves no more in the session than each form's own cleaned fields."""

import pytest

from intake.models import Intake
from intake.steps import FORMS
from tests.journeys import Visitor, journey, step_data, step_url

pytestmark = pytest.mark.django_db

FORM_FIELDS = {
    step: {
        form.add_prefix(name) + suffix
        for name, field in form.fields.items()
        for suffix in (getattr(field.widget, "widgets_names", None) or [""])
    }
    for step, form_class in FORMS
    for form in [form_class(prefix=step)]
}


def assert_session_holds_only_form_fields(client):
    stored = client.session.get("wizard_questions", {}).get("step_data", {})
    for step, data in stored.items():
        assert set(data) <= FORM_FIELDS[step], (step, data)
        assert all(isinstance(v, list) and all(len(x) <= 20 for x in v) for v in data.values()), data


@pytest.fixture
def halfway(client):
    """A visitor who has answered the first two questions."""
    visitor = Visitor(client)
    client.get("/questions/")
    visitor.answer("role", journey())
    visitor.answer("order", journey(order_types=["emergency_protective"]))
    return visitor


@pytest.mark.parametrize(
    "step",
    ["nonsense", "DONE", "x" * 2000, "%F0%9F%92%A3", "role%00", "..%2F..%2Fetc", "order_stage", "check"],
)
def test_unknown_tampered_skipped_or_too_early_steps(probe, halfway, client, step):
    for response in (probe.get(f"/questions/{step}/"), probe.post(f"/questions/{step}/", {"x": "1"})):
        assert response.status_code in (302, 404), step
        if response.status_code == 302:
            assert response["Location"] == step_url("contact")  # the next question this visitor needs
    assert_session_holds_only_form_fields(client)
    assert "order_stage" not in client.session["wizard_questions"]["step_data"]


def test_a_disabled_step_cannot_be_answered(probe, halfway, client):
    response = probe.post(step_url("order_stage"), step_data("order_stage", {"order_stage": "temporary"}))
    assert response.status_code == 302
    assert "order_stage" not in client.session["wizard_questions"]["step_data"]


@pytest.mark.parametrize(
    "management",
    [
        {},
        {"questions-current_step": "situation"},
        {"questions-current_step": "../../x"},
        {"wizard_goto_step": "check"},
    ],
)
def test_missing_or_forged_management_form(probe, halfway, client, management):
    data = {"contact-contact_kinds": "none", **management}
    response = probe.post(step_url("contact"), data)
    assert response.status_code == 302 and response["Location"] == step_url("situation")
    assert client.session["wizard_questions"]["step_data"]["contact"] == {"contact-contact_kinds": ["none"]}


@pytest.mark.parametrize(
    "data",
    [
        {"contact-contact_kinds": "drone"},
        {"contact-contact_kinds": ["none", "text", "text"]},
        {"contact-contact_kinds": ""},
        {"contact-contact_kinds": "x" * 100_000},
        {"contact-contact_kinds": "\x00"},
    ],
)
def test_values_outside_the_choices(probe, halfway, client, data):
    response = probe.post(step_url("contact"), data)
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "contact" not in client.session["wizard_questions"]["step_data"]


def test_fields_that_belong_to_no_form_are_dropped(probe, halfway, client):
    data = {"contact-contact_kinds": "text", "contact-extra": "1", "role-role": "protected", "is_staff": "1"}
    assert probe.post(step_url("contact"), data).status_code == 302
    assert client.session["wizard_questions"]["step_data"]["contact"] == {"contact-contact_kinds": ["text"]}
    assert client.session["wizard_questions"]["step_data"]["role"] == {"role-role": ["restrained"]}
    assert_session_holds_only_form_fields(client)


def test_huge_values_and_huge_numbers_of_fields(probe, halfway, client):
    too_big = probe.post(step_url("contact"), {"contact-contact_kinds": "text", "pad": "x" * 400_000})
    assert too_big.status_code == 413  # refused from its Content-Length, before it is read
    assert "could not read that" in too_big.content.decode()
    too_many = probe.post(step_url("contact"), {f"f{i}": "1" for i in range(1000)})
    assert too_many.status_code == 400
    long_date = probe.post(
        step_url("situation"),
        {
            "situation-criminal_case": "no",
            "situation-court_date_month": "1" * 5000,
            "situation-court_date_day": "1",
            "situation-court_date_year": "2027",
        },
    )
    assert long_date.status_code in (200, 302)
    assert "contact" not in client.session["wizard_questions"]["step_data"]
    assert_session_holds_only_form_fields(client)


def test_posting_a_later_step_before_the_earlier_ones(probe, client):
    client.get("/questions/")
    response = probe.post(step_url("situation"), step_data("situation", {"criminal_case": "yes"}))
    assert response.status_code in (302, 400)
    assert "situation" not in client.session.get("wizard_questions", {}).get("step_data", {})
    response = probe.post(step_url("check"), {})
    assert response.status_code in (302, 400)
    assert not Intake.objects.exists()


def test_a_get_of_the_done_step(probe, visitor, client):
    visitor.walk(journey(), finish=False)
    assert probe.get("/questions/done/").status_code == 302
    assert not Intake.objects.exists()


def test_an_expired_session(probe, visitor, client):
    visitor.walk(journey(), finish=False)
    client.session.flush()
    client.cookies["sessionid"] = "0" * 32
    response = probe.post(step_url("check"), {})
    assert response.status_code == 400 and "Your session ended" in response.content.decode()
    assert not Intake.objects.exists()


def test_two_tabs_answering_differently(probe, visitor, client):
    """Two tabs share the session: the last answer to each question counts, and nothing stale survives."""
    visitor.walk(journey(), finish=False)
    # Tab A goes back and picks an emergency order; tab B, still showing the old stage question, answers it.
    probe.post(step_url("order"), step_data("order", {"order_types": ["emergency_protective"]}))
    stale = probe.post(step_url("order_stage"), step_data("order_stage", {"order_stage": "after_hearing"}))
    assert stale.status_code == 302
    probe.post(step_url("check"), {})
    intake = Intake.objects.get()
    assert intake.answers["order_types"] == ["emergency_protective"]
    assert intake.answers["order_stage"] is None
    assert "emergency-order" in intake.rule_ids


def test_csrf_failures_get_a_page_that_explains(probe):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = strict.post(step_url("role"), {"role-role": "protected"})
    assert response.status_code == 403
    assert "This page has expired" in response.content.decode()
