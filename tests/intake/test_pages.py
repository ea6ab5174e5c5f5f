"""The visitor's pages: weight, caching, neutral titles, quick exit, start again, delete my answers."""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from intake.models import Intake
from tests.journeys import QUESTIONS, VALID, journey, step_data, step_url

pytestmark = pytest.mark.django_db

PAGE_LIMIT = 30 * 1024
ASSET = re.compile(r'(?:href|src)="(/static/[^"]+)"')


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def page_weight(html: str) -> int:
    """HTML plus every stylesheet, script and icon it loads, each gzip-compressed (as served)."""
    total = compressed(html.encode())
    for url in set(ASSET.findall(html)):
        path = finders.find(url.removeprefix(settings.STATIC_URL))
        total += compressed(Path(path).read_bytes())
    return total


def every_page(client, visitor):
    """(name, html) for each public page of a complete journey, error states included."""
    pages = [
        ("start", client.get("/")),
        ("online safety", client.get("/online-safety/")),
        ("privacy", client.get("/privacy/")),
    ]
    visitor.walk(
        journey(contact_kinds=["text", "call", "email_social", "in_person", "third_party"]), finish=False
    )
    for step in [*QUESTIONS, "check"]:
        pages.append((step, client.get(step_url(step))))
    pages.append(("order, error", client.post(step_url("order"), {})))
    client.post(step_url("check"), {})
    pages.append(("guidance", client.get("/guidance/")))
    pages.append(("consultation, errors", client.post("/guidance/", {"message": "x" * 600})))
    client.post("/guidance/", VALID)
    pages.append(("confirmation", client.get("/guidance/request-sent/")))
    pages.append(("start again?", client.get("/start-again/")))
    # After a call was asked for, deleting asks first, and the page after says the call is cancelled.
    pages.append(("delete, call cancelled too?", client.post("/delete/", follow=True)))
    pages.append(("deleted, call cancelled", client.post("/delete/", {"confirm": "cancel-call"})))
    return pages


def test_no_page_weighs_more_than_30_kb_compressed(client, visitor):
    weights = {name: page_weight(response.content.decode()) for name, response in every_page(client, visitor)}
    print("\nPage weight, compressed (bytes):", weights)
    assert len(weights) == 18
    assert max(weights.values()) <= PAGE_LIMIT, weights


def test_pages_load_nothing_from_another_site_and_nothing_inline(client, visitor):
    for name, response in every_page(client, visitor):
        html = response.content.decode()
        assert not re.search(r'(?:src|href)="(?:https?:)?//', html), name
        assert "<style" not in html and " style=" not in html, name
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), name
        assert not re.search(r"\son[a-z]+=", html), name


def test_pages_with_answers_are_not_stored_by_the_browser(client, visitor):
    visitor.walk(journey(), finish=False)
    for url in [step_url("role"), step_url("check")]:
        assert "no-store" in client.get(url)["Cache-Control"]
    client.post(step_url("check"), {})
    assert "no-store" in client.get("/guidance/")["Cache-Control"]
    client.post("/guidance/", VALID)
    assert "no-store" in client.get("/guidance/request-sent/")["Cache-Control"]


def test_page_titles_stay_neutral(client, visitor):
    for name, response in every_page(client, visitor):
        title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).lower()
        for word in ("restrain", "violence", "abuse", "protective", "no-contact", "order"):
            assert word not in title, (name, title)


