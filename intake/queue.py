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


# --- the desk's views of the queue: the start page counts them, the list filters show them -----------


def _start_of_yesterday() -> datetime.datetime:
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time.min))


def _today_bounds() -> tuple[datetime.datetime, datetime.datetime]:
    """Today, midnight to midnight in the firm's time zone (settings.TIME_ZONE)."""
    start = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))
    return start, start + datetime.timedelta(days=1)


def urgent_not_contacted(queryset: QuerySet) -> QuerySet:
    """Open requests urgent today that nobody has reached yet (needs with_current_priority)."""
    return open_requests(queryset).filter(priority_rank=RANKS[Priority.URGENT], status=Status.NEW)


def new_requests(queryset: QuerySet) -> QuerySet:
    return open_requests(queryset).filter(status=Status.NEW)


def next_action_due(queryset: QuerySet) -> QuerySet:
    """Open requests whose next action is today or already past."""
    return open_requests(queryset).filter(next_action_on__lte=timezone.localdate())


def court_date_within_week(queryset: QuerySet) -> QuerySet:
    return open_requests(queryset).filter(_court_date_within(timezone.localdate(), 7))


def withdrawn_since_yesterday(queryset: QuerySet) -> QuerySet:
    """Withdrawn since the start of yesterday, so Monday's desk still sees Sunday's."""
    return queryset.filter(withdrawn_at__gte=_start_of_yesterday())


def consultations_today(queryset: QuerySet) -> QuerySet:
    start, end = _today_bounds()
    return queryset.filter(
        status=Status.CONSULT_SCHEDULED, withdrawn_at__isnull=True, consult_at__gte=start, consult_at__lt=end
    ).order_by("consult_at")


def assigned_to(queryset: QuerySet, user) -> QuerySet:
    return open_requests(queryset).filter(assigned_to=user)
