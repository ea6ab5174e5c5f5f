"""Notes, call attempts and other names on the intake page. Saved rows cannot be edited or deleted,
and a request the visitor withdrew takes no new ones."""

from django.contrib import admin
from django.utils import timezone
from django.utils.formats import localize

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
    model = CallAttempt
    fields = ("when", "author", "outcome", "note")
    readonly_fields = ("when", "author")


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
