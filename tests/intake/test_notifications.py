"""Notification emails: one per request, nothing personal, nothing lost when the mail server fails."""

import datetime
import io
import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from intake.models import Intake, Notification
from intake.services import consultation_request, notifications
from tests.factories import IntakeFactory
from tests.intake.conftest import requested
from tests.journeys import VALID, Visitor, journey
from tests.servers import hung_mail_server

pytestmark = pytest.mark.django_db

DETAILS = {
    "name": "Sam Secretname",
    "phone": "+12135550143",
    "email": "sam.secret@example.com",
    "preferred_method": "phone",
    "voicemail_ok": "no",
    "say_firm_name": "no",
    "best_time": "evenings",
    "other_party_name": "Alex Otherparty",
    "message": "Please call about my hearing",
}
PERSONAL = [
    "Sam",
    "Secretname",
    "5550143",
    "sam.secret",
    "Alex",
    "Otherparty",
    "hearing",
    "evenings",
    "restrain",
]


def send_notifications():
    call_command("send_notifications", stdout=io.StringIO())


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def request_consultation(django_capture_on_commit_callbacks, **answers):
    intake = IntakeFactory(answers_data=answers)
    with django_capture_on_commit_callbacks(execute=True):
        consultation_request(intake=intake, details=DETAILS, consent_text="I agree")
    return intake


def test_a_request_sends_one_email_with_reference_priority_and_link_only(
    django_capture_on_commit_callbacks, settings
):
    settings.INTAKE_NOTIFY_EMAILS = ["desk@firm.example"]
    intake = request_consultation(django_capture_on_commit_callbacks)
    send_notifications()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["desk@firm.example"]
    text = message.subject + message.body
    assert intake.reference in text
    assert "normal" in message.subject
    assert f"/admin/intake/intake/{intake.pk}/change/" in message.body
    for word in PERSONAL:
        assert word.lower() not in text.lower(), word
    assert Notification.objects.get().sent_at is not None


def test_the_request_sends_nothing_itself_the_sender_does(django_capture_on_commit_callbacks):
    intake = IntakeFactory()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        consultation_request(intake=intake, details=DETAILS, consent_text="I agree")
    assert callbacks == [] and mail.outbox == []  # nothing left to do after the commit either
    assert Notification.objects.get().sent_at is None
    send_notifications()
    assert len(mail.outbox) == 1 and Notification.objects.get().sent_at is not None


