"""Changing an answer after seeing the guidance: back to "Check your answers", then new guidance."""

import datetime

import pytest
from django.utils import timezone

from intake.models import Intake
from intake.views import wizard
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
    check = client.get(step_url("check")).content.decode()
    assert "new guidance replaces the guidance you saw before" in check
    assert client.post(step_url("check"), {})["Location"] == "/guidance/"
    second = Intake.objects.get()  # the first was replaced
    assert second.reference != first.reference
    assert second.answers == first.answers and second.rule_ids == first.rule_ids
    assert client.get("/guidance/").status_code == 200


def test_only_answers_put_back_are_told_they_replace_guidance(visitor, client):
    visitor.walk(journey(), finish=False)
    assert "replaces the guidance" not in client.get(step_url("check")).content.decode()


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
    # A stale tab still showing the button: told why, and nothing is put back.
    assert change(client)["Location"] == "/guidance/request-sent/"
    assert (
        "your answers can no longer be changed here" in client.get("/guidance/request-sent/").content.decode()
    )
    assert client.get(step_url("check"))["Location"] == "/guidance/"
    assert Intake.objects.get().consultation_requested


def test_a_call_asked_for_from_another_tab_meanwhile_keeps_that_intake_within_reach(visitor, client):
    visitor.walk(journey(criminal_case="no"))
    first = Intake.objects.get()
    change(client)
    visitor.answer("situation", {"criminal_case": "yes"})
    # Sent from the old guidance page in another tab while the answers were being changed.
    assert client.post("/guidance/", VALID)["Location"] == "/guidance/request-sent/"
    # The next question page says so at once, before anything more is changed.
    response = client.get(step_url("check"))
    assert response["Location"] == "/guidance/request-sent/"
    assert "your answers can no longer be changed here" in client.get(response["Location"]).content.decode()
    # Only the intake staff work from is stored, and the visitor still reaches it to delete it
    # (asked first, since that cancels the call: the request is then withdrawn).
    assert list(Intake.objects.values_list("pk", flat=True)) == [first.pk]
    assert client.post("/delete/")["Location"] == "/delete/confirm/"
    assert client.post("/delete/", {"confirm": "cancel-call"}).status_code == 200
    assert Intake.objects.get().withdrawn


def test_a_call_asked_for_at_the_moment_of_finishing_keeps_that_intake(visitor, client):
    from unittest import mock

    from intake.services import consultation_request

    visitor.walk(journey())
    first = Intake.objects.get()
    change(client)
    # The call request lands after the page's check and before the new intake replaces the first.
    with mock.patch.object(wizard.QuestionWizard, "answers_locked", return_value=None):
        consultation_request(
            intake=first, details={"name": "Sam", "preferred_method": "email"}, consent_text="ok"
        )
        assert client.post(step_url("check"), {})["Location"] == "/guidance/request-sent/"
    assert list(Intake.objects.values_list("pk", flat=True)) == [first.pk]


def test_pressing_change_again_keeps_the_changes_under_way(visitor, client):
    visitor.walk(journey(criminal_case="no"))
    change(client)
    visitor.answer("situation", {"criminal_case": "yes"})
    assert change(client)["Location"] == step_url("check")  # Back to the old guidance, pressed again
    client.post(step_url("check"), {})
    assert Intake.objects.get().answers["criminal_case"] == "yes"


def test_a_database_failure_replacing_the_old_intake_still_shows_the_new_guidance(visitor, client, caplog):
    from unittest import mock

    from django.db import OperationalError

    visitor.walk(journey())
    change(client)
    with mock.patch("intake.views.wizard.intake_replace", side_effect=OperationalError("gone away")):
        assert client.post(step_url("check"), {})["Location"] == "/guidance/"
    assert "could not replace an intake (OperationalError)" in caplog.text
    assert Intake.objects.count() == 2  # the earlier one, without contact details, waits for the purge
    assert client.get("/guidance/").status_code == 200


def test_without_finished_answers_there_is_nothing_to_change(client):
    assert change(client)["Location"] == "/questions/"
    assert client.get("/guidance/change/").status_code == 405
