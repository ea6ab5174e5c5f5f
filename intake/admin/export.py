"""CSV export of the filtered queue, for managers."""

import csv

from django.http import HttpResponse
from django.utils import timezone

from intake.queue import current_priority


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


COLUMNS = [
    ("reference", lambda i: i.reference),
    ("created (Pacific)", lambda i: _local(i.created_at)),
    ("priority today", lambda i: current_priority(i)),
    ("status", lambda i: i.status),
    ("assigned to", lambda i: i.assigned_to.get_username() if i.assigned_to else ""),
    ("next action", lambda i: i.next_action_on or ""),
    ("role", lambda i: i.role),
    ("order types", lambda i: i.order_types),
    ("court date", lambda i: i.court_date or ""),
    ("language", lambda i: i.language),
    ("consultation requested", lambda i: "yes" if i.consultation_requested else "no"),
    ("withdrawn by the visitor", lambda i: _local(i.withdrawn_at)),
    ("name", lambda i: i.name),
    ("person helped", lambda i: i.helped_name),
    ("whom to call", lambda i: i.call_whom),
    ("phone", lambda i: str(i.phone or "")),
    ("email", lambda i: i.email),
    ("preferred contact", lambda i: i.preferred_method),
    ("voicemail OK", lambda i: i.voicemail_ok),
    ("may say who is calling", lambda i: i.say_firm_name),
    ("best time", lambda i: i.best_time),
    ("other party", lambda i: i.other_party_name),
]


def spreadsheet_safe(value) -> str:
    """Stop a spreadsheet from running a visitor's text as a formula (CSV injection)."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# Validated by the form (E.164), so a leading "+" is a phone number, never a formula.
SAFE_COLUMNS = {"phone"}


def export_csv(intakes) -> HttpResponse:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="intakes-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    response.write("\ufeff")  # a byte-order mark, so spreadsheet programs read accented names right
    writer = csv.writer(response)
    writer.writerow([title for title, _ in COLUMNS])
    for intake in intakes:
        writer.writerow(
            [
                str(value(intake)) if title in SAFE_COLUMNS else spreadsheet_safe(value(intake))
                for title, value in COLUMNS
            ]
        )
    return response
