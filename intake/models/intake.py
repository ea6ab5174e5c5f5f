"""What a completed questionnaire stores (PRODUCT.md, "The intake").

An intake is created once per journey by `intake.services.intake_create`; a consultation
request adds contact details to the same row. A visitor who deletes their answers after asking
for a call withdraws the request (`intake.services.withdrawal`): the row stays, with its reference
and times, and nothing personal. `str()` is the reference and nothing else, because the admin log
stores it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from phonenumber_field.modelfields import PhoneNumberField

from intake import choices

# The longest a normalized name (a conflict-check key) is kept: normalizing can lengthen a name
# ("ﬃ" becomes "ffi"), so keys are cut to this length (intake.conflicts.normalize_name).
NAME_KEY_LENGTH = 100


class Status(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    CONSULT_SCHEDULED = "consult_scheduled", "Consult scheduled"
    RETAINED = "retained", "Retained"
    DECLINED = "declined", "Declined"
    CLOSED = "closed", "Closed"


class Intake(models.Model):
    reference = models.CharField("reference", max_length=12, unique=True, editable=False)
    # One intake per journey, enforced by the database: replays and double submits find this row.
    journey_id = models.UUIDField(unique=True, editable=False)
    created_at = models.DateTimeField("created", default=timezone.now, editable=False, db_index=True)
    language = models.CharField(
        "language", max_length=8, choices=[("en", "English"), ("es", "Spanish")], editable=False
    )

    # The answers: the whole set as given, plus typed copies of what staff filter on.
    answers = models.JSONField("answers", editable=False)
    role = models.CharField(
        "role", max_length=20, choices=choices.as_choices(choices.STAFF_ROLE), editable=False
    )
    # Space-separated values of guidance.vocabulary.OrderType, sorted.
    order_types = models.CharField("order types", max_length=200, editable=False)
    criminal_case = models.CharField(
        "criminal case", max_length=8, choices=choices.as_choices(choices.YES_NO_UNSURE), editable=False
    )
    court_date = models.DateField("court date", null=True, blank=True, editable=False)

    # The guidance, exactly as shown.
    rule_ids = models.JSONField("rules shown", editable=False)
    ruleset_version = models.CharField("rule-set version", max_length=20, editable=False)
    guidance_snapshot = models.TextField("guidance as shown", editable=False)
    # Triage at submission, and the part of it that does not depend on the date; the queue adds
    # the court-date part with today's date (intake.queue).
    priority = models.CharField(
        "priority at submission",
        max_length=8,
        choices=choices.as_choices(choices.PRIORITY),
        editable=False,
        db_index=True,
    )
    base_priority = models.CharField(
        "priority without the court date",
        max_length=8,
        choices=choices.as_choices(choices.PRIORITY),
        editable=False,
    )

    # A consultation request, if the visitor asked for one.
    consultation_requested_at = models.DateTimeField(
        "consultation requested", null=True, blank=True, editable=False, db_index=True
    )
    name = models.CharField("name", max_length=100, blank=True, editable=False)
    phone = PhoneNumberField("phone", blank=True, editable=False)
    email = models.EmailField("email", blank=True, editable=False)
    preferred_method = models.CharField(
        "preferred contact",
        max_length=8,
        blank=True,
        choices=choices.as_choices(choices.CONTACT_METHOD),
        editable=False,
    )
    voicemail_ok = models.CharField(
        "may we leave a voicemail?",
        max_length=3,
        blank=True,
        choices=choices.as_choices(choices.YES_NO),
        editable=False,
    )
    say_firm_name = models.CharField(
        "may we say who is calling (in a text: name the firm)?",
        max_length=3,
        blank=True,
        choices=choices.as_choices(choices.YES_NO),
        editable=False,
    )
    best_time = models.CharField("best time to call", max_length=100, blank=True, editable=False)
    other_party_name = models.CharField("other party's name", max_length=100, blank=True, editable=False)
    # Asked of helpers only (role helping_*): the person they help, and whom to call. The contact
    # details above are the details of the person to call.
    helped_name = models.CharField("name of the person they help", max_length=100, blank=True, editable=False)
    call_whom = models.CharField(
        "whom to call",
        max_length=4,
        blank=True,
        choices=choices.as_choices(choices.STAFF_CALL_WHOM),
        editable=False,
    )
    message = models.TextField("message", max_length=500, blank=True, editable=False)
    consent_text = models.TextField("consent wording", blank=True, editable=False)
    consent_at = models.DateTimeField("consent given", null=True, blank=True, editable=False)

    # Set when the visitor deleted their answers after asking for a call: the request is cancelled
    # and everything personal is gone from this row (intake.services.withdrawal).
    withdrawn_at = models.DateTimeField(
        "withdrawn by the visitor", null=True, blank=True, editable=False, db_index=True
    )

    # Staff follow-up.
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="assigned to",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_intakes",
        limit_choices_to={"is_staff": True, "is_active": True},
    )
    next_action_on = models.DateField("next action", null=True, blank=True)
    # Set with the status "consult scheduled": when (stored in UTC, shown in Pacific time) and who holds it.
    consult_at = models.DateTimeField("consultation", null=True, blank=True)
    consult_with = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="consultation held by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
        limit_choices_to={"is_staff": True, "is_active": True},
    )
    # Retention counts from the last thing that happened: the request, a change, a note or a call.
    last_activity_at = models.DateTimeField(
        "last activity", default=timezone.now, editable=False, db_index=True
    )

    # The names above, normalized (intake.conflicts.normalize_name), for the conflict check.
    name_key = models.CharField(max_length=NAME_KEY_LENGTH, blank=True, editable=False, db_index=True)
    other_party_key = models.CharField(max_length=NAME_KEY_LENGTH, blank=True, editable=False, db_index=True)
    helped_key = models.CharField(max_length=NAME_KEY_LENGTH, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = "intake"
        verbose_name_plural = "intakes"
        ordering = ["-created_at"]
        permissions = [
            ("assign_intake", "Can assign intakes to staff"),
            ("export_intake", "Can export intakes"),
        ]

    def __str__(self):
        return self.reference

    @property
    def consultation_requested(self) -> bool:
        return self.consultation_requested_at is not None

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def order_type_list(self) -> list[str]:
        return self.order_types.split()
