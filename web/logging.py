"""Keep personal data out of logs and error reports, and every log record on a line of its own.

Visitor views are marked with sensitive_post_parameters; on top of that, error reports never show
POST values at all, and a logging filter masks anything that looks like an email address or a
phone number, wherever it comes from. The same filter escapes what is not printable in a record's
message (line breaks of every kind, NUL, terminal escapes): a message may quote what a client sent
(django-axes quotes the user name of a failed sign-in), and must not end its line and write another.
"""

import logging
import re
import sqlite3
import traceback

import psycopg
from django.db import Error as DjangoDatabaseError
from django.views.debug import SafeExceptionReporterFilter

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)")
MASK = "[redacted]"
# A database's message about a refused row quotes the row's values, over several lines if they
# hold line breaks (PostgreSQL's "DETAIL: Failing row contains (...)"): whatever the visitor typed.
DATABASE_ERRORS = (DjangoDatabaseError, psycopg.Error, sqlite3.Error)
DATABASE_DETAIL = re.compile(r"^(\s*DETAIL:).*$", re.M)
CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"


def redact(text: str) -> str:
    return DATABASE_DETAIL.sub(r"\1 " + MASK, PHONE.sub(MASK, EMAIL.sub(MASK, text)))


def one_line(text: str) -> str:
    """The text with every character that is not printable escaped as Python writes it (\\n, \\x00,
    \\u2028): the codec Django's own request log uses for the paths it quotes."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def traceback_text(error: BaseException, depth: int = 0) -> str:
    """A traceback as logging prints one, chained exceptions included, with every database error's
    message left out (its kind is kept: enough to know what failed), and every other message on one
    line."""
    chained = ""
    if depth < 10:  # a chain that loops back on itself ends here
        if error.__cause__ is not None:
            chained = traceback_text(error.__cause__, depth + 1) + CAUSE
        elif error.__context__ is not None and not error.__suppress_context__:
            chained = traceback_text(error.__context__, depth + 1) + CONTEXT
    frames = traceback.format_tb(error.__traceback__) if error.__traceback__ else []
    heading = ["Traceback (most recent call last):\n"] if frames else []
    if isinstance(error, DATABASE_ERRORS):
        kind = type(error)
        only = [f"{kind.__module__}.{kind.__qualname__}: {MASK}{_database_facts(error)}\n"]
    else:  # the message, masked then kept on its line (the frames are the program's own text)
        only = [
            one_line(redact(line.removesuffix("\n"))) + "\n"
            for line in traceback.format_exception_only(type(error), error)
        ]
    return chained + "".join(heading + frames + only)


def database_error(error: Exception) -> str:
    """A database error as a log may show it: its kind and SQLSTATE code, never its message, in
    which PostgreSQL may quote the row it refused, with whatever the visitor typed."""
    code = getattr(error.__cause__, "sqlstate", None)
    return f"{type(error).__name__} {code}" if code else type(error).__name__


def _database_facts(error: BaseException) -> str:
    """What a database error says that is never the visitor's: its code, table, column, constraint."""
    source = error if isinstance(error, psycopg.Error | sqlite3.Error) else error.__cause__
    facts = []
    if isinstance(source, psycopg.Error):
        diag = source.diag
        named = [("SQLSTATE", source.sqlstate), ("table", diag.table_name)]
        named += [("column", diag.column_name), ("constraint", diag.constraint_name)]
        facts = [f"{label} {value}" for label, value in named if value]
    elif isinstance(source, sqlite3.Error) and getattr(source, "sqlite_errorname", None):
        facts = [source.sqlite_errorname]
    return f" ({', '.join(facts)})" if facts else ""


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed log call: logging reports it when it formats
            return True
        cleaned = one_line(redact(message))
        if cleaned != message:
            record.msg, record.args = cleaned, None
        # The traceback of an error nobody caught (Django's "Internal Server Error" line) carries the
        # exception's message too; written here, a handler prints this text instead.
        if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
            record.exc_text = redact(traceback_text(record.exc_info[1])).rstrip("\n")
        return True


class NoPostDataReporterFilter(SafeExceptionReporterFilter):
    """Error reports list which fields were posted, never what was in them."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)
