"""The attorneys' sign-off on the guidance wording, one row per approval (never edited afterwards).

An item (a rule, a short answer, or a first message that staff send a visitor) is approved while its
latest approval's hash equals the hash of its current wording (intake.rule_book). Approving changes
nothing that visitors see. Rows are written by intake.services.approvals only.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class WordingApproval(models.Model):
    class Kind(models.TextChoices):
        RULE = "rule", "Rule"
        ANSWER = "answer", "Short answer"
        MESSAGE = "message", "First message"

    kind = models.CharField(max_length=8, choices=Kind.choices, editable=False)
    item_id = models.CharField("rule or short answer id", max_length=64, editable=False)
    wording_hash = models.CharField(max_length=64, editable=False)
    # The approved text, both languages, every audience, and the sources: for the record.
    wording = models.JSONField(editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    approved_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-approved_at", "-pk"]
        indexes = [models.Index(fields=["kind", "item_id", "approved_at"], name="wording_approval_item")]
        permissions = [("approve_wording", "Can approve the guidance wording")]
        verbose_name = "wording approval"

    def __str__(self):
        approved = timezone.localtime(self.approved_at)
        return f"{self.get_kind_display()} {self.item_id}, approved {approved:%Y-%m-%d %H:%M}"
