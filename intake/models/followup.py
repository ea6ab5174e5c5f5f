"""What staff add to an intake while they follow it up: notes, call attempts, other names, access records.

Author and time are set by intake.services.followup, never typed in.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from intake.models.intake import NAME_KEY_LENGTH, Intake


class Note(models.Model):
    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, editable=False)
    created_at = models.DateTimeField("time", default=timezone.now, editable=False)
    text = models.TextField("note", max_length=2000)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Note on {self.intake_id}"


class CallAttempt(models.Model):
    class Outcome(models.TextChoices):
        REACHED = "reached", "Reached"
        VOICEMAIL = "voicemail", "Left a voicemail"
        NO_ANSWER = "no_answer", "No answer"
        WRONG_NUMBER = "wrong_number", "Wrong number"
        TEXT_SENT = "text_sent", "Text sent"
        EMAIL_SENT = "email_sent", "Email sent"

    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="call_attempts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, editable=False)
    created_at = models.DateTimeField("time", default=timezone.now, editable=False)
    outcome = models.CharField("outcome", max_length=20, choices=Outcome.choices)
    note = models.CharField("note", max_length=200, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Call attempt on {self.intake_id}"


class OtherPartyAlias(models.Model):
    """Another name the other party is known by, added by staff for the conflict check."""

    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField("other name", max_length=100)
    name_key = models.CharField(max_length=NAME_KEY_LENGTH, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = "other name for the other party"
        verbose_name_plural = "other names for the other party"

    def __str__(self):
        return f"Alias on {self.intake_id}"


class IntakeAccess(models.Model):
    """Which staff member opened or exported which intake, and when. Nothing personal is copied here."""

    class Kind(models.TextChoices):
        VIEW = "view", "Opened"
        EXPORT = "export", "Exported"
        CALENDAR = "calendar", "Downloaded the consultation for a calendar"

    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    accessed_at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.VIEW)

    class Meta:
        ordering = ["-accessed_at"]
        verbose_name = "access record"
        verbose_name_plural = "access records"

    def __str__(self):
        return f"{self.get_kind_display()} {timezone.localtime(self.accessed_at):%Y-%m-%d %H:%M}"
