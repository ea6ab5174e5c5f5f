import datetime

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from intake.services import retention


class Command(BaseCommand):
    help = (
        "Reduce intakes without a consultation request to anonymous counts (after ANONYMOUS_INTAKE_HOURS), "
        "delete consultation intakes older than RETENTION_DAYS (keeping conflict records) and requests "
        "the visitor withdrew that long ago (nothing kept), "
        "and clear expired sessions. Safe to run as often as you like."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be done, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        anonymous_before = now - datetime.timedelta(hours=settings.ANONYMOUS_INTAKE_HOURS)
        retained_after = now - datetime.timedelta(days=settings.RETENTION_DAYS)
        if dry_run:
            from intake.models import Intake

            reduced = Intake.objects.filter(
                consultation_requested_at__isnull=True, created_at__lt=anonymous_before
            ).count()
            purged = Intake.objects.filter(
                consultation_requested_at__isnull=False,
                withdrawn_at__isnull=True,
                created_at__lt=retained_after,
            ).count()
            withdrawn = Intake.objects.filter(
                withdrawn_at__isnull=False, last_activity_at__lt=retained_after
            ).count()
        else:
            reduced = retention.reduce_anonymous(older_than=anonymous_before)
            purged = retention.purge_expired(older_than=retained_after)
            withdrawn = retention.purge_withdrawn(older_than=retained_after)
            call_command("clearsessions")
        prefix = "would be " if dry_run else ""
        self.stdout.write(
            f"anonymous intakes {prefix}reduced to counts: {reduced}; "
            f"consultation intakes {prefix}purged (conflict records kept): {purged}; "
            f"withdrawn requests {prefix}purged (nothing kept): {withdrawn}"
            + ("" if dry_run else "; expired sessions cleared")
        )