def test_a_failing_mail_server_loses_nothing_and_the_retry_command_sends_later(
    django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "tests.intake.test_notifications.FailingBackend"
    intake = request_consultation(django_capture_on_commit_callbacks)
    stored = Intake.objects.get(pk=intake.pk)
    assert stored.consultation_requested and stored.name == "Sam Secretname"
    send_notifications()
    pending = Notification.objects.get()
    assert (
        pending.sent_at is None and pending.attempts == 1 and pending.last_error == "ConnectionRefusedError"
    )

    send_notifications()  # still down: kept for later
    assert Notification.objects.get().attempts == 2 and mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_notifications()
    assert len(mail.outbox) == 1 and Notification.objects.get().sent_at is not None
    send_notifications()
    assert len(mail.outbox) == 1  # sent once only


def test_a_request_that_dies_before_sending_leaves_the_email_to_the_next_run(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False):  # committed, then the process died
        consultation_request(intake=IntakeFactory(), details=DETAILS, consent_text="I agree")
    send_notifications()
    assert len(mail.outbox) == 1 and Notification.objects.get().sent_at is not None
    send_notifications()
    assert len(mail.outbox) == 1


def test_asking_twice_notifies_once(django_capture_on_commit_callbacks):
    intake = request_consultation(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        consultation_request(intake=intake, details=DETAILS, consent_text="I agree")
    send_notifications()
    assert len(mail.outbox) == 1


def test_urgent_requests_not_picked_up_are_notified_again(settings, manager):
    settings.URGENT_REMINDER_MINUTES = 30
    urgent = IntakeFactory(
        answers_data={"order_types": ["emergency_protective"], "order_stage": None, "order_exceptions": None},
        **requested(1),
    )
    picked_up = IntakeFactory(
        answers_data={"order_types": ["emergency_protective"], "order_stage": None, "order_exceptions": None},
        assigned_to=manager,
        **requested(1),
    )
    fresh = IntakeFactory(
        answers_data={"order_types": ["emergency_protective"], "order_stage": None, "order_exceptions": None},
        consultation_requested_at=datetime.datetime.now(datetime.UTC),
    )
    not_urgent = IntakeFactory(**requested(1))
    send_notifications()
    reminded = set(Notification.objects.filter(kind="urgent_reminder").values_list("intake_id", flat=True))
    assert reminded == {urgent.pk}
    assert "Not yet picked up" in mail.outbox[0].subject
    send_notifications()
    assert Notification.objects.filter(kind="urgent_reminder").count() == 1  # not again within the interval
    assert {picked_up.pk, fresh.pk, not_urgent.pk}.isdisjoint(reminded)


def test_only_one_sender_claims_a_notification_and_a_dead_senders_claim_expires():
    notification = Notification.objects.create(intake=IntakeFactory(), kind=Notification.Kind.NEW_REQUEST)
    assert notifications._claim(notification.pk) is True
    assert notifications._claim(notification.pk) is False  # another sender finds it claimed
    notification.refresh_from_db()
    assert timezone.now() - notification.claimed_at < datetime.timedelta(minutes=1)
    # Its sender died mid-send: once the claim is older than CLAIM_EXPIRES, a sender may take it.
    stale = timezone.now() - notifications.CLAIM_EXPIRES - datetime.timedelta(seconds=5)
    Notification.objects.filter(pk=notification.pk).update(claimed_at=stale)
    assert notifications._claim(notification.pk) is True
    assert notifications._claim(-1) is False  # gone


def test_a_failed_send_frees_its_claim_and_a_sent_one_is_never_claimed_again():
    notification = Notification.objects.create(intake=IntakeFactory(), kind=Notification.Kind.NEW_REQUEST)
    assert notifications._claim(notification.pk)
    notifications._record(notification.pk, attempts=1, last_error="SMTPException", claimed_at=None)
    notification.refresh_from_db()
    assert notification.attempts == 1 and notification.last_error == "SMTPException"
    assert notification.claimed_at is None
    assert notifications._claim(notification.pk)  # free again for the retry
    sent_at = timezone.now()
    notifications._record(notification.pk, attempts=2, last_error="", sent_at=sent_at)
    notification.refresh_from_db()
    assert (notification.attempts, notification.last_error, notification.sent_at) == (2, "", sent_at)
    Notification.objects.filter(pk=notification.pk).update(claimed_at=None)
    assert not notifications._claim(notification.pk)  # sent: nothing to claim


# --- the request never waits for the mail server; the sender does ----------------------------------


def use_mail_server(settings, port, timeout=10):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, timeout


@pytest.mark.django_db(transaction=True)  # committed for real: anything done after the commit runs
def test_a_consultation_request_does_not_wait_for_a_mail_server_that_does_not_answer(client, settings):
    Visitor(client).walk(journey())
    with hung_mail_server() as (port, accepted):
        use_mail_server(settings, port)
        started = time.monotonic()
        response = client.post("/guidance/", VALID)
        seconds = time.monotonic() - started
    assert response["Location"] == "/guidance/request-sent/"
    assert accepted == []  # the request did not even connect to the mail server
    assert seconds < 1, seconds
    assert Notification.objects.get().sent_at is None  # queued for the sender


class OneRound(threading.Event):
    """A stop signal for the sender's loop that comes after its first round."""

    def wait(self, timeout=None):
        self.set()
        return True


def test_the_sender_sends_what_requests_queued(client, settings):
    settings.INTAKE_NOTIFY_EMAILS = ["desk@firm.example"]
    Visitor(client).walk(journey())
    client.post("/guidance/", VALID)
    assert mail.outbox == []
    notifications.run_sender(OneRound(), interval=0)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["desk@firm.example"]
    assert Intake.objects.get().reference in mail.outbox[0].subject
    assert Notification.objects.get().sent_at is not None


def test_a_hung_mail_server_holds_the_sender_for_its_timeout_then_keeps_the_email_for_later(settings):
    intake = IntakeFactory()
    consultation_request(intake=intake, details=DETAILS, consent_text="I agree")
    with hung_mail_server() as (port, accepted):
        use_mail_server(settings, port, timeout=1)
        started = time.monotonic()
        notifications.run_sender(OneRound(), interval=0)
        assert time.monotonic() - started < 5 and len(accepted) == 1
    pending = Notification.objects.get()
    assert pending.sent_at is None and pending.attempts == 1 and pending.claimed_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_notifications()
    assert len(mail.outbox) == 1


def test_the_sender_tries_failed_emails_again_only_now_and_then(settings):
    settings.EMAIL_BACKEND = "tests.intake.test_notifications.FailingBackend"
    consultation_request(intake=IntakeFactory(), details=DETAILS, consent_text="I agree")
    notifications.run_sender(OneRound(), interval=0)
    assert Notification.objects.get().attempts == 1
    # New ones are sent at once; a failed one waits for the next retry (every minute or so).
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert notifications.send_pending(retry_failed=False) == (0, 1)
    assert notifications.send_pending() == (1, 0)


def test_the_sender_waits_out_a_database_outage(settings, caplog):
    from tests.security.test_faults import database_down

    consultation_request(intake=IntakeFactory(), details=DETAILS, consent_text="I agree")
    with database_down():
        notifications.run_sender(OneRound(), interval=0)  # no exception: the loop would carry on
    assert "notifications: database unavailable" in caplog.text
    notifications.run_sender(OneRound(), interval=0)
    assert len(mail.outbox) == 1
