"""Keep personal data out of logs and error reports.

Visitor views are marked with sensitive_post_parameters; on top of that, error reports never show
POST values at all, and a logging filter masks anything that looks like an email address or a
phone number, wherever it comes from.
"""

import logging
import re

from django.views.debug import SafeExceptionReporterFilter

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)")
MASK = "[redacted]"
# PostgreSQL's detail of a refused row quotes its values ("Failing row contains (...)", "Key
# (name)=(...) already exists"): whatever the visitor typed.
DATABASE_DETAIL = re.compile(r"^(\s*DETAIL:).*$", re.M)


def redact(text: str) -> str:
    return DATABASE_DETAIL.sub(r"\1 " + MASK, PHONE.sub(MASK, EMAIL.sub(MASK, text)))


def database_error(error: Exception) -> str:
    """A database error as a log may show it: its kind and SQLSTATE code, never its message, in
    which PostgreSQL may quote the row it refused, with whatever the visitor typed."""
    code = getattr(error.__cause__, "sqlstate", None)
    return f"{type(error).__name__} {code}" if code else type(error).__name__


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        # The traceback of an error nobody caught (Django's "Internal Server Error" line) carries the
        # exception's message too; formatted here, a handler prints this text instead.
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


class NoPostDataReporterFilter(SafeExceptionReporterFilter):
    """Error reports list which fields were posted, never what was in them."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)
