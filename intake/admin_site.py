"""The admin site: a sign-in that answers every refusal alike, with django-otp's two-factor code when
STAFF_2FA_REQUIRED (intake.admin.sign_in), and a home page that starts the day: the queue's counts,
today's consultations, and how much wording waits for approval. The technical models (sign-in
lockouts, two-factor devices) sit apart, for superusers."""

from django.conf import settings
from django.contrib.admin import AdminSite
from django_otp.admin import OTPAdminSite

from intake.admin.sign_in import StaffSignInForm, TwoFactorSignInForm
from intake.admin.start import start_page
from intake.services.approvals import waiting_for_approval

# Sign-in lockouts and two-factor devices: looked after by whoever runs the site, not the desk.
TECHNICAL_APPS = {"axes", "otp_static", "otp_totp"}


class IntakeAdminSite(OTPAdminSite):
    site_header = "Intake desk"
    site_title = "Intake desk"
    index_title = "Consultation requests and intakes"
    enable_nav_sidebar = False  # the queue needs the width

    @property
    def login_form(self):
        return TwoFactorSignInForm if settings.STAFF_2FA_REQUIRED else StaffSignInForm

    @property
    def login_template(self):
        return OTPAdminSite.login_template if settings.STAFF_2FA_REQUIRED else None

    def index(self, request, extra_context=None):
        """The desk's start page, then the models; the technical ones apart, for superusers only."""
        apps = self.get_app_list(request)
        extra_context = {
            **(extra_context or {}),
            "desk": start_page(request),
            "wording_waiting": waiting_for_approval(),
            "desk_apps": [app for app in apps if app["app_label"] not in TECHNICAL_APPS],
            "technical_apps": [app for app in apps if app["app_label"] in TECHNICAL_APPS],
        }
        return super().index(request, extra_context)

    def get_app_list(self, request, app_label=None):
        """Only superusers see the technical models, wherever the admin lists them."""
        apps = super().get_app_list(request, app_label)
        if request.user.is_superuser:
            return apps
        return [app for app in apps if app["app_label"] not in TECHNICAL_APPS]

    def has_permission(self, request):
        """Staff, and when two-factor is required, signed in with a code in this session."""
        if settings.STAFF_2FA_REQUIRED:
            return super().has_permission(request)
        return AdminSite.has_permission(self, request)