def test_quick_exit_clears_the_session_language_and_csrf_cookies_then_leaves(client, visitor):
    visitor.walk(journey())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert settings.CSRF_COOKIE_NAME in client.cookies
    response = client.get("/exit/")
    assert response.status_code == 302
    assert response["Location"] == settings.QUICK_EXIT_URL
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""
    for name in (settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
        assert response.cookies[name]["max-age"] == 0 and response.cookies[name].value == "", name
    assert "cookies" in response["Clear-Site-Data"]
    assert client.get("/guidance/").status_code == 404
    assert Intake.objects.count() == 1  # leaving does not delete what was stored


def test_quick_exit_drops_a_notice_left_waiting(client, visitor):
    visitor.walk(journey(), finish=False)
    client.get("/questions/no-such-question/")  # a notice waits for the next page, in its cookie
    assert client.cookies["messages"].value
    response = client.get("/exit/")
    assert response.cookies["messages"]["max-age"] == 0 and response.cookies["messages"].value == ""


def test_every_public_page_has_quick_exit(client, visitor):
    for name, response in every_page(client, visitor):
        assert 'href="/exit/"' in response.content.decode(), name


def test_start_again_asks_first_then_clears_the_answers(client, visitor):
    visitor.walk(journey(), finish=False)
    footer = client.get(step_url("check")).content.decode()
    assert '<a href="/start-again/">Start again</a>' in footer
    confirm = client.get("/start-again/")
    page = confirm.content.decode()
    assert "Start again?" in page and 'action="/start-again/"' in page
    assert 'href="/questions/">No, go back to the questions' in page
    assert '<a href="/start-again/">' not in page  # the page that asks does not offer itself
    assert "no-store" in confirm["Cache-Control"]
    assert client.get(step_url("check")).status_code == 200  # asking cleared nothing
    response = client.post("/start-again/")
    assert response["Location"] == "/questions/"
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""  # no session kept, not even its clock
    assert client.get(step_url("check"))["Location"] == step_url("role")


def test_start_again_after_finishing_says_the_finished_answers_stay(client, visitor):
    visitor.walk(journey())
    page = client.get("/start-again/").content.decode()
    assert "The answers you finished stay with the firm" in page
    assert 'href="/guidance/">No, go back to my guidance' in page
    assert client.get("/guidance/").status_code == 200  # asking cleared nothing
    # Answering again after finishing: "No" goes back to those questions.
    visitor.answer("role", journey())
    page = client.get("/start-again/").content.decode()
    assert 'href="/questions/">No, go back to the questions' in page


def test_asking_to_start_again_makes_no_session(client, settings):
    response = client.get("/start-again/")
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_delete_my_answers_removes_the_intake_and_session_at_once_without_a_call_request(client, visitor):
    visitor.walk(journey())
    response = client.post("/delete/")
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""  # no session kept, not even its clock
    assert response["Location"] == "/deleted/"
    page = client.get(response["Location"]).content.decode()
    assert "Your answers have been deleted" in page
    assert "We will not call" not in page and "data-call-cancelled" not in page  # there was no call
    assert not Intake.objects.exists()
    assert client.get("/guidance/").status_code == 404


def test_the_firm_phone_is_a_tap_to_call_link(client, visitor):
    assert 'href="tel:+15555550100"' in client.get("/").content.decode()
    visitor.walk(journey())
    assert 'href="tel:+15555550100"' in client.get("/guidance/").content.decode()
    client.post("/guidance/", VALID)
    page = client.get("/guidance/request-sent/").content.decode()
    assert 'href="tel:+15555550100"' in page
    assert "no caller ID: a private or unknown number" in page


def test_static_files_are_compressed_and_cache_busted_for_production(tmp_path, settings):
    from django.core.management import call_command
    from django.templatetags.static import static

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    url = static("css/site.css")
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url)
    hashed = tmp_path / url.removeprefix("/static/")
    assert hashed.with_name(hashed.name + ".gz").exists()


def test_answers_and_contact_details_are_hidden_from_error_reports(client, visitor):
    client.get("/questions/")
    answered = client.post(step_url("role"), step_data("role", journey()))
    assert answered.wsgi_request.sensitive_post_parameters == "__ALL__"
    visitor.walk(journey())
    assert client.post("/guidance/", VALID).wsgi_request.sensitive_post_parameters == "__ALL__"


def test_no_page_shows_template_syntax(client, visitor):
    """A comment or tag that Django did not take for one (a {# #} comment over two lines) would be
    shown to the visitor as it is."""
    for name, response in every_page(client, visitor):
        html = response.content.decode()
        assert "{#" not in html and "{%" not in html and "{{" not in html, name


def test_the_home_page_leads_back_to_the_guidance_of_a_visitor_who_finished(client, visitor):
    assert 'href="/guidance/"' not in client.get("/").content.decode()  # a newcomer has none
    visitor.walk(journey())
    page = client.get("/").content.decode()
    assert '<a class="button" href="/guidance/">Continue to your guidance</a>' in page
    assert client.get("/guidance/").status_code == 200


def test_the_contact_log_tells_the_restrained_side_to_show_it_to_their_lawyer_first(client, visitor):
    page = client.get("/contact-log/").content.decode()
    assert "If the order is against you, show it to your lawyer before anyone else." in page
    assert "or to the police if you make a report" not in page  # told to everyone, defendants included
    assert 'href="/guidance/"' not in page  # nothing to go back to yet
    visitor.walk(journey())
    assert "Back to your guidance" in client.get("/contact-log/").content.decode()
