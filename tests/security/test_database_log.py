"""PostgreSQL's own log holds no visitor's details, even of a statement that failed.

PostgreSQL logs the text of every statement that fails (log_min_error_statement = error, its
default). Values are sent as parameters ($1, $2, ...), not in that text, and the parameters of a
failing statement are not logged (log_parameter_max_length_on_error = 0). A second press of "finish"
makes no failing statement at all.

These tests provoke such failures on the real PostgreSQL with unique values, then read the lines the
server wrote meanwhile. They run when the tests run on PostgreSQL (DATABASE_URL=postgres://..., as
CI's second pass does) on this machine, whose server log they read; otherwise they are skipped,
loudly, and with REQUIRE_SERVICES=1 a log that cannot be read is a failure.
"""

import glob
import os
import random
import threading
import time
import uuid
from pathlib import Path

import phonenumbers
import psycopg
import pytest
from django.db import connection
from django.test import Client

from intake.models import Intake
from intake.services import intakes
from intake.views.wizard import JOURNEY_KEY
from tests.journeys import VALID, Visitor, journey, step_url

LOCAL_HOSTS = ("", "localhost", "127.0.0.1", "::1")


def _missing(what):
    message = f"NO {what}: PostgreSQL log tests SKIPPED"
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(message + " — and REQUIRE_SERVICES=1 says they must run")
    pytest.skip(message)


def _conninfo() -> dict:
    settings = connection.settings_dict
    info = {"dbname": settings["NAME"], "user": settings["USER"], "host": settings["HOST"]}
    info.update(port=settings["PORT"] or "5432", password=settings["PASSWORD"] or None)
    return {key: value for key, value in info.items() if value}


class ServerLog:
    """The server's log files, read from where they ended when this was made."""

    def __init__(self, paths):
        self.offsets = {path: path.stat().st_size for path in paths}

    def new_text(self) -> str:
        text = []
        for path, offset in self.offsets.items():
            with path.open("rb") as log:
                log.seek(offset)
                text.append(log.read().decode("utf-8", "replace"))
        return "".join(text)

    def lines_after(self, marker_statement_runner) -> list[str]:
        """Every line written since, once a marker statement that fails afterwards shows up in the log
        (so everything before it was written too, and the log is the one the server writes); the
        marker's own lines left out."""
        marker = f"log-marker-{uuid.uuid4().hex}"
        marker_statement_runner(marker)
        deadline = time.monotonic() + 10
        while marker not in (text := self.new_text()):
            if time.monotonic() > deadline:
                pytest.fail(f"the server log never showed the marker {marker}: is it the right file?")
            time.sleep(0.1)
        return [line for line in text.splitlines() if marker not in line]


def _log_paths(cursor) -> list[Path]:
    paths = set()
    try:
        cursor.execute("SELECT pg_current_logfile(), current_setting('data_directory')")
        current, data_directory = cursor.fetchone()
        if current:  # the logging collector's file, relative to the data directory unless absolute
            paths.add(Path(data_directory, current))
    except psycopg.Error:
        pass  # not allowed to ask: Debian's place for the server's output is tried below
    paths.update(Path(name) for name in glob.glob("/var/log/postgresql/*.log"))
    return sorted(path for path in paths if path.is_file() and os.access(path, os.R_OK))


def _fail_a_statement(marker):
    """A statement that fails with `marker` in its text, on a connection of its own."""
    with (
        psycopg.connect(**_conninfo(), autocommit=True) as other,
        pytest.raises(psycopg.errors.InvalidTextRepresentation),
    ):
        other.execute(f"SELECT '{marker}'::integer")


