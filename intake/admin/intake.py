"""The staff desk: the queue of consultation requests and the intake page.

Everything the visitor gave is read-only. Status, assignment, next action, a consultation's time
and holder, notes and contact attempts change through intake.services.followup, from the page or
from list actions. The page also offers the first message to copy (intake.desk_messages) and a
scheduled consultation as a calendar file (intake.admin.consultation). A request
the visitor withdrew (intake.services.withdrawal) is shown as such, read-only, with nothing personal.
"""

import datetime

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponseNotAllowed, QueryDict
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince

from intake import choices, desk_messages
from intake.admin.consultation import consultation_calendar, scheduled
from intake.admin.export import export_csv
from intake.admin.filters import VIEWS, AssignedFilter, OrderTypeFilter, PriorityFilter, QueueFilter
from intake.admin.forms import IntakeAdminForm
from intake.admin.inlines import AccessInline, CallAttemptInline, NoteInline, OtherPartyAliasInline
from intake.admin.search import SessionSearchMixin, people_query, with_compact_reference
from intake.best_time import outside_firm_hours
from intake.choices import CallWhom, ContactMethod
from intake.conflicts import conflict_matches, likely_duplicates
from intake.forms.consultation import is_helper
from intake.guidance_text import render_stored_guidance
from intake.models import CallAttempt, Intake, IntakeAccess, Note, OtherPartyAlias, Status
from intake.queue import consultations_today, current_priority, queue_order, with_current_priority
from intake.rule_book import MESSAGE
from intake.services import intake_delete
from intake.services.approvals import standing
from intake.services.followup import (
    ConsultIncomplete,
    ContactRefused,
    NeedsConfirmation,
    Withdrawn,
    access_record,
    alias_add,
    call_attempt_log,
    export_record,
    followup_update,
    note_add,
)
from intake.summary import answer_rows

LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}

FOLLOWUP_FIELDS = ("status", "assigned_to", "next_action_on", "consult_at", "consult_with")

# All a withdrawn request shows: what happened and when, and who was following it up.
WITHDRAWN_FIELDSETS = (
    (
        "Withdrawn by the visitor",
        {
            "fields": (
                "withdrawn_note",
                "reference",
                "created_at",
                "consultation_requested_at",
                "withdrawn_at",
            )
        },
    ),
    ("Follow-up", {"fields": ("status", "assigned_to")}),
)
# A helper's request: whom to call comes first, before how to reach them safely.
HELPER_CONTACT_FIELDS = ("whom_to_call", "helped_name")


def assignee_name(user) -> str:
    return user.get_full_name() or user.get_username()


def match_url(match) -> str:
    """The intake or conflict record a conflict-check hit is about."""
    if match.record_kind == "record":
        return reverse("admin:intake_conflictrecord_change", args=[match.record_pk])
    return reverse("admin:intake_intake_change", args=[match.record_pk])


def withdrawn_on(intake) -> str:
    """ "Withdrawn by the visitor on <date, time>", in Pacific time."""
    when = date_format(timezone.localtime(intake.withdrawn_at), "DATETIME_FORMAT")
    return f"Withdrawn by the visitor on {when}"


def _duplicates_exist():
    window = datetime.timedelta(days=settings.DUPLICATE_WINDOW_DAYS)
    return Exists(
        Intake.objects.exclude(pk=OuterRef("pk")).filter(
            (Q(phone=OuterRef("phone")) & ~Q(phone="")) | (Q(email__iexact=OuterRef("email")) & ~Q(email="")),
            consultation_requested_at__gte=OuterRef("consultation_requested_at") - window,
            consultation_requested_at__lte=OuterRef("consultation_requested_at") + window,
        )
    )


