"""The visitor forms' fields: each form's words are its own, though copies share their choices; each
field is drawn with the markup the accessibility tests check."""

import re

import pytest

from guidance.vocabulary import Initiator, Role
from intake import choices
from intake.forms.consultation import ConsultationForm
from intake.forms.questions import ContactDetailsForm, ContactForm, OrderForm, SituationForm


def initiator_choices(role, mutual=False):
    return choices.as_choices({**choices.initiator_labels(role, mutual), Initiator.UNSURE: choices.NOT_SURE})


def test_forms_for_different_roles_keep_their_own_choices():
    restrained = ContactDetailsForm(prefix="contact_details", visitor_role=Role.RESTRAINED)
    protected = ContactDetailsForm(prefix="contact_details", visitor_role=Role.PROTECTED)
    helper = ContactDetailsForm(prefix="contact_details", visitor_role=Role.HELPING_PROTECTED, mutual=True)

    for form, expected in [
        (restrained, initiator_choices(Role.RESTRAINED)),
        (protected, initiator_choices(Role.PROTECTED)),
        (helper, initiator_choices(Role.HELPING_PROTECTED, mutual=True)),
    ]:
        field = form.fields["initiated_by"]
        assert [str(label) for _, label in field.choices] == [str(label) for _, label in expected]
        # The radios drawn are the field's own choices.
        assert [str(label) for _, label in field.widget.choices] == [str(label) for _, label in expected]
    # The class's field is as declared, whatever its copies were given.
    declared = ContactDetailsForm.base_fields["initiated_by"].choices
    assert declared != restrained.fields["initiated_by"].choices
    assert declared != protected.fields["initiated_by"].choices


def test_a_forms_field_and_widget_are_its_own():
    first, second = OrderForm(prefix="order"), OrderForm(prefix="order")
    first.fields["order_types"].widget.attrs["data-marked"] = "yes"
    first.fields["order_types"].label = "Changed"

    assert "data-marked" not in second.fields["order_types"].widget.attrs
    assert second.fields["order_types"].label != "Changed"
    assert second.fields["order_types"].choices == OrderForm.base_fields["order_types"].choices


def test_choices_shared_between_copies_cannot_be_changed_in_place():
    form = OrderForm(prefix="order")
    field = form.fields["order_types"]
    with pytest.raises(AttributeError):  # a tuple: shared between copies, so never changed in place
        field.choices.append(("invented", "Invented"))
    assert ("invented", "Invented") not in OrderForm.base_fields["order_types"].choices
    assert ("invented", "Invented") not in OrderForm(prefix="order").fields["order_types"].choices
    # Each copy's widget draws from a list of its own.
    form.fields["order_types"].widget.choices.append(("drawn", "Drawn"))
    assert ("drawn", "Drawn") not in OrderForm(prefix="order").fields["order_types"].widget.choices


@pytest.mark.parametrize("language", ["en", "es"])
def test_someone_not_sure_of_their_side_is_told_who_is_who_where_both_are_named(language):
    from django.utils import translation

    with translation.override(language):
        unsure = ContactDetailsForm(prefix="contact_details", visitor_role=Role.UNSURE)
        restrained = ContactDetailsForm(prefix="contact_details", visitor_role=Role.RESTRAINED)
        mutual = ContactDetailsForm(prefix="contact_details", visitor_role=Role.UNSURE, mutual=True)
        explained = {"en": "The protected person is the one the order protects", "es": "La persona protegida"}
        assert str(unsure.fields["initiated_by"].help_text).startswith(explained[language])
        assert not restrained.fields["initiated_by"].help_text
        assert not mutual.fields["initiated_by"].help_text  # under mutual orders: "the other person"
        assert not ContactDetailsForm.base_fields["initiated_by"].help_text


@pytest.mark.parametrize(
    ("role", "other_side", "other_label"),
    [
        (Role.RESTRAINED, Initiator.PROTECTED, "They did (the other person)"),
        (Role.PROTECTED, Initiator.RESTRAINED, "They did (the other person)"),
        (Role.HELPING_RESTRAINED, Initiator.PROTECTED, "The other person"),
        (Role.HELPING_PROTECTED, Initiator.RESTRAINED, "The other person"),
    ],
)
def test_with_no_order_yet_the_contact_questions_name_no_protected_or_restrained_person(
    role, other_side, other_label
):
    form = ContactDetailsForm(prefix="contact_details", visitor_role=role, no_order=True)
    labels = dict(form.fields["initiated_by"].choices)
    assert str(labels[other_side]) == other_label
    words = " ".join(str(text) for text in [*labels.values(), *(f.label for f in form.fields.values())])
    assert "protected person" not in words and "restrained person" not in words
    with_order = ContactDetailsForm(prefix="contact_details", visitor_role=role)
    assert str(dict(with_order.fields["initiated_by"].choices)[other_side]) != other_label


