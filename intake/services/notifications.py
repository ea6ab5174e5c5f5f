"""Emails to the firm about consultation requests, through an outbox.

A notification row is written in the same transaction as the request; a process of its own, the
sender (`manage.py send_notifications --loop`, beside the app servers), sends it within seconds. No
visitor's request ever waits for the mail server: one that hangs holds the sender, not a web worker.
If sending fails the row stays unsent and is tried again later. Emails carry the reference, the
priority and a link, never a name, an answer or a message.
"""

import datetime
import functools
import logging
import math
import threading
import time

from django.conf import settings
from django.core.mail import send_mail
from django.db import DatabaseError, connections, router, transaction
from django.urls import reverse
from django.utils import timezone

from intake.models import Intake, Notification, Status

logger = logging.getLogger(__name__)

SUBJECTS = {
    Notification.Kind.NEW_REQUEST: "New consultation request {reference} ({priority})",
    Notification.Kind.URGENT_REMINDER: "Not yet picked up: urgent request {reference}",
}


def queue(*, intake: Intake, kind: str) -> Notification:
    """Record a notification for the sender to send, once the surrounding transaction commits."""
    return Notification.objects.create(intake=intake, kind=kind)


def _message(notification: Notification) -> tuple[str, str]:
    from intake.queue import current_priority

    intake = notification.intake
    priority = current_priority(intake)
    link = settings.SITE_URL.rstrip("/") + reverse("admin:intake_intake_change", args=[intake.pk])
    subject = SUBJECTS[notification.kind].format(reference=intake.reference, priority=priority)
    language = "Spanish: call back in Spanish" if intake.language == "es" else "English"
    body = (
        f"Reference: {intake.reference}\n"
        f"Priority: {priority}\n"
        f"Language: {language}\n"
        f"Open it in the intake desk (sign-in required):\n{link}\n"
    )
    return subject, body


CLAIM_EXPIRES = datetime.timedelta(minutes=10)  # a sender that died mid-send frees its claim after this


def _claim(notification_id: int) -> bool:
    """Claim an unsent notification for this sender. Only one sender's claim can succeed (on any database)."""
    now = timezone.now()
    claimed, expired = _db_value("claimed_at", now), _db_value("claimed_at", now - CLAIM_EXPIRES)
    with _connection().cursor() as cursor:
        cursor.execute(_claim_statement(), [claimed, notification_id, expired])
        return cursor.rowcount == 1


# The two statements every notification makes are put together once per process from the model:
# the ORM putting them together on every request took several times as long as running them.


def _connection():
    return connections[router.db_for_write(Notification)]


def _db_value(field: str, value):
    return Notification._meta.get_field(field).get_db_prep_save(value, _connection())


def _column(field: str) -> str:
    return _connection().ops.quote_name(Notification._meta.get_field(field).column)


@functools.cache
def _claim_statement() -> str:
    table = _connection().ops.quote_name(Notification._meta.db_table)
    claimed, pk, sent = _column("claimed_at"), _column("id"), _column("sent_at")
    # Unsent, and either unclaimed or claimed longer ago than CLAIM_EXPIRES (its sender died).
    return (
        f"UPDATE {table} SET {claimed} = %s WHERE {pk} = %s AND {sent} IS NULL "  # noqa: S608 - names from the model
        f"AND ({claimed} IS NULL OR {claimed} < %s)"
    )


@functools.cache
def _record_statement(fields: tuple[str, ...]) -> str:
    table = _connection().ops.quote_name(Notification._meta.db_table)
    assignments = ", ".join(f"{_column(field)} = %s" for field in fields)
    return f"UPDATE {table} SET {assignments} WHERE {_column('id')} = %s"  # noqa: S608 - names from the model


def send(notification_id: int) -> bool:
    """Send one notification if it is still unsent. Never raises: a failure is kept for a retry."""
    try:
        if not _claim(notification_id):
            return False
        notification = Notification.objects.select_related("intake").get(pk=notification_id)
    except (DatabaseError, Notification.DoesNotExist):
        logger.warning(
            "notification %s not sent: database unavailable or row gone; will retry", notification_id
        )
        return False
    attempts = notification.attempts + 1
    try:
        if not settings.INTAKE_NOTIFY_EMAILS:
            raise RuntimeError("INTAKE_NOTIFY_EMAILS is empty")
        subject, body = _message(notification)
        send_mail(subject, body, None, settings.INTAKE_NOTIFY_EMAILS)
    except Exception as error:  # noqa: BLE001 - any mail failure is retried later
        logger.warning("notification %s not sent (%s); will retry", notification_id, type(error).__name__)
        _record(notification_id, attempts=attempts, last_error=type(error).__name__[:100], claimed_at=None)
        return False
    _record(notification_id, attempts=attempts, last_error="", sent_at=timezone.now())
    return True


def _record(notification_id: int, **fields) -> None:
    names = tuple(sorted(fields))
    try:
        with _connection().cursor() as cursor:
            cursor.execute(
                _record_statement(names),
                [*(_db_value(name, fields[name]) for name in names), notification_id],
            )
    except DatabaseError:
        logger.warning("notification %s: could not record the outcome", notification_id)


def send_pending(limit: int = 200, *, retry_failed: bool = True) -> tuple[int, int]:
    """Try every unsent notification, oldest first (with `retry_failed` False, only those never
    tried). Returns (sent, still unsent)."""
    unsent = Notification.objects.filter(sent_at__isnull=True)
    pending = unsent if retry_failed else unsent.filter(attempts=0)
    ids = list(pending.order_by("pk").values_list("pk", flat=True)[:limit])
    sent = sum(1 for pk in ids if send(pk))
    return sent, unsent.count()


def _close_old_connections() -> None:
    """What Django does around each request, for the sender's loop: a connection the database dropped,
    or past its age, is closed, to be opened again (never one inside a transaction: a test's)."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def run_sender(
    stop: threading.Event, *, interval: float = 5.0, retry_every: float = 60.0, remind_every: float = 60.0
) -> None:
    """The sender's loop, until `stop` is set: new notifications every `interval` seconds; those that
    failed, and reminders about urgent requests nobody picked up, every minute or so. A database or
    mail server that is away is waited out, never a reason to stop."""
    last_retry = last_reminders = -math.inf
    while not stop.is_set():
        _close_old_connections()
        now = time.monotonic()
        try:
            if now - last_reminders >= remind_every:
                remind_urgent()
                last_reminders = now
            retry = now - last_retry >= retry_every
            send_pending(retry_failed=retry)
            if retry:
                last_retry = now
        except DatabaseError as error:
            logger.warning("notifications: database unavailable (%s); trying again", type(error).__name__)
        stop.wait(interval)


def remind_urgent(now: datetime.datetime | None = None) -> int:
    """Queue a reminder for each urgent request that nobody picked up within URGENT_REMINDER_MINUTES."""
    from intake.queue import open_requests, with_current_priority

    now = now or timezone.now()
    cutoff = now - datetime.timedelta(minutes=settings.URGENT_REMINDER_MINUTES)
    waiting = with_current_priority(open_requests(Intake.objects.all()), timezone.localdate(now)).filter(
        priority_rank=0, status=Status.NEW, assigned_to__isnull=True, consultation_requested_at__lte=cutoff
    )
    queued = 0
    for intake in waiting:
        if not intake.notifications.filter(created_at__gt=cutoff).exists():
            with transaction.atomic():
                queue(intake=intake, kind=Notification.Kind.URGENT_REMINDER)
            queued += 1
    return queued
