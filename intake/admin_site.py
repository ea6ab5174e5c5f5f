"""The admin site: django-otp's two-factor sign-in, switched on and off by STAFF_2FA_REQUIRED, and a home
page that says how much wording waits for approval."""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite

from intake.services.approvals import waiting_for_approval


class IntakeAdminSite(OTPAdminSite):
    site_header = "Intake desk"
    site_title = "Intake desk"
    index_title = "Consultation requests and intakes"
    enable_nav_sidebar = False  # the queue needs the width

    @property
    def login_form(self):
        return OTPAdminAuthenticationForm if settings.STAFF_2FA_REQUIRED else AdminAuthenticationForm

    @property
    def login_template(self):
        return OTPAdminSite.login_template if settings.STAFF_2FA_REQUIRED else None

    def index(self, request, extra_context=None):
        """The home page also says how much of the guidance wording waits for the attorneys' approval."""
        extra_context = {**(extra_context or {}), "wording_waiting": waiting_for_approval()}
        return super().index(request, extra_context)

    def has_permission(self, request):
        """Staff, and when two-factor is required, signed in with a code in this session."""
        if settings.STAFF_2FA_REQUIRED:
            return super().has_permission(request)
        return AdminSite.has_permission(self, request)
