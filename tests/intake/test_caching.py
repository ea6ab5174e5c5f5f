"""intake.views.caching.never_cache writes the headers Django's never_cache writes."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache as djangos_never_cache

from intake.views.caching import never_cache


def plain(request):
    return HttpResponse("page")


def public(request):
    response = HttpResponse("page")
    patch_cache_control(response, public=True, max_age=300)
    return response


def with_expires(request):
    response = HttpResponse("page")
    response["Expires"] = "Thu, 01 Jan 2099 00:00:00 GMT"
    return response


@pytest.mark.parametrize("view", [plain, public, with_expires])
def test_the_same_headers_as_djangos_never_cache(view):
    request = RequestFactory().get("/")
    ours, djangos = never_cache(view)(request), djangos_never_cache(view)(request)
    assert ours["Cache-Control"] == djangos["Cache-Control"]
    assert "no-store" in ours["Cache-Control"]
    # The same date, to the minute (the clock may tick between the two).
    assert ours["Expires"][:-7] == djangos["Expires"][:-7]
    assert sorted(ours.headers) == sorted(djangos.headers)


def test_the_view_keeps_its_name():
    assert never_cache(plain).__name__ == "plain"
