from django import template

register = template.Library()


@register.filter
def tel_href(phone: str) -> str:
    """A tel: link target from a displayed phone number: "(555) 555-0100" -> "tel:+15555550100"."""
    digits = "".join(c for c in str(phone) if c.isdigit())
    if len(digits) == 10:
        digits = "1" + digits
    return f"tel:+{digits}"


@register.filter
def hint_for(field, value):
    """The hint under one choice of a radios or checkboxes field, if it has one."""
    return getattr(field.field, "hints", {}).get(str(value), "")


@register.filter
def field_error_anchor(field) -> str:
    """The id an error summary links to: the first input of the field."""
    widget = field.field.widget
    if hasattr(widget, "widgets") or getattr(widget, "input_type", "") in ("radio", "checkbox"):
        return f"{field.auto_id}_0"
    return field.auto_id
