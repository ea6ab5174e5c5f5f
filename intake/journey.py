"""What the visitor's session remembers outside the wizard: the intake their journey stored.

Only the random reference is kept, never answers; the session itself lives outside the
database (see SESSION_ENGINE) and ends after a short idle time.
"""

from django.conf import settings

FINISHED_KEY = "finished_intake"


def remember_finished(session, reference: str) -> None:
    session[FINISHED_KEY] = reference


def finished_reference(session) -> str | None:
    return session.get(FINISHED_KEY)


def session_has_ended(request) -> bool:
    """The browser sent a session cookie, but no session is stored under it (expired or cleared)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    request.session.get(FINISHED_KEY)  # loads the session; a missing one leaves no key
    return request.session.session_key is None
