"""Drafts: what a visitor ticked or typed on a form but did not send, kept across a language switch.

On a page with a form (a question, or the guidance page's consultation form) the language switch
sends that form to intake.views.language, which keeps its values here and sets the language; the
same page then shows them again in the other language. A draft is not an answer: it is not
validated, does not count as answered, is never stored on an intake, and goes when its form is sent.

Only the form's own fields are kept, each bounded: a choice must be one of the field's values (a
list holds each at most once), and text is cut to the field's length. Question drafts live with the
answers (intake.wizard_storage); the consultation form's draft in the session under its own key.
"""

from django import forms

from intake.forms.consultation import ConsultationForm
from intake.steps import FORMS, QUESTION_STEPS

CONSULTATION_DRAFT_KEY = "consultation_draft"
# The longest any text without a length of its own can be.
LONGEST_TEXT = 500
# Not kept: the honeypot (for bots), and the consent tick, which agrees to words the visitor reads
# in one language and must be given again to the words in the other.
NOT_KEPT = ("website", "consent")


def _choice_values(field) -> set[str]:
    return {str(value) for value, _ in field.choices}


def _text(value, field) -> str:
    return str(value)[: getattr(field, "max_length", None) or LONGEST_TEXT]


def _values(form: forms.Form, data, *, prefix: str | None = None) -> dict:
    """The form's own fields' values from `data` (a QueryDict or MultiValueDict), bounded, as the
    form's `initial` takes them; fields left empty are left out."""
    draft = {}
    for name, field in form.fields.items():
        if name in NOT_KEPT:
            continue
        key = f"{prefix}-{name}" if prefix else name
        if isinstance(field.widget, forms.MultiWidget):
            parts = [
                str(data.get(key + suffix, ""))[: int(widget.attrs.get("maxlength", LONGEST_TEXT))].strip()
                for suffix, widget in zip(field.widget.widgets_names, field.widget.widgets, strict=True)
            ]
            if any(parts):
                draft[name] = parts
        elif isinstance(field, forms.MultipleChoiceField):
            allowed = _choice_values(field)
            chosen = [value for value in dict.fromkeys(data.getlist(key)) if value in allowed]
            if chosen:
                draft[name] = chosen
        elif isinstance(field, forms.ChoiceField):
            if (value := data.get(key)) in _choice_values(field):
                draft[name] = value
        elif isinstance(field, forms.BooleanField):
            if data.get(key):
                draft[name] = True
        elif value := _text(data.get(key, ""), field):
            draft[name] = value
    return draft


def question_draft(step: str, data) -> dict:
    """The values of `step`'s own fields in `data` (a sent form, or the step's saved data)."""
    if step not in QUESTION_STEPS:
        return {}
    # Built without the visitor's role: every field then offers every value it can take.
    form = dict(FORMS)[step](prefix=step)
    return _values(form, data, prefix=step)


# Not kept of the consultation form: the message (anything written in it may be used in a criminal
# case, and it is not sent until the visitor sends it) and the other party's name: after a
# language switch, both are typed again.
CONSULTATION_NOT_KEPT = ("message", "other_party_name")


def consultation_draft(data) -> dict:
    """The values typed or chosen in the consultation form (helpers' fields included: the page
    shows only those of the form the visitor has), but for CONSULTATION_NOT_KEPT."""
    draft = _values(ConsultationForm(helper=True), data)
    return {name: value for name, value in draft.items() if name not in CONSULTATION_NOT_KEPT}


def keep_consultation_draft(session, draft: dict) -> None:
    if draft:
        session[CONSULTATION_DRAFT_KEY] = draft
    else:
        session.pop(CONSULTATION_DRAFT_KEY, None)


def kept_consultation_draft(session) -> dict | None:
    return session.get(CONSULTATION_DRAFT_KEY)


def forget_consultation_draft(session) -> None:
    """The form was sent: what it carried replaces the draft (written only if there was one)."""
    session.pop(CONSULTATION_DRAFT_KEY, None)
