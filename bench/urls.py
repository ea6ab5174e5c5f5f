from django.urls import path, re_path

from bench.minimal import MinimalWizard, bare
from config.urls import urlpatterns as app_urlpatterns

minimal = MinimalWizard.as_view(url_name="minimal_step", done_step_name="finished")

urlpatterns = [
    path("bench/bare/", bare),
    re_path(r"^bench/minimal/(?P<step>.+)/$", minimal, name="minimal_step"),
    path("bench/minimal/", minimal, name="minimal"),
    *app_urlpatterns,
]