def _message_blocks(intake, found) -> str:
    """Each message in a read-only box with its label (and an email's subject), ready to copy."""
    blocks = []
    for message in found:
        box = f"desk-message-{intake.pk}-{message.kind}-{message.language}"
        subject = ""
        if message.subject:
            subject = format_html(
                '<label for="{}-subject">Subject</label>'
                '<input type="text" id="{}-subject" class="desk-copy" value="{}" readonly lang="{}">',
                box,
                box,
                message.subject,
                message.language,
            )
        blocks.append(
            format_html(
                '<div class="desk-message"><label for="{}" class="desk-message-label">{}</label>{}'
                '<textarea id="{}" class="desk-copy" rows="{}" cols="60" readonly lang="{}">{}</textarea>'
                "</div>",
                box,
                message.label,
                subject,
                box,
                message.body.count("\n") + 2 if message.subject else 4,
                message.language,
                message.body,
            )
        )
    return format_html_join("", "{}", ((block,) for block in blocks))


def _approval_note(kind: str) -> str:
    """Whether the attorneys approved this message's current wording in the rule book."""
    where = standing(MESSAGE, f"first-{kind}")
    link = reverse("rule_book") + f"#{where.item.anchor}"
    if where.approved:
        return format_html(
            '<p class="desk-approval">Approved wording (<a href="{}">rule book</a>).</p>', link
        )
    return format_html(
        '<p class="desk-approval desk-approval--waiting">This wording is not yet approved in the '
        '<a href="{}">rule book</a>.</p>',
        link,
    )


def _status_action(status, label):
    @admin.action(description=f"Set status: {label}", permissions=["change"])
    def action(modeladmin, request, queryset):
        changed = sum(bool(followup_update(intake=i, by=request.user, status=status)) for i in queryset)
        modeladmin.message_user(request, f"Status set to “{label}” on {changed} intake(s).", messages.SUCCESS)

    action.__name__ = f"set_status_{status}"
    return action


