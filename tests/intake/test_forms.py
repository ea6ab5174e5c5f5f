"""The question forms' fields: each form's words are its own, though copies share their choices."""

import pytest

from guidance.vocabulary import Initiator, Role
from intake import choices
from intake.forms.questions import ContactDetailsForm, ContactForm, OrderForm


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
