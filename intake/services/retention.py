"""Keeping no more than needed (PRODUCT.md, "The intake"; settings ANONYMOUS_INTAKE_HOURS, RETENTION_DAYS).

- An intake without a consultation request becomes anonymous counts after ANONYMOUS_INTAKE_HOURS.
- A consultation intake is deleted RETENTION_DAYS after its last activity, keeping a minimal conflict record.
- A request the visitor withdrew (intake.services.withdrawal) is deleted RETENTION_DAYS after the
  withdrawal, its last activity. It keeps no conflict record: no name was kept on it to record.
  Until then it tells staff who follow an old link or look the reference up what happened.
All go through intake_delete, and all do nothing the second time.
"""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from intake.models import Intake, WeeklyCount
from intake.services.intakes import intake_delete


def week_start(moment: datetime.datetime) -> datetime.date:
    """The Monday (Pacific time) of the week an intake was made."""
    day = timezone.localdate(moment)
    return day - datetime.timedelta(days=day.weekday())


def reduce_anonymous(*, older_than: datetime.datetime) -> int:
    """Turn intakes without a consultation request into anonymous weekly counts. Returns how many."""
    reduced = 0
    for pk in Intake.objects.filter(
        consultation_requested_at__isnull=True, created_at__lt=older_than
    ).values_list("pk", flat=True):
        with transaction.atomic():
            # Locked and checked again: the visitor may be asking for a call at this very moment.
            intake = (
                Intake.objects.select_for_update()
                .filter(pk=pk, consultation_requested_at__isnull=True)
                .first()
            )
            if intake is None:
                continue
            count, _ = WeeklyCount.objects.get_or_create(
                week=week_start(intake.created_at),
                role=intake.role,
                order_types=intake.order_types,
                priority=intake.priority,
                language=intake.language,
                ruleset_version=intake.ruleset_version,
            )
            WeeklyCount.objects.filter(pk=count.pk).update(count=F("count") + 1)
            intake_delete(intake=intake)
            reduced += 1
    return reduced


def purge_expired(*, older_than: datetime.datetime) -> int:
    """Delete consultation intakes with no activity since `older_than`, keeping conflict records.

    Activity is the request itself, a status or assignment change, a note or a call attempt, so a
    request someone is still working on is kept. Returns how many were deleted.
    """
    purged = 0
    expired = Intake.objects.filter(
        consultation_requested_at__isnull=False, withdrawn_at__isnull=True, last_activity_at__lt=older_than
    )
    for intake in expired:
        intake_delete(intake=intake, keep_conflict_record=True)
        purged += 1
    return purged


def purge_withdrawn(*, older_than: datetime.datetime) -> int:
    """Delete requests the visitor withdrew with no activity since `older_than` (the withdrawal is
    their last). Nothing personal is left on them, so no conflict record is kept. Returns how many."""
    purged = 0
    for intake in Intake.objects.filter(withdrawn_at__isnull=False, last_activity_at__lt=older_than):
        intake_delete(intake=intake)
        purged += 1
    return purged
