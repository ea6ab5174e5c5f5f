from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from intake.insight import DIMENSIONS, chart, last_weeks


def insight_view(request):
    if not request.user.has_perm("intake.view_intake"):
        raise PermissionDenied
    weeks = last_weeks(12)
    context = {
        **admin.site.each_context(request),
        "title": "Intakes per week",
        "charts": [chart(dimension, weeks) for dimension in DIMENSIONS],
        "weeks": weeks,
    }
    return render(request, "admin/intake/insight.html", context)
