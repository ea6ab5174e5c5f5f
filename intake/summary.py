"""Answers as rows of question and answer, in the words the visitor saw.

Used by "Check your answers" and by the staff view of an intake.
"""

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from intake.steps import FORMS, QUESTION_STEPS

NOT_GIVEN = _("Not given")


@dataclass
class Row:
    step: str
    field: str
    question: str
    answer: str
    change_url: str = ""


def answer_rows(answers: dict) -> list[Row]:
    """One row per answered field of the steps that were shown (steps with no answer are skipped)."""
    forms = dict(FORMS)
    rows = []
    for step in QUESTION_STEPS:
        form = forms[step](
            visitor_role=answers.get("role"), mutual="mutual" in (answers.get("order_types") or ())
        )
        if all(answers.get(name) in (None, [], "") for name in form.fields):
            continue
        for name, field in form.fields.items():
            question = form.title if form.single_question else field.label
            rows.append(Row(step, name, str(question), _display(field, answers.get(name))))
    return rows


def _display(field, value) -> str:
    if value in (None, "", []):
        return str(NOT_GIVEN)
    labels = {str(k): str(v) for k, v in getattr(field, "choices", ())}
    if isinstance(value, list):
        return ", ".join(labels.get(v, v) for v in value)
    if labels:
        return labels.get(value, value)
    return date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
