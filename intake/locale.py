"""Django's LocaleMiddleware, for a site whose URLs carry no language prefix.

Django's works out on every request, and again on every response, whether the path starts with a
language code, which only matters with i18n_patterns; that was a measurable part of each request.
Here, without language prefixes, the language comes from the visitor's choice (the language cookie)
or their browser, exactly as Django's decides it then, and the response says which language and that
it varies with Accept-Language. With prefixes, Django's own code runs.
"""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.middleware import locale
from django.utils import translation
from django.utils.cache import patch_vary_headers


def _prefixed_urls(request) -> bool:
    return is_language_prefix_patterns_used(getattr(request, "urlconf", settings.ROOT_URLCONF))[0]


class LocaleMiddleware(locale.LocaleMiddleware):
    def process_request(self, request):
        if _prefixed_urls(request):
            return super().process_request(request)
        translation.activate(translation.get_language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()
        return None

    def process_response(self, request, response):
        if _prefixed_urls(request):
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
