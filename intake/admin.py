"""The staff desk: intakes in Django admin. Everything the visitor gave is read-only."""

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince

from guidance.vocabulary import OrderType
from intake import choices
from intake.models import Intake
from intake.summary import answer_rows

VISITOR_FIELDS = (
    "reference",
    "created_at",
    "language",
    "priority_badge",
    "voicemail_ok",
    "say_firm_name",
    "best_time",
    "preferred_method",
    "name",
    "phone",
    "email",
    "other_party_name",
    "message",
    "consultation_requested_at",
    "consent_text",
    "consent_at",
    "answers_table",
    "rules_shown",
    "ruleset_version",
    "guidance_as_shown",
)


class OrderTypeFilter(admin.SimpleListFilter):
    title = "order type"
    parameter_name = "order_type"

    def lookups(self, request, model_admin):
        return choices.as_choices(choices.ORDER_TYPE)

    def queryset(self, request, queryset):
        value = self.value()
        if value not in set(OrderType):
            return queryset
        # order_types holds space-separated values; match a whole value only.
        return queryset.filter(order_types__regex=rf"(^| ){value}( |$)")


class ConsultationFilter(admin.SimpleListFilter):
    title = "consultation requested"
    parameter_name = "consultation"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(consultation_requested_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(consultation_requested_at__isnull=True)
        return queryset


@admin.register(Intake)
class IntakeAdmin(admin.ModelAdmin):
    list_display = (
        "reference",
        "age",
        "priority_badge",
        "role",
        "order_types_display",
        "consultation",
        "status",
    )
    list_filter = (
        "status",
        "priority",
        "role",
        OrderTypeFilter,
        ConsultationFilter,
        "language",
        "created_at",
    )
    search_fields = ("reference", "name", "phone", "email")
    date_hierarchy = "created_at"
    list_select_related = ("assigned_to",)
    list_per_page = 50
    readonly_fields = VISITOR_FIELDS
    fieldsets = (
        ("Intake", {"fields": ("reference", "created_at", "priority_badge", "language")}),
        (
            "How to contact them safely",
            {"fields": ("voicemail_ok", "say_firm_name", "best_time", "preferred_method")},
        ),
        (
            "Contact details",
            {
                "fields": (
                    "name",
                    "phone",
                    "email",
                    "other_party_name",
                    "message",
                    "consultation_requested_at",
                    "consent_text",
                    "consent_at",
                )
            },
        ),
        ("Answers", {"fields": ("answers_table",)}),
        (
            "Guidance as the visitor saw it",
            {"fields": ("rules_shown", "ruleset_version", "guidance_as_shown")},
        ),
        ("Follow-up", {"fields": ("status", "assigned_to", "next_action_on")}),
    )

    class Media:
        css = {"all": ("css/staff.css",)}

    def has_add_permission(self, request):
        return False  # intakes come only from the questionnaire

    @admin.display(description="age", ordering="created_at")
    def age(self, intake):
        return timesince(intake.created_at, timezone.now()).split(",")[0]

    @admin.display(description="priority", ordering="priority")
    def priority_badge(self, intake):
        return format_html(
            '<span class="priority priority--{}">{}</span>', intake.priority, intake.get_priority_display()
        )

    @admin.display(description="order types")
    def order_types_display(self, intake):
        labels = {value: str(label) for value, label in choices.as_choices(choices.ORDER_TYPE)}
        return ", ".join(labels.get(v, v) for v in intake.order_type_list())

    @admin.display(description="consultation", boolean=True, ordering="consultation_requested_at")
    def consultation(self, intake):
        return intake.consultation_requested

    @admin.display(description="answers")
    def answers_table(self, intake):
        rows = answer_rows(intake.answers)
        return format_html(
            '<dl class="answers">{}</dl>',
            format_html_join("", "<dt>{}</dt><dd>{}</dd>", ((row.question, row.answer) for row in rows)),
        )

    @admin.display(description="rules shown")
    def rules_shown(self, intake):
        return format_html_join(", ", "<code>{}</code>", ((rule_id,) for rule_id in intake.rule_ids))

    @admin.display(description="guidance")
    def guidance_as_shown(self, intake):
        # The snapshot was rendered from the firm's own templates when the intake was stored;
        # the only visitor-supplied value in it is the court date, a date.
        return format_html('<div class="guidance-snapshot">{}</div>', mark_safe(intake.guidance_snapshot))  # noqa: S308
