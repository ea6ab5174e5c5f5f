"""A scheduled consultation as an iCalendar file (RFC 5545), for a staff member's own calendar.

It holds the reference, the time (in Pacific time, with its time zone) and a link to the intake's
page, and nothing personal: no name, phone number, email, message or order type, because calendars
are shared, synced and shown on lock screens. Downloading it is recorded as an access.
"""

import datetime

import icalendar
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone

from intake.models import Intake, IntakeAccess, Status
from intake.services.followup import access_record


def scheduled(intake: Intake) -> bool:
    """Whether the intake has a consultation to download: scheduled, with a time, not withdrawn."""
    if intake.withdrawn or intake.consult_at is None:
        return False
    return intake.status == Status.CONSULT_SCHEDULED


def consultation_file(intake: Intake, link: str) -> bytes:
    start = timezone.localtime(intake.consult_at)  # Pacific time, with its TZID and VTIMEZONE
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Intake desk//Consultation//EN")
    calendar.add("version", "2.0")
    event = icalendar.Event()
    # The same for every download of this consultation, so that a calendar updates the event it has.
    event.add("uid", f"consultation-{intake.reference}@intake-desk.invalid")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("dtend", start + datetime.timedelta(minutes=settings.CONSULT_MINUTES))
    event.add("summary", f"Consultation {intake.reference}")
    event.add("description", f"Intake {intake.reference}: {link}")
    event.add("url", link)
    calendar.add_component(event)
    # The time zone's rules around the consultation only (the whole history would be long).
    year = datetime.timedelta(days=366)
    calendar.add_missing_timezones(first_date=start.date() - year, last_date=start.date() + year)
    return calendar.to_ical()


def consultation_calendar(modeladmin, request, object_id):
    """The download (an admin URL: IntakeAdmin.get_urls). For anyone who may view intakes; not found
    when no consultation is scheduled."""
    intake = modeladmin.get_object(request, object_id)
    if intake is None:
        raise Http404("No such intake.")
    if not modeladmin.has_view_permission(request, intake):
        raise PermissionDenied
    if not scheduled(intake):
        raise Http404("No consultation is scheduled for this intake.")
    link = request.build_absolute_uri(reverse("admin:intake_intake_change", args=[intake.pk]))
    access_record(intake=intake, user=request.user, kind=IntakeAccess.Kind.CALENDAR)
    response = HttpResponse(consultation_file(intake, link), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="consultation-{intake.reference}.ics"'
    return response
