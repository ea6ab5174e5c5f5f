"""Faults: a database outage at the last step, concurrent final submissions, a failing mail server."""

import threading
import uuid
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core import mail
from django.db import OperationalError, connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from guidance import Answers
from intake.models import Intake, Notification
from intake.services import IntakeGone, consultation_request, intakes
from intake.services.notifications import send_pending
from tests.factories import DEFAULT_ANSWERS, IntakeFactory
from tests.journeys import Visitor, journey, step_data, step_url


def run_at_once(work, count):
    """Run `work` in `count` threads at the same time, each with its own database connection."""

    def thread_work():
        try:
            work()
        finally:
            connection.close()

    threads = [threading.Thread(target=thread_work) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


@contextmanager
def database_down():
    """Every query in every thread fails, as when the database server is unreachable."""
    with mock.patch.object(BaseDatabaseWrapper, "cursor", side_effect=OperationalError("database is down")):
        yield


@pytest.mark.django_db
def test_a_database_outage_at_the_last_step_loses_nothing(client, caplog):
    client.raise_request_exception = False
    visitor = Visitor(client)
    visitor.walk(journey(), finish=False)
    answers_before = dict(client.session["wizard_questions"]["step_data"])
    with database_down():
        response = client.post(step_url("check"), {})
        assert response.status_code == 503
        page = response.content.decode()
        assert "Your answers are still here" in page
        assert 'href="/exit/"' in page  # the page, quick exit included, rendered without the database
    # The firm's logs say so (the sessions are in the database too: the answers could not even be read).
    assert "Service Unavailable: /questions/check/" in caplog.text and "OperationalError" in caplog.text
    assert client.session["wizard_questions"]["step_data"] == answers_before
    assert not Intake.objects.exists()
    # After recovery, finishing again stores exactly one intake.
    assert client.post(step_url("check"), {})["Location"] == "/guidance/"
    assert client.post(step_url("check"), {})["Location"] == "/guidance/"
    assert Intake.objects.count() == 1
    assert client.get("/guidance/").status_code == 200


@pytest.mark.django_db
def test_a_newcomer_whose_first_answer_meets_an_outage_is_not_told_answers_were_kept(client):
    client.raise_request_exception = False
    with database_down():
        response = client.post(step_url("role"), step_data("role", journey()))
    assert response.status_code == 503 and response["Retry-After"] == "60"
    page = response.content.decode()
    # Nothing was stored (the first answer creates the session): the page must not say it was.
    assert "Please wait a minute, then try again." in page
    assert "Your answers are still here" not in page
    assert client.post(step_url("role"), step_data("role", journey())).status_code == 302


@pytest.mark.django_db
def test_a_desk_page_that_meets_an_outage_speaks_to_staff(admin_client):
    admin_client.raise_request_exception = False
    with database_down():
        response = admin_client.get("/admin/intake/intake/")
    assert response.status_code == 503 and response["Retry-After"] == "60"
    page = response.content.decode()
    assert "The database is not answering" in page and 'href="/admin/"' in page
    assert "Your answers are still here" not in page  # the visitors' page: staff have no answers there


@pytest.mark.django_db
def test_a_database_outage_elsewhere_shows_a_page_not_a_crash(visitor, client):
    visitor.walk(journey())
    client.raise_request_exception = False
    with database_down():
        response = client.get("/delete/confirm/")
        assert response.status_code == 503 and response["Retry-After"] == "60"
        page = response.content.decode()
        assert "Sorry, something went wrong on our side" in page and "Your answers are still here" in page
        assert client.get("/healthz").status_code == 503


@pytest.mark.django_db
def test_a_database_outage_during_a_consultation_request_keeps_what_was_typed(visitor, client):
    from tests.journeys import VALID

    visitor.walk(journey())
    with mock.patch("intake.views.guidance.consultation_request", side_effect=OperationalError("down")):
        response = client.post("/guidance/", VALID)
    assert response.status_code == 503
    page = response.content.decode()
    assert "Nothing you typed is lost" in page
    assert 'value="Sam"' in page and 'value="Alex Doe"' in page
    assert client.post("/guidance/", VALID).status_code == 302
    assert Intake.objects.get().name == "Sam"


@pytest.mark.django_db
def test_a_database_outage_at_the_guidance_page_answers_503_and_keeps_the_request_typed(
    visitor, client, caplog
):
    from tests.journeys import VALID

    visitor.walk(journey())
    client.raise_request_exception = False
    typed = {**VALID, "email": "sam@example.com", "best_time": "weekdays after 6", "message": "Ask for Sam"}
    with database_down():
        response = client.get("/guidance/")
        assert response.status_code == 503
        page = response.content.decode()
        assert "Your answers are still here" in page and 'href="/exit/"' in page
        assert "could not read an intake (OperationalError" in caplog.text
        assert client.get("/guidance/request-sent/").status_code == 503
        assert client.post("/guidance/change/").status_code == 503
        assert client.get("/guidance/print/").status_code == 503

        response = client.post("/guidance/", typed)
        assert response.status_code == 503
        page = response.content.decode()
        assert "Nothing you typed is lost" in page
        # Shown again as typed, in a form that sends it again.
        assert 'action="/guidance/"' in page and "Send my request" in page
        for value in ["Sam", "213 555 0143", "sam@example.com", "weekdays after 6", "Alex Doe"]:
            assert f'value="{value}"' in page, value
        assert ">Ask for Sam</textarea>" in page
        # The language switch, pressed on that page, shows it again as typed too.
        response = client.post("/guidance/language/", {**typed, "language": "es"})
        assert response.status_code == 503 and 'value="weekdays after 6"' in response.content.decode()
    assert not Intake.objects.get().consultation_requested

    # The database is back: the form on that page, sent again, is stored as usual.
    assert client.post("/guidance/", typed)["Location"] == "/guidance/request-sent/"
    stored = Intake.objects.get()
    assert (stored.name, stored.best_time, stored.message) == ("Sam", "weekdays after 6", "Ask for Sam")


@pytest.mark.django_db
def test_a_helpers_request_typed_during_an_outage_comes_back_in_the_helpers_form(visitor, client):
    from tests.journeys import VALID

    visitor.walk(journey(role="helping_protected"))
    client.raise_request_exception = False
    with database_down():
        response = client.post("/guidance/", {**VALID, "helped_name": "Robin", "call_whom": "them"})
    assert response.status_code == 503
    page = response.content.decode()
    assert 'value="Robin"' in page and 'value="them" checked' in page.replace("\n", " ")


@pytest.mark.django_db
@pytest.mark.parametrize("where", ["intake", "consultation"])
def test_a_refused_row_is_logged_by_kind_and_code_never_with_its_values(visitor, client, caplog, where):
    """PostgreSQL's message for a refused row quotes the row ("Failing row contains (...)")."""
    from django.db import IntegrityError

    from tests.journeys import VALID

    class Refused(Exception):
        sqlstate = "23502"  # not_null_violation, as psycopg's error carries it

    refused = IntegrityError('null value in column "x"\nDETAIL: Failing row contains (Sam, Alex Doe).')
    refused.__cause__ = Refused()
    if where == "intake":
        visitor.walk(journey(), finish=False)
        with mock.patch("intake.views.wizard.intake_create", side_effect=refused):
            assert client.post(step_url("check"), {}).status_code == 503
    else:
        visitor.walk(journey())
        with mock.patch("intake.views.guidance.consultation_request", side_effect=refused):
            assert client.post("/guidance/", VALID).status_code == 503
    logged = {"intake": "an intake", "consultation": "a consultation request"}[where]
    assert f"could not store {logged} (IntegrityError 23502)" in caplog.text
    assert "Sam" not in caplog.text and "Alex" not in caplog.text and "Failing row" not in caplog.text


@pytest.mark.django_db(transaction=True)
def test_concurrent_creates_of_one_journey_store_one_intake(monkeypatch):
    """Both submits pass the "already stored?" check before either inserts: the unique journey id decides."""
    journey_id = uuid.uuid4()
    barrier = threading.Barrier(2, timeout=10)
    reference = intakes.new_reference

    def reference_after_both_checked():
        barrier.wait()
        return reference()

    monkeypatch.setattr(intakes, "new_reference", reference_after_both_checked)
    results, errors = [], []

    def submit():
        try:
            results.append(
                intakes.intake_create(
                    answers=Answers.from_dict(DEFAULT_ANSWERS), language="en", journey_id=journey_id
                ).pk
            )
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    run_at_once(submit, 2)
    assert errors == []
    assert len(results) == 2 and results[0] == results[1]
    assert Intake.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_final_submits_from_two_tabs_store_one_intake(client):
    visitor = Visitor(client)
    visitor.walk(journey(), finish=False)
    cookie = client.cookies["sessionid"].value
    barrier = threading.Barrier(4, timeout=10)
    statuses = []

    def submit():
        tab = Client(raise_request_exception=False)
        tab.cookies["sessionid"] = cookie
        barrier.wait()
        statuses.append(tab.post(step_url("check"), {}).status_code)

    run_at_once(submit, 4)
    assert all(status < 500 or status == 503 for status in statuses), statuses
    assert Intake.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_consultation_requests_for_one_intake_store_the_first_and_notify_once():
    stored = IntakeFactory()
    barrier = threading.Barrier(3, timeout=10)
    errors = []

    def send():
        try:
            intake = Intake.objects.get(pk=stored.pk)  # each tab read it before any sent
            barrier.wait()
            consultation_request(intake=intake, details={"name": "Sam"}, consent_text="I agree")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    run_at_once(send, 3)
    assert errors == []
    assert Intake.objects.get().consultation_requested
    assert send_pending() == (1, 0)  # the sender's work
    assert Notification.objects.count() == 1 and len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_consultation_request_for_an_intake_deleted_meanwhile_is_refused_as_gone():
    intake = IntakeFactory()
    Intake.objects.filter(pk=intake.pk).delete()  # "Delete my answers" in another tab, or the reduction
    with pytest.raises(IntakeGone):
        consultation_request(intake=intake, details={"name": "Sam"}, consent_text="I agree")


@pytest.mark.django_db
def test_an_answer_whose_session_cannot_be_saved_gets_the_503_page_not_a_400(client):
    """Django reports a failed session save as the session having ended (a 400 saying nothing was
    saved); when the database is what failed, the visitor is told to try again, answers kept."""
    from django.contrib.sessions.models import Session

    client.raise_request_exception = False
    Visitor(client).walk(journey(), finish=False)
    with mock.patch.object(Session, "save", side_effect=OperationalError("database is down")):
        response = client.post(step_url("situation"), step_data("situation", journey(criminal_case="yes")))
    assert response.status_code == 503 and response["Retry-After"] == "60"
    assert "Your answers are still here" in response.content.decode()
    assert client.get(step_url("check")).status_code == 200  # and they are


@pytest.mark.django_db
def test_the_language_switch_with_the_intake_out_of_reach_shows_the_form_as_typed(visitor, client, settings):
    from django.db.models import QuerySet

    from tests.journeys import VALID

    visitor.walk(journey())
    client.raise_request_exception = False
    with mock.patch.object(QuerySet, "exists", side_effect=OperationalError("database is down")):
        response = client.post("/guidance/language/", {**VALID, "best_time": "after 6", "language": "es"})
    assert response.status_code == 503 and 'value="after 6"' in response.content.decode()
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"  # the next page in Spanish
