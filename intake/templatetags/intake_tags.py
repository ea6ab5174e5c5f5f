from django import template
from django.forms.widgets import ChoiceWidget

register = template.Library()


@register.filter
def tel_href(phone: str) -> str:
    """A tel: link target from a displayed phone number: "(555) 555-0100" -> "tel:+15555550100"."""
    digits = "".join(c for c in str(phone) if c.isdigit())
    if len(digits) == 10:
        digits = "1" + digits
    return f"tel:+{digits}"


@register.filter
def field_error_anchor(field) -> str:
    """The id an error summary links to: the first input of the field."""
    widget = field.field.widget
    # Radios, checkboxes and date parts are numbered from _0; a single checkbox is not.
    if hasattr(widget, "widgets") or (isinstance(widget, ChoiceWidget) and widget.add_id_index):
        return f"{field.auto_id}_0"
    return field.auto_id
