"""Django's never_cache, with its headers written at once.

Django's decorator parses and rebuilds Cache-Control twice on every response (to merge it with
anything the view set); every visitor page goes through it. Here a response without its own
Cache-Control gets the same headers directly, and any other goes through Django's code.
"""

from functools import wraps

from django.utils.cache import add_never_cache_headers
from django.utils.http import http_date

# What Django's add_never_cache_headers writes on a response that had no Cache-Control.
NEVER_CACHE = "max-age=0, no-cache, no-store, must-revalidate, private"


def never_cache(view):
    @wraps(view)
    def never_cached(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if "Cache-Control" in response:
            add_never_cache_headers(response)
        else:
            response.headers["Cache-Control"] = NEVER_CACHE
            response.headers.setdefault("Expires", http_date())
        return response

    return never_cached
