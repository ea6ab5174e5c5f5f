"""The staff queue: today's priority of each intake, and the order requests are worked in.

An intake stores its priority without the court date (`base_priority`); the date-based part
(a court date within 7 or 30 days, guidance.triage) is added here with today's date, so the
queue is recomputed every day without a scheduled job.
"""

import datetime

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from guidance.triage import HIGH_WITHIN_DAYS, URGENT_WITHIN_DAYS
from guidance.vocabulary import Priority
from intake.models import Status

RANKS = {Priority.URGENT: 0, Priority.HIGH: 1, Priority.NORMAL: 2}
PRIORITY_BY_RANK = {rank: priority for priority, rank in RANKS.items()}
OPEN_STATUSES = (Status.NEW, Status.CONTACTED, Status.CONSULT_SCHEDULED)


def _court_date_within(today: datetime.date, days: int) -> Q:
    return Q(court_date__gte=today, court_date__lte=today + datetime.timedelta(days=days))


def with_current_priority(queryset: QuerySet, today: datetime.date | None = None) -> QuerySet:
    """Annotate `priority_rank` (0 urgent, 1 high, 2 normal) as of today, and the upcoming court date."""
    today = today or timezone.localdate()
    return queryset.annotate(
        priority_rank=Case(
            When(
                Q(base_priority=Priority.URGENT) | _court_date_within(today, URGENT_WITHIN_DAYS),
                then=Value(0),
            ),
            When(Q(base_priority=Priority.HIGH) | _court_date_within(today, HIGH_WITHIN_DAYS), then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
        upcoming_court_date=Case(When(court_date__gte=today, then=F("court_date")), default=None),
    )


def queue_order() -> list:
    """Urgent first, then the nearest court date, then the longest waiting."""
    return ["priority_rank", F("upcoming_court_date").asc(nulls_last=True), "created_at"]


def open_requests(queryset: QuerySet) -> QuerySet:
    """Requests someone still has to work on: not closed, and not withdrawn by the visitor (a
    withdrawal also closes the request; both are checked, so a status set by mistake never brings a
    withdrawn request back)."""
    return queryset.filter(
        consultation_requested_at__isnull=False, status__in=OPEN_STATUSES, withdrawn_at__isnull=True
    )


def current_priority(intake, today: datetime.date | None = None) -> Priority:
    """Today's priority of one intake: the `priority_rank` annotation if it has one, or the same
    rule worked out from its stored fields, without a query."""
    rank = getattr(intake, "priority_rank", None)
    if rank is None:
        today = today or timezone.localdate()
        days = None if intake.court_date is None else (intake.court_date - today).days
        rank = RANKS[intake.base_priority]
        if days is not None and 0 <= days <= URGENT_WITHIN_DAYS:
            rank = 0
        elif days is not None and 0 <= days <= HIGH_WITHIN_DAYS:
            rank = min(rank, 1)
    return PRIORITY_BY_RANK[rank]
