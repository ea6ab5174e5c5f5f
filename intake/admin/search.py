"""Staff search that keeps what was typed out of every URL, and finds people as staff type them.

A search names a person or gives their phone number, and URLs end up in proxies' and browsers' logs.
So the search box posts the term; it is kept in the staff member's session for that list (until
cleared) and read from there, and no link on the page (filters, sorting, pages, export) carries it.

Matching ignores case, accents and punctuation the same way on PostgreSQL and SQLite: names are
compared through the normalized keys stored for the conflict check (intake.conflicts.normalize_name),
references with or without their hyphen, phone numbers however they are typed.
"""

import re

from django.contrib import messages
from django.contrib.admin.views.main import SEARCH_VAR, ChangeList
from django.db.models import Q, Value
from django.db.models.functions import Replace
from django.http import HttpResponseNotAllowed, QueryDict
from django.shortcuts import redirect
from django.urls import path, reverse
from phonenumbers import NumberParseException, PhoneNumberFormat, format_number, is_possible_number, parse

from intake.conflicts import normalize_name

MAX_TERM = 100
MIN_DIGITS = 4  # fewer digits than this match too many numbers and references to be useful


def _session_key(opts) -> str:
    return f"admin-search:{opts.app_label}.{opts.model_name}"


def stored_term(request, opts) -> str:
    return request.session.get(_session_key(opts), "")


class SessionSearchChangeList(ChangeList):
    """A changelist whose search term comes from the session, never from the query string."""

    def get_queryset(self, request, exclude_parameters=None):
        self.query = stored_term(request, self.opts)
        return super().get_queryset(request, exclude_parameters)


class SessionSearchMixin:
    """For a ModelAdmin with search_fields: the search box posts to <list>/search/."""

    def get_changelist(self, request, **kwargs):
        return SessionSearchChangeList

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_search"
        return [path("search/", self.admin_site.admin_view(self.search_view), name=name), *super().get_urls()]

    def search_view(self, request):
        """Keep (or clear) the term, then show the list with the filters it had, and no term in the URL."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        opts = self.model._meta
        term = " ".join(request.POST.get(SEARCH_VAR, "").split())
        if len(term) > MAX_TERM:
            messages.warning(request, f"Search terms are at most {MAX_TERM} characters; yours was cut.")
            term = term[:MAX_TERM]
        if term:
            request.session[_session_key(opts)] = term
        else:
            request.session.pop(_session_key(opts), None)
        return redirect(self._list_url(opts, request.POST.get("filters", "")))

    def changelist_view(self, request, extra_context=None):
        """A term in the query string (an old bookmark) is taken as a search and taken out of the URL."""
        if SEARCH_VAR in request.GET:
            params = request.GET.copy()
            term = " ".join(params.pop(SEARCH_VAR)[-1].split())[:MAX_TERM]
            if term:
                request.session[_session_key(self.model._meta)] = term
            return redirect(self._list_url(self.model._meta, params.urlencode()))
        return super().changelist_view(request, extra_context)

    @staticmethod
    def _list_url(opts, query: str) -> str:
        # Rebuilt from parsed pairs: the redirect stays on this list whatever was posted.
        params = QueryDict(query.lstrip("?"), mutable=True)
        params.pop(SEARCH_VAR, None)
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        return f"{url}?{params.urlencode()}" if params else url


def compact_reference(term: str) -> str:
    """ "abcd-efgh", "ABCDEFGH" and "abcd efgh" all give "ABCDEFGH"."""
    return re.sub(r"[^A-Za-z0-9]", "", term).upper()


def phone_query(term: str) -> Q | None:
    """A whole number however typed ("(213) 555-0143", "213.555.0143", "+1 213 555 0143"), or the end
    of one ("0143")."""
    digits = re.sub(r"\D", "", term)
    if len(digits) < MIN_DIGITS or re.search(r"[A-Za-z]", term):
        return None
    try:
        number = parse(term, "US")
    except NumberParseException:
        number = None
    if number is not None and is_possible_number(number):
        return Q(phone=format_number(number, PhoneNumberFormat.E164))
    return Q(phone__endswith=digits)


def people_query(term: str, name_fields=("name_key", "helped_key")) -> Q:
    """Whom a staff member means by what they typed: a name, a reference, a phone number or an email."""
    query = Q(pk__in=[])
    key = normalize_name(term)
    if key:
        for field in name_fields:
            query |= Q(**{f"{field}__contains": key})
    reference = compact_reference(term)
    if len(reference) >= MIN_DIGITS:
        query |= Q(reference_compact__contains=reference)
    phone = phone_query(term)
    if phone is not None:
        query |= phone
    if "@" in term:
        query |= Q(email__icontains=term)
    return query


def with_compact_reference(queryset):
    return queryset.annotate(reference_compact=Replace("reference", Value("-"), Value("")))
