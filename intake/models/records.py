"""What outlives an intake: anonymous weekly counts, conflict records, and the notification outbox."""

from django.db import models
from django.utils import timezone

from intake import choices
from intake.models.intake import Intake


class WeeklyCount(models.Model):
    """How many intakes without a consultation request had these answers in a week. Nothing else survives."""

    week = models.DateField("week starting")  # a Monday, Pacific time
    role = models.CharField("role", max_length=20, choices=choices.as_choices(choices.STAFF_ROLE))
    order_types = models.CharField("order types", max_length=200)
    priority = models.CharField("priority", max_length=8, choices=choices.as_choices(choices.PRIORITY))
    language = models.CharField("language", max_length=8)
    ruleset_version = models.CharField("rule-set version", max_length=20)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["week", "role", "order_types", "priority", "language", "ruleset_version"],
                name="weekly_count_unique_dimensions",
            )
        ]
        ordering = ["-week"]
        verbose_name = "anonymous weekly count"

    def __str__(self):
        return f"{self.week}: {self.count}"


class ConflictRecord(models.Model):
    """The minimum a firm keeps from a purged consultation request, to avoid acting for both sides."""

    reference = models.CharField("reference", max_length=12, unique=True)
    requested_on = models.DateField("date")
    visitor_name = models.CharField("visitor's name", max_length=100, blank=True)
    # A helper's request: the person they helped (the prospective client).
    helped_name = models.CharField("name of the person helped", max_length=100, blank=True)
    other_party_names = models.JSONField("other party's names", default=list)
    # Every name above, normalized and wrapped in "|", e.g. "|jose nunez|alex doe|", for the conflict check.
    name_keys = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["-requested_on"]

    def __str__(self):
        return self.reference


class Notification(models.Model):
    """An email to the firm about an intake, kept until it is sent (an outbox)."""

    class Kind(models.TextChoices):
        NEW_REQUEST = "new_request", "New consultation request"
        URGENT_REMINDER = "urgent_reminder", "Urgent request not yet picked up"

    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # Set by the one sender that claimed it, so that two senders (during a redeploy, say) never both send.
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    # The exception's class name only: a mail server's message may echo addresses or content.
    last_error = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.intake_id}"
