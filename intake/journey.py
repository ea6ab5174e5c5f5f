"""What the visitor's session remembers outside the wizard: the intake their journey stored.

Only the random reference is kept, never answers; the session itself lives outside the
database (see SESSION_ENGINE) and ends after a short idle time.
"""

from django.conf import settings

FINISHED_KEY = "finished_intake"
# Where formtools keeps the answers of a journey under way (its storage prefix for the questions).
WIZARD_KEY = "wizard_questions"


def remember_finished(session, reference: str) -> None:
    session[FINISHED_KEY] = reference


def finished_reference(session) -> str | None:
    return session.get(FINISHED_KEY)


def has_finished(session) -> bool:
    """Whether this browser finished the questions (its guidance can be shown again)."""
    return finished_reference(session) is not None


def offers_start_again(session) -> bool:
    """Whether the footer offers "Start again": there are answers under way, or a finished journey.

    formtools puts an empty wizard into the session on any look at the questions, and a first answer
    sent with a mistake begins a journey without an answer: only a saved answer counts. The one place
    this is decided: base.html (through a context processor) and the page cache's key
    (web.page_memory) both ask here.
    """
    return answers_under_way(session) or has_finished(session)


def answers_under_way(session) -> bool:
    """Whether the questions hold a saved answer (formtools' empty wizard, or a journey begun with a
    mistake, hold none)."""
    return bool((session.get(WIZARD_KEY) or {}).get("step_data"))


def session_has_ended(request) -> bool:
    """The browser still sends a session cookie, but the session holds no answers (expired or cleared).

    Only asked when the questions have no journey in progress.
    """
    return (
        bool(request.COOKIES.get(settings.SESSION_COOKIE_NAME))
        and finished_reference(request.session) is None
    )
