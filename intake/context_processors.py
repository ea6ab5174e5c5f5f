from django.db import DatabaseError

from intake import journey


def start_again(request):
    """Whether the footer offers "Start again" (see intake.journey.offers_start_again)."""
    session = getattr(request, "session", None)
    try:
        return {"offers_start_again": session is not None and journey.offers_start_again(session)}
    except DatabaseError:  # the sessions' database is down (a 503 page): nothing to start again yet
        return {"offers_start_again": False}
