"""One log record, one line: what a record quotes of a request cannot end its line and write another
(the console handler's filter, web.logging.RedactPersonalData). The access log's escaping is
tested against the real gunicorn in tests/deploy/test_access_log.py."""

import logging
import sys

from config.access_log import escape
from web.logging import RedactPersonalData

FORGED = '"GET /forged/" 200 0 1ms'


def printed(message, *args, error=None) -> str:
    record = logging.LogRecord("axes.handlers.database", logging.WARNING, "f", 1, message, args, None)
    if error is not None:
        try:
            raise error
        except Exception:  # noqa: BLE001 - any error, as Django logs one it did not expect
            record.exc_info = sys.exc_info()
    RedactPersonalData().filter(record)
    return logging.Formatter().format(record)


def test_a_message_quoting_a_client_stays_on_its_line():
    for breaker in ("\n", "\r", "\x00", "\x1b[2K\r", "\x1c", "\x85", "\u2028", "\t"):
        text = printed("AXES: New login failure by {username: %s}.", f"x{breaker}{FORGED}")
        assert text.splitlines() == [text], repr(breaker)
        assert text.isprintable()
    assert printed("user %s", f"x\n{FORGED}") == r'user x\n"GET /forged/" 200 0 1ms'
    assert printed("Not Found: %s", "/questions/¿qué?/") == "Not Found: /questions/¿qué?/"  # printable


def test_personal_data_is_masked_before_its_line_breaks_are_escaped():
    assert printed("call %s", "213\n555\n0143") == "call [redacted]"


def test_an_errors_message_stays_on_its_line_and_its_database_detail_masked():
    text = printed("Internal Server Error: %s", "/x", error=ValueError(f"bad\n{FORGED}\nDETAIL: Sam Doe"))
    lines = text.splitlines()
    assert lines[0] == "Internal Server Error: /x" and lines[1] == "Traceback (most recent call last):"
    assert lines[-1] == r'ValueError: bad\n"GET /forged/" 200 0 1ms\nDETAIL: [redacted]'
    assert not any(line.startswith('"GET /forged/"') for line in lines)


def test_the_access_log_escapes_as_nginx_does():
    sent = b'/x\n"GET /f\\ \x00\x1b\xc2\x85\xe2\x80\xa8 \xc3\xa9'
    assert escape(sent) == r"/x\x0A\x22GET /f\x5C \x00\x1B\xC2\x85\xE2\x80\xA8 \xC3\xA9"
    assert escape(b"/questions/role/") == "/questions/role/"
