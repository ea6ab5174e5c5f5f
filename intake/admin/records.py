"""Read-only views of what outlives intakes: conflict records, anonymous counts, access records."""

from django.contrib import admin

from intake.admin.search import SessionSearchMixin, compact_reference
from intake.conflicts import normalize_name
from intake.models import ConflictRecord, IntakeAccess, WeeklyCount


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ConflictRecord)
class ConflictRecordAdmin(SessionSearchMixin, ReadOnlyAdmin):
    list_display = ("reference", "requested_on", "visitor_name", "helped_name", "other_party_names")
    search_fields = ("reference",)
    date_hierarchy = "requested_on"
    exclude = ("name_keys",)

    def get_search_results(self, request, queryset, search_term):
        """Names match however they are spelled in case, accents and punctuation; references with or
        without their hyphen."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        key = normalize_name(search_term)
        if key:
            found = found | queryset.filter(name_keys__contains=key)
        reference = compact_reference(search_term)
        if len(reference) == 8:
            found = found | queryset.filter(reference=f"{reference[:4]}-{reference[4:]}")
        return found, duplicates


@admin.register(WeeklyCount)
class WeeklyCountAdmin(ReadOnlyAdmin):
    list_display = ("week", "role", "order_types", "priority", "language", "ruleset_version", "count")
    list_filter = ("role", "priority", "language", "ruleset_version")
    date_hierarchy = "week"


@admin.register(IntakeAccess)
class IntakeAccessAdmin(SessionSearchMixin, ReadOnlyAdmin):
    list_display = ("accessed_at", "user", "kind", "intake")
    list_filter = ("kind", "user")
    date_hierarchy = "accessed_at"
    list_select_related = ("user", "intake")
    search_fields = ("intake__reference",)
