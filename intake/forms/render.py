"""The HTML of the visitor's form fields, GOV.UK-style: fieldset and legend, hint, error, inputs.

Built in Python rather than in templates: question pages are the most requested pages, and their
choices were most of the cost of rendering them (see `make bench`). The markup is the one the
accessibility tests check.
"""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from intake.forms.fields import CheckboxesField, FutureDateField, RadioField


def _described_by(*ids) -> SafeString:
    ids = [i for i in ids if i]
    return format_html(' aria-describedby="{}"', " ".join(ids)) if ids else mark_safe("")  # noqa: S308


def _error(field) -> SafeString:
    if not field.errors:
        return mark_safe("")  # noqa: S308
    return format_html(
        '<p class="error-message" id="{}-error"><span class="visually-hidden">{}</span> {}</p>',
        field.auto_id,
        gettext("Error:"),
        field.errors[0],
    )


def _wrapper_class(field) -> str:
    return "field field--error" if field.errors else "field"


def choices(field, *, single=False, form=None) -> SafeString:
    """Radios or checkboxes in a fieldset; on a one-question page the legend is the page heading."""
    kind = field.field.widget.input_type
    page_hint = single and form is not None and form.hint
    hint_text = form.hint if page_hint else field.help_text
    hint_id = f"{field.auto_id}-hint" if hint_text else ""
    error_id = f"{field.auto_id}-error" if field.errors else ""
    legend = (
        format_html('<legend class="legend legend--page"><h1 class="heading-l">{}</h1></legend>', form.title)
        if single
        else format_html('<legend class="legend">{}</legend>', field.label)
    )
    value = field.value()
    chosen = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value)} if value else set()
    hints = getattr(field.field, "hints", {})
    options = []
    for index, (choice, label) in enumerate(field.field.choices):
        option_id = f"{field.auto_id}_{index}"
        hint = hints.get(str(choice), "")
        options.append(
            format_html(
                '<div class="choice"><input class="choice-input" type="{}" id="{}" name="{}" value="{}"{}{}>'
                '<label class="choice-label" for="{}">{}</label>{}</div>',
                kind,
                option_id,
                field.html_name,
                choice,
                mark_safe(" checked") if str(choice) in chosen else "",  # noqa: S308
                _described_by(f"{option_id}-hint" if hint else ""),
                option_id,
                label,
                format_html('<p class="hint choice-hint" id="{}-hint">{}</p>', option_id, hint)
                if hint
                else "",
            )
        )
    return format_html(
        '<div class="{}"><fieldset class="fieldset"{}>{}{}{}<div class="{}">{}</div></fieldset></div>',
        _wrapper_class(field),
        _described_by(hint_id, error_id),
        legend,
        format_html('<p class="hint" id="{}">{}</p>', hint_id, hint_text) if hint_text else "",
        _error(field),
        "choices choices--checkboxes" if kind == "checkbox" else "choices",
        mark_safe("".join(options)),  # noqa: S308 - each part built by format_html
    )


def date(field) -> SafeString:
    """Month, day and year boxes in a fieldset (the GOV.UK date input)."""
    # Bound: the parts as sent. Unbound: a saved date, or the parts as typed (a draft's initial value).
    value = field.value()
    values = value if isinstance(value, list | tuple) else field.field.widget.decompress(value)
    values = list(values or [None, None, None])
    labels = [gettext("Month"), gettext("Day"), gettext("Year")]
    widgets = field.field.widget.widgets
    items = format_html_join(
        "",
        '<div class="date-item"><label class="date-label" for="{}_{}">{}</label>'
        '<input type="text" name="{}{}" class="{}" inputmode="numeric" autocomplete="off" maxlength="{}"'
        ' id="{}_{}"{}></div>',
        (
            (
                field.auto_id,
                i,
                labels[i],
                field.html_name,
                suffix,
                widgets[i].attrs["class"],
                widgets[i].attrs["maxlength"],
                field.auto_id,
                i,
                format_html(' value="{}"', values[i]) if values[i] not in (None, "") else "",
            )
            for i, suffix in enumerate(field.field.widget.widgets_names)
        ),
    )
    return format_html(
        '<div class="{}"><fieldset class="fieldset" role="group"{}><legend class="legend">{}</legend>'
        '<p class="hint" id="{}-hint">{}</p>{}<div class="date-input">{}</div></fieldset></div>',
        _wrapper_class(field),
        _described_by(f"{field.auto_id}-hint", f"{field.auto_id}-error" if field.errors else ""),
        field.label,
        field.auto_id,
        field.help_text,
        _error(field),
        items,
    )


def text(field, *, input_type="text", autocomplete="", textarea=False) -> SafeString:
    hint_id = f"{field.auto_id}-hint" if field.help_text else ""
    described = _described_by(hint_id, f"{field.auto_id}-error" if field.errors else "")
    value = field.value()
    value = "" if value is None else value
    max_length = getattr(field.field, "max_length", None)
    if textarea:
        control = format_html(
            '<textarea class="input textarea" id="{}" name="{}" rows="3" maxlength="{}"{}>{}</textarea>',
            field.auto_id,
            field.html_name,
            max_length,
            described,
            value,
        )
    else:
        control = format_html(
            '<input class="input" type="{}" id="{}" name="{}" value="{}"{}{}{}>',
            input_type,
            field.auto_id,
            field.html_name,
            value,
            format_html(' maxlength="{}"', max_length) if max_length else "",
            format_html(' autocomplete="{}"', autocomplete) if autocomplete else "",
            described,
        )
    return format_html(
        '<div class="{}"><label class="label" for="{}">{}</label>{}{}{}</div>',
        _wrapper_class(field),
        field.auto_id,
        field.label,
        format_html('<p class="hint" id="{}">{}</p>', hint_id, field.help_text) if hint_id else "",
        _error(field),
        control,
    )


def checkbox(field) -> SafeString:
    return format_html(
        '<div class="{}">{}<div class="choice">'
        '<input class="choice-input" type="checkbox" id="{}" name="{}"{}{}>'
        '<label class="choice-label" for="{}">{}</label></div></div>',
        _wrapper_class(field),
        _error(field),
        field.auto_id,
        field.html_name,
        mark_safe(" checked") if field.value() else "",  # noqa: S308
        _described_by(f"{field.auto_id}-error" if field.errors else ""),
        field.auto_id,
        field.label,
    )


def honeypot(field) -> SafeString:
    """A field hidden from people (by CSS) that bots fill in."""
    return format_html(
        '<div class="hp"><label for="{}">{}</label><input type="text" id="{}" name="{}" value=""'
        ' autocomplete="off" tabindex="-1"></div>',
        field.auto_id,
        field.label,
        field.auto_id,
        field.html_name,
    )


def field_html(field, **options) -> SafeString:
    """The right markup for any visitor form field."""
    kind = field.field
    if isinstance(kind, RadioField | CheckboxesField):
        return choices(field, single=options.get("single", False), form=options.get("form"))
    if isinstance(kind, FutureDateField):
        return date(field)
    if isinstance(kind, forms.BooleanField):
        return checkbox(field)
    if field.name == "website":
        return honeypot(field)
    return text(
        field, **{k: v for k, v in options.items() if k in ("input_type", "autocomplete", "textarea")}
    )
