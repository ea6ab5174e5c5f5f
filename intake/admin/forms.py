"""The intake page's forms: the follow-up (status, next action, consultation) and a contact attempt.

They check what staff enter and show the reason on the page, so nothing typed is lost; the rules
themselves are intake.services.followup's, which every save goes through.
"""

from django import forms

from intake.models import CallAttempt, Intake, Status
from intake.services.followup import ContactRefused, NeedsConfirmation, contact_check

CONFIRMED_CALL = "confirmed_call"
CONFIRM_LABEL = "I confirm they agreed to a call"
CONFIRM_HELP = "They asked for text messages only: tick this to log a call they agreed to."


class IntakeAdminForm(forms.ModelForm):
    """Status "consult scheduled" asks for the consultation's date and time (Pacific) and who holds it."""

    class Meta:
        model = Intake
        fields = ("status", "assigned_to", "next_action_on", "consult_at", "consult_with")
        labels = {"consult_at": "Consultation date and time (Pacific)"}
        help_texts = {
            "consult_at": "Pacific time. Needed with the status “Consult scheduled”.",
            "consult_with": "Needed with the status “Consult scheduled”.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The split widget's two boxes carry only "Date:" and "Time:" as text: name each one.
        widget = self.fields["consult_at"].widget if "consult_at" in self.fields else None
        for box, name in zip(getattr(widget, "widgets", ()), ("date", "time"), strict=False):
            box.attrs["aria-label"] = f"Consultation {name} (Pacific time)"

    def clean(self):
        cleaned = super().clean()
        scheduling = {"status", "consult_at", "consult_with"} & set(self.changed_data)
        if cleaned.get("status") == Status.CONSULT_SCHEDULED and scheduling:
            missing_time = not cleaned.get("consult_at") and "consult_at" not in self.errors
            if "consult_at" in self.fields and missing_time:
                self.add_error("consult_at", "Enter the date and time of the consultation (Pacific time).")
            if "consult_with" in self.fields and not cleaned.get("consult_with"):
                self.add_error("consult_with", "Choose who holds the consultation.")
        return cleaned


class ContactAttemptForm(forms.ModelForm):
    """A call, text or email logged on the intake page, as the visitor allowed it. The confirmation is
    shown (intake.admin.inlines) and counts only on a request that asked for texts only."""

    confirmed_call = forms.BooleanField(label=CONFIRM_LABEL, required=False, help_text=CONFIRM_HELP)

    class Meta:
        model = CallAttempt
        fields = ("outcome", "note")
        # The inline's column headings read these (its rows cannot be changed once saved).
        labels = {CONFIRMED_CALL: CONFIRM_LABEL}
        help_texts = {CONFIRMED_CALL: CONFIRM_HELP}

    def clean(self):
        cleaned = super().clean()
        intake, outcome = cleaned.get("intake"), cleaned.get("outcome")
        if intake is None or not outcome:
            return cleaned
        try:
            contact_check(intake=intake, outcome=outcome, confirmed_call=cleaned.get(CONFIRMED_CALL, False))
        except ContactRefused as refusal:
            self.add_error("outcome", str(refusal))
        except NeedsConfirmation as question:
            self.add_error(CONFIRMED_CALL, str(question))
        return cleaned

    def save(self, commit=True):
        """The attempt, carrying the confirmation to IntakeAdmin.save_formset (which logs it through
        the service; the admin never saves it from here)."""
        self.instance.confirmed_call = bool(self.cleaned_data.get(CONFIRMED_CALL))
        return super().save(commit)
