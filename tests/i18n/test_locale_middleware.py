"""intake.locale.LocaleMiddleware decides the language and writes the headers as Django's does."""

import pytest
from django.http import HttpResponse, HttpResponseNotFound
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.test import RequestFactory, override_settings
from django.utils import translation

from intake.locale import LocaleMiddleware

REQUESTS = [
    {},  # no preference: the default language
    {"HTTP_ACCEPT_LANGUAGE": "es-MX,es;q=0.9,en;q=0.5"},
    {"HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9"},  # not offered: the default
    {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9,es;q=0.8"},
]


def handled(middleware_class, path, headers, cookies, response_class):
    request = RequestFactory().get(path, **headers)
    request.COOKIES.update(cookies)
    seen = {}

    def view(request):
        seen["active"] = translation.get_language()
        return response_class("page")

    with translation.override(None):
        response = middleware_class(view)(request)
    return seen["active"], request.LANGUAGE_CODE, response.get("Content-Language"), response.get("Vary")


@pytest.mark.parametrize("headers", REQUESTS)
@pytest.mark.parametrize("chosen", [None, "es", "en", "xx"])
@pytest.mark.parametrize("path", ["/questions/role/", "/es/questions/role/", "/guidance/"])
@pytest.mark.parametrize("response_class", [HttpResponse, HttpResponseNotFound])
def test_the_same_language_and_headers_as_djangos(settings, headers, chosen, path, response_class):
    cookies = {settings.LANGUAGE_COOKIE_NAME: chosen} if chosen else {}
    ours = handled(LocaleMiddleware, path, headers, cookies, response_class)
    assert ours == handled(DjangoLocaleMiddleware, path, headers, cookies, response_class)
    assert ours[0] in {"en", "es"}


@override_settings(ROOT_URLCONF="tests.i18n.prefixed_urls")
def test_with_language_prefixes_in_urls_djangos_own_code_decides():
    ours = handled(LocaleMiddleware, "/es/page/", {}, {}, HttpResponse)
    assert ours == handled(DjangoLocaleMiddleware, "/es/page/", {}, {}, HttpResponse)
    assert ours[0] == "es"  # from the path, which only Django's code reads
