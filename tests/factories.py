"""Intakes for tests, made through the same service the questionnaire uses."""

import uuid

import factory

from guidance import Answers
from intake.conflicts import normalize_name
from intake.models import Intake
from intake.services import intake_create

DEFAULT_ANSWERS = {
    "role": "restrained",
    "order_types": ["domestic_violence"],
    "order_stage": "after_hearing",
    "order_exceptions": "no",
    "contact_kinds": ["text"],
    "initiated_by": "protected",
    "responded": "no",
    "said_ok": "no",
    "criminal_case": "no",
    "court_date": None,
}


class IntakeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Intake

    @classmethod
    def _create(cls, model_class, *args, answers_data=None, language="en", **kwargs):
        """`answers_data` changes DEFAULT_ANSWERS; other keyword arguments set staff-side fields."""
        data = {**DEFAULT_ANSWERS, **(answers_data or {})}
        intake = intake_create(answers=Answers.from_dict(data), language=language, journey_id=uuid.uuid4())
        if kwargs:
            # Staff-side and consultation fields, set directly; the normalized names as the services set them.
            kwargs.setdefault("name_key", normalize_name(kwargs.get("name", "")))
            kwargs.setdefault("other_party_key", normalize_name(kwargs.get("other_party_name", "")))
            Intake.objects.filter(pk=intake.pk).update(**kwargs)
            intake.refresh_from_db()
        return intake
