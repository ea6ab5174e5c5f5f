"""Notes, call attempts and other names on the intake page. Saved rows cannot be edited or deleted."""

from django.contrib import admin

from intake.models import CallAttempt, IntakeAccess, Note, OtherPartyAlias


class AddOnlyInline(admin.TabularInline):
    extra = 1
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False  # a note or call once written stays as written

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


class NoteInline(AddOnlyInline):
    model = Note
    fields = ("created_at", "author", "text")
    readonly_fields = ("created_at", "author")


class CallAttemptInline(AddOnlyInline):
    model = CallAttempt
    fields = ("created_at", "author", "outcome", "note")
    readonly_fields = ("created_at", "author")


class OtherPartyAliasInline(admin.TabularInline):
    model = OtherPartyAlias
    extra = 1
    fields = ("name",)
    verbose_name = "other name the other party is known by"
    verbose_name_plural = "Conflict check: other names the other party is known by"

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