def test_with_no_order_yet_contact_is_not_counted_from_an_order():
    assert "since the order was made" in str(ContactForm(prefix="contact").hint)
    assert str(ContactForm(prefix="contact", no_order=True).hint) == (
        "Choose all that apply. Count any recent contact."
    )


# How the fields are drawn (templates/forms/, through Django's as_field_group).


def test_on_a_one_question_page_the_legend_is_the_page_heading_and_each_choice_has_its_hint():
    form = OrderForm({"order-order_types": ["none_yet", "civil_harassment"]}, prefix="order")
    assert not form.is_valid()
    html = form["order_types"].as_field_group()

    assert html.startswith('<div class="field field--error">')
    assert (
        '<fieldset class="fieldset" aria-describedby="id_order-order_types-hint id_order-order_types-error">'
    ) in html
    assert (
        f'<legend class="legend legend--page"><h1 class="heading-l">{OrderForm.title}</h1></legend>' in html
    )
    assert f'<p class="hint" id="id_order-order_types-hint">{OrderForm.hint}</p>' in html
    assert '<span class="visually-hidden">Error:</span> “There is no order yet”' in html
    assert '<div class="choices choices--checkboxes">' in html
    # What was ticked stays ticked; each choice's hint describes it.
    assert (
        '<input class="choice-input" type="checkbox" id="id_order-order_types_1" name="order-order_types"'
        ' value="civil_harassment" checked aria-describedby="id_order-order_types_1-hint">'
    ) in html
    assert '<p class="hint choice-hint" id="id_order-order_types_1-hint">Forms CH-110' in html


def test_on_a_page_of_several_questions_each_legend_is_the_questions_label():
    form = ContactDetailsForm(prefix="contact_details", visitor_role=Role.RESTRAINED)
    html = form["responded"].as_field_group()
    assert '<legend class="legend">Have you replied to them, or contacted them in any way?</legend>' in html
    assert "<h1" not in html and "aria-describedby" not in html  # no hint, no error
    assert 'type="radio"' in html and "choices--checkboxes" not in html


@pytest.mark.parametrize(
    ("language", "labels"), [("en", ["Month", "Day", "Year"]), ("es", ["Mes", "Día", "Año"])]
)
def test_the_date_is_three_labelled_boxes_keeping_what_was_typed(language, labels):
    from django.utils import translation

    data = {
        "situation-court_date_month": "March",
        "situation-court_date_day": "3",
        "situation-court_date_year": "",
    }
    with translation.override(language):
        form = SituationForm(data, prefix="situation")
        form.is_valid()
        html = form["court_date"].as_field_group()
    assert (
        '<fieldset class="fieldset" role="group"'
        ' aria-describedby="id_situation-court_date-hint id_situation-court_date-error">'
    ) in html
    for index, (label, name, value) in enumerate(
        zip(labels, ["month", "day", "year"], ["March", "3", None], strict=True)
    ):
        assert f'<label class="date-label" for="id_situation-court_date_{index}">{label}</label>' in html
        box = re.search(rf'<input [^>]*name="situation-court_date_{name}"[^>]*>', html).group()
        assert f'id="id_situation-court_date_{index}"' in box and 'inputmode="numeric"' in box
        assert (f'value="{value}"' in box) if value else "value=" not in box
    assert 'maxlength="4"' in box and 'class="date-part date-year"' in box


def test_the_consultation_boxes_take_their_type_and_autocomplete_from_their_widgets():
    form = ConsultationForm({"name": 'Sam "S" <b>', "message": "<i>hi</i>", "website": "spam"}, helper=True)
    form.is_valid()
    html = {name: str(form[name].as_field_group()) for name in form.fields}

    assert (
        '<input class="input" type="text" id="id_name" name="name" value="Sam &quot;S&quot; &lt;b&gt;"'
        ' maxlength="100" autocomplete="name" aria-describedby="id_name-hint">'
    ) in html["name"]
    assert 'autocomplete="off"' in html["helped_name"]
    assert 'type="tel"' in html["phone"] and 'autocomplete="tel"' in html["phone"]
    assert 'type="email"' in html["email"] and 'autocomplete="email"' in html["email"]
    assert 'type="text"' in html["best_time"] and "autocomplete" not in html["best_time"]
    assert (
        '<textarea class="input textarea" id="id_message" name="message" rows="3" maxlength="500"'
        ' aria-describedby="id_message-hint">&lt;i&gt;hi&lt;/i&gt;</textarea>'
    ) in html["message"]
    # The consent is one checkbox, its error named and linked.
    assert '<div class="field field--error">' in html["consent"]
    assert (
        '<input class="choice-input" type="checkbox" id="id_consent" name="consent"'
        ' aria-describedby="id_consent-error">'
    ) in html["consent"]
    # The box for bots never shows what was sent.
    assert html["website"] == (
        '<div class="hp"><label for="id_website">Leave this empty</label><input type="text" id="id_website"'
        ' name="website" value="" autocomplete="off" tabindex="-1"></div>'
    )
