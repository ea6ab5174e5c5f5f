"""What a visitor takes away, with nothing stored on our side: the printable guidance, the court-date
reminder for a calendar, and a contact log to print and fill in by hand.

The guidance and the reminder are built on request from the intake the visitor's session points to;
the contact log is the same for everyone.
"""

import datetime
import uuid

import icalendar
from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from intake import journey
from intake.guidance_text import render_stored_guidance
from intake.summary import answer_rows
from intake.views.guidance import _finished_intake, _missing, unavailable

# The reminder comes the day before, in the morning: an all-day event starts at midnight.
REMINDER_BEFORE = datetime.timedelta(hours=15)


@never_cache
def guidance_print(request):
    """The guidance as it prints: every rule open, the answers it rests on, the firm and the date.

    A page of its own, so that printing needs no JavaScript (the browser's Print command does it)."""
    try:
        intake = _finished_intake(request, "answers", "rule_ids")
    except DatabaseError as error:
        return unavailable(request, error)
    if intake is None:
        return _missing(request, status=404)
    context = {
        # Rendered from our own templates, as the guidance page renders a stored intake.
        "guidance_html": mark_safe(  # noqa: S308
            render_stored_guidance(intake.answers, intake.rule_ids, get_language(), fold=False)
        ),
        "answer_rows": answer_rows(intake.answers),
        "reference": intake.reference,
        "show_reference": intake.consultation_requested,
        "printed_on": timezone.localdate(),
    }
    return render(request, "guidance/print.html", context)


@never_cache
def court_date_calendar(request):
    """The court date as an iCalendar file (RFC 5545): an all-day event with a reminder the day before.
    Its address, which a download list shows, names nothing.

    Built from the intake on request and never stored. Its title and text are neutral unless the
    visitor asked for a plain one (?title=plain): a watched visitor's calendar may be seen."""
    try:
        intake = _finished_intake(request, "court_date")
    except DatabaseError as error:
        return unavailable(request, error)
    if intake is None or intake.court_date is None:
        return _missing(request, status=404)
    plain = request.GET.get("title") == "plain"
    if plain:
        summary = _("Court date")
        description = _("Check your court papers for the time and place, and whether you must go.")
    else:
        summary, description = _("Appointment"), _("Check your papers for the time and place.")
    response = HttpResponse(
        calendar_file(intake.court_date, summary, description), content_type="text/calendar"
    )
    response["Content-Disposition"] = 'attachment; filename="appointment.ics"'
    return response


def calendar_file(day: datetime.date, summary: str, description: str) -> bytes:
    """One all-day event on `day`, with a display reminder the day before; nothing else about anyone."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Reminder//EN")
    calendar.add("version", "2.0")
    event = icalendar.Event()
    # A random identifier: it says nothing of the visitor, the intake or the firm.
    event.add("uid", f"{uuid.uuid4()}@reminder.invalid")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", -REMINDER_BEFORE)
    event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()


def contact_log(request):
    """A log of contact to print and keep by hand (it stores nothing), with how to keep it safely."""
    guidance_kept = journey.has_finished(request.session)
    return render(request, "pages/contact_log.html", {"rows": range(8), "guidance_kept": guidance_kept})
