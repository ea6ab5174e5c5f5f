""" "Check your answers" (intake.summary): the same whether kept or rendered; a court date never kept."""

import datetime

import pytest
from django.utils import translation

from intake import summary
from tests.journeys import journey


def answers(**changes):
    data = journey(**changes)
    if data["court_date"]:
        data["court_date"] = data["court_date"].isoformat()
    return data


@pytest.fixture(autouse=True)
def nothing_kept():
    summary._kept.cache_clear()


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_kept_summary_is_the_one_rendered_for_the_same_answers(language):
    with translation.override(language):
        first = summary.summary_html(answers())
        assert summary._kept.cache_info().currsize == 1
        assert summary.summary_html(answers()) == first == summary._rendered(answers())
        assert 'href="/questions/contact/"' in first


def test_other_answers_or_another_language_get_their_own_summary():
    with translation.override("en"):
        english = summary.summary_html(answers())
        other = summary.summary_html(answers(role="protected", initiated_by="restrained"))
    with translation.override("es"):
        spanish = summary.summary_html(answers())
    assert len({english, other, spanish}) == 3


def test_a_summary_with_a_court_date_is_never_kept():
    date = datetime.date.today() + datetime.timedelta(days=40)
    with translation.override("en"):
        html = summary.summary_html(answers(court_date=date))
    assert str(date.year) in html
    assert summary._kept.cache_info().currsize == 0


def test_a_site_served_under_another_prefix_gets_its_own_links():
    from django.urls import get_script_prefix, set_script_prefix

    before = get_script_prefix()
    with translation.override("en"):
        try:
            set_script_prefix("/help/")
            prefixed = summary.summary_html(answers())
        finally:
            set_script_prefix(before)
        plain = summary.summary_html(answers())
    assert 'href="/help/questions/contact/"' in prefixed and 'href="/questions/contact/"' in plain
