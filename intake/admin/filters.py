"""List filters of the staff queue."""

from django.contrib import admin

from guidance.vocabulary import OrderType
from intake import choices
from intake.queue import RANKS, open_requests


class QueueFilter(admin.SimpleListFilter):
    """Which intakes to list; without a choice, the open consultation requests (the queue)."""

    title = "view"
    parameter_name = "view"
    DEFAULT = "open"

    def lookups(self, request, model_admin):
        return [
            ("open", "Open consultation requests"),
            ("requests", "All consultation requests"),
            ("withdrawn", "Withdrawn by the visitor"),
            ("anonymous", "Without a consultation request"),
            ("all", "Everything"),
        ]

    def value(self):
        return super().value() or self.DEFAULT

    def choices(self, changelist):
        for value, title in self.lookup_choices:
            yield {
                "selected": self.value() == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": title,
            }

    def queryset(self, request, queryset):
        view = self.value()
        if view == "open":
            return open_requests(queryset)
        if view == "requests":
            return queryset.filter(consultation_requested_at__isnull=False)
        if view == "withdrawn":
            return queryset.filter(withdrawn_at__isnull=False)
        if view == "anonymous":
            return queryset.filter(consultation_requested_at__isnull=True)
        return queryset


class PriorityFilter(admin.SimpleListFilter):
    """Today's priority (the court-date part changes from day to day)."""

    title = "priority today"
    parameter_name = "priority"

    def lookups(self, request, model_admin):
        return choices.as_choices(choices.PRIORITY)

    def queryset(self, request, queryset):
        if self.value() in RANKS:
            return queryset.filter(priority_rank=RANKS[self.value()])
        return queryset


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
