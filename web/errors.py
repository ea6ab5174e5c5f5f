"""Error pages that explain, in plain words, and render without the database.

They use only settings for the firm's details (no context processors, no session writes), so
they work when the database or the session store does not.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

from web.context_processors import firm_details
from web.middleware import StaffIdleTimeoutMiddleware


def _page(template: str, status: int, **context) -> HttpResponse:
    return HttpResponse(render_to_string(template, {**firm_details(), **context}), status=status)


def _database_out_of_reach(error: BaseException | None) -> bool:
    """Whether `error`, or one it was raised while handling, is the database out of reach (Django's
    session engine reports a failed save as the session having ended, over the database's error)."""
    for _depth in range(5):
        if error is None:
            return False
        if isinstance(error, (OperationalError, InterfaceError)):
            return True
        error = error.__cause__ or error.__context__
    return False


def _unavailable(request) -> HttpResponse:
    """The database did not answer (it holds the sessions too): try again. A visitor whose browser
    holds a session has answers stored, kept there; a newcomer has none yet (the first answer
    creates the session), so is not told so."""
    if request is not None and request.path.startswith(StaffIdleTimeoutMiddleware.STAFF_PATHS):
        response = _page("errors/503_desk.html", 503)  # staff have no answers to keep
    else:
        has_session = request is not None and settings.SESSION_COOKIE_NAME in request.COOKIES
        response = _page("errors/503.html", 503, answers_kept=has_session)
    response["Retry-After"] = "60"
    return response


def bad_request(request, exception=None):
    if _database_out_of_reach(exception):
        return _unavailable(request)
    return _page("errors/400.html", 400)


def permission_denied(request, exception=None):
    return _page("errors/403.html", 403)


def page_not_found(request, exception=None):
    return _page("errors/404.html", 404)


def server_error(request):
    """A 500; or a 503 when the database did not answer (Django calls this while handling the error)."""
    if _database_out_of_reach(sys.exc_info()[1]):
        return _unavailable(request)
    return _page("errors/500.html", 500)


def csrf_failure(request, reason=""):
    """A form sent from a page that was too old, or from another tab after the session changed."""
    return _page("errors/csrf.html", 403)


def body_refused(request, status: int) -> HttpResponse:
    """A request body the site does not take, refused before it was read: too large (413), of no
    stated length (411) or of a length that is not a number (400). Nothing was saved."""
    return _page("errors/400.html", status)


def rate_limited(request) -> HttpResponse:
    return _page("errors/429.html", 429)


def form_refused(request) -> HttpResponse:
    """What a bot that filled in the hidden honeypot field sees. Nothing was stored."""
    return _page("errors/refused.html", 400)
