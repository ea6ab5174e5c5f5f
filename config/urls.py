from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from intake.views import staff

admin.site.site_header = "Intake desk"
admin.site.site_title = "Intake desk"
admin.site.index_title = "Consultation requests and intakes"
if settings.STAFF_2FA_REQUIRED:
    # The admin asks for a one-time code from an authenticator app at sign-in (django-otp).
    admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("admin/", admin.site.urls),
    # Staff pages outside the intake admin go through the admin site's checks (staff, two-factor).
    path("staff/rule-book/", admin.site.admin_view(staff.rule_book), name="rule_book"),
    path("", include("intake.urls")),
]

handler400 = "intake.views.errors.bad_request"
handler403 = "intake.views.errors.permission_denied"
handler404 = "intake.views.errors.page_not_found"
handler500 = "intake.views.errors.server_error"
