"""Intakes per week by role, order type and priority, for the staff insight page.

Counts live intakes and the anonymous weekly counts left by reduced ones. Charts are plain SVG
geometry computed here and drawn by a template: no JavaScript, nothing inline.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from intake import choices
from intake.models import Intake, WeeklyCount
from intake.services.retention import week_start

DIMENSIONS = {
    "role": ("Role", choices.STAFF_ROLE),
    "order_types": ("Order type (an intake with several orders counts under each)", choices.ORDER_TYPE),
    "priority": ("Priority at submission", choices.PRIORITY),
}
CHART_WIDTH, CHART_HEIGHT, AXIS = 720, 260, 32


@dataclass
class Chart:
    title: str
    weeks: list[datetime.date]
    series: list[tuple[str, str, list[int]]]  # (value, label, counts per week)
    bars: list[dict] = field(default_factory=list)
    ticks: list[dict] = field(default_factory=list)
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT + AXIS

    @property
    def totals(self):
        return [sum(counts[i] for _, _, counts in self.series) for i in range(len(self.weeks))]

    @property
    def rows(self):
        """The same figures as a table: (week, counts per series, total)."""
        return [
            (week, [counts[i] for _, _, counts in self.series], self.totals[i])
            for i, week in enumerate(self.weeks)
        ]


def _values(dimension: str, raw: str) -> list[str]:
    return raw.split() if dimension == "order_types" else [raw]


def weekly_counts(dimension: str, weeks: list[datetime.date]) -> dict[str, Counter]:
    """{value: Counter({week: count})} over the given weeks."""
    first = weeks[0]
    counts: dict[str, Counter] = {}
    since = timezone.make_aware(datetime.datetime.combine(first, datetime.time.min))
    for created_at, raw in Intake.objects.filter(created_at__gte=since).values_list("created_at", dimension):
        for value in _values(dimension, raw):
            counts.setdefault(value, Counter())[week_start(created_at)] += 1
    for week, raw, count in WeeklyCount.objects.filter(week__gte=first).values_list(
        "week", dimension, "count"
    ):
        for value in _values(dimension, raw):
            counts.setdefault(value, Counter())[week] += count
    return counts


def chart(dimension: str, weeks: list[datetime.date]) -> Chart:
    title, labels = DIMENSIONS[dimension]
    counts = weekly_counts(dimension, weeks)
    series = [
        (str(value), str(label), [counts.get(str(value), Counter())[w] for w in weeks])
        for value, label in labels.items()
        if str(value) in counts
    ]
    result = Chart(title=title, weeks=weeks, series=series)
    peak = max(result.totals, default=0) or 1
    slot = CHART_WIDTH / len(weeks)
    for i, week in enumerate(weeks):
        y = CHART_HEIGHT
        for n, (_, label, per_week) in enumerate(series):
            height = per_week[i] / peak * (CHART_HEIGHT - 10)
            if per_week[i]:
                y -= height
                result.bars.append(
                    {
                        "x": round(i * slot + slot * 0.15, 1),
                        "y": round(y, 1),
                        "width": round(slot * 0.7, 1),
                        "height": round(height, 1),
                        "series": n % 10,
                        "title": f"{week:%b %-d}: {label} {per_week[i]}",
                    }
                )
        result.ticks.append({"x": round(i * slot + slot / 2, 1), "label": f"{week:%b %-d}"})
    return result


def last_weeks(count: int = 12, today: datetime.date | None = None) -> list[datetime.date]:
    today = today or timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    return [monday - datetime.timedelta(weeks=n) for n in reversed(range(count))]
