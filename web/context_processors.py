from django.conf import settings
from django.utils.translation import get_language


def firm_details() -> dict:
    """The firm's details, from settings, with the opening hours in the visitor's language."""
    hours = settings.FIRM_HOURS_ES if get_language() == "es" else settings.FIRM_HOURS
    return {"firm_name": settings.FIRM_NAME, "firm_phone": settings.FIRM_PHONE, "firm_hours": hours}


def firm(request):
    """The firm's details on every page."""
    return firm_details()