@pytest.fixture
def server_log():
    if connection.vendor != "postgresql":
        pytest.skip(
            "NOT ON PostgreSQL: PostgreSQL log tests SKIPPED "
            "(run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name>, as CI does)"
        )
    if connection.settings_dict["HOST"] not in LOCAL_HOSTS:
        _missing("local PostgreSQL (the server log is read from this machine's files)")
    with connection.cursor() as cursor:
        paths = _log_paths(cursor.cursor)
        cursor.execute("SHOW log_parameter_max_length_on_error")
        parameters_on_error = cursor.fetchone()[0]
    if not paths:
        _missing("readable PostgreSQL server log (pg_current_logfile() or /var/log/postgresql/)")
    # A failing statement's parameters are never written next to it, whatever the server's default.
    assert parameters_on_error == "0"
    return ServerLog(paths)


def _canary_phone() -> str:
    """A valid US number no other test uses, as the visitor would type it."""
    while True:
        number = f"213{random.randint(200, 999)}{random.randint(0, 9999):04d}"  # noqa: S311 - not a secret
        if phonenumbers.is_valid_number(phonenumbers.parse(number, "US")):
            return number


def _ours(lines, database):
    """Lines of sessions on `database` (log_line_prefix names the user and database of each)."""
    return [line for line in lines if f"@{database} " in line]


@pytest.mark.django_db(transaction=True)
def test_a_consultation_request_cancelled_by_a_lock_timeout_logs_none_of_its_values(client, server_log):
    Visitor(client).walk(journey())
    tag = uuid.uuid4().hex[:12]
    phone = _canary_phone()
    details = {
        **VALID,
        "name": f"Canaryname{tag}",
        "phone": phone,
        "email": f"canary{tag}@example.com",
        "best_time": f"Canarytime{tag}",
        "other_party_name": f"Canaryother{tag}",
        "message": f"Canarymessage{tag}",
    }
    canaries = [value for key, value in details.items() if "Canary" in value or "canary" in value]
    e164 = phonenumbers.format_number(phonenumbers.parse(phone, "US"), phonenumbers.PhoneNumberFormat.E164)
    canaries += [phone, e164]  # as typed, as stored
    reference = Intake.objects.get().reference
    with psycopg.connect(**_conninfo()) as holder:  # staff saving the request's row, say, and slow
        holder.execute("SELECT 1 FROM intake_intake WHERE reference = %s FOR UPDATE", [reference])
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '300ms'")
        try:
            response = client.post("/guidance/", details)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("RESET lock_timeout")
        holder.rollback()
    assert response.status_code == 503  # asked to send it again; nothing was stored
    assert not Intake.objects.get().consultation_requested

    lines = server_log.lines_after(_fail_a_statement)
    ours = _ours(lines, connection.settings_dict["NAME"])
    assert any("canceling statement due to lock timeout" in line for line in ours), ours
    assert [line for line in lines if any(canary in line for canary in canaries)] == []
    statements = [line for line in ours if "STATEMENT:" in line and "UPDATE" in line]
    assert statements and all("$1" in line for line in statements), statements


@pytest.mark.django_db(transaction=True)
def test_four_presses_of_finish_at_once_make_no_failing_statement(client, server_log, monkeypatch):
    Visitor(client).walk(journey(), finish=False)
    cookie = client.cookies["sessionid"].value
    journey_id = client.session["wizard_questions"]["extra_data"][JOURNEY_KEY]
    presses = 4
    # Each press stops just before its INSERT until all four are there.
    barrier = threading.Barrier(presses, timeout=20)
    references, new_reference = [], intakes.new_reference

    def reference_once_all_are_here():
        reference = new_reference()
        references.append(reference)
        barrier.wait()
        return reference

    monkeypatch.setattr(intakes, "new_reference", reference_once_all_are_here)
    statuses = []

    def press():
        try:
            tab = Client(raise_request_exception=False)
            tab.cookies["sessionid"] = cookie
            statuses.append(tab.post(step_url("check"), {}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=press) for _ in range(presses)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * presses
    assert Intake.objects.count() == 1 and len(references) == presses

    lines = server_log.lines_after(_fail_a_statement)
    ours = _ours(lines, connection.settings_dict["NAME"])
    assert [line for line in ours if "ERROR:" in line] == []  # no refused INSERT, nor anything else
    canaries = [journey_id, *references]
    assert [line for line in lines if any(canary in line for canary in canaries)] == []
