"""The staff desk's sign-in forms: every refusal answered alike, and every one counted by the lockout.

A right password refused for another reason (no code, a wrong code, an account that may not use the
desk) gets the very page a wrong password gets, so that the page never tells whoever is guessing that
the password was right, and is reported as a failed sign-in (Django's `user_login_failed` signal, which
django-axes counts). A wrong password Django reports itself.
"""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice


class StaffSignInForm(AdminAuthenticationForm):
    """Username and password, for a staff account."""

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            if self.user_cache is None:
                raise  # a wrong password (or a lockout): authenticate() has reported it
            user_login_failed.send(
                sender=__name__,
                credentials={"username": self.cleaned_data.get("username")},
                request=self.request,
            )
            self.user_cache = None  # a refused sign-in has no user: the page must not change with it
            raise self.get_invalid_login_error() from None


class TwoFactorSignInForm(StaffSignInForm):
    """Username, password and a code from the staff member's authenticator app or a backup code.

    No device to choose: which devices someone has is shown to nobody before they are signed in.
    """

    error_messages = {
        **StaffSignInForm.error_messages,
        "invalid_login": (
            "Please enter the correct %(username)s, password and OTP token for a staff account. "
            "Note that the username and password may be case-sensitive."
        ),
    }

    otp_token = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"autocomplete": "one-time-code"})
    )

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        device = verified_device(user, "".join(self.cleaned_data.get("otp_token", "").split()))
        if device is None:
            raise self.get_invalid_login_error()
        user.otp_device = device  # django-otp marks the session verified when the user is signed in


def verified_device(user, token):
    """The user's confirmed device that accepts this code, or None.

    A code with as many digits as an authenticator's is tried on the authenticators only, anything
    else on the backup codes only: django-otp slows a device down after each failure, and signing in
    with one must not count as a failure against the other.
    """
    if not token:
        return None
    with transaction.atomic():  # the devices are locked while they are checked
        devices = list(devices_for_user(user, for_verify=True))
        authenticators = [
            device
            for device in devices
            if isinstance(device, TOTPDevice) and token.isdigit() and len(token) == device.digits
        ]
        others = [device for device in devices if not isinstance(device, TOTPDevice)]
        for device in authenticators or others:
            if device.verify_token(token):
                return device
    return None
