"""Notes, contact attempts (calls, texts, emails) and other names on the intake page. Saved rows
cannot be edited or deleted, and a request the visitor withdrew takes no new ones."""

from django.contrib import admin
from django.utils import timezone
from django.utils.formats import localize

from guidance.vocabulary import ContactMethod
from intake.admin.forms import CONFIRMED_CALL, ContactAttemptForm
from intake.models import CallAttempt, IntakeAccess, Note, OtherPartyAlias


def _withdrawn(obj) -> bool:
    return obj is not None and obj.withdrawn


class AddOnlyInline(admin.TabularInline):
    extra = 1
    can_delete = False

    def has_add_permission(self, request, obj):
        return not _withdrawn(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return False  # a note or call once written stays as written

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")

    @admin.display(description="time")
    def when(self, item):
        """Set when the row is saved; a new row shows none yet."""
        return localize(timezone.localtime(item.created_at)) if item.pk else ""


class NoteInline(AddOnlyInline):
    model = Note
    fields = ("when", "author", "text")
    readonly_fields = ("when", "author")


class CallAttemptInline(AddOnlyInline):
    """Calls, texts and emails. What goes against the visitor's choices is refused on the row, with
    the reason (intake.admin.forms.ContactAttemptForm); on a request for texts only, a call is logged
    with a tick that says they agreed to it."""

    model = CallAttempt
    form = ContactAttemptForm
    fields = ("when", "author", "outcome", "note")
    readonly_fields = ("when", "author")
    verbose_name = "contact attempt"
    verbose_name_plural = "Contact attempts (calls, texts, emails)"

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if obj is not None and obj.preferred_method == ContactMethod.TEXT and not _withdrawn(obj):
            fields.append(CONFIRMED_CALL)
        return fields


class OtherPartyAliasInline(admin.TabularInline):
    model = OtherPartyAlias
    extra = 1
    fields = ("name",)
    verbose_name = "other name of the other party"
    verbose_name_plural = "Other names of the other party (conflict check)"

    def has_add_permission(self, request, obj):
        return not _withdrawn(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return False


class AccessInline(admin.TabularInline):
    model = IntakeAccess
    fields = ("accessed_at", "user", "kind")
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    verbose_name_plural = "Opened by"

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("intake.view_intakeaccess")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")
