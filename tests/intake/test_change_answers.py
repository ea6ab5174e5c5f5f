"""Changing an answer after seeing the guidance: back to "Check your answers", then new guidance."""

import datetime

import pytest
from django.utils import timezone

from intake.models import Intake
from intake.services import consultation_request
from tests.journeys import VALID, journey, step_url

pytestmark = pytest.mark.django_db

IN_A_MONTH = timezone.localdate() + datetime.timedelta(days=30)
JOURNEYS = [
    journey(),
    journey(role="helping_protected", order_types=["mutual"], initiated_by="both", said_ok="unsure"),
    journey(role="unsure", order_types=["none_yet"], contact_kinds=["none"]),
    journey(order_types=["criminal_protective"], criminal_case="yes", court_date=IN_A_MONTH),
]


def change(client):
    return client.post("/guidance/change/")


@pytest.mark.parametrize("answers", JOURNEYS)
def test_answering_again_without_a_change_gives_the_same_answers_and_replaces_the_intake(
    visitor, client, answers
):
    visitor.walk(answers)
    first = Intake.objects.get()
    assert "Change your answers" in client.get("/guidance/").content.decode()
    assert change(client)["Location"] == step_url("check")
    assert client.get(step_url("check")).status_code == 200
    assert client.post(step_url("check"), {})["Location"] == "/guidance/"
    second = Intake.objects.get()  # the first was replaced
    assert second.reference != first.reference
    assert second.answers == first.answers and second.rule_ids == first.rule_ids
    assert client.get("/guidance/").status_code == 200


def test_a_changed_answer_gives_new_guidance(visitor, client):
    visitor.walk(journey(contact_kinds=["text"], responded="no"))
    assert "already-replied" not in Intake.objects.get().rule_ids
    change(client)
    # The visitor did reply after all: only that answer changes, the rest are kept.
    response = visitor.answer(
        "contact_details", {"initiated_by": "protected", "responded": "yes", "said_ok": "yes"}
    )
    assert response["Location"] == step_url("check")
    client.post(step_url("check"), {})
    intake = Intake.objects.get()
    assert intake.answers["responded"] == "yes" and intake.answers["contact_kinds"] == ["text"]
    assert "already-replied" in intake.rule_ids


def test_a_court_date_that_has_passed_is_asked_again(visitor, client):
    visitor.walk(journey(court_date=IN_A_MONTH))
    Intake.objects.update(answers={**Intake.objects.get().answers, "court_date": "2020-01-01"})
    change(client)
    assert client.post(step_url("check"), {})["Location"] == step_url("situation")
    assert "The date must be today or later" in client.get(step_url("situation")).content.decode()


def test_after_asking_for_a_call_the_answers_are_not_reopened(visitor, client):
    visitor.walk(journey())
    assert client.post("/guidance/", VALID).status_code == 302
    assert "Change your answers" not in client.get("/guidance/").content.decode()
    assert change(client)["Location"] == "/guidance/request-sent/"
    assert client.get(step_url("check"))["Location"] == "/guidance/"  # no answers put back
    assert Intake.objects.get().consultation_requested


def test_a_call_asked_for_from_another_tab_meanwhile_keeps_that_intake(visitor, client):
    visitor.walk(journey())
    first = Intake.objects.get()
    change(client)
    consultation_request(
        intake=first, details={"name": "Sam", "preferred_method": "email"}, consent_text="ok"
    )
    client.post(step_url("check"), {})
    assert Intake.objects.count() == 2  # staff work from the first; the new answers are stored too
    assert Intake.objects.get(pk=first.pk).consultation_requested


def test_without_finished_answers_there_is_nothing_to_change(client):
    assert change(client)["Location"] == "/questions/"
    assert client.get("/guidance/change/").status_code == 405
