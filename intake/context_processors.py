from django.conf import settings
from django.db import DatabaseError
from django.utils.translation import get_language

from intake import journey


def firm_details() -> dict:
    """The firm's details, from settings, with the opening hours in the visitor's language."""
    hours = settings.FIRM_HOURS_ES if get_language() == "es" else settings.FIRM_HOURS
    return {"firm_name": settings.FIRM_NAME, "firm_phone": settings.FIRM_PHONE, "firm_hours": hours}


def firm(request):
    """The firm's details on every visitor page."""
    return firm_details()


def start_again(request):
    """Whether the footer offers "Start again" (see intake.journey.offers_start_again)."""
    session = getattr(request, "session", None)
    try:
        return {"offers_start_again": session is not None and journey.offers_start_again(session)}
    except DatabaseError:  # the sessions' database is down (a 503 page): nothing to start again yet
        return {"offers_start_again": False}
