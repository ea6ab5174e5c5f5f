"""No personal data in logs or error reports."""

import logging
import sys

import pytest
from django.conf import settings
from django.test import RequestFactory

from intake.logging import NoPostDataReporterFilter, RedactPersonalData
from tests.journeys import VALID, journey

pytestmark = pytest.mark.django_db


def test_the_log_filter_masks_emails_and_phone_numbers():
    record = logging.LogRecord(
        "x", logging.WARNING, "f", 1, "from %s at %s", ("sam@example.com", "(213) 555-0143"), None
    )
    RedactPersonalData().filter(record)
    assert record.getMessage() == "from [redacted] at [redacted]"


def test_a_traceback_loses_the_database_detail_of_a_refused_row():
    from django.db import IntegrityError

    refused = IntegrityError(
        'null value in column "consent_at" violates not-null constraint\n'
        "DETAIL:  Failing row contains (7, Sam Secret, sam@example.com)."
    )
    try:
        raise refused
    except IntegrityError:
        record = logging.LogRecord("django.request", logging.ERROR, "f", 1, "Internal Server Error", (), None)
        record.exc_info = sys.exc_info()
    RedactPersonalData().filter(record)
    printed = logging.Formatter().format(record)
    assert "IntegrityError" in printed and "violates not-null constraint" in printed  # still useful
    assert "DETAIL: [redacted]" in printed
    assert "Sam Secret" not in printed and "sam@example.com" not in printed


def test_every_log_handler_filters_personal_data():
    for name, handler in settings.LOGGING["handlers"].items():
        assert "redact" in handler.get("filters", []), name


def test_error_reports_never_show_posted_values():
    request = RequestFactory().post("/guidance/", {"name": "Sam Secret", "phone": "213 555 0143"})
    shown = NoPostDataReporterFilter().get_post_parameters(request)
    assert set(shown) == {"name", "phone"}
    assert "Sam Secret" not in str(shown.values()) and "0143" not in str(shown.values())
    assert settings.DEFAULT_EXCEPTION_REPORTER_FILTER == "intake.logging.NoPostDataReporterFilter"


def test_a_whole_journey_logs_nothing_personal(client, visitor, caplog):
    caplog.set_level(logging.DEBUG)
    visitor.walk(journey(role="protected"))
    client.post("/guidance/", {**VALID, "message": "about my hearing"})
    client.post("/guidance/", {**VALID, "email": "not-an-email"})
    client.get("/questions/nonsense/")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for value in ["Sam", "2135550143", "555 0143", "Alex Doe", "after 5pm", "about my hearing", "protected"]:
        assert value not in logged, value
