"""The desk's start page: what needs doing today, each count a link to the list it counts.

The counts use the queue views of intake.admin.filters (VIEWS), so a count and the list it opens
always agree.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode

from intake.admin.filters import VIEWS
from intake.models import Intake
from intake.queue import consultations_today, with_current_priority

# In the order a paralegal works them on a Monday morning; the second value says a non-zero count
# needs attention first.
START_VIEWS = (
    ("urgent_new", True),
    ("new", False),
    ("due", True),
    ("mine", False),
    ("court_week", True),
    ("consults_today", False),
    ("withdrawn_recent", True),
)


@dataclass(frozen=True)
class Tile:
    view: str
    title: str
    count: int
    url: str
    pressing: bool  # a count above zero that needs attention first


def list_url(view: str) -> str:
    return reverse("admin:intake_intake_changelist") + "?" + urlencode({"view": view})


def start_page(request) -> dict | None:
    """The tiles and today's consultations, for staff who may see intakes; None for others."""
    if not request.user.has_perm("intake.view_intake"):
        return None
    intakes = with_current_priority(Intake.objects.all())
    tiles = []
    for view, needs_attention in START_VIEWS:
        title, select = VIEWS[view]
        count = select(intakes, request).count()
        tiles.append(Tile(view, title, count, list_url(view), needs_attention and count > 0))
    consultations = consultations_today(Intake.objects.select_related("consult_with"))
    return {"tiles": tiles, "consultations": list(consultations)}
