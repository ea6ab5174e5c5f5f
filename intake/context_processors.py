from django.conf import settings


def firm(request):
    """The firm's details, shown on visitor pages (from settings)."""
    return {
        "firm_name": settings.FIRM_NAME,
        "firm_phone": settings.FIRM_PHONE,
        "firm_hours": settings.FIRM_HOURS,
    }
