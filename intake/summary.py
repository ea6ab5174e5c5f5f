"""Answers as rows of question and answer, in the words the visitor saw.

Used by "Check your answers" and by the staff view of an intake.
"""

import datetime
import functools
import json
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.formats import date_format
from django.utils.translation import get_language
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


@functools.lru_cache(maxsize=64)
def _wording(role: str | None, mutual: bool, no_order: bool, language: str) -> list[tuple[str, list]]:
    """Each step's [(field, question, {value: label})] in the visitor's words, once per kind of visitor."""
    forms = dict(FORMS)
    wording = []
    for step in QUESTION_STEPS:
        form = forms[step](visitor_role=role, mutual=mutual, no_order=no_order)
        fields = [
            (
                name,
                str(form.title if form.single_question else field.label),
                {str(k): str(v) for k, v in getattr(field, "choices", ())},
            )
            for name, field in form.fields.items()
        ]
        wording.append((step, fields))
    return wording


def answer_rows(answers: dict) -> list[Row]:
    """One row per answered field of the steps that were shown (steps with no answer are skipped)."""
    orders = answers.get("order_types") or ()
    rows = []
    for step, fields in _wording(
        answers.get("role"), "mutual" in orders, "none_yet" in orders, get_language()
    ):
        if all(answers.get(name) in (None, [], "") for name, _, _ in fields):
            continue
        for name, question, labels in fields:
            rows.append(Row(step, name, question, _display(labels, answers.get(name))))
    return rows


def _display(labels: dict, value) -> str:
    if value in (None, "", []):
        return str(NOT_GIVEN)
    if isinstance(value, list):
        return ", ".join(labels.get(v, v) for v in value)
    if labels:
        return labels.get(value, value)
    return date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")


def summary_html(answers: dict) -> str:
    """ "Check your answers" as HTML: a row per answer, each with a link to change it.

    Answers without a court date are ticks that many visitors share: their summary is kept, per
    process and language, as web.page_memory keeps question pages. A date is particular to a
    visitor, so a summary with one is rendered each time and never kept.
    """
    if answers.get("court_date"):
        return _rendered(answers)
    return _kept(get_language(), get_script_prefix(), json.dumps(answers, sort_keys=True))


@functools.lru_cache(maxsize=256)
def _kept(language: str, script_prefix: str, answers_json: str) -> str:
    # The language and the links' prefix are the active ones: in the key, not read from it.
    return _rendered(json.loads(answers_json))


def _rendered(answers: dict) -> str:
    rows = answer_rows(answers)
    for row in rows:
        row.change_url = reverse("questions_step", kwargs={"step": row.step})
    return render_to_string("questions/summary.html", {"summary": rows})
