"""The staff desk in Django admin, and the rule book."""

import re

import pytest
from django.utils import timezone

from guidance.rules import RULES
from intake.admin import IntakeAdmin
from intake.models import Intake
from tests.factories import IntakeFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/intake/intake/"


@pytest.fixture
def intakes():
    return {
        "urgent": IntakeFactory(
            answers_data={
                "order_types": ["emergency_protective"],
                "order_stage": None,
                "order_exceptions": None,
            },
            consultation_requested_at=timezone.now(),
            name="Sam Caller",
            phone="+12135550143",
            email="sam@example.com",
        ),
        "protected": IntakeFactory(answers_data={"role": "protected", "order_types": ["civil_harassment"]}),
        "helper": IntakeFactory(answers_data={"role": "helping_restrained", "order_types": ["gun_violence"]}),
    }


def listed(response):
    return set(re.findall(r"\b[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}\b", response.content.decode()))


def test_changelist_shows_reference_priority_role_order_types_and_consultation(admin_client, intakes):
    response = admin_client.get(CHANGELIST)
    assert response.status_code == 200
    page = response.content.decode()
    assert listed(response) == {i.reference for i in intakes.values()}
    assert 'class="priority priority--urgent"' in page
    assert "Emergency protective order" in page
    assert "Helping the restrained person" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("priority=urgent", {"urgent"}),
        ("role=protected", {"protected"}),
        ("order_type=gun_violence", {"helper"}),
        ("order_type=violence", {"urgent", "protected", "helper"}),  # not a value: no filtering
        ("consultation=yes", {"urgent"}),
        ("consultation=no", {"protected", "helper"}),
        ("status=new", {"urgent", "protected", "helper"}),
        ("language=en", {"urgent", "protected", "helper"}),
    ],
)
def test_filters(admin_client, intakes, query, expected):
    response = admin_client.get(f"{CHANGELIST}?{query}")
    assert response.status_code == 200
    assert listed(response) == {intakes[name].reference for name in expected}


@pytest.mark.parametrize("term", ["reference", "Sam Caller", "sam@example.com", "+12135550143"])
def test_search(admin_client, intakes, term):
    query = intakes["urgent"].reference if term == "reference" else term
    response = admin_client.get(CHANGELIST, {"q": query})
    assert listed(response) == {intakes["urgent"].reference}


def test_detail_shows_safe_contact_first_then_answers_then_guidance_as_shown(admin_client, intakes):
    intake = intakes["urgent"]
    page = admin_client.get(f"{CHANGELIST}{intake.pk}/change/").content.decode()
    assert page.index("How to contact them safely") < page.index("+12135550143") < page.index("Answers")
    assert page.index("Answers") < page.index("Guidance as the visitor saw it")
    assert "Emergency protective order" in page
    for rule_id in intake.rule_ids:
        assert f'data-rule="{rule_id}"' in page


def test_visitor_fields_cannot_be_changed_and_intakes_cannot_be_added(admin_client, intakes):
    intake = intakes["urgent"]
    response = admin_client.post(
        f"{CHANGELIST}{intake.pk}/change/",
        {
            "name": "Changed",
            "role": "protected",
            "status": "contacted",
            "assigned_to": "",
            "next_action_on": "",
        },
    )
    assert response.status_code == 302
    intake.refresh_from_db()
    assert intake.name == "Sam Caller"
    assert intake.role == "restrained"
    assert intake.status == "contacted"
    assert admin_client.get(f"{CHANGELIST}add/").status_code == 403


def test_every_field_the_visitor_gave_is_read_only():
    visitor_fields = {
        f.name for f in Intake._meta.get_fields() if getattr(f, "editable", False) is False and f.concrete
    } - {
        "id",
        "journey_id",
        "answers",
        "order_types",
        "role",
        "criminal_case",
        "court_date",
        "rule_ids",
        "guidance_snapshot",
        "priority",
    }
    assert visitor_fields <= set(IntakeAdmin.readonly_fields)
    editable = {f.name for f in Intake._meta.get_fields() if getattr(f, "editable", False) and f.concrete}
    assert editable == {"id", "status", "assigned_to", "next_action_on"}


def test_the_rule_book_lists_every_rule_with_condition_and_source(admin_client):
    page = admin_client.get("/staff/rule-book/").content.decode()
    for rule in RULES:
        assert f'data-rule="{rule.id}"' in page
        assert rule.condition.replace("'", "&#x27;") in page
    assert page.count("Sources:") == len(RULES)
    assert "Read by: helper, restrained side" in page


def test_the_rule_book_is_for_staff_only(client, django_user_model):
    assert client.get("/staff/rule-book/")["Location"].startswith("/admin/login/")
    user = django_user_model.objects.create_user("visitor", password="x-long-password-1")
    client.force_login(user)
    assert client.get("/staff/rule-book/").status_code == 302