@admin.register(Intake)
class IntakeAdmin(SessionSearchMixin, admin.ModelAdmin):
    # What a call needs, in the width of a 1280 px screen (tests/browser/test_desk.py measures it).
    list_display = (
        "reference",
        "age",
        "priority_badge",
        "language_badge",
        "court_date_column",
        "who_and_orders",
        "contact_by",
        "status_column",
        "next_action_column",
        "duplicate_flag",
    )
    list_filter = (
        QueueFilter,
        "status",
        AssignedFilter,
        PriorityFilter,
        "role",
        OrderTypeFilter,
        "language",
        ("created_at", admin.DateFieldListFilter),
    )
    search_fields = ("reference", "name", "helped_name", "phone", "email")  # see get_search_results
    search_help_text = (
        "A name, a reference or a phone number, typed any way. It is not put in the page's address."
    )
    date_hierarchy = "created_at"
    list_per_page = 50
    inlines = [OtherPartyAliasInline, NoteInline, CallAttemptInline, AccessInline]
    actions = [
        _status_action(Status.CONTACTED, "Contacted"),
        _status_action(Status.RETAINED, "Retained"),
        _status_action(Status.DECLINED, "Declined"),
        _status_action(Status.CLOSED, "Closed"),
        "assign_to_me",
        "unassign_me",
        "delete_selected",
    ]
    readonly_fields = (
        "withdrawn_note",
        "withdrawn_at",
        "whom_to_call",
        "helped_name",
        "reference",
        "created_at",
        "priority_today",
        "court_date",
        "language",
        "voicemail_ok",
        "say_firm_name",
        "best_time",
        "preferred_method",
        "name",
        "phone_to_dial",
        "email",
        "message",
        "consultation_requested_at",
        "consent_text",
        "consent_at",
        "other_party_name",
        "conflict_check",
        "duplicates",
        "answers_table",
        "rules_shown",
        "ruleset_version",
        "guidance_as_shown",
        "guidance_in_english",
        "language_note",
        "first_messages",
        "consultation_calendar",
    )
    form = IntakeAdminForm  # "consult scheduled" asks for the time and who holds it
    fieldsets = (
        (
            "Request",
            {"fields": ("reference", "created_at", "priority_today", "court_date", "language_note")},
        ),
        (
            "How to contact them safely — read before calling",
            {"fields": ("voicemail_ok", "say_firm_name", "best_time", "preferred_method")},
        ),
        ("Contact details", {"fields": ("name", "phone_to_dial", "email", "message")}),
        ("First message to copy", {"fields": ("first_messages",)}),
        ("Conflict check", {"fields": ("other_party_name", "conflict_check", "duplicates")}),
        ("Follow-up", {"fields": (*FOLLOWUP_FIELDS, "consultation_calendar")}),
        ("Answers", {"fields": ("answers_table",)}),
        (
            "Guidance as the visitor saw it",
            {
                "fields": ("rules_shown", "ruleset_version", "guidance_as_shown", "guidance_in_english"),
                "classes": ["collapse"],
            },
        ),
        (
            "Consent",
            {"fields": ("consultation_requested_at", "consent_text", "consent_at"), "classes": ["collapse"]},
        ),
    )

    class Media:
        css = {"all": ("css/staff.css", "css/queue.css", "css/desk.css")}
        js = ("js/desk.js",)

    # --- the queue ------------------------------------------------------------------

    def get_queryset(self, request):
        # Not super(): it orders by get_ordering() before the annotations the ordering needs exist.
        queryset = with_current_priority(Intake.objects.select_related("assigned_to"))
        return queryset.annotate(has_duplicate=_duplicates_exist()).order_by(*self.get_ordering(request))

    def get_ordering(self, request):
        return queue_order()

    def get_search_results(self, request, queryset, search_term):
        """Names without accents or case, references with or without the hyphen, phone numbers however
        typed (intake.admin.search)."""
        if not search_term.strip():
            return queryset, False
        return with_compact_reference(queryset).filter(people_query(search_term)), False

    def get_preserved_filters(self, request):
        """Keep filters on the way back to the list, but not a search term (a name or a phone number)."""
        preserved = super().get_preserved_filters(request)
        if not preserved:
            return preserved
        params = QueryDict(preserved).get("_changelist_filters", "")
        kept = QueryDict(params, mutable=True)
        kept.pop("q", None)
        return urlencode({"_changelist_filters": kept.urlencode()}) if kept else ""

    # --- permissions ----------------------------------------------------------------

    def has_add_permission(self, request):
        return False  # intakes come only from the questionnaire

    def has_assign_permission(self, request):
        return request.user.has_perm("intake.assign_intake")

    def has_export_permission(self, request):
        return request.user.has_perm("intake.export_intake")

    def has_change_permission(self, request, obj=None):
        """A withdrawn request takes no more follow-up: its page is for reading only."""
        if obj is not None and obj.withdrawn:
            return False
        return super().has_change_permission(request, obj)

    def get_fieldsets(self, request, obj=None):
        if obj is not None and obj.withdrawn:
            return WITHDRAWN_FIELDSETS
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not is_helper(obj.role):
            return fieldsets
        # Whom to call and the person they help, first among the safe-contact preferences: the
        # contact details are those of the person to call.
        safe_contact = fieldsets[1]
        fields = (*HELPER_CONTACT_FIELDS, *safe_contact[1]["fields"])
        return (fieldsets[0], (safe_contact[0], {**safe_contact[1], "fields": fields}), *fieldsets[2:])

    def get_inline_instances(self, request, obj=None):
        """A withdrawn request keeps only the call attempts (without their notes) and who opened it."""
        inlines = super().get_inline_instances(request, obj)
        if obj is not None and obj.withdrawn:
            return [i for i in inlines if isinstance(i, CallAttemptInline | AccessInline)]
        return inlines

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in FOLLOWUP_FIELDS and field is not None:
            # Compare a save with what the page showed, so it cannot undo a colleague's later change.
            field.show_hidden_initial = True
        return field

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_assign_permission(request):
            fields.append("assigned_to")
        return fields

    # --- writes go through services -----------------------------------------------------

    def save_model(self, request, obj, form, change):
        changes = {name: form.cleaned_data[name] for name in form.changed_data if name in FOLLOWUP_FIELDS}
        if changes:
            try:
                followup_update(intake=obj, by=request.user, **changes)
            except ConsultIncomplete as refusal:  # a colleague's change in between; the form checks first
                messages.error(request, f"The follow-up was not changed: {refusal}")

    def save_formset(self, request, form, formset, change):
        try:
            for item in formset.save(commit=False):
                if isinstance(item, Note):
                    note_add(intake=form.instance, author=request.user, text=item.text)
                elif isinstance(item, CallAttempt):
                    call_attempt_log(
                        intake=form.instance,
                        author=request.user,
                        outcome=item.outcome,
                        note=item.note,
                        confirmed_call=getattr(item, "confirmed_call", False),  # intake.admin.forms
                    )
                elif isinstance(item, OtherPartyAlias):
                    alias_add(intake=form.instance, name=item.name, by=request.user)
        except Withdrawn:
            # Withdrawn while the page was open: what was added would put something personal back.
            messages.warning(
                request,
                "The visitor withdrew this request while the page was open: what you added was not kept.",
            )
        except (ContactRefused, NeedsConfirmation) as refusal:  # the form checks first; this is the last word
            messages.error(request, f"The contact attempt was not logged: {refusal}")

    # Staff deletions keep the conflict record, as a purge does (the visitor's own deletion does not).
    def delete_model(self, request, obj):
        intake_delete(intake=obj, keep_conflict_record=True)

    def delete_queryset(self, request, queryset):
        for intake in queryset:
            intake_delete(intake=intake, keep_conflict_record=True)

    def get_deleted_objects(self, objs, request):
        """Access records go with their intake; deleting one needs no right to delete access records."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        perms_needed = {p for p in perms_needed if str(p) != str(IntakeAccess._meta.verbose_name)}
        return deleted, counts, perms_needed, protected

    @admin.action(description="Assign to me", permissions=["change"])
    def assign_to_me(self, request, queryset):
        changed = taken = 0
        for intake in queryset:
            try:
                changed += bool(followup_update(intake=intake, by=request.user, assigned_to=request.user))
            except PermissionDenied:
                taken += 1
        self.message_user(request, f"Assigned {changed} intake(s) to you.", messages.SUCCESS)
        if taken:
            self.message_user(
                request,
                f"{taken} intake(s) already assigned to someone else were left as they were: "
                "only a manager can reassign them.",
                messages.WARNING,
            )

    @admin.action(description="Unassign me", permissions=["change"])
    def unassign_me(self, request, queryset):
        changed = sum(
            bool(followup_update(intake=i, by=request.user, assigned_to=None))
            for i in queryset.filter(assigned_to=request.user)
        )
        self.message_user(request, f"Unassigned you from {changed} intake(s).", messages.SUCCESS)

    def claim_view(self, request, object_id):
        """The intake page's "Assign to me" and "Unassign me" buttons (POST)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        intake = self.get_object(request, object_id)
        if intake is None or not self.has_change_permission(request, intake):
            raise PermissionDenied
        if request.POST.get("claim") == "unassign":
            if intake.assigned_to_id == request.user.pk:
                followup_update(intake=intake, by=request.user, assigned_to=None)
                messages.success(request, f"You are no longer assigned to {intake.reference}.")
        else:
            try:
                followup_update(intake=intake, by=request.user, assigned_to=request.user)
            except PermissionDenied:
                messages.warning(
                    request,
                    f"{intake.reference} is assigned to {assignee_name(intake.assigned_to)}: "
                    "only a manager can reassign it.",
                )
            else:
                messages.success(request, f"{intake.reference} is assigned to you.")
        return redirect(reverse("admin:intake_intake_change", args=[intake.pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            intake = self.get_object(request, object_id)
            if intake is not None:
                access_record(intake=intake, user=request.user)
        return response

    # --- extra pages ------------------------------------------------------------------

    def get_urls(self):
        from intake.admin.insight import insight_view

        extra = [
            path("export/", self.admin_site.admin_view(self.export_view), name="intake_intake_export"),
            path(
                "<path:object_id>/claim/",
                self.admin_site.admin_view(self.claim_view),
                name="intake_intake_claim",
            ),
            path("insight/", self.admin_site.admin_view(insight_view), name="intake_intake_insight"),
            path(
                "<path:object_id>/consultation.ics",
                self.admin_site.admin_view(self.consultation_view),
                name="intake_intake_consultation",
            ),
        ]
        return extra + super().get_urls()

    def consultation_view(self, request, object_id):
        """The scheduled consultation as a calendar file (intake.admin.consultation)."""
        return consultation_calendar(self, request, object_id)

    def export_view(self, request):
        """The list as currently filtered and searched, as CSV. Each exported intake is recorded."""
        if not self.has_export_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return redirect(reverse("admin:intake_intake_changelist") + "?e=1")
        intakes = list(changelist.get_queryset(request))
        export_record(intakes=intakes, user=request.user)
        return export_csv(intakes)

    def changelist_view(self, request, extra_context=None):
        view = request.GET.get(QueueFilter.parameter_name)
        extra_context = {
            **(extra_context or {}),
            "title": "Intake queue" + (f": {VIEWS[view][0]}" if view in VIEWS and view != "open" else ""),
            "subtitle": None,
            "consultations_today": consultations_today(Intake.objects.select_related("consult_with")),
            "can_export": self.has_export_permission(request),
            "export_url": reverse("admin:intake_intake_export")
            + ("?" + request.GET.urlencode() if request.GET else ""),
        }
        return super().changelist_view(request, extra_context)

    # --- columns and read-only fields ---------------------------------------------------------

    @admin.display(description="age", ordering="created_at")
    def age(self, intake):
        return timesince(intake.created_at, timezone.now()).split(",")[0]

    @admin.display(description="priority", ordering="priority_rank")
    def priority_badge(self, intake):
        priority = current_priority(intake)
        return format_html(
            '<span class="priority priority--{}">{}</span>', priority, choices.PRIORITY[priority]
        )

    @admin.display(description="priority today")
    def priority_today(self, intake):
        badge = self.priority_badge(intake)
        if current_priority(intake) != intake.priority:
            return format_html("{} (was {} when submitted)", badge, intake.get_priority_display())
        return badge

    @admin.display(description="court date", ordering="upcoming_court_date")
    def court_date_column(self, intake):
        if intake.court_date is None:
            return "–"
        days = (intake.court_date - timezone.localdate()).days
        when = "past" if days < 0 else ("today" if days == 0 else f"in {days} d")
        return format_html("{} <span class='muted'>({})</span>", intake.court_date.strftime("%b %-d"), when)

    @admin.display(description="order types")
    def order_types_display(self, intake):
        return ", ".join(str(choices.ORDER_TYPE.get(v, v)) for v in intake.order_type_list())

    @admin.display(description="role and orders", ordering="role")
    def who_and_orders(self, intake):
        """ "Restrained · CPO, DVRO", each short form spelled out for screen readers and on hover."""
        orders = format_html_join(
            ", ",
            '<abbr title="{}">{}</abbr>',
            (
                (choices.ORDER_TYPE.get(v, v), choices.STAFF_ORDER_SHORT.get(v, v))
                for v in intake.order_type_list()
            ),
        )
        return format_html(
            '{}<span class="queue-short">{}</span>',
            choices.STAFF_ROLE_SHORT.get(intake.role, intake.role),
            orders,
        )

    @admin.display(description="contact by", ordering="preferred_method")
    def contact_by(self, intake):
        """The preferred method, and what not to do when calling."""
        if not intake.consultation_requested:
            return format_html('<span class="muted">{}</span>', "No request")
        method = choices.STAFF_CONTACT_METHOD.get(intake.preferred_method, "–")
        cautions = []
        if intake.voicemail_ok == choices.YesNo.NO:
            cautions.append("no voicemail")
        if intake.say_firm_name == choices.YesNo.NO:
            cautions.append("do not say who calls")
        if not cautions:
            return method
        return format_html('{}<span class="queue-caution">{}</span>', method, "; ".join(cautions))

    @admin.display(description="next action", ordering="next_action_on")
    def next_action_column(self, intake):
        """The next action's date (said when it is due), or the consultation when one is scheduled."""
        parts = []
        if intake.status == Status.CONSULT_SCHEDULED and intake.consult_at:
            when = timezone.localtime(intake.consult_at)
            parts.append(format_html("Consult {}", date_format(when, "M j, g:i A")))
        if intake.next_action_on:
            days = (intake.next_action_on - timezone.localdate()).days
            due = "overdue" if days < 0 else ("today" if days == 0 else "")
            text = intake.next_action_on.strftime("%b %-d")
            parts.append(format_html("{} <strong>{}</strong>", text, due) if due else text)
        return format_html_join(mark_safe("<br>"), "{}", ((p,) for p in parts)) if parts else "–"

    @admin.display(description="status", ordering="status")
    def status_column(self, intake):
        """The status, and who has it."""
        if intake.withdrawn:
            return format_html('<span class="withdrawn">{}</span>', withdrawn_on(intake))
        if intake.assigned_to is None:
            return format_html(
                '{}<span class="queue-short">{}</span>', intake.get_status_display(), "unassigned"
            )
        return format_html(
            '{}<span class="queue-short">{}</span>',
            intake.get_status_display(),
            assignee_name(intake.assigned_to),
        )

    @admin.display(description="withdrawn")
    def withdrawn_note(self, intake):
        if not intake.withdrawn:
            return "–"
        return format_html(
            '<div class="withdrawn-warning" role="status"><strong>{}:</strong> they deleted their answers '
            "and cancelled the call request, so do not call. Nothing personal was kept.</div>",
            withdrawn_on(intake),
        )

    @admin.display(description="whom to call")
    def whom_to_call(self, intake):
        if intake.call_whom == CallWhom.THEM:
            who = (
                f"the person they help, {intake.helped_name}"
                if intake.helped_name
                else "the person they help"
            )
            return format_html("<strong>Call {}.</strong> The phone number and email below are theirs.", who)
        if intake.call_whom == CallWhom.ME:
            return format_html(
                "<strong>Call {}.</strong> The phone number and email below are theirs.",
                "the visitor (the helper)",
            )
        return (
            "Not said: the phone number and email below are probably the helper’s own. "
            "Ask who you are speaking to."
        )

    @admin.display(description="consultation", boolean=True, ordering="consultation_requested_at")
    def consultation(self, intake):
        return intake.consultation_requested

    @admin.display(description="duplicate?")
    def duplicate_flag(self, intake):
        return "Yes" if getattr(intake, "has_duplicate", False) else "No"

    @admin.display(description="conflict check")
    def conflict_check(self, intake):
        matches = conflict_matches(intake)
        if not matches:
            return "No match with another intake or conflict record."
        rows = format_html_join(
            "",
            '<li>“{}” matches the <a href="{}">{}</a></li>',
            ((m.name, match_url(m), m.where) for m in matches),
        )
        return format_html(
            '<div class="conflict-warning" role="alert"><strong>Possible conflict:</strong><ul>{}</ul></div>',
            rows,
        )

    @admin.display(description="likely duplicates")
    def duplicates(self, intake):
        others = likely_duplicates(intake)
        if not others:
            return "None"
        links = format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((reverse("admin:intake_intake_change", args=[o.pk]), o.reference) for o in others),
        )
        return format_html('<span class="duplicate-warning">Same phone or email: {}</span>', links)

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

    @admin.display(description="phone")
    def phone_to_dial(self, intake):
        """The number, the visitor's safe time next to it, and whether that looks outside the firm's hours."""
        if not intake.phone:
            return "–"
        dial = format_html('<a href="tel:{}">{}</a>', intake.phone.as_e164, intake.phone.as_national)
        if not intake.best_time:
            return dial
        opens, closes = settings.FIRM_OPEN_HOURS
        outside = ""
        if outside_firm_hours(intake.best_time, opens, closes):
            outside = format_html(
                ' <strong class="desk-outside-hours">Looks outside the firm’s hours ({}).</strong>',
                settings.FIRM_HOURS,
            )
        return format_html(
            '{}<span class="desk-best-time">Safe time: “{}”.{}</span>', dial, intake.best_time, outside
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The first messages are signed with the first name of whoever reads the page.
        if obj is not None:
            obj.desk_reader = request.user
        return super().get_form(request, obj, change, **kwargs)

    @admin.display(description="first message")
    def first_messages(self, intake):
        """The rule book's wording (intake.desk_messages) for the channel the visitor chose, signed by
        the reader, and whether the attorneys approved it."""
        reader = getattr(intake, "desk_reader", None)
        found = desk_messages.first_messages(intake, reader) if reader is not None else []
        if not found:
            if intake.consultation_requested and intake.preferred_method == ContactMethod.PHONE:
                return "They asked for a phone call: no text or email unless they agree to one."
            return "–"
        first, *others = found
        shown = [m for m in found if m.language == first.language]
        other = [m for m in others if m.language != first.language]
        discreet = ""
        if desk_messages.variant_of(intake).discreet:
            discreet = format_html(
                '<p class="desk-discreet"><strong>{}</strong> {}</p>',
                "Discreet:",
                "they said not to say who is calling. This wording names neither the firm nor why we "
                "write; send it from a number or address that does not show the firm’s name either.",
            )
        others_html = ""
        if other:
            others_html = format_html(
                '<details class="desk-message-other"><summary>{}</summary>{}</details>',
                f"The same in {desk_messages.LANGUAGE_NAMES[other[0].language]}",
                _message_blocks(intake, other),
            )
        return format_html(
            '<div class="desk-messages">{}{}{}{}</div>',
            discreet,
            _message_blocks(intake, shown),
            others_html,
            _approval_note(first.kind),
        )

    @admin.display(description="calendar")
    def consultation_calendar(self, intake):
        if not scheduled(intake):
            return "Once a consultation is scheduled and saved, it can be downloaded here for a calendar."
        when = date_format(timezone.localtime(intake.consult_at), "DATETIME_FORMAT")
        return format_html(
            '<a href="{}" download>Download the consultation of {} (Pacific time) for a calendar</a> '
            '<span class="muted">{}</span>',
            reverse("admin:intake_intake_consultation", args=[intake.pk]),
            when,
            "(an .ics file with the reference and the time only)",
        )

    @admin.display(description="language", ordering="language")
    def language_badge(self, intake):
        if intake.language == "en":
            return ""
        name = LANGUAGE_NAMES.get(intake.language, intake.language)
        return format_html('<span class="language-flag">{}</span>', name)

    @admin.display(description="language")
    def language_note(self, intake):
        name = LANGUAGE_NAMES.get(intake.language, intake.language)
        if intake.language == "en":
            return name
        return format_html(
            '<span class="language-flag">{}</span> The visitor asked in {}: call back in {}.',
            name,
            name,
            name,
        )

    @admin.display(description="the same guidance in English")
    def guidance_in_english(self, intake):
        if intake.language == "en":
            return "(shown in English)"
        html = render_stored_guidance(intake.answers, intake.rule_ids, "en")
        return format_html('<div class="guidance-snapshot" lang="en">{}</div>', mark_safe(html))  # noqa: S308

    @admin.display(description="guidance")
    def guidance_as_shown(self, intake):
        # The snapshot was rendered from the firm's own templates when the intake was stored;
        # the only visitor-supplied value in it is the court date, a date.
        snapshot = mark_safe(intake.guidance_snapshot)  # noqa: S308
        return format_html('<div class="guidance-snapshot" lang="{}">{}</div>', intake.language, snapshot)
