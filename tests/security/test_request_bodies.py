"""Request bodies are bounded: a body over the limit, or of no stated length, is refused from its
headers without a byte of it read, and a form with a file in it is refused without the file kept.
(tests/deploy/test_request_bodies.py sends 50 MB to the real server.)"""

import logging
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files import uploadhandler
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models

from tests.journeys import journey, step_data, step_url

pytestmark = pytest.mark.django_db

REFUSED_PAGE = "Sorry, we could not read that"
PATHS = ["/questions/role/", "/questions/", "/guidance/", "/admin/login/", "/i18n/setlang/", "/nowhere/"]


class UnreadableBody:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def answered_steps(client):
    return client.session.get("wizard_questions", {}).get("step_data", {})


@pytest.fixture
def at_the_first_question(client):
    client.get("/questions/")
    client.get(step_url("role"))
    return client


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    "content_type",
    [
        "multipart/form-data; boundary=xyz",
        "application/x-www-form-urlencoded",
        "application/octet-stream",
        "",
    ],
)
@pytest.mark.parametrize("length", [256 * 1024 + 1, 200 * 1024 * 1024])
def test_a_body_over_the_limit_is_refused_before_it_is_read(
    probe, at_the_first_question, caplog, path, content_type, length
):
    caplog.set_level(logging.INFO)
    response = probe.post(
        path,
        b"x",
        content_type=content_type,
        CONTENT_TYPE=content_type,
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": UnreadableBody()},
    )
    assert response.status_code == 413
    assert REFUSED_PAGE in response.content.decode()
    assert answered_steps(at_the_first_question) == {}
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


@pytest.mark.parametrize("method", ["POST", "PUT", "GET"])
def test_a_body_of_no_stated_length_is_refused_before_it_is_read(probe, at_the_first_question, method):
    """Without Content-Length Django would take the form as empty: refused, so the sender knows."""
    response = probe.client.generic(
        method,
        step_url("role"),
        HTTP_TRANSFER_ENCODING="chunked",
        CONTENT_TYPE="application/x-www-form-urlencoded",
        **{"wsgi.input": UnreadableBody()},
    )
    assert response.status_code == 411
    assert REFUSED_PAGE in response.content.decode()
    assert answered_steps(at_the_first_question) == {}


@pytest.mark.parametrize("length", ["-1", "12abc", "1e9"])
def test_a_length_that_is_not_a_number_is_refused(probe, length):
    response = probe.post(
        step_url("role"), b"x", content_type="text/plain", CONTENT_LENGTH=length, CONTENT_TYPE="text/plain"
    )
    assert response.status_code == 400
    assert REFUSED_PAGE in response.content.decode()


def test_a_form_with_a_file_in_it_is_refused_and_the_file_is_not_kept(
    probe, at_the_first_question, monkeypatch
):
    def must_not_store(*args, **kwargs):
        raise AssertionError("a file was stored")

    for handler in (uploadhandler.MemoryFileUploadHandler, uploadhandler.TemporaryFileUploadHandler):
        monkeypatch.setattr(handler, "new_file", must_not_store)
    upload = SimpleUploadedFile("notes.pdf", b"%PDF" + b"x" * 100_000, content_type="application/pdf")
    response = probe.post(step_url("role"), {**step_data("role", journey()), "role-upload": upload})
    assert response.status_code == 400
    assert REFUSED_PAGE in response.content.decode()
    assert answered_steps(at_the_first_question) == {}


def test_a_form_as_large_as_the_limit_is_still_taken(probe, at_the_first_question):
    form = urlencode(step_data("role", journey())) + "&padding="
    body = form + "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE - len(form))
    assert len(body) == settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = probe.post(step_url("role"), body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302 and response["Location"] == step_url("order")
    assert "role" in answered_steps(at_the_first_question)


def test_the_refusal_is_in_the_visitors_language(probe):
    response = probe.post(
        step_url("role"),
        b"x",
        content_type="text/plain",
        CONTENT_LENGTH=str(10**9),
        HTTP_ACCEPT_LANGUAGE="es",
        **{"wsgi.input": UnreadableBody()},
    )
    assert response.status_code == 413
    assert "Lo sentimos, no pudimos leer eso" in response.content.decode()


def test_no_form_on_the_site_or_in_the_admin_takes_a_file():
    """So that no page needs a multipart form, and refusing files costs nobody anything."""
    file_fields = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    assert file_fields == []
