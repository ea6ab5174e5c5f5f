"""List filters of the staff queue."""

from django.contrib import admin

from guidance.vocabulary import OrderType
from intake import choices, queue
from intake.queue import RANKS


def _everything(queryset, request):
    return queryset


# The views of the queue, in the order the filter lists them: (value, title, queryset for a request).
# The start page counts the same querysets, so its numbers and the lists they open always agree.
VIEWS = {
    "open": ("Open consultation requests", lambda qs, request: queue.open_requests(qs)),
    "urgent_new": ("Urgent, not yet contacted", lambda qs, request: queue.urgent_not_contacted(qs)),
    "new": ("New", lambda qs, request: queue.new_requests(qs)),
    "due": ("Next action due today or overdue", lambda qs, request: queue.next_action_due(qs)),
    "mine": ("Assigned to me", lambda qs, request: queue.assigned_to(qs, request.user)),
    "court_week": ("Court date within 7 days", lambda qs, request: queue.court_date_within_week(qs)),
    "consults_today": ("Consultations today", lambda qs, request: queue.consultations_today(qs)),
    "withdrawn_recent": (
        "Withdrawn since yesterday",
        lambda qs, request: queue.withdrawn_since_yesterday(qs),
    ),
    "requests": (
        "All consultation requests",
        lambda qs, request: qs.filter(consultation_requested_at__isnull=False),
    ),
    "withdrawn": ("Withdrawn by the visitor", lambda qs, request: qs.filter(withdrawn_at__isnull=False)),
    "anonymous": (
        "Without a consultation request",
        lambda qs, request: qs.filter(consultation_requested_at__isnull=True),
    ),
    "all": ("Everything", _everything),
}


class QueueFilter(admin.SimpleListFilter):
    """Which intakes to list; without a choice, the open consultation requests (the queue)."""

    title = "view"
    parameter_name = "view"
    DEFAULT = "open"

    def lookups(self, request, model_admin):
        return [(value, title) for value, (title, _) in VIEWS.items()]

    def value(self):
        value = super().value()
        return value if value in VIEWS else self.DEFAULT

    def choices(self, changelist):
        for value, title in self.lookup_choices:
            yield {
                "selected": self.value() == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": title,
            }

    def queryset(self, request, queryset):
        return VIEWS[self.value()][1](queryset, request)


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


class AssignedFilter(admin.SimpleListFilter):
    """Whose work it is: mine, nobody's yet, or anyone's."""

    title = "assigned"
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        return [("me", "Assigned to me"), ("nobody", "Not assigned")]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return queryset.filter(assigned_to=request.user)
        if self.value() == "nobody":
            return queryset.filter(assigned_to__isnull=True)
        return queryset
