"""intake.services: storing intakes once per journey."""

import re
import uuid

import pytest

from guidance import Answers
from intake.models import Intake
from intake.services import intake_create, new_reference
from tests.factories import DEFAULT_ANSWERS, IntakeFactory

pytestmark = pytest.mark.django_db


def test_one_intake_per_journey():
    journey_id = uuid.uuid4()
    answers = Answers.from_dict(DEFAULT_ANSWERS)
    first = intake_create(answers=answers, language="en", journey_id=journey_id)
    second = intake_create(answers=answers, language="en", journey_id=journey_id)
    assert first.pk == second.pk
    assert Intake.objects.count() == 1


def test_references_are_short_random_and_readable():
    references = {new_reference() for _ in range(500)}
    assert len(references) == 500
    assert all(re.fullmatch(r"[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}", r) for r in references)


def test_str_is_the_reference_only():
    intake = IntakeFactory(name="Sam Secret", phone="+12135550143", other_party_name="Alex")
    assert str(intake) == intake.reference
    assert repr(intake) == f"<Intake: {intake.reference}>"


def test_the_intake_stores_typed_answers_rules_snapshot_and_priority():
    intake = IntakeFactory(answers_data={"order_types": ["criminal_protective", "domestic_violence"]})
    assert intake.role == "restrained"
    assert intake.order_type_list() == ["criminal_protective", "domestic_violence"]
    assert intake.priority == "high"
    assert "criminal-order-priority" in intake.rule_ids
    assert intake.ruleset_version
    for rule_id in intake.rule_ids:
        assert f'data-rule="{rule_id}"' in intake.guidance_snapshot
    assert intake.status == "new"
    assert not intake.consultation_requested


def test_a_name_that_grows_when_normalized_is_stored_with_its_conflict_key_cut():
    from intake.conflicts import normalize_name
    from intake.services import consultation_request

    # 100 characters, as the form allows; normalized, "™" becomes "tm" and "ﬃ" becomes "ffi".
    details = {"name": "™" * 100, "other_party_name": "ﬃ" * 100, "preferred_method": "email"}
    intake = consultation_request(intake=IntakeFactory(), details=details, consent_text="I agree")
    stored = Intake.objects.get(pk=intake.pk)
    assert stored.name == "™" * 100  # the name itself is kept whole
    assert stored.name_key == "tm" * 50 and stored.other_party_key == ("ffi" * 34)[:100]
    assert normalize_name("José  O'Neil") == "jose oneil"
    assert normalize_name(" ".join(["abc"] * 30)) == " ".join(["abc"] * 25)  # cut, no trailing space
