"""No personal data in logs or error reports."""

import logging
import sys

import pytest
from django.conf import settings
from django.test import RequestFactory

from tests.journeys import VALID, journey
from web.logging import NoPostDataReporterFilter, RedactPersonalData

pytestmark = pytest.mark.django_db


def test_the_log_filter_masks_emails_and_phone_numbers():
    record = logging.LogRecord(
        "x", logging.WARNING, "f", 1, "from %s at %s", ("sam@example.com", "(213) 555-0143"), None
    )
    RedactPersonalData().filter(record)
    assert record.getMessage() == "from [redacted] at [redacted]"


def logged_with_traceback(error) -> str:
    """What the console handler would print for an error logged with its traceback."""
    try:
        raise error
    except Exception:  # noqa: BLE001 - any error, as Django logs one it did not expect
        record = logging.LogRecord("django.request", logging.ERROR, "f", 1, "Internal Server Error", (), None)
        record.exc_info = sys.exc_info()
    RedactPersonalData().filter(record)
    return logging.Formatter().format(record)


def test_a_traceback_loses_the_database_message_of_a_refused_row():
    from django.db import IntegrityError

    printed = logged_with_traceback(
        IntegrityError(
            'null value in column "consent_at" violates not-null constraint\n'
            "DETAIL:  Failing row contains (7, Sam Secret, <p>first\nsecond</p>, Pat Other)."
        )
    )
    assert "django.db.utils.IntegrityError: [redacted]" in printed  # what failed, and where
    assert "test_privacy_in_logs.py" in printed
    for personal in ("Sam Secret", "second", "Pat Other"):
        assert personal not in printed


def test_a_real_refused_row_with_line_breaks_leaves_nothing_personal_in_the_log():
    """On PostgreSQL the message quotes the whole row, line breaks and all (run in CI's PostgreSQL pass)."""
    from django.db import IntegrityError, transaction

    from intake.models import Intake
    from tests.factories import IntakeFactory

    intake = IntakeFactory(
        name="Sam Secretname", other_party_name="Pat Otherparty", message="He came\nby Monday"
    )
    try:
        with transaction.atomic():
            Intake.objects.filter(pk=intake.pk).update(reference=None)
    except IntegrityError as refused:
        printed = logged_with_traceback(refused)
    assert "IntegrityError: [redacted]" in printed
    for personal in ("Secretname", "Otherparty", "by Monday"):
        assert personal not in printed


def test_a_malformed_log_call_is_left_to_logging_to_report():
    record = logging.LogRecord("x", logging.WARNING, "f", 1, "%s and %s", ("only one",), None)
    assert RedactPersonalData().filter(record) is True


def test_every_log_handler_filters_personal_data():
    for name, handler in settings.LOGGING["handlers"].items():
        assert "redact" in handler.get("filters", []), name


def test_error_reports_never_show_posted_values():
    request = RequestFactory().post("/guidance/", {"name": "Sam Secret", "phone": "213 555 0143"})
    shown = NoPostDataReporterFilter().get_post_parameters(request)
    assert set(shown) == {"name", "phone"}
    assert "Sam Secret" not in str(shown.values()) and "0143" not in str(shown.values())
    assert settings.DEFAULT_EXCEPTION_REPORTER_FILTER == "web.logging.NoPostDataReporterFilter"


def test_a_whole_journey_logs_nothing_personal(client, visitor, caplog):
    caplog.set_level(logging.DEBUG)
    visitor.walk(journey(role="protected"))
    client.post("/guidance/", {**VALID, "message": "about my hearing"})
    client.post("/guidance/", {**VALID, "email": "not-an-email"})
    client.get("/questions/nonsense/")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for value in ["Sam", "2135550143", "555 0143", "Alex Doe", "after 5pm", "about my hearing", "protected"]:
        assert value not in logged, value
